"""The typed records that cross module borders and form the HTTP schema."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from assistant.language import Language


class Status(StrEnum):
    """How an answer answers: answered; clarify (a question back, e.g. the R&D amount is missing);
    out_of_scope (refused); not_specified (in scope, but the sources set nothing, e.g. 一事一议)."""

    ANSWERED = "answered"
    CLARIFY = "clarify"
    OUT_OF_SCOPE = "out_of_scope"
    NOT_SPECIFIED = "not_specified"


class Citation(BaseModel):
    """An article an answer rests on: its document, 文号, label as printed, text, 责任单位 and validity."""

    chunk_id: str
    doc_id: str
    doc_number: str | None = Field(description="文号, e.g. 沪府办规〔2024〕9号")
    doc_title: str
    article: str = Field(description="the label as printed: （五）, 18, 问3 …")
    title: str = ""
    text: str
    departments: list[str] = Field(default_factory=list, description="责任单位 listed in the article")
    validity: str = Field(default="", description="the document's status on the day answered")


class SearchResult(Citation):
    """A citation found by a search, with its fused score (higher is better) and the query terms it matched."""

    score: float
    matched_terms: list[str] = Field(default_factory=list)


class Step(BaseModel):
    """One parameter a calculation used, with where it comes from (the OpenFisca trace idea)."""

    name: str
    value: str
    source: str


class Calculation(BaseModel):
    """One item's award ceiling from the rules engine: ``amount_yuan`` is whole yuan (0 when not eligible),
    ``formula`` the computation as text, ``steps`` every parameter used with its article."""

    rule_id: str
    rule_name: str
    kind: str
    citation: Citation
    inputs: dict[str, str]
    eligible: bool
    amount_yuan: int
    amount_text: str
    formula: str
    base_yuan: int | None = Field(default=None, description="the base the item was computed on, in yuan (the R&D spend, "
                                                              "the guarantee wanted); None for an item taken at its ceiling")
    ceiling_yuan: int | None = Field(default=None, description="the rule's per-item ceiling in yuan (（二十九）'s 2000万 "
                                                                 "guarantee ceiling for small and micro firms)")
    uncapped_yuan: int | None = Field(default=None, description="rate × base in yuan when it is above the per-item "
                                                                 "ceiling, which then applies (（二十三）: 30% × 4亿 = 1.2亿 "
                                                                 "→ 1亿); None when the ceiling does not bind")
    notes: list[str] = Field(default_factory=list)
    caps_applied: list[str] = Field(default_factory=list, description="the ceilings that bound, in the order they were "
                                                                       "applied: the item's own ceiling first (with what "
                                                                       "the share gave), then the per-entity annual cap")
    steps: list[Step] = Field(default_factory=list)


class AwardEstimate(BaseModel):
    """Several items in one year: each item's ceiling, then the per-entity annual caps across them."""

    calculations: list[Calculation]
    total_yuan: int
    total_text: str
    formula: str
    notes: list[str] = Field(default_factory=list)
    received_yuan: int | None = Field(default=None, description="support already received this year, taken off the annual cap")


class Verdict(BaseModel):
    """Whether the stated case is covered by a measure: eligible / not_eligible / unknown."""

    measure: str = Field(description="the measure's key in the main policy, e.g. 05 for （五）")
    verdict: str


class PublicAnswer(BaseModel):
    """An answer as clients see it (``POST /v1/chat``): the text, its status, citations and figures."""

    session_id: str
    answer: str
    status: Status
    citations: list[Citation] = Field(default_factory=list)
    calculations: list[Calculation] = Field(default_factory=list)
    total_yuan: int | None = Field(default=None, description="after annual caps, when several items")
    language: Language = Language.SIMPLIFIED
    verdicts: list[Verdict] = Field(default_factory=list, description="eligibility verdicts, one per measure judged")
    written_by: str = Field(default="rules", description="rules (deterministic composer) or llm (checked by the guard)")
    options: list[str] = Field(default_factory=list,
                               description="replies the user can send when status is clarify, one per rule of the measure")
    session_restarted: bool = Field(default=False, description=(
        "true when the session_id sent was never issued by this server or has expired: the turn started a new "
        "conversation (without the earlier turns), whose id is session_id"))


class Answer(PublicAnswer):
    """An answer with what the engine keeps for itself: why a model's answer was refused, what was retrieved."""

    guard_problems: list[str] = Field(default_factory=list, exclude=True)
    retrieved: list[str] = Field(default_factory=list, exclude=True)
