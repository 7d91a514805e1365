"""A model-written answer read as claims: each figure with its unit and what it is said of.

``read_claims(text) -> Claims``. The words that decide a claim's kind (units, the cue words before an
amount, deadline / materials / place / negation words) are data: ``assistant/data/claims.yaml``.
Money becomes exact yuan (``assistant.amounts``); other figures become ``(value, unit)`` pairs with a
canonical unit, so ``30个工作日`` and ``30 working days`` are the same claim.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path

from assistant.amounts import find_amounts
from index.normalise import normalise
from index.yaml_data import read_yaml

CLAIMS_PATH = Path(__file__).resolve().parent.parent / "data" / "claims.yaml"
CITATION_MARK = re.compile(r"\[([a-z0-9]+:[\w.\-]+)\]")
SENTENCE_END = re.compile(r"(?<=[。！？；;!?\n])|(?<=\.)\s+")
CLAUSE_END = re.compile(r"[，,；;。:：\n]")
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?"
    r"|(?P<y2>(?:19|20)\d{2})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})"
    r"|(?P<mn>january|february|march|april|may|june|july|august|september|october|november|december)\s+"
    r"(?P<d3>\d{1,2}),?\s+(?P<y3>(?:19|20)\d{2})"
    r"|(?P<d4>\d{1,2})\s+(?P<mn4>january|february|march|april|may|june|july|august|september|october|november|december)"
    r",?\s+(?P<y4>(?:19|20)\d{2})"
    r"|(?<!\d)(?P<m5>\d{1,2})\s*月\s*(?P<d5>\d{1,2})\s*日",
    re.IGNORECASE,
)
QUOTED = re.compile(r"[“\"「『]([^”\"」』]+)[”\"」』]")
CONTRAST = re.compile(r"(?:但是|但|不过|然而|(?<![a-z])(?:however|but)(?![a-z]))")
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_NUMBER = r"\d+(?:\.\d+)?"


class AmountRole(StrEnum):
    """What an amount in the answer is said to be."""

    AWARD = "award"  # what the enterprise may get
    BASE = "base"  # what a rate applies to (R&D spend, output value …)
    ANNUAL_CAP = "annual_cap"  # a per-entity yearly cap (年度累计上限)
    CONDITION = "condition"  # a threshold the enterprise must reach (首付款不低于1亿元, 1亿元以上)
    FORMULA = "formula"  # a term of a written calculation (40% × 6000万元)
    UNMARKED = "unmarked"  # no cue word: a figure mentioned in passing


@dataclass(frozen=True)
class AmountClaim:
    yuan: int
    role: AmountRole
    text: str
    sentence: str


@dataclass(frozen=True)
class FigureClaim:
    """A duration, count or percentage: ``value`` in canonical digits, ``unit`` canonical (``working_day``)."""

    kind: str  # duration / count / percent
    value: str
    unit: str
    text: str
    sentence: str


@dataclass(frozen=True)
class DateClaim:
    day: str  # ISO: 2029-07-31, or 2029-07 for a month
    as_deadline: bool
    as_validity: bool
    sentence: str


@dataclass
class Claims:
    """Every claim of one answer, with the article ids it cites and its sentences."""

    citations: list[str] = field(default_factory=list)
    amounts: list[AmountClaim] = field(default_factory=list)
    figures: list[FigureClaim] = field(default_factory=list)
    dates: list[DateClaim] = field(default_factory=list)
    deadlines: list[str] = field(default_factory=list)  # sentences claiming a deadline
    materials: list[str] = field(default_factory=list)  # sentences naming materials to prepare
    places: list[str] = field(default_factory=list)  # sentences naming a place to apply
    says_not_stated: bool = False  # some sentence says the sources do not state something
    bare_numbers: list[str] = field(default_factory=list)  # digits no claim above accounts for


@dataclass(frozen=True)
class _Words:
    units: dict[str, tuple[str, str]]
    unit_pattern: re.Pattern[str]
    roles: dict[AmountRole, tuple[str, ...]]
    roles_after: dict[AmountRole, tuple[str, ...]]
    deadline: tuple[str, ...]
    materials: tuple[str, ...]
    places: tuple[str, ...]
    negation: tuple[str, ...]
    validity: tuple[str, ...]
    departments: tuple[str, ...]


@cache
def words() -> _Words:
    raw = read_yaml(CLAIMS_PATH)
    units = {str(k).lower(): (str(v[0]), str(v[1])) for k, v in raw["units"].items()}
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    ascii_tail = r"(?![a-z])"
    pattern = re.compile(rf"({_NUMBER})\s*({alternatives}){ascii_tail}", re.IGNORECASE)

    def lower(items: list[str]) -> tuple[str, ...]:
        return tuple(normalise(str(w)).lower() for w in items)

    return _Words(
        units=units,
        unit_pattern=pattern,
        roles={AmountRole(k): lower(v) for k, v in raw["amount_roles"].items()},
        roles_after={AmountRole(k): lower(v) for k, v in raw["amount_roles_after"].items()},
        deadline=lower(raw["deadline_words"]),
        materials=lower(raw["materials_words"]),
        places=lower(raw["place_words"]),
        negation=lower(raw["negation_words"]),
        validity=lower(raw["validity_words"]),
        departments=tuple(raw["department_names"]),
    )


def cited_ids(text: str) -> list[str]:
    """The ``[chunk_id]`` marks of ``text``, in order."""
    return CITATION_MARK.findall(text)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s and s.strip()]


def read_claims(text: str, quotation: Callable[[str], bool] | None = None) -> Claims:
    """Every claim of ``text`` (an answer with ``[chunk_id]`` marks).

    A span in quotation marks for which ``quotation(span)`` is true is the source's own words, not a claim.
    """
    claims = Claims(citations=cited_ids(text))
    text = CITATION_MARK.sub(" ", text)
    if quotation is not None:
        text = QUOTED.sub(lambda m: " " if quotation(m[1]) else m[0], text)
    for sentence in sentences(text):
        for part in CONTRAST.split(normalise(sentence).lower()):  # "未规定，但一般6月30日截止": the negation stops at 但
            if part.strip():
                _read_sentence(part, claims)
    return claims


def figures_in(text: str) -> list[FigureClaim]:
    """The durations, counts and percentages of a source sentence, read like an answer's."""
    return read_claims(text).figures


def amounts_in(text: str) -> set[int]:
    """Every amount of ``text`` in yuan."""
    return {int(a.yuan) for a in find_amounts(text)}


def canonical_number(number: str) -> str:
    if "." in number:
        number = number.rstrip("0").rstrip(".")
    return number.lstrip("0") or "0"


def _read_sentence(sentence: str, claims: Claims) -> None:
    w = words()
    clauses = _clauses(sentence)
    negated = [_has(c, w.negation) for c, _ in clauses]
    claims.says_not_stated = claims.says_not_stated or any(negated)
    deadline = [_has(c, w.deadline) and not n for (c, _), n in zip(clauses, negated, strict=True)]
    if any(deadline):
        claims.deadlines.append(sentence)
    if any(_has(c, w.materials) and not n for (c, _), n in zip(clauses, negated, strict=True)):
        claims.materials.append(sentence)
    if any(_has(c, w.places) and not n for (c, _), n in zip(clauses, negated, strict=True)):
        claims.places.append(sentence)
    consumed: list[tuple[int, int]] = []
    for match in _DATE.finditer(sentence):
        index = _clause_at(clauses, match.start())
        as_deadline = deadline[index]
        as_validity = _has(clauses[index][0], w.validity) and not as_deadline
        claims.dates.append(DateClaim(_iso(match), as_deadline, as_validity, sentence))
        consumed.append(match.span())
    found_amounts = [found for found in find_amounts(sentence) if not _inside(found.start, consumed)]
    restated = {i + 1 for i, (said, again) in enumerate(itertools.pairwise(found_amounts))
                if again.yuan == said.yuan and sentence[said.end:again.start].strip() in {"(", "（"}}
    for i, found in enumerate(found_amounts):
        consumed.append((found.start, found.end))
        if i in restated:
            continue  # "RMB 100,000,000 (100 million)": the same amount said again in other words is one claim
        end = found_amounts[i + 1].end if i + 1 in restated else found.end  # its role is read past the restatement
        role = _role(sentence, found.start, end)
        claims.amounts.append(AmountClaim(int(found.yuan), role, found.text, sentence))
    for match in w.unit_pattern.finditer(sentence):
        if _inside(match.start(), consumed):
            continue
        kind, unit = w.units[match[2].lower()]
        if unit == "year" and re.fullmatch(r"(?:19|20)\d{2}", match[1]):
            continue  # a calendar year (2024年), checked as a bare number
        claims.figures.append(FigureClaim(kind, canonical_number(match[1]), unit, match[0], sentence))
        consumed.append(match.span())
    for match in re.finditer(_NUMBER, sentence):
        if not _inside(match.start(), consumed):
            claims.bare_numbers.append(canonical_number(match[0]))


def _clauses(sentence: str) -> list[tuple[str, int]]:
    """The clauses of a sentence with where each starts."""
    clauses, start = [], 0
    for match in CLAUSE_END.finditer(sentence):
        clauses.append((sentence[start: match.end()], start))
        start = match.end()
    clauses.append((sentence[start:], start))
    return clauses


def _clause_at(clauses: list[tuple[str, int]], position: int) -> int:
    return max(i for i, (_, start) in enumerate(clauses) if start <= position)


def _role(sentence: str, start: int, end: int) -> AmountRole:
    """What an amount is said to be, from the cue words around it within its clause.

    Before it, the nearest cue word back to the previous figure or clause break; after it, a cue word
    before the next figure or clause break (English "RMB 100 million per year", Chinese "1亿元以上").
    """
    window = sentence[:start]
    clause_start = max([m.end() for m in CLAUSE_END.finditer(window)] + [0])
    after_figure = [m.end() for m in re.finditer(r"\d[万亿元]?", window)]
    near = window[max([clause_start, *after_figure]):]
    clause_end = CLAUSE_END.search(sentence, start)
    clause = sentence[clause_start: clause_end.start() if clause_end else len(sentence)]
    following_end = CLAUSE_END.search(sentence, end)
    following = re.split(r"\d", sentence[end: following_end.start() if following_end else len(sentence)], maxsplit=1)[0]
    roles, after = words().roles, words().roles_after
    if _last(clause, roles[AmountRole.FORMULA]) >= 0:
        return AmountRole.FORMULA
    if _last(following, after[AmountRole.ANNUAL_CAP]) >= 0:
        return AmountRole.ANNUAL_CAP  # "at most RMB 100 million per entity per year"
    annual, base, award, condition = (_last(near, roles[r]) for r in (AmountRole.ANNUAL_CAP, AmountRole.BASE,
                                                                       AmountRole.AWARD, AmountRole.CONDITION))
    if _last(following, after[AmountRole.CONDITION]) >= 0 or (condition >= 0 and award < 0 and annual < 0):
        return AmountRole.CONDITION  # "首付款不低于1亿元", "an upfront of RMB 100 million or more"
    if annual >= 0 and annual > base:
        return AmountRole.ANNUAL_CAP  # "每年最高支持1000万元": the award words after an annual word still name the cap
    if max(base, award) < 0:
        return AmountRole.UNMARKED
    return AmountRole.BASE if base > award else AmountRole.AWARD


def _last(text: str, cue_words: tuple[str, ...]) -> int:
    """Where the last cue word of ``text`` ends (-1: none); an ASCII word counts only as a whole word."""
    last = -1
    for word in cue_words:
        pattern = rf"(?<![a-z]){re.escape(word)}(?![a-z])" if word.isascii() and word[:1].isalpha() else re.escape(word)
        for match in re.finditer(pattern, text):
            last = max(last, match.end())
    return last


def _has(text: str, cue_words: tuple[str, ...]) -> bool:
    return _last(text, cue_words) >= 0


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _iso(match: re.Match[str]) -> str:
    if match["y"]:
        year, month, day = match["y"], match["m"], match["d"]
    elif match["y2"]:
        year, month, day = match["y2"], match["m2"], match["d2"]
    elif match["y3"]:
        year, month, day = match["y3"], str(_MONTHS.index(match["mn"].lower()) + 1), match["d3"]
    elif match["y4"]:
        year, month, day = match["y4"], str(_MONTHS.index(match["mn4"].lower()) + 1), match["d4"]
    else:
        year, month, day = "----", match["m5"], match["d5"]  # a day of every year
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
