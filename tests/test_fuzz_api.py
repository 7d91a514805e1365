"""Schemathesis against the app's own OpenAPI schema: no generated request may get a 5xx, and every
response, success or error, must match what ``/openapi.json`` declares for it (status, content type,
headers and body schema). Runs in-process (ASGI), over the real engine; bounded to a few examples per
operation so the run takes about a minute."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from assistant.api.app import create_app

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]


@pytest.fixture(scope="module")
def api_schema(settings, engine):
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(settings, engine))


def test_every_generated_request_gets_a_documented_response_and_no_server_error(api_schema):
    """Each operation of the schema, fuzzed (schemathesis' own pytest plugin does not load under this pytest)."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 12
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def fuzz(case) -> None:
            response = case.call()
            case.validate_response(response, checks=CHECKS)
            if 400 <= response.status_code < 500:
                error = response.json()["error"]
                assert error["message"] and error["code"], f"{case.method} {case.formatted_path}"

        fuzz()
