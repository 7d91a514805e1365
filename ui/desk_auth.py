"""Hotline staff sign in once per browser session; the token never passes through a Gradio event.

The sign-in form posts the staff token to ``POST /ui/desk/sign-in`` (``Authorization: Bearer …``,
the API's own guard: 401 when wrong or when no staff token is configured, 429 after repeated wrong
tokens). The answer sets an HttpOnly, SameSite=Strict session cookie holding a signed sign-in: its
expiry and a random id, signed with HMAC-SHA256 under a key derived from the deployment's secret
(``assistant.secret_key``) and the staff token. Any process of the deployment, and the service after a
restart, accepts it; changing the staff token or the secret ends every sign-in. The token is stored
neither in localStorage nor in Gradio's run history, and closing the browser ends the sign-in.
Signing out deletes the cookie, and the process that served the sign-out refuses that sign-in from then on.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response

from assistant.errors import AssistantError
from assistant.secret_key import derived_key
from assistant.settings import Settings
from assistant.tokens import TokenGuard, WrongTokenThrottle

COOKIE = "pa_desk"
SIGN_IN_HOURS = 12


class DeskSignIns:
    """Signed sign-ins, each valid for ``hours`` (wall-clock, so any process can check it) or until signed out."""

    def __init__(self, key: bytes, hours: float = SIGN_IN_HOURS) -> None:
        self.seconds = hours * 3600
        self._key = key
        self._revoked: dict[str, float] = {}  # sign-in → its expiry, kept until then
        self._lock = threading.Lock()

    @classmethod
    def of(cls, settings: Settings) -> DeskSignIns:
        """The sign-ins of this deployment: keyed by its secret and its staff token."""
        token = settings.staff_token.get_secret_value() if settings.staff_token else ""
        return cls(derived_key(settings, "desk-sign-in:" + hashlib.sha256(token.encode("utf-8")).hexdigest()))

    def issue(self) -> str:
        """``<expiry, unix seconds>.<random id>.<signature>``."""
        claim = f"{int(time.time() + self.seconds)}.{secrets.token_urlsafe(16)}"
        return f"{claim}.{self._sign(claim)}"

    def valid(self, sign_in: str | None) -> bool:
        claim, _, signature = (sign_in or "").rpartition(".")
        expires = claim.partition(".")[0]
        if not claim or not expires.isdigit() or not hmac.compare_digest(
                self._sign(claim).encode("ascii"), signature.encode("utf-8", "replace")):
            return False
        with self._lock:
            revoked = sign_in in self._revoked
        return int(expires) > time.time() and not revoked

    def revoke(self, sign_in: str | None) -> None:
        if not self.valid(sign_in):
            return
        now = time.time()
        with self._lock:
            self._revoked = {k: v for k, v in self._revoked.items() if v > now}
            self._revoked[str(sign_in)] = now + self.seconds

    def _sign(self, claim: str) -> str:
        return hmac.new(self._key, claim.encode("utf-8", "replace"), hashlib.sha256).hexdigest()


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
