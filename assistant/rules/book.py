"""Loads ``awards.yaml`` into typed rules; the YAML is the only place a figure lives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml

RULES_PATH = Path(__file__).resolve().parent / "awards.yaml"


class UnknownRule(KeyError):
    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class AnnualCap:
    id: str
    cap_yuan: Decimal
    quote: str
    measure: str


@dataclass(frozen=True)
class Condition:
    id: str
    text: str
    text_en: str
    quote: str
    measure: str
    min_yuan: Decimal | None = None
    input: str | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    measure: str
    name: str
    name_en: str
    kind: str
    quote: str
    base: str | None
    rate: Decimal | None
    cap_yuan: Decimal
    per: str
    merit_based: bool
    conditions: tuple[str, ...]
    triggers: tuple[str, ...]
    base_en: str | None = None
    annual_cap: str | None = None
    rate_note: str | None = None
    rate_note_en: str | None = None

    @property
    def chunk_key(self) -> str:
        return self.measure


@dataclass(frozen=True)
class RuleBook:
    document: str
    funding_valid_from: date
    valid_to: date
    validity_quote: str
    rules: tuple[Rule, ...]
    annual_caps: dict[str, AnnualCap]
    conditions: dict[str, Condition]

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        known = ", ".join(r.id for r in self.rules)
        raise UnknownRule(f"unknown rule id {rule_id!r}; known rules: {known}")

    def for_measure(self, measure: str) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.measure == measure)

    def measures(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(rule.measure for rule in self.rules))

    def in_force_on(self, day: date) -> bool:
        return self.funding_valid_from <= day <= self.valid_to


def load_rule_book(path: Path = RULES_PATH) -> RuleBook:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = tuple(
        Rule(
            **{
                **entry,
                "rate": Decimal(entry["rate"]) if entry.get("rate") is not None else None,
                "cap_yuan": Decimal(entry["cap_yuan"]),
                "conditions": tuple(entry.get("conditions", ())),
                "triggers": tuple(str(t) for t in entry.get("triggers", ())),
            }
        )
        for entry in raw["rules"]
    )
    caps = {
        cap_id: AnnualCap(id=cap_id, cap_yuan=Decimal(entry["cap_yuan"]), quote=entry["quote"],
                          measure=entry["measure"])
        for cap_id, entry in raw["annual_caps"].items()
    }
    conditions = {
        cid: Condition(
            id=cid,
            **{**entry, "min_yuan": Decimal(entry["min_yuan"]) if "min_yuan" in entry else None},
        )
        for cid, entry in raw["conditions"].items()
    }
    return RuleBook(
        document=raw["document"],
        funding_valid_from=raw["validity"]["funding_valid_from"],
        valid_to=raw["validity"]["valid_to"],
        validity_quote=raw["validity"]["quote"],
        rules=rules,
        annual_caps=caps,
        conditions=conditions,
    )


@cache
def rule_book() -> RuleBook:
    return load_rule_book()
