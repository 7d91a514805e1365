"""Storage faults never cost an answer: a full disk, a PostgreSQL server that stops, a server killed with
-9 mid-write, many writers at once. Real file systems (a size-limited tmpfs), a real PostgreSQL server
(``scripts/postgres.sh``) and real server processes; nothing here is faked."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.api.app import create_app
from assistant.engine import Engine
from assistant.records import Answer, Status
from assistant.store import open_store
from assistant.store.spool import SPOOL_FILE

ROOT = Path(__file__).resolve().parents[1]
STAFF = {"Authorization": "Bearer staff-secret-0123456789"}
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def test_concurrent_writes_to_the_question_log_are_all_kept(store_settings):
    log = open_store(store_settings).questions
    answer = Answer(session_id="s", answer="5个工作日", status=Status.ANSWERED)
    writers, each = 12, 20
    receipts = log.record_answer("first", answer, "load")

    def write(worker: int) -> None:
        for n in range(each):
            log.record_answer(f"q{worker}-{n}", answer, "load")
            log.feedback(receipts.answer_id, "like", None, token=receipts.feedback_token)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    questions = {q.question for q in log.recent(writers * each + 10)}
    assert questions == {"first"} | {f"q{w}-{n}" for w in range(writers) for n in range(each)}


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 3 MB tmpfs: a real file system that fills up."""
    if not IS_ROOT:
        pytest.skip("mounting a size-limited tmpfs needs root (CI runs as root)")
    mount = tmp_path / "small-disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path) -> Path:
    """Writes zeros until the file system refuses even one more byte."""
    filler = disk / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while os.write(descriptor, b"\0" * size) == size:
                    pass
            except OSError:
                continue
    finally:
        os.close(descriptor)
    return filler


def test_a_full_disk_serves_every_answer_and_logs_them_once_there_is_room(settings, engine, small_disk):
    full = settings.model_copy(update={"data_dir": small_disk / "data"})
    with TestClient(create_app(full, engine)) as http:
        assert http.post("/v1/chat", json={"message": "伦理审查多久"}).headers["X-PA-Log"] == "stored"
        filler = _fill(small_disk)
        served, deferred = [], []
        for n in range(300):
            response = http.post("/v1/chat", json={"message": f"伦理审查多久 {n}"})
            assert response.status_code == 200 and "工作日" in response.json()["answer"]
            served.append(f"伦理审查多久 {n}")
            if response.headers["X-PA-Log"] == "deferred":
                deferred.append(response.json())
                if len(deferred) == 3:
                    break
        assert len(deferred) == 3, "the disk never filled up"
        assert all(d["question_id"] is None and d["answer_id"] and d["feedback_token"] for d in deferred)
        filler.unlink()
        after = http.post("/v1/chat", json={"message": "伦理审查多久 again"})
        assert after.headers["X-PA-Log"] == "stored"
        logged = {q["question"] for q in http.get("/v1/staff/questions?limit=1000", headers=STAFF).json()["questions"]}
        assert set(served) <= logged and "伦理审查多久 again" in logged
        rated = http.post("/v1/feedback", json={"answer_id": deferred[0]["answer_id"], "rating": "like",
                                                "feedback_token": deferred[0]["feedback_token"]})
        assert rated.status_code == 200


@pytest.fixture
def own_postgres(postgres_server):
    """A PostgreSQL server of this test's own (so it can be stopped), started by ``scripts/postgres.sh``."""
    if not IS_ROOT or not shutil.which("runuser"):
        pytest.skip("starting a PostgreSQL server needs root")
    started = subprocess.run(["bash", str(ROOT / "scripts/postgres.sh"), "start"], check=True,
                             capture_output=True, text=True).stdout
    exported = dict(part.split("=", 1) for part in started.split()[1:])
    try:
        yield exported["PA_TEST_DATABASE_URL"], exported["PA_TEST_POSTGRES_DIR"]
    finally:
        subprocess.run(["bash", str(ROOT / "scripts/postgres.sh"), "stop", exported["PA_TEST_POSTGRES_DIR"]], check=False)


def test_a_stopped_postgres_serves_answers_spools_the_log_and_refuses_feedback_with_503(settings, engine, own_postgres,
                                                                                         tmp_path):
    url, directory = own_postgres
    shared = settings.model_copy(update={"data_dir": tmp_path, "database_url": SecretStr(url)})
    worker = Engine(shared, engine.retriever, engine.book, engine.catalogue)  # sessions on that server too
    script = ROOT / "scripts/postgres.sh"
    with TestClient(create_app(shared, worker)) as http:
        before = http.post("/v1/chat", json={"message": "伦理审查多久"})
        assert before.headers["X-PA-Log"] == "stored"
        subprocess.run(["bash", str(script), "pause", directory], check=True)
        try:
            down = http.post("/v1/chat", json={"message": "伦理审查多久 during the outage"})
            assert down.status_code == 200 and "工作日" in down.json()["answer"]
            assert down.headers["X-PA-Log"] == "deferred" and (tmp_path / SPOOL_FILE).exists()
            rating = http.post("/v1/feedback", json={"answer_id": before.json()["answer_id"], "rating": "like",
                                                     "feedback_token": before.json()["feedback_token"]})
            assert rating.status_code == 503 and rating.json()["error"]["code"] == "store_unavailable"
            staff = http.get("/v1/staff/questions", headers=STAFF)
            assert staff.status_code == 503 and staff.json()["error"]["code"] == "store_unavailable"
        finally:
            subprocess.run(["bash", str(script), "resume", directory], check=True)
        back = http.post("/v1/chat", json={"message": "伦理审查多久 after"})
        assert back.headers["X-PA-Log"] == "stored" and not (tmp_path / SPOOL_FILE).exists()
        logged = [q["question"] for q in http.get("/v1/staff/questions", headers=STAFF).json()["questions"]]
        assert logged == ["伦理审查多久 after", "伦理审查多久 during the outage", "伦理审查多久"]
        rated = http.post("/v1/feedback", json={"answer_id": down.json()["answer_id"], "rating": "dislike",
                                                "feedback_token": down.json()["feedback_token"]})
        assert rated.status_code == 200


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_acknowledged_writes_survive_kill_9_of_the_server(settings, tmp_path):
    """A real `policy-assistant serve` process on the default SQLite store (WAL, synchronous=NORMAL),
    4 clients writing, then SIGKILL: every answer the clients got back with ``X-PA-Log: stored`` is in
    the log. (On PostgreSQL a commit's durability is the server's own.) The server is a deployment of its
    own: its data dir holds its index, whose active version its state store registers."""
    url = f"sqlite:///{tmp_path / 'state.sqlite3'}"
    port = _free_port()
    env = {**os.environ, "PA_DATA_DIR": str(tmp_path / "data"), "PA_DATABASE_URL": url, "PA_TODAY": "2026-11-25"}
    server = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
            try:
                if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.5)
        acknowledged: list[str] = []
        stop = threading.Event()

        def client(worker: int) -> None:
            with httpx.Client(base_url=base, timeout=30) as http:
                for n in range(10_000):
                    if stop.is_set():
                        return
                    try:
                        response = http.post("/v1/chat", json={"message": f"伦理审查多久 {worker}-{n}"})
                    except httpx.TransportError:
                        return
                    if response.status_code == 200 and response.headers["X-PA-Log"] == "stored":
                        acknowledged.append(response.json()["answer_id"])

        clients = [threading.Thread(target=client, args=(w,)) for w in range(4)]
        for thread in clients:
            thread.start()
        while len(acknowledged) < 60 and time.monotonic() < deadline:
            time.sleep(0.05)
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)
        stop.set()
        for thread in clients:
            thread.join(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
    assert len(acknowledged) >= 60
    survivor = settings.model_copy(update={"data_dir": tmp_path, "database_url": SecretStr(url)})
    stored = {q.answer_id for q in open_store(survivor).questions.recent(10_000)}
    assert set(acknowledged) <= stored, f"{len(set(acknowledged) - stored)} acknowledged answers lost"
