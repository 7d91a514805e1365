"""What routes depend on, in one place: the service, the engine in use, the settings, and the bearer
tokens of the staff and admin routes. Each reads the app's state, set once by ``create_app``.

FastAPI runs a plain ``def`` (route or dependency) in a worker thread, one hand-over per call; lookups
are ``async def`` so a request hands over once, for the work that needs a thread (answering, searching).
``get_engine`` stays a thread's: following a new index version loads it."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request

from assistant.engine import Engine
from assistant.service import Service
from assistant.settings import Settings
from assistant.tokens import TokenGuard


async def get_service(request: Request) -> Service:
    """The app's ``Service`` (async: a lookup, not worth a worker thread per request)."""
    service: Service = request.app.state.service
    return service


def get_engine(service: Annotated[Service, Depends(get_service)]) -> Engine:
    """The engine in use; raises ``Unavailable`` (503) while the index is loading."""
    return service.engine


async def get_settings(service: Annotated[Service, Depends(get_service)]) -> Settings:
    """The settings the app was made with."""
    return service.settings


def client_of(request: Request) -> str:
    """The caller's address (what wrong tokens are throttled by)."""
    return request.client.host if request.client else "unknown"


def require_staff(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """The staff bearer token; raises ``Unauthorized`` (401) or ``TooManyRequests`` (429)."""
    guard: TokenGuard = request.app.state.staff_guard
    guard.check(client_of(request), authorization)


def require_admin(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """The admin bearer token; raises ``Unauthorized`` (401) or ``TooManyRequests`` (429)."""
    guard: TokenGuard = request.app.state.admin_guard
    guard.check(client_of(request), authorization)


ServiceDep = Annotated[Service, Depends(get_service)]
EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
