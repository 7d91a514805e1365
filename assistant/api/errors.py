"""The one error shape of the API, ``{"error": {"code", "message"}}``, and the handlers that map every
failure to it once: the product's ``AssistantError`` hierarchy, request validation, the router's own
404/405/413, and an unreachable index store."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx
from chromadb.errors import NotFoundError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.api.schemas import LONE_SURROGATE
from assistant.errors import AssistantError, IndexMissing, IndexUnavailable

UNICODE_ERRORS = {"invalid_text", "string_unicode"}  # ours, and pydantic's own for a plain str
STATUS_CODES = {401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 413: "payload_too_large",
                415: "unsupported_media_type", 422: "invalid_request", 429: "too_many_requests", 503: "unavailable"}
DESCRIPTIONS = {
    401: "no valid bearer token (or none configured)",
    404: "nothing has the id asked for",
    413: "the request body or its text is over a size limit",
    415: "the request body is not sent as JSON (Content-Type: application/json)",
    422: "the request is malformed or refused: code and message say why",
    429: "too many wrong tokens from this client (see Retry-After)",
    500: "the rebuild failed; the previous index keeps serving",
    503: "not_ready: the engine is loading; index_missing: the index store lost the index (reindex); "
         "index_unavailable / store_unavailable: a store is unreachable",
}


class ErrorDetail(BaseModel):
    """What went wrong: a stable code and a message for people."""

    code: str = Field(description="stable, for clients to branch on: invalid_request, unknown_rule, unauthorized …")
    message: str = Field(description="what went wrong, for the person who sent the request")


class ErrorResponse(BaseModel):
    """Every error the API answers, whatever its status."""

    error: ErrorDetail


def error(status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """The JSON error response. A lone surrogate echoed from a request is written as ``\\udXXX`` text,
    since it cannot be encoded."""
    printable = message.encode("utf-8", "backslashreplace").decode("utf-8")
    body = ErrorResponse(error=ErrorDetail(code=code, message=printable))
    return JSONResponse(status_code=status, content=body.model_dump(), headers=dict(headers) if headers else None)


def documented(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` of a route: each status with ``ErrorResponse`` as its body, for ``/openapi.json``."""
    return {status: {"model": ErrorResponse, "description": DESCRIPTIONS[status]} for status in statuses}


def unrouted(exc: StarletteHTTPException) -> bool:
    """The router's own 404 for a path no route serves (its detail is the bare status phrase)."""
    return exc.status_code == 404 and exc.detail == "Not Found"


async def on_http(request: Request, exc: Exception) -> Response:
    """Starlette's and FastAPI's own HTTP errors (unknown path, wrong method, oversized body) in our shape."""
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 400:  # FastAPI's answer to a body it cannot decode: the same 422 as bad JSON
        return error(422, "invalid_request", f"the request body is not valid JSON: {exc.detail}")
    if unrouted(exc):
        return error(404, "not_found", f"no route {request.method} {request.url.path}")
    return error(exc.status_code, STATUS_CODES.get(exc.status_code, "error"), str(exc.detail), exc.headers)


def _sent_as_json(request: Request) -> bool:
    """Whether the request says its body is JSON (``application/json`` or a ``+json`` type): FastAPI does not
    decode any other body, so its fields all read as missing."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def _has_body(request: Request) -> bool:
    return request.headers.get("content-length", "0") != "0" or "transfer-encoding" in request.headers


def install_handlers(app: FastAPI) -> None:
    """Maps every failure of ``app`` to ``ErrorResponse`` with its status."""

    @app.exception_handler(AssistantError)
    async def on_assistant_error(_: Request, exc: AssistantError) -> Response:
        return error(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        whole_body = tuple(first.get("loc", ())) == ("body",)
        if whole_body and _has_body(request) and not _sent_as_json(request):
            return error(415, "unsupported_media_type", "send the request body as JSON with the header "
                                                        "Content-Type: application/json (this request's Content-Type: "
                                                        f"{request.headers.get('content-type') or 'none'})")
        if first.get("type") == "json_invalid":  # its loc is the character the decoder stopped at
            at = first.get("loc", ("body", 0))[-1]
            return error(422, "invalid_request", f"the request body is not valid JSON: "
                                                 f"{first.get('ctx', {}).get('error', 'cannot decode it')} (at character {at})")
        if whole_body and first.get("type") in ("model_attributes_type", "dict_type"):
            return error(422, "invalid_request", "the request body must be a JSON object")
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        if first.get("type") in UNICODE_ERRORS:
            return error(422, "invalid_text", f"{where}: {LONE_SURROGATE}")
        return error(422, "invalid_request", f"{where}: {first.get('msg', 'invalid request')}".strip(": "))

    @app.exception_handler(httpx.TransportError)
    async def on_store_unreachable(_: Request, exc: httpx.TransportError) -> Response:
        """A Chroma server that went away: 503, and the next request tries again (the client reconnects)."""
        unavailable = IndexUnavailable(f"the index store (Chroma server) is unreachable: {exc}")
        return error(unavailable.status, unavailable.code, unavailable.message)

    @app.exception_handler(NotFoundError)
    async def on_index_lost(_: Request, exc: NotFoundError) -> Response:
        """The index store lost the version being queried (a Chroma server restarted empty): 503 until a reindex."""
        missing = IndexMissing(f"the index is missing from the index store; an admin reindex rebuilds it ({exc})")
        return error(missing.status, missing.code, missing.message)

    app.add_exception_handler(StarletteHTTPException, on_http)
