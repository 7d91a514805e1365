"""A time limit the asker states and asks to be confirmed ("so the lead hospital has three weeks, right?",
"牵头机构是3周，对吧？"): read as a (number, unit) pair, so the one the text sets can confirm or correct it.

Patterns, number words and units are data (``understanding.yaml`` ``duration_premise``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import cn2an

from index.yaml_data import read_yaml_once

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "understanding.yaml"

Duration = tuple[Decimal, str]  # (15, "working_day"), (3, "week")


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


def stated_duration(clause: str) -> Duration | None:
    """The duration ``clause`` states and asks to be confirmed ("…has three weeks, right?", "是3周对吗"); None when it
    states none or does not ask to confirm it."""
    return duration_in(clause) if _words()["confirm"].search(clause.strip()) else None


def without_durations(text: str) -> str:
    """``text`` with the durations it names taken out ("牵头机构是3周，对吧" → "牵头机构是 ，对吧"): a time limit the asker
    states chooses no clause of the text, the one the text sets for what is named does."""
    return _words()["stated"].sub(" ", text)
