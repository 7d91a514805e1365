"""Chroma: the one source of truth for chunks, their metadata, dense vectors and BM25 tokens.

Every build writes a new collection (an index *version*) and, once it is complete and checked,
activates it in a ``VersionRegistry`` (the shared state store), so a failed or interrupted build leaves
the previous version serving. Builds run under a lock, so two builders (two ``policy-assistant index``
runs, or workers starting on an empty data dir) queue instead of deleting each other's collections.
A replaced version is deleted only after a grace period: a worker still serving it finishes its
requests and then follows the registry to the new one.

A chunk whose title and text are unchanged keeps its vector and its tokens from the version it
replaces, so a rebuild embeds only the chunks whose content changed.

Collections are always opened with ``embedding_function=None`` and fed vectors we computed, so
Chroma never falls back to its default embedding function (which would download a model).
"""

from __future__ import annotations

import hashlib
import logging
import time
import uuid
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import NotFoundError

from index.articles import Article
from index.embedders import Embedder
from index.tokens import TOKEN_SEPARATOR, tokenize, tokenizer_fingerprint

PREFIX = "pa-articles-"
BATCH = 64
LIST_SEPARATOR = "、"
DEFAULT_GRACE = timedelta(minutes=10)

log = logging.getLogger(__name__)


class IndexMissing(RuntimeError):
    """No complete index serves: none was built yet, or Chroma lost the active one (a server restarted empty)."""


class ActiveVersion(Protocol):
    @property
    def version(self) -> str: ...


class RetiredVersion(Protocol):
    @property
    def version(self) -> str: ...

    @property
    def retired_at(self) -> datetime: ...


class VersionRegistry(Protocol):
    """Which collection serves, shared by every worker and machine (the state store's index table)."""

    @property
    def owner(self) -> str:
        """The deployment's tag, in the name of every collection it builds (``pa-articles-<owner>-…``)."""
        ...

    def active(self) -> ActiveVersion | None: ...

    def activate(self, version: str) -> object: ...

    def retired(self, retired_before: datetime | None = None) -> Sequence[RetiredVersion]: ...

    def forget(self, version: str) -> None: ...


@dataclass(frozen=True)
class BuildReport:
    collection: str
    documents: int
    chunks: int
    embedded: int  # chunks whose vectors were computed by this build; the rest were reused
    seconds: float
    embedder: str


def connect(data_dir: Path, host: str | None = None, port: int = 8000) -> ClientAPI:
    """Embedded Chroma under ``data_dir`` by default; a Chroma server when a host is given."""
    settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        return chromadb.HttpClient(host=host, port=port, settings=settings)
    path = data_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


def content_key(article: Article) -> str:
    """What a chunk's vector (its text) and tokens (title and text) depend on."""
    return hashlib.sha256(f"{article.title}\n{article.text}".encode()).hexdigest()[:24]


def article_metadata(article: Article, tokens: Sequence[str]) -> dict[str, str]:
    return {
        "doc_id": article.doc_id,
        "key": article.key,
        "label": article.label,
        "title": article.title,
        "section": article.section,
        "departments": LIST_SEPARATOR.join(article.departments),
        "speakers": LIST_SEPARATOR.join(article.speakers),
        "mentions": LIST_SEPARATOR.join(article.mentions),
        "content_hash": content_key(article),
        "tokens": TOKEN_SEPARATOR.join(tokens),
    }


def article_from_record(chunk_id: str, text: str, metadata: dict) -> Article:
    def listed(name: str) -> tuple[str, ...]:
        value = metadata.get(name) or ""
        return tuple(value.split(LIST_SEPARATOR)) if value else ()

    doc_id, _, key = chunk_id.partition(":")
    return Article(
        doc_id=doc_id,
        key=key,
        label=metadata["label"],
        title=metadata["title"],
        text=text,
        section=metadata.get("section", ""),
        departments=listed("departments"),
        speakers=listed("speakers"),
        mentions=listed("mentions"),
    )


def stored_tokens(collection: Collection, metadata: dict) -> list[str] | None:
    """The BM25 tokens stored with a chunk, or ``None`` when they were made by another tokenizer."""
    if (collection.metadata or {}).get("tokenizer") != tokenizer_fingerprint():
        return None
    value = metadata.get("tokens")
    return str(value).split(TOKEN_SEPARATOR) if value else None


def build_index(
    client: ClientAPI,
    articles: Sequence[Article],
    embedder: Embedder,
    registry: VersionRegistry,
    lock: AbstractContextManager[Any],
    on_progress: Callable[[int], None] = lambda done: None,
    grace: timedelta = DEFAULT_GRACE,
) -> BuildReport:
    """Under ``lock``: write ``articles`` to a new collection, activate it, and delete versions retired
    more than ``grace`` ago. Raises whatever the embedder or Chroma raise; the active version is then
    unchanged and the half-built collection is dropped."""
    with lock:
        return _build(client, articles, embedder, registry, on_progress, grace)


def ensure_index(
    client: ClientAPI,
    articles: Callable[[], Sequence[Article]],
    embedder: Embedder,
    registry: VersionRegistry,
    lock: AbstractContextManager[Any],
    grace: timedelta = DEFAULT_GRACE,
) -> BuildReport | None:
    """Build when no usable index serves; ``None`` when one does. A builder that waited for the lock
    finds the index the other one built and builds nothing."""
    if _usable(client, registry):
        return None
    with lock:
        if _usable(client, registry):
            return None
        return _build(client, articles(), embedder, registry, lambda done: None, grace)


def active_collection(client: ClientAPI, registry: VersionRegistry) -> Collection:
    """The collection of the active version. Raises ``IndexMissing`` when none was ever activated, or
    when Chroma no longer holds it or holds it empty (a Chroma server restarted without its data)."""
    current = registry.active()
    if current is None:
        raise IndexMissing("no index has been built yet: run `policy-assistant index`")
    try:
        collection = client.get_collection(current.version, embedding_function=None)
    except NotFoundError:
        raise IndexMissing(f"the index store has lost the active index {current.version}: reindex") from None
    if collection.count() == 0:
        raise IndexMissing(f"the active index {current.version} is empty in the index store: reindex")
    return collection


def _usable(client: ClientAPI, registry: VersionRegistry) -> bool:
    try:
        active_collection(client, registry)
    except IndexMissing:
        return False
    return True


def _build(
    client: ClientAPI,
    articles: Sequence[Article],
    embedder: Embedder,
    registry: VersionRegistry,
    on_progress: Callable[[int], None],
    grace: timedelta,
) -> BuildReport:
    started = time.perf_counter()
    reusable = _reusable(client, registry, embedder)
    name = f"{PREFIX}{registry.owner}-{datetime.now(UTC):%Y%m%d%H%M%S}-{uuid.uuid4().hex[:8]}"
    collection = client.create_collection(
        name,
        embedding_function=None,
        configuration={"hnsw": {"space": "cosine"}},
        metadata={"embedder": embedder.name, "dimension": embedder.dimension, "tokenizer": tokenizer_fingerprint()},
    )
    embedded = 0
    try:
        for start in range(0, len(articles), BATCH):
            batch = articles[start : start + BATCH]
            known = [reusable.get(content_key(a)) for a in batch]
            fresh = [a.text for a, k in zip(batch, known, strict=True) if k is None]
            vectors = iter(embedder.embed(fresh)) if fresh else iter(())
            embedded += len(fresh)
            rows = [(k[0], k[1]) if k is not None else (next(vectors), tokenize(f"{a.title} {a.text}"))
                    for a, k in zip(batch, known, strict=True)]
            collection.add(
                ids=[a.chunk_id for a in batch],
                documents=[a.text for a in batch],
                metadatas=[article_metadata(a, tokens) for a, (_, tokens) in zip(batch, rows, strict=True)],
                embeddings=np.asarray([vector for vector, _ in rows], dtype=np.float32),
            )
            on_progress(len(batch))
        if collection.count() != len(articles):
            raise RuntimeError(f"index holds {collection.count()} of {len(articles)} articles")
        registry.activate(name)
    except BaseException:
        _drop(client, name)
        raise
    _sweep(client, registry, keep=name, grace=grace)
    return BuildReport(
        collection=name,
        documents=len({a.doc_id for a in articles}),
        chunks=len(articles),
        embedded=embedded,
        seconds=time.perf_counter() - started,
        embedder=embedder.name,
    )


def _reusable(client: ClientAPI, registry: VersionRegistry, embedder: Embedder) -> dict[str, tuple[Any, list[str]]]:
    """Vectors and tokens of the active version by content key, when it was embedded by the same model."""
    try:
        previous = active_collection(client, registry)
    except IndexMissing:
        return {}
    if (previous.metadata or {}).get("embedder") != embedder.name:
        return {}
    records = previous.get(include=["embeddings", "metadatas"])
    reusable: dict[str, tuple[Any, list[str]]] = {}
    for vector, metadata in zip(records["embeddings"] if records["embeddings"] is not None else [],
                                records["metadatas"] or [], strict=True):
        tokens = stored_tokens(previous, dict(metadata or {}))
        key = (metadata or {}).get("content_hash")
        if tokens is not None and key:
            reusable[str(key)] = (vector, tokens)
    return reusable


def _sweep(client: ClientAPI, registry: VersionRegistry, keep: str, grace: timedelta) -> None:
    """Delete versions retired more than ``grace`` ago, and this deployment's collections no version names
    (left by a builder that was killed). Called under the build lock, so no other build of this
    deployment is writing one of them. Collections of other deployments sharing the Chroma server carry
    another tag and are never touched: their own registries name them, not this one."""
    for retired in registry.retired(retired_before=datetime.now(UTC) - grace):
        _drop(client, retired.version)
        registry.forget(retired.version)
    named = {keep, *(r.version for r in registry.retired())}
    own = f"{PREFIX}{registry.owner}-"
    for collection in client.list_collections():
        if collection.name.startswith(own) and collection.name not in named:
            _drop(client, collection.name)


def _drop(client: ClientAPI, name: str) -> None:
    try:
        client.delete_collection(name)
    except Exception as error:  # best effort: what is left is swept by the next build
        log.warning("could not delete index collection %s: %s", name, error)
