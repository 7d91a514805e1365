"""``POST /v1/chat`` (and its event stream) and ``POST /v1/feedback``: the conversation with an enterprise.

Each answer comes with its receipt (``answer_id``, ``feedback_token``, ``question_id``) to rate it, and
the ``X-PA-Log`` header says ``stored``, or ``deferred`` when the log write waits for the database
(the answer is served anyway).

The turn routes are ``async def`` and hand the turn to one worker thread: the request's parsing and
the response's validation stay on the event loop instead of costing two more thread hand-overs.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import APIRouter, Response
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from assistant.api import streaming
from assistant.api.deps import ServiceDep
from assistant.api.errors import documented
from assistant.api.schemas import ChatAnswer, ChatRequest, FeedbackReceipt, FeedbackRequest
from assistant.service import Asked, Surface

LOG_HEADER = "X-PA-Log"  # stored | deferred: whether the question log took the answer's row

router = APIRouter(prefix="/v1", tags=["chat"])


def chat_answer(asked: Asked) -> ChatAnswer:
    """The answer as clients see it (the engine's internal fields left out), with its receipt."""
    return ChatAnswer.model_validate({**asked.answer.model_dump(), **asked.receipt.public()})


@router.post("/chat", response_model=ChatAnswer, responses=documented(413, 415, 422, 503))
async def chat(body: ChatRequest, service: ServiceDep, response: Response) -> ChatAnswer:
    """One turn: the answer with its status, citations and computed ceilings; pass ``session_id`` back to follow up."""
    asked = await run_in_threadpool(service.ask, body.message, body.session_id, Surface.API)
    response.headers[LOG_HEADER] = asked.receipt.log_state
    return chat_answer(asked)


@router.post("/chat/stream", response_class=StreamingResponse,
             responses={**streaming.documented("``delta`` events with the text, then one ``answer`` event: the "
                                               "answer as POST /v1/chat returns it", "delta", "answer"),
                        **documented(413, 415, 422, 503)})
async def chat_stream(body: ChatRequest, service: ServiceDep) -> StreamingResponse:
    """The same turn as ``POST /v1/chat``, streamed (the whole answer is checked before the first event)."""
    asked = await run_in_threadpool(service.ask, body.message, body.session_id, Surface.API_STREAM)

    def events() -> Iterator[str]:
        for piece in streaming.pieces(asked.answer.answer):
            yield streaming.event({"text": piece}, "delta")
        yield streaming.event(chat_answer(asked).model_dump(mode="json"), "answer")

    return StreamingResponse(events(), media_type=streaming.EVENT_STREAM, headers={LOG_HEADER: asked.receipt.log_state})


@router.post("/feedback", response_model=FeedbackReceipt, responses=documented(404, 413, 415, 422, 503))
def feedback(body: FeedbackRequest, service: ServiceDep) -> FeedbackReceipt:
    """Rates an answer by its ``answer_id`` (or ``question_id``) and the ``feedback_token`` it came with;
    404 for a wrong pair, whether or not the id exists; 503 ``store_unavailable`` when the store refuses."""
    key: int | str = body.answer_id if body.answer_id is not None else int(body.question_id or 0)
    service.feedback(key, body.rating, body.comment, body.feedback_token)
    return FeedbackReceipt()
