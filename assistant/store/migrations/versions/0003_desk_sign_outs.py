"""Desk sign-outs: a signed-out desk sign-in is refused by every process of the deployment.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "desk_sign_outs",
        sa.Column("sign_in_hash", sa.String(64), primary_key=True),
        sa.Column("signed_out_at", TIME, nullable=False),
        sa.Column("expires_at", TIME, nullable=False),
    )
    op.create_index("ix_desk_sign_outs_expires_at", "desk_sign_outs", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_desk_sign_outs_expires_at", "desk_sign_outs")
    op.drop_table("desk_sign_outs")
