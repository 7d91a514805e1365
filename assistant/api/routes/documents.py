"""``GET /v1/documents`` and ``GET /v1/articles/{chunk_id}``: the corpus and its articles."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.api.deps import EngineDep
from assistant.api.errors import documented
from assistant.api.schemas import DocumentInfo, DocumentsResponse
from assistant.errors import NotFound
from assistant.records import Citation

router = APIRouter(prefix="/v1", tags=["documents"])


@router.get("/documents", response_model=DocumentsResponse, responses=documented(503))
def documents(engine: EngineDep) -> DocumentsResponse:
    """Every document with its 文号, dates and status on the service's day."""
    day = engine.settings.current_date()
    return DocumentsResponse(documents=[
        DocumentInfo(id=d.id, title=d.title, title_en=d.title_en, number=d.number, issuer=d.issuer,
                     kind=d.kind.value, indexed=d.indexed, signed=d.signed, published=d.published,
                     valid_from=d.valid_from, valid_to=d.valid_to, status=d.status_on(day).value, same_as=d.same_as,
                     superseded_by=d.superseded_by, followed_by=d.followed_by)
        for d in engine.catalogue.documents
    ])


@router.get("/articles/{chunk_id}", response_model=Citation, responses=documented(404, 422, 503))
def article(chunk_id: str, engine: EngineDep) -> Citation:
    """One article as a citation (``policy2024:05`` is （五） of the main policy); 404 when no article has the id."""
    citation = engine.article(chunk_id)
    if citation is None:
        raise NotFound(f"no article {chunk_id!r}")
    return citation
