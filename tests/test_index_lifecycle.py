"""The index lifecycle: builds queue on a lock, a version is activated only when complete, a reader sees
one whole version (the old or the new, never a mix), a killed build leaves the old version serving,
unchanged chunks keep their vectors and tokens, replaced versions stay readable for a grace period, the
index store does not grow with reindexes, and every serving process follows the active version without
making a request wait. Real Chroma, the real state store, real subprocesses."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
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
from index.store import (
    BATCH,
    LEGACY_PREFIX,
    PREFIX,
    WRITE_BATCH,
    IndexMissing,
    VersionName,
    build_index,
    load_version,
)
from index.tokens import tokenize

ADMIN = {"Authorization": "Bearer admin-secret-0123456789"}
EDITED = "（修订）"


@pytest.fixture
def own_settings(settings, tmp_path):
    return settings.model_copy(update={"data_dir": tmp_path / "data"})


@pytest.fixture(scope="module")
def shared_embedder(engine):
    return engine.retriever.embedder


def _collections(deployment: DeploymentIndex) -> set[str]:
    return {c.name for c in deployment.client.list_collections() if c.name.startswith((PREFIX, LEGACY_PREFIX))}


def _records(deployment: DeploymentIndex) -> int:
    return sum(c.count() for c in deployment.client.list_collections())


def _served_version(http: TestClient, version: str, seconds: float = 60) -> str:
    """The version ``/healthz`` reports once it is ``version`` (or after ``seconds``): a worker loads a new
    version in the background while it answers from the one it holds."""
    deadline = time.monotonic() + seconds
    while (served := http.get("/healthz").json()["index_version"]) != version and time.monotonic() < deadline:
        time.sleep(0.05)
    return served


class SlowEmbedder:
    """The real embedder, ``delay`` seconds slower per batch: a build long enough to read beside."""

    def __init__(self, real, delay: float) -> None:
        self.real, self.delay = real, delay
        self.name, self.dimension, self.dense = real.name, real.dimension, real.dense

    def embed(self, texts):
        time.sleep(self.delay)
        return self.real.embed(texts)


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
    active = deployment.load_active()
    assert len(active.articles) == len(parse_corpus())
    assert _collections(deployment) == {active.collection.name}


def test_builders_in_threads_queue_on_the_lock_and_never_activate_an_incomplete_version(own_settings, shared_embedder):
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
    active = deployment.load_active()
    assert [a.chunk_id for a in active.articles] == [a.chunk_id for a in parse_corpus()]
    assert VersionName.parse(active.version).generation == 3


def test_a_rebuild_embeds_only_the_chunks_whose_content_changed(own_settings, shared_embedder):
    deployment = DeploymentIndex(own_settings)
    articles = parse_corpus()
    first = build_index(deployment.client, articles, shared_embedder, deployment.registry, deployment.lock())
    assert first.embedded == len(articles)
    again = build_index(deployment.client, articles, shared_embedder, deployment.registry, deployment.lock())
    assert again.embedded == 0
    edited = [replace(a, text=a.text + EDITED) if a.chunk_id == "policy2024:10" else a for a in articles]
    changed = build_index(deployment.client, edited, shared_embedder, deployment.registry, deployment.lock())
    assert changed.embedded == 1
    loaded = deployment.load_active()
    vectors = {a.chunk_id: v for a, v in zip(loaded.articles, loaded.vectors, strict=True)}
    texts = {a.chunk_id: a.text for a in edited}
    for chunk_id in ("policy2024:10", "policy2024:05"):
        assert np.allclose(vectors[chunk_id], shared_embedder.embed([texts[chunk_id]])[0], atol=1e-5)
    restored = build_index(deployment.client, articles, shared_embedder, deployment.registry, deployment.lock())
    assert restored.embedded == 0  # the text as it was: its vector is still in the store


def test_bm25_tokens_are_stored_with_the_version_and_read_back_as_tokenize_cuts_them(own_settings, shared_embedder):
    deployment = DeploymentIndex(own_settings)
    deployment.rebuild(shared_embedder)
    loaded = deployment.load_active()
    index = [a.chunk_id for a in loaded.articles].index("policy2024:05")
    article = loaded.articles[index]
    assert loaded.tokens[index] == tokenize(f"{article.title} {article.text}")
    engine = Engine.from_settings(own_settings, build_if_missing=False, embedder=shared_embedder)
    served = engine.retriever.articles.index(engine.retriever.article("policy2024:05"))
    assert engine.retriever._tokens[served] == loaded.tokens[index]


def test_reindexes_create_no_collection_and_leave_only_the_records_a_version_holds(own_settings, shared_embedder):
    deployment = DeploymentIndex(own_settings)
    articles = parse_corpus()
    first = build_index(deployment.client, articles, shared_embedder, deployment.registry, deployment.lock(),
                        grace=timedelta(0))
    for round_ in range(4):
        edited = [replace(a, text=a.text + EDITED * (round_ + 1)) if a.doc_id == articles[0].doc_id else a
                  for a in articles]
        build_index(deployment.client, edited, shared_embedder, deployment.registry, deployment.lock(),
                    grace=timedelta(0))
    assert _collections(deployment) == {VersionName.parse(first.version).collection}
    assert _records(deployment) == len(articles)  # what the replaced versions alone held is gone


def test_a_replaced_version_stays_readable_for_the_grace_period_and_is_deleted_after_it(own_settings, shared_embedder):
    deployment = DeploymentIndex(own_settings)
    articles = parse_corpus()
    edited = [replace(a, text=a.text + EDITED) if a.chunk_id == "policy2024:10" else a for a in articles]
    hour = timedelta(hours=1)
    first = build_index(deployment.client, articles, shared_embedder, deployment.registry, deployment.lock(), grace=hour)
    second = build_index(deployment.client, edited, shared_embedder, deployment.registry, deployment.lock(), grace=hour)
    old = load_version(deployment.client, first.version)  # a worker still on the first version reloads it whole
    assert [a.text for a in old.articles] == [a.text for a in articles]
    assert _records(deployment) == len(articles) + 1  # the first version's 伦理审查 article is kept for it
    third = build_index(deployment.client, edited, shared_embedder, deployment.registry, deployment.lock(),
                        grace=timedelta(0))
    with pytest.raises(IndexMissing):
        load_version(deployment.client, first.version)
    assert deployment.load_active().version == third.version != second.version
    assert _records(deployment) == len(articles)


def test_a_reader_during_a_reindex_sees_the_old_or_the_new_version_never_a_mix(own_settings, shared_embedder):
    deployment = DeploymentIndex(own_settings)
    articles = parse_corpus()
    first = build_index(deployment.client, articles, shared_embedder, deployment.registry, deployment.lock())
    revised = [replace(a, text=a.text + EDITED) for a in articles]  # every chunk is embedded again, batch by batch
    build = threading.Thread(target=build_index, args=(deployment.client, revised, SlowEmbedder(shared_embedder, 1.0),
                                                       deployment.registry, deployment.lock()))
    build.start()
    seen: list[tuple[str, int, int]] = []
    while build.is_alive():
        loaded = deployment.load_active()
        edited = sum(a.text.endswith(EDITED) for a in loaded.articles)
        seen.append((loaded.version, len(loaded.articles), edited))
        time.sleep(0.05)
    build.join()
    final = deployment.load_active()
    seen.append((final.version, len(final.articles), sum(a.text.endswith(EDITED) for a in final.articles)))
    assert seen[0] == (first.version, len(articles), 0)
    assert seen[-1] == (final.version, len(articles), len(articles))
    assert {(count, edited) for _, count, edited in seen} <= {(len(articles), 0), (len(articles), len(articles))}
    assert len(seen) > 5, "the reader read while the build was writing"
    held = load_version(deployment.client, first.version)  # a worker holding the old version during the build
    assert not any(a.text.endswith(EDITED) for a in held.articles)


BUILD_THEN_BE_KILLED = textwrap.dedent("""
    import sys, time
    from dataclasses import replace
    from pathlib import Path
    from assistant.indexing import DeploymentIndex
    from assistant.settings import Settings
    from index.embedders import make_embedder
    from index.parsers import parse_corpus

    class Slow:
        def __init__(self, real):
            self.real, self.name, self.dimension, self.dense = real, real.name, real.dimension, real.dense
        def embed(self, texts):
            print("batch", flush=True)
            time.sleep(0.2)
            return self.real.embed(texts)

    settings = Settings(data_dir=Path(sys.argv[1]), embedding_backend="none")
    revised = [replace(a, doc_id=f"{a.doc_id}-{copy}", text=a.text + "（修订）")  # more than one write to Chroma
               for copy in range(12) for a in parse_corpus()]
    DeploymentIndex(settings).rebuild(Slow(make_embedder("none")), articles=revised)
""")


def test_a_build_killed_half_way_leaves_the_previous_version_serving(own_settings, tmp_path):
    settings = own_settings.model_copy(update={"embedding_backend": "none"})
    deployment = DeploymentIndex(settings)
    articles = parse_corpus()
    first = deployment.rebuild(make_embedder("none"))
    script = tmp_path / "build.py"
    script.write_text(BUILD_THEN_BE_KILLED, encoding="utf-8")
    build = subprocess.Popen([sys.executable, str(script), str(settings.data_dir)], stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(WRITE_BATCH // BATCH + 1):  # the first write to Chroma done, the next batch being embedded
            assert build.stdout is not None and build.stdout.readline().strip() == "batch"
    finally:
        os.kill(build.pid, signal.SIGKILL)
        build.wait(timeout=30)
    assert _records(deployment) > len(articles), "the killed build had written records"
    active = deployment.load_active()
    assert active.version == first.version
    assert [a.text for a in active.articles] == [a.text for a in articles]
    again = deployment.rebuild(make_embedder("none"))  # the next build finishes and sweeps what the killed one left
    assert deployment.load_active().version == again.version
    assert _records(deployment) == len(articles)


def test_a_reindex_on_one_worker_is_served_by_another_without_a_request_waiting(own_settings, shared_embedder):
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
        assert first.get("/healthz").json()["index_version"] == new  # the worker that reindexed serves it at once
        answer = second.post("/v1/search", json={"query": "伦理审查多久"})  # answered while the new version loads
        assert answer.status_code == 200 and answer.json()["results"][0]["chunk_id"] == "policy2024:10"
        assert _served_version(second, new) == new


def test_a_reindex_is_built_by_a_build_process_and_swapped_in_with_the_serving_embedder(
        own_settings, shared_embedder, monkeypatch):
    holder = EngineHolder(own_settings, Engine.from_settings(own_settings, embedder=shared_embedder))
    before = holder.start()

    def built_here(*_, **__):
        raise AssertionError("the serving process built the index itself")

    monkeypatch.setattr(DeploymentIndex, "rebuild", built_here)
    fresh, report = holder.reindex()
    assert fresh is not before and holder.engine is fresh
    assert fresh.retriever.embedder is shared_embedder
    assert fresh.index_version == report.version
    assert fresh.sessions is before.sessions
    assert report.embedded == 0


def test_healthz_is_not_ready_until_the_engine_is_loaded_and_warm(own_settings):
    app = create_app(own_settings)
    http = TestClient(app)  # no lifespan: the engine has not been started
    response = http.get("/healthz")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "not_ready"
    with TestClient(app) as started:
        assert started.get("/healthz").status_code == 200


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


@pytest.mark.slow
def test_deployments_sharing_a_chroma_server_never_delete_each_other_s_index(settings, tmp_path):
    from tests.test_faults import _free_port, _start_chroma

    port = _free_port()
    server = _start_chroma(tmp_path / "chroma-server", port)
    try:
        one, other = (DeploymentIndex(settings.model_copy(update={
            "data_dir": tmp_path / name, "chroma_host": "127.0.0.1", "chroma_port": port,
            "embedding_backend": "none", "index_grace_seconds": 0})) for name in ("one", "other"))
        embedder = make_embedder("none")
        kept = other.rebuild(embedder)
        for _ in range(2):
            one.rebuild(embedder)
        assert other.load_active().version == kept.version
        assert len(other.load_active().articles) == len(parse_corpus())
        assert len(_collections(one)) == 2  # one collection per deployment, whatever the number of reindexes
    finally:
        server.kill()


def test_the_serving_process_uses_one_blas_thread_by_default(own_settings, engine):
    from threadpoolctl import threadpool_info

    holder = EngineHolder(own_settings, engine)
    holder.start()
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)
