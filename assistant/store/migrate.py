"""Schema migrations (Alembic, shipped in ``migrations/``) and the import of a question log from before them.

``migrate`` runs at every open and is safe when several processes start at once: SQLite serialises
them on its write lock (``BEGIN IMMEDIATE``), PostgreSQL on an advisory lock held for the transaction.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from assistant.store.schema import questions

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 0x7061_7374_6F72  # any constant shared by every process of this product
LEGACY_LOG = "questions.sqlite3"  # the question log kept in the data dir before the state store
LEGACY_COLUMNS = ("id", "asked_at", "session_id", "surface", "question", "status", "answer", "citations",
                  "feedback", "comment")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest revision the package ships, e.g. ``"0001"``."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: sa.Engine) -> str | None:
    """The revision the database is at; ``None`` for a database never migrated."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: sa.Engine) -> None:
    """Brings the database to the newest schema in one transaction (nothing when it already is)."""
    config = _config()
    with engine.begin() as connection:
        _lock(connection)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def import_legacy_log(engine: sa.Engine, path: Path) -> int:
    """Copies the rows of a pre-store SQLite question log at ``path`` into ``questions``, keeping their ids,
    then renames the file to ``<name>.imported``. Returns the number of rows copied; rows whose id is
    already present are skipped, so an import interrupted half-way is simply run again."""
    if not path.exists():
        return 0
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as legacy:
        present = {row[1] for row in legacy.execute("PRAGMA table_info(questions)")}
        if not present:
            rows: list[tuple] = []
        else:
            extra = [c for c in ("written_by", "guard") if c in present]
            rows = legacy.execute(f"SELECT {', '.join((*LEGACY_COLUMNS, *extra))} FROM questions ORDER BY id").fetchall()
    legacy.close()
    copied = 0
    with engine.begin() as connection:
        _lock(connection)
        known = set(connection.scalars(sa.select(questions.c.id)))
        records = [_legacy_record(row) for row in rows if row[0] not in known]
        if records:
            connection.execute(questions.insert(), records)
            copied = len(records)
            if connection.dialect.name == "postgresql":  # explicit ids leave the sequence behind
                connection.execute(sa.text(
                    "SELECT setval(pg_get_serial_sequence('questions', 'id'), (SELECT max(id) FROM questions))"))
    for suffix in ("", "-wal", "-shm"):
        source = path.with_name(path.name + suffix)
        if source.exists():
            source.rename(source.with_name(source.name.replace(LEGACY_LOG, LEGACY_LOG + ".imported")))
    return copied


def _legacy_record(row: tuple) -> dict:
    asked_at = datetime.fromisoformat(row[1])
    return {
        "id": row[0], "answer_id": f"legacy-{row[0]}",
        "asked_at": asked_at if asked_at.tzinfo else asked_at.replace(tzinfo=UTC),
        "session_id": row[2], "surface": row[3], "question": row[4], "status": row[5], "answer": row[6],
        "citations": json.loads(row[7]), "feedback": row[8], "comment": row[9],
        "written_by": row[10] if len(row) > 10 else "rules",
        "guard": json.loads(row[11]) if len(row) > 11 else [],
        "feedback_token_hash": None,  # answers logged before tokens existed cannot be rated again
    }


def _lock(connection: sa.Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
