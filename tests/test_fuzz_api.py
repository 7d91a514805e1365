"""Schemathesis against the app's own OpenAPI schema: no generated request may get a 5xx, and every
4xx carries the JSON error shape of DESIGN.md. Runs in-process (ASGI), over the real engine."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from assistant.api.app import create_app


@pytest.fixture(scope="module")
def api_schema(settings, engine):
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(settings, engine))


def test_no_generated_request_gets_a_server_error(api_schema):
    """Each operation of the schema, fuzzed (schemathesis' own pytest plugin does not load under this pytest)."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def fuzz(case) -> None:
            response = case.call()
            where = f"{case.method} {case.formatted_path}"
            assert response.status_code < 500, f"{where}: {response.status_code} {response.text[:300]}"
            if 400 <= response.status_code < 500:
                error = response.json()["error"]
                assert error["message"] and error["code"], where

        fuzz()
