"""The index lifecycle: builds queue on a lock, a version is activated only when complete, unchanged
chunks keep their vectors and tokens, replaced versions outlive a grace period, and every serving
process follows the active version. Real Chroma, the real state store, real subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.engine import Engine
from assistant.engine_holder import EngineHolder
from assistant.indexing import DeploymentIndex
from index.embedders import make_embedder
from index.parsers import parse_corpus
from index.store import PREFIX, TOKEN_SEPARATOR, build_index
from index.tokens import tokenize

ADMIN = {"Authorization": "Bearer admin-secret-0123456789"}


@pytest.fixture
def own_settings(settings, tmp_path):
    return settings.model_copy(update={"data_dir": tmp_path / "data"})


@pytest.fixture(scope="module")
def shared_embedder(engine):
    return engine.retriever.embedder


def _versions(deployment: DeploymentIndex) -> set[str]:
    return {c.name for c in deployment.client.list_collections() if c.name.startswith(PREFIX)}


def test_two_index_runs_at_once_on_an_empty_dir_leave_one_valid_index(own_settings):
    env = {**os.environ, "PA_DATA_DIR": str(own_settings.data_dir), "PA_EMBEDDING_BACKEND": "none"}
    runs = [subprocess.Popen([sys.executable, "-m", "assistant.cli", "index"], env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert not any("Traceback" in out + err for out, err in outputs), outputs
    printed = sorted(out.split(":")[0].split()[0] for out, _ in outputs)
    assert printed == ["built", "index"], outputs  # one built it; the other waited and found it
    deployment = DeploymentIndex(own_settings.model_copy(update={"embedding_backend": "none"}))
    active = deployment.active_collection()
    assert active.count() == len(parse_corpus())
    assert _versions(deployment) == {active.name}


def test_builders_in_threads_queue_on_the_lock_and_never_point_at_a_deleted_collection(own_settings, shared_embedder):
    deployment = DeploymentIndex(own_settings)
    errors: list[BaseException] = []

    def rebuild() -> None:
        try:
            deployment.rebuild(shared_embedder)
        except BaseException as error:  # collected: the assertion below names it
            errors.append(error)

    threads = [threading.Thread(target=rebuild) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    active = deployment.active_collection()
    assert active.count() == len(parse_corpus())
    assert active.name in _versions(deployment)


def test_a_rebuild_embeds_only_the_chunks_whose_content_changed(own_settings, shared_embedder):
    deployment = DeploymentIndex(own_settings)
    articles = parse_corpus()
    first = build_index(deployment.client, articles, shared_embedder, deployment.registry, deployment.lock())
    assert first.embedded == len(articles)
    again = build_index(deployment.client, articles, shared_embedder, deployment.registry, deployment.lock())
    assert again.embedded == 0
    edited = [replace(a, text=a.text + "（修订）") if a.chunk_id == "policy2024:10" else a for a in articles]
    changed = build_index(deployment.client, edited, shared_embedder, deployment.registry, deployment.lock())
    assert changed.embedded == 1
    stored = deployment.active_collection().get(ids=["policy2024:10", "policy2024:05"], include=["embeddings", "documents"])
    by_id = dict(zip(stored["ids"], stored["embeddings"], strict=True))
    assert np.allclose(by_id["policy2024:10"], shared_embedder.embed([edited_text(edited, "policy2024:10")])[0], atol=1e-5)
    assert np.allclose(by_id["policy2024:05"], shared_embedder.embed([edited_text(articles, "policy2024:05")])[0], atol=1e-5)


def edited_text(articles, chunk_id: str) -> str:
    return next(a.text for a in articles if a.chunk_id == chunk_id)


def test_bm25_tokens_are_stored_with_the_version_and_read_back_as_tokenize_cuts_them(own_settings, shared_embedder):
    deployment = DeploymentIndex(own_settings)
    deployment.rebuild(shared_embedder)
    records = deployment.active_collection().get(ids=["policy2024:05"], include=["documents", "metadatas"])
    metadata = records["metadatas"][0]
    assert metadata["tokens"].split(TOKEN_SEPARATOR) == tokenize(f"{metadata['title']} {records['documents'][0]}")
    engine = Engine.from_settings(own_settings, build_if_missing=False, embedder=shared_embedder)
    index = engine.retriever.articles.index(engine.retriever.article("policy2024:05"))
    assert engine.retriever._tokens[index] == metadata["tokens"].split(TOKEN_SEPARATOR)


def test_a_replaced_version_outlives_the_grace_period_and_is_deleted_after_it(own_settings, shared_embedder):
    deployment = DeploymentIndex(own_settings)
    articles = parse_corpus()
    first = build_index(deployment.client, articles, shared_embedder, deployment.registry, deployment.lock(),
                        grace=timedelta(hours=1))
    second = build_index(deployment.client, articles, shared_embedder, deployment.registry, deployment.lock(),
                         grace=timedelta(hours=1))
    assert _versions(deployment) == {first.collection, second.collection}  # a worker may still serve the first
    third = build_index(deployment.client, articles, shared_embedder, deployment.registry, deployment.lock(),
                        grace=timedelta(0))
    assert _versions(deployment) == {third.collection}


def test_a_reindex_on_one_worker_is_served_by_another_with_its_next_request(own_settings, shared_embedder):
    one = Engine.from_settings(own_settings, embedder=shared_embedder)
    other = Engine.from_settings(own_settings, build_if_missing=False, embedder=shared_embedder)
    with TestClient(create_app(own_settings, one)) as first, \
            TestClient(create_app(own_settings, other)) as second:
        before = second.get("/healthz").json()["index_version"]
        reindexed = first.post("/v1/admin/reindex", headers=ADMIN)
        assert reindexed.status_code == 200
        assert reindexed.json()["embedded"] == 0  # nothing changed in the sources
        new = reindexed.json()["index_version"]
        assert new != before
        assert second.get("/healthz").json()["index_version"] == new
        answer = second.post("/v1/search", json={"query": "伦理审查多久"})
        assert answer.status_code == 200 and answer.json()["results"][0]["chunk_id"] == "policy2024:10"


def test_reindexes_reuse_the_one_embedder_and_swap_in_one_assignment(own_settings, shared_embedder):
    holder = EngineHolder(own_settings, Engine.from_settings(own_settings, embedder=shared_embedder))
    before = holder.start()
    fresh, report = holder.reindex()
    assert fresh is not before and holder.engine is fresh
    assert fresh.retriever.embedder is shared_embedder
    assert fresh.index_version == report.collection
    assert fresh.sessions is before.sessions


def test_healthz_is_not_ready_until_the_engine_is_loaded_and_warm(own_settings):
    app = create_app(own_settings)
    http = TestClient(app)  # no lifespan: the engine has not been started
    response = http.get("/healthz")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "not_ready"
    with TestClient(app) as started:
        assert started.get("/healthz").status_code == 200


@pytest.mark.slow
def test_deployments_sharing_a_chroma_server_never_sweep_each_others_collections(own_settings, tmp_path):
    from tests.test_faults import _free_port, _start_chroma

    port = _free_port()
    server = _start_chroma(tmp_path / "chroma-server", port)
    try:
        shared = {"chroma_host": "127.0.0.1", "chroma_port": port, "embedding_backend": "none"}
        one = DeploymentIndex(own_settings.model_copy(update={**shared, "data_dir": tmp_path / "one"}))
        other = DeploymentIndex(own_settings.model_copy(update={**shared, "data_dir": tmp_path / "other"}))
        assert one.registry.owner != other.registry.owner  # each state store has its own tag
        articles, embedder = parse_corpus(), make_embedder("none")

        def build(deployment: DeploymentIndex) -> str:
            return build_index(deployment.client, articles, embedder, deployment.registry, deployment.lock(),
                               grace=timedelta(0)).collection

        first = build(one)
        theirs = build(other)
        killed = f"{PREFIX}{one.registry.owner}-20260101000000-0badbeef"  # left by one's builder killed mid-build
        one.client.create_collection(killed, embedding_function=None)
        second = build(one)
        names = {c.name for c in one.client.list_collections()}
        assert theirs in names and other.active_collection().count() == len(articles)  # the other still serves
        assert first not in names and killed not in names and second in names  # one's own leftovers are gone
        build(other)
        assert one.active_collection().name == second and one.active_collection().count() == len(articles)
    finally:
        server.kill()


@pytest.mark.slow
def test_a_chroma_server_restarted_empty_is_index_missing_until_a_reindex(own_settings, tmp_path):
    from tests.test_faults import _free_port, _start_chroma

    port = _free_port()
    server = _start_chroma(tmp_path / "chroma-server", port)
    try:
        remote = own_settings.model_copy(update={"chroma_host": "127.0.0.1", "chroma_port": port})
        with TestClient(create_app(remote, Engine.from_settings(remote))) as http:
            assert http.get("/healthz").status_code == 200
            server.terminate()
            server.wait(timeout=30)
            server = _start_chroma(tmp_path / "chroma-server-empty", port)
            health = http.get("/healthz")
            assert health.status_code == 503 and health.json()["error"]["code"] == "index_missing"
            chat = http.post("/v1/chat", json={"message": "伦理审查多久"})
            assert chat.status_code == 503 and chat.json()["error"]["code"] == "index_missing"
            search = http.post("/v1/search", json={"query": "伦理审查多久"})
            assert search.status_code == 503 and search.json()["error"]["code"] == "index_missing"
            assert http.post("/v1/admin/reindex", headers=ADMIN).status_code == 200
            assert http.get("/healthz").status_code == 200
            assert http.post("/v1/chat", json={"message": "伦理审查多久"}).status_code == 200
    finally:
        server.kill()


def test_the_serving_process_uses_one_blas_thread_by_default(own_settings, engine):
    from threadpoolctl import threadpool_info

    holder = EngineHolder(own_settings, engine)
    holder.start()
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)
