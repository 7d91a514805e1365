"""The one error shape of the API: ``{"error": {"code", "message"}}`` with a 4xx (or 5xx) status."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi.responses import JSONResponse


def error(status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """The JSON error response. A lone surrogate echoed from a request is written as ``\\udXXX`` text,
    since it cannot be encoded."""
    printable = message.encode("utf-8", "backslashreplace").decode("utf-8")
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": printable}},
                        headers=dict(headers) if headers else None)
