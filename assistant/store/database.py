"""The state database: one SQLAlchemy engine (one connection pool) per process and URL, migrated on open.

SQLite in the data dir by default (``<PA_DATA_DIR>/state.sqlite3``: WAL, a 5 s busy timeout, every
writing transaction ``BEGIN IMMEDIATE`` after its turn in the file's ``WriteQueue``, so writers queue
instead of failing or sleeping in SQLite's busy handler; reads take no lock); PostgreSQL when
``PA_DATABASE_URL`` is set (``postgresql://user:password@host:5432/db``, driven by psycopg 3).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, make_url

from assistant.errors import Unavailable
from assistant.store.write_queue import WriteQueue

DEFAULT_FILE = "state.sqlite3"
BUSY_TIMEOUT_MS = 5_000  # a write waits this long for another writer before it counts as a fault
CONNECT_TIMEOUT_SECONDS = 5  # an unreachable PostgreSQL host is a fault after this, not after the OS's minutes
POSTGRES_DRIVERS = {"postgres", "postgresql", "postgresql+psycopg"}
READ_ONLY = "pa_read_only"  # execution option of ``reading`` connections
WRITERS_SUFFIX = ".writers"  # beside a SQLite file: the lock its writers queue on (``write_queue``)

_engines: dict[tuple[int, str], sa.Engine] = {}
_engines_lock = threading.Lock()


class StoreUnavailable(Unavailable):
    """The database refused a read or a write: server down, file locked past the busy timeout, disk full (503)."""

    code = "store_unavailable"


class UnsupportedDatabase(ValueError):
    """A ``PA_DATABASE_URL`` that is neither SQLite nor PostgreSQL."""


def resolve_url(database_url: str | None, data_dir: Path) -> URL:
    """The database URL: ``database_url`` when given (``postgresql://`` is driven by psycopg 3), else the
    SQLite file in ``data_dir``. Raises ``UnsupportedDatabase`` for any other kind of database."""
    if not database_url:
        return URL.create("sqlite", database=str(Path(data_dir).resolve() / DEFAULT_FILE))
    url = make_url(database_url)
    if url.drivername in POSTGRES_DRIVERS:
        return url.set(drivername="postgresql+psycopg")
    if url.drivername == "sqlite":
        return url
    raise UnsupportedDatabase(f"only sqlite:/// and postgresql:// databases are supported, not {url.drivername}://")


def is_fault(error: BaseException) -> bool:
    """Whether ``error`` is the database failing (down, locked, full, read-only), not a mistake in a query."""
    if isinstance(error, sa.exc.IntegrityError | sa.exc.ProgrammingError | sa.exc.DataError):
        return False
    return isinstance(error, sa.exc.DBAPIError | sa.exc.TimeoutError | OSError)


def open_database(url: URL) -> sa.Engine:
    """This process's engine for ``url``, created and migrated to the newest schema on first use.

    Raises ``StoreUnavailable`` when the database cannot be reached or migrated.
    """
    key = (os.getpid(), url.render_as_string(hide_password=False))
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _create(url)
            from assistant.store.migrate import migrate

            try:
                migrate(engine)
            except Exception as error:
                engine.dispose()
                if is_fault(error):
                    raise StoreUnavailable(f"the state database {_safe(url)} is unavailable: {_reason(error)}") from error
                raise
            _engines[key] = engine
        return engine


def close_database(url: URL) -> None:
    """Closes this process's pool for ``url`` (the next ``open_database`` opens a new one)."""
    with _engines_lock:
        engine = _engines.pop((os.getpid(), url.render_as_string(hide_password=False)), None)
    if engine is not None:
        engine.dispose()


def _create(url: URL) -> sa.Engine:
    if url.drivername != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10, json_serializer=_json, json_deserializer=_from_json,
                                connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS})
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, json_serializer=_json, json_deserializer=_from_json, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    queue = WriteQueue(Path(f"{url.database}{WRITERS_SUFFIX}")) if url.database and url.database != ":memory:" else None

    @event.listens_for(engine, "connect")
    def _pragmas(connection: Any, _: Any) -> None:
        connection.isolation_level = None  # the driver's own BEGIN is replaced by ours below
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a commit survives a killed process
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: sa.Connection) -> None:
        # a writing transaction takes the write lock up front, so a read-then-write one cannot deadlock with
        # another writer; a reading one takes none (WAL gives it a snapshot while others write)
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
            return
        owner = _raw(connection.connection)
        if queue is not None and not queue.acquire(owner, BUSY_TIMEOUT_MS / 1000):
            raise sa.exc.OperationalError("BEGIN IMMEDIATE", None, sqlite3.OperationalError("database is locked"))
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            if queue is not None:
                queue.release(owner)
            raise

    if queue is not None:  # a writer's turn ends with its transaction, whichever way it ends
        _release_after(engine.dialect, "do_commit", queue)
        _release_after(engine.dialect, "do_rollback", queue)
    return engine


def _json(value: Any) -> str:
    """A JSON column's text: Chinese written as it is, not as \\u escapes (a session's turns take half the
    bytes to write and to read back; the values read are the same), by orjson (a 20-turn session in a
    tenth of the json module's time). What orjson refuses (a key that is not a string, an integer beyond
    64 bits, a lone surrogate) the json module writes, as it did before."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value, ensure_ascii=False)


def _from_json(text: str) -> Any:
    """A JSON column's value, read by orjson; what it refuses (NaN, an integer beyond 64 bits: never written
    by ``_json``'s orjson) by the json module."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def _release_after(dialect: Any, method: str, queue: WriteQueue) -> None:
    ending = getattr(dialect, method)

    def ended(dbapi_connection: Any) -> None:
        try:
            ending(dbapi_connection)
        finally:
            queue.release(_raw(dbapi_connection))

    setattr(dialect, method, ended)


def _raw(connection: Any) -> object:
    """The driver's connection under SQLAlchemy's pool wrapper (the same object however it is reached)."""
    return getattr(connection, "dbapi_connection", connection)


@contextmanager
def transaction(engine: sa.Engine, failure: str) -> Iterator[sa.Connection]:
    """``engine.begin()`` whose database faults are raised as ``StoreUnavailable("<failure>: <reason>")``;
    a mistake in a query (integrity, programming) is raised as it is."""
    try:
        with engine.begin() as connection:
            yield connection
    except Exception as error:
        if is_fault(error):
            raise StoreUnavailable(f"{failure}: {_reason(error)}") from error
        raise


@contextmanager
def reading(engine: sa.Engine, failure: str) -> Iterator[sa.Connection]:
    """A transaction that only reads: as ``transaction``, but on SQLite it takes no write lock, so reads
    (a session, the active index version) never queue behind another worker's write."""
    try:
        with engine.connect() as connection:
            connection.execution_options(**{READ_ONLY: True})
            with connection.begin():
                yield connection
    except Exception as error:
        if is_fault(error):
            raise StoreUnavailable(f"{failure}: {_reason(error)}") from error
        raise


def describe(error: BaseException) -> str:
    """One line for a database failure, without the SQL statement or its parameters."""
    return _reason(error)


def _reason(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    return " ".join(str(original).split())[:300]


def _safe(url: URL) -> str:
    return url.render_as_string(hide_password=True)
