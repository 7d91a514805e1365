"""The tables of the state store, as the newest migration leaves them (``migrations/versions``).

Times are UTC-aware ``datetime``s in every table; JSON columns hold the typed records' JSON form.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """A point in time, stored as UTC and read back timezone-aware (SQLite keeps no zone of its own)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("store times must be timezone-aware")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = sa.MetaData()

questions = sa.Table(
    "questions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("answer_id", sa.String(40), nullable=False, unique=True),
    sa.Column("asked_at", UtcDateTime, nullable=False, index=True),
    sa.Column("session_id", sa.String(64), nullable=False, index=True),
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
    sa.Column("feedback_at", UtcDateTime, nullable=True),
    sqlite_autoincrement=True,
)

sessions = sa.Table(
    "sessions", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("touched_at", UtcDateTime, nullable=False, index=True),
    sa.Column("expires_at", UtcDateTime, nullable=False, index=True),
    sa.Column("turns", sa.JSON, nullable=False),
    sa.Column("award", sa.JSON, nullable=True),
    sa.Column("current_document", sa.String(64), nullable=True),
    sa.Column("last_chunk_ids", sa.JSON, nullable=False),
    sa.Column("profile", sa.JSON, nullable=True),  # the company profile the chat filled (migration 0002)
)

calls = sa.Table(
    "calls", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("opened_at", UtcDateTime, nullable=False, index=True),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.Column("closed_at", UtcDateTime, nullable=True),
    sa.Column("staff", sa.String(64), nullable=True),
    sa.Column("caller_type", sa.String(32), nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.Column("outcome", sa.String(16), nullable=False, server_default="open", index=True),
    sa.Column("transferred_to", sa.String(128), nullable=True),
    sa.Column("feedback", sa.Text, nullable=True),
    sa.Column("session_id", sa.String(64), nullable=True),
    sqlite_autoincrement=True,
)

call_questions = sa.Table(
    "call_questions", metadata,
    sa.Column("call_id", sa.Integer, sa.ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("question_id", sa.Integer, sa.ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True),
)

index_state = sa.Table(
    "index_state", metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("version", sa.String(128), nullable=False),
    sa.Column("activated_at", UtcDateTime, nullable=False),
)

retired_indexes = sa.Table(
    "retired_indexes", metadata,
    sa.Column("version", sa.String(128), primary_key=True),
    sa.Column("name", sa.String(64), nullable=False),
    sa.Column("retired_at", UtcDateTime, nullable=False, index=True),
)

desk_sign_outs = sa.Table(
    "desk_sign_outs", metadata,
    sa.Column("sign_in_hash", sa.String(64), primary_key=True),  # SHA-256 of the signed sign-in, never the sign-in
    sa.Column("signed_out_at", UtcDateTime, nullable=False),
    sa.Column("expires_at", UtcDateTime, nullable=False, index=True),  # the sign-in's own expiry: kept until then
)
