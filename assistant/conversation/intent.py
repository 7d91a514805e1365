"""What a turn asks for, from word lists in ``data/intents.yaml`` (data, not code)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from index.normalise import normalise

INTENTS_PATH = Path(__file__).resolve().parent.parent / "data" / "intents.yaml"


@dataclass(frozen=True)
class Signals:
    """Which kinds of words a message contains."""

    award: bool
    not_specified: bool
    departments: bool
    validity: bool
    follow_up: bool
    other_place: str  # the other city or province named (empty when none, or when Shanghai is named too)
    self_reference: bool
    greeting_only: bool
    topic: str  # the message without its signal words and pointers ("这条"): what is left to search for


@cache
def _lists() -> dict[str, tuple[str, ...]]:
    raw = yaml.safe_load(INTENTS_PATH.read_text(encoding="utf-8"))
    return {name: tuple(str(w).lower() for w in words) for name, words in raw.items()}


def _word_pattern(word: str) -> str:
    """An English word matches only between non-letters ("hi" not in "this"); Chinese anywhere."""
    return rf"(?<![a-z]){re.escape(word)}(?![a-z])" if word.isascii() else re.escape(word)


def _has(text: str, words: tuple[str, ...]) -> bool:
    for word in words:
        if word.isascii():
            if re.search(_word_pattern(word), text):
                return True
        elif word in text:
            return True
    return False


def _other_place(text: str, places: tuple[str, ...]) -> str:
    if "上海" in text or "沪" in text:
        return ""
    return next((place for place in places if _has(text, (place,))), "")


def read_signals(message: str) -> Signals:
    text = normalise(message).lower()
    lists = _lists()
    stripped = re.sub(r"[\s\W_]+", "", text)
    greeting_only = bool(stripped) and any(
        stripped == re.sub(r"\W+", "", g) or stripped.rstrip("啊呀呢吗") == g for g in lists["greetings"]
    )
    return Signals(
        award=_has(text, lists["award"]),
        not_specified=_has(text, lists["not_specified"]),
        departments=_has(text, lists["departments"]),
        validity=_has(text, lists["validity"]),
        follow_up=_has(text, lists["follow_up"]),
        other_place=_other_place(text, lists["other_places"]),
        self_reference=_has(text, lists["self_reference"]),
        greeting_only=greeting_only,
        topic=_without_signal_words(text),
    )


@cache
def _signal_word_patterns() -> tuple[re.Pattern[str], ...]:
    """Every signal word and pointer, longest first (then alphabetical, so the order is fixed), compiled once."""
    lists = _lists()
    kinds = ("award", "not_specified", "departments", "validity", "follow_up", "pointers", "greetings")
    words = sorted({w for kind in kinds for w in lists[kind]}, key=lambda w: (-len(w), w))
    return tuple(re.compile(_word_pattern(word)) for word in words)


def _without_signal_words(text: str) -> str:
    for pattern in _signal_word_patterns():
        text = pattern.sub(" ", text)
    return " ".join(text.split())
