"""A script placed first in the UI page's ``<head>``, so it runs before Gradio's own scripts start.

Gradio adds the ``head`` it is given only after it has started (too late for what must be set before, such
as the language it picks its controls' words by: ``ui/early.js``). ``EarlyScript`` is ASGI middleware
that, on ``GET`` of the page itself (``/`` under the app's root path) answered as uncompressed HTML,
inserts ``<script>…</script>`` right after the opening ``<head>`` tag and corrects ``Content-Length``;
every other request and response passes through untouched (Gradio's event streams are never buffered).
"""

from __future__ import annotations

from pathlib import Path

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

EARLY_JS = Path(__file__).resolve().parent / "early.js"
HEAD = b"<head>"


class EarlyScript:
    """Wraps ``app``; ``script`` is JavaScript source (it must not contain ``</script>``)."""

    def __init__(self, app: ASGIApp, script: str | None = None) -> None:
        self.app = app
        source = script if script is not None else EARLY_JS.read_text(encoding="utf-8")
        if "</script" in source.lower():
            raise ValueError("the early script must not contain </script>")
        self.tag = f"<script>{source}</script>".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not _is_page(scope):
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def rewrite(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            headers = MutableHeaders(raw=start["headers"])
            if headers.get("content-type", "").startswith("text/html") and "content-encoding" not in headers \
                    and HEAD in body:
                body = body.replace(HEAD, HEAD + self.tag, 1)
                headers["content-length"] = str(len(body))
            await send(start)
            await send({"type": "http.response.body", "body": body, "more_body": False})

        await self.app(scope, receive, rewrite)


def _is_page(scope: Scope) -> bool:
    """Whether the request is for the UI page itself: ``/`` (or ``<root path>/``)."""
    path = str(scope.get("path", ""))
    root = str(scope.get("root_path", "")).rstrip("/")
    return path in ("/", "", root, root + "/")
