"""Hotline staff sign in once per browser session; the token never passes through a Gradio event.

The sign-in form posts the staff token to ``POST /ui/desk/sign-in`` (``Authorization: Bearer …``,
the API's own guard: 401 when wrong or when no staff token is configured, 429 after repeated wrong
tokens). The answer sets an HttpOnly, SameSite=Strict session cookie holding a random sign-in id that
lives only in this process's memory; the desk's log events read that cookie. So the token is stored
neither in localStorage nor in Gradio's run history, and closing the browser ends the sign-in.
"""

from __future__ import annotations

import secrets
import threading
import time
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response

from assistant.errors import AssistantError
from assistant.settings import Settings
from assistant.tokens import TokenGuard, WrongTokenThrottle

COOKIE = "pa_desk"
SIGN_IN_HOURS = 12


class DeskSignIns:
    """Sign-in ids issued to staff browsers, each valid for ``hours`` or until signed out."""

    def __init__(self, hours: float = SIGN_IN_HOURS) -> None:
        self.seconds = hours * 3600
        self._issued: dict[str, float] = {}
        self._lock = threading.Lock()

    def issue(self) -> str:
        sign_in = secrets.token_urlsafe(32)
        with self._lock:
            now = time.monotonic()
            self._issued = {k: v for k, v in self._issued.items() if v > now}
            self._issued[sign_in] = now + self.seconds
        return sign_in

    def valid(self, sign_in: str | None) -> bool:
        if not sign_in:
            return False
        with self._lock:
            expires = self._issued.get(sign_in)
        return expires is not None and expires > time.monotonic()

    def revoke(self, sign_in: str | None) -> None:
        with self._lock:
            self._issued.pop(sign_in or "", None)


def signed_in(sign_ins: DeskSignIns, cookies: dict[str, str] | None) -> bool:
    """Whether the cookies a request carried hold a live desk sign-in."""
    return sign_ins.valid((cookies or {}).get(COOKIE))


def desk_router(settings: Settings, sign_ins: DeskSignIns) -> APIRouter:
    """``POST /ui/desk/sign-in`` (bearer staff token → session cookie, 204) and ``POST /ui/desk/sign-out``."""
    router = APIRouter(prefix="/ui/desk", include_in_schema=False)
    guard = TokenGuard(settings.staff_token, "staff", WrongTokenThrottle(settings.token_failures_per_minute))

    def staff(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
        try:
            guard.check(request.client.host if request.client else "unknown", authorization)
        except AssistantError as error:  # answered as the router's own HTTP error, with or without the API's handlers
            raise HTTPException(error.status, error.message, error.headers) from error

    @router.post("/sign-in", status_code=204, dependencies=[Depends(staff)])
    def sign_in(request: Request) -> Response:
        response = Response(status_code=204)
        response.set_cookie(COOKIE, sign_ins.issue(), httponly=True, samesite="strict",
                            secure=request.url.scheme == "https", path="/")
        return response

    @router.post("/sign-out", status_code=204)
    def sign_out(request: Request) -> Response:
        sign_ins.revoke(request.cookies.get(COOKIE))
        response = Response(status_code=204)
        response.delete_cookie(COOKIE, path="/")
        return response

    return router
