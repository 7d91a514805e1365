"""Hotline call records: who called, what was asked, how it ended, kept beside the question log.

A call is one desk session: its questions are in the question log under the same ``session_id``; the
record adds the caller type, the outcome (answered / transferred to a department / call back), the
caller's feedback and the agent's note. Stored in SQLite (WAL) in the data dir.
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field

SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  recorded_at TEXT NOT NULL,
  session_id TEXT NOT NULL,
  question TEXT NOT NULL,
  caller TEXT NOT NULL,
  outcome TEXT NOT NULL,
  transferred_to TEXT NOT NULL DEFAULT '',
  feedback TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
)
"""


class CallRecord(BaseModel):
    """One call as the agent closes it; ``recorded_at`` is UTC ISO-8601 (set on save)."""

    session_id: str
    question: str = Field(description="the caller's first question")
    caller: str
    outcome: str
    transferred_to: str = ""
    feedback: str = ""
    note: str = ""


class SavedCall(CallRecord):
    id: int
    recorded_at: str


class CallRecords:
    """Saves and lists call records; one SQLite file (``calls.sqlite3`` in the data dir)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._path = path
        self._lock = threading.Lock()
        with self._connect() as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self._path, timeout=30)
        connection.execute("PRAGMA busy_timeout=30000")
        return connection

    def save(self, record: CallRecord) -> SavedCall:
        """Stores the record and returns it with its id and UTC time."""
        recorded_at = datetime.now(UTC).isoformat(timespec="seconds")
        with self._lock, self._connect() as connection:
            cursor = connection.execute(
                "INSERT INTO calls (recorded_at, session_id, question, caller, outcome, transferred_to, feedback, note)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (recorded_at, record.session_id, record.question, record.caller, record.outcome,
                 record.transferred_to, record.feedback, record.note),
            )
            return SavedCall(id=int(cursor.lastrowid or 0), recorded_at=recorded_at, **record.model_dump())

    def recent(self, limit: int = 100) -> list[SavedCall]:
        """The newest ``limit`` records, newest first."""
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT id, recorded_at, session_id, question, caller, outcome, transferred_to, feedback, note"
                " FROM calls ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [SavedCall(id=r[0], recorded_at=r[1], session_id=r[2], question=r[3], caller=r[4], outcome=r[5],
                          transferred_to=r[6], feedback=r[7], note=r[8]) for r in rows]
