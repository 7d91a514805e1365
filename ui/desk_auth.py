"""Hotline staff sign in once per browser session; the token never passes through a Gradio event.

The sign-in form posts the staff token to ``POST /ui/desk/sign-in`` (``Authorization: Bearer …``,
the API's own guard: 401 when wrong or when no staff token is configured, 429 after repeated wrong
tokens). The answer sets an HttpOnly, SameSite=Strict session cookie holding a signed sign-in: its
expiry and a random id, signed with HMAC-SHA256 under a key derived from the deployment's secret
(``assistant.secret_key``) and the staff token. Any process of the deployment, and the service after a
restart, accepts it; changing the staff token or the secret ends every sign-in. The token is stored
neither in localStorage nor in Gradio's run history, and closing the browser ends the sign-in.
Signing out deletes the cookie and records the sign-out in the state store (``DeskSignOuts``), so every
process of the deployment (each worker, the UI process, another machine on the same database) refuses
that sign-in from then on, even when a copy of the cookie is replayed. ``GET /ui/desk/sign-in`` tells a
page whether its cookie holds a live sign-in (204, or 401).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response
from fastapi.responses import JSONResponse

from assistant.errors import AssistantError
from assistant.secret_key import derived_key
from assistant.settings import Settings
from assistant.store import DeskSignOuts, StoreUnavailable
from assistant.tokens import TokenGuard, WrongTokenThrottle

log = logging.getLogger(__name__)

COOKIE = "pa_desk"
SIGN_IN_HOURS = 12


class DeskSignIns:
    """Signed sign-ins, each valid for ``hours`` (wall-clock, so any process can check it) or until signed
    out in any process (``sign_outs``, the state store's)."""

    def __init__(self, key: bytes, sign_outs: DeskSignOuts, hours: float = SIGN_IN_HOURS) -> None:
        self.seconds = hours * 3600
        self._key = key
        self._sign_outs = sign_outs

    @classmethod
    def of(cls, settings: Settings, sign_outs: DeskSignOuts) -> DeskSignIns:
        """The sign-ins of this deployment: keyed by its secret and its staff token."""
        token = settings.staff_token.get_secret_value() if settings.staff_token else ""
        return cls(derived_key(settings, "desk-sign-in:" + hashlib.sha256(token.encode("utf-8")).hexdigest()),
                   sign_outs)

    def issue(self) -> str:
        """``<expiry, unix seconds>.<random id>.<signature>``."""
        claim = f"{int(time.time() + self.seconds)}.{secrets.token_urlsafe(16)}"
        return f"{claim}.{self._sign(claim)}"

    def valid(self, sign_in: str | None) -> bool:
        """Whether ``sign_in`` is signed by this deployment, unexpired and not signed out. While the state
        store cannot be read, no sign-in is valid (the log stays closed rather than open to a signed-out one)."""
        expires = self._expiry(sign_in)
        if expires is None or expires <= time.time():
            return False
        try:
            return not self._sign_outs.holds(str(sign_in))
        except StoreUnavailable as error:
            log.warning("desk sign-in refused: %s", error)
            return False

    def revoke(self, sign_in: str | None) -> None:
        """Signs ``sign_in`` out in every process (nothing for a sign-in that is not valid anyway).
        Raises ``StoreUnavailable`` when the sign-out could not be recorded."""
        expires = self._expiry(sign_in)
        if expires is None or expires <= time.time():
            return
        self._sign_outs.record(str(sign_in), datetime.fromtimestamp(expires, UTC))

    def _expiry(self, sign_in: str | None) -> int | None:
        """The expiry (unix seconds) of a sign-in this deployment signed; ``None`` for anything else."""
        claim, _, signature = (sign_in or "").rpartition(".")
        expires = claim.partition(".")[0]
        if not claim or not expires.isdigit() or not hmac.compare_digest(
                self._sign(claim).encode("ascii"), signature.encode("utf-8", "replace")):
            return None
        return int(expires)

    def _sign(self, claim: str) -> str:
        return hmac.new(self._key, claim.encode("utf-8", "replace"), hashlib.sha256).hexdigest()


def signed_in(sign_ins: DeskSignIns, cookies: dict[str, str] | None) -> bool:
    """Whether the cookies a request carried hold a live desk sign-in."""
    return sign_ins.valid((cookies or {}).get(COOKIE))


def desk_router(settings: Settings, sign_ins: DeskSignIns) -> APIRouter:
    """``POST /ui/desk/sign-in`` (bearer staff token → session cookie, 204), ``GET /ui/desk/sign-in`` (204 while
    the cookie holds a live sign-in, else 401) and ``POST /ui/desk/sign-out`` (204; 503 when the sign-out
    could not be recorded, the cookie is deleted either way)."""
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

    @router.get("/sign-in", status_code=204)
    def is_signed_in(request: Request) -> Response:
        if not signed_in(sign_ins, dict(request.cookies)):
            raise HTTPException(401, "not signed in at the desk")
        return Response(status_code=204)

    @router.post("/sign-out", status_code=204)
    def sign_out(request: Request) -> Response:
        try:
            sign_ins.revoke(request.cookies.get(COOKIE))
            response = Response(status_code=204)
        except StoreUnavailable as error:
            log.warning("desk sign-out not recorded: %s", error)
            response = JSONResponse({"error": {"code": error.code, "message": "the sign-out could not be recorded"}},
                                    status_code=error.status)
        response.delete_cookie(COOKIE, path="/")
        return response

    return router
