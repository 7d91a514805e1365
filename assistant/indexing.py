"""The index of one deployment: its Chroma (embedded or a server), the registry of the active version
(the state store, shared by every worker and machine) and the build lock.

The lock is a file lock in the data dir when the state store is the SQLite file there (every worker of
that deployment shares the disk), and a PostgreSQL advisory lock when the state store is PostgreSQL
(machines sharing one Chroma server and one database share that lock too).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from chromadb.api import ClientAPI
from filelock import FileLock

from assistant.settings import Settings
from assistant.store import store_engine
from assistant.store.index_state import IndexState, IndexVersion, RetiredIndex
from index import parsers, snapshot
from index.articles import Article
from index.embedders import Embedder
from index.store import BuildReport, IndexMissing, LoadedVersion, VersionRegistry, build_index, connect, ensure_index

LOCK_FILE = "index.lock"
CONNECT_LOCK_FILE = "chroma.lock"  # embedded Chroma opened by one process at a time (see ``_connect``)
MARKER_SUFFIX = ".index-version"  # beside the SQLite store: rewritten whenever a version is activated
ADVISORY_LOCK_KEY = 0x5041_1D3E  # one number for "the policy-assistant index build"

log = logging.getLogger(__name__)


class DeploymentIndex:
    """Chroma, the version registry and the build lock for ``settings``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.client: ClientAPI = _connect(settings)
        self._database = store_engine(settings)
        state = IndexState(self._database)
        shared_disk = self._database.dialect.name == "sqlite" and self._database.url.database not in (None, "", ":memory:")
        self.registry: VersionRegistry = (
            MarkedRegistry(state, Path(str(self._database.url.database)).with_suffix(MARKER_SUFFIX)) if shared_disk else state
        )
        self.grace = timedelta(seconds=settings.index_grace_seconds)

    def active_version(self) -> str | None:
        """The name of the version that should serve: a ``stat`` of the marker file beside a SQLite store
        (the database is read only when it changed), one primary-key read of a PostgreSQL store."""
        if isinstance(self.registry, MarkedRegistry):
            return self.registry.active_version()
        current = self.registry.active()
        return current.version if current else None

    @property
    def owns_store(self) -> bool:
        """Embedded Chroma serves this deployment alone; a Chroma server may serve others too."""
        return not self.settings.chroma_host

    def load_active(self) -> LoadedVersion:
        """The active version ready to search: from this machine's snapshot of it (``index.snapshot``), or
        read from Chroma and then saved as the snapshot. Raises ``IndexMissing`` when no version serves or
        Chroma lost it."""
        version = self.active_version()
        if version is None:
            raise IndexMissing("no index has been built yet: run `policy-assistant index`")
        return snapshot.load(self.client, version, self.settings.snapshot_dir)

    def ensure(self, embedder: Embedder) -> BuildReport | None:
        """Builds the shipped corpus when no usable index serves (waiting for a concurrent builder)."""
        return ensure_index(self.client, parsers.parse_corpus, embedder, self.registry, self.lock(), self.grace,
                            self.owns_store, self._save_snapshot)

    def rebuild(self, embedder: Embedder, on_progress: Callable[[int], None] = lambda done: None,
                articles: Sequence[Article] | None = None) -> BuildReport:
        """A new version of ``articles`` (default: the shipped corpus as the sources are now), activated;
        unchanged chunks keep their vectors."""
        corpus = parsers.parse_corpus() if articles is None else articles
        return build_index(self.client, corpus, embedder, self.registry, self.lock(), on_progress, self.grace,
                           self.owns_store, self._save_snapshot)

    def _save_snapshot(self, version: str) -> None:
        """A new version's local snapshot, made by its builder before activation: the workers of this
        machine then load it from the snapshot instead of each reading Chroma and indexing BM25."""
        snapshot.load(self.client, version, self.settings.snapshot_dir)

    def lock(self) -> AbstractContextManager[Any]:
        if self._database.dialect.name == "postgresql":
            return _advisory_lock(self._database)
        return _logged(FileLock(str(self.settings.data_dir / LOCK_FILE)))


def _connect(settings: Settings) -> ClientAPI:
    """The deployment's Chroma client. Embedded Chroma creates its tables when a process first opens an
    empty data dir, and two processes doing so at once fail ("table collections already exists"): the
    processes of one data dir open it one at a time (a file lock beside it, held for the opening only)."""
    if settings.chroma_host:
        return connect(settings.data_dir, settings.chroma_host, settings.chroma_port)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(settings.data_dir / CONNECT_LOCK_FILE)):
        return connect(settings.data_dir)


@contextmanager
def _advisory_lock(database: sa.Engine) -> Iterator[None]:
    """A session-level PostgreSQL advisory lock, released with the connection if the builder dies."""
    with database.connect() as connection:
        if not connection.execute(sa.text("SELECT pg_try_advisory_lock(:key)"), {"key": ADVISORY_LOCK_KEY}).scalar():
            log.info("another build holds the index lock; waiting")
            connection.execute(sa.text("SELECT pg_advisory_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
        try:
            yield
        finally:
            connection.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_LOCK_KEY})


@contextmanager
def _logged(lock: FileLock) -> Iterator[None]:
    """The file lock, saying so when it has to wait for another builder."""
    try:
        lock.acquire(timeout=0)
    except TimeoutError:
        log.info("another build holds %s; waiting", lock.lock_file)
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


class MarkedRegistry:
    """The store's index table, plus a marker file rewritten after every activation. Workers sharing a
    SQLite store share its disk, so a ``stat`` of the marker (microseconds) tells them whether to read
    the table (a few hundred microseconds, and a lock) on this request."""

    def __init__(self, state: IndexState, marker: Path) -> None:
        self._state = state
        self._marker = marker
        self._seen: tuple[int, int] | None = None
        self._version: str | None = None

    def active(self) -> IndexVersion | None:
        return self._state.active()

    def activate(self, version: str) -> IndexVersion:
        activated = self._state.activate(version)
        written = self._marker.with_name(f"{self._marker.name}.{os.getpid()}.tmp")
        written.write_text(version, encoding="utf-8")
        os.replace(written, self._marker)  # a new inode: readers notice even within one clock tick
        return activated

    def retired(self, retired_before: datetime | None = None) -> list[RetiredIndex]:
        return self._state.retired(retired_before)

    def forget(self, version: str) -> None:
        self._state.forget(version)

    def active_version(self) -> str | None:
        try:
            status = os.stat(self._marker)
            seen: tuple[int, int] | None = (status.st_ino, status.st_mtime_ns)
        except FileNotFoundError:
            seen = None  # no activation since the store was created here (or a store from before the marker)
        if seen is None or seen != self._seen:
            current = self._state.active()
            self._version = current.version if current else None
            self._seen = seen
        return self._version
