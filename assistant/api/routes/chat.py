"""``POST /v1/chat`` (and its event stream) and ``POST /v1/feedback``: the conversation with an enterprise."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from assistant.api import streaming
from assistant.api.deps import ServiceDep
from assistant.api.errors import documented
from assistant.api.schemas import ChatRequest, FeedbackReceipt, FeedbackRequest
from assistant.records import PublicAnswer
from assistant.service import Surface

router = APIRouter(prefix="/v1", tags=["chat"])


@router.post("/chat", response_model=PublicAnswer, responses=documented(413, 422, 503))
def chat(body: ChatRequest, service: ServiceDep) -> PublicAnswer:
    """One turn: the answer with its status, citations and computed ceilings; pass ``session_id`` back to follow up."""
    return service.ask(body.message, body.session_id, Surface.API)


@router.post("/chat/stream", response_class=StreamingResponse,
             responses={**streaming.documented("``delta`` events with the text, then one ``answer`` event: the "
                                               "answer as POST /v1/chat returns it", "delta", "answer"),
                        **documented(413, 422, 503)})
def chat_stream(body: ChatRequest, service: ServiceDep) -> StreamingResponse:
    """The same turn as ``POST /v1/chat``, streamed (the whole answer is checked before the first event)."""
    answer = service.ask(body.message, body.session_id, Surface.API_STREAM)

    def events() -> Iterator[str]:
        for piece in streaming.pieces(answer.answer):
            yield streaming.event({"text": piece}, "delta")
        yield streaming.event(answer.model_dump(mode="json"), "answer")  # the internal fields are excluded

    return StreamingResponse(events(), media_type=streaming.EVENT_STREAM)


@router.post("/feedback", response_model=FeedbackReceipt, responses=documented(404, 413, 422))
def feedback(body: FeedbackRequest, service: ServiceDep) -> FeedbackReceipt:
    """Rates an answer by the ``question_id`` it came with; 404 for an id never given."""
    service.feedback(body.question_id, body.rating, body.comment)
    return FeedbackReceipt()
