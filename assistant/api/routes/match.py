"""``POST /v1/match``: every measure a company profile may claim, with ceilings from the rules engine."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from assistant.engine import Engine
from assistant.match.profile import CompanyProfile
from assistant.match.records import MatchResult

router = APIRouter(prefix="/v1", tags=["awards"])


class MatchRequest(BaseModel):
    """A company profile (amounts in whole yuan, or text such as ``"9000万"``) and the answer's language."""

    model_config = ConfigDict(extra="forbid")

    profile: CompanyProfile
    language: Literal["zh", "en"] = Field(default="zh", description="zh (simplified Chinese) or en")


def _engine(request: Request) -> Engine:
    engine: Engine = request.app.state.holder.get()
    return engine


@router.post("/match", response_model=MatchResult,
             responses={422: {"description": "a profile field is invalid: {\"error\": {\"code\", \"message\"}}"}})
def match(body: MatchRequest, request: Request) -> MatchResult:
    """Per measure of the in-force policy: verdicts, ceilings and formulas, annual caps, missing facts,
    责任单位 and citation; non-monetary support; totals that are ceilings. Expired documents are only named."""
    return _engine(request).match(body.profile, body.language)
