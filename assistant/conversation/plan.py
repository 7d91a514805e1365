"""Scope and plan: for each ask of a ``Question``, the route, the article(s), the rule(s) and verdict.

``Planner.plan(question, session) -> Plan``. Nothing here writes words for the user: the composer
turns a ``Plan`` into the answer. Figures come from the rules engine (``AwardCalculator``); the
conditions that decide eligibility are the rule data's (``rules/awards.yaml`` + ``eligibility.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from assistant.conversation.extract import Lead, lead_clause
from assistant.conversation.question import AmountRole, Ask, AskKind, Question
from assistant.conversation.scope import ScopeVerdict, judge
from assistant.conversation.sessions import Session
from assistant.conversation.slots import AwardRequest, read_award
from assistant.conversation.understand import without_ask_words
from assistant.language import Language
from assistant.records import AwardEstimate
from assistant.retrieval import HybridRetriever
from assistant.rules.book import Rule, RuleBook
from assistant.rules.calculator import AwardCalculator, Item
from index.articles import Article
from index.documents import Catalogue

ELIGIBILITY_PATH = Path(__file__).resolve().parent.parent / "rules" / "eligibility.yaml"
MIN_KEYWORD_SCORE = 1.8
FOLLOW_UP_MAX_CHARS = 40
HITS = 5


class Route(StrEnum):
    """How one ask is answered."""

    OUT_OF_SCOPE = "out_of_scope"
    GREETING = "greeting"
    AWARD = "award"  # the rules engine computes a ceiling
    REQUIRED_BASE = "required_base"  # the spend a ceiling needs (ceiling ÷ rate)
    CEILINGS = "ceilings"  # the per-item ceilings and annual cap, when no base is stated
    CLARIFY_RULE = "clarify_rule"
    CLARIFY_BASE = "clarify_base"
    CLARIFY_CURRENCY = "clarify_currency"
    NO_AMOUNT = "no_amount"  # the measure supports, but sets no amount (一事一议 …): not_specified
    NOT_SPECIFIED = "not_specified"  # the sources do not say (materials, deadlines …)
    ELIGIBILITY = "eligibility"
    LOOKUP = "lookup"
    DEPARTMENTS = "departments"
    VALIDITY = "validity"


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Eligibility:
    """A verdict on one rule (or measure) for the stated facts, with the condition that decided it."""

    verdict: Verdict
    measure: str
    rule: Rule | None = None
    condition: str = ""  # the condition id that failed, when not eligible
    instead: str = ""  # the measure that covers the case, when another one does


@dataclass
class Step:
    """One ask, planned: the articles to cite (first = the answer's source) and what to say from them."""

    ask: Ask
    route: Route
    articles: list[Article] = field(default_factory=list)
    lead: Lead | None = None
    request: AwardRequest | None = None
    estimate: AwardEstimate | None = None
    eligibility: Eligibility | None = None
    corrections: list[tuple[Decimal, Rule, Decimal]] = field(default_factory=list)  # (stated, rule, right figure)
    required_base: tuple[Rule, Decimal, Decimal] | None = None  # (rule, target award, base needed)
    document: str | None = None  # VALIDITY: the document asked about
    scope: ScopeVerdict | None = None


@dataclass
class Plan:
    question: Question
    steps: list[Step]
    retrieved: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _ConditionFacts:
    fails_if: dict[str, tuple[str, ...]]
    instead: dict[str, str]


@dataclass(frozen=True)
class ExtraCondition:
    """A condition of the text on who is supported, judged from facts only (eligibility.yaml)."""

    id: str
    text: str
    text_en: str
    quote: str
    rules: tuple[str, ...]


@dataclass(frozen=True)
class _EligibilityData:
    conditions: dict[str, _ConditionFacts]  # every condition facts can contradict, extra ones included
    extras: dict[str, ExtraCondition]
    instead_rules: dict[str, str]  # measure → the rule that covers a case sent there


@cache
def _eligibility_data() -> _EligibilityData:
    raw = yaml.safe_load(ELIGIBILITY_PATH.read_text(encoding="utf-8"))
    extras = raw.get("extra_conditions", {})
    conditions = {
        cid: _ConditionFacts(
            fails_if={fact: tuple(str(v).lower() for v in values) for fact, values in entry.get("fails_if", {}).items()},
            instead={fact: str(measure) for fact, measure in entry.get("instead", {}).items()},
        )
        for cid, entry in {**raw["conditions"], **extras}.items()
    }
    return _EligibilityData(
        conditions=conditions,
        extras={cid: ExtraCondition(cid, e["text"], e["text_en"], e["quote"], tuple(e["rules"])) for cid, e in extras.items()},
        instead_rules={str(k): str(v) for k, v in raw["instead_rules"].items()},
    )


def extra_conditions() -> dict[str, ExtraCondition]:
    """Conditions beyond the calculator's, by id."""
    return _eligibility_data().extras


class Planner:
    def __init__(self, retriever: HybridRetriever, book: RuleBook, calculator: AwardCalculator, cat: Catalogue,
                 today: date) -> None:
        self.retriever = retriever
        self.book = book
        self.calculator = calculator
        self.catalogue = cat
        self.today = today

    def plan(self, question: Question, session: Session, language: Language) -> Plan:
        """Every ask of ``question`` planned against the sources and the session's earlier turns."""
        plan = Plan(question, [])
        if question.greeting_only:
            plan.steps.append(Step(question.asks[0], Route.GREETING))
            return plan
        scope = judge(question, self.catalogue)
        if not scope.covered:
            plan.steps.append(Step(question.asks[0], Route.OUT_OF_SCOPE, scope=scope))
            return plan
        previous_articles = [a for cid in session.last_chunk_ids if (a := self.retriever.article(cid))]
        for ask in question.asks:
            step = self._plan_ask(question, ask, session, previous_articles, plan, language)
            plan.steps.append(step)
            if step.articles:
                previous_articles = step.articles
        return plan

    # --- one ask ---------------------------------------------------------------------------------
    def _plan_ask(self, question: Question, ask: Ask, session: Session, previous: list[Article], plan: Plan,
                  language: Language) -> Step:
        topic_is_empty = self.retriever.keyword_score(without_ask_words(ask.text.lower())) < MIN_KEYWORD_SCORE
        if ask.kind is AskKind.DEPARTMENTS and previous and (ask.points_back or topic_is_empty):
            return Step(ask, Route.DEPARTMENTS, previous[:1])
        if ask.kind is AskKind.VALIDITY and (question.document or (previous and topic_is_empty)):
            document = question.document or previous[0].doc_id
            return Step(ask, Route.VALIDITY, self._document_articles(document, previous), document=document)

        query = ask.text if len(ask.text) >= 6 or not previous else f"{ask.text} {previous[0].title}"
        pointed = [question.document] if question.document and question.document_pointed else None
        hits = self.retriever.search(query, k=HITS, prefer_on=self.today, doc_ids=pointed)
        plan.retrieved.extend(h.article.chunk_id for h in hits if h.article.chunk_id not in plan.retrieved)
        in_scope = bool(hits) and self.retriever.is_about_policy(query, MIN_KEYWORD_SCORE)
        award_slots = session.award
        short = len(question.text) <= FOLLOW_UP_MAX_CHARS
        has_amounts = bool(question.facts.amounts)
        follow_up = award_slots is not None and short and (question.follow_up or has_amounts or not in_scope)

        if not in_scope and not follow_up:
            if previous and ask.points_back:
                hits = []
            else:
                return Step(ask, Route.OUT_OF_SCOPE, scope=ScopeVerdict(False, "no_match"))
        top = hits[0].article if hits else previous[0]

        if ask.kind is AskKind.HOW_TO_APPLY:
            return Step(ask, Route.NOT_SPECIFIED, [top])
        if ask.kind is AskKind.DEPARTMENTS:
            return Step(ask, Route.DEPARTMENTS, [top])
        if ask.kind is AskKind.VALIDITY:
            return Step(ask, Route.VALIDITY, self._document_articles(top.doc_id, [top]), document=top.doc_id)

        measure = self._award_measure(hits, question) if in_scope else None
        if follow_up and award_slots is not None and (measure is None or ask.kind not in {AskKind.AMOUNT, AskKind.ELIGIBILITY}):
            measure = award_slots.measure
        wants_award = ask.kind in {AskKind.AMOUNT, AskKind.REQUIRED_BASE, AskKind.ELIGIBILITY} or has_amounts or follow_up
        if measure and wants_award and (ask.kind is not AskKind.WHAT or has_amounts or follow_up):
            return self._award(question, ask, measure, session, language)
        if ask.kind in {AskKind.AMOUNT, AskKind.REQUIRED_BASE} and top.doc_id == self.book.document:
            return Step(ask, Route.NO_AMOUNT, [top], lead=lead_clause(top.text, AskKind.WHAT, "支持 " + ask.text))
        if ask.kind is AskKind.ELIGIBILITY:
            step = Step(ask, Route.ELIGIBILITY, [top], lead=lead_clause(top.text, AskKind.WHAT, ask.text))
            step.eligibility = self._measure_verdict(question, top)
            return step
        lead = lead_clause(top.text, ask.kind, ask.text)
        if ask.kind in {AskKind.DURATION, AskKind.FIGURE} and not lead.figure:
            return Step(ask, Route.NOT_SPECIFIED, [top])  # the article states no such figure
        return Step(ask, Route.LOOKUP, [top], lead=lead)

    def _document_articles(self, document: str, previous: list[Article]) -> list[Article]:
        """The article that states a document's validity, else the one discussed, else its first."""
        stated = self.retriever.article(f"{document}:validity")
        if stated is not None:
            return [stated]
        same = [a for a in previous if a.doc_id == document]
        if same:
            return same[:1]
        articles = [a for a in self.retriever.articles if a.doc_id == document]
        return articles[:1]

    def _award_measure(self, hits: Sequence[Any], question: Question) -> str | None:
        """The measure an award question is about: the top hit's, when it carries award rules.

        A top hit that is a measure of the policy without rules means the text sets no amount (None);
        a top hit in another document (a press answer about a measure) defers to the next hits.
        """
        measures = set(self.book.measures())
        for hit in hits[:3]:
            if hit.article.doc_id == self.book.document:
                return str(hit.article.key) if hit.article.key in measures else None
        return None

    # --- awards ----------------------------------------------------------------------------------
    def _award(self, question: Question, ask: Ask, measure: str, session: Session, language: Language) -> Step:
        article = self._measure_article(measure)
        request = read_award(question, measure, self.book, session.award)
        session.award = request.slots()
        step = Step(ask, Route.AWARD, [article], request=request)
        step.eligibility = self._rules_verdict(question, measure, request.rules or list(request.candidates))
        if step.eligibility.verdict is Verdict.NOT_ELIGIBLE:
            if step.eligibility.instead:
                return self._instead(question, ask, step, language)
            step.route = Route.ELIGIBILITY
            return step
        if ask.kind is AskKind.REQUIRED_BASE:
            return self._required_base(question, step)
        if request.missing == "rule":
            if ask.kind is AskKind.ELIGIBILITY:
                step.route = Route.ELIGIBILITY
                step.lead = lead_clause(article.text, AskKind.WHAT, ask.text)
                step.eligibility = Eligibility(step.eligibility.verdict, measure)
                return step
            step.route = Route.CLARIFY_RULE
            return step
        if request.missing == "base":
            if question.facts.in_usd:
                step.route = Route.CLARIFY_CURRENCY
                return step
            if ask.kind is AskKind.ELIGIBILITY:
                step.route = Route.ELIGIBILITY
                step.lead = lead_clause(article.text, AskKind.WHAT, ask.text)
                return step
            if question.asks_ceiling and not question.facts.amounts:
                step.route = Route.CEILINGS
                return step
            step.route = Route.CLARIFY_BASE
            return step
        if question.facts.in_usd and any(r.rate is not None for r in request.rules):
            step.route = Route.CLARIFY_CURRENCY
            return step
        step.estimate = self.calculator.estimate(request.items(), self.today, language)
        step.corrections = self._corrections(question, request, step.estimate)
        return step

    def _instead(self, question: Question, ask: Ask, step: Step, language: Language) -> Step:
        """The asked measure does not apply; the one that does is computed in its place."""
        assert step.eligibility is not None
        other = step.eligibility.instead
        rule_id = _eligibility_data().instead_rules.get(other)
        step.articles = [self._measure_article(other), *step.articles]
        if rule_id is None:
            return step
        rule = self.book.rule(rule_id)
        inputs: dict[str, Any] = {}
        bases = [a.yuan for a in question.facts.amounts_as(AmountRole.BASE)]
        if rule.rate is not None:
            if not bases:
                step.route = Route.ELIGIBILITY
                return step
            inputs["base_yuan"] = bases[0]
        if question.facts.in_usd and rule.rate is not None:
            step.route = Route.CLARIFY_CURRENCY
            return step
        step.estimate = self.calculator.estimate([Item(rule.id, inputs)], self.today, language)
        return step

    def _required_base(self, question: Question, step: Step) -> Step:
        request = step.request
        assert request is not None
        rules = [r for r in request.rules if r.rate is not None]
        if len(rules) != 1:
            step.route = Route.CLARIFY_RULE
            return step
        [rule] = rules
        desired = question.facts.amounts_as(AmountRole.DESIRED) or question.facts.amounts_as(AmountRole.CLAIMED)
        target = min(desired[0].yuan, rule.cap_yuan) if desired else rule.cap_yuan
        assert rule.rate is not None
        step.route = Route.REQUIRED_BASE
        step.required_base = (rule, target, (target / rule.rate).quantize(Decimal(1)))
        if desired and desired[0].yuan > rule.cap_yuan:
            step.corrections.append((desired[0].yuan, rule, rule.cap_yuan))
        return step

    def _corrections(self, question: Question, request: AwardRequest, estimate: AwardEstimate) -> list[tuple[Decimal, Rule, Decimal]]:
        """A stated award that the sources contradict: (stated, rule, the right figure)."""
        corrections = []
        computed = Decimal(estimate.total_yuan)
        for stated in question.facts.amounts_as(AmountRole.CLAIMED):
            for rule in request.rules:
                if stated.yuan > rule.cap_yuan:
                    corrections.append((stated.yuan, rule, rule.cap_yuan))
                    break
            else:
                if stated.yuan > computed and request.rules:
                    corrections.append((stated.yuan, request.rules[0], computed))
        return corrections

    def _measure_article(self, measure: str) -> Article:
        article = self.retriever.article(f"{self.book.document}:{measure}")
        assert article is not None, f"the index holds no article {measure}"
        return article

    # --- eligibility -----------------------------------------------------------------------------
    def _rules_verdict(self, question: Question, measure: str, rules: Sequence[Rule]) -> Eligibility:
        """Not eligible when a stated fact contradicts a condition every candidate rule has."""
        data = _eligibility_data()
        conditions = data.conditions
        facts = question.facts
        values = {
            "drug_class": facts.drug_class,
            "trial_location": facts.trial_location,
            "registered": facts.registered,
            "related_party": None if facts.related_party is None else str(facts.related_party).lower(),
            "applicant_role": facts.applicant_role,
        }
        if facts.device and facts.drug_class is None:
            values["drug_class"] = None
        extras = data.extras
        for rule in rules:
            for condition_id in [*rule.conditions, *(c.id for c in extras.values() if rule.id in c.rules)]:
                known = conditions.get(condition_id)
                if known is None:
                    continue
                for fact, failing in known.fails_if.items():
                    if values.get(fact) is not None and str(values[fact]).lower() in failing:
                        return Eligibility(Verdict.NOT_ELIGIBLE, measure, rule, condition_id,
                                           known.instead.get(fact, ""))
        only = rules[0] if len(rules) == 1 else None
        if only is not None and "class1_new_drug" in only.conditions and facts.drug_class is None and not facts.cgt:
            return Eligibility(Verdict.UNKNOWN, measure, only, "class1_new_drug")
        return Eligibility(Verdict.ELIGIBLE, measure, only)

    def _measure_verdict(self, question: Question, article: Article) -> Eligibility:
        """A measure with no award rules: eligible unless the asker is registered elsewhere."""
        if question.facts.registered == "elsewhere":
            return Eligibility(Verdict.NOT_ELIGIBLE, article.key, None, "registered_in_shanghai")
        if article.doc_id != self.book.document:
            return Eligibility(Verdict.UNKNOWN, article.key)
        return Eligibility(Verdict.ELIGIBLE, article.key)
