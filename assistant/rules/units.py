"""An amount a person typed must say its unit: ``6000`` may mean 6000元 or 6000万元, so the calculator's
surfaces (the CLI's ``--param``, the API's text inputs, the calculator tab) ask instead of guessing.

    require_units(rule_book(), "m05-drug-phase2", {"base_yuan": "6000"})   # raises CalculationError

A number that is not text (a JSON number in the API) is yuan, as documented, and is not checked here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.amounts import is_bare_number
from assistant.rules.book import RuleBook, UnknownRule
from assistant.rules.calculator import CalculationError


def require_units(book: RuleBook, rule_id: str, inputs: Mapping[str, Any], hint: str = "") -> None:
    """Raises ``CalculationError`` (422; the CLI's exit 2) for the first amount input of ``rule_id`` given as
    text with no unit, asking ``是 6000元 还是 6000万元？`` (then ``hint``, e.g. how a number is read). An
    unknown rule is left to the calculator, which names the rules it knows."""
    try:
        amounts = book.inputs(rule_id).amounts
    except UnknownRule:
        return
    for name in amounts:
        value = inputs.get(name)
        if isinstance(value, str) and is_bare_number(value):
            typed = value.strip()
            raise CalculationError(f"{name}: 「{typed}」没有写单位：是 {typed}元 还是 {typed}万元？ "
                                   f"({typed!r} has no unit: write {typed}元 or {typed}万{hint})")
