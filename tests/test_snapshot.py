"""The local snapshot of an index version: a worker starts (or follows a reindex) from it instead of reading
every record back from Chroma and indexing BM25 again, and finds exactly what it would have found from
Chroma. Real Chroma, real files."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.indexing import DeploymentIndex
from assistant.retrieval import HybridRetriever
from index import snapshot
from index.parsers import parse_corpus
from index.store import IndexMissing, load_version

QUESTIONS = ["1类新药II期临床研发投入6000万能拿多少", "伦理审查要多久", "CMO受托生产支持", "overseas clinical trial insurance premium"]


@pytest.fixture
def own_settings(settings, tmp_path):
    return settings.model_copy(update={"data_dir": tmp_path / "data"})


def _found(retriever: HybridRetriever) -> list[list[tuple[str, float, tuple[str, ...]]]]:
    return [[(hit.article.chunk_id, hit.score, hit.matched_terms) for hit in retriever.search(q, k=10)] for q in QUESTIONS]


def _saved(folder):
    return [f for f in folder.iterdir() if not f.name.startswith(".")] if folder.is_dir() else []


def test_a_worker_started_from_the_snapshot_finds_exactly_what_chroma_gives(engine, settings, tmp_path):
    version = engine.index_version
    client = DeploymentIndex(settings).client
    embedder, cat = engine.retriever.embedder, engine.catalogue
    from_chroma = HybridRetriever(load_version(client, version), embedder, cat)
    snapshot.load(client, version, tmp_path)  # the first process reads Chroma and saves the snapshot
    assert snapshot.is_saved(tmp_path, version) and len(_saved(tmp_path)) == 1
    loaded = snapshot.load(client, version, tmp_path)  # every later one reads the snapshot
    assert isinstance(loaded.vectors.base, np.memmap)  # the workers of a machine share one copy of the vectors
    from_snapshot = HybridRetriever(loaded, embedder, cat)
    assert from_snapshot.articles == from_chroma.articles
    assert from_snapshot.index.record_ids == from_chroma.index.record_ids
    assert np.array_equal(from_snapshot.index.vectors, from_chroma.index.vectors)
    assert _found(from_snapshot) == _found(from_chroma)
    assert [[(h.article.chunk_id, h.sentence, h.score) for h in from_snapshot.sentences(q)] for q in QUESTIONS] == [
        [(h.article.chunk_id, h.sentence, h.score) for h in from_chroma.sentences(q)] for q in QUESTIONS]


def test_a_damaged_snapshot_is_read_again_from_chroma(engine, settings, tmp_path):
    version = engine.index_version
    client = DeploymentIndex(settings).client
    expected = load_version(client, version)
    snapshot.load(client, version, tmp_path)
    (folder,) = _saved(tmp_path)
    (folder / snapshot.ARTICLES_FILE).write_text("[{", encoding="utf-8")
    again = snapshot.load(client, version, tmp_path)
    assert again.articles == expected.articles and list(again.tokens) == list(expected.tokens)
    head = (folder / snapshot.ARTICLES_FILE).read_text(encoding="utf-8").splitlines()[0]
    assert json.loads(head)["version"] == version  # saved again, whole


def test_a_build_saves_the_new_versions_snapshot_before_it_activates_it(own_settings, engine, monkeypatch):
    deployment = DeploymentIndex(own_settings)
    seen: list[bool] = []
    activate = deployment.registry.activate

    def activating(version: str) -> object:  # what a worker noticing the new version would find on disk
        seen.append(snapshot.is_saved(own_settings.snapshot_dir, version))
        return activate(version)

    monkeypatch.setattr(deployment.registry, "activate", activating)
    report = deployment.rebuild(engine.retriever.embedder, articles=parse_corpus())
    assert seen == [True]
    loaded = deployment.load_active()
    assert loaded.version == report.version and loaded.bm25 is not None
    assert isinstance(loaded.vectors.base, np.memmap)


def test_a_snapshot_of_a_version_chroma_lost_is_refused(own_settings, engine):
    deployment = DeploymentIndex(own_settings)
    report = deployment.rebuild(engine.retriever.embedder, articles=parse_corpus())
    assert snapshot.is_saved(own_settings.snapshot_dir, report.version)
    deployment.client.delete_collection(report.version.partition("@")[0])
    with pytest.raises(IndexMissing):
        deployment.load_active()
