"""Runs the service: one process serving the UI at ``/`` and the API under ``/v1``, or ``N`` API worker
processes plus the UI in one process of its own.

Why the UI gets its own process: Gradio keeps a browser session's queue in the memory of the process
that opened it, and its queue join and result stream are separate connections. Behind workers sharing a
socket they reach different processes and the call fails. So with several workers the UI runs in one
process on ``--ui-port`` (the API port's ``/`` redirects there) while the workers answer ``/v1``;
behind a load balancer, route the UI's paths to one UI process, or to several with sticky sessions.
Conversations, the question log and the index version live in the state store, so any API worker, on
any machine, continues any conversation.

Start-up with several workers, ordered so that a second start is quick: the supervisor checks that an
index version is active (a build, on a fresh data dir, runs in a process of its own, so that no Chroma
client exists before a fork), imports the engine's modules, forks the UI process (which imports Gradio,
opens the index and answers its page, then warms its engine in the background), loads the read-only data
every worker needs (``assistant.preload``: the embedder's weights, jieba, the YAML data) and only then
forks the API workers (gunicorn's process manager with uvicorn's worker). Each worker opens its own state
store and Chroma client after the fork and is ready (``/healthz``) once warm, which then takes a few
tenths of a second instead of seconds. What a second start does less than a first: the embedder's
weights and jieba's dictionary are read back, as loaded, from ``<data dir>/cache`` (``index.load_cache``;
1.7 s of parsing becomes 0.3 s); the garbage collector, which finds nothing to free while a process
starts, is paused until each process serves; Gradio is imported without rewriting its type stubs
(``ui.gradio_import``); and the UI process warms its engine only once it serves its page.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from typing import TYPE_CHECKING, Any

import uvicorn
from gunicorn.app.base import BaseApplication

from assistant.settings import Settings, load_settings
from assistant.thread_pools import limit_thread_pools, machine_threads

if TYPE_CHECKING:
    from fastapi import FastAPI

    from assistant.engine import Engine
    from assistant.preload import Embedder

UI_PORT_ENV = "PA_UI_PORT"  # set by ``serve`` for its workers: where ``/`` sends a browser
# How long the supervisor waits for a worker to answer its ping before replacing it. A worker loading and
# warming its engine on a busy machine can hold the interpreter for several seconds; uvicorn's 5 s
# default then kills it mid-start, over and over.
WORKER_HEALTHCHECK_SECONDS = 60
# How long a process serving the UI waits on SIGTERM for open requests: a browser tab holds Gradio's
# event stream open for as long as it is open, which would otherwise hold a restart forever.
UI_SHUTDOWN_SECONDS = 5
PR_SET_PDEATHSIG = 1  # prctl option: the signal this process gets when its parent dies
KEEP_ALIVE_SECONDS = 5  # an idle keep-alive connection is closed after this (uvicorn's default)
UVICORN_STARTUP_FAILURE = 3  # the exit code ``uvicorn.run`` gives a server that could not start
SERVING_POLL_SECONDS = 0.05  # how often the UI's warm-up looks whether the server listens yet
WORKER_CLASS = "uvicorn_worker.UvicornWorker"
_supervisor = os.getppid()  # the process whose death ends this one; ``serve`` sets itself before it forks
_preloaded: Embedder | None = None  # the supervisor's loaded embedder, inherited by the workers it forks


def api_app() -> FastAPI:
    """The app of one API worker (no UI), built from the environment; uvicorn calls it in each worker."""
    from starlette.requests import Request
    from starlette.responses import RedirectResponse

    from assistant.api.app import create_app

    _exit_with_parent()
    app = create_app(load_settings(), embedder=_preloaded)
    ui_port = os.environ.get(UI_PORT_ENV)
    if ui_port:

        def to_the_ui(request: Request) -> RedirectResponse:
            return RedirectResponse(str(request.url.replace(port=int(ui_port), path="/")), status_code=307)

        app.add_route("/", to_the_ui, methods=["GET"], include_in_schema=False)  # a plain route: no annotations to resolve

    return app


def serve(settings: Settings, host: str, port: int, workers: int | None = None, ui_port: int | None = None) -> None:
    """Serves until interrupted: one process when ``workers`` (else ``PA_WORKERS``, else the machine's
    cores) is 1; otherwise that many API workers on ``port`` and the UI on ``ui_port`` (default ``port + 1``).
    The index is built first, once, when none serves."""
    count = workers or settings.workers or machine_threads()
    ui_port = port if count == 1 else ui_port or port + 1
    print(where_served(host, port, ui_port), flush=True)
    if count == 1:
        from assistant.bootstrap import open_index
        from assistant.preload import cache_loads
        from assistant.serve import create_served_app

        cache_loads(settings)  # this process reads its loaded data back from the data dir
        open_index(settings)  # builds under the build lock when no usable version serves
        gc.disable()  # until this process serves: see ``_settle_heap``
        app = create_served_app(settings)
        _settle_heap()
        uvicorn.run(app, host=host, port=port, log_level="info", timeout_graceful_shutdown=UI_SHUTDOWN_SECONDS)
        return
    global _supervisor, _preloaded
    gc.disable()  # until each process serves (an index build runs in a process of its own): see ``_settle_heap``
    from assistant.preload import cache_loads, preload

    cache_loads(settings)  # every process of this service reads its loaded data back from the data dir
    os.environ[UI_PORT_ENV] = str(ui_port)
    _supervisor = os.getpid()
    _ensure_index(settings)
    import assistant.serve  # noqa: F401 - the modules every child uses, imported once before the forks

    sys.stdout.flush()
    sys.stderr.flush()
    ui = multiprocessing.get_context("fork").Process(target=_serve_ui, args=(host, ui_port), name="policy-assistant-ui")
    ui.start()  # first: Gradio's imports and the page overlap the preload and the workers' start
    try:
        _preloaded = preload(settings)
        _settle_heap()  # before the forks: the workers inherit the frozen heap and collect only their own objects
        _Workers({
            "bind": f"{host}:{port}", "workers": count, "worker_class": WORKER_CLASS,
            "timeout": WORKER_HEALTHCHECK_SECONDS, "keepalive": KEEP_ALIVE_SECONDS, "loglevel": "info",
            "accesslog": "-", "preload_app": False, "control_socket_disable": True,
        }).run()
    finally:
        ui.terminate()
        ui.join(timeout=30)


def where_served(host: str, port: int, ui_port: int) -> str:
    """The line ``serve`` prints first: the page's address (the UI process's port when several workers
    serve) and the API's."""
    return (f"Serving on http://{host}:{ui_port}/ (chat, calculator and hotline desk) and the API on "
            f"http://{host}:{port}/v1 (docs at http://{host}:{port}/docs)")


class _Workers(BaseApplication):
    """gunicorn's process manager over ``api_app`` workers: forks them from this process (so they inherit
    the preloaded data), replaces one that dies or stops answering its heartbeat, stops them on SIGTERM."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> FastAPI:
        return api_app()


def _ensure_index(settings: Settings) -> None:
    """Returns at once when the state store names an active index version (a worker checks it is usable
    as it opens it); otherwise builds one under the build lock (or waits for another builder) in a process
    of its own, so that this process forks its children holding neither a Chroma client nor a database
    connection. Raises ``SystemExit`` with the builder's exit code when the build fails."""
    from assistant.store import StoreUnavailable, store_engine
    from assistant.store.database import close_database, resolve_url
    from assistant.store.index_state import IndexState

    url = resolve_url(settings.database_url.get_secret_value() if settings.database_url else None, settings.data_dir)
    try:
        if IndexState(store_engine(settings)).active() is not None:
            return
    except StoreUnavailable:
        pass  # the builder's open_index says what is wrong with the store
    finally:
        close_database(url)
    builder = multiprocessing.get_context("spawn").Process(target=_build_index, name="policy-assistant-index")
    builder.start()
    builder.join()
    if builder.exitcode != 0:
        raise SystemExit(builder.exitcode or 1)


def _build_index() -> None:
    from assistant.bootstrap import open_index

    open_index(load_settings())


def _serve_ui(host: str, port: int) -> None:
    """The UI process (forked by ``serve``): answers its page as soon as the engine is open; the warm-up
    (embedder weights, jieba's dictionaries, BM25) runs in a background thread once the page is served
    (started earlier, it holds the interpreter while the server starts: 0.6 s measured), so only a first
    question asked within those seconds waits for it. Exits with uvicorn's start-up failure code (3)
    when the server cannot start."""
    from assistant.engine import Engine
    from assistant.serve import create_served_app

    _exit_with_parent()
    settings = load_settings()
    limit_thread_pools(settings.blas_threads)
    engine = Engine.from_settings(settings)  # builds under the build lock when no usable version serves
    app = create_served_app(settings, engine)
    _settle_heap()
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="info",
                                           timeout_graceful_shutdown=UI_SHUTDOWN_SECONDS))
    threading.Thread(target=_warm_once_serving, args=(server, engine), name="ui-warm-up", daemon=True).start()
    server.run()
    if not server.started:
        sys.exit(UVICORN_STARTUP_FAILURE)


def _warm_once_serving(server: uvicorn.Server, engine: Engine) -> None:
    """Warms ``engine`` once ``server`` listens; returns without warming when it stops first."""
    while not server.started:
        if server.should_exit:
            return
        time.sleep(SERVING_POLL_SECONDS)
    engine.warm_up()


def _settle_heap() -> None:
    """Ends the start-up's pause of the cyclic garbage collector (``serve`` pauses it first): a start
    creates a few million objects (the imports, jieba's dictionary, the YAML data) and frees almost none,
    so the collections it would otherwise run (a few tenths of a second of CPU, more on a busy machine)
    find nothing. What exists now is moved out of the collector's sight for good (``gc.freeze``): later
    collections look at new objects only, and a forked worker does not touch, and so copy, the pages
    of the memory it shares with its parent."""
    gc.freeze()
    gc.enable()


def _exit_with_parent() -> None:
    """On Linux, a worker or UI process is sent SIGTERM when ``serve`` dies, even by ``kill -9``: no orphan
    keeps answering on the port with an engine nobody supervises."""
    if not sys.platform.startswith("linux"):
        return
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != _supervisor:  # the supervisor died before the line above
        os.kill(os.getpid(), signal.SIGTERM)
