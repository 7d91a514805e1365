"""The engine a serving process answers with, kept on the active index version.

Every request reads the active version from the state store (one primary-key read) and, when another
worker or machine has activated a new one, loads it, warms it and swaps it in with one assignment: a
reindex reaches every worker with its next request. While one request loads the new version, the
others keep answering from the one they hold (it is deleted only after the grace period), so a reindex
never stalls them. The embedder is made once per process and shared by every version it loads.
"""

from __future__ import annotations

import logging
import threading

from chromadb.errors import NotFoundError

from assistant.bootstrap import open_index
from assistant.engine import Engine
from assistant.errors import IndexMissing, NotReady
from assistant.indexing import DeploymentIndex
from assistant.settings import Settings
from assistant.store import StoreUnavailable
from assistant.thread_pools import limit_thread_pools
from index.store import BuildReport

log = logging.getLogger(__name__)


class EngineHolder:
    """The engine of one serving process, on the active index version (see the module's docstring)."""

    def __init__(self, settings: Settings, engine: Engine | None = None) -> None:
        self.settings = settings
        self.engine = engine
        self.ready = engine is not None
        self._index: DeploymentIndex | None = None
        self._swap = threading.Lock()
        self._failed_version: str | None = None

    def start(self) -> Engine:
        """Sizes the thread pools, loads (building when missing) and warms the engine; then ready."""
        limit_thread_pools(self.settings.blas_threads)
        if self.engine is None:
            self.engine = Engine.from_settings(self.settings)
        self.engine.warm_up()
        self.ready = True
        return self.engine

    def get(self) -> Engine:
        """The engine on the active version. Raises ``NotReady`` before an engine is loaded (the server
        accepts requests only once ``start`` has also warmed it)."""
        engine = self.engine
        if engine is None:
            raise NotReady("the index is still loading")
        try:
            version = self.index.active_version()
        except StoreUnavailable as error:  # the state store is down: answer from the version held
            log.warning("could not read the active index version: %s", error)
            return engine
        if version is None or version == engine.index_version or version == self._failed_version:
            return engine
        if not self._swap.acquire(blocking=False):  # another request is loading it: answer from the current one
            return engine
        try:
            if self.engine is not None and self.engine.index_version != version:
                self._follow(self.engine, version)
        finally:
            self._swap.release()
        return self.engine or engine

    def reindex(self) -> tuple[Engine, BuildReport]:
        """Builds a new version (unchanged chunks keep their vectors), warms an engine on it and swaps.
        Raises ``NotReady`` before ``start``, and what the build raises; the current engine then keeps serving."""
        current = self.get()
        with self._swap:
            opened = open_index(self.settings, rebuild=True, embedder=current.retriever.embedder, deployment=self.index)
            assert opened.built is not None, "open_index(rebuild=True) always builds"
            report = opened.built
            fresh = current.on_collection(opened.collection)
            fresh.warm_up()
            self.engine = fresh
            self._failed_version = None
        return fresh, report

    def check_index(self) -> None:
        """Raises ``NotReady`` or ``IndexMissing`` (503 each) unless this process can answer from a non-empty index."""
        engine = self.engine
        if engine is None or not self.ready:
            raise NotReady("the index is still loading")
        try:
            count = engine.retriever.collection.count()
        except NotFoundError as error:
            raise IndexMissing(f"the index store has lost index {engine.index_version}: reindex") from error
        if count == 0:
            raise IndexMissing(f"index {engine.index_version} is empty in the index store: reindex")

    @property
    def index(self) -> DeploymentIndex:
        """This deployment's Chroma, version registry and build lock (opened on first use)."""
        if self._index is None:
            self._index = DeploymentIndex(self.settings)
        return self._index

    def _follow(self, current: Engine, version: str) -> None:
        try:
            fresh = current.on_collection(self.index.active_collection())
            fresh.warm_up()
        except Exception as error:  # keep answering from the version held; try again when the version changes
            log.warning("could not load index version %s, still serving %s: %s", version, current.index_version, error)
            self._failed_version = version
            return
        log.info("index version %s replaces %s", fresh.index_version, current.index_version)
        self.engine = fresh
