"""The award rule book: ``awards.yaml`` validated on load into typed, frozen rules.

The YAML is the only place a figure lives, and the policy's dates live only in ``index/documents.yaml``.
``load_rule_book`` refuses a file that is malformed, disagrees with itself (``merit_based`` against the
quote's 择优, ids that point nowhere) or with the catalogue (dates its validity quote does not state),
with one ``RuleBookError`` that names the file, the entry and the field:
``awards.yaml: rule m24-cmo: merit_based: ...``.

Check the shipped file: ``python -c "from assistant.rules.book import rule_book; rule_book()"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, ValidationInfo, field_validator
from pydantic_core import ErrorDetails

from assistant.errors import ConfigurationError, NotFound
from index.documents import Catalogue, catalogue
from index.yaml_data import read_yaml

RULES_PATH = Path(__file__).resolve().parent / "awards.yaml"
BASE_INPUT = "base_yuan"
MERIT_WORD = "择优"
SECTIONS = {"rules": "rule", "annual_caps": "annual cap", "conditions": "condition"}


class RuleBookError(ConfigurationError):
    """The rule data is malformed or inconsistent; the message reads ``FILE: ENTRY: FIELD: PROBLEM``.

    ``entry`` is e.g. ``rule m24-cmo``, ``condition class1_new_drug`` or ``validity`` (empty for a
    top-level key); ``field`` is the key within it (``conditions[1]`` for a list item).
    """

    def __init__(self, file: str, entry: str, field: str, problem: str) -> None:
        self.file, self.entry, self.field, self.problem = file, entry, field, problem
        super().__init__(": ".join(part for part in (file, entry, field, problem) if part))


class UnknownRule(NotFound):
    """No rule has the id asked for; the message lists the known ids (404 ``unknown_rule``)."""

    code = "unknown_rule"


class RuleKind(StrEnum):
    GRANT = "grant"
    INTEREST_SUBSIDY = "interest_subsidy"
    GUARANTEE_LIMIT = "guarantee_limit"  # a ceiling on a guarantee, not money paid


def _exact_number(value: object) -> object:
    """YAML integers and strings become ``Decimal``; a float (``0.4``) is refused because it is not exact."""
    if isinstance(value, bool | float):
        raise ValueError(f'{value!r} is not exact: write whole yuan (10000000) or a quoted decimal ("0.40")')
    if isinstance(value, int | str):
        try:
            return Decimal(value)
        except InvalidOperation:
            raise ValueError(f"{value!r} is not a number") from None
    return value


Yuan = Annotated[Decimal, BeforeValidator(_exact_number), Field(gt=0, decimal_places=0)]
"""A positive whole number of yuan."""
Rate = Annotated[Decimal, BeforeValidator(_exact_number), Field(gt=0, le=1)]
"""A share of the base: ``"0.40"`` is 40%."""
Measure = Annotated[str, Field(pattern=r"^\d{2}$")]
"""The policy's measure number as printed, two digits (``05``); the article key of its chunk."""


class _Data(BaseModel):
    """Rule data: unknown keys refused, no coercion (``"false"`` is not a boolean, ``5`` not a string), immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class AnnualCap(_Data):
    """A per-entity yearly ceiling in yuan, shared by the items of every rule that names it."""

    id: str
    cap_yuan: Yuan
    quote: str
    measure: Measure


class Condition(_Data):
    """An eligibility condition, answered yes/no under its id.

    With ``input`` and ``min_yuan`` it is a threshold instead: the amount given as ``input`` (yuan)
    must be at least ``min_yuan``.
    """

    id: str
    text: str
    text_en: str
    quote: str
    measure: str
    min_yuan: Yuan | None = None
    input: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*_yuan$", validate_default=True)

    @field_validator("input")
    @classmethod
    def _threshold_has_both_parts(cls, value: str | None, info: ValidationInfo) -> str | None:
        if "min_yuan" in info.data and (value is None) != (info.data["min_yuan"] is None):
            raise ValueError("a threshold needs both input and min_yuan")
        if value == BASE_INPUT:
            raise ValueError(f"{BASE_INPUT} is the base of every rule, not a threshold's input")
        return value


class Rule(_Data):
    """One award ceiling of one measure: ``min(rate × base, cap_yuan)``, or ``cap_yuan`` without a rate.

    ``cap_yuan`` is per item (``per`` says what one item is); ``annual_cap`` is the id of a per-entity
    cap the item counts against; ``conditions`` are ids of conditions; ``triggers`` are the words that
    pick this rule among the rules of its measure. ``fee_base``: the base is a fee paid for the project
    (a stated fee is its base); ``product``: the kind of product the rule alone is for (``cgt``);
    ``follows``: the id of the rule of the same product's earlier stage this one is granted on top of
    (以上产品…再给予), so an answer on that stage can name this later one. ``not_for``: the words an asker names a
    part of the measure the rule does not pay with; ``unpaid_part``: the text's own word for that part (（三十七）
    pays taking part in events, not 举办 them: a host's amount is not specified).
    """

    id: str
    measure: Measure
    name: str
    name_en: str
    kind: RuleKind = Field(strict=False)  # the YAML's word ("grant") becomes the enum member
    quote: str
    base: str | None
    base_en: str | None = None
    rate: Rate | None
    rate_note: str | None = None
    rate_note_en: str | None = None
    cap_yuan: Yuan
    per: str
    annual_cap: str | None = None
    merit_based: bool
    conditions: tuple[str, ...] = Field(strict=False)  # a YAML list becomes a tuple; its items stay strict
    triggers: tuple[str, ...] = Field(strict=False)
    fee_base: bool = False
    product: str | None = None
    follows: str | None = None
    not_for: tuple[str, ...] = Field(default=(), strict=False)
    unpaid_part: str | None = None
    unpaid_part_en: str | None = None  # the same part in English words ("hosting events")

    @field_validator("rate")
    @classmethod
    def _rate_applies_to_a_base(cls, value: Decimal | None, info: ValidationInfo) -> Decimal | None:
        if "base" not in info.data:
            return value
        base = info.data["base"]
        if value is not None and base is None:
            raise ValueError("a rate needs the base it is a share of, but base is null")
        if value is None and base is not None and info.data.get("kind") is RuleKind.GRANT:
            raise ValueError("null, but base is set: a grant uses its base only through a rate")
        return value

    @field_validator("merit_based")
    @classmethod
    def _merit_agrees_with_quote(cls, value: bool, info: ValidationInfo) -> bool:
        quote = info.data.get("quote")
        if quote is not None and value != (MERIT_WORD in quote):
            says = "contains" if MERIT_WORD in quote else "does not contain"
            raise ValueError(f"{str(value).lower()}, but the quote {says} {MERIT_WORD}")
        return value

    @field_validator("conditions")
    @classmethod
    def _conditions_once(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        twice = sorted({c for c in value if value.count(c) > 1})
        if twice:
            raise ValueError(f"lists {', '.join(twice)} more than once")
        return value

    @property
    def chunk_key(self) -> str:
        return self.measure


class RuleInputs(BaseModel):
    """What ``AwardCalculator`` takes for one rule, each input under one name.

    ``amounts`` are yuan: ``base_yuan`` when the rule has a base, and the input of each threshold
    condition (``upfront_yuan``). ``facts`` are the rule's condition ids, answered yes/no.
    ``required`` is what the calculation cannot do without: ``base_yuan`` for a rule with a rate.
    """

    model_config = ConfigDict(frozen=True)

    amounts: tuple[str, ...]
    facts: tuple[str, ...]
    required: tuple[str, ...]

    @property
    def accepted(self) -> tuple[str, ...]:
        return (*self.amounts, *self.facts)


class RuleBook(BaseModel):
    """Every rule of one policy document, with the dates its funding measures apply (from ``documents.yaml``)."""

    model_config = ConfigDict(frozen=True)

    document: str
    funding_valid_from: date
    valid_to: date
    validity_quote: str
    rules: tuple[Rule, ...]
    annual_caps: dict[str, AnnualCap]
    conditions: dict[str, Condition]

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id; raises ``UnknownRule`` (a ``NotFound``) naming the known ids."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        known = ", ".join(r.id for r in self.rules)
        raise UnknownRule(f"unknown rule id {rule_id!r}; known rules: {known}")

    def for_measure(self, measure: str) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.measure == measure)

    def later_stages(self, rule_id: str) -> tuple[Rule, ...]:
        """The rules granted on top of ``rule_id`` at a later stage of the same product (their ``follows``)."""
        return tuple(rule for rule in self.rules if rule.follows == rule_id)

    def measures(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(rule.measure for rule in self.rules))

    def in_force_on(self, day: date) -> bool:
        return self.funding_valid_from <= day <= self.valid_to

    def inputs(self, rule_id: str) -> RuleInputs:
        """The inputs the calculator accepts and requires for ``rule_id``; raises ``UnknownRule``."""
        rule = self.rule(rule_id)
        thresholds = tuple(c.input for c in (self.conditions[cid] for cid in rule.conditions) if c.input)
        base = (BASE_INPUT,) if rule.base is not None else ()
        return RuleInputs(amounts=(*base, *thresholds), facts=rule.conditions,
                          required=(BASE_INPUT,) if rule.rate is not None else ())


class _Validity(_Data):
    quote: str  # the sentence of the policy that states its dates; the dates are in documents.yaml


class _AwardsFile(_Data):
    """The shape of ``awards.yaml``: caps and conditions keyed by id, rules as a list."""

    document: str
    validity: _Validity
    annual_caps: dict[str, AnnualCap]
    conditions: dict[str, Condition]
    rules: tuple[Rule, ...] = Field(strict=False)

    @field_validator("annual_caps", "conditions", mode="before")
    @classmethod
    def _ids_from_keys(cls, entries: object) -> object:
        """The YAML keys these entries by id; the models carry it (an ``id`` key inside is checked later)."""
        if not isinstance(entries, dict):
            return entries
        return {key: {"id": key, **entry} if isinstance(entry, dict) else entry for key, entry in entries.items()}


def load_rule_book(path: Path = RULES_PATH, documents: Catalogue | None = None) -> RuleBook:
    """Read ``path``, validate it and check it against ``documents`` (the shipped catalogue by default).

    Raises ``RuleBookError`` naming the file, the entry and the field of the first problem found.
    """
    file = path.name
    try:
        raw = read_yaml(path)
    except (OSError, yaml.YAMLError) as error:
        raise RuleBookError(file, "", "", f"cannot be read: {error}") from error
    if not isinstance(raw, dict):
        raise RuleBookError(file, "", "", "must be a mapping with document, validity, annual_caps, conditions and rules")
    try:
        data = _AwardsFile.model_validate(raw)
    except ValidationError as error:
        raise _book_error(file, raw, error) from None
    _check_references(file, data)
    funding_valid_from, valid_to = _policy_dates(file, data, documents or catalogue())
    return RuleBook(
        document=data.document,
        funding_valid_from=funding_valid_from,
        valid_to=valid_to,
        validity_quote=data.validity.quote,
        rules=data.rules,
        annual_caps=data.annual_caps,
        conditions=data.conditions,
    )


@cache
def rule_book() -> RuleBook:
    """The shipped rule book, validated once per process; raises ``RuleBookError``."""
    return load_rule_book()


def _check_references(file: str, data: _AwardsFile) -> None:
    """Every id a rule names exists, rule ids are unique, and an entry's key is its id."""
    for section, entries in (("annual cap", data.annual_caps), ("condition", data.conditions)):
        for key, item in entries.items():
            if item.id != key:
                raise RuleBookError(file, f"{section} {key}", "id", "the entry's key is its id; drop the id key")
    seen: set[str] = set()
    for rule in data.rules:
        where = f"rule {rule.id}"
        if rule.id in seen:
            raise RuleBookError(file, where, "id", "used by more than one rule")
        seen.add(rule.id)
        if rule.annual_cap is not None:
            cap = data.annual_caps.get(rule.annual_cap)
            if cap is None:
                raise RuleBookError(file, where, "annual_cap",
                                    f"unknown annual cap {rule.annual_cap!r}; known: {', '.join(data.annual_caps)}")
            if cap.measure != rule.measure:
                raise RuleBookError(file, where, "annual_cap",
                                    f"{cap.id} is the cap of measure {cap.measure}, not of {rule.measure}")
        for position, condition_id in enumerate(rule.conditions):
            if condition_id not in data.conditions:
                raise RuleBookError(file, where, f"conditions[{position}]",
                                    f"unknown condition {condition_id!r}; known: {', '.join(data.conditions)}")
    measures = {rule.id: rule.measure for rule in data.rules}
    for rule in data.rules:
        if rule.follows is not None and measures.get(rule.follows) != rule.measure:
            raise RuleBookError(file, f"rule {rule.id}", "follows",
                                f"{rule.follows!r} is no rule of measure {rule.measure}")


def _policy_dates(file: str, data: _AwardsFile, documents: Catalogue) -> tuple[date, date]:
    """(funding valid from, valid to) of the rules' document, each stated in the validity quote."""
    try:
        document = documents.get(data.document)
    except KeyError:
        raise RuleBookError(file, "", "document", f"{data.document!r} is not in documents.yaml") from None
    funding_valid_from = document.funding_valid_from or document.valid_from
    if funding_valid_from is None or document.valid_to is None:
        raise RuleBookError(file, "", "document", f"{document.id} has no validity dates in documents.yaml")
    for name in ("valid_from", "funding_valid_from", "valid_to"):
        day = getattr(document, name)
        if day is not None and _chinese_date(day) not in data.validity.quote:
            raise RuleBookError(file, "validity", "quote",
                                f"does not state {name} {_chinese_date(day)} that documents.yaml gives {document.id}")
    return funding_valid_from, document.valid_to


def _chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _book_error(file: str, raw: Mapping[str, Any], error: ValidationError) -> RuleBookError:
    """The first validation problem, located by entry id (``rule m24-cmo``) rather than list position."""
    first = error.errors()[0]
    loc = first["loc"]
    entry, rest = "", loc
    if len(loc) > 1 and loc[0] in SECTIONS:
        key = loc[1]
        if isinstance(key, int):
            items = raw.get(str(loc[0]))
            item = items[key] if isinstance(items, list) and key < len(items) else None
            rule_id = item.get("id") if isinstance(item, dict) else None
            key = rule_id if isinstance(rule_id, str) else f"#{key + 1}"
        entry, rest = f"{SECTIONS[str(loc[0])]} {key}", loc[2:]
    elif len(loc) > 1:
        entry, rest = str(loc[0]), loc[1:]
    field = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in rest).lstrip(".")
    problem = _problem(first)
    if error.error_count() > 1:
        problem += f" (and {error.error_count() - 1} more)"
    return RuleBookError(file, entry, field, problem)


def _problem(detail: ErrorDetails) -> str:
    if detail["type"] == "extra_forbidden":
        return "unknown key"
    if detail["type"] == "missing":
        return "missing"
    if detail["type"] == "value_error":
        return str(detail.get("ctx", {}).get("error", detail["msg"]))
    given = repr(detail["input"])
    return f"{detail['msg']}, not {given if len(given) <= 60 else given[:57] + '...'}"
