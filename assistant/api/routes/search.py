"""``POST /v1/search``: the articles that match a query, best first."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.api.deps import EngineDep
from assistant.api.errors import documented
from assistant.api.schemas import SearchRequest, SearchResponse

router = APIRouter(prefix="/v1", tags=["search"])


@router.post("/search", response_model=SearchResponse, responses=documented(413, 422, 503))
def search(body: SearchRequest, engine: EngineDep) -> SearchResponse:
    """Citations with their score and the query terms each matched; ``in_force_only`` drops expired documents."""
    return SearchResponse(results=engine.search(body.query, k=body.k, in_force_only=body.in_force_only))
