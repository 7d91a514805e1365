"""``GET /v1/staff/questions``: the question log for hotline staff (staff bearer token)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from assistant.api.deps import ServiceDep, require_staff
from assistant.api.errors import documented
from assistant.api.schemas import StaffQuestions

router = APIRouter(prefix="/v1/staff", tags=["staff"], dependencies=[Depends(require_staff)])


@router.get("/questions", response_model=StaffQuestions, responses=documented(401, 422, 429))
def questions(service: ServiceDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> StaffQuestions:
    """The latest ``limit`` logged questions (newest first) with their status, citations and feedback."""
    return StaffQuestions(questions=service.recent(limit))
