"""Serving on several workers, as users run it: ``policy-assistant serve --workers 2`` in a subprocess on
127.0.0.1, every request on a new connection (so the kernel hands them to either worker)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from eval import served
from eval.runner import EVAL_DAY

pytestmark = pytest.mark.slow

ADMIN_TOKEN = "serving-admin-token-0123456789"
DIALOGUES = 40


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory) -> Iterator[served.Served]:
    server = served.start(tmp_path_factory.mktemp("two-workers"), workers=2,
                          extra_env={"PA_TODAY": EVAL_DAY.isoformat(), "PA_ADMIN_TOKEN": ADMIN_TOKEN})
    yield server
    server.stop()


def _worker_cpu(server: served.Served) -> dict[int, float]:
    seconds = {}
    for proc in server.tree():
        try:
            if proc.pid != server.process.pid and server.role(proc, 3) == "worker":
                times = proc.cpu_times()
                seconds[proc.pid] = times.user + times.system
        except psutil.NoSuchProcess:  # a process that exited (a zombie until reaped) answers nothing
            continue
    return seconds


def test_a_follow_up_on_another_worker_keeps_its_context(two_workers):
    before = _worker_cpu(two_workers)
    lost = []
    for dialogue in range(DIALOGUES):
        first = httpx.post(two_workers.url + "/v1/chat", json={"message": "1类新药II期能拿多少？"}, timeout=60)
        assert first.status_code == 200, first.text
        session = first.json()["session_id"]
        wan = 1000 + dialogue
        follow = httpx.post(two_workers.url + "/v1/chat", timeout=60,
                            json={"message": f"研发投入改成{wan}万呢", "session_id": session})
        assert follow.status_code == 200, follow.text
        body = follow.json()
        if body["session_id"] != session or [c["amount_yuan"] for c in body["calculations"]] != [wan * 10_000 * 40 // 100]:
            lost.append((dialogue, body["answer"][:120]))
    assert lost == []
    after = _worker_cpu(two_workers)
    assert len(after) == 2
    assert all(after[pid] - before.get(pid, 0.0) > 0.05 for pid in after), "both workers answered"


def _followed(url: str, version: str, seconds: float = 60) -> bool:
    """Whether ``/healthz`` reports ``version`` on 10 connections in a row within ``seconds``: each worker
    loads a new version in the background, answering from the one it holds meanwhile."""
    deadline, streak = time.monotonic() + seconds, 0
    while streak < 10 and time.monotonic() < deadline:
        streak = streak + 1 if httpx.get(url + "/healthz", timeout=30).json()["index_version"] == version else 0
    return streak == 10


def test_a_reindex_is_followed_by_every_worker_while_both_keep_answering(two_workers):
    versions_before = {httpx.get(two_workers.url + "/healthz", timeout=30).json()["index_version"] for _ in range(6)}
    assert len(versions_before) == 1
    reindexed = httpx.post(two_workers.url + "/v1/admin/reindex", timeout=300,
                           headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
    assert reindexed.status_code == 200, reindexed.text
    new = reindexed.json()["index_version"]
    assert new not in versions_before
    assert _followed(two_workers.url, new)
    before = _worker_cpu(two_workers)
    seen = [httpx.get(two_workers.url + "/healthz", timeout=30).json()["index_version"] for _ in range(20)]
    assert seen == [new] * 20
    searched = [httpx.post(two_workers.url + "/v1/search", json={"query": "伦理审查多久"}, timeout=30) for _ in range(10)]
    assert all(r.status_code == 200 and r.json()["results"][0]["chunk_id"] == "policy2024:10" for r in searched)
    after = _worker_cpu(two_workers)
    assert all(after[pid] - before.get(pid, 0.0) > 0 for pid in after), "both workers answered"


def test_the_ui_is_served_by_one_process_beside_the_workers(two_workers):
    from gradio_client import Client

    ui_url = f"http://127.0.0.1:{two_workers.ui_port}/"
    redirect = httpx.get(two_workers.url + "/", timeout=30)
    assert redirect.status_code == 307 and redirect.headers["location"] == ui_url
    page = httpx.get(ui_url, timeout=30)
    assert page.status_code == 200 and "gradio" in page.text.lower()
    client = Client(ui_url, verbose=False)
    fresh_browser = {"session_id": None, "receipts": {}}  # what the page keeps in the browser before a first turn
    results = [client.predict(message="伦理审查多久", stored=fresh_browser, api_name="/chat") for _ in range(12)]
    assert len(results) == 12
    assert all("伦理" in str(result) for result in results)


def test_the_first_line_served_names_the_page_and_the_api_where_they_answer(two_workers):
    """It once named the API's port for the page, which only redirects there."""
    data_dir = Path(two_workers.env["PA_DATA_DIR"])
    first = (data_dir.parent / f"{data_dir.name}-serve.log").read_text(errors="replace").splitlines()[0]
    found = re.fullmatch(r"Serving on (\S+) \(chat, calculator and hotline desk\) and the API on (\S+)/v1 "
                         r"\(docs at (\S+)/docs\)", first)
    assert found, first
    page, api, docs = found.groups()
    assert page == f"http://127.0.0.1:{two_workers.ui_port}/" and api == docs == two_workers.url
    answered = httpx.get(page, timeout=30)
    assert answered.status_code == 200 and "gradio" in answered.text.lower()
    assert httpx.get(api + "/healthz", timeout=30).status_code == 200
    assert httpx.get(docs + "/docs", timeout=30).status_code == 200


def test_a_start_keeps_the_data_it_loaded_for_the_next_start(two_workers):
    """The embedder's weights and jieba's dictionary, as loaded, in the data dir (``index.load_cache``)."""
    cache = Path(two_workers.env["PA_DATA_DIR"]) / "cache"
    assert sorted(path.name.split("-")[0] for path in cache.glob("*.pickle")) == ["jieba", "use"]
    assert next(cache.glob("use-*.arrays")).stat().st_size > 60_000_000, "the weight table, kept whole"


def test_the_workers_and_the_ui_are_separate_processes(two_workers):
    roles = two_workers.memory()
    assert len(roles["worker"]) == 2 and len(roles["ui"]) == 1
    assert psutil.Process(two_workers.process.pid).is_running()


def test_two_machines_sharing_postgresql_and_a_chroma_server_share_conversations_and_reindexes(
        postgres_database, tmp_path):
    """Two app processes on different ports and data dirs, as two machines behind a load balancer."""
    from tests.test_faults import _free_port, _start_chroma

    port = _free_port()
    chroma = _start_chroma(tmp_path / "chroma-server", port)
    shared = {"PA_DATABASE_URL": postgres_database, "PA_CHROMA_HOST": "127.0.0.1", "PA_CHROMA_PORT": str(port),
              "PA_TODAY": EVAL_DAY.isoformat(), "PA_ADMIN_TOKEN": ADMIN_TOKEN}
    machines: list[served.Served] = []
    try:
        machines = [served.start(tmp_path / name, workers=1, extra_env=shared) for name in ("machine-a", "machine-b")]
        a, b = machines
        first = httpx.post(a.url + "/v1/chat", json={"message": "1类新药II期能拿多少？"}, timeout=60)
        session = first.json()["session_id"]
        for turn in range(6):
            machine = (b, a)[turn % 2]
            wan = 2000 + turn
            answer = httpx.post(machine.url + "/v1/chat", timeout=60,
                                json={"message": f"研发投入改成{wan}万呢", "session_id": session}).json()
            assert answer["session_id"] == session
            assert [c["amount_yuan"] for c in answer["calculations"]] == [wan * 10_000 * 40 // 100], (turn, answer["answer"])
        reindexed = httpx.post(a.url + "/v1/admin/reindex", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}, timeout=300)
        assert reindexed.status_code == 200, reindexed.text
        assert _followed(b.url, reindexed.json()["index_version"])
        search = httpx.post(b.url + "/v1/search", json={"query": "伦理审查多久"}, timeout=30)
        assert search.status_code == 200 and search.json()["results"][0]["chunk_id"] == "policy2024:10"
    finally:
        for machine in machines:
            machine.stop()
        chroma.kill()
