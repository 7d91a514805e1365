"""From a company profile to every measure of the in-force policy it may claim.

``PolicyMatcher(calculator, catalogue).match(profile, on, language) -> MatchResult``. Which profile
entries are the items of which rule is data (``claims.yaml``); whether an item is eligible is decided by
the shared condition evaluator (``assistant.rules.eligibility``) from the rule data; every ceiling,
per-item cap and annual cap comes from the rules engine (``AwardCalculator.estimate``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from assistant.amounts import format_yuan, format_yuan_en
from assistant.citations import validity
from assistant.language import Language, in_script
from assistant.match.profile import CompanyProfile
from assistant.match.records import (
    AnnualCapUse,
    Claim,
    ClaimVerdict,
    ConditionNote,
    ExpiredDocument,
    MatchResult,
    MeasureMatch,
    Support,
    TotalPart,
)
from assistant.records import Calculation
from assistant.rules.book import BASE_INPUT, Rule, RuleBook, RuleKind
from assistant.rules.calculator import AwardCalculator, Item, are_alternatives
from assistant.rules.eligibility import ConditionCheck, ConditionEvaluator, ConditionState
from index.documents import Catalogue, DocumentKind, DocumentStatus
from index.yaml_data import read_yaml

CLAIMS_PATH = Path(__file__).resolve().parent / "claims.yaml"
WORDS_PATH = Path(__file__).resolve().parent / "words.yaml"
PROFILE_ITEM = "profile"
MONEY_KINDS = {RuleKind.GRANT, RuleKind.INTEREST_SUBSIDY}
COUNTED_VERDICTS = {ClaimVerdict.ELIGIBLE, ClaimVerdict.ELIGIBLE_IF}
CLAIMABLE_KINDS = {DocumentKind.POLICY, DocumentKind.DISTRICT_PLAN}
ENTITY_FACTS = ("registered", "entity_type")  # facts about the enterprise a match always asks for when unstated


@dataclass(frozen=True)
class ClaimSpec:
    """What one item of a rule is in a profile (``claims.yaml``)."""

    rule: str
    items: str
    where: dict[str, tuple[str, ...]] = field(default_factory=dict)
    base: str | None = None
    count: str | None = None
    facts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SupportSpec:
    measure: str
    amount: str
    when_any: tuple[str, ...]


@dataclass(frozen=True)
class ClaimData:
    claims: tuple[ClaimSpec, ...]
    support: tuple[SupportSpec, ...]


@cache
def claim_data(path: Path = CLAIMS_PATH) -> ClaimData:
    raw = read_yaml(path)
    claims = tuple(
        ClaimSpec(
            rule=str(entry["rule"]),
            items=str(entry["items"]),
            where={str(k): tuple(str(v).lower() for v in values) for k, values in (entry.get("where") or {}).items()},
            base=entry.get("base"),
            count=entry.get("count"),
            facts={str(k): str(v) for k, v in (entry.get("facts") or {}).items()},
        )
        for entry in raw["claims"]
    )
    support = tuple(SupportSpec(str(s["measure"]), str(s["amount"]), tuple(s["when_any"])) for s in raw["support"])
    return ClaimData(claims, support)


@cache
def match_words() -> dict[str, dict[str, Any]]:
    """The words of ``words.yaml`` by language (``zh`` / ``en``)."""
    return read_yaml(WORDS_PATH)


@dataclass
class _Pending:
    """A claim being built, with the calculator item it contributes (None: nothing to compute)."""

    claim: Claim
    item: Item | None


class PolicyMatcher:
    def __init__(self, calculator: AwardCalculator, catalogue: Catalogue,
                 evaluator: ConditionEvaluator | None = None) -> None:
        self.calculator = calculator
        self.book: RuleBook = calculator.book
        self.catalogue = catalogue
        self.evaluator = evaluator or ConditionEvaluator(self.book)
        self.data = claim_data()

    def match(self, profile: CompanyProfile, on: date, language: str = "zh") -> MatchResult:
        """Every measure ``profile`` may claim on day ``on``; ``language`` is ``zh`` (or ``zh-Hans``),
        ``zh-Hant`` (the Chinese text in traditional script) or ``en``.

        Not in force on ``on``: no measure is claimed, and the result says why through ``in_force``.
        """
        result = self._match(profile, on, "en" if language == "en" else "zh")
        if language != Language.TRADITIONAL:
            return result
        written = _in_traditional(result.model_dump(mode="json"))
        return MatchResult.model_validate({**written, "language": Language.TRADITIONAL.value})

    def _match(self, profile: CompanyProfile, on: date, lang: str) -> MatchResult:
        words = match_words()[lang]
        document = self.catalogue.get(self.book.document)
        in_force = self.book.in_force_on(on)
        measures: list[MeasureMatch] = []
        support: list[Support] = []
        incomplete: list[str] = []
        waiting: list[str] = []
        if in_force:
            pending, incomplete, waiting = self._claims(profile, lang)
            by_measure: dict[str, list[_Pending]] = {}
            for entry in pending:
                by_measure.setdefault(self.book.rule(entry.claim.rule_id).measure, []).append(entry)
            measures = [self._measure(measure, by_measure[measure], on, lang)
                        for measure in sorted(by_measure)]
            support = self._support(profile, lang)
        total = sum((m.total_yuan or 0 for m in measures), 0)
        counted, not_counted = _total_parts(measures)
        # who the enterprise is comes first: every measure depends on where it is registered, and the
        # kind of entity decides several (an insurer is outside the policy's scope, a CMO contractor ...)
        unstated = [self.evaluator.rules.fact_name(fact, lang) for fact in ENTITY_FACTS if getattr(profile, fact) is None]
        missing = list(dict.fromkeys([*unstated, *(fact for m in measures for c in m.claims
                                                   if c.verdict is not ClaimVerdict.NOT_ELIGIBLE for fact in c.missing),
                                      *waiting]))
        return MatchResult(
            on=on,
            document=document.id,
            document_number=document.number,
            in_force=in_force,
            validity=validity(document, self.catalogue, on, _tongue(lang)),
            measures=measures,
            support=support,
            total_yuan=total,
            total_text=_money(Decimal(total), lang),
            counted=counted,
            not_counted=not_counted,
            missing=missing,
            incomplete_items=incomplete,
            expired=self._expired(on),
            caveat=str(words["caveat"]),
            language=lang,
        )

    # --- items -----------------------------------------------------------------------------------
    def _claims(self, profile: CompanyProfile, lang: str) -> tuple[list[_Pending], list[str], list[str]]:
        """Every (rule, item) the profile states, in the order of ``claims.yaml``; the entries no rule
        placed; and the fields those entries lack (a trial's stage), in words."""
        words = match_words()[lang]
        pending: list[_Pending] = []
        placed: set[tuple[str, int]] = set()
        waiting: dict[tuple[str, int], list[str]] = {}
        for spec in self.data.claims:
            rule = self.book.rule(spec.rule)
            for index, entry in enumerate(self._entries(profile, spec)):
                unstated = [f for f in spec.where if getattr(entry, f) is None]
                if unstated:
                    waiting.setdefault((spec.items, index), []).extend(unstated)
                    continue
                if not all(str(getattr(entry, f)).lower() in values for f, values in spec.where.items()):
                    continue
                placed.add((spec.items, index))
                count = int(getattr(entry, spec.count)) if spec.count else 1
                label = self._label(entry, spec.items, index, words, len(getattr(profile, spec.items, [entry])))
                for number in range(1, count + 1):
                    name = f"{label} {number}/{count}" if count > 1 else label
                    pending.append(self._claim(profile, spec, rule, entry, (name, label), lang))
        incomplete, lacking = [], []
        for (items, index), fields in waiting.items():
            if (items, index) in placed:
                continue
            entry = getattr(profile, items)[index]
            named = list(dict.fromkeys(str(words["fields"].get(f, f)) for f in fields))
            lacking += named
            incomplete.append(str(words["incomplete_item"]).format(
                item=self._label(entry, items, index, words, len(getattr(profile, items))),
                fields=("、" if lang == "zh" else ", ").join(named)))
        return pending, incomplete, list(dict.fromkeys(lacking))

    def _entries(self, profile: CompanyProfile, spec: ClaimSpec) -> Sequence[BaseModel]:
        if spec.items == PROFILE_ITEM:
            return [profile] if spec.base and getattr(profile, spec.base) is not None else []
        return list(getattr(profile, spec.items))

    @staticmethod
    def _label(entry: BaseModel, items: str, index: int, words: dict[str, Any], entries: int) -> str:
        """The entry's own name, else its kind, numbered when the profile lists several of that kind."""
        name = getattr(entry, "name", "") if items != PROFILE_ITEM else ""
        if name:
            return str(words["item_named"]).format(name=name)
        if entries == 1 or items == PROFILE_ITEM:
            return str(words["lists"][items])
        return str(words["item_numbered"]).format(list=words["lists"][items], n=index + 1)

    def _claim(self, profile: CompanyProfile, spec: ClaimSpec, rule: Rule, entry: BaseModel, names: tuple[str, str],
               lang: str) -> _Pending:
        """One item of ``rule``; ``names`` is (the item's name, the name of the profile entry it belongs to)."""
        facts: dict[str, object] = {**profile.entity_facts()}
        if spec.items != PROFILE_ITEM:
            facts.update(entry.model_dump())
        facts.update(spec.facts)
        checks = self.evaluator.judge(rule, facts)
        failed = [c for c in checks if c.state is ConditionState.FAILED]
        unknown = [c for c in checks if c.state is ConditionState.UNKNOWN]
        assessed = [c for c in checks if c.state is ConditionState.ASSESSED]
        base = getattr(entry, spec.base) if spec.base else None
        missing = [self._missing_name(c, fact, lang) for c in unknown for fact in (c.missing or ("",))]
        if spec.base and base is None and rule.base is not None:
            missing.append((rule.base_en or rule.base) if lang == "en" else rule.base)
        if failed:
            verdict = ClaimVerdict.NOT_ELIGIBLE
            notes = failed
        elif unknown:
            verdict, notes = ClaimVerdict.UNKNOWN, [*unknown, *assessed]
        elif assessed:
            verdict, notes = ClaimVerdict.ELIGIBLE_IF, assessed
        else:
            verdict, notes = ClaimVerdict.ELIGIBLE, []
        instead = next((c.instead for c in failed if c.instead), "")
        claim = Claim(
            rule_id=rule.id,
            rule_name=rule.name_en if lang == "en" else rule.name,
            item=names[0],
            entry=names[1],
            verdict=verdict,
            conditions=[self._note(c, lang) for c in notes],
            instead=self.calculator.cite(instead).article if instead else None,
            missing=list(dict.fromkeys(m for m in missing if m)) if verdict is not ClaimVerdict.NOT_ELIGIBLE else [],
            cap_yuan=int(rule.cap_yuan),
            merit_based=rule.merit_based,
            kind=rule.kind.value,
        )
        # an undecided claim is not computed: its ceiling would enter the total before its facts are known
        computable = verdict in COUNTED_VERDICTS and (rule.base is None or base is not None)
        if not computable:
            return _Pending(claim, None)
        inputs: dict[str, Any] = {c.condition_id: True for c in checks
                                  if c.state is ConditionState.MET and c.condition_id in rule.conditions}
        if rule.base is not None:
            inputs[BASE_INPUT] = base
        for condition_id in rule.conditions:
            threshold = self.book.conditions[condition_id].input
            if threshold and facts.get(threshold) is not None:
                inputs[threshold] = facts[threshold]
        return _Pending(claim, Item(rule.id, inputs))

    def _missing_name(self, check: ConditionCheck, fact: str, lang: str) -> str:
        if fact and fact in self.evaluator.rules.fact_names:
            return self.evaluator.rules.fact_name(fact, lang)
        return self._condition_words(check.condition_id, lang)[0]

    def _condition_words(self, condition_id: str, lang: str) -> tuple[str, str]:
        """(text, quote) of a condition of the rule book or an extra condition of eligibility.yaml."""
        known = self.book.conditions.get(condition_id) or self.evaluator.rules.extras[condition_id]
        return (known.text_en if lang == "en" else known.text), known.quote

    def _note(self, check: ConditionCheck, lang: str) -> ConditionNote:
        text, quote = self._condition_words(check.condition_id, lang)
        return ConditionNote(id=check.condition_id, state=check.state.value, text=text, quote=quote)

    # --- measures --------------------------------------------------------------------------------
    def _measure(self, measure: str, pending: list[_Pending], on: date, lang: str) -> MeasureMatch:
        citation = self.calculator.cite(measure)
        rules = [self.book.rule(p.claim.rule_id) for p in pending]
        money = any(r.kind in MONEY_KINDS for r in rules)
        computed = [p for p in pending if p.item is not None]
        claims = [p.claim for p in pending]
        formula, notes, total = "", [], 0
        calculations: list[Calculation] = []
        if computed:
            estimate = self.calculator.estimate([p.item for p in computed if p.item], on, _tongue(lang))
            calculations = estimate.calculations
            formula, notes, total = estimate.formula, list(estimate.notes), estimate.total_yuan
        filled = iter(calculations)
        claims = [p.claim.model_copy(update=_computed(next(filled))) if p.item is not None else p.claim
                  for p in pending]
        cap_id = next((r.annual_cap for r in rules if r.annual_cap), None)
        annual = None
        if cap_id is not None:
            cap = self.book.annual_caps[cap_id]
            items_total = sum(c.amount_yuan for c in calculations if c.eligible)
            annual = AnnualCapUse(id=cap.id, cap_yuan=int(cap.cap_yuan), quote=cap.quote,
                                  items_total_yuan=items_total, applied=items_total > cap.cap_yuan)
        alternatives = are_alternatives(list({r.id: r for r in rules}.values()))
        return MeasureMatch(
            measure=measure,
            label=citation.article,
            title=_title(measure, citation.title, lang),
            claims=claims,
            total_yuan=total if money else None,
            total_text=_money(Decimal(total), lang) if money else "",
            formula=formula if money and not alternatives else "",
            annual_cap=annual,
            merit_based=any(r.merit_based for r in rules),
            alternatives=alternatives,
            notes=notes,
            departments=_departments(citation.departments, lang),
            citation=citation,
        )

    def _support(self, profile: CompanyProfile, lang: str) -> list[Support]:
        found = []
        for spec in self.data.support:
            if any(getattr(profile, items) for items in spec.when_any):
                citation = self.calculator.cite(spec.measure)
                found.append(Support(measure=spec.measure, label=citation.article,
                                     title=_title(spec.measure, citation.title, lang), amount=spec.amount,
                                     departments=_departments(citation.departments, lang), citation=citation))
        return found

    def _expired(self, on: date) -> list[ExpiredDocument]:
        """Policies and plans not in force on ``on``: named so an asker knows, never claimed under."""
        gone = {DocumentStatus.EXPIRED, DocumentStatus.SUPERSEDED}
        return [
            ExpiredDocument(doc_id=d.id, title=d.title, number=d.number, status=d.status_on(on).value,
                            valid_to=d.valid_to)
            for d in self.catalogue.documents
            if d.kind in CLAIMABLE_KINDS and d.status_on(on) in gone and d.id != self.book.document
        ]


def _total_parts(measures: list[MeasureMatch]) -> tuple[list[TotalPart], list[TotalPart]]:
    """The money claims the headline total counts, and those it leaves out for missing facts."""
    counted: list[TotalPart] = []
    not_counted: list[TotalPart] = []
    for measure in measures:
        for claim in measure.claims:
            if claim.kind not in MONEY_KINDS or claim.verdict is ClaimVerdict.NOT_ELIGIBLE:
                continue
            part = TotalPart(measure=measure.measure, label=measure.label, item=claim.item, entry=claim.entry,
                             rule_name=claim.rule_name, missing=claim.missing)
            (counted if claim.calculation is not None else not_counted).append(part)
    return counted, not_counted


def _computed(calculation: Calculation) -> dict[str, Any]:
    return {"calculation": calculation, "ceiling_yuan": calculation.amount_yuan}


def _title(measure: str, title: str, lang: str) -> str:
    """The measure's title as printed; in English, the English title with the Chinese one beside it."""
    words = match_words()["en"]
    english = words["titles"].get(measure) if lang == "en" else None
    return str(words["titled"]).format(en=english, zh=title) if english else title


def _departments(names: list[str], lang: str) -> list[str]:
    """The 责任单位; in English, each with its English name first (the chat's table of names)."""
    if lang != "en":
        return names
    from assistant.conversation.composer import english_department_names  # the composer imports the match

    table = english_department_names()
    return [f"{table[name]} ({name})" if name in table else name for name in names]


def _in_traditional(value: Any) -> Any:
    """Every text of a dumped record in traditional script (ids and values in ASCII are unchanged)."""
    if isinstance(value, str):
        return in_script(value, Language.TRADITIONAL)
    if isinstance(value, list):
        return [_in_traditional(v) for v in value]
    if isinstance(value, dict):
        return {k: _in_traditional(v) for k, v in value.items()}
    return value


def _tongue(lang: str) -> Language:
    return Language.ENGLISH if lang == "en" else Language.SIMPLIFIED


def _money(yuan: Decimal, lang: str) -> str:
    return format_yuan_en(yuan) if lang == "en" else format_yuan(yuan)
