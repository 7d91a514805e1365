"""The records of a policy match: per measure, per claimed item, with ceilings from the rules engine."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field

from assistant.records import Calculation, Citation


class ClaimVerdict(StrEnum):
    ELIGIBLE = "eligible"  # every condition is met by the stated facts
    ELIGIBLE_IF = "eligible_if"  # nothing contradicts it; conditions the departments judge remain
    NOT_ELIGIBLE = "not_eligible"  # a stated fact contradicts a condition (quoted)
    UNKNOWN = "unknown"  # facts that decide a condition are missing (named in ``missing``)


class ConditionNote(BaseModel):
    """A condition that decided or still limits a claim: its words and the policy's quote."""

    id: str
    state: str = Field(description="failed | assessed | unknown")
    text: str
    quote: str


class Claim(BaseModel):
    """One item (a drug stage, a device, a fair ...) under one rule."""

    rule_id: str
    rule_name: str
    item: str = Field(description="the item as the profile names it (``展会 2/4`` for one of several like items)")
    entry: str = Field(description="the profile entry the item comes from (``展会``)")
    verdict: ClaimVerdict
    conditions: list[ConditionNote] = Field(default_factory=list, description="failed, judged-on-review or undecided")
    instead: str | None = Field(default=None, description="the measure that covers the case, e.g. （十二）")
    missing: list[str] = Field(default_factory=list, description="facts still needed, in words")
    cap_yuan: int = Field(description="the rule's ceiling per item")
    ceiling_yuan: int | None = Field(default=None, description="this item's ceiling from the rules engine; null when not computed")
    calculation: Calculation | None = None
    merit_based: bool
    kind: str


class AnnualCapUse(BaseModel):
    """A per-entity annual cap (年度累计上限) over the items of one measure."""

    id: str
    cap_yuan: int
    quote: str
    items_total_yuan: int = Field(description="the items' ceilings added up before the cap")
    applied: bool = Field(description="the items exceed the cap, so the cap is the ceiling")


class MeasureMatch(BaseModel):
    """One measure of the policy with every item the profile claims under it."""

    measure: str = Field(description="the measure's key, e.g. 05")
    label: str = Field(description="as printed, e.g. （五）")
    title: str
    claims: list[Claim]
    total_yuan: int | None = Field(description="ceiling of the measure for the year; null for guarantee ceilings")
    total_text: str
    formula: str
    annual_cap: AnnualCapUse | None = None
    merit_based: bool
    alternatives: bool = Field(default=False, description="its ceilings are alternatives, not a sum")
    notes: list[str] = Field(default_factory=list)
    departments: list[str]
    citation: Citation


class Support(BaseModel):
    """A relevant measure that sets no amount: non-monetary support, or an amount the text does not set."""

    measure: str
    label: str
    title: str
    amount: str = Field(description="none (non-monetary) | not_specified (the text sets no amount)")
    departments: list[str]
    citation: Citation


class ExpiredDocument(BaseModel):
    """A document no longer in force: mentioned, never claimed under."""

    doc_id: str
    title: str
    number: str | None
    status: str
    valid_to: date | None


class TotalPart(BaseModel):
    """A money claim as the headline total treats it: counted, or left out with the facts it still needs."""

    measure: str
    label: str = Field(description="the measure as printed, e.g. （五）")
    item: str
    entry: str
    rule_name: str
    missing: list[str] = Field(default_factory=list, description="facts needed before it can be counted")


class MatchResult(BaseModel):
    """Every measure of the in-force policy a profile may claim, with totals that are ceilings."""

    on: date = Field(description="the day the match applies to")
    document: str
    document_number: str | None
    in_force: bool
    validity: str = Field(description="the policy's status and period on the day")
    measures: list[MeasureMatch]
    support: list[Support]
    total_yuan: int = Field(description="sum of the measures' money ceilings over the counted claims "
                                        "(guarantee ceilings excluded)")
    total_text: str
    counted: list[TotalPart] = Field(default_factory=list, description="the money claims the total adds up: "
                                     "eligible (or eligible on review) with a computed ceiling")
    not_counted: list[TotalPart] = Field(default_factory=list, description="money claims left out of the total: "
                                         "their verdict cannot be decided or their ceiling not computed yet")
    missing: list[str] = Field(default_factory=list, description="facts the profile still lacks, once each")
    incomplete_items: list[str] = Field(default_factory=list, description="profile entries no rule could place")
    expired: list[ExpiredDocument] = Field(default_factory=list)
    caveat: str
    language: str = "zh"
