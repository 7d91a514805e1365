"""The chat's hold on a company profile: "我们是……" statements fill it, "我们能享受哪些政策？" asks for the match.

``read_turn(question, memory) -> ProfileTurn | None``: None when the turn neither describes the
enterprise nor asks for its match (the ordinary question path answers it). Words are data
(``statements.yaml``); facts understanding already read are taken from the ``Question`` as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import cn2an
import yaml
from pydantic import ValidationError

from assistant.conversation.question import AmountRole, Facts, Question
from assistant.conversation.understand import QUESTION_WORDS, has_word
from assistant.match.matcher import PolicyMatcher
from assistant.match.profile import CompanyProfile
from assistant.match.records import MatchResult
from assistant.records import AwardEstimate

STATEMENTS_PATH = Path(__file__).resolve().parent / "statements.yaml"
ASK_ENDINGS = ("?", "？", "吗", "呢", "么")


@dataclass
class ProfileMemory:
    """The profile a session has built, and whether the match was asked for (later facts re-run it)."""

    profile: CompanyProfile = field(default_factory=CompanyProfile)
    matched: bool = False

    def to_json(self) -> dict[str, Any]:
        """The JSON form the session store keeps."""
        return {"profile": self.profile.model_dump(mode="json"), "matched": self.matched}

    @classmethod
    def from_json(cls, data: Any) -> ProfileMemory | None:
        """Back from ``to_json``; None for a stored profile that no longer validates (the chat starts a new one)."""
        try:
            return cls(CompanyProfile.model_validate(data["profile"]), bool(data["matched"]))
        except (ValidationError, KeyError, TypeError):
            return None


@dataclass(frozen=True)
class ProfileTurn:
    """What a turn did to the profile: ``asks_match`` when the answer is the match."""

    profile: CompanyProfile
    changed: bool
    asks_match: bool


@cache
def _statements() -> dict[str, Any]:
    return yaml.safe_load(STATEMENTS_PATH.read_text(encoding="utf-8"))


def read_turn(question: Question, memory: ProfileMemory | None) -> ProfileTurn | None:
    """The profile after ``question``, or None when the turn is not about the enterprise's own profile."""
    data = _statements()
    text = question.text
    about_us = has_word(text, data["self_words"])
    asks_match = has_word(text, data["match_asks"]) and (about_us or memory is not None)
    statement = about_us and not text.rstrip().endswith(ASK_ENDINGS) and not QUESTION_WORDS.search(text)
    if not (asks_match or statement):
        return None
    before = memory.profile if memory is not None else CompanyProfile()
    profile = _updated(before, question, data)
    changed = profile != before
    if not asks_match and not changed:
        return None
    return ProfileTurn(profile, changed, asks_match or (changed and memory is not None and memory.matched))


def _updated(profile: CompanyProfile, question: Question, data: dict[str, Any]) -> CompanyProfile:
    text = question.text
    facts = question.facts
    update: dict[str, Any] = {}
    if facts.registered is not None:
        update["registered"] = facts.registered
        update["registered_place"] = facts.registered_place
    for name, values in data["entity"].items():
        value = _word_value(text, values)
        if value is not None:
            update[name] = value
    guarantee = next(iter(data["guarantee"].items()))
    if has_word(text, guarantee[1]) and (amount := _amount(question, ["base", "fee"])) is not None:
        update[guarantee[0]] = amount
    else:
        entry = _entry(question, data)
        if entry is not None:
            name, items = entry
            update[name] = [*(getattr(profile, name)), *items]
    if not update:
        return profile
    try:
        return CompanyProfile.model_validate({**profile.model_dump(), **update})
    except ValidationError:
        return profile  # a statement the profile cannot hold (an amount out of range) leaves it as it was


def _entry(question: Question, data: dict[str, Any]) -> tuple[str, list[dict[str, Any]]] | None:
    """The profile entries a statement describes, all of the first kind whose words it holds.

    Several amounts of the item's role ("3个品种，年产值分别6000万、5000万、4000万") are one entry
    each; one amount with a count of like items ("两个品种，每个6000万") is that many entries, unless
    the kind carries its own count field (trade fairs: one entry with ``count``).
    """
    text = question.text
    for kind in data["items"]:
        if not has_word(text, kind["words"]):
            continue
        item: dict[str, Any] = {}
        amounts: tuple[str, list[int]] | None = None
        for name, roles in kind.get("amount", {}).items():
            stated = _amounts(question, roles)
            if stated:
                item[name] = stated[0]
                amounts = amounts or (name, stated)
        for name, values in kind.get("fields", {}).items():
            value = _word_value(text, values)
            if value is not None:
                item[name] = value
        unstated = Facts()
        for name in kind.get("facts", []):
            value = getattr(question.facts, name)
            if value != getattr(unstated, name):  # cgt is False when not said; related_party False is a fact
                item[name] = value
        count = question.facts.item_count or _count(text, data["count_pattern"])
        if kind.get("count"):
            if count:
                item[kind["count"]] = count
            return kind["list"], [item]
        if not item:
            return None
        if amounts is not None and len(amounts[1]) > 1:
            return kind["list"], [{**item, amounts[0]: amount} for amount in amounts[1]]
        return kind["list"], [dict(item) for _ in range(count if count and count > 1 else 1)]
    return None


def _count(text: str, pattern: str) -> int | None:
    """A count of like entries the text names ("两个", "3 projects"), 1 to 100."""
    match = re.search(pattern, text)
    if match is None:
        return None
    number = match["n"]
    count = int(number) if number.isdigit() else int(cn2an.cn2an(number, "smart"))
    return count if 1 <= count <= 100 else None


def _amount(question: Question, roles: list[str]) -> int | None:
    """The first CNY amount stated in one of ``roles`` (in the order given)."""
    stated = _amounts(question, roles)
    return stated[0] if stated else None


def _amounts(question: Question, roles: list[str]) -> list[int]:
    """Every CNY amount stated in the first of ``roles`` that has any, in the order written."""
    for role in roles:
        found = [int(s.yuan) for s in question.facts.amounts_as(AmountRole(role)) if s.currency == "CNY"]
        if found:
            return found
    return []


def _word_value(text: str, values: dict[str, list[str]]) -> str | bool | None:
    """The first value whose words the text holds (``"true"`` becomes True)."""
    for value, words in values.items():
        if has_word(text, words):
            return True if str(value) == "true" else str(value)
    return None


@dataclass(frozen=True)
class ProfileAnswer:
    """A profile turn answered: the session's profile memory after it, and the match when one was asked."""

    memory: ProfileMemory
    match: MatchResult | None  # None: the turn only added facts


def profile_answer(question: Question, memory: ProfileMemory | None, matcher: PolicyMatcher, day: date,
                   language: str) -> ProfileAnswer | None:
    """The turn as a profile statement or a match request (None: neither); ``language`` is zh or en."""
    turn = read_turn(question, memory)
    if turn is None:
        return None
    matched = (memory.matched if memory is not None else False) or turn.asks_match
    updated = ProfileMemory(turn.profile, matched)
    if not turn.asks_match:
        return ProfileAnswer(updated, None)
    return ProfileAnswer(updated, matcher.match(turn.profile, day, language))


def match_estimate(result: MatchResult) -> AwardEstimate:
    """The match's computed items as one estimate record (the chat answer's calculations and total)."""
    calculations = [c.calculation for m in result.measures for c in m.claims if c.calculation is not None]
    formula = " + ".join(f"{m.label}{m.total_text}" for m in result.measures if m.total_yuan is not None)
    return AwardEstimate(calculations=calculations, total_yuan=result.total_yuan, total_text=result.total_text,
                         formula=f"{formula} = {result.total_text}" if formula else result.total_text,
                         notes=[n for m in result.measures for n in m.notes])
