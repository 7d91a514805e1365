"""The FastAPI app: the contract of DESIGN.md, one router per resource, errors in one JSON shape.

``/openapi.json`` is the contract: every route declares its response model (the engine's records)
and its error responses (``ErrorResponse``). The UI is mounted by the serving entry point
(``assistant.serve``), not here. Tests build the API with ``create_app(settings, engine)``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import Response
from fastapi.routing import APIRoute
from starlette.routing import Match

from assistant.api.body_limit import BodyLimit
from assistant.api.errors import error, install_handlers
from assistant.api.routes import ROUTERS
from assistant.engine import Engine
from assistant.service import Service
from assistant.settings import Settings
from assistant.thread_pools import limit_request_threads
from assistant.tokens import TokenGuard, WrongTokenThrottle

if TYPE_CHECKING:
    from assistant.preload import Embedder

ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


def create_app(settings: Settings, engine: Engine | None = None, embedder: Embedder | None = None) -> FastAPI:
    """The API over ``engine`` (or, when None, one loaded at start-up with ``embedder`` when given, building
    the index when missing)."""
    service = Service(settings, engine, embedder=embedder)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        limit_request_threads(settings.answering_threads)
        service.start()
        yield

    app = FastAPI(
        title="policy-assistant",
        version="0.1.0",
        description="Cited answers and exact award ceilings for Shanghai's biomedicine industry policies.",
        lifespan=lifespan,
    )
    throttle = WrongTokenThrottle(settings.token_failures_per_minute)
    app.state.service = service
    app.state.staff_guard = TokenGuard(settings.staff_token, "staff", throttle)
    app.state.admin_guard = TokenGuard(settings.admin_token, "admin", throttle)
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    if settings.cors_origins:  # added last, so outermost: a 413 carries the CORS headers too
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    install_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    routes = [route for router in ROUTERS for route in router.routes if isinstance(route, APIRoute)]

    @app.api_route("/v1/{path:path}", methods=ALL_METHODS, include_in_schema=False)
    def no_such_route(request: Request) -> Response:
        """Unknown /v1 paths end here rather than in a UI mounted at ``/``: 405 or 404, in our shape."""
        allowed = sorted({method for route in routes if route.matches(request.scope)[0] is Match.PARTIAL
                          for method in route.methods or ()})
        if allowed:
            return error(405, "method_not_allowed", f"{request.method} is not allowed on {request.url.path}",
                         {"Allow": ", ".join(allowed)})
        return error(404, "not_found", f"no route {request.method} {request.url.path}")

    return app
