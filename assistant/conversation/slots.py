"""Award slots: which rules of a measure a turn is about, with what bases, facts and items.

The measure comes from planning (the article the question is about); the rule within it from the
rules' trigger words; amounts from the ``Question`` record, by role (a desired award or an upfront
payment is never a base; a fee is the base only of rules whose base is a fee). Items accumulate
across turns when the asker adds one ("再加一个品种").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from assistant.conversation.question import AmountRole, Question
from assistant.rules.book import Rule, RuleBook
from assistant.rules.calculator import Item

FEE_BASE_WORDS = ("经费", "专业服务")


@dataclass
class AwardSlots:
    """What a conversation has established about an award: kept in the session between turns."""

    measure: str
    rule_ids: list[str] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)  # yuan, as Decimal strings, one per item
    facts: dict[str, Any] = field(default_factory=dict)
    cgt: bool = False


@dataclass
class AwardRequest:
    measure: str
    rules: list[Rule] = field(default_factory=list)
    bases: list[Decimal] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    candidates: tuple[Rule, ...] = ()

    @property
    def missing(self) -> str | None:
        if not self.rules:
            return "rule"
        if any(rule.rate is not None for rule in self.rules) and not self.bases:
            return "base"
        return None

    def items(self) -> list[Item]:
        """Calculator items: one rule and several amounts → several items of that rule."""
        if len(self.rules) == 1:
            bases: list[Decimal | None] = list(self.bases) or [None]
            return [Item(self.rules[0].id, self._inputs(self.rules[0], base)) for base in bases]
        if len(self.bases) == len(self.rules):
            return [Item(r.id, self._inputs(r, b)) for r, b in zip(self.rules, self.bases, strict=True)]
        base = self.bases[0] if self.bases else None
        return [Item(rule.id, self._inputs(rule, base)) for rule in self.rules]

    def _inputs(self, rule: Rule, base: Decimal | None) -> dict[str, Any]:
        inputs: dict[str, Any] = {k: v for k, v in self.facts.items() if k in rule.conditions}
        if "upfront_yuan" in self.facts and "upfront_at_least_1yi" in rule.conditions:
            inputs["upfront_yuan"] = self.facts["upfront_yuan"]
        if base is not None and rule.base is not None:  # the calculator takes a base exactly when the rule names one
            inputs["base_yuan"] = base
        return inputs

    def slots(self) -> AwardSlots:
        """The slots a follow-up turn can build on."""
        return AwardSlots(
            measure=self.measure,
            rule_ids=[rule.id for rule in self.rules],
            bases=[str(base) for base in self.bases],
            facts=dict(self.facts),
            cgt=any("cgt" in rule.id for rule in (self.rules or self.candidates)),
        )


def _trigger_positions(text: str, rule: Rule) -> list[int]:
    positions: list[int] = []
    for trigger in rule.triggers:
        word = trigger.lower()
        pattern = rf"(?<![a-z]){re.escape(word)}(?![a-z])" if re.search(r"[a-z]", word) else re.escape(word)
        positions.extend(m.start() for m in re.finditer(pattern, text))
    return positions


def read_award(question: Question, measure: str, book: RuleBook, previous: AwardSlots | None) -> AwardRequest:
    """The award request of this turn; ``previous`` holds the session's slots, for follow-ups."""
    text = question.text
    facts_said = question.facts
    same_measure = previous is not None and previous.measure == measure
    candidates = book.for_measure(measure)
    if any("cgt" in r.id for r in candidates):
        is_cgt = facts_said.cgt or (
            same_measure and previous is not None and previous.cgt and not re.search(r"(?<![a-z])i{1,3}期", text)
        )
        candidates = tuple(r for r in candidates if ("cgt" in r.id) == bool(is_cgt))
    mentioned = sorted(
        ((min(pos), rule) for rule in candidates if (pos := _trigger_positions(text, rule))),
        key=lambda pair: pair[0],
    )
    rules = [rule for _, rule in mentioned]
    if not rules and facts_said.trial_location == "overseas":
        rules = [r for r in candidates if "overseas_trial" in r.conditions]
    if len(candidates) == 1:
        rules = list(candidates)
    bases = _bases(question, rules or list(candidates))
    if facts_said.item_count and len(bases) == 1:
        bases = bases * facts_said.item_count
    facts: dict[str, Any] = {}
    upfront = facts_said.amounts_as(AmountRole.UPFRONT)
    if upfront:
        facts["upfront_yuan"] = upfront[0].yuan
    if facts_said.related_party is not None:
        facts["no_investment_relation"] = not facts_said.related_party
        facts["cmo_no_investment_relation"] = not facts_said.related_party

    if same_measure and previous is not None:
        earlier_rules = [book.rule(rule_id) for rule_id in previous.rule_ids if book.rule(rule_id) in candidates]
        earlier_bases = [Decimal(b) for b in previous.bases]
        if question.adds_item and earlier_bases:
            added = earlier_rules + rules
            # one rule throughout pairs with every base (see items()); several rules keep one entry per item
            rules = list(dict.fromkeys(added)) if len(set(added)) <= 1 else added
            bases = earlier_bases + bases
        else:
            if not rules:
                rules = earlier_rules
            if not bases:
                bases = earlier_bases
        facts = {**previous.facts, **facts}
    return AwardRequest(measure=measure, rules=rules, bases=bases, facts=facts, candidates=candidates)


def _bases(question: Question, rules: list[Rule]) -> list[Decimal]:
    """Amounts that are bases for these rules: fees for fee-based rules, spend for the rest."""
    fee_based = any(rule.base and any(w in rule.base for w in FEE_BASE_WORDS) for rule in rules)
    fees = [a.yuan for a in question.facts.amounts_as(AmountRole.FEE)]
    spend = [a.yuan for a in question.facts.amounts_as(AmountRole.BASE)]
    if fee_based:
        return fees or spend
    return spend
