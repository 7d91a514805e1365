"""Load on the real server over 127.0.0.1: concurrent sessions, several turns each, no 5xx, no answer
crossing sessions, sessions bounded afterwards. CI runs this shorter variant; `eval/bench.py --load`
runs 32 sessions × 50 turns and prints the figures."""

from __future__ import annotations

import statistics
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from eval.runner import percentile

pytestmark = pytest.mark.slow

SESSIONS, TURNS = 16, 8


def converse(base_url: str, worker: int) -> list[float]:
    """One enterprise: asks for Phase II, gives its own R&D figure, then changes it each turn."""
    latencies = []
    with httpx.Client(base_url=base_url, timeout=60) as http:
        first = http.post("/v1/chat", json={"message": "1类新药II期能拿多少？"})
        assert first.status_code == 200, first.text
        session = first.json()["session_id"]
        for turn in range(TURNS):
            wan = 1000 + worker * 100 + turn  # this session's own figure, in 万元 (base below the cap's 5000万)
            response = http.post("/v1/chat", json={"message": f"研发投入改成{wan}万呢", "session_id": session})
            assert response.status_code == 200, response.text
            body = response.json()
            latencies.append(response.elapsed.total_seconds())
            assert body["session_id"] == session
            expected = wan * 10_000 * 40 // 100
            assert [c["amount_yuan"] for c in body["calculations"]] == [expected], (worker, turn, body["answer"][:200])
    return latencies


def test_concurrent_sessions_never_cross_and_never_fail(live_server, engine):
    with ThreadPoolExecutor(max_workers=SESSIONS) as pool:
        results = list(pool.map(lambda w: converse(live_server, w), range(SESSIONS)))
    latencies = [x for r in results for x in r]
    p95 = percentile(latencies, 0.95)
    print(f"\n{len(latencies)} turns, p50 {statistics.median(latencies) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms")
    assert len(engine.sessions) <= engine.settings.max_sessions
