"""The question log: every answer served, its status and citations, and the asker's feedback.

Each logged answer gets a random ``answer_id`` and a ``feedback_token`` (only its SHA-256 is stored):
rating an answer takes both, so nobody rates another's answer and ids reveal nothing about the log.
A write the database refuses never costs the answer: the row goes to the spool and is written with
the next write that succeeds (or at the next start).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from pydantic import BaseModel, Field

from assistant.records import Answer
from assistant.store.database import describe, is_fault, reading, transaction
from assistant.store.schema import questions
from assistant.store.spool import Spool

log = logging.getLogger(__name__)

RATINGS = ("like", "dislike", "flag")  # flag: "有错误或遗漏", the answer is wrong or leaves something out
INSERT = questions.insert()  # values passed as parameters: the statement is compiled once, then cached
MAX_ROW_ID = 2**31 - 1  # the id column is a 32-bit integer on PostgreSQL: a larger id names no row
IDS_PER_QUERY = 500  # ids bound in one query of ``by_ids`` (SQLite allows 32766 bound values, older builds 999)


class _LoggedFields(BaseModel):
    """The fields a logged question has both as written and as staff read it."""

    answer_id: str
    session_id: str
    surface: str
    question: str
    status: str
    answer: str
    citations: list[str]
    written_by: str = "rules"
    guard: list[str] = []  # why the model's answer was refused, when it was


class LoggedQuestion(_LoggedFields):
    """One row of the log as staff see it (``asked_at`` is ISO 8601 in UTC)."""

    id: int
    asked_at: str
    feedback: str | None
    comment: str | None


class QuestionRow(_LoggedFields):
    """A row as written (and as kept in the spool while the database refuses it)."""

    asked_at: datetime
    feedback_token_hash: str


class LogReceipt(BaseModel):
    """What the asker gets back with an answer: how to rate it, and whether the log write was deferred."""

    question_id: int | None = Field(description="the log row's id; null while the write is deferred")
    answer_id: str = Field(description="identifies the answer when rating it")
    feedback_token: str = Field(description="proves the rater received the answer; sent once, stored hashed")
    stored: bool = Field(description="false when the database refused the write and it waits in the spool")

    @property
    def log_state(self) -> str:
        """The ``X-PA-Log`` response header: ``stored`` or ``deferred``."""
        return "stored" if self.stored else "deferred"

    def public(self) -> dict[str, int | str | None]:
        """The fields a response carries: ``question_id``, ``answer_id``, ``feedback_token``."""
        return {"question_id": self.question_id, "answer_id": self.answer_id, "feedback_token": self.feedback_token}


@dataclass(frozen=True)
class LogEntry:
    """A row about to be logged and the feedback token it is rated with (only its hash is in the row)."""

    row: QuestionRow
    token: str


class QuestionLog:
    """The log in the state database, with its spool in ``spool_dir`` for the writes it refused."""

    def __init__(self, engine: sa.Engine, spool_dir: Path) -> None:
        self._engine = engine
        self.spool = Spool(spool_dir, QuestionRow)

    def record_answer(self, question: str, answer: Answer, surface: str) -> LogReceipt:
        """Logs one answer and returns its receipt. Never raises for a database fault: the row is spooled
        (``stored=False``) and a warning names the fault."""
        entry = self.entry(question, answer, surface)
        try:
            with self._engine.begin() as connection:
                return self.insert(connection, entry)
        except Exception as error:
            if not is_fault(error):
                raise
            return self.defer(entry, error)

    def entry(self, question: str, answer: Answer, surface: str) -> LogEntry:
        """The row that logs one answer, with the token that rates it; not written yet (``insert`` writes
        it, alone or in a transaction that saves more of the turn). Rows spooled earlier are written first."""
        token = secrets.token_urlsafe(24)
        row = QuestionRow(
            answer_id=secrets.token_urlsafe(16), asked_at=datetime.now(UTC), session_id=answer.session_id,
            surface=surface, question=question, status=answer.status.value, answer=answer.answer,
            citations=[c.chunk_id for c in answer.citations], written_by=answer.written_by,
            guard=list(answer.guard_problems), feedback_token_hash=_hash(token),
        )
        if self.spool.pending():
            try:
                self.replay()
            except Exception as error:  # the rows stay spooled; this answer's own write is tried below
                log.warning("deferred question log rows not written yet: %s", describe(error))
        return LogEntry(row, token)

    def insert(self, connection: sa.Connection, entry: LogEntry) -> LogReceipt:
        """Writes ``entry`` in ``connection``'s transaction; the receipt holds once that commits."""
        question_id = connection.execute(INSERT, entry.row.model_dump()).inserted_primary_key
        return LogReceipt(question_id=question_id[0] if question_id else None, answer_id=entry.row.answer_id,
                          feedback_token=entry.token, stored=True)

    def defer(self, entry: LogEntry, error: BaseException) -> LogReceipt:
        """Spools ``entry`` after the database refused it (``error``); written with the next write that succeeds."""
        on_disk = self.spool.append(entry.row)
        log.warning("question log write deferred (%s): answer %s kept in the %s", describe(error),
                    entry.row.answer_id, "spool file" if on_disk else "process memory")
        return LogReceipt(question_id=None, answer_id=entry.row.answer_id, feedback_token=entry.token, stored=False)

    def record(self, question: str, answer: Answer, surface: str) -> int:
        """Logs one answer; returns its question id (0 while the write is deferred). See ``record_answer``."""
        return self.record_answer(question, answer, surface).question_id or 0

    def replay(self) -> int:
        """Writes the spooled rows the database refused earlier; returns how many were handed over.

        Raises the database's error when it still refuses them (they stay spooled)."""
        return self.spool.drain(self._write_missing)

    def _write_missing(self, rows: list[QuestionRow]) -> None:
        with self._engine.begin() as connection:
            ids = [row.answer_id for row in rows]
            known = set(connection.scalars(sa.select(questions.c.answer_id).where(questions.c.answer_id.in_(ids))))
            fresh = {row.answer_id: row for row in rows if row.answer_id not in known}
            if fresh:
                connection.execute(questions.insert(), [row.model_dump() for row in fresh.values()])
        if fresh:
            log.info("question log: %d deferred rows written", len(fresh))

    def feedback(self, answer: int | str, rating: str, comment: str | None, *, token: str) -> bool:
        """Records ``rating`` (``like`` / ``dislike`` / ``flag``) and ``comment`` on the answer with this ``answer_id``
        (or question id), replacing earlier feedback. ``False`` when no answer has that id *and* that
        token (the two cases are one, so the result reveals nothing about other answers).

        Raises ``ValueError`` for another rating, ``StoreUnavailable`` when the database refuses."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {', '.join(RATINGS)}")
        with transaction(self._engine, "feedback could not be stored") as connection:
            row = _rated_row(connection, answer, token)
            if row is None:
                return False
            connection.execute(questions.update().where(questions.c.id == row).values(
                feedback=rating, comment=comment, feedback_at=datetime.now(UTC)))
            return True

    def withdraw_feedback(self, answer: int | str, *, token: str) -> bool:
        """Clears the rating and comment of the answer with this ``answer_id`` (or question id), as when a
        user clicks the same like / dislike again. ``False`` when no answer has that id *and* that token.

        Raises ``StoreUnavailable`` when the database refuses."""
        with transaction(self._engine, "feedback could not be withdrawn") as connection:
            row = _rated_row(connection, answer, token)
            if row is None:
                return False
            connection.execute(questions.update().where(questions.c.id == row).values(
                feedback=None, comment=None, feedback_at=None))
            return True

    def conversation(self, session_id: str, surface: str) -> list[LoggedQuestion]:
        """One session's questions asked on ``surface`` (``ui``, ``desk`` …), oldest first: what a reload shows.

        Raises ``StoreUnavailable`` when the database refuses."""
        query = sa.select(questions).where(questions.c.session_id == session_id, questions.c.surface == surface
                                           ).order_by(questions.c.id)
        return self._rows(query)

    def recent(self, limit: int = 100, *, since: datetime | None = None, status: str | None = None,
               rated: bool | None = None) -> list[LoggedQuestion]:
        """The newest questions first, at most ``limit``; optionally only those asked at or after ``since``
        (aware datetime), with this answer ``status``, or rated / not rated.

        Raises ``StoreUnavailable`` when the database refuses."""
        query = sa.select(questions).order_by(questions.c.id.desc()).limit(limit)
        if since is not None:
            query = query.where(questions.c.asked_at >= since)
        if status is not None:
            query = query.where(questions.c.status == status)
        if rated is not None:
            query = query.where(questions.c.feedback.is_not(None) if rated else questions.c.feedback.is_(None))
        return self._rows(query)

    def by_ids(self, ids: list[int]) -> list[LoggedQuestion]:
        """The logged questions with these ids (as call records link them), oldest first; unknown ids are
        left out. Read ``IDS_PER_QUERY`` ids a query, under every database's limit on bound values. Raises
        ``StoreUnavailable`` when the database refuses."""
        wanted = sorted({i for i in ids if 0 < i <= MAX_ROW_ID})
        found: list[LoggedQuestion] = []
        for start in range(0, len(wanted), IDS_PER_QUERY):
            chunk = wanted[start:start + IDS_PER_QUERY]
            found += self._rows(sa.select(questions).where(questions.c.id.in_(chunk)).order_by(questions.c.id))
        return found

    def _rows(self, query: sa.Select) -> list[LoggedQuestion]:
        with reading(self._engine, "the question log could not be read") as connection:
            rows = connection.execute(query).mappings().all()
        return [
            LoggedQuestion(
                id=r["id"], answer_id=r["answer_id"], asked_at=r["asked_at"].isoformat(timespec="seconds"),
                session_id=r["session_id"], surface=r["surface"], question=r["question"], status=r["status"],
                answer=r["answer"], citations=r["citations"], feedback=r["feedback"], comment=r["comment"],
                written_by=r["written_by"], guard=r["guard"],
            )
            for r in rows
        ]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _rated_row(connection: sa.Connection, answer: int | str, token: str) -> int | None:
    """The question id of the answer with this ``answer_id`` (or question id) and feedback ``token``; else None.
    One lookup and one hash comparison for an unknown id and a wrong token alike, so neither is revealed."""
    if isinstance(answer, int) and not 0 < answer <= MAX_ROW_ID:
        answer = ""  # an id no row can have is an unknown answer, looked up (and refused) as any other
    key = questions.c.id == answer if isinstance(answer, int) else questions.c.answer_id == answer
    stored = connection.execute(sa.select(questions.c.id, questions.c.feedback_token_hash).where(key)).first()
    expected = stored.feedback_token_hash if stored is not None and stored.feedback_token_hash else _hash("")
    if not hmac.compare_digest(expected, _hash(token)) or stored is None or not stored.feedback_token_hash:
        return None
    return int(stored.id)
