"""What ``policy-assistant serve`` runs: the API under ``/v1`` with the Gradio UI mounted at ``/``.

The API package never imports the UI; this entry point joins the two surfaces over one ``Service``
(one engine, one question log). Unknown paths and oversized bodies answer in the API's error shape
even under the UI.
"""

from __future__ import annotations

import os

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Mount

from assistant.api.app import create_app
from assistant.api.body_limit import BodyTooLarge
from assistant.api.errors import on_http, unrouted
from assistant.engine import Engine
from assistant.service import Service
from assistant.settings import Settings

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
# How often Gradio's queue looks for a new UI event while none waits, and for progress to send. Its Linux
# defaults (every 1 ms and 10 ms) woke the UI process about a thousand times a second: 4–5% of a core
# with nobody on the page (44 ms of CPU a second, measured), a share of every chat the API workers
# answered beside it. A UI event now waits at most 20 ms longer to start.
UI_QUEUE_POLL_SECONDS = 0.02
UI_PROGRESS_POLL_SECONDS = 0.1


def create_served_app(settings: Settings, engine: Engine | None = None) -> FastAPI:
    """The API and the UI in one app; loads the engine now (the UI lists the rules when it is built)."""
    from ui.app import mount_ui

    app = create_app(settings, engine)
    service: Service = app.state.service
    service.start()
    app = mount_ui(app, service)
    ui = next(route.app for route in app.routes if isinstance(route, Mount) and route.path == "")

    async def on_ui_http(request: Request, exc: Exception) -> Response:
        """Unknown paths and oversized bodies get the API's JSON shape; the UI's own errors stay its own."""
        assert isinstance(exc, StarletteHTTPException)
        if isinstance(exc, BodyTooLarge) or unrouted(exc):
            return await on_http(request, exc)
        return await http_exception_handler(request, exc)

    ui.add_exception_handler(StarletteHTTPException, on_ui_http)  # type: ignore[attr-defined]
    queue = ui.get_blocks()._queue  # type: ignore[attr-defined]  # Gradio offers no setting for these two
    queue.sleep_when_free = UI_QUEUE_POLL_SECONDS
    queue.progress_update_sleep_when_free = UI_PROGRESS_POLL_SECONDS
    return app
