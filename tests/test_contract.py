"""``/openapi.json`` is the contract: each success names its record, each error the one ``ErrorResponse``.

Integrators generate clients from it, so a route answering an untyped object or documenting FastAPI's
own validation shape (while the body is ``{"error": …}``) is a broken promise.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

ERROR_REF = "#/components/schemas/ErrorResponse"
EVENT_STREAM = "text/event-stream"
RECORDS = {"ChatAnswer", "Citation", "SearchResult", "Calculation", "AwardEstimate", "Step", "Verdict",
           "RuleInfo", "DocumentInfo", "ChatCompletion", "LoggedQuestion", "ErrorResponse"}


@pytest.fixture(scope="module")
def spec(settings, engine) -> dict:
    from assistant.api.app import create_app

    with TestClient(create_app(settings, engine)) as http:
        return http.get("/openapi.json").json()


def operations(spec: dict):
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def refs(schema: dict) -> list[str]:
    """The record names a response schema points at: one ``$ref`` or a union of them."""
    if "$ref" in schema:
        return [schema["$ref"]]
    return [ref for part in schema.get("anyOf", []) for ref in refs(part)]


def test_every_success_names_a_record_schema(spec):
    for where, operation in operations(spec):
        successes = {status: body for status, body in operation["responses"].items() if status.startswith("2")}
        assert successes, where
        for status, body in successes.items():
            content = body.get("content", {})
            if "application/json" in content:
                names = refs(content["application/json"]["schema"])
                assert names and all(n.startswith("#/components/schemas/") for n in names), (where, status, content)
            else:
                assert EVENT_STREAM in content, (where, status, content)


def test_every_error_status_is_the_error_response(spec):
    for where, operation in operations(spec):
        errors = {status: body for status, body in operation["responses"].items() if status[0] in "45"}
        for status, body in errors.items():
            assert body["content"]["application/json"]["schema"] == {"$ref": ERROR_REF}, (where, status)


def test_fastapis_own_validation_shape_is_not_documented(spec):
    assert not {"HTTPValidationError", "ValidationError"} & set(spec["components"]["schemas"])


def test_the_records_are_in_the_schema(spec):
    assert set(spec["components"]["schemas"]) >= RECORDS, RECORDS - set(spec["components"]["schemas"])
    answer = spec["components"]["schemas"]["ChatAnswer"]["properties"]
    assert {"session_id", "answer", "status", "citations", "calculations", "answer_id", "feedback_token"} <= set(answer)
    assert not {"guard_problems", "retrieved"} & set(answer), "internal fields stay out of the contract"
    calculation = spec["components"]["schemas"]["Calculation"]["properties"]
    assert calculation["amount_yuan"]["type"] == "integer"


def test_requests_with_a_body_document_413_and_422_and_guarded_routes_401_and_429(spec):
    for where, operation in operations(spec):
        statuses = set(operation["responses"])
        if "requestBody" in operation:
            assert {"413", "422"} <= statuses, where
        if "/staff/" in where or "/admin/" in where:
            assert {"401", "429"} <= statuses, where


def test_the_chat_route_answers_its_declared_record(settings, engine):
    """The served JSON validates against the schema the contract names (the public answer, no internals)."""
    from assistant.api.app import create_app
    from assistant.api.schemas import ChatAnswer

    with TestClient(create_app(settings, engine)) as http:
        body = http.post("/v1/chat", json={"message": "1类新药II期临床投入6000万能拿多少？"}).json()
    assert ChatAnswer.model_validate(body).calculations[0].amount_yuan == 20_000_000
    assert set(body) == set(ChatAnswer.model_fields)
