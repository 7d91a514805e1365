"""Which script or language the asker wrote in, and writing the answer back in it."""

from __future__ import annotations

from enum import StrEnum
from functools import cache

import opencc

from assistant.query import is_english
from index.normalise import to_simplified


class Language(StrEnum):
    """The asker's language and script; answers are written back in it. The one encoding used everywhere."""

    SIMPLIFIED = "zh-Hans"
    TRADITIONAL = "zh-Hant"
    ENGLISH = "en"


@cache
def _s2t() -> opencc.OpenCC:
    """Hong Kong forms (為, not OpenCC's standard 爲): most traditional-script askers write from Hong Kong."""
    return opencc.OpenCC("s2hk")


def detect_language(text: str) -> Language:
    """English when the text reads as English, traditional when it differs from its simplified form, else simplified."""
    if is_english(text):
        return Language.ENGLISH
    if to_simplified(text) != text:
        return Language.TRADITIONAL
    return Language.SIMPLIFIED


def in_script(text: str, language: Language) -> str:
    """Simplified text as the asker writes: converted to traditional for a traditional question."""
    return _s2t().convert(text) if language is Language.TRADITIONAL else text
