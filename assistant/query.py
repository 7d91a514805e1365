"""Turning what a user typed into what the search engines match on.

The normalised text (simplified script, half-width, canonical phases) goes to both engines; BM25
also gets Chinese equivalents of English terms from ``data/glossary.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from index.normalise import normalise
from index.yaml_data import read_yaml

GLOSSARY_PATH = Path(__file__).resolve().parent / "data" / "glossary.yaml"
SYNONYMS_PATH = Path(__file__).resolve().parent / "data" / "synonyms.yaml"
_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# the letters outside A–Z that a case-insensitive pattern's i, s or k matches (İ ı ſ K), as those letters
_IGNORECASE_LETTERS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@dataclass(frozen=True)
class PreparedQuery:
    original: str
    normalised: str
    keyword_text: str


@cache
def _glossary() -> tuple[tuple[re.Pattern[str], str], ...]:
    entries = read_yaml(GLOSSARY_PATH)
    ordered = sorted(entries.items(), key=lambda item: -len(item[0]))
    return tuple(
        (re.compile(rf"(?<![\w&]){re.escape(term)}(?![\w&])", re.IGNORECASE), str(chinese))
        for term, chinese in ordered
    )


@cache
def _glossary_terms() -> tuple[str, ...]:
    """Each glossary entry's term in lower case, in ``_glossary``'s order."""
    entries = read_yaml(GLOSSARY_PATH)
    return tuple(term.lower() for term, _ in sorted(entries.items(), key=lambda item: -len(item[0])))


def _glossary_expansions(normalised: str) -> list[str]:
    """The Chinese terms of the glossary entries whose term ``normalised`` holds as a whole word.

    An entry's pattern (case-insensitive) can match only where its term stands in the text folded to
    lower case (with the four letters other than A–Z that such a match accepts folded to theirs), so
    a substring test finds the few entries worth a search; most Chinese questions hold none."""
    folded = normalised.translate(_IGNORECASE_LETTERS).lower()
    return [chinese for (pattern, chinese), term in zip(_glossary(), _glossary_terms(), strict=True)
            if term in folded and pattern.search(normalised)]


@cache
def _synonyms() -> tuple[tuple[str, str], ...]:
    entries = read_yaml(SYNONYMS_PATH)
    return tuple((str(word), str(terms)) for word, terms in entries.items())


def is_english(text: str) -> bool:
    """Mostly Latin letters and no Chinese characters."""
    return bool(_LATIN.search(text)) and not _HAN.search(text)


def prepare(query: str) -> PreparedQuery:
    normalised = normalise(query)
    expansions = _glossary_expansions(normalised)
    expansions += [terms for word, terms in _synonyms() if word in normalised]
    keyword_text = " ".join([normalised, *expansions])
    return PreparedQuery(original=query, normalised=normalised, keyword_text=keyword_text)
