"""``POST /v1/match``: every measure a company profile may claim, with ceilings from the rules engine."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from assistant.api.deps import EngineDep
from assistant.api.errors import documented
from assistant.match.profile import CompanyProfile
from assistant.match.records import MatchResult

router = APIRouter(prefix="/v1", tags=["awards"])


class MatchRequest(BaseModel):
    """A company profile (amounts in whole yuan, or text such as ``"9000万"``) and the answer's language."""

    model_config = ConfigDict(extra="forbid")

    profile: CompanyProfile
    language: Literal["zh", "zh-Hans", "zh-Hant", "en"] = Field(
        default="zh", description="zh or zh-Hans (simplified Chinese), zh-Hant (traditional) or en")


@router.post("/match", response_model=MatchResult, responses=documented(413, 415, 422, 503))
def match(body: MatchRequest, engine: EngineDep) -> MatchResult:
    """Per measure of the in-force policy: verdicts, ceilings and formulas, annual caps, missing facts,
    责任单位 and citation; non-monetary support; totals that are ceilings. Expired documents are only named."""
    return engine.match(body.profile, "zh" if body.language == "zh-Hans" else body.language)
