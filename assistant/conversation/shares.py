"""A share the sources set of a count the asker states, worked out.

``share_of_count(sentence, figure, question) -> Share | None``: when ``sentence`` (the source's) sets ``figure``
(a percentage such as ``10%``) of a base named in ``understanding.yaml`` ``share_bases`` ("按照核定床位的10%设置
研究型床位", （七）) and ``question`` (normalised, lower case) states a count of that base ("核定床位1500张",
"2,000 approved beds"), the share of that count: 1500 × 10% = 150张. Numbers come from the asker and the source only;
the result is rounded down to a whole unit (a tenth of 1,505 beds is 150 beds, not 150.5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from functools import cache

from assistant.conversation.understand import DATA_PATH
from index.yaml_data import read_yaml_once

PERCENT = re.compile(r"^(\d+(?:\.\d+)?)%$")
NUMBER = r"(\d[\d,]*)"
ENGLISH_BETWEEN = 2  # words between an English count and its noun ("2,000 approved hospital beds")


@dataclass(frozen=True)
class ShareBase:
    base: str
    words: tuple[str, ...]
    unit: str
    unit_en: str


@dataclass(frozen=True)
class Share:
    """``percent`` of the asker's ``count`` of ``base``: ``result`` whole ``unit``s."""

    base: ShareBase
    count: int
    percent: Decimal
    result: int


@cache
def share_bases() -> tuple[ShareBase, ...]:
    raw = read_yaml_once(DATA_PATH).get("share_bases") or []
    return tuple(ShareBase(str(b["base"]), tuple(str(w).lower() for w in b["words"]), str(b["unit"]), str(b["unit_en"]))
                 for b in raw)


def share_of_count(sentence: str, figure: str, question: str) -> Share | None:
    """The share ``figure`` of ``sentence`` sets of the count ``question`` states, or None (see the module)."""
    percent = PERCENT.match(figure)
    if percent is None:
        return None
    for base in share_bases():
        if f"{base.base}的{figure}" not in sentence:
            continue
        count = _count_stated(question, base)
        if count is not None:
            rate = Decimal(percent[1]) / 100
            result = int((count * rate).to_integral_value(rounding=ROUND_DOWN))
            return Share(base, int(count), Decimal(percent[1]), result)
    return None


def _count_stated(question: str, base: ShareBase) -> Decimal | None:
    """The count of ``base`` the question states: a number in its unit ("核定床位1500张") or, in English, a number
    before one of its words ("2,000 approved beds"); only in a question naming the base at all."""
    if not any(word in question for word in base.words):
        return None
    english = "|".join(re.escape(w) for w in base.words if w.isascii())
    for pattern in (rf"{NUMBER}\s*{re.escape(base.unit)}", rf"\b{NUMBER}\s+(?:[a-z-]+\s+){{0,{ENGLISH_BETWEEN}}}?(?:{english})\b"):
        match = re.search(pattern, question)
        if match is not None:
            return Decimal(match.group(1).replace(",", ""))
    return None
