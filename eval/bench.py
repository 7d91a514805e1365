"""Benchmarks (figures, not tests): index build, in-process search and chat latency, HTTP throughput
at 1/8/32 concurrent clients, serving at 32 clients, and scaling to 10× and 100× synthetic corpora.

    python -m eval.bench                 # everything but the serving comparison
    python -m eval.bench --load          # adds 32 sessions × 50 turns on each serving set-up
    python -m eval.bench --scales 1,10   # fewer scaling points

The serving comparison (``--load``) starts ``policy-assistant serve`` once per set-up: before (one
process, BLAS on every core, as the service ran before thread pools were sized), one worker, and two
workers (the default on a 2-core machine), each with one BLAS thread. Each set-up is warmed first
(so the figures are the steady state), then measured in the same run: chat turns/s, p50/p95, server
CPU per request (every process of the server), the load generator's own CPU, RSS per process, and the
first request after ``/healthz`` said ready. The load's questions are all distinct (follow-ups and
award questions of distinct amounts, the question set's and the dev split's questions once each), so
nothing the server remembers per question text flatters the figures.

Prints a table and writes bench.md / bench.json under the data dir. Every part is bounded in count
and time, so a slow machine gives slower figures, never a hang.
"""

from __future__ import annotations

import http.client
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import typer

from assistant.bootstrap import open_index
from assistant.engine import Engine
from assistant.indexing import DeploymentIndex
from assistant.settings import EmbeddingBackend, Settings
from eval import served
from eval.answer_check import DEV_SPLIT
from eval.faults import served_copies
from eval.runner import EVAL_DAY, load_items, percentile
from eval.served import Served
from index.articles import Article
from index.embedders import machine_threads, make_embedder
from index.parsers import parse_corpus
from index.store import build_index

HTTP_CLIENTS = (1, 8, 32)
HTTP_REQUESTS_PER_CLIENT = 20
HTTP_TIME_LIMIT_SECONDS = 60
# (label, workers, BLAS threads per process)
SERVING_SETUPS = (
    ("before: 1 process, BLAS on every core", 1, machine_threads()),
    ("1 worker, 1 BLAS thread", 1, 1),
    ("2 workers, 1 BLAS thread each", 2, 1),
)
WARM_UP_TURNS = 5

app = typer.Typer(add_completion=False)


def timed(call, inputs: list[Any]) -> dict[str, float]:
    """p50/p95 in milliseconds of ``call`` over ``inputs``."""
    seconds = []
    for value in inputs:
        started = time.perf_counter()
        call(value)
        seconds.append(time.perf_counter() - started)
    return {"p50_ms": statistics.median(seconds) * 1000, "p95_ms": percentile(seconds, 0.95) * 1000, "n": len(seconds)}


def synthetic_corpus(articles: list[Article], factor: int) -> list[Article]:
    """``factor`` copies of the corpus; each copy reorders every article's sentences under keys of its own
    and keeps its document, so the copies are distinct texts of the same vocabulary and length, and an
    engine (``serve`` too) can cite them: their document is in the catalogue."""
    return list(served_copies(articles, factor))


def in_process(settings: Settings, questions: list[str]) -> dict[str, Any]:
    opened = open_index(settings, rebuild=True)
    build = opened.built
    assert build is not None, "open_index(rebuild=True) always builds"
    engine = Engine.from_settings(settings, index=opened)
    return {
        "index_build_s": build.seconds,
        "chunks": build.chunks,
        "search": timed(lambda q: engine.search(q, k=5), questions),
        "chat_turn": timed(engine.ask, questions),
    }


def scaling(questions: list[str], factors: list[int]) -> list[dict[str, Any]]:
    """Per corpus multiple: build; the first start on the new version (reads it from Chroma, indexes BM25,
    saves the snapshot) and a worker's start (from the snapshot); search latency; and a rebuild after one
    document changed (how many chunks it embeds)."""
    base = parse_corpus()
    changed_doc = base[0].doc_id
    embedder = make_embedder(EmbeddingBackend.USE)
    rows = []
    for factor in factors:
        with tempfile.TemporaryDirectory() as folder:
            settings = Settings(data_dir=Path(folder), today=EVAL_DAY)
            deployment = DeploymentIndex(settings)
            corpus = synthetic_corpus(base, factor)
            build = build_index(deployment.client, corpus, embedder, deployment.registry, deployment.lock())
            first_s, first_cpu = worker_start(settings, questions[0])  # reads the version from Chroma and saves its snapshot
            start_s, start_cpu = worker_start(settings, questions[0])  # a worker in a new process: from the snapshot
            forked_s, forked_cpu = worker_start(settings, questions[0], forked=True)  # as ``serve`` starts or replaces one
            engine = Engine.from_settings(settings, build_if_missing=False, embedder=make_embedder(EmbeddingBackend.USE, threads=1))
            search = timed(lambda q, e=engine: e.retriever.search(q, k=5, prefer_on=EVAL_DAY), questions)
            changed = {a.chunk_id for a in base if a.doc_id == changed_doc}  # the document itself, not its copies
            edited = [replace(a, text=a.text + "（修订）") if a.chunk_id in changed else a for a in corpus]
            rebuild = build_index(deployment.client, edited, embedder, deployment.registry, deployment.lock())
            rows.append({"factor": factor, "chunks": len(corpus), "index_build_s": build.seconds,
                         "first_start_s": first_s, "first_start_cpu_s": first_cpu, "worker_start_s": start_s,
                         "worker_start_cpu_s": start_cpu, "forked_start_s": forked_s, "forked_start_cpu_s": forked_cpu,
                         "search": search,
                         "changed_doc_chunks": len(changed),
                         "rebuild_embedded": rebuild.embedded, "rebuild_s": rebuild.seconds})
            print(f"  {factor}×: {len(corpus)} chunks, build {build.seconds:.1f} s, first start {first_s:.2f} s "
                  f"(CPU {first_cpu:.2f} s), worker start {start_s:.2f} s (CPU {start_cpu:.2f} s), forked after the "
                  f"preload {forked_s:.2f} s (CPU {forked_cpu:.2f} s), "
                  f"search p95 {search['p95_ms']:.1f} ms, one document changed: {rebuild.embedded} embedded")
    return rows


def worker_start(settings: Settings, question: str, forked: bool = False) -> tuple[float, float]:
    """Seconds (wall, CPU) a new process takes from its imports to a warm search path: the engine on the
    active version (from its snapshot, or from Chroma and a BM25 index when none was saved yet), the
    embedder's weights, jieba's dictionary, one search. Measured in a process of its own; the CPU figure
    is the one a busy machine inflates least.

    ``forked``: the same steps as ``serve`` takes them for each worker it starts, or replaces when one
    dies: in a child forked from a process that has already loaded what ``assistant.preload`` loads (the
    embedder's weights, jieba, the YAML data); the figures are the child's own, from the fork."""
    call = "print_forked_start" if forked else "print_start"
    code = f"from eval.bench import {call}; {call}({str(settings.data_dir)!r}, {question!r})"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=True,
                          env={**os.environ, "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"})
    wall, cpu = done.stdout.split()[-2:]
    return float(wall), float(cpu)


def print_start(data_dir: str, question: str) -> None:
    """Prints the wall and CPU seconds of ``worker_start`` in this (new) process."""
    settings = Settings(data_dir=Path(data_dir), today=EVAL_DAY)
    started, cpu = time.perf_counter(), time.process_time()
    engine = Engine.from_settings(settings, build_if_missing=False, embedder=make_embedder(EmbeddingBackend.USE, threads=1))
    engine.retriever.search(question, k=5, prefer_on=EVAL_DAY)  # the synthetic copies have no catalogue entry
    print(f"{time.perf_counter() - started:.3f} {time.process_time() - cpu:.3f}")


def print_forked_start(data_dir: str, question: str) -> None:
    """Prints the wall and CPU seconds of ``worker_start(forked=True)``: loads and freezes what the
    supervisor of ``serve`` loads before it forks (``assistant.preload``), forks, and times the child."""
    import gc

    from assistant.preload import cache_loads, preload

    settings = Settings(data_dir=Path(data_dir), today=EVAL_DAY, blas_threads=1)
    cache_loads(settings)
    embedder = preload(settings)
    gc.freeze()  # as ``serve`` does before its forks
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # the worker: its CPU time counts from the fork
        try:
            started, cpu = time.perf_counter(), time.process_time()
            engine = Engine.from_settings(settings, build_if_missing=False, embedder=embedder)
            engine.retriever.search(question, k=5, prefer_on=EVAL_DAY)
            os.write(writer, f"{time.perf_counter() - started:.3f} {time.process_time() - cpu:.3f}".encode())
        finally:
            os._exit(0)
    os.close(writer)
    os.waitpid(child, 0)
    with os.fdopen(reader) as result:
        print(result.read())


def start_server(settings: Settings, workers: int = 1, blas_threads: int = 1) -> Served:
    return served.start(settings.data_dir, workers, {"PA_TODAY": EVAL_DAY.isoformat(),
                                                     "PA_BLAS_THREADS": str(blas_threads)})


def http_throughput(url: str, questions: list[str]) -> list[dict[str, Any]]:
    rows = []
    for clients in HTTP_CLIENTS:
        deadline = time.monotonic() + HTTP_TIME_LIMIT_SECONDS

        def worker(index: int, deadline: float = deadline) -> tuple[list[float], int]:
            latencies, errors = [], 0
            http = Client(url)
            try:
                for n in range(HTTP_REQUESTS_PER_CLIENT):
                    if time.monotonic() > deadline:
                        break
                    started = time.perf_counter()
                    status, _ = http.chat(questions[(index * 7 + n) % len(questions)])
                    latencies.append(time.perf_counter() - started)
                    errors += status >= 500
            finally:
                http.close()
            return latencies, errors

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=clients) as pool:
            results = list(pool.map(worker, range(clients)))
        elapsed = time.perf_counter() - started
        latencies = [x for r, _ in results for x in r]
        rows.append({"clients": clients, "requests": len(latencies), "errors_5xx": sum(e for _, e in results),
                     "throughput_rps": len(latencies) / elapsed, "p50_ms": statistics.median(latencies) * 1000,
                     "p95_ms": percentile(latencies, 0.95) * 1000})
        print(f"  {clients} clients: {rows[-1]['throughput_rps']:.1f} req/s, p95 {rows[-1]['p95_ms']:.0f} ms")
    return rows


PHASE_TWO_RATE_PERCENT = 40  # （五）: II期 up to 40% of the R&D spend (below the 2000万 cap for every amount the load uses)
MEASURED_AMOUNTS_FROM = 1000  # 万元; the warm-up uses amounts of its own, so no measured question was asked before
WARM_UP_AMOUNTS_FROM = 3000


def load_pool() -> list[str]:
    """The varied questions the load draws from: the question set's single questions and the dev split's."""
    pool = [item.question for item in load_items() if item.question]
    for line in DEV_SPLIT.read_text(encoding="utf-8").splitlines():
        if line.strip() and (question := json.loads(line).get("question")):
            pool.append(question)
    return list(dict.fromkeys(pool))


class Client:
    """One load client: a kept-alive HTTP/1.1 connection (the standard library's: a fraction of the CPU
    an httpx client spends per request, and this CPU is taken from the server's two cores)."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self._address = (parts.hostname or "127.0.0.1", parts.port or 80)
        self._connection = http.client.HTTPConnection(*self._address, timeout=60)

    def chat(self, message: str, session_id: str | None = None) -> tuple[int, dict[str, Any]]:
        body = json.dumps({"message": message, **({"session_id": session_id} if session_id else {})}).encode()
        for attempt in (1, 2):  # once more on a connection the server closed while idle
            try:
                self._connection.request("POST", "/v1/chat", body, {"Content-Type": "application/json"})
                response = self._connection.getresponse()
                payload = response.read()
                return response.status, (json.loads(payload) if response.status < 500 else {})
            except (http.client.RemoteDisconnected, ConnectionError):
                self._connection.close()
                self._connection = http.client.HTTPConnection(*self._address, timeout=60)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        self._connection.close()


def load_run(url: str, sessions: int = 32, turns: int = 50, pool: Sequence[str] = (),
             amounts_from: int = MEASURED_AMOUNTS_FROM) -> dict[str, Any]:
    """``sessions`` clients, each holding one conversation over ``turns`` turns after its opening question.

    Turns go in threes: an award question of its own amount, a follow-up that changes the R&D amount
    ("研发投入改成N万呢"), and a question of ``pool`` as another asker's first turn (each asked once in the
    run, spread over the clients; once a client's share is spent, another follow-up). Every amount is distinct, so no two requests of a
    run carry the same text (the figures are not flattered by anything remembered per question); each
    award answer's figure is checked (40% of the amount asked), counting answers that are wrong or belong
    to another conversation. Returns turns/s, p50/p95 and the counts."""
    shares = [list(pool[client::sessions]) for client in range(sessions)]

    def converse(client: int) -> tuple[list[float], int, int, list[str]]:
        latencies: list[float] = []
        errors = crossed = 0
        asked: list[str] = []
        amounts = iter(range(amounts_from + client * (turns + 1), amounts_from + (client + 1) * (turns + 1)))
        http = Client(url)
        try:
            def turn(message: str, session: str | None, expected: int | None) -> str | None:
                nonlocal errors, crossed
                asked.append(message)
                started = time.perf_counter()
                status, reply = http.chat(message, session)
                latencies.append(time.perf_counter() - started)
                if status >= 500:
                    errors += 1
                    return session
                if expected is not None:
                    crossed += [c["amount_yuan"] for c in reply.get("calculations", [])] != [expected]
                return reply.get("session_id", session)

            def award(wan: int) -> int:
                return wan * 10_000 * PHASE_TWO_RATE_PERCENT // 100

            opening = next(amounts)
            session = turn(f"1类新药II期临床研发投入{opening}万，能拿多少？", None, award(opening))
            for number in range(turns):
                wan = next(amounts)
                if number % 3 == 2 and shares[client]:  # another asker's question, in a conversation of its own
                    turn(shares[client].pop(0), None, None)
                elif number % 3 == 0:
                    session = turn(f"1类新药II期临床研发投入{wan}万，能拿多少？", session, award(wan))
                else:
                    session = turn(f"研发投入改成{wan}万呢", session, award(wan))
        finally:
            http.close()
        return latencies, errors, crossed, asked

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=sessions) as pool_threads:
        results = list(pool_threads.map(converse, range(sessions)))
    seconds = time.perf_counter() - started
    latencies = [x for r in results for x in r[0]]
    asked = [message for r in results for message in r[3]]
    return {"sessions": sessions, "turns": turns, "seconds": seconds, "requests": len(latencies),
            "distinct_questions": len(set(asked)), "from_pool": sum(message in set(pool) for message in asked),
            "turns_per_s": len(latencies) / seconds,
            "errors_5xx": sum(r[1] for r in results), "wrong_or_crossed": sum(r[2] for r in results),
            "p50_ms": statistics.median(latencies) * 1000, "p95_ms": percentile(latencies, 0.95) * 1000}


def serving(questions: list[str], pool: list[str], sessions: int = 32, turns: int = 50) -> list[dict[str, Any]]:
    """Each serving set-up on a fresh data dir: first request after ready, a warm-up load, then the
    measured load with the server's CPU time and memory around it."""
    rows = []
    for label, workers, blas in SERVING_SETUPS:
        with tempfile.TemporaryDirectory() as folder:
            server = start_server(Settings(data_dir=Path(folder), today=EVAL_DAY), workers, blas)
            try:
                first_client = Client(server.url)  # made before the clock starts: the request is timed, not the client
                started = time.perf_counter()
                first_status, _ = first_client.chat(questions[0])
                first_ms = (time.perf_counter() - started) * 1000
                first_client.close()
                load_run(server.url, sessions, WARM_UP_TURNS, amounts_from=WARM_UP_AMOUNTS_FROM)
                cpu_before, client_before = server.cpu_seconds(), time.process_time()
                load = load_run(server.url, sessions, turns, pool)
                cpu = server.cpu_seconds() - cpu_before
                client_cpu = time.process_time() - client_before
                row = {"setup": label, "workers": workers, "blas_threads": blas, "ready_s": server.ready_seconds,
                       "first_request_ms": first_ms, "first_status": first_status, **load,
                       "server_cpu_ms_per_request": cpu * 1000 / load["requests"],
                       "client_cpu_ms_per_request": client_cpu * 1000 / load["requests"],
                       "rss_mb": server.memory(), "load_average_1min": os.getloadavg()[0]}
            finally:
                server.stop()
        rows.append(row)
        print(f"  {label}: {row['turns_per_s']:.0f} turns/s, p95 {row['p95_ms']:.0f} ms, server CPU "
              f"{row['server_cpu_ms_per_request']:.1f} ms/request, RSS {row['rss_mb']}, first request {first_ms:.0f} ms")
    return rows


def markdown(report: dict[str, Any]) -> str:
    p = report["in_process"]
    lines = [f"# Benchmarks ({report['date']}, {report['machine']})", "",
             f"Index build (shipped corpus, {p['chunks']} chunks): {p['index_build_s']:.1f} s", "",
             "| in-process | p50 ms | p95 ms | n |", "|---|---|---|---|"]
    for name in ("search", "chat_turn"):
        lines.append(f"| {name} | {p[name]['p50_ms']:.1f} | {p[name]['p95_ms']:.1f} | {p[name]['n']} |")
    if report.get("http"):
        lines += ["", "| HTTP /v1/chat clients | requests | req/s | p50 ms | p95 ms | 5xx |", "|---|---|---|---|---|---|"]
        lines += [f"| {r['clients']} | {r['requests']} | {r['throughput_rps']:.1f} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['errors_5xx']} |"
                  for r in report["http"]]
    if report.get("serving"):
        first = report["serving"][0]
        lines += ["", f"Serving, {first['sessions']} clients × {first['turns'] + 1} turns of one conversation each "
                      f"(after a warm-up load); {first['distinct_questions']} distinct questions in {first['requests']} "
                      f"requests, {first['from_pool']} of them from the question set and the dev split:", "",
                  "| set-up | turns/s | p50 ms | p95 ms | server CPU ms/request | client CPU ms/request | RSS MB | "
                  "first request after ready ms | 5xx | wrong or crossed | machine load (1 min) |",
                  "|---|---|---|---|---|---|---|---|---|---|---|"]
        lines += [f"| {r['setup']} | {r['turns_per_s']:.0f} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | "
                  f"{r['server_cpu_ms_per_request']:.1f} | {r['client_cpu_ms_per_request']:.1f} | "
                  f"{_rss(r['rss_mb'])} | {r['first_request_ms']:.0f} | {r['errors_5xx']} | {r['wrong_or_crossed']} | "
                  f"{r.get('load_average_1min', 0):.1f} |" for r in report["serving"]]
    if report.get("scaling"):
        lines += ["", "| corpus | chunks | index build s | first start on a new version s (CPU) | worker start, new process s (CPU) | "
                      "worker start, forked after the preload s (CPU) | search p50 ms | search p95 ms | "
                      "one document changed: chunks / embedded |",
                  "|---|---|---|---|---|---|---|---|---|"]
        lines += [f"| {r['factor']}× | {r['chunks']} | {r['index_build_s']:.1f} | {r['first_start_s']:.2f} "
                  f"({r['first_start_cpu_s']:.2f}) | {r['worker_start_s']:.2f} ({r['worker_start_cpu_s']:.2f}) | "
                  f"{r['forked_start_s']:.2f} ({r['forked_start_cpu_s']:.2f}) | "
                  f"{r['search']['p50_ms']:.1f} | {r['search']['p95_ms']:.1f} | "
                  f"{r['changed_doc_chunks']} / {r['rebuild_embedded']} |" for r in report["scaling"]]
    return "\n".join(lines) + "\n"


def _rss(roles: dict[str, list[float]]) -> str:
    return "; ".join(f"{role} {', '.join(f'{mb:.0f}' for mb in sizes)}" for role, sizes in sorted(roles.items()))


@app.command()
def main(
    scales: str = typer.Option("1,10,100", help="corpus multiples for the scaling curve"),
    http: bool = typer.Option(True, help="measure HTTP throughput at 1, 8 and 32 clients"),
    load: bool = typer.Option(False, "--load", help="add the serving comparison at 32 clients"),
) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    questions = [item.question for item in load_items() if item.question]
    report: dict[str, Any] = {"date": datetime.now(UTC).date().isoformat(),
                              "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"}
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder), today=EVAL_DAY)
        print("in-process …")
        report["in_process"] = in_process(settings, questions)
        if http:
            print("HTTP …")
            server = start_server(settings)
            try:
                report["http"] = http_throughput(server.url, questions)
            finally:
                server.stop()
    if load:
        print("serving …")
        report["serving"] = serving(questions, load_pool())
    factors = [int(f) for f in scales.split(",") if f.strip()]
    if factors:
        print("scaling …")
        report["scaling"] = scaling(questions, factors)
    text = markdown(report)
    target = Settings().data_dir
    target.mkdir(parents=True, exist_ok=True)
    (target / "bench.md").write_text(text, encoding="utf-8")
    (target / "bench.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(text)
    print(f"saved: {target / 'bench.md'}")


if __name__ == "__main__":
    app()
