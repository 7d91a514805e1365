"""Chroma: the one source of truth for chunks, their metadata and their dense vectors.

Builds are atomic: a build writes a new collection, checks it, and only then moves the pointer (a
one-record collection) to it, so a failed or interrupted build leaves the previous index serving.
Collections are always opened with ``embedding_function=None`` and fed vectors we computed, so
Chroma never falls back to its default embedding function (which would download a model).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import chromadb
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.config import Settings as ChromaSettings

from index.articles import Article
from index.embedders import Embedder

POINTER = "pa-active-index"
PREFIX = "pa-articles-"
BATCH = 64
LIST_SEPARATOR = "、"


class IndexMissing(RuntimeError):
    """No complete index has been built yet."""


@dataclass(frozen=True)
class BuildReport:
    collection: str
    documents: int
    chunks: int
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


def article_metadata(article: Article) -> dict[str, str]:
    return {
        "doc_id": article.doc_id,
        "key": article.key,
        "label": article.label,
        "title": article.title,
        "section": article.section,
        "departments": LIST_SEPARATOR.join(article.departments),
        "speakers": LIST_SEPARATOR.join(article.speakers),
        "mentions": LIST_SEPARATOR.join(article.mentions),
        "content_hash": article.content_hash,
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


def build_index(
    client: ClientAPI,
    articles: Sequence[Article],
    embedder: Embedder,
    on_progress: Callable[[int], None] = lambda done: None,
) -> BuildReport:
    """Write ``articles`` to a fresh collection and make it the active one."""
    started = time.perf_counter()
    previous = _active_name(client)
    name = f"{PREFIX}{datetime.now(UTC):%Y%m%d%H%M%S}-{uuid.uuid4().hex[:6]}"
    collection = client.create_collection(
        name,
        embedding_function=None,
        configuration={"hnsw": {"space": "cosine"}},
        metadata={"embedder": embedder.name, "dimension": embedder.dimension},
    )
    try:
        for start in range(0, len(articles), BATCH):
            batch = articles[start : start + BATCH]
            collection.add(
                ids=[a.chunk_id for a in batch],
                documents=[a.text for a in batch],
                metadatas=[article_metadata(a) for a in batch],
                embeddings=embedder.embed([a.text for a in batch]),
            )
            on_progress(len(batch))
        if collection.count() != len(articles):
            raise RuntimeError(f"index holds {collection.count()} of {len(articles)} articles")
        _point_to(client, name)
    except BaseException:
        _drop(client, name)
        raise
    _drop_all_but(client, keep={name, previous})
    return BuildReport(
        collection=name,
        documents=len({a.doc_id for a in articles}),
        chunks=len(articles),
        seconds=time.perf_counter() - started,
        embedder=embedder.name,
    )


def active_collection(client: ClientAPI) -> Collection:
    """The collection the pointer names; ``IndexMissing`` when none was ever completed."""
    name = _active_name(client)
    if name is None:
        raise IndexMissing("no index has been built yet: run `policy-assistant index`")
    return client.get_collection(name, embedding_function=None)


def _active_name(client: ClientAPI) -> str | None:
    if POINTER not in {c.name for c in client.list_collections()}:
        return None
    record = client.get_collection(POINTER, embedding_function=None).get(
        ids=["active"], include=["metadatas"]
    )
    return str(record["metadatas"][0]["collection"]) if record["ids"] else None  # type: ignore[index]


def _point_to(client: ClientAPI, name: str) -> None:
    pointer = client.get_or_create_collection(POINTER, embedding_function=None)
    pointer.upsert(ids=["active"], embeddings=[[1.0]], metadatas=[{"collection": name}])


def _drop(client: ClientAPI, name: str) -> None:
    try:
        client.delete_collection(name)
    except Exception:  # best effort: a half-built collection is also swept by the next build
        pass


def _drop_all_but(client: ClientAPI, keep: set[str | None]) -> None:
    """Keep the new index and the one it replaced: a process still serving the old one keeps working."""
    for collection in client.list_collections():
        if collection.name.startswith(PREFIX) and collection.name not in keep:
            _drop(client, collection.name)
