"""``GET /healthz``: whether the service answers."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.api.deps import EngineDep
from assistant.api.errors import documented
from assistant.api.schemas import Health

router = APIRouter(tags=["service"])


@router.get("/healthz", response_model=Health, responses=documented(503))
def healthz(engine: EngineDep) -> Health:
    """200 once the index is loaded, with its article count."""
    return Health(status="ok", articles=len(engine.retriever.articles))
