"""Fault script (figures, not tests): the served process tree on 127.0.0.1 under four faults.

    python -m eval.faults                 # all five; about ten minutes on 2 cores
    python -m eval.faults --only reindex  # one of: kill, disk, chroma, reindex, reindex100

- ``kill``: ``kill -9`` of every server process while 8 clients chat; then the rows the store holds for
  the answers the server acknowledged (200 with an ``answer_id``), after a restart replays its spool.
- ``disk``: the data dir on a 48 MB tmpfs (needs root), filled up; chats must still be answered
  (their log row deferred) and no request may end in a plain 500.
- ``chroma``: a ``chroma run`` server restarted empty under a running service: ``/healthz`` and chat
  must say 503 ``index_missing`` until an admin reindex, then answer again.
- ``reindex``: 20 admin reindexes while 8 clients chat against 2 workers: 5xx count, the slowest chat
  during a reindex (its build and the workers' loading of the new version) and outside one, RSS of every
  worker after the first and after the twentieth reindex, the load average before and after.
- ``reindex100``: the same with 100 copies of the corpus (9600 chunks) served, rebuilt 5 times with one
  document changed by the build process a reindex uses.

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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import sqlalchemy as sa
import typer

from assistant.index_build import build_apart
from assistant.indexing import DeploymentIndex
from assistant.settings import Settings
from assistant.store import open_store
from assistant.store.schema import questions as question_rows
from eval import served
from eval.runner import EVAL_DAY
from index.articles import Article
from index.embedders import make_embedder
from index.parsers import parse_corpus

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
    """20 admin reindexes of the shipped corpus while 8 clients chat against 2 workers."""
    with tempfile.TemporaryDirectory() as folder:
        server = served.start(Path(folder), workers=2, extra_env={"PA_ADMIN_TOKEN": ADMIN_TOKEN})
        load = [os.getloadavg()[0]]

        def reindex(http: httpx.Client) -> str:
            response = http.post("/v1/admin/reindex", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
            if response.status_code != 200:
                raise RuntimeError(f"reindex failed: {response.status_code} {response.text[:300]}")
            return str(response.json()["index_version"])

        try:
            figures = _reindexes_beside_chats(server, clients, reindexes, reindex)
        finally:
            server.stop()
        load.append(os.getloadavg()[0])
        return {**figures, "load_average": load}


def reindex_at_scale(factor: int = 100, reindexes: int = 5, clients: int = 8) -> dict[str, Any]:
    """A served index of ``factor`` copies of the corpus, rebuilt with one document changed ``reindexes`` times
    by the build process a reindex uses, while 8 clients chat against 2 workers."""
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder))
        base = parse_corpus()
        origin = served_copies(base, factor)
        corpus = list(origin)
        embedder = CopiedVectors(make_embedder(settings.embedding_backend, settings.embedding_model), origin)
        built = DeploymentIndex(settings).rebuild(embedder, articles=corpus)
        server = served.start(Path(folder), workers=2)
        load = [os.getloadavg()[0]]

        def reindex(_: httpx.Client, round_: list[int] = [0]) -> str:  # noqa: B006 - the round counter
            round_[0] += 1
            edited = [replace(a, text=f"{a.text}（第{round_[0]}次修订）") if a.doc_id == base[0].doc_id else a
                      for a in corpus[: len(base)]] + corpus[len(base):]
            return build_apart(settings, edited, embedder).version

        try:
            figures = _reindexes_beside_chats(server, clients, reindexes, reindex)
        finally:
            server.stop()
        load.append(os.getloadavg()[0])
        return {"chunks": built.chunks, **figures, "load_average": load}


def served_copies(articles: list[Article], factor: int) -> dict[Article, str]:
    """``factor`` copies of the corpus the engine can answer from, each with the text it was made from: a copy
    keeps its document (its citation resolves) under keys of its own, with its sentences in another order."""
    copies = {a: a.text for a in articles}
    for copy in range(1, factor):
        for article in articles:
            sentences = [s for s in article.text.split("。") if s]
            shift = copy % max(1, len(sentences))
            text = "。".join(sentences[shift:] + sentences[:shift]) + f"。（副本{copy}）"
            copies[replace(article, key=f"{article.key}~{copy}", text=text)] = article.text
    return copies


class CopiedVectors:
    """The serving embedder for the shipped articles; a copy gets the vector of the text it was made from
    (so building 100× the corpus embeds 96 texts, not 9600)."""

    def __init__(self, real: Any, origin: dict[Article, str]) -> None:
        self.real, self.name, self.dimension, self.dense = real, real.name, real.dimension, real.dense
        self._origin = {a.text: text for a, text in origin.items()}
        self._vectors: dict[str, Any] = {}

    def embed(self, texts: list[str]) -> Any:
        wanted = [self._origin.get(text, text) for text in texts]
        missing = [t for t in dict.fromkeys(wanted) if t not in self._vectors]
        if missing:
            self._vectors.update(zip(missing, self.real.embed(missing), strict=True))
        return np.stack([self._vectors[text] for text in wanted])


def _reindexes_beside_chats(server: served.Served, clients: int, reindexes: int,
                            reindex: Callable[[httpx.Client], str]) -> dict[str, Any]:
    """Chats from ``clients`` threads while ``reindex`` runs ``reindexes`` times, each until every worker
    serves the new version. A chat counts as during a reindex when it overlaps the build or the workers'
    loading of the new version."""
    windows: list[tuple[float, float]] = []
    rss: dict[str, Any] = {}
    with Chatter(server.url, clients) as chatter, httpx.Client(base_url=server.url, timeout=3600) as http:
        time.sleep(2)
        for n in range(1, reindexes + 1):
            started = time.perf_counter()
            version = reindex(http)
            _wait_until_served(server.url, version)
            windows.append((started, time.perf_counter()))
            if n == 1:
                rss["after_first"] = server.memory()
            time.sleep(1)
        rss["after_last"] = server.memory()
    during: list[float] = []
    outside: list[float] = []
    for started, seconds, _, _ in chatter.outcomes:
        overlaps = any(start <= started + seconds and started <= end for start, end in windows)
        (during if overlaps else outside).append(seconds)
    statuses = chatter.statuses()
    workers = list(zip(rss["after_first"].get("worker", []), rss["after_last"].get("worker", []), strict=False))
    return {"reindexes": reindexes, "chats": len(chatter.outcomes),
            "status_5xx": sum(count for status, count in statuses.items() if status >= 500),
            "no_answer": statuses.get(0, 0), "chats_during_reindex": len(during),
            "max_chat_s_during_reindex": round(max(during, default=0.0), 3),
            "p99_chat_s_during_reindex": round(_percentile(during, 0.99), 3),
            "chats_outside_reindex": len(outside),
            "max_chat_s_outside_reindex": round(max(outside, default=0.0), 3),
            "p99_chat_s_outside_reindex": round(_percentile(outside, 0.99), 3),
            "reindex_s": [round(end - start, 1) for start, end in windows],
            "rss_mb": rss,
            "worker_rss_growth_percent": [round(100 * (last / first - 1), 1) for first, last in workers]}


def _wait_until_served(url: str, version: str, seconds: float = 600) -> None:
    """Returns once ``/healthz`` reports ``version`` on 10 connections in a row (each worker follows in the
    background)."""
    deadline, streak = time.monotonic() + seconds, 0
    while streak < 10:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the workers did not serve {version} within {seconds} s")
        streak = streak + 1 if httpx.get(url + "/healthz", timeout=30).json().get("index_version") == version else 0


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


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


FAULTS = {"kill": kill_during_writes, "disk": full_disk, "chroma": chroma_restarted_empty, "reindex": reindex_under_load,
          "reindex100": reindex_at_scale}


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
