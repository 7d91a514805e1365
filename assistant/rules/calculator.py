"""Exact award ceilings: per-item ``min(rate × base, cap)``, then per-entity annual caps, then conditions.

Money is ``Decimal`` yuan throughout. Every result carries its formula, the caps that bit, the
conditions still to be met, and the article it comes from; a ceiling is never presented as an amount
the enterprise will receive. The inputs a rule takes are ``RuleBook.inputs`` (the same list ``GET
/v1/rules`` shows): ``base_yuan``, a threshold's amount such as ``upfront_yuan``, and condition ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal
from typing import Any, Protocol

from assistant.amounts import AmountError, format_yuan, format_yuan_en, parse_amount
from assistant.errors import InvalidInputs
from assistant.language import Language
from assistant.records import AwardEstimate, Calculation, Citation, Step
from assistant.rules.book import BASE_INPUT, Condition, Rule, RuleBook, RuleKind
from prompts import wording

TRUE_WORDS = {"true", "yes", "y", "1", "是", "有", "满足", "符合"}
FALSE_WORDS = {"false", "no", "n", "0", "否", "无", "没有", "不满足", "不符合"}


class CalculationError(InvalidInputs):
    """The request cannot be computed; the message names the problem for the user."""


class MissingBase(CalculationError):
    """An item of a rule paid as a share of a base (研发投入, 产值 …) came without that base."""


@dataclass(frozen=True)
class Item:
    """One item to calculate: a rule id and its inputs (amounts in yuan or 万/亿 text, facts as yes/no)."""

    rule_id: str
    inputs: Mapping[str, Any]
    # no base stated: the item taken at its per-item ceiling (``AT_ITEM_CEILING``: "CMO最多能拿多少" answered
    # 500万) or at the per-entity annual cap its rule counts against (``AT_ANNUAL_CAP``: "一年最多" answered 1000万),
    # as a total over the conversation adds what each measure's turn gave
    at_ceiling: str = ""
    on: date | None = None  # the day the item happens, when it is its own ("2024年5月参加的展会"); else the estimate's


AT_ITEM_CEILING, AT_ANNUAL_CAP = "item", "year"


class Kinded(Protocol):
    """A rule or a calculation of one: anything that says which kind of rule it is."""

    @property
    def kind(self) -> str: ...


def are_alternatives(calculations: Sequence[Kinded]) -> bool:
    """Several guarantee ceilings (（二十九）): one or the other applies by the kind of enterprise,
    never their sum. Takes calculations, or the rules themselves (a match decides before computing)."""
    return len(calculations) > 1 and all(c.kind == RuleKind.GUARANTEE_LIMIT for c in calculations)


class AwardCalculator:
    """Computes award ceilings from the rule book (``assistant/rules/awards.yaml``), exactly, in ``Decimal`` yuan."""

    def __init__(self, book: RuleBook, cite: Callable[[str], Citation]) -> None:
        """``cite`` turns a measure key (``05``) into the citation of that article."""
        self.book = book
        self.cite = cite

    def calculate(self, rule_id: str, inputs: Mapping[str, Any], on: date, language: Language = Language.SIMPLIFIED,
                  at_ceiling: str = "") -> Calculation:
        """The ceiling of one item of ``rule_id`` on day ``on``; amounts in ``inputs`` are yuan (or 万/亿 text).
        ``at_ceiling`` (``Item.at_ceiling``): no base is needed; the item is its per-item ceiling, or the annual cap.

        Raises ``UnknownRule`` for an unknown id, and ``CalculationError`` for an input the rule does
        not take, a required input left out, or an amount or yes/no answer that cannot be read.
        """
        rule = self.book.rule(rule_id)
        words = _Words(language)
        self._check_inputs(rule, inputs, needs_base=not at_ceiling)
        base = _read_base(inputs)
        steps: list[Step] = []
        notes: list[str] = []
        caps: list[str] = []
        uncapped: Decimal | None = None  # rate × base in whole yuan, when the per-item ceiling binds
        article = self.cite(rule.measure).article

        if base is not None:
            steps.append(Step(name=words.base_name(rule), value=words.money(base), source="input"))
        if at_ceiling and base is None:
            amount = rule.cap_yuan
            formula = ""
            if rule.rate is not None:
                notes.append(words.t["at_ceiling"].format(base=words.base_name(rule)))
            else:
                notes.append(words.no_rate_of(rule))
        elif rule.rate is not None:
            assert base is not None, "a rule with a rate requires its base (checked above)"
            raw = base * rule.rate
            amount = min(raw, rule.cap_yuan)
            steps.append(Step(name=words.rate, value=percent_text(rule.rate), source=article))
            formula = f"min({percent_text(rule.rate)} × {words.money(base)}, {words.money(rule.cap_yuan)})"
            if raw > rule.cap_yuan:
                uncapped = raw.quantize(Decimal(1), rounding=ROUND_DOWN)
                caps.append(words.item_cap_bit(rule, uncapped))
        elif base is not None and rule.kind in {RuleKind.INTEREST_SUBSIDY, RuleKind.GUARANTEE_LIMIT}:
            amount = min(base, rule.cap_yuan)
            formula = f"min({words.money(base)}, {words.money(rule.cap_yuan)})"
            if base > rule.cap_yuan:
                caps.append(words.item_cap_bit(rule, base, rated=False))
        else:
            amount = rule.cap_yuan
            formula = ""
            notes.append(words.no_rate_of(rule))
        steps.append(Step(name=words.cap_name(rule), value=words.money(rule.cap_yuan), source=article))
        amount = amount.quantize(Decimal(1), rounding=ROUND_DOWN)

        if rule.annual_cap:
            cap = self.book.annual_caps[rule.annual_cap]
            steps.append(Step(name=words.annual, value=words.money(cap.cap_yuan), source=article))
            if at_ceiling == AT_ANNUAL_CAP and base is None:
                amount, formula = Decimal(cap.cap_yuan), words.annual
                notes = [words.t["at_annual_cap"]]
            if amount > cap.cap_yuan:
                amount = cap.cap_yuan
                caps.append(words.annual_bit(cap.cap_yuan))

        failed = self._failed_conditions(rule, inputs, words)
        if not self.book.in_force_on(on):
            failed.append(words.out_of_validity(on, self.book.funding_valid_from, self.book.valid_to))
        eligible = not failed
        if not eligible:
            notes = [*failed, *notes]
            amount = Decimal(0)
            caps = []  # no ceiling is awarded, so no cap was applied to one
        else:
            pending = [self.book.conditions[c] for c in rule.conditions if c not in inputs and not
                       self._threshold_given(c, inputs)]
            if pending:
                notes.append(words.pending([words.condition(c) for c in pending]))
        result_text = words.money(amount)
        if not eligible:
            formula = words.not_eligible_formula
        else:
            notes.extend(words.caveats(rule))
            formula = f"{formula} = {result_text}" if formula else f"{words.ceiling} {result_text}"
        return Calculation(
            rule_id=rule.id,
            rule_name=rule.name_en if language is Language.ENGLISH else rule.name,
            kind=rule.kind,
            citation=self.cite(rule.measure),
            inputs={key: str(value) for key, value in inputs.items()},
            eligible=eligible,
            amount_yuan=int(amount),
            amount_text=result_text,
            formula=formula,
            base_yuan=int(base) if base is not None else None,
            ceiling_yuan=int(rule.cap_yuan),
            uncapped_yuan=int(uncapped) if uncapped is not None and eligible else None,
            notes=notes,
            caps_applied=caps,
            steps=steps,
        )

    def estimate(self, items: Sequence[Item], on: date, language: Language = Language.SIMPLIFIED,
                 received: Decimal = Decimal(0)) -> AwardEstimate:
        """Items of one enterprise in one year; annual caps apply across the items that share them.

        ``received``: yuan the enterprise already received this year under the items' measure; each per-entity
        annual cap the items count against leaves that much less (never below 0). Raises ``CalculationError``
        for no items or a negative ``received``, and as ``calculate`` does for an item."""
        if not items:
            raise CalculationError("no items to calculate")
        if received < 0:
            raise CalculationError("the support already received cannot be negative")
        words = _Words(language)
        calculations = [self.calculate(item.rule_id, item.inputs, item.on or on, language, item.at_ceiling) for item in items]
        total, parts, notes = summed(self.book, calculations, words, received)
        formula = f"{' + '.join(parts)} = {words.money(total)}"
        return AwardEstimate(
            calculations=calculations,
            total_yuan=int(total),
            total_text=words.money(total),
            formula=formula,
            notes=notes,
            received_yuan=int(received) if received > 0 else None,
        )

    def _check_inputs(self, rule: Rule, inputs: Mapping[str, Any], needs_base: bool = True) -> None:
        takes = self.book.inputs(rule.id)
        unknown = sorted(set(inputs) - set(takes.accepted))
        if unknown:
            raise CalculationError(
                f"rule {rule.id} does not take {', '.join(unknown)}; it takes: {', '.join(takes.accepted)}"
            )
        if needs_base and BASE_INPUT in takes.required and _blank(inputs.get(BASE_INPUT)):
            raise MissingBase(f"rule {rule.id} needs the base amount ({rule.base}); pass {BASE_INPUT}, e.g. 6000万")
        for condition_id in rule.conditions:
            self._check_agreement(self.book.conditions[condition_id], inputs)

    @staticmethod
    def _check_agreement(condition: Condition, inputs: Mapping[str, Any]) -> None:
        """A threshold condition given both as its amount and as a yes/no must say the same; raises
        ``CalculationError`` naming both inputs when they contradict each other."""
        if not (condition.input and condition.min_yuan is not None and condition.input in inputs
                and condition.id in inputs):
            return
        amount = _money(inputs[condition.input], condition.input, allow_zero=True)
        said = _flag(inputs[condition.id], condition.id)
        if (amount >= condition.min_yuan) != said:
            meets = "meets" if amount >= condition.min_yuan else "does not meet"
            raise CalculationError(
                f"{condition.input} ({format_yuan(amount)}) {meets} the condition ({condition.text_en}) but "
                f"{condition.id} is {str(said).lower()}; give one of the two, or make them agree")

    def _threshold_given(self, condition_id: str, inputs: Mapping[str, Any]) -> bool:
        condition = self.book.conditions[condition_id]
        return bool(condition.input and condition.input in inputs)

    def _failed_conditions(self, rule: Rule, inputs: Mapping[str, Any], words: _Words) -> list[str]:
        failed = []
        for condition_id in rule.conditions:
            condition = self.book.conditions[condition_id]
            if condition.input and condition.input in inputs and condition.min_yuan is not None:
                value = _money(inputs[condition.input], condition.input, allow_zero=True)
                if value < condition.min_yuan:
                    failed.append(words.below_threshold(condition, value))
            elif condition_id in inputs and not _flag(inputs[condition_id], condition_id):
                failed.append(words.unmet(condition))
        return failed


def distinct_estimates(estimates: Sequence[AwardEstimate]) -> list[AwardEstimate]:
    """``estimates`` in order, without each one whose items (rule and amount, as many times) a later one holds again:
    a running total ("这一步能拿多少？…还能再拿多少？") counts each item once."""
    return [e for n, e in enumerate(estimates) if held_by(e, estimates[n + 1:]) is None]


def held_by(estimate: AwardEstimate, later: Sequence[AwardEstimate]) -> AwardEstimate | None:
    """The first of ``later`` that holds every item of ``estimate`` (rule and amount, as many times), or None: the
    total a told item ("①一个CAR-T…合计最多") or an earlier step of a running total is counted in."""
    return next((other for other in later if _items_held(estimate, other)), None)


def _items_held(estimate: AwardEstimate, later: AwardEstimate) -> bool:
    """Whether every item of ``estimate`` (rule and amount, as many times) is one of ``later``'s too."""
    items = Counter((c.rule_id, c.amount_yuan) for c in estimate.calculations)
    held = Counter((c.rule_id, c.amount_yuan) for c in later.calculations)
    return bool(items) and all(held[item] >= n for item, n in items.items())


def joint_estimate(book: RuleBook, estimates: Sequence[AwardEstimate],
                   language: Language = Language.SIMPLIFIED, total_asked: bool = False) -> AwardEstimate | None:
    """Several distinct estimates of one turn (a cell therapy's stage beside other drugs' stages of （五）) as one, when items
    of two of them count against the same per-entity annual cap: the caps apply across all their items
    (3000万 + 8000万 under （五）'s 1亿 → 1亿); or when ``total_asked`` ("…分别能拿多少，合计多少？" of a trade-fair measure
    and a licensing measure), each measure's items under its own cap, then summed. None when no cap is shared and no
    total is asked, or one of them counts support already received (its cap is already what is left)."""
    if len(estimates) < 2 or any(e.received_yuan is not None for e in estimates):
        return None
    caps = [{book.rule(c.rule_id).annual_cap for c in e.calculations} - {None} for e in estimates]
    if not total_asked and not any(caps[i] & caps[j] for i in range(len(caps)) for j in range(i + 1, len(caps))):
        return None
    words = _Words(language)
    calculations = [c for e in estimates for c in e.calculations]
    total, parts, notes = summed(book, calculations, words, Decimal(0))
    return AwardEstimate(calculations=calculations, total_yuan=int(total), total_text=words.money(total),
                         formula=f"{' + '.join(parts)} = {words.money(total)}", notes=notes)


def summed(book: RuleBook, calculations: Sequence[Calculation], words: _Words,
           received: Decimal) -> tuple[Decimal, list[str], list[str]]:
    """(total yuan, the formula's parts, notes) of ``calculations`` with each per-entity annual cap applied
    across the items that share it, alternatives taken once, and ``received`` taken off the caps."""
    groups: dict[str | None, list[Calculation]] = {}
    for calculation in calculations:
        groups.setdefault(book.rule(calculation.rule_id).annual_cap, []).append(calculation)
    total = Decimal(0)
    parts: list[str] = []
    notes: list[str] = []
    for cap_id, members in groups.items():
        subtotal = sum((Decimal(c.amount_yuan) for c in members if c.eligible), Decimal(0))
        terms = " + ".join(words.money(Decimal(c.amount_yuan)) for c in members if c.eligible) or "0"
        if are_alternatives(members):
            limits = [c for c in members if c.eligible]
            subtotal = max((Decimal(c.amount_yuan) for c in limits), default=Decimal(0))
            parts.append(f"max({', '.join(words.money(Decimal(c.amount_yuan)) for c in limits)})")
            notes.append(words.t["alternatives_bit"])
        elif cap_id is not None and received > 0:
            # "今年已经拿了48万": the annual cap less what was received, for this turn's items
            cap = book.annual_caps[cap_id]
            left = max(cap.cap_yuan - received, Decimal(0))
            parts.append(f"min({terms}, {words.money(cap.cap_yuan)} − {words.money(received)})")
            notes.append(words.received_bit(cap.cap_yuan, received, left))
            subtotal = min(subtotal, left)
        elif cap_id is not None and len(members) > 1:
            cap = book.annual_caps[cap_id]
            capped = min(subtotal, cap.cap_yuan)
            parts.append(f"min({terms}, {words.money(cap.cap_yuan)})")
            if subtotal > cap.cap_yuan:
                notes.append(words.annual_total_bit(cap.cap_yuan, subtotal))
            subtotal = capped
        else:
            parts.append(terms)
        total += subtotal
    return total, parts, notes


def _read_base(inputs: Mapping[str, Any]) -> Decimal | None:
    value = inputs.get(BASE_INPUT)
    return None if _blank(value) else _money(value, BASE_INPUT, allow_zero=False)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _money(value: Any, name: str, allow_zero: bool) -> Decimal:
    if isinstance(value, bool):
        raise CalculationError(f"{name} must be an amount, not {value!r}")
    try:
        return parse_amount(str(value), allow_zero=allow_zero)
    except AmountError as error:
        raise CalculationError(f"{name}: {error}") from error


def _flag(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise CalculationError(f"{name} must be yes or no, not {value!r}")


def percent_text(rate: Decimal) -> str:
    """A rate (0.3) as the answers write it ("30%")."""
    return f"{(rate * 100).normalize():f}%"


def merged_notes(notes: Iterable[str], language: Language) -> list[str]:
    """The notes of several items, each once, the conditions still to meet of all of them in one note where the first
    stood ("还须满足：在本市登记注册；已进入…特别审查程序。" once, not again with one more condition for the next item)."""
    template = _Words(language).t
    opening, closing = template["pending"].split("{conditions}")
    separator = template["pending_separator"]
    kept: list[str] = []
    conditions: list[str] = []
    for note in dict.fromkeys(notes):
        if note.startswith(opening) and note.endswith(closing) and closing:
            if not conditions:
                kept.append(opening)  # where the merged note stands
            conditions += note[len(opening):-len(closing)].split(separator)
            continue
        kept.append(note)
    merged = f"{opening}{separator.join(dict.fromkeys(conditions))}{closing}"
    return [merged if note == opening else note for note in kept]


class _Words:
    """The words a calculation is explained in (``prompts/calculation.yaml``): Chinese as the policy
    writes it, or English. Both Chinese scripts read the Chinese words; answers convert them."""

    def __init__(self, language: Language) -> None:
        self.en = language is Language.ENGLISH
        self.t: dict[str, str] = wording("calculation")["en" if self.en else "zh"]
        self.rate = self.t["rate"]
        self.annual = self.t["annual"]
        self.not_eligible_formula = self.t["not_eligible_formula"]
        self.ceiling = self.t["ceiling"]

    def money(self, yuan: Decimal) -> str:
        return format_yuan_en(yuan) if self.en else format_yuan(yuan)

    def no_rate_of(self, rule: Rule) -> str:
        """The note of a rule whose text sets a ceiling and no rate, naming the rule (one of several items)."""
        return self.t["no_rate"].format(name=(rule.name_en or rule.name) if self.en else rule.name)

    def base_name(self, rule: Rule) -> str:
        return (rule.base_en or rule.base or self.t["base_default"]) if self.en else (rule.base or self.t["base_default"])

    def cap_name(self, rule: Rule) -> str:
        return self.t["cap_name"].format(per=rule.per)

    def item_cap_bit(self, rule: Rule, raw: Decimal, rated: bool = True) -> str:
        """The per-item ceiling binding: what the rate gives (``raw`` yuan; ``rated`` False: the amount itself, a loan's
        interest or a guarantee wanted) and the ceiling that applies instead."""
        return self.t["item_cap_bit" if rated else "base_cap_bit"].format(
            raw=self.money(raw.quantize(Decimal(1), rounding=ROUND_DOWN)), cap=self.money(rule.cap_yuan),
            rate=percent_text(rule.rate) if rule.rate is not None else "")

    def annual_bit(self, cap: Decimal) -> str:
        return self.t["annual_bit"].format(cap=self.money(cap))

    def received_bit(self, cap: Decimal, received: Decimal, left: Decimal) -> str:
        return self.t["received_bit"].format(cap=self.money(cap), received=self.money(received), left=self.money(left))

    def annual_total_bit(self, cap: Decimal, subtotal: Decimal) -> str:
        return self.t["annual_total_bit"].format(cap=self.money(cap), subtotal=self.money(subtotal))

    def condition(self, condition: Condition) -> str:
        return condition.text_en if self.en else condition.text

    def unmet(self, condition: Condition) -> str:
        return self.t["unmet"].format(text=condition.text, text_en=condition.text_en, quote=condition.quote)

    def below_threshold(self, condition: Condition, value: Decimal) -> str:
        return self.t["below_threshold"].format(text=condition.text, text_en=condition.text_en, quote=condition.quote,
                                                value=self.money(value))

    def out_of_validity(self, on: date, start: date, end: date) -> str:
        form = self.t["date"]
        return self.t["out_of_validity"].format(on=format(on, form), start=format(start, form), end=format(end, form))

    def pending(self, conditions: list[str]) -> str:
        return self.t["pending"].format(conditions=self.t["pending_separator"].join(conditions))

    def caveats(self, rule: Rule) -> list[str]:
        notes = []
        if rule.kind is RuleKind.GUARANTEE_LIMIT:
            notes.append(self.t["guarantee_caveat"])
        if rule.rate_note:
            notes.append(rule.rate_note_en if self.en and rule.rate_note_en else rule.rate_note)
        if rule.merit_based:
            notes.append(self.t["merit_caveat"])
        elif rule.kind is not RuleKind.GUARANTEE_LIMIT:
            notes.append(self.t["ceiling_caveat"])
        return notes
