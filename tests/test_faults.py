"""Faults: a rebuild that fails half-way, a Chroma server that goes away and comes back. All against real
components (embedded Chroma, a real `chroma run`). The state store's faults: ``test_store_faults.py``."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.engine import Engine
from assistant.indexing import DeploymentIndex
from index.embedders import make_embedder
from index.parsers import parse_corpus
from index.store import build_index

ADMIN = {"Authorization": "Bearer admin-secret-0123456789"}


@pytest.fixture
def own_settings(settings, tmp_path):
    """A data dir of this test's own, so a broken rebuild cannot touch the shared index."""
    return settings.model_copy(update={"data_dir": tmp_path})


class FailingEmbedder:
    """The real embedder until ``fail_after`` texts have been embedded; then the 'disk' fails."""

    def __init__(self, real, fail_after: int) -> None:
        self.real, self.fail_after, self.done = real, fail_after, 0
        self.name, self.dimension, self.dense = real.name, real.dimension, real.dense

    def embed(self, texts):
        if self.done + len(texts) > self.fail_after:
            raise OSError(28, "No space left on device")
        self.done += len(texts)
        return self.real.embed(texts)


def test_a_rebuild_that_fails_half_way_leaves_the_previous_index_serving(own_settings):
    deployment = DeploymentIndex(own_settings)
    real = make_embedder(own_settings.embedding_backend, own_settings.embedding_model)
    first = deployment.rebuild(real)
    revised = [replace(a, text=a.text + "（修订）") for a in parse_corpus()]  # every chunk must be embedded again
    with pytest.raises(OSError, match="No space left"):
        build_index(deployment.client, revised, FailingEmbedder(real, fail_after=64), deployment.registry, deployment.lock())
    active = deployment.load_active()
    assert active.version == first.version
    assert [a.text for a in active.articles] == [a.text for a in parse_corpus()]
    assert [c.count() for c in deployment.client.list_collections()] == [first.chunks]  # the failed build's records went


def test_the_reindex_route_reports_a_corrupt_source_and_keeps_serving(own_settings, monkeypatch):
    app = create_app(own_settings, Engine.from_settings(own_settings))
    with TestClient(app) as http:
        before = http.post("/v1/search", json={"query": "伦理审查多久"}).json()
        import index.parsers as parsers

        def corrupt():
            raise ValueError("index/sources/000_685b0d1045f7ba5c.txt: measure （五） not found")

        monkeypatch.setattr(parsers, "parse_corpus", corrupt)
        failed = http.post("/v1/admin/reindex", headers=ADMIN)
        assert failed.status_code == 500
        assert failed.json()["error"]["code"] == "reindex_failed"
        assert "measure （五） not found" in failed.json()["error"]["message"]
        after = http.post("/v1/search", json={"query": "伦理审查多久"})
        assert after.status_code == 200 and after.json() == before


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_chroma(path: Path, port: int) -> subprocess.Popen:
    executable = Path(sys.executable).parent / "chroma"  # beside this Python: no activated venv needed
    assert executable.exists(), "the chroma CLI ships with chromadb"
    process = subprocess.Popen([executable, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.2)
    process.kill()
    raise RuntimeError("chroma run did not start")


@pytest.mark.slow
def test_a_chroma_server_is_used_and_its_absence_is_a_503_until_it_returns(own_settings, tmp_path):
    port = _free_port()
    server = _start_chroma(tmp_path / "chroma-server", port)
    try:
        remote = own_settings.model_copy(update={"chroma_host": "127.0.0.1", "chroma_port": port})
        engine = Engine.from_settings(remote)
        assert not (remote.data_dir / "chroma").exists(), "with a host set nothing is stored locally"
        with TestClient(create_app(remote, engine)) as http:
            ok = http.post("/v1/search", json={"query": "伦理审查多久"})
            assert ok.status_code == 200 and ok.json()["results"][0]["chunk_id"] == "policy2024:10"
            server.terminate()
            server.wait(timeout=30)
            down = http.post("/v1/search", json={"query": "伦理审查多久"})
            assert down.status_code == 503 and down.json()["error"]["code"] == "index_unavailable"
            server = _start_chroma(tmp_path / "chroma-server", port)
            back = http.post("/v1/search", json={"query": "伦理审查多久"})
            assert back.status_code == 200 and back.json() == ok.json()
    finally:
        server.kill()
