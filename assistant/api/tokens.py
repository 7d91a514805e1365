"""Bearer tokens for the staff and admin routes; wrong guesses are throttled per client (``limits``)."""

from __future__ import annotations

import math
import secrets
import time

from fastapi import Header, HTTPException, Request
from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from pydantic import SecretStr


class WrongTokenThrottle:
    """Counts wrong bearer tokens per client address over a moving one-minute window.

    One throttle serves every guarded route of an app, so guesses at the staff and the admin token
    add up. The count lives in this process (``limits``' memory storage).
    """

    def __init__(self, failures_per_minute: int) -> None:
        self.limit = RateLimitItemPerMinute(failures_per_minute)
        self.window = MovingWindowRateLimiter(MemoryStorage())

    def check(self, client: str) -> None:
        """Raises ``HTTPException(429)`` with ``Retry-After`` once ``client`` has used up its failures."""
        if self.window.test(self.limit, client):
            return
        reset_at, _ = self.window.get_window_stats(self.limit, client)
        wait = max(1, math.ceil(reset_at - time.time()))
        raise HTTPException(429, f"too many wrong tokens from this client; try again in {wait} s",
                            headers={"Retry-After": str(wait)})

    def failed(self, client: str) -> None:
        self.window.hit(self.limit, client)


class TokenGuard:
    """A FastAPI dependency: the request's ``Authorization: Bearer …`` must be ``expected``.

    Raises ``HTTPException`` 401 when no token is configured (the routes are disabled, not open) or
    the token is missing or wrong; 429 while the client is throttled for wrong tokens, even with the
    right one, so guessing on cannot tell a hit from a miss.
    """

    def __init__(self, expected: SecretStr | None, what: str, throttle: WrongTokenThrottle) -> None:
        self.expected = expected
        self.what = what
        self.throttle = throttle

    def __call__(self, request: Request, authorization: str | None = Header(default=None)) -> None:
        if self.expected is None:
            raise HTTPException(401, f"{self.what} routes are disabled: no {self.what} token is configured")
        client = request.client.host if request.client else "unknown"
        self.throttle.check(client)
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not secrets.compare_digest(given.encode(), self.expected.get_secret_value().encode()):
            self.throttle.failed(client)
            raise HTTPException(401, f"a valid {self.what} bearer token is required")
