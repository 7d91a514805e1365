"""The engine a serving process answers with, kept on the active index version.

Every request reads the active version from the state store (a ``stat`` of a marker file, or one
primary-key read) and, when another worker or machine has activated a new one, starts loading it in a
background thread and answers from the engine it holds: no request waits for a load. The loaded version
is warmed and swapped in with one assignment. A reindex asked of this process is built by a build process
of its own (``assistant.index_build``), at a lower CPU priority, while this one keeps answering; then
it loads the new version the same way. The embedder is made once per process and shared by every version
it loads.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import threading

from assistant.engine import Engine
from assistant.errors import IndexMissing, NotReady
from assistant.index_build import build_apart
from assistant.indexing import DeploymentIndex
from assistant.settings import Settings
from assistant.store import StoreUnavailable
from assistant.thread_pools import limit_thread_pools
from index import parsers
from index import store as index_store
from index.embedders import Embedder
from index.store import BuildReport

log = logging.getLogger(__name__)


class EngineHolder:
    """The engine of one serving process, on the active index version (see the module's docstring)."""

    def __init__(self, settings: Settings, engine: Engine | None = None, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.engine = engine
        self._embedder = embedder  # one already loaded (a supervisor's, shared across the fork), else made at start
        self.ready = engine is not None
        self._index: DeploymentIndex | None = None
        self._loading = threading.Lock()  # guards ``_loader``
        self._loader: threading.Thread | None = None
        self._failed_version: str | None = None

    def start(self) -> Engine:
        """Sizes the thread pools, loads (building when missing) and warms the engine; then ready."""
        limit_thread_pools(self.settings.blas_threads)
        if self.engine is None:
            self.engine = Engine.from_settings(self.settings, embedder=self._embedder)
        self.engine.warm_up()
        self.ready = True
        return self.engine

    def get(self) -> Engine:
        """The engine this process answers with; when a newer version is active, its load starts in the
        background. Raises ``NotReady`` before an engine is loaded (the server accepts requests only once
        ``start`` has also warmed it)."""
        engine = self.engine
        if engine is None:
            raise NotReady("the index is still loading")
        try:
            version = self.index.active_version()
        except StoreUnavailable as error:  # the state store is down: answer from the version held
            log.warning("could not read the active index version: %s", error)
            return engine
        if version is not None and version != engine.index_version and version != self._failed_version:
            self._follow()
        return engine

    def reindex(self) -> tuple[Engine, BuildReport]:
        """Builds a new version in a build process (unchanged chunks keep their vectors), then loads, warms
        and swaps it in. Raises ``NotReady`` before ``start``, what reading the sources raises,
        ``IndexBuildFailed`` when the build fails and ``IndexMissing`` when the new version cannot be
        loaded; the current engine then keeps serving."""
        current = self.get()
        report = build_apart(self.settings, parsers.parse_corpus(), current.retriever.embedder)
        for _ in range(2):  # a load already running may be of the version before this one
            self._follow().join()
            if self.engine is not None and self.engine.index_version == report.version:
                break
        engine = self.engine
        assert engine is not None
        if engine.index_version != report.version and self.index.active_version() == report.version:
            raise IndexMissing(f"the new index version {report.version} could not be loaded")
        return engine, report

    def check_index(self) -> None:
        """Raises ``NotReady`` or ``IndexMissing`` (503 each) unless this process can answer from a non-empty index."""
        engine = self.engine
        if engine is None or not self.ready:
            raise NotReady("the index is still loading")
        try:
            engine.retriever.index.check()
        except index_store.IndexMissing as error:
            raise IndexMissing(str(error)) from error

    @property
    def index(self) -> DeploymentIndex:
        """This deployment's Chroma, version registry and build lock (opened on first use)."""
        if self._index is None:
            self._index = DeploymentIndex(self.settings)
        return self._index

    def _follow(self) -> threading.Thread:
        """The thread loading the active version: the one running, or a new one."""
        with self._loading:
            if self._loader is None or not self._loader.is_alive():
                self._loader = threading.Thread(target=self._load_active, name="index-follow", daemon=True)
                self._loader.start()
            return self._loader

    def _load_active(self) -> None:
        if self._swap_to_active():
            return_freed_memory()

    def _swap_to_active(self) -> bool:
        """Loads, warms and swaps in the active version; whether it replaced the one held."""
        current = self.engine
        assert current is not None
        version = None
        try:
            version = self.index.active_version()
            if version is None or version == current.index_version:
                return False
            fresh = current.on_version(self.index.load_active())
            fresh.warm_up()
        except Exception as error:  # keep answering from the version held; try again when the version changes
            log.warning("could not load index version %s, still serving %s: %s", version, current.index_version, error)
            self._failed_version = version
            return False
        log.info("index version %s replaces %s", fresh.index_version, current.index_version)
        self._failed_version = None
        self.engine = fresh
        return True


def return_freed_memory() -> None:
    """Hands the memory of the replaced version back to the system (freed when its last request ended).

    glibc keeps what a thread freed in that thread's arena: measured at 20× the corpus, a worker grew by
    about 27 MB with every version it loaded, and stayed flat when trimmed after each swap. The call
    releases the interpreter lock; elsewhere than glibc there is no ``malloc_trim`` and nothing is done."""
    libc = ctypes.util.find_library("c")
    trim = getattr(ctypes.CDLL(libc), "malloc_trim", None) if libc else None
    if trim is not None:
        trim(0)
