"""A local snapshot of one index version: what a search process holds of it (its articles, their BM25
tokens, the BM25 models over them and over their sentences, and the unit vectors), on the machine's
disk, so a worker starting or following a reindex neither reads every record back from Chroma nor
indexes BM25 again.

    loaded = load(client, version, snapshots)    # from <snapshots>/<version>… when there, else Chroma (then saved)
    save(loaded, snapshots)                      # a build, before it activates the version

An index version never changes once complete (see ``index.store``), so its snapshot never goes stale: it
is named after the version and the fingerprints of the tokenizer (the tokens are ``tokenize``'s) and of
the sentence cutter (``index.sentences``), written whole or not at all (a folder renamed into place),
and read by every later process of the machine. The vectors are memory-mapped, so the workers of a
machine share one copy. Chroma stays the source of truth: a missing, half-written or unreadable
snapshot is made again from the collection, a snapshot of a version Chroma lost is refused
(``IndexMissing``, as reading Chroma would), and only the newest few snapshots are kept.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import bm25s
import numpy as np
from chromadb.api import ClientAPI

from index import sentences
from index.articles import Article
from index.sentences import SentenceIndex
from index.store import LoadedVersion, VersionName, load_version, open_collection
from index.tokens import TOKEN_SEPARATOR, tokenize, tokenizer_fingerprint

ARTICLES_FILE = "articles.jsonl"
VECTORS_FILE = "vectors.npy"
BM25_FOLDER = "bm25"
STALE_STAGING_SECONDS = 3600  # a staging folder this old was left by a killed process
KEPT = 4  # snapshots kept per machine: the version serving and the ones replaced within the grace period

log = logging.getLogger(__name__)

__all__ = ["is_saved", "load", "save", "searchable"]


def load(client: ClientAPI, version: str, snapshots: Path | None) -> LoadedVersion:
    """Version ``version`` ready to search (tokens cut, BM25 indexed): from its snapshot under ``snapshots``
    when one is there, otherwise read from Chroma and, with ``snapshots``, saved for the next process.
    Raises ``IndexMissing`` when Chroma no longer holds the version (checked with one read either way)."""
    folder = _folder(snapshots, version) if snapshots is not None else None
    if folder is not None and folder.is_dir():
        try:
            loaded = _read(folder, version, open_collection(client, version))
        except (OSError, ValueError, KeyError, TypeError, StopIteration) as error:  # made again from Chroma below
            log.warning("index snapshot %s unreadable, reading the version from the index store: %s", folder, error)
            shutil.rmtree(folder, ignore_errors=True)
        else:
            loaded.check()
            return loaded
    loaded = searchable(load_version(client, version))
    if snapshots is not None:
        save(loaded, snapshots)
    return loaded


def searchable(loaded: LoadedVersion) -> LoadedVersion:
    """``loaded`` with every article's tokens (cut again where another tokenizer made the stored ones), its
    BM25 model and its sentences' BM25 model; itself when it has them."""
    if loaded.bm25 is not None and loaded.sentences is not None:
        return loaded
    tokens = tuple(stored if stored is not None else tokenize(f"{a.title} {a.text}")
                   for a, stored in zip(loaded.articles, loaded.tokens, strict=True))
    model = bm25s.BM25()
    model.index([list(t) for t in tokens], show_progress=False)
    return replace(loaded, tokens=tokens, bm25=model, sentences=SentenceIndex.build(loaded.articles, tokenize))


def save(loaded: LoadedVersion, snapshots: Path) -> None:
    """Writes the snapshot of ``loaded`` under ``snapshots`` unless it is there; never raises for the disk
    (a warning: the next process reads Chroma instead)."""
    folder = _folder(snapshots, loaded.version)
    if folder.is_dir():
        return
    try:
        _write(searchable(loaded), snapshots, folder)
        _keep_newest(snapshots)
    except OSError as error:
        log.warning("could not save the index snapshot under %s: %s", snapshots, error)


def is_saved(snapshots: Path, version: str) -> bool:
    """Whether the snapshot of ``version`` (for this tokenizer) is under ``snapshots``."""
    return _folder(snapshots, version).is_dir()


def _folder(snapshots: Path, version: str) -> Path:
    return snapshots / f"{version.replace(':', '-').replace('/', '-')}.{tokenizer_fingerprint()}-{sentences.fingerprint()}"


def _write(loaded: LoadedVersion, snapshots: Path, folder: Path) -> None:
    """Written in a folder of its own, then renamed into place: a reader sees the whole snapshot or none."""
    snapshots.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=snapshots))
    try:
        head: dict[str, Any] = {"version": loaded.version, "embedder": loaded.embedder, "chunks": len(loaded.articles)}
        with (staging / ARTICLES_FILE).open("w", encoding="utf-8") as out:
            out.write(json.dumps(head, ensure_ascii=False) + "\n")
            for rid, article, tokens in zip(loaded.record_ids, loaded.articles, loaded.tokens, strict=True):
                # the tokens as one string: a JSON list of a hundred strings per article took most of a load
                row = {"record_id": rid, **asdict(article), "tokens": TOKEN_SEPARATOR.join(tokens or ())}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        np.save(staging / VECTORS_FILE, np.ascontiguousarray(loaded.vectors, dtype=np.float32))
        assert loaded.bm25 is not None and loaded.sentences is not None
        loaded.bm25.save(str(staging / BM25_FOLDER), show_progress=False)
        loaded.sentences.save(staging)
        os.replace(staging, folder)
    except OSError:
        if folder.is_dir():  # another process saved the same version first
            return
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _read(folder: Path, version: str, collection: Any) -> LoadedVersion:
    # one JSON line per article: a worker loading a version in the background parses it line by line, so
    # the requests it serves meanwhile get the interpreter lock between lines (one parse of a 100x version
    # in a single call would hold it for a tenth of a second or more)
    with (folder / ARTICLES_FILE).open(encoding="utf-8") as lines:
        saved = json.loads(next(lines))
        if saved["version"] != version:
            raise ValueError(f"the snapshot holds {saved['version']}, not {version}")
        rows = [json.loads(line) for line in lines]
    if len(rows) != saved["chunks"]:
        raise ValueError(f"the snapshot holds {len(rows)} of its {saved['chunks']} chunks")
    name = VersionName.parse(version)
    if name is not None and len(rows) != name.chunks:
        raise ValueError(f"the snapshot holds {len(rows)} of the {name.chunks} chunks")
    articles = tuple(Article(doc_id=r["doc_id"], key=r["key"], label=r["label"], title=r["title"], text=r["text"],
                             section=r["section"], departments=tuple(r["departments"]), speakers=tuple(r["speakers"]),
                             mentions=tuple(r["mentions"])) for r in rows)
    vectors = np.load(folder / VECTORS_FILE, mmap_mode="r", allow_pickle=False)
    if vectors.shape[0] != len(rows):
        raise ValueError(f"the snapshot holds {vectors.shape[0]} vectors for {len(rows)} chunks")
    # read into memory, not mapped: bm25s slices its arrays once per query term, and a slice of a
    # ``np.memmap`` costs a Python call (it was a tenth of a worker's CPU under load)
    model = bm25s.BM25.load(str(folder / BM25_FOLDER), mmap=False, show_progress=False)
    return LoadedVersion(version=version, collection=collection, record_ids=tuple(r["record_id"] for r in rows),
                         articles=articles, tokens=tuple(r["tokens"].split(TOKEN_SEPARATOR) if r["tokens"] else []
                                                         for r in rows), vectors=np.asarray(vectors),
                         embedder=str(saved["embedder"]), bm25=model, sentences=SentenceIndex.load(folder))


def _keep_newest(snapshots: Path) -> None:
    """Deletes all but the ``KEPT`` newest snapshots (a process answering from an older one keeps its
    mapped files until it lets them go, or reads Chroma again)."""
    folders = sorted((f for f in snapshots.iterdir() if f.is_dir() and not f.name.startswith(".")),
                     key=lambda f: f.stat().st_mtime, reverse=True)
    for folder in folders[KEPT:]:
        shutil.rmtree(folder, ignore_errors=True)
    for staging in snapshots.glob(".*"):  # left by a process killed while writing
        if staging.is_dir() and time.time() - staging.stat().st_mtime > STALE_STAGING_SECONDS:
            shutil.rmtree(staging, ignore_errors=True)

