"""Which script or language the asker wrote in, and writing the answer back in it."""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path

import opencc

from assistant.query import is_english
from index.normalise import to_simplified
from index.yaml_data import read_yaml_once

SCRIPT_PATH = Path(__file__).resolve().parent / "data" / "script.yaml"


class Language(StrEnum):
    """The asker's language and script; answers are written back in it. The one encoding used everywhere."""

    SIMPLIFIED = "zh-Hans"
    TRADITIONAL = "zh-Hant"
    ENGLISH = "en"


@cache
def _s2t() -> opencc.OpenCC:
    """Common traditional forms (為, not OpenCC's standard 爲; 衛, not the Hong Kong 衞, which reads
    back as an unknown character: 市衞生健康委 would no longer match the department's name)."""
    return opencc.OpenCC("s2tw")


def detect_language(text: str) -> Language:
    """English when the text reads as English, traditional when it differs from its simplified form, else simplified."""
    if is_english(text):
        return Language.ENGLISH
    if to_simplified(text) != text:
        return Language.TRADITIONAL
    return Language.SIMPLIFIED


def in_script(text: str, language: Language) -> str:
    """Simplified text as the asker writes: converted to traditional for a traditional question (with the forms
    ``data/script.yaml`` puts right after OpenCC)."""
    if language is not Language.TRADITIONAL:
        return text
    converted = _s2t().convert(text)
    for wrong, right in _traditional_fixes():
        converted = converted.replace(wrong, right)
    return converted


@cache
def _traditional_fixes() -> tuple[tuple[str, str], ...]:
    """``data/script.yaml`` ``traditional_fixes``: (OpenCC's form, the form written), longest first."""
    fixes = read_yaml_once(SCRIPT_PATH).get("traditional_fixes") or {}
    return tuple(sorted(((str(k), str(v)) for k, v in fixes.items()), key=lambda pair: len(pair[0]), reverse=True))
