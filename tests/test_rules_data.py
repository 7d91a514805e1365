"""Rules cannot drift from the policy: quotes are verbatim, figures stand in their quotes, malformed
rule data is refused on load, and every worked example of examples.yaml comes out of the calculator."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.amounts import format_yuan
from assistant.rules.book import RULES_PATH, RuleBookError, load_rule_book, rule_book
from assistant.rules.calculator import Item
from index import INDEX_DIR
from index.documents import catalogue, load_catalogue

EXAMPLES_PATH = RULES_PATH.parent / "examples.yaml"

SOURCE = catalogue().get("policy2024").read_source()
MEASURES = {"04", "05", "06", "12", "13", "20", "23", "24", "29", "36", "37"}


def test_every_quote_is_in_the_shipped_source():
    book = rule_book()
    quotes = [r.quote for r in book.rules] + [c.quote for c in book.annual_caps.values()]
    quotes += [c.quote for c in book.conditions.values()] + [book.validity_quote]
    for quote in quotes:
        assert quote in SOURCE, quote


def test_every_figure_stands_in_its_quote():
    book = rule_book()
    for rule in book.rules:
        assert format_yuan(rule.cap_yuan) in rule.quote, rule.id
        if rule.rate is not None:
            assert f"{(rule.rate * 100).normalize():f}%" in rule.quote, rule.id
    for cap in book.annual_caps.values():
        assert format_yuan(cap.cap_yuan) in cap.quote, cap.id
    for condition in book.conditions.values():
        if condition.min_yuan is not None:
            assert format_yuan(condition.min_yuan) in condition.quote


def test_every_measure_with_a_figure_is_covered():
    assert set(rule_book().measures()) == MEASURES


# --- The rule book checks itself: a malformed copy is refused, naming the file, the entry and the field


def awards_copy(tmp_path: Path, edit: Callable[[dict[str, Any]], None]) -> Path:
    """A copy of the shipped awards.yaml with ``edit`` applied to its parsed data."""
    raw = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    edit(raw)
    path = tmp_path / "awards.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def rule_entry(raw: dict[str, Any], rule_id: str) -> dict[str, Any]:
    return next(entry for entry in raw["rules"] if entry["id"] == rule_id)


def test_a_string_where_a_boolean_belongs_is_refused(tmp_path):
    path = awards_copy(tmp_path, lambda raw: rule_entry(raw, "m24-cmo").update(merit_based="false"))
    with pytest.raises(RuleBookError, match=r"^awards\.yaml: rule m24-cmo: merit_based: Input should be a valid boolean"):
        load_rule_book(path)


def test_a_float_rate_is_refused_as_inexact(tmp_path):
    path = awards_copy(tmp_path, lambda raw: rule_entry(raw, "m05-drug-phase2").update(rate=0.4))
    with pytest.raises(RuleBookError, match=r"^awards\.yaml: rule m05-drug-phase2: rate: 0\.4 is not exact"):
        load_rule_book(path)


def test_an_unknown_key_is_refused(tmp_path):
    path = awards_copy(tmp_path, lambda raw: rule_entry(raw, "m05-drug-phase1").update(capp_yuan=10_000_000))
    with pytest.raises(RuleBookError, match=r"^awards\.yaml: rule m05-drug-phase1: capp_yuan: unknown key$"):
        load_rule_book(path)


def test_an_unknown_kind_is_refused(tmp_path):
    path = awards_copy(tmp_path, lambda raw: rule_entry(raw, "m29-guarantee-small").update(kind="loan"))
    with pytest.raises(RuleBookError, match=r"^awards\.yaml: rule m29-guarantee-small: kind: Input should be 'grant', "
                                            r"'interest_subsidy' or 'guarantee_limit', not 'loan'$"):
        load_rule_book(path)


def test_merit_based_must_agree_with_择优_in_the_quote(tmp_path):
    path = awards_copy(tmp_path, lambda raw: rule_entry(raw, "m12-cro-capability").update(merit_based=False))
    with pytest.raises(RuleBookError, match=r"^awards\.yaml: rule m12-cro-capability: merit_based: false, "
                                            r"but the quote contains 择优$"):
        load_rule_book(path)


def test_validity_dates_must_be_the_documents_own(tmp_path):
    raw = yaml.safe_load((INDEX_DIR / "documents.yaml").read_text(encoding="utf-8"))
    next(d for d in raw["documents"] if d["id"] == "policy2024")["valid_to"] = date(2029, 7, 30)
    documents = tmp_path / "documents.yaml"
    documents.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleBookError, match=r"^awards\.yaml: validity: quote: does not state valid_to 2029年7月30日 "
                                            r"that documents\.yaml gives policy2024$"):
        load_rule_book(RULES_PATH, load_catalogue(documents))
    book = rule_book()
    policy = catalogue().get("policy2024")
    assert (book.funding_valid_from, book.valid_to) == (policy.funding_valid_from, policy.valid_to)


def test_an_unknown_condition_id_is_refused(tmp_path):
    path = awards_copy(tmp_path, lambda raw: rule_entry(raw, "m36-out-licensing")["conditions"].__setitem__(
        1, "upfront_at_least_2yi"))
    with pytest.raises(RuleBookError, match=r"^awards\.yaml: rule m36-out-licensing: conditions\[1\]: "
                                            r"unknown condition 'upfront_at_least_2yi'"):
        load_rule_book(path)


def test_an_unknown_annual_cap_is_refused(tmp_path):
    path = awards_copy(tmp_path, lambda raw: rule_entry(raw, "m24-cmo").update(annual_cap="m42-annual"))
    with pytest.raises(RuleBookError, match=r"^awards\.yaml: rule m24-cmo: annual_cap: unknown annual cap 'm42-annual'"):
        load_rule_book(path)


def test_a_later_stage_must_follow_a_rule_of_its_own_measure(tmp_path):
    path = awards_copy(tmp_path, lambda raw: rule_entry(raw, "m06-device-registration").update(follows="m24-cmo"))
    with pytest.raises(RuleBookError, match=r"^awards\.yaml: rule m06-device-registration: follows: 'm24-cmo' is no rule of measure 06"):
        load_rule_book(path)


def test_the_registration_stage_is_granted_on_top_of_the_special_review():
    assert [r.id for r in rule_book().later_stages("m06-device-special-review")] == ["m06-device-registration"]


# --- Worked examples (examples.yaml, beside the rules), each run through the calculator

IN_TERM = date(2026, 11, 25)


class ExampleItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule_id: str
    inputs: dict[str, str | bool] = Field(default_factory=dict)
    count: int = Field(default=1, ge=1)


class WorkedExample(BaseModel):
    """One item (``rule_id`` + ``inputs``) or several (``items``) of one enterprise in one year."""

    model_config = ConfigDict(extra="forbid")

    rule_id: str | None = None
    inputs: dict[str, str | bool] = Field(default_factory=dict)
    items: list[ExampleItem] | None = None
    day: date = IN_TERM
    amount_yuan: int = Field(ge=0)
    why: str

    @model_validator(mode="after")
    def _one_item_or_several(self) -> WorkedExample:
        if (self.rule_id is None) == (self.items is None) or (self.items is not None and self.inputs):
            raise ValueError("an example is a rule_id with its inputs, or a list of items")
        return self

    def calculator_items(self) -> list[Item]:
        if self.items is None:
            assert self.rule_id is not None
            return [Item(self.rule_id, self.inputs)]
        return [Item(item.rule_id, item.inputs) for item in self.items for _ in range(item.count)]


EXAMPLES = [WorkedExample.model_validate(entry)
            for entry in yaml.safe_load(EXAMPLES_PATH.read_text(encoding="utf-8"))["examples"]]


def example_id(example: WorkedExample) -> str:
    rule_ids = [item.rule_id for item in example.calculator_items()]
    return "+".join(dict.fromkeys(rule_ids)) + (f"×{len(rule_ids)}" if len(rule_ids) > 1 else "") + f"={example.amount_yuan}"


@pytest.mark.parametrize("example", EXAMPLES, ids=[example_id(e) for e in EXAMPLES])
def test_worked_example(engine, example):
    estimate = engine.calculator.estimate(example.calculator_items(), example.day)
    assert estimate.total_yuan == example.amount_yuan, f"{example.why} | calculator: {estimate.formula}"
    assert example.why.endswith(format_yuan(Decimal(example.amount_yuan))), "the why ends with the amount"


def test_every_rule_has_at_least_two_worked_examples():
    used = Counter(rule_id for e in EXAMPLES for rule_id in {i.rule_id for i in e.calculator_items()})
    assert {r.id: used[r.id] for r in rule_book().rules if used[r.id] < 2} == {}
