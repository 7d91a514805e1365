"""The staff log's CSV exports, served only to a browser signed in at the desk.

``GET /ui/desk/export.csv?status=<answer status>&day=<YYYY-MM-DD>`` (the logged questions) and
``GET /ui/desk/calls.csv?day=<YYYY-MM-DD>`` (the call records with their questions) check the desk's
sign-in cookie (``ui.desk_auth``) on every request and answer the CSV built in memory for that request, as an
attachment that no cache keeps (``Cache-Control: no-store``). Nothing is written to disk, so there is
no file for anyone to fetch later, with or without the link: without a live sign-in (none, expired or
signed out, even a replayed copy of a signed-out cookie) the answer is 401; a filter that cannot be
applied is 422; a database that refuses is 503 — each ``{"error": {"code", "message"}}``.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request, Response

from assistant.store import StoreUnavailable
from ui.context import UiContext
from ui.desk_auth import signed_in
from ui.desk_log import BadFilter, calls_of, day_of, export_calls_csv, export_csv, export_name, questions, status_of

log = logging.getLogger(__name__)

EXPORT_PATH = "/ui/desk/export.csv"
CALLS_PATH = "/ui/desk/calls.csv"
EXPORT_ROWS = 10_000  # the newest questions (or calls) an export holds


def export_link(status: str | None, day: str | None, path: str = EXPORT_PATH) -> str:
    """An export's address relative to the page (``ui/desk/export.csv?status=…&day=…``), for a link on it;
    ``path=CALLS_PATH`` for the call records (which take the day only)."""
    pairs = (("status", status or ""), ("day", (day or "").strip())) if path == EXPORT_PATH else (("day", (day or "").strip()),)
    query = urlencode({k: v for k, v in pairs if v})
    return path.lstrip("/") + (f"?{query}" if query else "")


def _attachment(body: bytes, kind: str) -> Response:
    name = export_name(datetime.now(UTC), kind)
    return Response(body, media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="{name}"',
        "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
    })


def export_router(ctx: UiContext) -> APIRouter:
    """``GET /ui/desk/export.csv`` and ``GET /ui/desk/calls.csv``: 200 with the CSV as an attachment,
    401 / 422 / 503 as above."""
    router = APIRouter(include_in_schema=False)

    @router.get(EXPORT_PATH)
    def export(request: Request, status: str = "", day: str = "") -> Response:
        if not signed_in(ctx.sign_ins, dict(request.cookies)):
            raise HTTPException(401, "the log export needs a desk sign-in")
        try:
            logged = questions(ctx.log, status_of(status), day_of(day), EXPORT_ROWS)
        except BadFilter as error:
            raise HTTPException(422, str(error)) from error
        except StoreUnavailable as error:
            log.warning("log export: %s", error)
            raise HTTPException(503, "the question log could not be read") from error
        return _attachment(export_csv(logged), "questions")

    @router.get(CALLS_PATH)
    def export_calls(request: Request, day: str = "") -> Response:
        if not signed_in(ctx.sign_ins, dict(request.cookies)):
            raise HTTPException(401, "the call records export needs a desk sign-in")
        try:
            body = export_calls_csv(calls_of(ctx.calls, day_of(day), EXPORT_ROWS), ctx.log)
        except BadFilter as error:
            raise HTTPException(422, str(error)) from error
        except StoreUnavailable as error:
            log.warning("call records export: %s", error)
            raise HTTPException(503, "the call records could not be read") from error
        return _attachment(body, "calls")

    return router
