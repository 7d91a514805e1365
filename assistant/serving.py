"""Runs the service: one process serving the UI at ``/`` and the API under ``/v1``, or ``N`` API worker
processes plus the UI in one process of its own.

Why the UI gets its own process: Gradio keeps a browser session's queue in the memory of the process
that opened it, and its queue join and result stream are separate connections. Behind workers sharing a
socket they reach different processes and the call fails. So with several workers the UI runs in one
process on ``--ui-port`` (the API port's ``/`` redirects there) while the workers answer ``/v1``;
behind a load balancer, route the UI's paths to one UI process, or to several with sticky sessions.
Conversations, the question log and the index version live in the state store, so any API worker, on
any machine, continues any conversation.

Start-up order with several workers: the UI process is spawned first (it opens the index itself, building
it under the build lock when none serves), then the workers; the supervisor imports neither the engine
nor the UI, so nothing heavy runs before the workers start (it makes the index version's local snapshot
only when the machine has none yet). The UI process answers its page once its
engine is open and warms the engine in the background; an API worker is ready (``/healthz``) once warm.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from typing import TYPE_CHECKING

import uvicorn

from assistant.settings import Settings, load_settings
from assistant.thread_pools import limit_thread_pools, machine_threads

if TYPE_CHECKING:
    from fastapi import FastAPI

UI_PORT_ENV = "PA_UI_PORT"  # set by ``serve`` for its workers: where ``/`` sends a browser
# How long the supervisor waits for a worker to answer its ping before replacing it. A worker loading and
# warming its engine on a busy machine can hold the interpreter for several seconds; uvicorn's 5 s
# default then kills it mid-start, over and over.
WORKER_HEALTHCHECK_SECONDS = 60
# How long a process serving the UI waits on SIGTERM for open requests: a browser tab holds Gradio's
# event stream open for as long as it is open, which would otherwise hold a restart forever.
UI_SHUTDOWN_SECONDS = 5
PR_SET_PDEATHSIG = 1  # prctl option: the signal this process gets when its parent dies
_PARENT = os.getppid()  # read at import, i.e. as the worker starts


def api_app() -> FastAPI:
    """The app of one API worker (no UI), built from the environment; uvicorn calls it in each worker."""
    from starlette.requests import Request
    from starlette.responses import RedirectResponse

    from assistant.api.app import create_app

    _exit_with_parent()
    app = create_app(load_settings())
    ui_port = os.environ.get(UI_PORT_ENV)
    if ui_port:

        def to_the_ui(request: Request) -> RedirectResponse:
            return RedirectResponse(str(request.url.replace(port=int(ui_port), path="/")), status_code=307)

        app.add_route("/", to_the_ui, methods=["GET"], include_in_schema=False)  # a plain route: no annotations to resolve

    return app


def serve(settings: Settings, host: str, port: int, workers: int | None = None, ui_port: int | None = None) -> None:
    """Serves until interrupted: one process when ``workers`` (else ``PA_WORKERS``, else the machine's
    cores) is 1; otherwise that many API workers on ``port`` and the UI on ``ui_port`` (default ``port + 1``).
    The index is built first, once, when none serves, and its local snapshot made."""
    count = workers or settings.workers or machine_threads()
    if count == 1:
        from assistant.bootstrap import open_index
        from assistant.serve import create_served_app

        open_index(settings)  # builds under the build lock when no usable version serves
        uvicorn.run(create_served_app(settings), host=host, port=port, log_level="info",
                    timeout_graceful_shutdown=UI_SHUTDOWN_SECONDS)
        return
    ui_port = ui_port or port + 1
    os.environ[UI_PORT_ENV] = str(ui_port)
    ui = multiprocessing.get_context("spawn").Process(target=_serve_ui, args=(host, ui_port), name="policy-assistant-ui")
    ui.start()  # first: its start-up (Gradio, the engine) overlaps the index check and the workers' start
    try:
        _ensure_index(settings)
        from assistant.snapshots import ensure_snapshot

        ensure_snapshot(settings)  # every worker then starts from the version's local snapshot
        print(f"API on http://{host}:{port}/v1 ({count} workers); UI on http://{host}:{ui_port}/", flush=True)
        uvicorn.run("assistant.serving:api_app", factory=True, host=host, port=port, workers=count, log_level="info",
                    timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS)
    finally:
        ui.terminate()
        ui.join(timeout=30)


def _ensure_index(settings: Settings) -> None:
    """Returns at once when the state store names an active index version (a worker checks it is usable
    as it opens it); otherwise builds one under the build lock, or waits for the UI process building it,
    so that no worker spends its health-check time on a build."""
    from assistant.store import StoreUnavailable, store_engine
    from assistant.store.index_state import IndexState

    try:
        if IndexState(store_engine(settings)).active() is not None:
            return
    except StoreUnavailable:
        pass  # open_index says what is wrong with the store
    from assistant.bootstrap import open_index

    open_index(settings)


def _serve_ui(host: str, port: int) -> None:
    """The UI process: answers its page as soon as the engine is open; the warm-up (embedder weights,
    jieba's dictionaries, BM25) runs in a background thread, so only a first question asked within
    those seconds waits for it."""
    from assistant.engine import Engine
    from assistant.serve import create_served_app

    _exit_with_parent()
    settings = load_settings()
    limit_thread_pools(settings.blas_threads)
    engine = Engine.from_settings(settings)  # builds under the build lock when no usable version serves
    app = create_served_app(settings, engine)
    threading.Thread(target=engine.warm_up, name="ui-warm-up", daemon=True).start()
    uvicorn.run(app, host=host, port=port, log_level="info", timeout_graceful_shutdown=UI_SHUTDOWN_SECONDS)


def _exit_with_parent() -> None:
    """On Linux, a worker or UI process is sent SIGTERM when ``serve`` dies, even by ``kill -9``: no orphan
    keeps answering on the port with an engine nobody supervises."""
    if not sys.platform.startswith("linux"):
        return
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != _PARENT:  # the parent died before the line above
        os.kill(os.getpid(), signal.SIGTERM)
