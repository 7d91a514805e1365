"""Conditions judged from stated facts: the one evaluator behind the chat's verdicts and the profile match.

``eligibility.yaml`` says, per condition of ``awards.yaml`` (and per extra condition of the text on who
is supported), which stated facts contradict it (``fails_if``), which meet it (``holds_if``), which leave
it open until those are stated (``open_if``: who the asker is) and whether the departments judge it on
review (``assessed``); a condition with ``fails_if`` only, or ``presumed``, is met unless a stated fact
contradicts it. A
threshold condition of the rule book (``upfront_at_least_1yi``: ``input`` ≥ ``min_yuan``) is judged from
the amount under its input name. It also says which measures are meant for each kind of asker (``kinds``).

Facts are a mapping of fact name → value (``{"drug_class": "1", "related_party": False, "upfront_yuan":
Decimal(...), "entity_denied": ("cro",)}``); a missing or ``None`` value is a fact not stated, a tuple is
several values of one fact (any of them matches). Nothing here names a condition: every condition comes
from the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cache
from pathlib import Path

from assistant.rules.book import Rule, RuleBook
from index.yaml_data import read_yaml

ELIGIBILITY_PATH = Path(__file__).resolve().parent / "eligibility.yaml"


class ConditionState(StrEnum):
    MET = "met"  # the stated facts meet it
    FAILED = "failed"  # a stated fact contradicts it
    ASSESSED = "assessed"  # nothing contradicts it; the departments judge it on review
    UNKNOWN = "unknown"  # the facts that decide it are not stated


@dataclass(frozen=True)
class FactCondition:
    """How facts decide one condition: values that contradict it, values that together meet it."""

    fails_if: dict[str, tuple[str, ...]]
    holds_if: dict[str, tuple[str, ...]]
    assessed: bool
    instead: dict[str, str]  # fact that failed it → the measure that covers the case
    open_if: dict[str, tuple[str, ...]] = field(default_factory=dict)  # values that leave it waiting for ``holds_if``
    presumed: bool = False  # met unless contradicted; ``holds_if`` names what the text grants outright
    quote_when_met: bool = False  # a yes quotes it when stated facts meet it (the rule's own quote does not show it)
    decided_by: tuple[str, ...] = ()  # opened: the facts that decide it, when not those of ``holds_if``
    # opened, values of facts that meet it ("我们是CRO…也接委托生产…受托年产值": the work stated is production)
    holds_when_opened: dict[str, tuple[str, ...]] = field(default_factory=dict)
    awaited: str = ""  # the fact a yes/no on the rule waits for until the conversation states the condition met
    stated_only: tuple[str, ...] = ()  # facts never presumed: while one is unsaid, a verdict on the rule is "it depends"
    instead_if_unmet: str = ""  # the measure that covers the case when the asker says the condition is not met


@dataclass(frozen=True)
class ExtraCondition:
    """A condition of the text on who is supported that ``awards.yaml`` does not carry, for ``rules``."""

    id: str
    text: str
    text_en: str
    quote: str
    rules: tuple[str, ...]
    article: str | None = None  # the article the quote is from when it is not the rule's measure (the scope)
    measures: tuple[str, ...] = ()  # measures without award rules it applies to (who takes part in （八）)


@dataclass(frozen=True)
class ConditionCheck:
    """One condition judged: its state, the fact that failed it, the facts still missing."""

    condition_id: str
    state: ConditionState
    fact: str = ""  # the stated fact that contradicts it, when FAILED
    instead: str = ""  # the measure that covers the case, when one does
    missing: tuple[str, ...] = ()  # fact names (or a threshold's input) not stated, when UNKNOWN
    opened_by: str = ""  # the stated fact that leaves it open (``open_if``), when UNKNOWN for that reason


@dataclass(frozen=True)
class KindMeasure:
    """A measure meant for one kind of asker: its key, the rule that computes its ceiling (None: the text
    sets no amount for that kind), the measure's sentence naming the kind, how the kind takes part when
    the money is not its own ({"zh": …, "en": …}, empty when it is), and whether a verdict on who asks
    points to it."""

    measure: str
    rule: str | None
    quote: str
    note: dict[str, str]
    point: bool = False  # a verdict that turns on who the asker is points here


@dataclass(frozen=True)
class AskerKind:
    """A kind of asker (``entity_type``): its name for the answer and the measures meant for it."""

    id: str
    name: dict[str, str]
    measures: tuple[KindMeasure, ...]

    def name_in(self, language: str) -> str:
        return self.name["en" if language == "en" else "zh"]


@dataclass(frozen=True)
class ConditionRules:
    """``eligibility.yaml``, typed."""

    conditions: dict[str, FactCondition]  # extra conditions included
    extras: dict[str, ExtraCondition]
    instead_rules: dict[str, str]  # measure → the rule that covers a case sent there
    fact_names: dict[str, dict[str, str]]  # fact → {"zh": ..., "en": ...}
    kinds: dict[str, AskerKind] = field(default_factory=dict)
    # fact → {measure → rule}: the rule a case sent there by that fact takes ("cro_stage": a CRO's clinical-trial services
    # go to （十二）'s capability project, not its overseas trials)
    instead_rules_of_fact: dict[str, dict[str, str]] = field(default_factory=dict)

    def instead_rule(self, measure: str, fact: str = "") -> str | None:
        """The rule that covers a case sent to ``measure``: the one named for the ``fact`` that sent it, else the
        measure's (``instead_rules``); None when the measure has none."""
        return self.instead_rules_of_fact.get(fact, {}).get(measure) or self.instead_rules.get(measure)

    def of_rule(self, rule: Rule) -> tuple[str, ...]:
        """The rule's own conditions, then the extra conditions that name it."""
        return (*rule.conditions, *(c.id for c in self.extras.values() if rule.id in c.rules))

    def reads(self, rule: Rule, fact: str) -> bool:
        """Whether a condition of ``rule`` (``of_rule``) is decided by ``fact`` ("related_party", "enterprise_size")."""
        return any(fact in {*data.fails_if, *data.holds_if}
                   for cid in self.of_rule(rule) if (data := self.conditions.get(cid)) is not None)

    def refuses(self, rule: Rule, fact: str, value: str) -> bool:
        """Whether a condition of ``rule`` fails when ``fact`` has ``value`` (（二十四） on a base that is a new
        investment: ``output_value_base``)."""
        return any(value in data.fails_if.get(fact, ())
                   for cid in self.of_rule(rule) if (data := self.conditions.get(cid)) is not None)

    def of_measure(self, measure: str) -> tuple[str, ...]:
        """The extra conditions of a measure without award rules (``measures``)."""
        return tuple(c.id for c in self.extras.values() if measure in c.measures)

    def fact_name(self, fact: str, language: str = "zh") -> str:
        names = self.fact_names.get(fact, {})
        return names.get("en" if language == "en" else "zh", fact)


def _values(entry: Mapping[str, object], key: str) -> dict[str, tuple[str, ...]]:
    raw = entry.get(key) or {}
    assert isinstance(raw, dict), f"eligibility.yaml: {key} must be a mapping of fact → values"
    return {str(fact): tuple(str(v).lower() for v in values) for fact, values in raw.items()}


@cache
def condition_rules(path: Path = ELIGIBILITY_PATH) -> ConditionRules:
    """The shipped condition data, read once per process."""
    raw = read_yaml(path)
    extras = raw.get("extra_conditions", {})
    conditions = {
        cid: FactCondition(
            fails_if=_values(entry, "fails_if"),
            holds_if=_values(entry, "holds_if"),
            assessed=bool(entry.get("assessed", False)),
            instead={str(fact): str(measure) for fact, measure in (entry.get("instead") or {}).items()},
            open_if=_values(entry, "open_if"),
            presumed=bool(entry.get("presumed", False)),
            quote_when_met=bool(entry.get("quote_when_met", False)),
            decided_by=tuple(str(fact) for fact in entry.get("decided_by") or ()),
            holds_when_opened=_values(entry, "holds_when_opened"),
            awaited=str(entry.get("awaited") or ""),
            stated_only=tuple(str(fact) for fact in entry.get("stated_only") or ()),
            instead_if_unmet=str(entry.get("instead_if_unmet") or ""),
        )
        for cid, entry in {**raw["conditions"], **extras}.items()
    }
    return ConditionRules(
        conditions=conditions,
        extras={cid: ExtraCondition(cid, e["text"], e["text_en"], e["quote"], tuple(e.get("rules") or ()),
                                    str(e["article"]) if e.get("article") else None,
                                    tuple(str(m) for m in e.get("measures") or ()))
                for cid, e in extras.items()},
        instead_rules={str(k): str(v) for k, v in raw["instead_rules"].items()},
        instead_rules_of_fact={str(f): {str(m): str(r) for m, r in rules.items()}
                               for f, rules in (raw.get("instead_rules_of_fact") or {}).items()},
        fact_names={str(k): {str(lang): str(v) for lang, v in names.items()} for k, names in raw.get("facts", {}).items()},
        kinds={str(kind): _asker_kind(str(kind), entry) for kind, entry in (raw.get("kinds") or {}).items()},
    )


def _asker_kind(kind: str, entry: Mapping[str, object]) -> AskerKind:
    names = entry["name"]
    measures = entry["measures"]
    assert isinstance(names, dict) and isinstance(measures, list), f"eligibility.yaml: kinds.{kind} needs name and measures"
    return AskerKind(kind, {str(k): str(v) for k, v in names.items()}, tuple(
        KindMeasure(str(m["measure"]), str(m["rule"]) if m.get("rule") else None, str(m["quote"]),
                    {str(k): str(v) for k, v in (m.get("note") or {}).items()}, bool(m.get("point", False)))
        for m in measures))


def _stated(value: object) -> str | None:
    return None if value is None else str(value).lower()


def _among(value: object, values: tuple[str, ...]) -> bool:
    """Whether a stated fact has one of ``values``; a fact of several values (a tuple) when any has one."""
    if isinstance(value, tuple | list | set | frozenset):
        return any(_stated(v) in values for v in value)
    stated = _stated(value)
    return stated is not None and stated in values


def _unstated(value: object) -> bool:
    return value is None or (isinstance(value, tuple | list | set | frozenset) and not value)


class ConditionEvaluator:
    """Judges a rule's conditions against stated facts; the rule book supplies threshold conditions."""

    def __init__(self, book: RuleBook, rules: ConditionRules | None = None) -> None:
        self.book = book
        self.rules = rules or condition_rules()

    def check(self, condition_id: str, facts: Mapping[str, object]) -> ConditionCheck:
        """One condition against ``facts``; a condition with no fact data is UNKNOWN with nothing missing."""
        threshold = self.book.conditions.get(condition_id)
        if threshold is not None and threshold.input and threshold.min_yuan is not None:
            amount = facts.get(threshold.input)
            if amount is None:
                return ConditionCheck(condition_id, ConditionState.UNKNOWN, missing=(threshold.input,))
            met = Decimal(str(amount)) >= threshold.min_yuan
            return ConditionCheck(condition_id, ConditionState.MET if met else ConditionState.FAILED,
                                  fact="" if met else threshold.input)
        data = self.rules.conditions.get(condition_id)
        if data is None:
            return ConditionCheck(condition_id, ConditionState.UNKNOWN)
        failed = [fact for fact, failing in data.fails_if.items() if _among(facts.get(fact), failing)]
        if failed:  # of several facts against it, one that sends the case to another measure names it ("改良型…在美国做")
            # (the asker's own kind against it, "我们大学孵化器里有家CRO…", is said first: the measures meant for that kind
            # follow, whatever else sends the case elsewhere)
            kind_first = "entity_type" in failed and "entity_type" not in data.instead
            fact = "entity_type" if kind_first else next((f for f in failed if f in data.instead), failed[0])
            return ConditionCheck(condition_id, ConditionState.FAILED, fact, data.instead.get(fact, ""))
        if (not data.holds_if and not data.assessed) or data.presumed:  # only a contradiction can fail it (an insurer applying)
            return ConditionCheck(condition_id, ConditionState.MET)
        missing = tuple(fact for fact in data.holds_if if _unstated(facts.get(fact)))
        holds = bool(data.holds_if) and not missing and all(
            _among(facts.get(fact), values) for fact, values in data.holds_if.items())
        if holds:
            return ConditionCheck(condition_id, ConditionState.MET)
        opened = next((fact for fact, values in data.open_if.items() if _among(facts.get(fact), values)), "")
        if opened and data.holds_when_opened and all(_among(facts.get(fact), values)
                                                     for fact, values in data.holds_when_opened.items()):
            return ConditionCheck(condition_id, ConditionState.MET)
        if opened:  # "我们是医院": whether it is the drug's registration applicant decides
            return ConditionCheck(condition_id, ConditionState.UNKNOWN, missing=data.decided_by or tuple(data.holds_if),
                                  opened_by=opened)
        if data.open_if and not data.assessed:  # nothing stated leaves it open: met unless contradicted
            return ConditionCheck(condition_id, ConditionState.MET)
        if data.assessed:
            return ConditionCheck(condition_id, ConditionState.ASSESSED)
        return ConditionCheck(condition_id, ConditionState.UNKNOWN, missing=missing)

    def stated_meet(self, condition_id: str, facts: Mapping[str, object]) -> bool:
        """Whether stated ``facts`` meet the condition by its ``holds_if`` (every one stated with one of its
        values), not merely leave it uncontradicted."""
        data = self.rules.conditions.get(condition_id)
        return data is not None and bool(data.holds_if) and all(
            _among(facts.get(fact), values) for fact, values in data.holds_if.items())

    def stated_toward(self, condition_id: str, facts: Mapping[str, object]) -> bool:
        """Whether one of the stated ``facts`` has a value that meets the condition (``holds_if``), the others
        aside: a later turn revising an earlier "not met" ("那已经在美国卖了呢")."""
        data = self.rules.conditions.get(condition_id)
        return data is not None and any(_among(facts.get(fact), values) for fact, values in data.holds_if.items())

    def judge(self, rule: Rule, facts: Mapping[str, object]) -> list[ConditionCheck]:
        """Every condition of ``rule`` (its own, then the extra ones naming it), in that order."""
        return [self.check(cid, facts) for cid in self.rules.of_rule(rule)]

    def first_failure(self, rule: Rule, facts: Mapping[str, object]) -> ConditionCheck | None:
        """The first condition of ``rule`` a stated fact contradicts, or None."""
        return next((c for c in self.judge(rule, facts) if c.state is ConditionState.FAILED), None)
