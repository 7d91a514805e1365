"""``POST /v1/admin/reindex``: rebuild the index from the sources (admin bearer token)."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Depends

from assistant.api.deps import ServiceDep, require_admin
from assistant.api.errors import documented
from assistant.api.schemas import ReindexResult

router = APIRouter(prefix="/v1/admin", tags=["admin"], dependencies=[Depends(require_admin)])


@router.post("/reindex", response_model=ReindexResult, responses=documented(401, 415, 422, 429, 500, 503))
async def reindex(service: ServiceDep) -> ReindexResult:
    """Builds a new index version (unchanged articles keep their vectors) and swaps the engine; every worker
    follows with its next request. On failure (500 ``reindex_failed``) the previous index keeps serving."""
    # waited for in a thread of its own, outside the few request threads (``PA_REQUEST_THREADS``): the build
    # takes seconds, and holding one of them meanwhile left the chats of this worker fewer to run on
    done = await asyncio.get_running_loop().run_in_executor(None, service.reload)
    return ReindexResult(articles=len(done.engine.retriever.articles), index_version=done.index_version,
                         embedded=done.embedded)
