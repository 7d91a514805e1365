"""The staff log's CSV export, served only to a browser signed in at the desk.

``GET /ui/desk/export.csv?status=<answer status>&day=<YYYY-MM-DD>`` checks the desk's sign-in cookie
(``ui.desk_auth``) on every request and answers the CSV built in memory for that request, as an
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
from ui.desk_log import BadFilter, day_of, export_csv, export_name, questions, status_of

log = logging.getLogger(__name__)

EXPORT_PATH = "/ui/desk/export.csv"
EXPORT_ROWS = 10_000  # the newest questions an export holds


def export_link(status: str | None, day: str | None) -> str:
    """The export's address relative to the page (``ui/desk/export.csv?status=…&day=…``), for a link on it."""
    query = urlencode({k: v for k, v in (("status", status or ""), ("day", (day or "").strip())) if v})
    return EXPORT_PATH.lstrip("/") + (f"?{query}" if query else "")


def export_router(ctx: UiContext) -> APIRouter:
    """``GET /ui/desk/export.csv``: 200 with the CSV as an attachment, 401 / 422 / 503 as above."""
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
        name = export_name(datetime.now(UTC))
        return Response(export_csv(logged), media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
        })

    return router
