"""FastAPI app: the contract of DESIGN.md, JSON errors, size limits, tokens, and the UI at ``/``.

Every error, the UI's unknown paths included, is ``{"error": {"code", "message"}}`` with its status.

Run with ``policy-assistant serve``; tests build it with ``create_app(settings, engine)``.
"""

from __future__ import annotations

import json
import os
import time
import unicodedata
import uuid
from collections.abc import Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from chromadb.errors import NotFoundError
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Mount

from assistant.amounts import AmountError
from assistant.api.body_limit import BodyLimit, BodyTooLarge
from assistant.api.errors import error
from assistant.api.schemas import (
    LONE_SURROGATE,
    CalculateRequest,
    ChatCompletionRequest,
    ChatRequest,
    FeedbackRequest,
    OpenAIMessage,
    SearchRequest,
)
from assistant.api.tokens import TokenGuard, WrongTokenThrottle
from assistant.engine import Engine, InputError, MessageTooLong
from assistant.engine_holder import EngineHolder, NotReady
from assistant.records import Answer
from assistant.rules.book import UnknownRule
from assistant.rules.calculator import CalculationError, Item
from assistant.settings import Settings
from assistant.store import StoreUnavailable, open_store
from index.store import IndexMissing

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
MODEL_NAME = "policy-assistant"
STREAM_PIECE = 24
ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
LOG_HEADER = "X-PA-Log"  # stored | deferred: whether the question log took the answer's row
UNICODE_ERRORS = {"invalid_text", "string_unicode"}  # ours, and pydantic's own for a plain str


def create_app(settings: Settings, engine: Engine | None = None, mount_ui: bool = True) -> FastAPI:
    holder = EngineHolder(settings, engine)
    store = open_store(settings)
    log = store.questions

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        holder.start()  # loaded and warmed before the server accepts its first request
        yield

    app = FastAPI(
        title="policy-assistant",
        version="0.1.0",
        description="Cited answers and exact award ceilings for Shanghai's biomedicine industry policies.",
        lifespan=lifespan,
    )
    app.state.holder = holder
    app.state.question_log = log
    app.state.store = store
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    if settings.cors_origins:  # added last, so outermost: a 413 carries the CORS headers too
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])

    @app.exception_handler(RequestValidationError)
    async def on_validation(_: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        if first.get("type") in UNICODE_ERRORS:
            return error(422, "invalid_text", f"{where}: {LONE_SURROGATE}")
        return error(422, "invalid_request", f"{where}: {first.get('msg', 'invalid request')}".strip(": "))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 400:  # FastAPI's answer to a body it cannot decode: the same 422 as bad JSON
            return error(422, "invalid_request", f"the request body is not valid JSON: {exc.detail}")
        if _unrouted(exc):
            return error(404, "not_found", f"no route {request.method} {request.url.path}")
        return error(exc.status_code, _code(exc.status_code), str(exc.detail), exc.headers)

    @app.exception_handler(httpx.TransportError)
    async def on_store_unreachable(_: Request, exc: httpx.TransportError):
        """A Chroma server that went away: 503, and the next request tries again (the client reconnects)."""
        return error(503, "index_unavailable", f"the index store (Chroma server) is unreachable: {exc}")

    @app.exception_handler(NotReady)
    async def on_not_ready(_: Request, exc: NotReady):
        return error(503, "not_ready", str(exc), {"Retry-After": "1"})

    @app.exception_handler(IndexMissing)
    @app.exception_handler(NotFoundError)
    async def on_index_missing(_: Request, exc: Exception):
        """The index store lost the active version (a Chroma server restarted empty): 503 until a reindex."""
        return error(503, "index_missing", f"the index is missing from the index store; an admin reindex rebuilds it ({exc})")

    @app.exception_handler(StoreUnavailable)
    async def on_store_down(_: Request, exc: StoreUnavailable):
        """The state database refused (down, locked, disk full): 503, and the next request tries again."""
        return error(503, "store_unavailable", str(exc))

    @app.exception_handler(InputError)
    async def on_input(_: Request, exc: InputError):
        status = 413 if isinstance(exc, MessageTooLong) else 422
        return error(status, "invalid_input", str(exc))

    def engine() -> Engine:
        return holder.get()

    throttle = WrongTokenThrottle(settings.token_failures_per_minute)
    staff = TokenGuard(settings.staff_token, "staff", throttle)
    admin = TokenGuard(settings.admin_token, "admin", throttle)

    @app.get("/healthz", tags=["service"])
    def healthz() -> dict[str, Any]:
        """Ready (200) once the engine is warm and its index version is present and non-empty; 503 otherwise."""
        holder.check_index()
        current = holder.get()
        return {"status": "ok", "articles": len(current.retriever.articles), "index_version": current.index_version}

    @app.post("/v1/chat", tags=["chat"])
    def chat(body: ChatRequest, response: Response, current: Engine = Depends(engine)) -> dict[str, Any]:
        """One turn; the answer carries ``answer_id`` and ``feedback_token`` to rate it. ``X-PA-Log`` says
        ``stored``, or ``deferred`` when the log write waits for the database (the answer is served anyway)."""
        answer = current.ask(body.message, body.session_id)
        receipt = log.record_answer(body.message, answer, "api")
        response.headers[LOG_HEADER] = receipt.log_state
        return {**answer.model_dump(mode="json"), **receipt.public()}

    @app.post("/v1/chat/stream", tags=["chat"])
    def chat_stream(body: ChatRequest, current: Engine = Depends(engine)) -> StreamingResponse:
        answer = current.ask(body.message, body.session_id)
        receipt = log.record_answer(body.message, answer, "api-stream")

        def events() -> Iterator[str]:
            for piece in _pieces(answer.answer):
                yield f"event: delta\ndata: {json.dumps({'text': piece}, ensure_ascii=False)}\n\n"
            final = {**answer.model_dump(mode="json"), **receipt.public()}
            yield f"event: answer\ndata: {json.dumps(final, ensure_ascii=False)}\n\n"

        return StreamingResponse(events(), media_type="text/event-stream", headers={LOG_HEADER: receipt.log_state})

    @app.post("/v1/feedback", tags=["chat"])
    def feedback(body: FeedbackRequest) -> dict[str, Any]:
        """Rates an answer: its ``answer_id`` (or ``question_id``) and the ``feedback_token`` returned with it.
        404 for a wrong pair, whether or not the id exists; 503 ``store_unavailable`` when the store refuses."""
        key: int | str = body.answer_id if body.answer_id is not None else int(body.question_id or 0)
        if not log.feedback(key, body.rating, body.comment, token=body.feedback_token):
            raise HTTPException(404, "no answer with this id and feedback token")
        return {"ok": True}

    @app.post("/v1/search", tags=["search"])
    def search(body: SearchRequest, current: Engine = Depends(engine)) -> dict[str, Any]:
        results = current.search(body.query, k=body.k, in_force_only=body.in_force_only)
        return {"results": [r.model_dump() for r in results]}

    @app.post("/v1/calculate", tags=["awards"])
    def calculate(body: CalculateRequest, current: Engine = Depends(engine)) -> Any:
        try:
            if body.items is not None:
                if body.rule_id is not None:
                    raise CalculationError("give either rule_id and inputs, or items, not both")
                items = [Item(i.rule_id, i.inputs) for i in body.items]
                return current.estimate(items, body.language).model_dump()
            if body.rule_id is None:
                raise CalculationError("rule_id is required")
            return current.calculate(body.rule_id, body.inputs, body.language).model_dump()
        except UnknownRule as exc:
            return error(404, "unknown_rule", str(exc))
        except (CalculationError, AmountError) as exc:
            return error(422, "invalid_inputs", str(exc))

    @app.get("/v1/rules", tags=["awards"])
    def rules(current: Engine = Depends(engine)) -> dict[str, Any]:
        return {"rules": [_rule_json(current, rule) for rule in current.book.rules]}

    @app.get("/v1/documents", tags=["documents"])
    def documents(current: Engine = Depends(engine)) -> dict[str, Any]:
        day = current.settings.current_date()
        return {
            "documents": [
                {
                    "id": d.id, "title": d.title, "title_en": d.title_en, "number": d.number,
                    "issuer": d.issuer, "kind": d.kind.value, "indexed": d.indexed,
                    "published": d.published, "valid_from": d.valid_from, "valid_to": d.valid_to,
                    "status": d.status_on(day).value, "same_as": d.same_as, "superseded_by": d.superseded_by,
                }
                for d in current.catalogue.documents
            ]
        }

    @app.get("/v1/articles/{chunk_id}", tags=["documents"])
    def article(chunk_id: str, current: Engine = Depends(engine)) -> Any:
        citation = current.article(chunk_id)
        if citation is None:
            raise HTTPException(404, f"no article {chunk_id!r}")
        return citation.model_dump()

    @app.get("/v1/models", tags=["openai"])
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": MODEL_NAME, "object": "model", "owned_by": MODEL_NAME}]}

    @app.post("/v1/chat/completions", tags=["openai"])
    def completions(body: ChatCompletionRequest, current: Engine = Depends(engine)) -> Any:
        _within_limits(body.messages, settings)
        questions = [m.text() for m in body.messages if m.role == "user"]
        questions = [q for q in questions if q.strip()]
        if not questions:
            raise InputError("messages must contain a user message with text")
        answer = _replay(current, questions)
        receipt = log.record_answer(questions[-1], answer, "openai")
        headers = {LOG_HEADER: receipt.log_state}
        created = int(time.time())
        completion_id = f"chatcmpl-{uuid.uuid4().hex}"
        if not body.stream:
            return JSONResponse(headers=headers, content={
                "id": completion_id, "object": "chat.completion", "created": created, "model": MODEL_NAME,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": answer.answer},
                             "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
                "citations": [c.model_dump() for c in answer.citations],
                "status": answer.status.value,
                **receipt.public(),
            })

        def chunks() -> Iterator[str]:
            def chunk(delta: dict[str, Any], finish: str | None) -> str:
                payload = {"id": completion_id, "object": "chat.completion.chunk", "created": created,
                           "model": MODEL_NAME,
                           "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
                return f"data: {json.dumps(payload, ensure_ascii=False)}\n\n"

            yield chunk({"role": "assistant", "content": ""}, None)
            for piece in _pieces(answer.answer):
                yield chunk({"content": piece}, None)
            yield chunk({}, "stop")
            yield "data: [DONE]\n\n"

        return StreamingResponse(chunks(), media_type="text/event-stream", headers=headers)

    @app.get("/v1/staff/questions", tags=["staff"], dependencies=[Depends(staff)])
    def staff_questions(limit: int = 100) -> dict[str, Any]:
        if not 1 <= limit <= 1000:
            raise HTTPException(422, "limit must be between 1 and 1000")
        return {"questions": [q.model_dump() for q in log.recent(limit)]}

    @app.post("/v1/admin/reindex", tags=["admin"], dependencies=[Depends(admin)])
    def reindex():
        try:
            fresh, report = holder.reindex()
        except Exception as exc:  # any failure of a rebuild leaves the previous index serving
            return error(500, "reindex_failed",
                         f"the rebuild failed and the previous index keeps serving: {type(exc).__name__}: {exc}")
        return {"ok": True, "articles": len(fresh.retriever.articles), "index_version": report.collection,
                "embedded": report.embedded}

    @app.api_route("/v1/{path:path}", methods=ALL_METHODS, include_in_schema=False)
    def no_such_route(request: Request) -> Response:
        """Unknown /v1 paths end here rather than in the UI mounted at ``/``: 405 or 404, in our shape."""
        allowed = sorted({method for route in app.routes if isinstance(route, APIRoute)
                          and route.matches(request.scope)[0] is Match.PARTIAL for method in route.methods})
        if allowed:
            return error(405, "method_not_allowed", f"{request.method} is not allowed on {request.url.path}",
                         {"Allow": ", ".join(allowed)})
        return error(404, "not_found", f"no route {request.method} {request.url.path}")

    if mount_ui:
        from ui.app import mount_ui as mount

        app = mount(app, holder, store)
        ui = next(route.app for route in app.routes if isinstance(route, Mount) and route.path == "")

        async def on_ui_http(request: Request, exc: StarletteHTTPException) -> Response:
            """Unknown paths and oversized bodies get the API's JSON shape; the UI's own errors stay its own."""
            if isinstance(exc, BodyTooLarge) or _unrouted(exc):
                return await on_http(request, exc)
            return await http_exception_handler(request, exc)

        ui.add_exception_handler(StarletteHTTPException, on_ui_http)
    return app


def _replay(current: Engine, questions: list[str]) -> Answer:
    """OpenAI clients resend the whole history; replaying its questions rebuilds the session's slots."""
    session_id = None
    answer: Answer | None = None
    for question in questions[-current.settings.max_session_turns :]:
        answer = current.ask(question, session_id)
        session_id = answer.session_id
    assert answer is not None
    return answer


def _within_limits(messages: list[OpenAIMessage], settings: Settings) -> None:
    """Bounds one completions request: raises ``HTTPException(413)`` past ``PA_MAX_COMPLETION_MESSAGES``
    messages or ``PA_MAX_COMPLETION_CHARS`` characters of text, counted after NFKC (which expands some
    characters: U+FDFA is 18 characters once normalised)."""
    if len(messages) > settings.max_completion_messages:
        raise HTTPException(413, f"the request has {len(messages)} messages; the limit is {settings.max_completion_messages}")
    chars = sum(len(unicodedata.normalize("NFKC", m.text())) for m in messages)
    if chars > settings.max_completion_chars:
        raise HTTPException(413, f"the messages hold {chars} characters after Unicode normalisation; "
                                 f"the limit is {settings.max_completion_chars}")


def _unrouted(exc: StarletteHTTPException) -> bool:
    """The router's own 404 for a path no route serves (its detail is the bare status phrase)."""
    return exc.status_code == 404 and exc.detail == "Not Found"


def _pieces(text: str) -> Iterator[str]:
    for start in range(0, len(text), STREAM_PIECE):
        yield text[start : start + STREAM_PIECE]


def _rule_json(current: Engine, rule: Any) -> dict[str, Any]:
    """One rule for ``GET /v1/rules``; ``inputs`` are exactly the names ``POST /v1/calculate`` takes for it."""
    takes = current.book.inputs(rule.id)
    return jsonable_encoder(
        {
            "id": rule.id, "measure": rule.measure, "article": f"{current.book.document}:{rule.measure}",
            "name": rule.name, "name_en": rule.name_en, "kind": rule.kind, "quote": rule.quote,
            "base": rule.base, "rate": str(rule.rate) if rule.rate is not None else None,
            "cap_yuan": int(rule.cap_yuan), "per": rule.per, "merit_based": rule.merit_based,
            "annual_cap_yuan": int(current.book.annual_caps[rule.annual_cap].cap_yuan) if rule.annual_cap else None,
            "conditions": [current.book.conditions[c].text for c in rule.conditions],
            "valid_from": current.book.funding_valid_from, "valid_to": current.book.valid_to,
            "inputs": list(takes.accepted), "required_inputs": list(takes.required),
        }
    )


def _code(status: int) -> str:
    return {401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 413: "payload_too_large",
            422: "invalid_request", 429: "too_many_requests", 503: "unavailable"}.get(status, "error")
