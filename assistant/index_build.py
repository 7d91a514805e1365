"""A serving process's reindex, built in a process of its own at a lower CPU priority.

The serving process reads the sources (a corrupt one is reported at once) and hands the articles to
``python -m assistant.index_build`` on its standard input. The build process lowers its priority, keeps
BLAS to one thread, loads an embedder only when a chunk needs embedding, writes and activates the new
version under the deployment's build lock, and prints its report. The serving process waits for it
without holding the interpreter lock, so its requests keep their CPU and their pace; then it, like every
other worker, loads the new version. Whatever the build process allocates is returned when it exits.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np

from assistant.settings import Settings
from index.articles import Article
from index.embedders import Embedder, make_embedder
from index.store import BuildReport

NICENESS = 10  # below the serving processes: a build takes what CPU they leave
ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


class IndexBuildFailed(RuntimeError):
    """The build process failed; the message is its error. The active version is unchanged."""


@dataclass(frozen=True)
class BuildJob:
    """What the build process needs: the deployment's settings, the articles, and which embedder the
    serving process uses (its name and dimension; the vectors must come from the same model)."""

    settings: Settings
    articles: list[Article]
    embedder: str
    dimension: int


def build_apart(settings: Settings, articles: Sequence[Article], embedder: Embedder) -> BuildReport:
    """Builds and activates a new version of ``articles`` in a build process (see the module's docstring)
    and returns its report. Raises ``IndexBuildFailed`` with the build's error."""
    job = BuildJob(settings, list(articles), embedder.name, embedder.dimension)
    done = subprocess.run([sys.executable, "-m", "assistant.index_build"], input=pickle.dumps(job),
                          capture_output=True, env={**os.environ, **ONE_THREAD}, check=False)
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise IndexBuildFailed(lines[-1] if lines else f"the build process exited with {done.returncode}")
    report = done.stdout.decode("utf-8").strip().splitlines()[-1]
    return BuildReport(**json.loads(report))


class DeferredEmbedder:
    """The serving process's embedder by name, loaded in the build process only when a chunk needs
    embedding (a rebuild of unchanged sources reuses every vector and loads no model)."""

    dense = True

    def __init__(self, settings: Settings, name: str, dimension: int) -> None:
        self.name, self.dimension, self._settings = name, dimension, settings
        self._model: Embedder | None = None

    def embed(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            model = make_embedder(self._settings.embedding_backend, self._settings.embedding_model, threads=1)
            if model.name != self.name:
                raise IndexBuildFailed(f"the settings name embedder {model.name}, the serving one is {self.name}")
            self._model = model
        return self._model.embed(texts)


def main() -> int:
    os.nice(NICENESS)  # first: every thread started later inherits it
    from assistant.indexing import DeploymentIndex
    from assistant.thread_pools import limit_thread_pools

    job: BuildJob = pickle.load(sys.stdin.buffer)
    limit_thread_pools(1)
    try:
        report = DeploymentIndex(job.settings).rebuild(DeferredEmbedder(job.settings, job.embedder, job.dimension),
                                                       articles=job.articles)
    except Exception as error:  # the serving process reports it; the active version is unchanged
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(json.dumps(asdict(report)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
