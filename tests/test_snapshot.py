"""The local snapshot of an index version: a worker starts from it instead of reading every chunk back
from Chroma and re-indexing BM25, and finds what it would have found from Chroma. Real Chroma, real files."""

from __future__ import annotations

import json

import numpy as np

from assistant.retrieval import HybridRetriever
from index.snapshot import ARTICLES_FILE, load_version, save_version

QUESTIONS = ["1类新药II期临床研发投入6000万能拿多少", "伦理审查要多久", "CMO受托生产支持", "overseas clinical trial insurance premium"]


def _found(retriever: HybridRetriever) -> list[list[tuple[str, float, tuple[str, ...]]]]:
    return [[(hit.article.chunk_id, hit.score, hit.matched_terms) for hit in retriever.search(q, k=10)] for q in QUESTIONS]


def test_a_worker_started_from_the_snapshot_finds_exactly_what_chroma_gives(engine, tmp_path):
    collection, embedder, cat = engine.retriever.collection, engine.retriever.embedder, engine.catalogue
    from_chroma = HybridRetriever(collection, embedder, cat)
    save_version(collection, tmp_path)
    saved = [folder for folder in tmp_path.iterdir() if not folder.name.startswith(".")]
    assert [folder.name.split(".")[0] for folder in saved] == [collection.name]
    from_snapshot = HybridRetriever(collection, embedder, cat, snapshots=tmp_path)
    assert from_snapshot.articles == from_chroma.articles
    assert _found(from_snapshot) == _found(from_chroma)
    assert isinstance(from_snapshot._bm25.scores["data"], np.memmap)  # the workers of a machine share one copy


def test_a_damaged_snapshot_is_read_again_from_chroma(engine, tmp_path):
    collection = engine.retriever.collection
    expected = load_version(collection)
    save_version(collection, tmp_path)
    (folder,) = [f for f in tmp_path.iterdir() if not f.name.startswith(".")]
    (folder / ARTICLES_FILE).write_text("[{", encoding="utf-8")
    again = load_version(collection, tmp_path)
    assert again.articles == expected.articles and again.tokens == expected.tokens
    assert load_version(collection, tmp_path).articles == expected.articles  # and saved whole again
    assert json.loads((folder / ARTICLES_FILE).read_text(encoding="utf-8"))
