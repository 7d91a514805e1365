"""The deployment's tag: a random name of this state store, carried by every index collection it builds,
so a build sweeps only its own leftovers from a Chroma server that other deployments share.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "deployment",
        sa.Column("singleton", sa.Integer, primary_key=True),
        sa.Column("tag", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    created = datetime.now(UTC)
    op.bulk_insert(table, [{"singleton": 1, "tag": secrets.token_hex(4),
                            "created_at": created.replace(tzinfo=None) if op.get_bind().dialect.name == "sqlite" else created}])


def downgrade() -> None:
    op.drop_table("deployment")
