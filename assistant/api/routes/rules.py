"""``GET /v1/rules`` and ``POST /v1/calculate``: the award rules and the ceilings they give."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.api.deps import EngineDep
from assistant.api.errors import documented
from assistant.api.schemas import CalculateRequest, RuleInfo, RulesResponse
from assistant.engine import Engine
from assistant.records import AwardEstimate, Calculation
from assistant.rules.book import Rule
from assistant.rules.calculator import CalculationError, Item
from assistant.rules.units import require_units

router = APIRouter(prefix="/v1", tags=["awards"])
JSON_NUMBERS = "; a JSON number is yuan"  # how the API reads an amount sent as a number


@router.get("/rules", response_model=RulesResponse, responses=documented(503))
def rules(engine: EngineDep) -> RulesResponse:
    """Every rule with its ceiling, rate, conditions, dates and the inputs ``POST /v1/calculate`` takes for it."""
    return RulesResponse(rules=[rule_info(engine, rule) for rule in engine.book.rules])


@router.post("/calculate", response_model=Calculation | AwardEstimate, responses=documented(404, 413, 415, 422, 503))
def calculate(body: CalculateRequest, engine: EngineDep) -> Calculation | AwardEstimate:
    """One item (``rule_id`` + ``inputs``) → a Calculation; several (``items``) → an AwardEstimate with the
    annual caps applied across them. Amounts are yuan or text such as ``6000万``; 404 for an unknown rule."""
    if body.items is not None:
        if body.rule_id is not None:
            raise CalculationError("give either rule_id and inputs, or items, not both")
        for item in body.items:
            require_units(engine.book, item.rule_id, item.inputs, JSON_NUMBERS)
        return engine.estimate([Item(i.rule_id, i.inputs) for i in body.items], body.language)
    if body.rule_id is None:
        raise CalculationError("rule_id is required")
    require_units(engine.book, body.rule_id, body.inputs, JSON_NUMBERS)
    return engine.calculate(body.rule_id, body.inputs, body.language)


def rule_info(engine: Engine, rule: Rule) -> RuleInfo:
    """``rule`` as ``GET /v1/rules`` lists it; its inputs are ``RuleBook.inputs``, the calculator's own list."""
    book = engine.book
    takes = book.inputs(rule.id)
    return RuleInfo(
        id=rule.id, measure=rule.measure, article=f"{book.document}:{rule.measure}", name=rule.name,
        name_en=rule.name_en, kind=rule.kind, quote=rule.quote, base=rule.base,
        rate=str(rule.rate) if rule.rate is not None else None, cap_yuan=int(rule.cap_yuan), per=rule.per,
        merit_based=rule.merit_based,
        annual_cap_yuan=int(book.annual_caps[rule.annual_cap].cap_yuan) if rule.annual_cap else None,
        conditions=[book.conditions[c].text for c in rule.conditions],
        valid_from=book.funding_valid_from, valid_to=book.valid_to,
        inputs=list(takes.accepted), required_inputs=list(takes.required),
    )
