"""What a search process loads for one index version: its articles, their BM25 tokens and the BM25
model, kept on local disk so a worker starts without reading every chunk back from Chroma and
re-indexing BM25 (at 100× the corpus those two took most of a worker's start).

    data = load_version(collection, snapshots)   # from <snapshots>/<version>/ when there, else from Chroma (and saved)
    save_version(collection, snapshots)          # only make it (``serve``, before its workers start)

An index version never changes once activated, so its snapshot never goes stale: it is named after the
version (the Chroma collection) and the tokenizer fingerprint, written once per machine by the first
process that loads the version (``serve`` does it before it starts its workers), and read by every
later one; the BM25 arrays are memory-mapped, so the workers of a machine share one copy. Chroma stays
the source of truth: a snapshot that is missing, half-written or unreadable is rebuilt from the
collection, and only the newest few snapshots are kept.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from index.articles import Article
from index.tokens import tokenize, tokenizer_fingerprint

if TYPE_CHECKING:  # imported where used: ``is_saved`` serves a supervisor that loads nothing heavy
    import bm25s
    from chromadb.api.models.Collection import Collection

ARTICLES_FILE = "articles.json"
BM25_FOLDER = "bm25"
KEPT = 3  # snapshots kept per machine: the version serving and the ones just replaced

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VersionData:
    """One index version as retrieval reads it: articles in collection order, the BM25 tokens of each
    (title and text), and the BM25 model over those tokens."""

    articles: list[Article]
    tokens: list[list[str]]
    bm25: bm25s.BM25


def load_version(collection: Collection, snapshots: Path | None = None) -> VersionData:
    """The retrieval data of ``collection``: from its snapshot under ``snapshots`` when one is there,
    otherwise read from Chroma (BM25 indexed here) and, with ``snapshots``, saved for the next process.
    Raises what Chroma raises when it must be read."""
    folder = snapshots / _name(collection) if snapshots is not None else None
    if folder is not None and folder.is_dir():
        try:
            return _read(folder)
        except (OSError, ValueError, KeyError, TypeError) as error:  # made again from Chroma below
            log.warning("index snapshot %s unreadable, reading the version from the index store: %s", folder, error)
            shutil.rmtree(folder, ignore_errors=True)
    data = _from_chroma(collection)
    if snapshots is not None:
        try:
            _write(snapshots, _name(collection), data)
            _keep_newest(snapshots)
        except OSError as error:  # the next process reads Chroma again
            log.warning("could not save the index snapshot under %s: %s", snapshots, error)
    return data


def save_version(collection: Collection, snapshots: Path) -> None:
    """Makes the snapshot of ``collection`` under ``snapshots`` unless it is there already (before starting
    workers, so they all read it instead of each reading Chroma)."""
    if not is_saved(snapshots, collection.name):
        load_version(collection, snapshots)


def is_saved(snapshots: Path, version: str) -> bool:
    """Whether the snapshot of the index version (collection) named ``version`` is under ``snapshots``."""
    return (snapshots / f"{version}.{tokenizer_fingerprint()}").is_dir()


def _name(collection: Collection) -> str:
    return f"{collection.name}.{tokenizer_fingerprint()}"


def _from_chroma(collection: Collection) -> VersionData:
    import bm25s

    from index.store import article_from_record, stored_tokens

    records = collection.get(include=["documents", "metadatas"])
    metadatas = [dict(meta or {}) for meta in records["metadatas"] or []]
    articles = [article_from_record(chunk_id, text or "", meta)
                for chunk_id, text, meta in zip(records["ids"], records["documents"] or [], metadatas, strict=True)]
    # the tokens stored with the version; cut again only when another tokenizer made them
    tokens = [stored if (stored := stored_tokens(collection, meta)) is not None else tokenize(f"{a.title} {a.text}")
              for a, meta in zip(articles, metadatas, strict=True)]
    bm25 = bm25s.BM25()
    bm25.index(tokens, show_progress=False)
    return VersionData(articles, tokens, bm25)


def _write(snapshots: Path, name: str, data: VersionData) -> None:
    """Written in a folder of its own, then renamed into place: a reader sees the whole snapshot or none."""
    snapshots.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=snapshots))
    try:
        rows = [{**asdict(article), "tokens": tokens} for article, tokens in zip(data.articles, data.tokens, strict=True)]
        (staging / ARTICLES_FILE).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        data.bm25.save(str(staging / BM25_FOLDER), show_progress=False)
        os.replace(staging, snapshots / name)
    except OSError:
        if (snapshots / name).is_dir():  # another process saved the same version first
            return
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _read(folder: Path) -> VersionData:
    import bm25s

    rows = json.loads((folder / ARTICLES_FILE).read_text(encoding="utf-8"))
    articles = [Article(doc_id=row["doc_id"], key=row["key"], label=row["label"], title=row["title"], text=row["text"],
                        section=row["section"], departments=tuple(row["departments"]), speakers=tuple(row["speakers"]),
                        mentions=tuple(row["mentions"])) for row in rows]
    bm25 = bm25s.BM25.load(str(folder / BM25_FOLDER), mmap=True, show_progress=False)
    return VersionData(articles, [row["tokens"] for row in rows], bm25)


def _keep_newest(snapshots: Path) -> None:
    """Deletes all but the ``KEPT`` newest snapshots: versions are made only by builds, and a process still
    answering from an older one holds its files open (or reads Chroma again)."""
    folders = sorted((f for f in snapshots.iterdir() if f.is_dir() and not f.name.startswith(".")),
                     key=lambda f: f.stat().st_mtime, reverse=True)
    for folder in folders[KEPT:]:
        shutil.rmtree(folder, ignore_errors=True)
