"""Opening the index a service answers from: connect → embedder → build when missing (or when asked).

The one path the engine, the CLI's ``index`` command, the API's reindex and the benchmark take.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from chromadb.api.models.Collection import Collection

from assistant.settings import Settings
from index.embedders import Embedder, make_embedder
from index.store import BuildReport, IndexMissing, active_collection, build_index, connect


@dataclass(frozen=True)
class OpenIndex:
    """The active collection, the embedder its vectors came from, and the build report when this call built it."""

    collection: Collection
    embedder: Embedder
    built: BuildReport | None = None


def open_index(
    settings: Settings,
    *,
    rebuild: bool = False,
    build_if_missing: bool = True,
    embedder: Embedder | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> OpenIndex:
    """The active index of ``settings`` (embedded Chroma in ``data_dir``, or the Chroma server configured).

    Builds it from the shipped sources when ``rebuild`` is set, or when none exists and ``build_if_missing``.
    ``embedder`` reuses one already loaded; ``on_progress(done, total)`` counts articles as they are written.
    Raises ``IndexMissing`` when there is no index and building is not allowed; a failed build raises
    what failed and leaves the previous index active.
    """
    import index.parsers as parsers  # looked up at call time: a reindex reads the sources as they are now

    client = connect(settings.data_dir, settings.chroma_host, settings.chroma_port)
    embedder = embedder or make_embedder(settings.embedding_backend, settings.embedding_model)
    if not rebuild:
        try:
            return OpenIndex(active_collection(client), embedder)
        except IndexMissing:
            if not build_if_missing:
                raise
    articles = parsers.parse_corpus()
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if on_progress is not None:
            on_progress(done, len(articles))

    report = build_index(client, articles, embedder, advance)
    return OpenIndex(active_collection(client), embedder, report)
