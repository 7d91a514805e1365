"""Reading an award question into calculator items: which rule, what base, which facts.

The measure comes from retrieval (the article the question is about); the rule within it from the
rule's trigger words; amounts from the amount parser. What is missing becomes a question back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import cn2an

from assistant.amounts import find_amounts
from assistant.rules.book import Rule, RuleBook
from assistant.rules.calculator import Item
from index.normalise import normalise

CGT_WORDS = ("细胞与基因治疗", "细胞治疗", "基因治疗", "cgt", "cell therapy", "gene therapy", "细胞和基因治疗")
UPFRONT_WORDS = re.compile(r"(首付款|首付)[^，,。;；\d]{0,6}$|upfront[a-z ]{0,24}$", re.IGNORECASE)
# "四个1类新药……每个研发投入1亿", "three drugs, each RMB 50 million": one amount that holds for several items.
ITEM_COUNT = re.compile(
    r"(?P<n>[2-9]|1[0-9]|20|[两二三四五六七八九十]|two|three|four|five|six|seven|eight|nine|ten)\s*"
    r"(?:个|款|项|种|家|条|[a-z0-9 ]{0,24}?(?:drugs|products|projects|trials|devices|items))",
    re.IGNORECASE,
)
EACH_WORDS = re.compile(r"每个|每款|每项|每种|各|均为|都是|分别都|each|apiece", re.IGNORECASE)
ENGLISH_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
OUTCOME_WORDS = re.compile(
    r"(可获|获得|拿到|能拿|最高|补贴|给予|奖励|告诉用户|上限|调整为)[^，,。;；\d]{0,4}$"
    r"|(award|get|maximum|max|cap|ceiling|limit)[a-z ]{0,12}$",
    re.IGNORECASE,
)
RELATED = re.compile(r"(?<![无没不])(有|存在)(投资)?(等)?关联|关联(方|交易|公司)|子公司|母公司")
UNRELATED = re.compile(r"(无|没有|不存在)(投资)?(等)?关联")


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
        """Pair rules with amounts: one rule and several amounts → several items of that rule."""
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
        takes_base = rule.rate is not None or rule.kind in {"interest_subsidy", "guarantee_limit"}
        if base is not None and takes_base:
            inputs["base_yuan"] = base
        return inputs


def _trigger_positions(text: str, rule: Rule) -> list[int]:
    positions = []
    for trigger in rule.triggers:
        word = trigger.lower()
        pattern = rf"(?<![a-z]){re.escape(word)}(?![a-z])" if word.isascii() or re.search(r"[a-z]", word) else re.escape(word)
        positions.extend(m.start() for m in re.finditer(pattern, text))
    return positions


def read_award(message: str, measure: str, book: RuleBook, previous: dict[str, Any] | None) -> AwardRequest:
    """``previous`` holds the last award turn's slots of this session, for follow-ups."""
    normalised = normalise(message)
    text = normalised.lower()
    candidates = book.for_measure(measure)
    if measure == "05":
        is_cgt = any(word in text for word in CGT_WORDS) or (
            previous is not None and previous.get("cgt") and not re.search(r"(?<![a-z])i{1,3}期", text)
        )
        candidates = tuple(r for r in candidates if ("cgt" in r.id) == bool(is_cgt))
    mentioned = sorted(
        ((min(pos), rule) for rule in candidates if (pos := _trigger_positions(text, rule))),
        key=lambda pair: pair[0],
    )
    rules = [rule for _, rule in mentioned]
    if len(candidates) == 1:
        rules = list(candidates)
    amounts = find_amounts(message)
    upfront = [a for a in amounts if UPFRONT_WORDS.search(normalised[: a.start])]
    bases = [a.yuan for a in amounts if a not in upfront and not OUTCOME_WORDS.search(normalised[: a.start])]
    count = _item_count(normalised)
    if count and len(bases) == 1:
        bases = bases * count
    facts: dict[str, Any] = {}
    if upfront:
        facts["upfront_yuan"] = upfront[0].yuan
    if RELATED.search(text) and not UNRELATED.search(text):
        facts["no_investment_relation"] = False
        facts["cmo_no_investment_relation"] = False
    elif UNRELATED.search(text):
        facts["no_investment_relation"] = True
        facts["cmo_no_investment_relation"] = True

    if previous and previous.get("measure") == measure:
        if not rules:
            rules = [book.rule(rule_id) for rule_id in previous.get("rule_ids", [])
                     if book.rule(rule_id) in candidates]
        if not bases:
            bases = [Decimal(b) for b in previous.get("bases", [])]
        facts = {**previous.get("facts", {}), **facts}
    return AwardRequest(measure=measure, rules=rules, bases=bases, facts=facts, candidates=candidates)


def _item_count(text: str) -> int | None:
    """How many like items one stated amount is for, when the message says "each"; else None."""
    if not EACH_WORDS.search(text):
        return None
    match = ITEM_COUNT.search(text)
    if match is None:
        return None
    word = match["n"].lower()
    return ENGLISH_COUNTS.get(word) or int(cn2an.cn2an(word, "smart"))


def remember(request: AwardRequest) -> dict[str, Any]:
    """The slots a follow-up turn can build on."""
    return {
        "measure": request.measure,
        "rule_ids": [rule.id for rule in request.rules],
        "bases": [str(base) for base in request.bases],
        "facts": request.facts,
        "cgt": any("cgt" in rule.id for rule in (request.rules or request.candidates)),
    }
