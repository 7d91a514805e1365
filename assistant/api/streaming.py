"""Server-sent events: an answer's text in small pieces, so a client can show it as it arrives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

STREAM_PIECE = 24  # characters per event
EVENT_STREAM = "text/event-stream"


def pieces(text: str) -> Iterator[str]:
    """``text`` cut into pieces of ``STREAM_PIECE`` characters."""
    for start in range(0, len(text), STREAM_PIECE):
        yield text[start : start + STREAM_PIECE]


def event(data: Any, name: str | None = None) -> str:
    """One event: ``data`` as JSON (``[DONE]`` as it is), with its ``event:`` name when given."""
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    head = f"event: {name}\n" if name else ""
    return f"{head}data: {payload}\n\n"


def event_schema(*names: str) -> dict[str, Any]:
    """The schema of one event of a stream: ``data`` (JSON text, or ``[DONE]``) and, when ``names`` are
    given, an ``event`` field that is one of them."""
    properties: dict[str, Any] = {"data": {"type": "string"}}
    if names:
        properties["event"] = {"type": "string", "enum": list(names)}
    return {"type": "object", "required": ["data", *(["event"] if names else [])], "properties": properties}


def documented(description: str, *names: str) -> dict[int | str, dict[str, Any]]:
    """The 200 of a streaming route in ``/openapi.json``: an event stream whose events are named ``names``."""
    return {200: {"description": description, "content": {EVENT_STREAM: {"schema": event_schema(*names)}}}}
