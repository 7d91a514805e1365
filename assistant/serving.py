"""Runs the service: one process serving the UI at ``/`` and the API under ``/v1``, or ``N`` API worker
processes plus the UI in one process of its own.

Why the UI gets its own process: Gradio keeps a browser session's queue in the memory of the process
that opened it, and its queue join and result stream are separate connections. Behind workers sharing a
socket they reach different processes and the call fails. So with several workers the UI runs in one
process on ``--ui-port`` (the API port's ``/`` redirects there) while the workers answer ``/v1``;
behind a load balancer, route the UI's paths to one UI process, or to several with sticky sessions.
Conversations, the question log and the index version live in the state store, so any API worker, on
any machine, continues any conversation.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse

from assistant.api.app import create_app
from assistant.bootstrap import open_index, save_snapshot
from assistant.serve import create_served_app
from assistant.settings import Settings, load_settings
from assistant.thread_pools import machine_threads

UI_PORT_ENV = "PA_UI_PORT"  # set by ``serve`` for its workers: where ``/`` sends a browser
# How long the supervisor waits for a worker to answer its ping before replacing it. A worker loading and
# warming its engine on a busy machine can hold the interpreter for several seconds; uvicorn's 5 s
# default then kills it mid-start, over and over.
WORKER_HEALTHCHECK_SECONDS = 60
PR_SET_PDEATHSIG = 1  # prctl option: the signal this process gets when its parent dies
_PARENT = os.getppid()  # read at import, i.e. as the worker starts


def api_app() -> FastAPI:
    """The app of one API worker (no UI), built from the environment; uvicorn calls it in each worker."""
    _exit_with_parent()
    app = create_app(load_settings())
    ui_port = os.environ.get(UI_PORT_ENV)
    if ui_port:

        @app.get("/", include_in_schema=False)
        def to_the_ui(request: Request) -> RedirectResponse:
            return RedirectResponse(str(request.url.replace(port=int(ui_port), path="/")), status_code=307)

    return app


def serve(settings: Settings, host: str, port: int, workers: int | None = None, ui_port: int | None = None) -> None:
    """Serves until interrupted: one process when ``workers`` (else ``PA_WORKERS``, else the machine's
    cores) is 1; otherwise that many API workers on ``port`` and the UI on ``ui_port`` (default ``port + 1``).
    The index is built first, once, when none serves, and its local snapshot made."""
    count = workers or settings.workers or machine_threads()
    opened = open_index(settings)  # builds under the build lock when no usable version serves
    save_snapshot(settings, opened)  # so every worker starts from the local snapshot
    if count == 1:
        uvicorn.run(create_served_app(settings), host=host, port=port, log_level="info")
        return
    ui_port = ui_port or port + 1
    os.environ[UI_PORT_ENV] = str(ui_port)
    ui = multiprocessing.get_context("spawn").Process(target=_serve_ui, args=(host, ui_port), name="policy-assistant-ui")
    ui.start()
    try:
        print(f"API on http://{host}:{port}/v1 ({count} workers); UI on http://{host}:{ui_port}/", flush=True)
        uvicorn.run("assistant.serving:api_app", factory=True, host=host, port=port, workers=count, log_level="info",
                    timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS)
    finally:
        ui.terminate()
        ui.join(timeout=30)


def _serve_ui(host: str, port: int) -> None:
    _exit_with_parent()
    uvicorn.run(create_served_app(load_settings()), host=host, port=port, log_level="info")


def _exit_with_parent() -> None:
    """On Linux, a worker or UI process is sent SIGTERM when ``serve`` dies, even by ``kill -9``: no orphan
    keeps answering on the port with an engine nobody supervises."""
    if not sys.platform.startswith("linux"):
        return
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != _PARENT:  # the parent died before the line above
        os.kill(os.getpid(), signal.SIGTERM)
