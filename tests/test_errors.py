"""One error hierarchy, mapped once per surface: the API answers its code and status in the JSON
shape, the CLI prints its message and exits 2."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from assistant import errors
from assistant.amounts import AmountError
from assistant.api.errors import install_handlers
from assistant.rules.book import RuleBookError, UnknownRule
from assistant.rules.calculator import CalculationError
from assistant.service import UnknownQuestion
from assistant.settings import SettingsError

HIERARCHY = [
    (errors.InputError("the message is empty"), 422, "invalid_request"),
    (errors.MessageTooLong("the message has 2001 characters; the limit is 2000"), 413, "payload_too_large"),
    (CalculationError("rule m24-cmo does not take colour"), 422, "invalid_request"),
    (AmountError("'lots': not an amount"), 422, "invalid_request"),
    (UnknownRule("unknown rule id 'nope'"), 404, "unknown_rule"),
    (UnknownQuestion("no question 7"), 404, "not_found"),
    (errors.Unauthorized("a valid staff bearer token is required"), 401, "unauthorized"),
    (errors.TooManyRequests("try again in 5 s", headers={"Retry-After": "5"}), 429, "too_many_requests"),
    (errors.PayloadTooLarge("the request has 101 messages; the limit is 100"), 413, "payload_too_large"),
    (errors.Unavailable("the index is still loading"), 503, "unavailable"),
    (errors.IndexUnavailable("the index store (Chroma server) is unreachable"), 503, "index_unavailable"),
    (errors.ReindexFailed("the rebuild failed and the previous index keeps serving"), 500, "reindex_failed"),
    (SettingsError("PA_STAFF_TOKEN: too short"), 500, "invalid_configuration"),
    (RuleBookError("awards.yaml", "rule m24-cmo", "kind", "unknown"), 500, "invalid_configuration"),
]


@pytest.mark.parametrize(("raised", "status", "code"), HIERARCHY, ids=[type(e).__name__ for e, _, _ in HIERARCHY])
def test_every_product_error_reaches_an_api_client_as_its_code_and_status(raised, status, code):
    app = FastAPI()
    install_handlers(app)

    @app.get("/fails")
    def fails() -> None:
        raise raised

    response = TestClient(app).get("/fails")
    assert response.status_code == status
    assert response.json() == {"error": {"code": code, "message": str(raised)}}
    for name, value in raised.headers.items():
        assert response.headers[name] == value


@pytest.mark.parametrize(("command", "message"), [
    (["calc", "m99-nope"], "error: unknown rule id 'm99-nope'; known rules: "),
    (["calc", "m24-cmo", "--param", "colour=red"], "error: rule m24-cmo does not take colour; it takes: "),
    (["ask", " \x07 "], "error: the message is empty\n"),
])
def test_the_cli_prints_the_same_errors_as_one_line_and_exits_2(settings, monkeypatch, command, message):
    from assistant.cli import app

    monkeypatch.setenv("PA_DATA_DIR", str(settings.data_dir))
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 2, result.output
    assert result.output.startswith(message) and result.output.count("\n") == 1


def test_the_readme_error_table_lists_exactly_the_codes_the_api_answers():
    """One documented set: every code a product error or the API's own handlers answer, and no other."""
    import re
    from pathlib import Path

    from assistant.api.errors import STATUS_CODES, UNICODE_ERRORS
    from assistant.store.database import StoreUnavailable

    def codes(cls: type[errors.AssistantError]) -> set[str]:
        return {cls.code} | {code for sub in cls.__subclasses__() for code in codes(sub)}

    answered = (codes(errors.AssistantError) - {errors.AssistantError.code}) | set(STATUS_CODES.values()) | (
        UNICODE_ERRORS - {"string_unicode"})
    assert StoreUnavailable.code in answered and UnknownRule.code in answered
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| Status | `code` | When |"):]
    table = table[: table.index("\n\n")]
    documented = {code for row in table.splitlines()[2:] for code in re.findall(r"`([a-z_]+)`", row.split("|")[2])}
    assert documented == answered
