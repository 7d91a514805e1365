"""``POST /v1/search``: the articles that match a query, best first."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from assistant.api.deps import ServiceDep
from assistant.api.errors import documented
from assistant.api.schemas import SearchRequest, SearchResponse

router = APIRouter(prefix="/v1", tags=["search"])


@router.post("/search", response_model=SearchResponse, responses=documented(413, 415, 422, 503))
async def search(body: SearchRequest, service: ServiceDep) -> SearchResponse:
    """Citations with their score and the query terms each matched; ``in_force_only`` drops expired documents."""

    def found() -> SearchResponse:  # one worker thread for following the index version and searching
        return SearchResponse(results=service.engine.search(body.query, k=body.k, in_force_only=body.in_force_only))

    return await run_in_threadpool(found)
