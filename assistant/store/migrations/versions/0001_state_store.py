"""The state store: question log with per-answer feedback tokens, sessions, desk call records, index state.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "questions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("answer_id", sa.String(40), nullable=False, unique=True),
        sa.Column("asked_at", TIME, nullable=False),
        sa.Column("session_id", sa.String(64), nullable=False),
        sa.Column("surface", sa.String(32), nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("citations", sa.JSON, nullable=False),
        sa.Column("written_by", sa.String(16), nullable=False, server_default="rules"),
        sa.Column("guard", sa.JSON, nullable=False),
        sa.Column("feedback_token_hash", sa.String(64), nullable=True),
        sa.Column("feedback", sa.String(16), nullable=True),
        sa.Column("comment", sa.Text, nullable=True),
        sa.Column("feedback_at", TIME, nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_questions_asked_at", "questions", ["asked_at"])
    op.create_index("ix_questions_session_id", "questions", ["session_id"])

    op.create_table(
        "sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("touched_at", TIME, nullable=False),
        sa.Column("expires_at", TIME, nullable=False),
        sa.Column("turns", sa.JSON, nullable=False),
        sa.Column("award", sa.JSON, nullable=True),
        sa.Column("current_document", sa.String(64), nullable=True),
        sa.Column("last_chunk_ids", sa.JSON, nullable=False),
    )
    op.create_index("ix_sessions_touched_at", "sessions", ["touched_at"])
    op.create_index("ix_sessions_expires_at", "sessions", ["expires_at"])

    op.create_table(
        "calls",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("opened_at", TIME, nullable=False),
        sa.Column("updated_at", TIME, nullable=False),
        sa.Column("closed_at", TIME, nullable=True),
        sa.Column("staff", sa.String(64), nullable=True),
        sa.Column("caller_type", sa.String(32), nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("outcome", sa.String(16), nullable=False, server_default="open"),
        sa.Column("transferred_to", sa.String(128), nullable=True),
        sa.Column("feedback", sa.Text, nullable=True),
        sa.Column("session_id", sa.String(64), nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_calls_opened_at", "calls", ["opened_at"])
    op.create_index("ix_calls_outcome", "calls", ["outcome"])

    op.create_table(
        "call_questions",
        sa.Column("call_id", sa.Integer, sa.ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("question_id", sa.Integer, sa.ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True),
    )

    op.create_table(
        "index_state",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("version", sa.String(128), nullable=False),
        sa.Column("activated_at", TIME, nullable=False),
    )
    op.create_table(
        "retired_indexes",
        sa.Column("version", sa.String(128), primary_key=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("retired_at", TIME, nullable=False),
    )
    op.create_index("ix_retired_indexes_retired_at", "retired_indexes", ["retired_at"])


def downgrade() -> None:
    for table in ("retired_indexes", "index_state", "call_questions", "calls", "sessions", "questions"):
        op.drop_table(table)
