"""Desk sign-outs, shared by every process of the deployment.

A desk sign-in is a signed cookie any process can check by itself (``ui.desk_auth``); signing out must
hold everywhere, so it is recorded here: the SHA-256 of the sign-in (never the sign-in itself) and the
sign-in's own expiry, after which the row is useless and is deleted by a later sign-out.

    sign_outs.record("1764547200.abc….f00d", expires_at)    # on POST /ui/desk/sign-out
    sign_outs.holds("1764547200.abc….f00d")                 # True from then on, in any process
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import sqlalchemy as sa

from assistant.store.database import transaction
from assistant.store.schema import desk_sign_outs


def _digest(sign_in: str) -> str:
    return hashlib.sha256(sign_in.encode("utf-8", "replace")).hexdigest()


class DeskSignOuts:
    """The sign-ins signed out before their expiry."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def record(self, sign_in: str, expires_at: datetime) -> None:
        """Records that ``sign_in`` (valid until ``expires_at``, aware) was signed out; recording it again
        changes nothing. Deletes the rows of sign-ins already expired. Raises ``StoreUnavailable``."""
        now = datetime.now(UTC)
        digest = _digest(sign_in)
        with transaction(self._engine, "could not record the desk sign-out") as connection:
            connection.execute(desk_sign_outs.delete().where(desk_sign_outs.c.expires_at <= now))
            known = connection.execute(
                sa.select(desk_sign_outs.c.sign_in_hash).where(desk_sign_outs.c.sign_in_hash == digest)).first()
            if known is None:
                connection.execute(desk_sign_outs.insert().values(
                    sign_in_hash=digest, signed_out_at=now, expires_at=expires_at))

    def holds(self, sign_in: str) -> bool:
        """Whether ``sign_in`` was signed out (by any process). Raises ``StoreUnavailable``."""
        with transaction(self._engine, "could not read the desk sign-outs") as connection:
            row = connection.execute(sa.select(desk_sign_outs.c.sign_in_hash)
                                     .where(desk_sign_outs.c.sign_in_hash == _digest(sign_in))).first()
        return row is not None
