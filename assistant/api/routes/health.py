"""``GET /healthz``: whether this process is ready to answer."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.api.deps import ServiceDep
from assistant.api.errors import documented
from assistant.api.schemas import Health

router = APIRouter(tags=["service"])


@router.get("/healthz", response_model=Health, responses=documented(503))
def healthz(service: ServiceDep) -> Health:
    """200 once the engine is warm and its index version is present and non-empty in the index store;
    503 ``not_ready`` while loading (with ``Retry-After``), 503 ``index_missing`` when the store lost it."""
    engine = service.check_index()
    return Health(status="ok", articles=len(engine.retriever.articles), index_version=engine.index_version)
