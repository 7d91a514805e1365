"""Chroma: the one source of truth for chunks, their metadata, dense vectors and BM25 tokens.

One collection holds every index *version* of a deployment (one per embedder: a collection has one vector
dimension). A build is a *generation*: each chunk record carries the generation that added it (``since``)
and the one that dropped it (``until``), so version ``g`` is the records with ``since <= g < until``. A
build adds records only for chunks whose title or text changed (reusing the vector and tokens of any
record with the same content) and closes the records of chunks that changed or left; it never changes
which records an earlier generation holds. Once the new generation is complete and checked it is
activated in a ``VersionRegistry`` (the shared state store), so a worker reading the previous version
during a build never sees a half-built one, and a failed or killed build leaves the previous version
serving. Builds run under a lock; records no version within the grace period holds are deleted by the
next build.

Why not a new collection per version: embedded Chroma keeps about 3 MB of memory in every process for
each collection it has read, deleted or not (chroma-core/chroma#3296, #5259), so a server grew with every
reindex. Why the vector is also kept in each record's metadata: embedded Chroma in a process that has
read a collection's vectors does not see vectors another process adds to it later (its in-memory HNSW
segment is not reloaded; reading one of the new ids fails), while metadata reads go to SQLite and are
current. Serving processes therefore read a version's vectors from the metadata and search them
exactly in memory, and never ask Chroma's vector segment.

Collections are always opened with ``embedding_function=None`` and fed vectors we computed, so Chroma
never falls back to its default embedding function (which would download a model).
"""

from __future__ import annotations

import base64
import hashlib
import logging
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import NotFoundError

from index.articles import Article
from index.embedders import Embedder
from index.tokens import TOKEN_SEPARATOR, tokenize, tokenizer_fingerprint

if TYPE_CHECKING:
    import bm25s

    from index.sentences import SentenceIndex

PREFIX = "pa-chunks-"
LEGACY_PREFIX = "pa-articles-"  # one collection per version, as earlier releases built them
BATCH = 64  # articles embedded at once
WRITE_BATCH = 1024  # records per Chroma write: in writes of 64 a record cost Chroma three times as much (measured)
LIST_SEPARATOR = "、"
DEFAULT_GRACE = timedelta(minutes=10)
OPEN = 2**53  # ``until`` of a record the newest generation still holds

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
    """Which version serves, shared by every worker and machine (the state store's index table)."""

    def active(self) -> ActiveVersion | None: ...

    def activate(self, version: str) -> object: ...

    def retired(self, retired_before: datetime | None = None) -> Sequence[RetiredVersion]: ...

    def forget(self, version: str) -> None: ...


@dataclass(frozen=True)
class VersionName:
    """What a version's name says: its collection, its generation and how many chunks it holds
    (``pa-chunks-3f2a9c1e@7:96``), so a reader can tell a complete version from one cut short."""

    collection: str
    generation: int
    chunks: int

    def __str__(self) -> str:
        return f"{self.collection}@{self.generation}:{self.chunks}"

    @classmethod
    def parse(cls, version: str) -> VersionName | None:
        """``None`` for a name in another format (a version of an earlier release: a whole collection)."""
        collection, _, rest = version.partition("@")
        generation, _, chunks = rest.partition(":")
        if not (collection and generation.isdigit() and chunks.isdigit()):
            return None
        return cls(collection, int(generation), int(chunks))


@dataclass(frozen=True)
class BuildReport:
    version: str
    documents: int
    chunks: int
    embedded: int  # chunks whose vectors were computed by this build; the rest were reused
    seconds: float
    embedder: str


@dataclass(frozen=True, eq=False)
class LoadedVersion:
    """One index version read into memory: its articles in corpus order, their BM25 tokens (``None`` where
    another tokenizer cut them), their unit vectors (``float32``, one row per article), and the collection
    that holds it, to check that the index store still has it."""

    version: str
    collection: Collection
    record_ids: tuple[str, ...]
    articles: tuple[Article, ...]
    tokens: tuple[list[str] | None, ...]
    vectors: np.ndarray
    embedder: str
    bm25: bm25s.BM25 | None = None  # the BM25 model over ``tokens`` once indexed (``index.snapshot.searchable``)
    sentences: SentenceIndex | None = None  # the articles' sentences as BM25 documents, indexed with ``bm25``

    def check(self) -> None:
        """Raises ``IndexMissing`` when the index store lost this version (a Chroma server restarted empty),
        ``chromadb`` / ``httpx`` errors when it cannot be reached. One read of one record."""
        try:
            found = self.collection.get(ids=list(self.record_ids[:1]), include=[])["ids"]
        except NotFoundError:
            raise IndexMissing(f"the index store has lost the active index {self.version}: reindex") from None
        if not found:
            raise IndexMissing(f"the active index {self.version} is empty in the index store: reindex")


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
        "tokenizer": tokenizer_fingerprint(),
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


def stored_tokens(metadata: dict) -> list[str] | None:
    """The BM25 tokens stored with a chunk, or ``None`` when they were made by another tokenizer."""
    if metadata.get("tokenizer") != tokenizer_fingerprint():
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
    owns_store: bool = True,
    before_activation: Callable[[str], None] | None = None,
) -> BuildReport:
    """Under ``lock``: write ``articles`` as a new generation, activate it, and delete what no version
    within ``grace`` holds. ``owns_store`` says Chroma serves this deployment alone (embedded), so
    collections no version names (left by a builder killed before its first activation) are deleted too.
    ``before_activation(version)`` runs once the new version is complete, before any reader can see it
    (a failure there is logged, never fatal: it prepares, e.g. a local snapshot).
    Raises whatever the embedder or Chroma raise; the active version is then unchanged."""
    with lock:
        return _build(client, articles, embedder, registry, on_progress, grace, owns_store, before_activation)


def ensure_index(
    client: ClientAPI,
    articles: Callable[[], Sequence[Article]],
    embedder: Embedder,
    registry: VersionRegistry,
    lock: AbstractContextManager[Any],
    grace: timedelta = DEFAULT_GRACE,
    owns_store: bool = True,
    before_activation: Callable[[str], None] | None = None,
) -> BuildReport | None:
    """Build when no usable index serves; ``None`` when one does. A builder that waited for the lock
    finds the index the other one built and builds nothing. ``before_activation`` as ``build_index``'s."""
    if _usable(client, registry):
        return None
    with lock:
        if _usable(client, registry):
            return None
        return _build(client, articles(), embedder, registry, lambda done: None, grace, owns_store, before_activation)


def load_active(client: ClientAPI, registry: VersionRegistry) -> LoadedVersion:
    """The active version, read into memory. Raises ``IndexMissing`` when none was ever activated, when it was
    built by an earlier release (a rebuild replaces it), or when Chroma no longer holds all of it."""
    current = registry.active()
    if current is None:
        raise IndexMissing("no index has been built yet: run `policy-assistant index`")
    return load_version(client, current.version)


def load_version(client: ClientAPI, version: str) -> LoadedVersion:
    """Version ``version`` read into memory (see ``load_active`` for the errors)."""
    name = _named(version)
    collection = open_collection(client, version)
    rows: list[tuple[str, str, dict[str, Any]]] = []
    while True:  # in pages: one read of a whole 100× version held the interpreter lock for 0.4 s
        page = collection.get(where=_members(name.generation), include=["documents", "metadatas"],
                              limit=WRITE_BATCH, offset=len(rows))
        rows.extend((rid, text or "", dict(m or {}))
                    for rid, text, m in zip(page["ids"], page["documents"] or [], page["metadatas"] or [], strict=True))
        if len(page["ids"]) < WRITE_BATCH:
            break
    if len(rows) != name.chunks:
        raise IndexMissing(f"the index store holds {len(rows)} of the {name.chunks} chunks of {version}: reindex")
    rows.sort(key=lambda row: int(row[2]["position"]))
    return LoadedVersion(
        version=version,
        collection=collection,
        record_ids=tuple(rid for rid, _, _ in rows),
        articles=tuple(article_from_record(str(m["chunk_id"]), text, m) for _, text, m in rows),
        tokens=tuple(stored_tokens(m) for _, _, m in rows),
        vectors=np.stack([_vector(m) for _, _, m in rows]) if rows else np.zeros((0, 0), dtype=np.float32),
        embedder=str((collection.metadata or {}).get("embedder", "")),
    )


def _named(version: str) -> VersionName:
    name = VersionName.parse(version)
    if name is None:
        raise IndexMissing(f"the active index {version} was built by an earlier release: reindex")
    return name


def open_collection(client: ClientAPI, version: str) -> Collection:
    """The collection that holds ``version``. Raises ``IndexMissing`` when Chroma lost it, or when the version
    was built by an earlier release."""
    try:
        return client.get_collection(_named(version).collection, embedding_function=None)
    except NotFoundError:
        raise IndexMissing(f"the index store has lost the active index {version}: reindex") from None


def _members(generation: int) -> dict[str, Any]:
    return {"$and": [{"since": {"$lte": generation}}, {"until": {"$gt": generation}}]}


def _usable(client: ClientAPI, registry: VersionRegistry) -> bool:
    current = registry.active()
    name = VersionName.parse(current.version) if current else None
    if name is None:
        return False
    try:
        collection = client.get_collection(name.collection, embedding_function=None)
    except NotFoundError:
        return False
    return len(collection.get(where=_members(name.generation), include=[])["ids"]) == name.chunks


def _vector(metadata: dict) -> np.ndarray:
    return np.frombuffer(base64.b64decode(str(metadata["vector"])), dtype=np.float32)


def _encoded(vector: Any) -> str:
    return base64.b64encode(np.asarray(vector, dtype=np.float32).tobytes()).decode("ascii")


@dataclass
class _Record:
    """What a build knows of one stored record: its generations and its reusable content."""

    since: int
    until: int
    metadata: dict[str, Any]

    def in_any(self, generations: Iterable[int]) -> bool:
        return any(self.since <= g < self.until for g in generations)


def _build(
    client: ClientAPI,
    articles: Sequence[Article],
    embedder: Embedder,
    registry: VersionRegistry,
    on_progress: Callable[[int], None],
    grace: timedelta,
    owns_store: bool,
    before_activation: Callable[[str], None] | None = None,
) -> BuildReport:
    started = time.perf_counter()
    if len({a.chunk_id for a in articles}) != len(articles):
        raise ValueError("two articles share a chunk id")
    collection, created = _target(client, registry, embedder)
    stored = collection.get(include=["metadatas"])
    records = {rid: _Record(int(m["since"]), int(m["until"]), dict(m))
               for rid, m in zip(stored["ids"], stored["metadatas"] or [], strict=True) if m}
    named = [n for n in (VersionName.parse(v) for v in _registered(registry)) if n and n.collection == collection.name]
    live = {n.generation for n in named}
    generation = 1 + max([*live, *(r.since for r in records.values()),
                          *(r.until for r in records.values() if r.until != OPEN)], default=0)
    try:
        embedded = _write_generation(collection, records, live, generation, articles, embedder, on_progress)
        members = set(collection.get(where=_members(generation), include=[])["ids"])
        expected = {rid for rid, r in records.items() if r.in_any([generation])}
        if members != expected or len(members) != len(articles):
            raise RuntimeError(f"index generation {generation} holds {len(members)} of {len(articles)} articles")
        version = VersionName(collection.name, generation, len(articles))
        if before_activation is not None:
            try:
                before_activation(str(version))
            except Exception as error:
                log.warning("preparing index version %s before its activation failed: %s", version, error)
        registry.activate(str(version))
    except BaseException:
        _abandon(client, collection, generation, created)
        raise
    _sweep(client, registry, collection, records, grace, owns_store)
    return BuildReport(
        version=str(version),
        documents=len({a.doc_id for a in articles}),
        chunks=len(articles),
        embedded=embedded,
        seconds=time.perf_counter() - started,
        embedder=embedder.name,
    )


def _target(client: ClientAPI, registry: VersionRegistry, embedder: Embedder) -> tuple[Collection, bool]:
    """The collection of the active version when its vectors came from ``embedder``; else a new one."""
    current = registry.active()
    name = VersionName.parse(current.version) if current else None
    if name is not None:
        try:
            collection = client.get_collection(name.collection, embedding_function=None)
        except NotFoundError:
            collection = None
        if collection is not None and (collection.metadata or {}).get("embedder") == embedder.name:
            return collection, False
    created = client.create_collection(
        f"{PREFIX}{uuid.uuid4().hex[:12]}",
        embedding_function=None,
        configuration={"hnsw": {"space": "cosine"}},
        metadata={"embedder": embedder.name, "dimension": embedder.dimension},
    )
    return created, True


def _write_generation(
    collection: Collection,
    records: dict[str, _Record],
    live: set[int],
    generation: int,
    articles: Sequence[Article],
    embedder: Embedder,
    on_progress: Callable[[int], None],
) -> int:
    """Writes generation ``generation`` (keeping ``records`` up to date); returns how many articles were
    embedded. No write changes which records a generation in ``live`` (or any earlier one) holds.

    The *head* is every record the newest live generation holds, and every record a build that never
    activated left after it: a record of the head whose chunk is unchanged stays (reopened when such a
    build had closed it; no live generation lies beyond the newest), one whose chunk changed or left is
    closed at ``generation`` (or deleted when no live generation holds it)."""
    newest = max(live, default=0)
    head = {(str(r.metadata["chunk_id"]), str(r.metadata["content_hash"])): rid
            for rid, r in records.items() if r.until > newest}
    reusable = {str(r.metadata["content_hash"]): r.metadata for r in records.values()}
    kept: dict[str, int] = {}
    fresh: list[tuple[int, Article]] = []
    for position, article in enumerate(articles):
        rid = head.get((article.chunk_id, content_key(article)))
        if rid is None:
            fresh.append((position, article))
        else:
            kept[rid] = position
    changed = [(rid, {"position": position, "until": OPEN, **_tokens_of(records[rid].metadata, articles[position])})
               for rid, position in kept.items()
               if records[rid].metadata.get("position") != position or records[rid].until != OPEN
               or records[rid].metadata.get("tokenizer") != tokenizer_fingerprint()]
    for start in range(0, len(changed), WRITE_BATCH):
        updates = changed[start : start + WRITE_BATCH]  # the position and the tokens are caches of the content
        collection.update(ids=[rid for rid, _ in updates], metadatas=[m for _, m in updates])
        for rid, metadata in updates:
            records[rid].metadata.update(metadata)
            records[rid].until = OPEN
    on_progress(len(kept))
    leaving = [rid for rid, r in records.items() if r.until > newest and rid not in kept]
    closed = [rid for rid in leaving if records[rid].in_any(live)]
    orphans = [rid for rid in leaving if rid not in closed]  # added by a build that never activated
    for start in range(0, len(closed), WRITE_BATCH):
        closing = closed[start : start + WRITE_BATCH]
        collection.update(ids=closing, metadatas=[{"until": generation}] * len(closing))
        for rid in closing:
            records[rid].until = generation
    _delete(collection, orphans, records)
    embedded = 0
    pending: list[tuple[str, str, dict[str, Any], np.ndarray]] = []  # id, document, metadata, vector
    for start in range(0, len(fresh), BATCH):
        batch = fresh[start : start + BATCH]
        known = [reusable.get(content_key(a)) for _, a in batch]
        texts = [a.text for (_, a), k in zip(batch, known, strict=True) if k is None]
        computed = iter(embedder.embed(texts)) if texts else iter(())
        embedded += len(texts)
        for (position, article), reuse in zip(batch, known, strict=True):
            vector = _vector(reuse) if reuse is not None else np.asarray(next(computed), dtype=np.float32)
            metadata = {**article_metadata(article, _reused_tokens(reuse) or _cut(article)), "chunk_id": article.chunk_id,
                        "position": position, "since": generation, "until": OPEN, "vector": _encoded(vector)}
            pending.append((f"{article.chunk_id}#{content_key(article)}#{generation}", article.text, metadata, vector))
        if len(pending) >= WRITE_BATCH or start + BATCH >= len(fresh):
            _add(collection, pending, records, generation)
            on_progress(len(pending))
            pending = []
    return embedded


def _add(collection: Collection, rows: Sequence[tuple[str, str, dict[str, Any], np.ndarray]],
         records: dict[str, _Record], generation: int) -> None:
    collection.add(ids=[rid for rid, _, _, _ in rows], documents=[text for _, text, _, _ in rows],
                   metadatas=[metadata for _, _, metadata, _ in rows],
                   embeddings=np.asarray([vector for _, _, _, vector in rows], dtype=np.float32))
    for rid, _, metadata, _ in rows:
        records[rid] = _Record(generation, OPEN, metadata)


def _tokens_of(metadata: dict[str, Any], article: Article) -> dict[str, Any]:
    if metadata.get("tokenizer") == tokenizer_fingerprint():
        return {}
    return {"tokens": TOKEN_SEPARATOR.join(_cut(article)), "tokenizer": tokenizer_fingerprint()}


def _reused_tokens(metadata: dict[str, Any] | None) -> list[str] | None:
    return stored_tokens(metadata) if metadata is not None else None


def _cut(article: Article) -> list[str]:
    return tokenize(f"{article.title} {article.text}")


def _delete(collection: Collection, ids: Sequence[str], records: dict[str, _Record]) -> None:
    for start in range(0, len(ids), WRITE_BATCH):
        collection.delete(ids=list(ids[start : start + WRITE_BATCH]))
    for rid in ids:
        records.pop(rid, None)


def _abandon(client: ClientAPI, collection: Collection, generation: int, created: bool) -> None:
    """Best effort after a failed build: its new records (or its new collection) go; what is left is
    swept by the next build. Records it closed stay in the versions that hold them."""
    try:
        if created:
            client.delete_collection(collection.name)
        else:
            collection.delete(where={"since": generation})
    except Exception as error:
        log.warning("could not remove the records of failed index generation %s: %s", generation, error)


def _registered(registry: VersionRegistry) -> list[str]:
    current = registry.active()
    return [*([current.version] if current else []), *(r.version for r in registry.retired())]


def _sweep(client: ClientAPI, registry: VersionRegistry, collection: Collection, records: dict[str, _Record],
           grace: timedelta, owns_store: bool) -> None:
    """Forget versions retired more than ``grace`` ago; delete the records of ``collection`` no remaining
    version holds, and the collections no remaining version names: those of the forgotten versions and,
    when Chroma serves this deployment alone, any other collection of ours (a killed builder's). A Chroma
    server shared by several deployments keeps the collections this registry never named. Called under
    the build lock."""
    past = [r.version for r in registry.retired(retired_before=datetime.now(UTC) - grace)]
    remaining = [v for v in _registered(registry) if v not in past]
    live = {n.generation for n in map(VersionName.parse, remaining) if n and n.collection == collection.name}
    try:
        _delete(collection, [rid for rid, r in records.items() if not r.in_any(live)], records)
    except Exception as error:  # best effort: the next build deletes them
        log.warning("could not delete the records no index version holds: %s", error)
    kept = {_collection_of(v) for v in remaining}
    doomed = {_collection_of(v) for v in past} - kept
    if owns_store:
        doomed |= {c.name for c in client.list_collections()
                   if c.name.startswith((PREFIX, LEGACY_PREFIX)) and c.name not in kept}
    for name in sorted(doomed):
        _drop(client, name)
    for version in past:
        registry.forget(version)


def _collection_of(version: str) -> str:
    """A version's collection (an earlier release's version is a collection of its own)."""
    name = VersionName.parse(version)
    return name.collection if name else version


def _drop(client: ClientAPI, name: str) -> None:
    try:
        client.delete_collection(name)
    except Exception as error:  # best effort: what is left is swept by the next build
        log.warning("could not delete index collection %s: %s", name, error)
