"""Request bodies counted as they arrive, chunked or not: past ``PA_MAX_REQUEST_BYTES`` the answer is 413.

A Content-Length header is only a claim, and a chunked body has none, so the count is kept on the
ASGI ``receive`` channel itself, which every route and the mounted UI read through. FastAPI's own
``max_body_size`` answers some of its 413s in plain text, outside the API's error shape; hence this.
"""

from __future__ import annotations

from fastapi import HTTPException
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.api.errors import error


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` once the body passes the limit; the app's handlers answer it (413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over {limit} bytes")


class BodyLimit:
    """Pure ASGI middleware: ``app.add_middleware(BodyLimit, max_bytes=N)``.

    A declared Content-Length over ``max_bytes`` is refused before any byte is read; otherwise the
    bytes are counted as they are received and ``BodyTooLarge`` is raised inside the app past the limit.
    Either way the client gets 413 ``{"error": {"code": "payload_too_large", "message": …}}``.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except BodyTooLarge:  # reached only where no exception handler answered it first
            if started:
                raise
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error(413, "payload_too_large", BodyTooLarge(self.max_bytes).detail)
        await response(scope, receive, send)
