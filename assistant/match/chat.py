"""The chat's hold on a company profile: "我们是……" statements fill it, "我们能享受哪些政策？" asks for the match.

``read_turn(question, memory) -> ProfileTurn | None``: None when the turn neither describes the
enterprise nor asks for its match (the ordinary question path answers it). ``profile_from_statements``
reads a caller's stated facts at the hotline desk the same way. Words are data (``statements.yaml``);
facts understanding already read are taken from the ``Question`` as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import cn2an
from pydantic import ValidationError

from assistant.amounts import refused_amounts
from assistant.conversation.question import CNY, AmountRole, Facts, Question
from assistant.conversation.understand import QUESTION_WORDS, has_word, in_shanghai, lexicon, read_facts, understand, without_background
from assistant.events import names_event
from assistant.match.matcher import PolicyMatcher
from assistant.match.profile import CompanyProfile
from assistant.match.records import MatchResult
from assistant.records import AwardEstimate
from index.documents import Catalogue
from index.normalise import normalise
from index.yaml_data import read_yaml

STATEMENTS_PATH = Path(__file__).resolve().parent / "statements.yaml"


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
class Refusal:
    """Something a statement said that the profile could not take, and why: an amount (``negative``,
    ``too_large``, ``foreign``: not in RMB) or the statement as a whole (``invalid``, with the profile's
    own message)."""

    text: str
    reason: str


@dataclass(frozen=True)
class ProfileTurn:
    """What a turn did to the profile: ``asks_match`` when the answer is the match (asked for in words,
    ``asked``, or re-run because a fact changed after it); ``refused``: what it could not take."""

    profile: CompanyProfile
    changed: bool
    asks_match: bool
    asked: bool = False
    refused: tuple[Refusal, ...] = ()


@cache
def _statements() -> dict[str, Any]:
    return read_yaml(STATEMENTS_PATH)


def read_turn(question: Question, memory: ProfileMemory | None) -> ProfileTurn | None:
    """The profile after ``question``, or None when the turn is not about the enterprise's own profile.

    Once the match was asked for, a statement that adds an item ("另外还有一个Ⅱ期品种，研发3000万")
    describes the enterprise even without "我们", and whatever it changes re-runs the match.
    """
    data = _statements()
    text = question.text
    about_us = has_word(text, data["self_words"])
    adds_after_match = memory is not None and memory.matched and (question.adds_item or has_word(text, data["add_words"]))
    asks_match = has_word(text, data["match_asks"]) and (about_us or memory is not None)
    # a message with a question in it ("…能申请吗？我们的1类新药在做Ⅰ期。") asks, whatever its last sentence states
    # "…那个创新药临床补贴我们够格不": a yes/no asked as 「V…不」 is a question too
    statement = (about_us or adds_after_match) and not text.rstrip().endswith(tuple(data["ask_endings"])) and \
        not QUESTION_WORDS.search(text) and "?" not in text and "？" not in text and not re.search(data["asking_forms"], text) and \
        not lexicon().yes_no_eligibility.search(text.rstrip(" 。.！!"))
    if not (asks_match or statement):
        return None
    before = memory.profile if memory is not None else CompanyProfile()
    profile, refused = _updated(before, question, data)
    changed = profile != before
    if not asks_match and not changed and not (statement and refused):
        return None
    return ProfileTurn(profile, changed, asks_match or (changed and memory is not None and memory.matched),
                       asks_match, tuple(refused))


def _registration(question: Question, data: dict[str, Any]) -> tuple[str, str] | None:
    """(registered, place) the statement states: a place it names as where the enterprise is registered
    counts when it is Shanghai or a district of it ("在上海闵行区注册", "registered in Minhang, Shanghai");
    otherwise what understanding read (it names other cities)."""
    found = re.search(data["registration"], question.text)
    place = (found["zh"] or found["en"] or "").strip(" ,") if found else ""
    if place and in_shanghai(place):
        return "shanghai", place
    if question.facts.registered is not None:
        return question.facts.registered, question.facts.registered_place
    return None


def _updated(profile: CompanyProfile, question: Question, data: dict[str, Any]) -> tuple[CompanyProfile, list[Refusal]]:
    """The profile with what ``question`` states, and what it stated that the profile could not take."""
    text = question.text
    facts = question.facts
    refused = [Refusal(amount, reason) for amount, reason in refused_amounts(question.original)]
    refused += [Refusal(s.text, "foreign") for s in facts.amounts if s.currency != CNY]  # no exchange rate is set
    update: dict[str, Any] = {}
    registration = _registration(question, data)
    if registration is not None:
        update["registered"], update["registered_place"] = registration
    for name, values in data["entity"].items():
        value = _word_value(text, values)
        if value is not None:
            update[name] = value
    guarantee = next(iter(data["guarantee"].items()))
    if has_word(text, guarantee[1]) and (amount := _amount(facts, ["base", "fee"])) is not None:
        update[guarantee[0]] = amount
    else:
        for part in _parts(question, data):
            items = _entries(part, data)
            if items:
                name = part.kind["list"]
                update[name] = [*update.get(name, getattr(profile, name)), *items]
    if not update:
        return profile, refused
    try:
        return CompanyProfile.model_validate({**profile.model_dump(), **update}), refused
    except ValidationError as error:  # a statement the profile cannot hold leaves it as it was, and says why
        reasons = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in error.errors())
        return profile, [*refused, Refusal(reasons, "invalid")]


def profile_from_statements(text: str, cat: Catalogue) -> CompanyProfile:
    """A profile from what a caller states, one statement a line (or sentence): each is read as a chat
    statement about the enterprise, whether or not it says "我们". Statements that say nothing the
    profile holds are skipped; an empty profile means nothing was understood."""
    data = _statements()
    profile = CompanyProfile()
    for statement in re.split(r"[\n。]+", text):
        if statement.strip():
            profile, _ = _updated(profile, understand(statement, None, cat), data)
    return profile


@dataclass(frozen=True)
class _Part:
    """A stretch of a statement about one kind of entry (``statements.yaml`` ``items``), with its own facts."""

    kind: dict[str, Any]
    text: str
    facts: Facts


def _parts(question: Question, data: dict[str, Any]) -> list[_Part]:
    """The statement cut where it turns to another kind of entry after an amount ("…III期，研发9000万，
    还参加4场展会，每场15万" is a trial and the fairs). A clause naming no kind belongs to the stretch
    before it; stretches with no amount yet take the first kind in ``items`` order, as a whole statement
    does. A clause with an amount but no kind after a stretch that has one is left out (its amount is no
    entry of that kind). One stretch keeps the Question's own facts; several read their facts each from
    their own text."""
    cased = without_background(normalise(question.original))  # the enterprise's size is no entry's amount
    text = _without_identity(question.text, data)
    facts = question.facts if text == question.text else read_facts(cased, text)
    if len(cased) != len(question.text):  # lower-casing changed the length: positions would not line up
        kind = _kind_of(text, data)
        return [_Part(kind, text, facts)] if kind is not None else []
    stretches: list[list[Any]] = []  # [kind, start, end, has_amount]
    for start, end in _clauses(cased, data["clause_separator"]):
        kind = _kind_of(text[start:end], data)
        amount = any(start <= a.start < end for a in question.facts.amounts)
        last = stretches[-1] if stretches else None
        if last is not None and kind is not None and last[0] is not None and kind is not last[0] and last[3]:
            stretches.append([kind, start, end, amount])
        elif last is not None and kind is None and amount and last[3]:
            # "…premiums of RMB 900,000. We attended BIO in Boston, costing RMB 200,000.": a second amount in a
            # clause naming no kind is not another entry of the kind before it
            stretches.append([None, start, end, amount])
        elif last is not None:
            last[0] = _first_kind(last[0], kind, data)
            last[2], last[3] = end, last[3] or amount
        else:
            stretches.append([kind, start, end, amount])
    found = [s for s in stretches if s[0] is not None]
    if len(found) == 1:
        return [_Part(found[0][0], text, facts)]
    return [_Part(kind, text[start:end], read_facts(cased[start:end], text[start:end]))
            for kind, start, end, _ in found]


def _without_identity(text: str, data: dict[str, Any]) -> str:
    """``text`` with the words saying who the enterprise is ("创新药企业", "drug developer") blanked out,
    positions kept: an identity names no product, trial or contract."""
    words = sorted((str(w).lower() for ws in data["entity"]["entity_type"].values() for w in ws), key=len, reverse=True)
    return re.sub("|".join(re.escape(w) for w in words), lambda found: " " * len(found[0]), text)


def _clauses(text: str, separator: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of ``text``, separators excluded."""
    spans, start = [], 0
    for match in re.finditer(separator, text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _kind_of(text: str, data: dict[str, Any]) -> dict[str, Any] | None:
    """The first kind of entry in ``items`` order whose words ``text`` holds, or whose events it names by name."""
    return next((kind for kind in data["items"] if has_word(text, kind["words"]) or (
        kind.get("named_events") and names_event(text))), None)


def _first_kind(a: dict[str, Any] | None, b: dict[str, Any] | None, data: dict[str, Any]) -> dict[str, Any] | None:
    if a is None or b is None:
        return a or b
    return a if data["items"].index(a) <= data["items"].index(b) else b


def _entries(part: _Part, data: dict[str, Any]) -> list[dict[str, Any]]:
    """The profile entries one stretch describes.

    Several amounts of the item's role ("3个品种，年产值分别6000万、5000万、4000万") are one entry
    each; one amount with a count of like items ("两个品种，每个6000万") is that many entries, unless
    the kind carries its own count field (trade fairs: one entry with ``count``). A kind with a
    ``split`` field gives one entry per value named ("一个Ⅱ期一个Ⅲ期，研发分别2000万和6000万").
    """
    kind, text, facts = part.kind, part.text, part.facts
    item: dict[str, Any] = {}
    amounts: tuple[str, list[tuple[int, int]]] | None = None  # (field, [(yuan, position)])
    for name, roles in kind.get("amount", {}).items():
        stated = _amounts(facts, roles)
        if stated:
            item[name] = stated[0][0]
            amounts = amounts or (name, stated)
    for name, values in kind.get("fields", {}).items():
        value = _word_value(text, values)
        if value is not None:
            item[name] = value
    unstated = Facts()
    for name in kind.get("facts", []):
        value = getattr(facts, name)
        if value != getattr(unstated, name):  # cgt is False when not said; related_party False is a fact
            item[name] = value
    count = facts.item_count or _count(text, data["count_pattern"])
    if kind.get("count"):
        if count:
            item[kind["count"]] = count
        return [item]
    if not item:
        return []
    if "split" in kind:
        named = _named_values(text, kind["fields"][kind["split"]], data["count_pattern"])
        if len(named) > 1:
            return _split(item, kind["split"], named, amounts, has_word(text, data["total_words"]))
    if amounts is not None and len(amounts[1]) > 1:
        return [{**item, amounts[0]: amount} for amount, _ in amounts[1]]
    return [dict(item) for _ in range(count if count and count > 1 else 1)]


def _named_values(text: str, values: dict[str, list[str]], count_pattern: str) -> list[tuple[str, int, int]]:
    """The values of a field named in ``text``, in order, as (value, how many items, position): the
    longest word wins where words overlap (Ⅲ期 is not Ⅰ期), a value named again at once counts once,
    and "两个Ⅱ期" is two items."""
    words = sorted(((str(w).lower(), str(v)) for v, ws in values.items() for w in ws), key=lambda p: -len(p[0]))
    of = dict(words)
    pattern = "|".join(rf"(?<![a-z]){re.escape(w)}(?![a-z])" if re.search(r"[a-z]", w) else re.escape(w)
                       for w, _ in words)
    named: list[tuple[str, int, int]] = []
    previous_end = 0
    for match in re.finditer(pattern, text):
        value = of[match[0]]
        counted = re.search(rf"(?:{count_pattern})\s*$", text[previous_end:match.start()])
        many = _count(counted[0], count_pattern) if counted else None
        previous_end = match.end()
        if named and named[-1][0] == value and not counted:
            continue
        named.append((value, many or 1, match.start()))
    return named


def _split(item: dict[str, Any], field_name: str, named: list[tuple[str, int, int]],
           amounts: tuple[str, list[tuple[int, int]]] | None, total_said: bool) -> list[dict[str, Any]]:
    """One entry per value named, each with its amount: amounts as many as the entries go in order, as
    many as the values named go to each value's items in order; otherwise each amount goes to the value
    named last before it (all the items of that value), and an amount said to be a total ("共8000万")
    goes to none."""
    values = [(value, index) for index, (value, many, _) in enumerate(named) for _ in range(many)]
    amount_field, stated = amounts if amounts is not None else ("", [])
    own: list[int | None] = [None] * len(values)
    if len(stated) == len(values):
        own = [amount for amount, _ in stated]
    elif len(stated) == len(named):
        own = [stated[index][0] for _, index in values]
    elif stated and not total_said:
        by_group: dict[int, int] = {}
        for amount, position in stated:
            group = max((i for i, (_, _, start) in enumerate(named) if start < position), default=0)
            by_group.setdefault(group, amount)
        own = [by_group.get(index) for _, index in values]
    plain = {k: v for k, v in item.items() if k not in {field_name, amount_field}}
    return [{**plain, field_name: value, **({amount_field: amount} if amount is not None else {})}
            for (value, _), amount in zip(values, own, strict=True)]


def _count(text: str, pattern: str) -> int | None:
    """A count of like entries the text names ("两个", "3 projects"), 1 to 100."""
    match = re.search(pattern, text)
    if match is None:
        return None
    number = match["n"]
    count = int(number) if number.isdigit() else int(cn2an.cn2an(number, "smart"))
    return count if 1 <= count <= 100 else None


def _amount(facts: Facts, roles: list[str]) -> int | None:
    """The first CNY amount stated in one of ``roles`` (in the order given)."""
    stated = _amounts(facts, roles)
    return stated[0][0] if stated else None


def _amounts(facts: Facts, roles: list[str]) -> list[tuple[int, int]]:
    """Every CNY amount stated in the first of ``roles`` that has any, as (yuan, position), in the order written."""
    for role in roles:
        found = [(int(s.yuan), s.start) for s in facts.amounts_as(AmountRole(role)) if s.currency == CNY]
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
    """A profile turn answered: the session's profile memory after it, the match when one was asked (or
    re-run by a changed fact), whether the turn asked for it in words, and what the turn could not take."""

    memory: ProfileMemory
    match: MatchResult | None  # None: the turn only added facts
    asked: bool = False
    refused: tuple[Refusal, ...] = ()


def profile_answer(question: Question, memory: ProfileMemory | None, matcher: PolicyMatcher, day: date,
                   language: str) -> ProfileAnswer | None:
    """The turn as a profile statement or a match request (None: neither); ``language`` is zh or en."""
    turn = read_turn(question, memory)
    if turn is None:
        return None
    matched = (memory.matched if memory is not None else False) or turn.asks_match
    updated = ProfileMemory(turn.profile, matched)
    if not turn.asks_match:
        return ProfileAnswer(updated, None, turn.asked, turn.refused)
    return ProfileAnswer(updated, matcher.match(turn.profile, day, language), turn.asked, turn.refused)


def match_estimate(result: MatchResult) -> AwardEstimate:
    """The match's computed items as one estimate record (the chat answer's calculations and total)."""
    calculations = [c.calculation for m in result.measures for c in m.claims if c.calculation is not None]
    formula = " + ".join(f"{m.label}{m.total_text}" for m in result.measures if m.total_yuan is not None)
    return AwardEstimate(calculations=calculations, total_yuan=result.total_yuan, total_text=result.total_text,
                         formula=f"{formula} = {result.total_text}" if formula else result.total_text,
                         notes=[n for m in result.measures for n in m.notes])
