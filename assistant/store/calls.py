"""Hotline desk call records: who called, what staff noted, how the call ended, the questions asked.

A call opens when staff take it, collects the logged questions asked during it, and closes as
``resolved`` or ``transferred`` (to a named department). Every change stamps ``updated_at``.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import UTC, datetime
from enum import StrEnum

import sqlalchemy as sa
from pydantic import BaseModel, Field

from assistant.store.database import transaction
from assistant.store.schema import call_questions, calls, questions


class CallOutcome(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"
    TRANSFERRED = "transferred"


class NoSuchCall(LookupError):
    """No call record with that id."""


class CallRecord(BaseModel):
    id: int
    opened_at: datetime = Field(description="UTC, when staff took the call")
    updated_at: datetime
    closed_at: datetime | None = Field(description="when marked resolved or transferred; null while open")
    staff: str | None = Field(description="who took the call, as staff sign in")
    caller_type: str = Field(description="e.g. 企业 / 个人 / 中介机构, as the desk offers them")
    note: str
    outcome: CallOutcome
    transferred_to: str | None = Field(description="the department (责任单位) a transferred call went to")
    feedback: str | None = Field(description="the caller's feedback on the answer given")
    session_id: str | None = Field(description="the conversation the desk kept for this call")
    question_ids: list[int] = Field(description="logged questions asked during the call, oldest first")


class CallLog:
    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def open(self, caller_type: str, *, staff: str | None = None, note: str = "",
             session_id: str | None = None) -> CallRecord:
        """Starts a call record (outcome ``open``). Raises ``ValueError`` for an empty caller type,
        ``StoreUnavailable`` when the database refuses."""
        if not caller_type.strip():
            raise ValueError("caller_type is required")
        now = datetime.now(UTC)
        with self._write("open a call") as connection:
            inserted = connection.execute(calls.insert().values(
                opened_at=now, updated_at=now, staff=staff, caller_type=caller_type.strip(), note=note,
                outcome=CallOutcome.OPEN.value, session_id=session_id)).inserted_primary_key
            assert inserted is not None
            return self._read(connection, inserted[0])

    def update(self, call_id: int, *, caller_type: str | None = None, note: str | None = None,
               feedback: str | None = None, session_id: str | None = None) -> CallRecord:
        """Changes the given fields (``None`` leaves a field as it is). Raises ``NoSuchCall``."""
        values: dict[str, object] = {k: v for k, v in {"caller_type": caller_type, "note": note, "feedback": feedback,
                                    "session_id": session_id}.items() if v is not None}
        return self._change(call_id, values)

    def resolve(self, call_id: int, *, note: str | None = None) -> CallRecord:
        """Marks the call resolved (and closed now). Raises ``NoSuchCall``."""
        values: dict[str, object] = {"outcome": CallOutcome.RESOLVED.value, "transferred_to": None,
                                     "closed_at": datetime.now(UTC)}
        if note is not None:
            values["note"] = note
        return self._change(call_id, values)

    def transfer(self, call_id: int, department: str, *, note: str | None = None) -> CallRecord:
        """Marks the call transferred to ``department`` (and closed now). Raises ``ValueError`` for an
        empty department, ``NoSuchCall``."""
        if not department.strip():
            raise ValueError("a transferred call names the department it went to")
        values: dict[str, object] = {"outcome": CallOutcome.TRANSFERRED.value, "transferred_to": department.strip(),
                                     "closed_at": datetime.now(UTC)}
        if note is not None:
            values["note"] = note
        return self._change(call_id, values)

    def link(self, call_id: int, question_id: int) -> CallRecord:
        """Adds a logged question to the call (twice is once). Raises ``NoSuchCall``, and ``ValueError``
        when no question has that id."""
        with self._write("link a question") as connection:
            self._read(connection, call_id)
            if connection.scalar(sa.select(questions.c.id).where(questions.c.id == question_id)) is None:
                raise ValueError(f"no logged question {question_id}")
            linked = connection.scalar(sa.select(call_questions.c.call_id).where(
                call_questions.c.call_id == call_id, call_questions.c.question_id == question_id))
            if linked is None:
                connection.execute(call_questions.insert().values(call_id=call_id, question_id=question_id))
            connection.execute(calls.update().where(calls.c.id == call_id).values(updated_at=datetime.now(UTC)))
            return self._read(connection, call_id)

    def get(self, call_id: int) -> CallRecord:
        """Raises ``NoSuchCall``, ``StoreUnavailable``."""
        with self._write("read a call") as connection:
            return self._read(connection, call_id)

    def recent(self, limit: int = 100, *, outcome: CallOutcome | None = None, since: datetime | None = None,
               staff: str | None = None) -> list[CallRecord]:
        """The newest calls first, at most ``limit``; optionally only one outcome, calls opened at or after
        ``since`` (aware datetime), or one staff member's."""
        query = sa.select(calls.c.id).order_by(calls.c.id.desc()).limit(limit)
        if outcome is not None:
            query = query.where(calls.c.outcome == outcome.value)
        if since is not None:
            query = query.where(calls.c.opened_at >= since)
        if staff is not None:
            query = query.where(calls.c.staff == staff)
        with self._write("list calls") as connection:
            return [self._read(connection, call_id) for call_id in connection.scalars(query).all()]

    def _change(self, call_id: int, values: dict[str, object]) -> CallRecord:
        with self._write("update a call") as connection:
            self._read(connection, call_id)
            connection.execute(calls.update().where(calls.c.id == call_id).values(**values, updated_at=datetime.now(UTC)))
            return self._read(connection, call_id)

    def _read(self, connection: sa.Connection, call_id: int) -> CallRecord:
        row = connection.execute(sa.select(calls).where(calls.c.id == call_id)).mappings().first()
        if row is None:
            raise NoSuchCall(f"no call {call_id}")
        linked = connection.scalars(sa.select(call_questions.c.question_id).where(call_questions.c.call_id == call_id)
                                    .order_by(call_questions.c.question_id)).all()
        return CallRecord(**dict(row), question_ids=list(linked))

    def _write(self, what: str) -> AbstractContextManager[sa.Connection]:
        return transaction(self._engine, f"could not {what}")
