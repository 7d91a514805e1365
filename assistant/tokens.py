"""Bearer tokens for the staff and admin routes (API and the UI's desk sign-in); wrong guesses are throttled
per client (``limits``)."""

from __future__ import annotations

import math
import secrets
import time

from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from pydantic import SecretStr

from assistant.errors import TooManyRequests, Unauthorized


class WrongTokenThrottle:
    """Counts wrong bearer tokens per client address over a moving one-minute window.

    One throttle serves every guarded route of an app, so guesses at the staff and the admin token
    add up. The count lives in this process (``limits``' memory storage).
    """

    def __init__(self, failures_per_minute: int) -> None:
        self.limit = RateLimitItemPerMinute(failures_per_minute)
        self.window = MovingWindowRateLimiter(MemoryStorage())

    def check(self, client: str) -> None:
        """Raises ``TooManyRequests`` (429) with ``Retry-After`` once ``client`` has used up its failures."""
        if self.window.test(self.limit, client):
            return
        reset_at, _ = self.window.get_window_stats(self.limit, client)
        wait = max(1, math.ceil(reset_at - time.time()))
        raise TooManyRequests(f"too many wrong tokens from this client; try again in {wait} s",
                              headers={"Retry-After": str(wait)})

    def failed(self, client: str) -> None:
        """Counts one wrong token from ``client``."""
        self.window.hit(self.limit, client)


class TokenGuard:
    """Checks a request's ``Authorization: Bearer …`` against ``expected``.

    Raises ``Unauthorized`` (401) when no token is configured (the routes are disabled, not open) or
    the token is missing or wrong; 429 while the client is throttled for wrong tokens, even with the
    right one, so guessing on cannot tell a hit from a miss.
    """

    def __init__(self, expected: SecretStr | None, what: str, throttle: WrongTokenThrottle) -> None:
        self.expected = expected
        self.what = what
        self.throttle = throttle

    def check(self, client: str, authorization: str | None) -> None:
        """Returns when ``authorization`` (the header's value) holds the token; raises ``Unauthorized`` or
        ``TooManyRequests`` otherwise. ``client`` is the caller's address, for throttling."""
        if self.expected is None:
            raise Unauthorized(f"{self.what} routes are disabled: no {self.what} token is configured")
        self.throttle.check(client)
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not secrets.compare_digest(given.encode(), self.expected.get_secret_value().encode()):
            self.throttle.failed(client)
            raise Unauthorized(f"a valid {self.what} bearer token is required")
