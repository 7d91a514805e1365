"""Every question, its answer status, citations and feedback, kept in SQLite (WAL) for hotline staff."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

from assistant.records import Answer

SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  asked_at TEXT NOT NULL,
  session_id TEXT NOT NULL,
  surface TEXT NOT NULL,
  question TEXT NOT NULL,
  status TEXT NOT NULL,
  answer TEXT NOT NULL,
  citations TEXT NOT NULL,
  feedback TEXT,
  comment TEXT,
  written_by TEXT NOT NULL DEFAULT 'rules',
  guard TEXT NOT NULL DEFAULT '[]'
)
"""
# Columns added after the first release, with their definitions, for logs created before them.
ADDED_COLUMNS = {
    "written_by": "TEXT NOT NULL DEFAULT 'rules'",
    "guard": "TEXT NOT NULL DEFAULT '[]'",
}


class LoggedQuestion(BaseModel):
    id: int
    asked_at: str
    session_id: str
    surface: str
    question: str
    status: str
    answer: str
    citations: list[str]
    feedback: str | None
    comment: str | None
    written_by: str = "rules"
    guard: list[str] = []  # why the model's answer was refused, when it was


class QuestionLog:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._path = path
        self._lock = threading.Lock()
        with self._connect() as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute(SCHEMA)
            present = {row[1] for row in connection.execute("PRAGMA table_info(questions)")}
            for column, definition in ADDED_COLUMNS.items():
                if column not in present:
                    connection.execute(f"ALTER TABLE questions ADD COLUMN {column} {definition}")

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self._path, timeout=30)
        connection.execute("PRAGMA busy_timeout=30000")
        return connection

    def record(self, question: str, answer: Answer, surface: str) -> int:
        with self._lock, self._connect() as connection:
            cursor = connection.execute(
                "INSERT INTO questions (asked_at, session_id, surface, question, status, answer, citations,"
                " written_by, guard) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    answer.session_id,
                    surface,
                    question,
                    answer.status.value,
                    answer.answer,
                    json.dumps([c.chunk_id for c in answer.citations]),
                    answer.written_by,
                    json.dumps(answer.guard_problems, ensure_ascii=False),
                ),
            )
            return int(cursor.lastrowid or 0)

    def feedback(self, question_id: int, rating: str, comment: str | None) -> bool:
        with self._lock, self._connect() as connection:
            cursor = connection.execute(
                "UPDATE questions SET feedback = ?, comment = ? WHERE id = ?", (rating, comment, question_id)
            )
            return cursor.rowcount == 1

    def recent(self, limit: int = 100) -> list[LoggedQuestion]:
        """The newest ``limit`` questions, newest first."""
        return self._select("ORDER BY id DESC LIMIT ?", (limit,))

    def conversation(self, session_id: str, surface: str) -> list[LoggedQuestion]:
        """One session's questions asked on ``surface`` (``ui``, ``desk`` …), oldest first: what a reload shows."""
        return self._select("WHERE session_id = ? AND surface = ? ORDER BY id", (session_id, surface))

    def _select(self, where: str, parameters: tuple[object, ...]) -> list[LoggedQuestion]:
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT id, asked_at, session_id, surface, question, status, answer, citations, feedback,"
                " comment, written_by, guard FROM questions " + where,
                parameters,
            ).fetchall()
        return [
            LoggedQuestion(
                id=r[0], asked_at=r[1], session_id=r[2], surface=r[3], question=r[4], status=r[5],
                answer=r[6], citations=json.loads(r[7]), feedback=r[8], comment=r[9],
                written_by=r[10], guard=json.loads(r[11]),
            )
            for r in rows
        ]
