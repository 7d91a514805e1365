"""``GET /v1/models`` and ``POST /v1/chat/completions``: the OpenAI-compatible face of the same answers.

The last user message is the turn; earlier messages are its context, never asked again, and no
session outlives the request.
"""

from __future__ import annotations

import time
import unicodedata
import uuid
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Response
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from assistant.api import streaming
from assistant.api.deps import ServiceDep, SettingsDep
from assistant.api.errors import documented
from assistant.api.routes.chat import LOG_HEADER
from assistant.api.schemas import (
    ChatCompletion,
    ChatCompletionRequest,
    CompletionChoice,
    CompletionMessage,
    ModelCard,
    ModelList,
    OpenAIMessage,
)
from assistant.errors import PayloadTooLarge, UnknownModel
from assistant.settings import Settings

MODEL_NAME = "policy-assistant"

router = APIRouter(prefix="/v1", tags=["openai"])


@router.get("/models", response_model=ModelList)
def models() -> ModelList:
    """The one model this service is."""
    return ModelList(data=[ModelCard(id=MODEL_NAME, owned_by=MODEL_NAME)])


@router.post("/chat/completions", response_model=ChatCompletion,
             responses={200: {"content": {streaming.EVENT_STREAM: {"schema": streaming.event_schema()}},
                              "description": "a chat.completion, or with ``stream`` chat.completion.chunk events"},
                        **documented(404, 413, 415, 422, 503)})
async def completions(body: ChatCompletionRequest, service: ServiceDep, settings: SettingsDep, response: Response) -> Any:
    """An OpenAI chat completion; ``citations``, ``status`` and the receipt to rate it ride beside the choices.
    404 ``model_not_found`` for a model other than ``policy-assistant``."""
    if body.model != MODEL_NAME:
        raise UnknownModel(f"no model {body.model!r} is served here; the model is {MODEL_NAME!r} (GET /v1/models)")
    _within_limits(body.messages, settings)
    asked = await run_in_threadpool(service.complete, [(m.role, m.text()) for m in body.messages])
    answer = asked.answer
    created = int(time.time())
    completion_id = f"chatcmpl-{uuid.uuid4().hex}"
    if not body.stream:
        response.headers[LOG_HEADER] = asked.receipt.log_state
        return ChatCompletion(id=completion_id, created=created, model=MODEL_NAME,
                              choices=[CompletionChoice(message=CompletionMessage(content=answer.answer))],
                              citations=answer.citations, status=answer.status, question_id=asked.receipt.question_id,
                              answer_id=asked.receipt.answer_id, feedback_token=asked.receipt.feedback_token)

    def chunks() -> Iterator[str]:
        def chunk(delta: dict[str, Any], finish: str | None) -> str:
            return streaming.event({"id": completion_id, "object": "chat.completion.chunk", "created": created,
                                    "model": MODEL_NAME, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})

        yield chunk({"role": "assistant", "content": ""}, None)
        for piece in streaming.pieces(answer.answer):
            yield chunk({"content": piece}, None)
        yield chunk({}, "stop")
        yield streaming.event("[DONE]")

    return StreamingResponse(chunks(), media_type=streaming.EVENT_STREAM, headers={LOG_HEADER: asked.receipt.log_state})


def _within_limits(messages: list[OpenAIMessage], settings: Settings) -> None:
    """Bounds one completions request: raises ``PayloadTooLarge`` (413) past ``PA_MAX_COMPLETION_MESSAGES``
    messages or ``PA_MAX_COMPLETION_CHARS`` characters of text, counted after NFKC (which expands some
    characters: U+FDFA is 18 characters once normalised)."""
    if len(messages) > settings.max_completion_messages:
        raise PayloadTooLarge(f"the request has {len(messages)} messages; the limit is {settings.max_completion_messages}")
    chars = sum(len(unicodedata.normalize("NFKC", m.text())) for m in messages)
    if chars > settings.max_completion_chars:
        raise PayloadTooLarge(f"the messages hold {chars} characters after Unicode normalisation; "
                              f"the limit is {settings.max_completion_chars}")
