"""What a public chat page receives: control characters, huge pastes, junk, script tags, bad JSON,
absurd amounts, other people's records. Each gets a clear 4xx (or a clean answer), never a 5xx."""

from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.api.app import create_app
from assistant.conversation.understand import understand
from assistant.engine import InputError
from assistant.query import prepare
from index.documents import catalogue
from index.normalise import normalise


@pytest.fixture(scope="module")
def client(settings, engine):
    with TestClient(create_app(settings, engine)) as test_client:
        yield test_client


def test_control_characters_are_stripped_and_the_question_still_answered(client):
    body = client.post("/v1/chat", json={"message": "伦理\x00审查\x07多久\x1b[31m？"}).json()
    assert body["status"] == "answered" and body["citations"][0]["chunk_id"] == "policy2024:10"


def test_a_message_of_only_control_characters_is_empty(client):
    response = client.post("/v1/chat", json={"message": "\x00\x01\x02"})
    assert response.status_code == 422 and "empty" in response.json()["error"]["message"]


TOO_LARGE = {"error": {"code": "payload_too_large", "message": "request body over 64000 bytes"}}
JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize("route", ["/v1/chat", "/v1/chat/completions", "/v1/search", "/v1/calculate"])
def test_a_200_kb_paste_is_413_on_every_route(client, route):
    response = client.post(route, content=b'{"message": "' + "药".encode() * 70_000 + b'"}', headers=JSON)
    assert response.status_code == 413 and response.json() == TOO_LARGE


def _chunked(body: bytes, size: int = 4096):
    """A generator body: httpx sends it with Transfer-Encoding: chunked and no Content-Length."""
    for start in range(0, len(body), size):
        yield body[start : start + size]


@pytest.mark.parametrize("route", ["/v1/chat", "/v1/calculate", "/v1/feedback", "/gradio_api/queue/join"])
def test_a_chunked_body_is_counted_as_it_arrives_and_stopped_at_the_limit(live_server, route):
    body = b'{"message": "' + "药".encode() * 30_000 + b'"}'  # 90 KB, announced by no header
    response = httpx.post(live_server + route, content=_chunked(body), headers=JSON, timeout=30)
    assert "content-length" not in response.request.headers
    assert response.status_code == 413 and response.json() == TOO_LARGE


def test_a_chunked_body_under_the_limit_is_served(live_server):
    body = '{"message": "伦理审查多久"}'.encode()
    response = httpx.post(live_server + "/v1/chat", content=_chunked(body, size=5), headers=JSON, timeout=30)
    assert response.status_code == 200 and response.json()["citations"][0]["chunk_id"] == "policy2024:10"


def test_the_message_limit_counts_characters_after_normalisation(client):
    """U+FDFA is one character and 3 bytes, and 18 characters once NFKC-normalised."""
    response = client.post("/v1/chat", json={"message": "\ufdfa" * 2000})
    assert response.status_code == 413
    assert response.json() == {"error": {"code": "payload_too_large", "message":
                               "the message has 36000 characters after normalisation; the limit is 2000"}}


def test_a_message_one_character_over_the_limit_is_payload_too_large_like_any_size_limit(live_server):
    """A real server: 2001 characters is a 413 with the one size-limit code, not a code of its own."""
    response = httpx.post(live_server + "/v1/chat", json={"message": "伦" * 2001}, timeout=30)
    assert response.status_code == 413
    assert response.json() == {"error": {"code": "payload_too_large",
                                         "message": "the message has 2001 characters after normalisation; the limit is 2000"}}


def test_a_completions_request_is_bounded_in_messages(client):
    messages = [{"role": "user", "content": "伦理审查多久"}] * 101
    response = client.post("/v1/chat/completions", json={"messages": messages})
    assert response.status_code == 413
    assert response.json() == {"error": {"code": "payload_too_large",
                                         "message": "the request has 101 messages; the limit is 100"}}


def test_a_completions_request_is_bounded_in_text_after_normalisation(client):
    """2 × 1000 × U+FDFA and an ellipsis: 6 KB on the wire, 36003 characters once normalised."""
    messages = [{"role": "user", "content": "\ufdfa" * 1000}, {"role": "assistant", "content": "…"},
                {"role": "user", "content": [{"type": "text", "text": "\ufdfa" * 1000}]}]
    response = client.post("/v1/chat/completions", json={"messages": messages})
    assert response.status_code == 413
    assert response.json() == {"error": {"code": "payload_too_large", "message":
                               "the messages hold 36003 characters after Unicode normalisation; the limit is 32000"}}


@pytest.mark.parametrize(("text", "message"), [
    (None, "messages.0.content.0: a text part needs its text as a string"),
    (5, "messages.0.content.0.text: Input should be a valid string"),
    (["伦理审查多久"], "messages.0.content.0.text: Input should be a valid string"),
    ({"value": "伦理审查多久"}, "messages.0.content.0.text: Input should be a valid string"),
])
def test_a_content_part_whose_text_is_not_a_string_is_422(client, text, message):
    parts = [{"type": "text", "text": text}]
    response = client.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": parts}]})
    assert response.status_code == 422
    assert response.json() == {"error": {"code": "invalid_request", "message": message}}


@pytest.mark.parametrize(("content", "message"), [
    (5, "messages.0.content: content is a string, a list of content parts or null"),
    ([{"type": "video", "text": "x"}],
     "messages.0.content.0.type: Input should be 'text', 'image_url', 'input_audio', 'file' or 'refusal'"),
    (["伦理审查多久"], "messages.0.content.0: Input should be a valid dictionary or object to extract fields from"),
])
def test_content_of_the_wrong_shape_is_422(client, content, message):
    response = client.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": content}]})
    assert response.status_code == 422
    assert response.json() == {"error": {"code": "invalid_request", "message": message}}


def test_image_parts_are_ignored_and_text_parts_answered(client):
    parts = [{"type": "image_url", "image_url": {"url": "data:,"}}, {"type": "text", "text": "伦理审查多久"}]
    response = client.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": parts}]})
    assert response.status_code == 200 and "3周" in response.json()["choices"][0]["message"]["content"]


LONE = "text must be valid Unicode: it holds a lone surrogate (U+D800 to U+DFFF)"


@pytest.mark.parametrize(("route", "body", "where"), [
    ("/v1/chat", '{"message": "伦理\\ud800审查"}', "message"),
    ("/v1/chat", '{"message": "伦理审查多久", "session_id": "\\udfff"}', "session_id"),
    ("/v1/chat/stream", '{"message": "\\ud800"}', "message"),
    ("/v1/chat/completions", '{"messages": [{"role": "user", "content": "\\ud800"}]}', "messages.0.content.0.text"),
    ("/v1/chat/completions", '{"messages": [{"role": "user", "content": [{"type": "text", "text": "a\\udc00"}]}]}',
     "messages.0.content.0.text"),
    ("/v1/chat/completions", '{"model": "\\ud800", "messages": [{"role": "user", "content": "hi"}]}', "model"),
    ("/v1/search", '{"query": "\\ud800"}', "query"),
    ("/v1/calculate", '{"rule_id": "\\ud800"}', "rule_id"),
    ("/v1/calculate", '{"rule_id": "m05-drug-phase2", "inputs": {"base_yuan": "6000\\ud800万"}}', "inputs.base_yuan"),
    ("/v1/calculate", '{"rule_id": "m05-drug-phase2", "inputs": {"\\ud800": "1"}}', "inputs.\ufffd\ufffd\ufffd.[key]"),
    ("/v1/calculate", '{"items": [{"rule_id": "m05-drug-phase2", "inputs": {"base_yuan": "\\ud800"}}]}',
     "items.0.inputs.base_yuan"),
    ("/v1/calculate", '{"items": [{"rule_id": "m05-drug-phase2", "inputs": {"\\ud800": 1}}]}',
     "items.0.inputs.\ufffd\ufffd\ufffd.[key]"),
    ("/v1/feedback", '{"answer_id": "a", "feedback_token": "t", "rating": "like", "comment": "\\ud800"}', "comment"),
])
def test_a_lone_surrogate_in_any_string_of_any_route_is_422_invalid_text(client, route, body, where):
    response = client.post(route, content=body.encode(), headers=JSON)
    assert response.status_code == 422
    assert response.json() == {"error": {"code": "invalid_text", "message": f"{where}: {LONE}"}}


@pytest.mark.parametrize(("value", "kind"), [([1], "list"), ({"a": 1}, "dict")])
def test_a_nested_calculator_input_is_422(client, value, kind):
    response = client.post("/v1/calculate", json={"rule_id": "m05-drug-phase2", "inputs": {"base_yuan": value}})
    assert response.status_code == 422
    assert response.json() == {"error": {"code": "invalid_request", "message":
                               f"inputs.base_yuan: an input is text, a number, true/false or null, not {kind}"}}


@pytest.mark.parametrize("body", [b"{not json", b"\xff\xfe\x00binary", b"[]", b'{"message": null}'])
def test_invalid_json_and_wrong_types_are_422(client, body):
    response = client.post("/v1/chat", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


def test_openai_route_rejects_a_conversation_without_user_text(client):
    response = client.post("/v1/chat/completions", json={"model": "policy-assistant", "messages": [{"role": "system", "content": "hi"}]})
    assert response.status_code == 422 and "user message" in response.json()["error"]["message"]


@pytest.mark.parametrize("amount", ["-5000万", "0", "99999999亿", "lots", "1e400"])
def test_absurd_amounts_name_the_problem(client, amount):
    response = client.post("/v1/calculate", json={"rule_id": "m05-drug-phase2", "inputs": {"base_yuan": amount}})
    assert response.status_code == 422 and response.json()["error"]["message"]


def test_script_tags_come_back_as_inert_json_text(client):
    body = client.post("/v1/chat", json={"message": "<script>alert(1)</script>伦理审查多久"}).json()
    assert "<script>" not in body["answer"]


def test_the_question_log_is_never_on_a_public_route(client):
    secret = "我司机密管线XJ-42的III期投入8000万能拿多少？"
    client.post("/v1/chat", json={"message": secret})
    for path in ("/healthz", "/v1/rules", "/v1/documents", "/v1/models", "/v1/articles/policy2024:05", "/openapi.json"):
        assert "XJ-42" not in client.get(path).text
    assert client.get("/v1/staff/questions").status_code == 401


def test_routes_without_a_configured_token_are_disabled_not_open(settings, engine):
    closed = settings.model_copy(update={"staff_token": None, "admin_token": None})
    with TestClient(create_app(closed, engine)) as http:
        for method, path, what in (("GET", "/v1/staff/questions", "staff"), ("POST", "/v1/admin/reindex", "admin")):
            response = http.request(method, path, headers={"Authorization": "Bearer "})
            assert response.status_code == 401
            assert response.json() == {"error": {"code": "unauthorized", "message":
                                                 f"{what} routes are disabled: no {what} token is configured"}}


def test_cors_is_closed_by_default_and_opens_only_to_configured_origins(settings, engine):
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    with TestClient(create_app(settings, engine)) as http:
        assert "access-control-allow-origin" not in http.options("/v1/chat", headers=preflight).headers
    opened = settings.model_copy(update={"cors_origins": ["https://portal.example"]})
    with TestClient(create_app(opened, engine)) as http:
        allowed = http.options("/v1/chat", headers={**preflight, "Origin": "https://portal.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://portal.example"
        assert "access-control-allow-origin" not in http.options("/v1/chat", headers=preflight).headers


def test_the_cli_refuses_a_negative_amount_with_a_message_and_exit_2(settings, monkeypatch):
    """``--param base=-3000万`` as one argument, so the amount check itself refuses it (not Typer's parsing)."""
    from typer.testing import CliRunner

    from assistant.cli import app

    monkeypatch.setenv("PA_DATA_DIR", str(settings.data_dir))
    result = CliRunner().invoke(app, ["calc", "m05-drug-phase2", "--param", "base=-3000万"])
    assert result.exit_code == 2
    assert result.output == "error: base_yuan: '-3000万': an amount cannot be negative\n"


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_the_normaliser_and_the_understanding_step_never_raise(text):
    normalise(text)
    prepare(text)
    understand(text, "policy2024", catalogue())


@given(st.text(min_size=1, max_size=120))
@settings(max_examples=120, deadline=None)
def test_any_text_is_answered_or_refused_with_a_message(engine, text):
    try:
        answer = engine.ask(text)
    except InputError as error:
        assert str(error)
    else:
        assert answer.answer and answer.status


def test_a_question_id_beyond_sqlite_integers_is_422_not_500(client):
    """Found by schemathesis: an id of 2**63 overflowed SQLite."""
    response = client.post("/v1/feedback", json={"question_id": 2**63, "feedback_token": "t", "rating": "like"})
    assert response.status_code == 422 and response.json()["error"]["message"].startswith("question_id")


@pytest.mark.parametrize("route", ["/v1/chat", "/v1/search", "/v1/chat/completions", "/v1/match"])
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_a_body_not_sent_as_json_is_415_naming_the_content_type_it_needs(client, route, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post(route, content='{"message": "伦理审查多久"}'.encode(), headers=headers)
    assert response.status_code == 415
    error = response.json()["error"]
    assert error["code"] == "unsupported_media_type"
    assert "Content-Type: application/json" in error["message"] and (content_type or "none") in error["message"]


def test_a_json_body_that_is_not_an_object_says_so(client):
    response = client.post("/v1/chat", json=["伦理审查多久"])
    assert response.status_code == 422
    assert response.json() == {"error": {"code": "invalid_request", "message": "the request body must be a JSON object"}}


def test_a_json_media_type_with_a_charset_or_a_suffix_is_read_as_json(client):
    for content_type in ("application/json; charset=utf-8", "application/vnd.api+json"):
        response = client.post("/v1/chat", content='{"message": "伦理审查多久"}'.encode(),
                               headers={"Content-Type": content_type})
        assert response.status_code == 200, content_type


def test_documents_give_the_dates_their_texts_state_and_no_other(client):
    documents = {d["id"]: d for d in client.get("/v1/documents").json()["documents"]}
    main = documents["policy2024"]
    assert main["signed"] == "2024-07-15" and main["published"] is None  # 2024-07-30 is the repost's own date
    assert (main["valid_from"], main["valid_to"], main["status"]) == ("2024-08-01", "2029-07-31", "in_force")
    assert documents["repost20240730"]["published"] == "2024-07-30" and documents["repost20240730"]["same_as"] == "policy2024"
