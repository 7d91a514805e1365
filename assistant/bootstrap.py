"""Opening the index a service answers from: connect → embedder → build when missing (or when asked).

The one path the engine, the CLI's ``index`` command, the API's reindex and the benchmark take. Builds
run under the deployment's build lock and activate a new version in the shared registry, so workers
and machines starting together build once and the others wait for that build.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from chromadb.api.models.Collection import Collection

from assistant.errors import IndexMissing
from assistant.indexing import DeploymentIndex
from assistant.settings import Settings
from index import snapshot, store
from index.embedders import Embedder, make_embedder
from index.store import BuildReport


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
    deployment: DeploymentIndex | None = None,
) -> OpenIndex:
    """The active index version of ``settings`` (embedded Chroma in ``data_dir``, or the Chroma server configured).

    Builds a new version of the shipped sources when ``rebuild`` is set (unchanged articles keep their
    vectors), or when no usable version serves and ``build_if_missing`` (waiting for a concurrent builder,
    then building nothing when it built). ``embedder`` reuses one already loaded; ``on_progress(done, total)``
    counts articles as they are written by a rebuild. Raises ``IndexMissing`` (503 ``index_missing``) when
    no usable index serves and building is not allowed; a failed build raises what failed and leaves the
    previous version active.
    """
    import index.parsers as parsers  # looked up at call time: a rebuild reads the sources as they are now

    deployment = deployment or DeploymentIndex(settings)
    embedder = embedder or make_embedder(settings.embedding_backend, settings.embedding_model, settings.blas_threads)
    report: BuildReport | None = None
    if rebuild:
        articles = parsers.parse_corpus()
        done = 0

        def advance(count: int) -> None:
            nonlocal done
            done += count
            if on_progress is not None:
                on_progress(done, len(articles))

        report = store.build_index(deployment.client, articles, embedder, deployment.registry, deployment.lock(),
                                   advance, deployment.grace)
    elif build_if_missing:
        report = deployment.ensure(embedder)
    try:
        return OpenIndex(deployment.active_collection(), embedder, report)
    except store.IndexMissing as error:
        raise IndexMissing(str(error)) from error


def save_snapshot(settings: Settings, opened: OpenIndex) -> None:
    """Saves the local snapshot of ``opened``'s version in the data dir unless it is there (``serve`` does it
    before starting its workers, so each starts from it instead of reading Chroma)."""
    snapshot.save_version(opened.collection, settings.snapshot_dir)

