"""The OpenAI-compatible endpoint's refusals, and a body that is not JSON on any route, against the real
app served by uvicorn on 127.0.0.1: each answered with its 4xx status in the API's error shape."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.slow

ASK = [{"role": "user", "content": "伦理审查多久"}]
JSON = {"Content-Type": "application/json"}


def _post(base: str, path: str, **kwargs) -> httpx.Response:
    return httpx.post(base + path, timeout=60, **kwargs)


def test_the_models_list_names_the_one_model_served(live_server):
    models = httpx.get(live_server + "/v1/models", timeout=30)
    assert models.status_code == 200 and [m["id"] for m in models.json()["data"]] == ["policy-assistant"]


@pytest.mark.parametrize("model", ["gpt-4o", "Policy-Assistant", ""])
def test_an_unknown_model_is_404_naming_the_model_served(live_server, model):
    response = _post(live_server, "/v1/chat/completions", json={"model": model, "messages": ASK})
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "model_not_found", "message":
                                         f"no model {model!r} is served here; the model is 'policy-assistant' (GET /v1/models)"}}


@pytest.mark.parametrize("n", [3, 0, -1, 2])
def test_more_than_one_choice_is_refused_not_silently_one(live_server, n):
    response = _post(live_server, "/v1/chat/completions", json={"model": "policy-assistant", "messages": ASK, "n": n})
    assert response.status_code == 422
    assert response.json() == {"error": {"code": "invalid_request",
                                         "message": f"n: only n=1 is served (one answer per question), not {n}"}}


@pytest.mark.parametrize("n", ["1", 1.0, True])
def test_n_must_be_a_json_integer(live_server, n):
    response = _post(live_server, "/v1/chat/completions", json={"model": "policy-assistant", "messages": ASK, "n": n})
    assert response.status_code == 422
    assert response.json() == {"error": {"code": "invalid_request", "message": "n: Input should be a valid integer"}}


@pytest.mark.parametrize("stream", ["yes", "true", 1, "false"])
def test_stream_must_be_a_json_boolean(live_server, stream):
    """"yes" was once read as true (and "false" would have been read as false): only true/false are taken."""
    response = _post(live_server, "/v1/chat/completions",
                     json={"model": "policy-assistant", "messages": ASK, "stream": stream})
    assert response.status_code == 422
    assert response.json() == {"error": {"code": "invalid_request", "message": "stream: Input should be a valid boolean"}}


@pytest.mark.parametrize("extra", [{}, {"n": 1}, {"n": None, "stream": None}, {"stream": False}])
def test_the_default_model_one_choice_and_no_stream_answer(live_server, extra):
    response = _post(live_server, "/v1/chat/completions", json={"model": "policy-assistant", "messages": ASK, **extra})
    assert response.status_code == 200, response.text
    body = response.json()
    assert len(body["choices"]) == 1 and "3周" in body["choices"][0]["message"]["content"]
    assert body["model"] == "policy-assistant"


def test_a_streamed_completion_still_streams(live_server):
    response = _post(live_server, "/v1/chat/completions", json={"model": "policy-assistant", "messages": ASK, "stream": True})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
    assert response.text.rstrip().endswith("data: [DONE]")


@pytest.mark.parametrize("route", ["/v1/chat", "/v1/chat/completions", "/v1/search", "/v1/calculate", "/v1/feedback"])
@pytest.mark.parametrize(("body", "reason"), [
    (b"hello", "Expecting value (at character 0)"),
    ('{"message": "伦理审查多久",}'.encode(), "Expecting property name enclosed in double quotes (at character 21)"),
    (b'{"message": "x"', "Expecting ',' delimiter (at character 15)"),
])
def test_a_body_that_is_not_json_is_422_saying_so(live_server, route, body, reason):
    response = _post(live_server, route, content=body, headers=JSON)
    assert response.status_code == 422
    assert response.json() == {"error": {"code": "invalid_request", "message": f"the request body is not valid JSON: {reason}"}}
