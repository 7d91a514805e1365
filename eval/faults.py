"""Fault script (figures, not tests): the served process tree on 127.0.0.1 under four faults.

    python -m eval.faults                 # all four; about three minutes on 2 cores
    python -m eval.faults --only reindex  # one of: kill, disk, chroma, reindex

- ``kill``: ``kill -9`` of every server process while 8 clients chat; then the rows the store holds for
  the answers the server acknowledged (200 with an ``answer_id``), after a restart replays its spool.
- ``disk``: the data dir on a 48 MB tmpfs (needs root), filled up; chats must still be answered
  (their log row deferred) and no request may end in a plain 500.
- ``chroma``: a ``chroma run`` server restarted empty under a running service: ``/healthz`` and chat
  must say 503 ``index_missing`` until an admin reindex, then answer again.
- ``reindex``: 20 admin reindexes while 8 clients chat against 2 workers: 5xx count, the slowest chat
  during a reindex, RSS of every worker after the first and after the twentieth reindex.

Everything is bounded in time and count and talks to 127.0.0.1 only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa
import typer

from assistant.settings import Settings
from assistant.store import open_store
from assistant.store.schema import questions as question_rows
from eval import served
from eval.runner import EVAL_DAY

ADMIN_TOKEN = "fault-script-admin-token-0123456789"
QUESTIONS = ("伦理审查多久", "1类新药II期能拿多少？", "What support is there for innovative medical devices?",
             "首台套医疗器械有什么支持", "CAR-T 细胞治疗有补贴吗")
CHAT_TIMEOUT_SECONDS = 30
SMALL_DISK = "48m"

app = typer.Typer(add_completion=False)


class Chatter:
    """``clients`` threads asking questions in turn until stopped; keeps every outcome."""

    def __init__(self, url: str, clients: int) -> None:
        self.url, self.clients = url, clients
        self.outcomes: list[tuple[float, float, int, dict[str, Any]]] = []  # start, seconds, status, body
        self.deferred = 0  # answers whose question-log row the server had to defer (X-PA-Log: deferred)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, args=(n,), daemon=True) for n in range(clients)]

    def __enter__(self) -> Chatter:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=CHAT_TIMEOUT_SECONDS + 5)

    def _run(self, client: int) -> None:
        with httpx.Client(base_url=self.url, timeout=CHAT_TIMEOUT_SECONDS) as http:
            n = client
            while not self._stop.is_set():
                started = time.perf_counter()
                try:
                    response = http.post("/v1/chat", json={"message": QUESTIONS[n % len(QUESTIONS)]})
                    status, body = response.status_code, response.json() if response.content else {}
                    if response.headers.get("X-PA-Log") == "deferred":
                        with self._lock:
                            self.deferred += 1
                except (httpx.HTTPError, ValueError):
                    status, body = 0, {}  # no answer: connection refused or cut (a killed server)
                with self._lock:
                    self.outcomes.append((started, time.perf_counter() - started, status, body))
                n += 1

    def statuses(self) -> Counter[int]:
        return Counter(status for _, _, status, _ in self.outcomes)


def kill_during_writes(seconds: float = 5, clients: int = 8) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        server = served.start(Path(folder), workers=2)
        with Chatter(server.url, clients) as chatter:
            time.sleep(seconds)
            server.kill()
        acknowledged = {str(body["answer_id"]) for _, _, status, body in chatter.outcomes
                        if status == 200 and body.get("answer_id")}
        store = open_store(Settings(data_dir=Path(folder)))  # replays rows spooled while the database refused
        with store.engine.connect() as connection:
            stored = set(connection.execute(sa.select(question_rows.c.answer_id)).scalars())
        return {"acknowledged": len(acknowledged), "stored": len(acknowledged & {str(s) for s in stored}),
                "unanswered_when_killed": chatter.statuses().get(0, 0)}


def full_disk(clients: int = 4, seconds: float = 5) -> dict[str, Any]:
    if os.geteuid() != 0:
        return {"skipped": "mounting a size-limited tmpfs needs root"}
    with _small_disk() as folder:
        server = served.start(folder, workers=1)
        try:
            filler = folder / "filler"
            with open(filler, "wb") as out:  # fill the file system to the last block
                try:
                    while True:
                        out.write(b"\0" * 2**20)
                        out.flush()
                except OSError:
                    pass
            with Chatter(server.url, clients) as chatter:
                time.sleep(seconds)
            answers = [body for _, _, status, body in chatter.outcomes if status == 200 and body.get("answer")]
            rated = answers[-1] if answers else {}
            feedback = httpx.post(server.url + "/v1/feedback", timeout=30, json={
                "answer_id": rated.get("answer_id") or "none", "feedback_token": rated.get("feedback_token") or "none",
                "rating": "like"})
            answered = len(answers)
            statuses = chatter.statuses()
        finally:
            server.stop()
        return {"chats": len(chatter.outcomes), "answered": answered, "status_500": statuses.get(500, 0),
                "log_deferred_headers": chatter.deferred,
                "statuses": dict(statuses), "feedback_status": feedback.status_code,
                "feedback_code": feedback.json().get("error", {}).get("code") if feedback.content else None}


def chroma_restarted_empty() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        chroma_path, port = Path(folder) / "chroma-server", served.free_port()
        chroma = _start_chroma(chroma_path, port)
        server = served.start(Path(folder) / "data", workers=1, extra_env={
            "PA_CHROMA_HOST": "127.0.0.1", "PA_CHROMA_PORT": str(port), "PA_ADMIN_TOKEN": ADMIN_TOKEN})
        steps: dict[str, Any] = {}
        try:
            steps["chat_before"] = _chat_status(server.url)
            chroma.terminate()
            chroma.wait(timeout=30)
            shutil.rmtree(chroma_path)
            chroma = _start_chroma(chroma_path, port)
            steps["healthz_after_empty_restart"] = _status(httpx.get(server.url + "/healthz", timeout=30))
            steps["chat_after_empty_restart"] = _chat_status(server.url)
            steps["reindex"] = _status(httpx.post(server.url + "/v1/admin/reindex", timeout=300,
                                                  headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}))
            steps["healthz_after_reindex"] = _status(httpx.get(server.url + "/healthz", timeout=30))
            steps["chat_after_reindex"] = _chat_status(server.url)
        finally:
            server.stop()
            chroma.kill()
        return steps


def reindex_under_load(reindexes: int = 20, clients: int = 8) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        server = served.start(Path(folder), workers=2, extra_env={"PA_ADMIN_TOKEN": ADMIN_TOKEN})
        windows: list[tuple[float, float]] = []
        rss: dict[str, Any] = {}
        try:
            with Chatter(server.url, clients) as chatter, httpx.Client(base_url=server.url, timeout=300) as admin:
                time.sleep(2)
                for n in range(1, reindexes + 1):
                    started = time.perf_counter()
                    response = admin.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
                    windows.append((started, time.perf_counter()))
                    if response.status_code != 200:
                        raise RuntimeError(f"reindex {n} failed: {response.status_code} {response.text[:300]}")
                    time.sleep(1)  # both workers answer from the new version before the next one
                    if n == 1:
                        rss["after_first"] = server.memory()
                rss["after_last"] = server.memory()
        finally:
            server.stop()
        during = [seconds for started, seconds, _, _ in chatter.outcomes
                  if any(start <= started + seconds and started <= end for start, end in windows)]
        statuses = chatter.statuses()
        return {"reindexes": reindexes, "chats": len(chatter.outcomes),
                "status_5xx": sum(count for status, count in statuses.items() if status >= 500),
                "no_answer": statuses.get(0, 0), "chats_during_reindex": len(during),
                "max_chat_s_during_reindex": max(during, default=0.0), "rss_mb": rss}


def _chat_status(url: str) -> str:
    return _status(httpx.post(url + "/v1/chat", json={"message": QUESTIONS[0]}, timeout=60))


def _status(response: httpx.Response) -> str:
    code = response.json().get("error", {}).get("code") if response.status_code >= 400 else None
    return f"{response.status_code} {code}" if code else str(response.status_code)


def _start_chroma(path: Path, port: int) -> subprocess.Popen:
    executable = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    process = subprocess.Popen([executable, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2)
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("chroma run did not start")


@contextmanager
def _small_disk() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="pa-small-disk-"))
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={SMALL_DISK}", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        folder.rmdir()


FAULTS = {"kill": kill_during_writes, "disk": full_disk, "chroma": chroma_restarted_empty, "reindex": reindex_under_load}


@app.command()
def main(only: str = typer.Option("", help=f"one of {', '.join(FAULTS)}")) -> None:
    os.environ.setdefault("PA_TODAY", EVAL_DAY.isoformat())
    chosen = [only] if only else list(FAULTS)
    unknown = [name for name in chosen if name not in FAULTS]
    if unknown:
        print(f"error: unknown fault {unknown[0]!r}; choose one of {', '.join(FAULTS)}")
        raise typer.Exit(2)
    for name in chosen:
        print(f"{name} …", flush=True)
        print(f"  {FAULTS[name]()}", flush=True)


if __name__ == "__main__":
    app()
