"""Text normalisation shared by documents and queries, so both sides meet on the same form.

Traditional characters become simplified (OpenCC ``t2s``), full-width forms half-width (NFKC, which
also turns Ⅱ into II; a circled number ① becomes "(1)", so a list the asker numbered keeps its marks),
and every way of naming a clinical phase (二期, 2期, Ⅱ期, phase 2) becomes
``II期``, the form the policy prints.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import opencc

_PHASES = {"一": "I", "二": "II", "三": "III", "1": "I", "2": "II", "3": "III"}
# (a Chinese numeral may follow a product's one-letter label: "A三期投了1.1亿，B二期…" are Phase III and Phase II)
_CHINESE_PHASE = re.compile(r"(?<![0-9A-Za-z])第?(1|2|3|I{1,3})\s*期(?:临床)?|(?<![0-9])第?(一|二|三)\s*期(?:临床)?")
_ENGLISH_PHASE = re.compile(r"\bphase\s*(1|2|3|i{1,3})\b", re.IGNORECASE)
# "这一期 / 上一期 / 每一期 …": 一期 as "this / the last / every period or batch", not Phase I
_NOT_A_PHASE_BEFORE_ONE = frozenset("这那同上下每本前后某哪单当首逐")


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


# ① … ⑳: NFKC would make them bare digits, which then read as amounts or counts
_CIRCLED = re.compile("[\u2460-\u2473]")


def normalise(text: str) -> str:
    text = _CIRCLED.sub(lambda m: f"({ord(m[0]) - 0x245F})", text)
    text = unicodedata.normalize("NFKC", text)
    text = to_simplified(text)
    text = _ENGLISH_PHASE.sub(lambda m: f"{_phase(m[1])}期", text)
    return _CHINESE_PHASE.sub(_chinese_phase, text)


def _chinese_phase(match: re.Match[str]) -> str:
    before = match.string[match.start() - 1] if match.start() else ""
    token = match[1] or match[2]
    if token == "一" and not match[0].startswith("第") and before in _NOT_A_PHASE_BEFORE_ONE:
        return match[0]
    return f"{_phase(token)}期" + ("临床" if match[0].endswith("临床") else "")


def _phase(token: str) -> str:
    return _PHASES.get(token, token.upper())
