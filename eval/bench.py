"""Benchmarks (figures, not tests): index build, in-process search and chat latency, HTTP throughput
at 1/8/32 concurrent clients, a long load run, and scaling to 10× and 100× synthetic corpora.

    python -m eval.bench                 # everything but the long load run
    python -m eval.bench --load          # adds 32 sessions × 50 turns over HTTP
    python -m eval.bench --scales 1,10   # fewer scaling points

Prints a table and writes bench.md / bench.json under the data dir. Every part is bounded in count
and time, so a slow machine gives slower figures, never a hang.
"""

from __future__ import annotations

import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import typer

from assistant.bootstrap import open_index
from assistant.engine import Engine
from assistant.settings import Settings
from eval.runner import EVAL_DAY, load_items, percentile
from index.articles import Article
from index.embedders import make_embedder
from index.parsers import parse_corpus
from index.store import active_collection, build_index, connect

HTTP_CLIENTS = (1, 8, 32)
HTTP_REQUESTS_PER_CLIENT = 20
HTTP_TIME_LIMIT_SECONDS = 60

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
    """``factor`` copies of the corpus; each copy reorders every article's sentences and renames its
    document, so the copies are distinct texts of the same vocabulary and length."""
    corpus = list(articles)
    for copy in range(1, factor):
        for article in articles:
            sentences = [s for s in article.text.split("。") if s]
            shift = copy % max(1, len(sentences))
            text = "。".join(sentences[shift:] + sentences[:shift]) + f"。（变体{copy}）"
            corpus.append(replace(article, doc_id=f"{article.doc_id}-v{copy}", text=text))
    return corpus


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


def scaling(settings: Settings, questions: list[str], factors: list[int]) -> list[dict[str, Any]]:
    from assistant.retrieval import HybridRetriever, RetrievalMode
    from index.documents import catalogue

    base = parse_corpus()
    embedder = make_embedder(settings.embedding_backend, settings.embedding_model)
    rows = []
    for factor in factors:
        with tempfile.TemporaryDirectory() as folder:
            client = connect(Path(folder))
            corpus = synthetic_corpus(base, factor)
            build = build_index(client, corpus, embedder)
            started = time.perf_counter()
            retriever = HybridRetriever(active_collection(client), embedder, catalogue(), RetrievalMode.HYBRID)
            load_s = time.perf_counter() - started
            search = timed(lambda q, r=retriever: r.search(q, k=5, prefer_on=EVAL_DAY), questions)
            rows.append({"factor": factor, "chunks": len(corpus), "index_build_s": build.seconds,
                         "bm25_load_s": load_s, "search": search})
            print(f"  {factor}×: {len(corpus)} chunks, build {build.seconds:.1f} s, search p95 {search['p95_ms']:.1f} ms")
    return rows


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(settings: Settings) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "PA_DATA_DIR": str(settings.data_dir), "PA_TODAY": EVAL_DAY.isoformat()}
    process = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.5)
    process.kill()
    raise RuntimeError("the server did not start within 120 s")


def http_throughput(url: str, questions: list[str]) -> list[dict[str, Any]]:
    rows = []
    for clients in HTTP_CLIENTS:
        deadline = time.monotonic() + HTTP_TIME_LIMIT_SECONDS

        def worker(index: int, deadline: float = deadline) -> tuple[list[float], int]:
            latencies, errors = [], 0
            with httpx.Client(base_url=url, timeout=30) as http:
                for n in range(HTTP_REQUESTS_PER_CLIENT):
                    if time.monotonic() > deadline:
                        break
                    started = time.perf_counter()
                    response = http.post("/v1/chat", json={"message": questions[(index * 7 + n) % len(questions)]})
                    latencies.append(time.perf_counter() - started)
                    errors += response.status_code >= 500
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


def load_run(url: str, sessions: int = 32, turns: int = 50) -> dict[str, Any]:
    """Sessions that each follow up on their own figure; counts 5xx and answers that crossed sessions."""

    def converse(worker: int) -> tuple[list[float], int, int]:
        latencies, errors, crossed = [], 0, 0
        with httpx.Client(base_url=url, timeout=60) as http:
            session = http.post("/v1/chat", json={"message": "1类新药II期能拿多少？"}).json()["session_id"]
            for turn in range(turns):
                wan = 1000 + worker * 50 + turn
                started = time.perf_counter()
                response = http.post("/v1/chat", json={"message": f"研发投入改成{wan}万呢", "session_id": session})
                latencies.append(time.perf_counter() - started)
                if response.status_code >= 500:
                    errors += 1
                    continue
                amounts = [c["amount_yuan"] for c in response.json().get("calculations", [])]
                crossed += amounts != [wan * 10_000 * 40 // 100]
        return latencies, errors, crossed

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=sessions) as pool:
        results = list(pool.map(converse, range(sessions)))
    latencies = [x for r in results for x in r[0]]
    return {"sessions": sessions, "turns": turns, "seconds": time.perf_counter() - started,
            "errors_5xx": sum(r[1] for r in results), "wrong_or_crossed": sum(r[2] for r in results),
            "p50_ms": statistics.median(latencies) * 1000, "p95_ms": percentile(latencies, 0.95) * 1000}


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
    if report.get("scaling"):
        lines += ["", "| corpus | chunks | index build s | BM25 load s | search p50 ms | search p95 ms |", "|---|---|---|---|---|---|"]
        lines += [f"| {r['factor']}× | {r['chunks']} | {r['index_build_s']:.1f} | {r['bm25_load_s']:.2f} | "
                  f"{r['search']['p50_ms']:.1f} | {r['search']['p95_ms']:.1f} |" for r in report["scaling"]]
    if report.get("load"):
        load = report["load"]
        lines += ["", f"Load: {load['sessions']} sessions × {load['turns']} turns in {load['seconds']:.0f} s, "
                  f"p50 {load['p50_ms']:.0f} ms, p95 {load['p95_ms']:.0f} ms, 5xx {load['errors_5xx']}, "
                  f"wrong or crossed answers {load['wrong_or_crossed']}"]
    return "\n".join(lines) + "\n"


@app.command()
def main(
    scales: str = typer.Option("1,10,100", help="corpus multiples for the scaling curve"),
    http: bool = typer.Option(True, help="measure HTTP throughput at 1, 8 and 32 clients"),
    load: bool = typer.Option(False, "--load", help="add the 32 sessions × 50 turns load run"),
) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    questions = [item.question for item in load_items() if item.question]
    report: dict[str, Any] = {"date": datetime.now(UTC).date().isoformat(),
                              "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"}
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder), today=EVAL_DAY)
        print("in-process …")
        report["in_process"] = in_process(settings, questions)
        if http or load:
            server, url = start_server(settings)
            try:
                if http:
                    print("HTTP …")
                    report["http"] = http_throughput(url, questions)
                if load:
                    print("load run …")
                    report["load"] = load_run(url)
            finally:
                server.terminate()
                server.wait(timeout=30)
    factors = [int(f) for f in scales.split(",") if f.strip()]
    if factors:
        print("scaling …")
        report["scaling"] = scaling(Settings(data_dir=Path(tempfile.gettempdir())), questions, factors)
    text = markdown(report)
    target = Settings().data_dir
    target.mkdir(parents=True, exist_ok=True)
    (target / "bench.md").write_text(text, encoding="utf-8")
    (target / "bench.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(text)
    print(f"saved: {target / 'bench.md'}")


if __name__ == "__main__":
    app()
