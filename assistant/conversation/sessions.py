"""Per-conversation memory (turns, award slots, the document talked about, the company profile), kept in the state store so
every worker and machine continues the same conversation.

Only ids this server issued and that have not expired are honoured: any other id starts a new session
with a fresh id. Sessions are bounded in count (the least recently used go first), turns and age.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

import sqlalchemy as sa
from pydantic import BaseModel

from assistant.conversation.slots import AwardSlots
from assistant.match.chat import ProfileMemory
from assistant.store.database import StoreUnavailable, reading, transaction
from assistant.store.schema import sessions

log = logging.getLogger(__name__)
Written = TypeVar("Written")

MAX_EARLIER_AWARDS = 4
# values passed as parameters: each statement is compiled once, then cached
FIND = sa.select(sessions).where(sessions.c.id == sa.bindparam("session_id"), sessions.c.expires_at > sa.bindparam("now"))
UPDATE = sessions.update().where(sessions.c.id == sa.bindparam("session_id"))
INSERT = sessions.insert()
EXPIRED = sessions.delete().where(sessions.c.expires_at <= sa.bindparam("now"))
COUNT = sa.select(sa.func.count()).select_from(sessions)
OLDEST = sa.select(sessions.c.id).order_by(sessions.c.touched_at).limit(sa.bindparam("surplus"))


@dataclass
class Session:
    id: str
    turns: list[tuple[str, str]] = field(default_factory=list)
    award: AwardSlots | None = None  # the award topic of the latest award turn
    earlier_awards: list[AwardSlots] = field(default_factory=list)  # earlier award topics, one per measure, oldest first
    last_chunk_ids: list[str] = field(default_factory=list)
    current_document: str | None = None  # the document the conversation is about ("这个方案")
    profile: ProfileMemory | None = None  # the company profile "我们是……" statements filled
    touched: float = field(default_factory=time.monotonic)
    stored: bool = True  # False when the store refused it: the conversation goes on without memory

    def award_topics(self) -> list[AwardSlots]:
        """The award topics discussed, the most recent first."""
        return [*([self.award] if self.award else []), *reversed(self.earlier_awards)]

    def remember_award(self, slots: AwardSlots) -> None:
        """``slots`` become the current award topic; the one it replaces (another measure) is kept
        among the earlier ones, so a later "那III期呢？" can return to it."""
        current = self.award
        kept = [t for t in self.earlier_awards if t.measure not in {slots.measure, current.measure if current else ""}]
        if current is not None and current.measure != slots.measure:
            kept.append(current)
        self.earlier_awards = kept[-MAX_EARLIER_AWARDS:]
        self.award = slots


class StoredAward(BaseModel):
    """``AwardSlots`` as stored: facts split by kind, so an amount comes back a ``Decimal``, a flag a ``bool``."""

    measure: str
    rule_ids: list[str]
    bases: list[str]
    amounts: dict[str, Decimal]
    flags: dict[str, bool]
    cgt: bool
    seen: list[tuple[str, str]] = []
    received: str = ""  # support already received this year under the measure (yuan), as stated in an earlier turn
    shown: list[str] = []  # rule ids whose ceilings were given with no base
    replaced: list[tuple[str, str]] = []  # (rule id, base) of items a later item of the same rule took the place of
    earlier: list[StoredAward] = []  # the session's earlier award topics (on the current one only)
    foreign: list[tuple[str, str]] = []  # (currency, amount) of the topic's bases stated in another currency
    annual_shown: bool = False  # the per-entity annual cap was the figure asked and given
    failed_items: list[int] = []  # orders of items failed by a fact said of that item alone
    kept_at_ceiling: list[str] = []  # rule ids a total took at their ceilings beside the computed items

    @classmethod
    def of(cls, slots: AwardSlots, earlier: list[AwardSlots] | None = None) -> StoredAward:
        """Raises ``TypeError`` for a fact that is neither an amount nor a flag (it could not come back)."""
        amounts: dict[str, Decimal] = {}
        flags: dict[str, bool] = {}
        for name, value in slots.facts.items():
            if isinstance(value, bool):
                flags[name] = value
            elif isinstance(value, Decimal | int):
                amounts[name] = Decimal(value)
            else:
                raise TypeError(f"award fact {name} is a {type(value).__name__}; only amounts and flags are kept")
        return cls(measure=slots.measure, rule_ids=slots.rule_ids, bases=slots.bases, amounts=amounts,
                   flags=flags, cgt=slots.cgt, seen=list(slots.seen), received=slots.received, shown=list(slots.shown),
                   replaced=list(slots.replaced), earlier=[cls.of(t) for t in earlier or []], foreign=list(slots.foreign),
                   annual_shown=slots.annual_shown, failed_items=list(slots.failed_items),
                   kept_at_ceiling=list(slots.kept_at_ceiling))

    def slots(self) -> AwardSlots:
        facts: dict[str, Any] = {**self.amounts, **self.flags}
        return AwardSlots(measure=self.measure, rule_ids=list(self.rule_ids), bases=list(self.bases),
                          facts=facts, cgt=self.cgt, seen=[(r, b) for r, b in self.seen], received=self.received,
                          shown=list(self.shown), replaced=[(r, b) for r, b in self.replaced], foreign=[(c, a) for c, a in self.foreign],
                          annual_shown=self.annual_shown, failed_items=list(self.failed_items),
                          kept_at_ceiling=list(self.kept_at_ceiling))


class SessionStore:
    """Sessions in the state database behind ``engine``; thread- and process-safe.

    ``ttl_seconds``: a session unused this long is gone; ``max_sessions``: beyond it the least recently
    used go; ``max_turns``: turns kept per session.
    """

    def __init__(self, engine: sa.Engine, ttl_seconds: float, max_sessions: int, max_turns: int) -> None:
        self._engine = engine
        self.ttl = ttl_seconds
        self.max_sessions = max_sessions
        self.max_turns = max_turns

    def get(self, session_id: str | None) -> Session:
        """The live session with this id; a new one, with a fresh id, when the id is ``None``, was never
        issued or has expired, or when the store cannot be read (then ``stored`` is ``False``)."""
        try:
            found = self.find(session_id) if session_id else None
        except StoreUnavailable as error:
            log.warning("session store unavailable, this turn starts a conversation without memory: %s", error)
            return Session(id=_new_id(), stored=False)
        return found or Session(id=_new_id())

    def find(self, session_id: str) -> Session | None:
        """The live session with this id, or ``None`` (never issued, or expired). Raises ``StoreUnavailable``."""
        with reading(self._engine, "could not read the session") as connection:
            row = connection.execute(FIND, {"session_id": session_id, "now": datetime.now(UTC)}).mappings().first()
        if row is None:
            return None
        stored = StoredAward.model_validate(row["award"]) if row["award"] else None
        return Session(
            id=row["id"], turns=[(q, a) for q, a in row["turns"]],
            award=stored.slots() if stored else None,
            earlier_awards=[t.slots() for t in stored.earlier] if stored else [],
            last_chunk_ids=list(row["last_chunk_ids"]), current_document=row["current_document"],
            profile=ProfileMemory.from_json(row["profile"]) if row["profile"] else None,
        )

    @property
    def database(self) -> sa.Engine:
        """The state database the sessions are kept in."""
        return self._engine

    def record(self, session: Session, question: str, answer: str,
               also: Callable[[sa.Connection], Written] | None = None) -> Written | None:
        """Adds a turn and saves the whole session (slots, document, turns), extending its life by the TTL.
        A store that refuses is logged, never raised: the answer of the turn is served all the same.

        ``also(connection)`` writes more of the turn in the same transaction (its question log row: one
        commit per turn); its result is returned. With ``also``, a refusing store raises ``StoreUnavailable``
        after the session is marked unsaved, so the caller can keep what it could not write."""
        session.turns.append((question, answer))
        del session.turns[: -self.max_turns]
        session.touched = time.monotonic()
        now = datetime.now(UTC)
        values = {
            "touched_at": now, "expires_at": now + timedelta(seconds=self.ttl),
            "turns": [list(turn) for turn in session.turns],
            "award": StoredAward.of(session.award, session.earlier_awards).model_dump(mode="json") if session.award else None,
            "current_document": session.current_document, "last_chunk_ids": list(session.last_chunk_ids),
            "profile": session.profile.to_json() if session.profile else None,
        }
        try:
            with transaction(self._engine, "could not save the session") as connection:
                updated = connection.execute(UPDATE, {"session_id": session.id, **values})
                if updated.rowcount == 0:
                    connection.execute(INSERT, {"id": session.id, "created_at": now, **values})
                    self._prune(connection, now)
                written = also(connection) if also is not None else None
            session.stored = True
            return written
        except StoreUnavailable as error:
            session.stored = False
            log.warning("session %s not saved; its next turn starts afresh: %s", session.id, error)
            if also is not None:
                raise
            return None

    def __len__(self) -> int:
        """Live sessions. Raises ``StoreUnavailable``."""
        with reading(self._engine, "could not count sessions") as connection:
            return int(connection.scalar(sa.select(sa.func.count()).select_from(sessions)
                                         .where(sessions.c.expires_at > datetime.now(UTC))) or 0)

    def _prune(self, connection: sa.Connection, now: datetime) -> None:
        """Drops expired sessions, then the least recently used beyond ``max_sessions``."""
        connection.execute(EXPIRED, {"now": now})
        count = connection.scalar(COUNT) or 0  # a count of the index's entries: far cheaper than stepping past the kept
        if count > self.max_sessions:
            surplus = connection.scalars(OLDEST, {"surplus": count - self.max_sessions}).all()
            connection.execute(sessions.delete().where(sessions.c.id.in_(surplus)))


def _new_id() -> str:
    return secrets.token_urlsafe(16)
