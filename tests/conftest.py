"""Shared fixtures: the real index built once per session; no outbound network, ever.

Only an LLM would be faked; everything here (Chroma, BM25, the USE encoder, FastAPI) is real.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ["ANONYMIZED_TELEMETRY"] = "False"

TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def no_outbound_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hidden hub download or telemetry call fails loudly instead of passing offline-by-luck."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else str(address)
        if isinstance(host, str) and (host.startswith("127.") or host in {"localhost", "::1"} or
                                      self.family == socket.AF_UNIX):
            return real_connect(self, address)
        raise RuntimeError(f"outbound network blocked in tests: {address}")

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="session")
def settings(data_dir: Path):
    from pydantic import SecretStr

    from assistant.settings import Settings

    return Settings(data_dir=data_dir, today=TODAY, staff_token=SecretStr("staff-secret-0123456789"),
                    admin_token=SecretStr("admin-secret-0123456789"))


@pytest.fixture(scope="session")
def engine(settings):
    from assistant.engine import Engine

    return Engine.from_settings(settings)


@pytest.fixture(scope="session")
def live_server(settings, engine):
    """The real app (API + UI) served by uvicorn on 127.0.0.1 in a background thread."""
    import threading
    import time

    import uvicorn

    from assistant.serve import create_served_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_served_app(settings, engine), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The PostgreSQL server `.ci/run` starts (``PA_TEST_DATABASE_URL``, see ``scripts/postgres.sh``).

    Without one the test is skipped, except under CI (``PA_REQUIRE_POSTGRES=1``), where it fails.
    """
    url = os.environ.get("PA_TEST_DATABASE_URL")
    if not url:
        if os.environ.get("PA_REQUIRE_POSTGRES"):
            pytest.fail("PA_REQUIRE_POSTGRES is set but no server is: PA_TEST_DATABASE_URL is empty")
        pytest.skip("no PostgreSQL server (eval \"$(bash scripts/postgres.sh start)\" as root starts one)")
    return url


@pytest.fixture
def postgres_database(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on that server for one test, dropped afterwards."""
    import psycopg
    from sqlalchemy.engine import make_url

    from assistant.store.database import close_database, resolve_url

    name = f"pa_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    yield url
    close_database(resolve_url(url, Path(".")))
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_settings(request: pytest.FixtureRequest, settings, tmp_path: Path):
    """Settings whose state store is new and empty: SQLite in a fresh data dir, or a fresh PostgreSQL
    database on the server `.ci/run` starts. Store tests run once on each."""
    from pydantic import SecretStr

    update: dict[str, object] = {"data_dir": tmp_path / "data"}
    if request.param == "postgresql":
        update["database_url"] = SecretStr(request.getfixturevalue("postgres_database"))
    return settings.model_copy(update=update)
