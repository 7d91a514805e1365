"""A time limit the asker states and asks to be confirmed ("so the lead hospital has three weeks, right?",
"牵头机构是3周，对吧？"): read as a (number, unit) pair, so the one the text sets can confirm or correct it. A share or
a sum in yuan stated and asked about the same way ("covers 60% of premiums paid. Is that correct?", "据说产业规模已经超过
1万亿了？") is compared with the figures of its kind in the answering sentence.

Patterns, number words, units and bound words are data (``understanding.yaml`` ``duration_premise``,
``figure_premise``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import cn2an

from assistant.amounts import find_amounts
from index.yaml_data import read_yaml_once

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "understanding.yaml"

Duration = tuple[Decimal, str]  # (15, "working_day"), (3, "week")
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|％|percent\b|per cent\b)", re.IGNORECASE)
# an area ("300万平方米", "5 million square metres"): square metres, 万 read as ten thousand
AREA = re.compile(r"(\d+(?:\.\d+)?)\s*(万|million)?\s*(?:平方米|平米|㎡|square met(?:er|re)s?|sq\.? ?m)", re.IGNORECASE)
AREA_SCALE = {"万": Decimal(10_000), "million": Decimal(1_000_000)}
# a count of things ("5个创新药", "26款"): digits before a measure word (a year, "2019年", is none)
COUNT = re.compile(r"(?<![\d.])(\d{1,4})\s*(?:个|款|家|项|种)(?![\u4e00-\u9fff]{0,1}(?:月|工作日|小时|周|亿|万))")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
          "december")
# a day as the sources write it ("2024年8月1日") or as an English asker does ("July 15, 2024", "15 July 2024")
DAY = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]"
                 rf"|\b(?P<mn>{'|'.join(MONTHS)})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})\b"
                 rf"|\b(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn3>{'|'.join(MONTHS)}),?\s+(?P<y3>\d{{4}})\b", re.IGNORECASE)


@dataclass(frozen=True)
class FigurePremise:
    """A figure the asker states: ``kind`` "percent", "yuan", "day", "area" or "count", its ``value`` (percent points,
    yuan, the day as YYYYMMDD, square metres or things counted), and ``bound``: 1 when said as a floor ("超过1万亿"), -1
    as a ceiling ("不到"), 0 as the figure itself."""

    kind: str
    value: Decimal
    bound: int = 0


@cache
def _words() -> dict[str, Any]:
    raw = read_yaml_once(DATA_PATH)["duration_premise"]
    return {"confirm": re.compile(raw["confirm"], re.IGNORECASE), "stated": re.compile(raw["stated"], re.IGNORECASE),
            "numbers": {str(k): int(v) for k, v in raw["numbers"].items()},
            "units": {str(k).lower(): str(v) for k, v in raw["units"].items()}}


def duration_in(text: str) -> Duration | None:
    """The last duration ``text`` names ("15个工作日" → (15, "working_day"), "three weeks" → (3, "week")); None when
    it names none."""
    words = _words()
    found = list(words["stated"].finditer(text))
    if not found:
        return None
    number, unit = found[-1]["number"].lower(), found[-1]["unit"].lower()
    try:
        value = Decimal(words["numbers"][number]) if number in words["numbers"] else (
            Decimal(number) if number[0].isdigit() else Decimal(str(cn2an.cn2an(number, "smart"))))
    except (InvalidOperation, ValueError, KeyError):
        return None
    kind = words["units"].get(unit)
    return (value, kind) if kind is not None else None


def asks_to_confirm(sentence: str) -> bool:
    """Whether ``sentence`` ends asking to be confirmed ("…最高补5000万，对吧？", "…capped at 5 million per product.
    Correct?")."""
    return bool(_words()["confirm"].search(sentence.strip()))


def stated_duration(clause: str) -> Duration | None:
    """The duration ``clause`` states and asks to be confirmed ("…has three weeks, right?", "是3周对吗"); None when it
    states none or does not ask to confirm it."""
    return duration_in(clause) if asks_to_confirm(clause) else None


def without_durations(text: str) -> str:
    """``text`` with the durations it names taken out ("牵头机构是3周，对吧" → "牵头机构是 ，对吧"): a time limit the asker
    states chooses no clause of the text, the one the text sets for what is named does."""
    return _words()["stated"].sub(" ", text)


@cache
def _figure_words() -> dict[str, Any]:
    raw = read_yaml_once(DATA_PATH)["figure_premise"]
    return {"asked": re.compile(raw["asked"], re.IGNORECASE), "heard": re.compile(raw["heard"], re.IGNORECASE),
            "above": _any_word(raw["above"]), "below": _any_word(raw["below"]), "reach": int(raw["reach"])}


def _any_word(words: list[str]) -> re.Pattern[str]:
    """Any of ``words``, an English one as a whole word ("over" is not inside "covers")."""
    return re.compile("|".join(rf"\b{re.escape(w)}\b" if w.isascii() else re.escape(w) for w in words), re.IGNORECASE)


def stated_figure(clause: str) -> FigurePremise | None:
    """The share or yuan sum ``clause`` states and asks to be confirmed (a confirming ending, or a hearsay word: "据说…
    超过1万亿了？"); its last one, a share before a sum; None when it states none or asks nothing of it."""
    words = _figure_words()
    if not (words["asked"].search(clause.strip()) or words["heard"].search(clause)):
        return None
    percents, days, areas = list(PERCENT.finditer(clause)), _days(clause), _areas(clause)
    if percents:
        kind, value, start = "percent", Decimal(percents[-1][1]), percents[-1].start()
    elif areas:  # "推出300万平方米生物医药标准化厂房，对吗"
        kind, value, start = "area", areas[-1][0], areas[-1][1]
    elif days:  # "took effect on July 15, 2024, right?"
        kind, value, start = "day", days[-1][0], days[-1][1]
    elif (counts := list(COUNT.finditer(clause))) and not find_amounts(clause):  # "2019年以来有5个创新药…获批，对吗"
        kind, value, start = "count", Decimal(counts[-1][1]), counts[-1].start()
    else:
        amounts = find_amounts(clause)
        if not amounts:
            return None
        kind, value, start = "yuan", amounts[-1].yuan, amounts[-1].start
    before = clause[max(0, start - words["reach"]): start].lower()
    bound = 1 if words["above"].search(before) else -1 if words["below"].search(before) else 0
    return FigurePremise(kind, value, bound)


def without_stated_shares(clause: str) -> str:
    """``clause`` with the shares it states blanked when it asks one to be confirmed ("听说海外注册那条是按研发投入的40%
    给？"): the asker's share is checked against the article found, not searched for (（六）'s 40% is another measure's);
    ``clause`` unchanged otherwise. A sum stays: its 万 still finds the measures that set amounts."""
    premise = stated_figure(clause)
    if premise is None or premise.kind != "percent":
        return clause
    return PERCENT.sub(" ", clause)


def figure_holds(premise: FigurePremise, sentence: str) -> bool | None:
    """Whether ``sentence`` bears ``premise`` out: a figure of its kind equal to it (or above, below it for a bound);
    None when the sentence states no figure of that kind."""
    values = _figures(premise.kind, sentence)
    if not values:
        return None
    if premise.bound > 0:
        return any(v > premise.value for v in values)
    if premise.bound < 0:
        return any(v < premise.value for v in values)
    return premise.value in values


def _figures(kind: str, text: str) -> list[Decimal]:
    """The figures of ``kind`` ("percent", "day", "area", "count", "yuan") ``text`` states, in order."""
    if kind == "percent":
        return [Decimal(m[1]) for m in PERCENT.finditer(text)]
    if kind == "day":
        return [day for day, _ in _days(text)]
    if kind == "area":
        return [area for area, _ in _areas(text)]
    if kind == "count":
        return [Decimal(m[1]) for m in COUNT.finditer(text)]
    return [found.yuan for found in find_amounts(text)]


def _areas(text: str) -> list[tuple[Decimal, int]]:
    """Each area ``text`` states, in square metres, with where it starts."""
    return [(Decimal(m[1]) * AREA_SCALE.get((m[2] or "").lower(), Decimal(1)), m.start()) for m in AREA.finditer(text)]


def _days(text: str) -> list[tuple[Decimal, int]]:
    """Each day ``text`` names, as YYYYMMDD, with where it stands."""
    found = []
    for m in DAY.finditer(text):
        if m["y"]:  # "2024年8月1日"
            year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        else:  # "July 15, 2024" or "15 July 2024"
            year, name, day = (int(m["y2"]), m["mn"], int(m["d2"])) if m["y2"] else (int(m["y3"]), m["mn3"], int(m["d3"]))
            month = MONTHS.index(name.lower()) + 1
        found.append((Decimal(year * 10000 + month * 100 + day), m.start()))
    return found
