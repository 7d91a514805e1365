"""What a public chat page receives: control characters, huge pastes, junk, script tags, bad JSON,
absurd amounts, other people's records. Each gets a clear 4xx (or a clean answer), never a 5xx."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.api.app import create_app
from assistant.conversation.intent import read_signals
from assistant.engine import InputError
from assistant.query import prepare
from index.normalise import normalise


@pytest.fixture(scope="module")
def client(settings, engine):
    with TestClient(create_app(settings, engine, mount_ui=False)) as test_client:
        yield test_client


def test_control_characters_are_stripped_and_the_question_still_answered(client):
    body = client.post("/v1/chat", json={"message": "伦理\x00审查\x07多久\x1b[31m？"}).json()
    assert body["status"] == "answered" and body["citations"][0]["chunk_id"] == "policy2024:10"


def test_a_message_of_only_control_characters_is_empty(client):
    response = client.post("/v1/chat", json={"message": "\x00\x01\x02"})
    assert response.status_code == 422 and "empty" in response.json()["error"]["message"]


@pytest.mark.parametrize("route", ["/v1/chat", "/v1/chat/completions", "/v1/search", "/v1/calculate"])
def test_a_200_kb_paste_is_413_on_every_route(client, route):
    response = client.post(route, content=b'{"message": "' + "药".encode() * 70_000 + b'"}',
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 413 and "bytes" in response.json()["error"]["message"]


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
    with TestClient(create_app(closed, engine, mount_ui=False)) as http:
        for method, path in (("GET", "/v1/staff/questions"), ("POST", "/v1/admin/reindex")):
            response = http.request(method, path, headers={"Authorization": "Bearer "})
            assert response.status_code == 401 and "disabled" in response.json()["error"]["message"]


def test_cors_is_closed_by_default_and_opens_only_to_configured_origins(settings, engine):
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    with TestClient(create_app(settings, engine, mount_ui=False)) as http:
        assert "access-control-allow-origin" not in http.options("/v1/chat", headers=preflight).headers
    opened = settings.model_copy(update={"cors_origins": ["https://portal.example"]})
    with TestClient(create_app(opened, engine, mount_ui=False)) as http:
        allowed = http.options("/v1/chat", headers={**preflight, "Origin": "https://portal.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://portal.example"
        assert "access-control-allow-origin" not in http.options("/v1/chat", headers=preflight).headers


def test_the_cli_refuses_a_bad_amount_with_a_message_and_a_non_zero_exit(settings, monkeypatch):
    from typer.testing import CliRunner

    from assistant.cli import app

    monkeypatch.setenv("PA_DATA_DIR", str(settings.data_dir))
    result = CliRunner().invoke(app, ["calc", "m05-drug-phase2", "base=-3000万"])
    assert result.exit_code == 2 and "error" in result.output.lower() and "Traceback" not in result.output


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_the_normaliser_and_the_router_never_raise(text):
    normalise(text)
    prepare(text)
    read_signals(text)


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
    response = client.post("/v1/feedback", json={"question_id": 2**63, "rating": "like"})
    assert response.status_code == 422
