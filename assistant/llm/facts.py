"""What the plan of a turn licenses a written answer to say: ``facts_of(plan, book) -> PlanFacts``.

The same record feeds the prompt (the facts a model words, as a list) and the guard (what each claim is
checked against), so the model is asked to say exactly what the guard will accept.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.conversation.plan_records import Plan, Route, Step, Verdict
from assistant.records import Calculation
from assistant.rules.book import Rule, RuleBook
from assistant.rules.calculator import are_alternatives
from index.articles import Article

NOT_SPECIFIED_ROUTES = {Route.NOT_SPECIFIED, Route.NO_AMOUNT}


@dataclass(frozen=True)
class LookupFact:
    """The asked fact of a lookup: the article's sentence that states it, its clause, and the figure."""

    chunk_id: str
    sentence: str
    clause: str
    figure: str  # e.g. 30个工作日; empty when the ask wants text, not a figure


@dataclass(frozen=True)
class PlanFacts:
    """Amounts in integer yuan; chunk ids as ``doc:key``."""

    routes: tuple[Route, ...]
    planned: tuple[str, ...]  # the article each step answers from: the answer must cite every one
    articles: tuple[Article, ...]  # every article the plan chose
    retrieved: tuple[str, ...]  # what retrieval returned (may be cited beside the planned ones)
    rules: tuple[Rule, ...]  # the award rules the plan chose
    calculations: tuple[Calculation, ...]  # the engine's calculations for those rules
    totals: tuple[int, ...]  # totals after annual caps
    item_caps: tuple[int, ...]  # per-item ceilings of the planned rules (最高 … per item)
    annual_caps: tuple[int, ...]  # per-entity yearly caps of the planned rules
    thresholds: tuple[int, ...]  # amounts the planned rules' conditions require (首付款不低于1亿元)
    bases: tuple[int, ...]  # what the rates apply to: the calculations' inputs and the stated amounts
    lookups: tuple[LookupFact, ...]
    validity_documents: tuple[str, ...]  # documents a validity ask is about

    @property
    def not_specified(self) -> bool:
        """Every step is one the sources set nothing for (no amount, no materials, no deadline)."""
        return bool(self.routes) and all(r in NOT_SPECIFIED_ROUTES for r in self.routes)

    @property
    def no_amount(self) -> bool:
        return Route.NO_AMOUNT in self.routes and not self.calculations

    @property
    def is_award(self) -> bool:
        return bool(self.calculations)

    @property
    def uncapped(self) -> frozenset[int]:
        """What the share gives before a binding per-item ceiling (yuan): a term of the calculation, never the award."""
        return frozenset(c.uncapped_yuan for c in self.calculations if c.uncapped_yuan is not None)

    @property
    def awards(self) -> set[int]:
        """Every amount an answer may state as an award: a computed one or a planned rule's per-item ceiling."""
        return {c.amount_yuan for c in self.calculations} | set(self.totals) | set(self.item_caps)

    @property
    def departments(self) -> dict[str, tuple[str, ...]]:
        return {a.chunk_id: a.departments for a in self.articles}


def facts_of(plan: Plan, book: RuleBook) -> PlanFacts:
    """The facts of ``plan``; rules and caps come from ``book``."""
    steps = [s for s in plan.steps if s.articles]
    calculations = [c for s in steps if s.estimate for c in s.estimate.calculations]
    rules = _rules(steps, calculations, book)
    bases = {int(v) for c in calculations for k, v in c.inputs.items() if k.endswith("_yuan") and _is_int(v)}
    bases |= {int(a.yuan) for a in plan.question.facts.amounts}
    annual = {book.annual_caps[r.annual_cap].cap_yuan for r in rules if r.annual_cap}
    lookups = [LookupFact(s.articles[0].chunk_id, s.lead.sentence or s.lead.text, s.lead.text, s.lead.figure)
               for s in steps if s.route is Route.LOOKUP and s.lead is not None]
    return PlanFacts(
        routes=tuple(s.route for s in plan.steps),
        planned=tuple(dict.fromkeys(s.articles[0].chunk_id for s in steps)),
        articles=tuple({a.chunk_id: a for s in steps for a in s.articles}.values()),
        retrieved=tuple(plan.retrieved),
        rules=tuple(rules),
        calculations=tuple(calculations),
        totals=tuple(s.estimate.total_yuan for s in steps if s.estimate and not are_alternatives(s.estimate.calculations)),
        item_caps=tuple(dict.fromkeys(int(r.cap_yuan) for r in rules)),
        annual_caps=tuple(sorted(int(a) for a in annual)),
        thresholds=tuple(sorted({int(c.min_yuan) for r in rules for cid in r.conditions
                                 if (c := book.conditions[cid]).min_yuan is not None})),
        bases=tuple(sorted(bases)),
        lookups=tuple(lookups),
        validity_documents=tuple(s.document for s in steps if s.route is Route.VALIDITY and s.document),
    )


def _rules(steps: list[Step], calculations: list[Calculation], book: RuleBook) -> list[Rule]:
    chosen: dict[str, Rule] = {}
    for step in steps:
        if step.request is not None and not _not_eligible(step):
            for rule in step.request.rules or step.request.candidates:
                chosen[rule.id] = rule
    for calculation in calculations:
        chosen[calculation.rule_id] = book.rule(calculation.rule_id)
    return list(chosen.values())


def _not_eligible(step: Step) -> bool:
    """The asked rules do not apply (another measure's may): their ceilings license nothing."""
    return step.eligibility is not None and step.eligibility.verdict is Verdict.NOT_ELIGIBLE


def _is_int(value: str) -> bool:
    return value.isdigit()
