"""Trade fairs and congresses a question names by their own names (``data/events.yaml``): "We attended BIO
in Boston", "我们去了ASCO", "a booth at MEDICA" name an international event or exhibition, the topic of
（三十七）, in words the policy never uses.

``names_event(text) -> bool``; ``event_terms(text) -> str``: the policy's own words for such an event when
``text`` names one, else "" (the keyword query adds them).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from index.yaml_data import read_yaml

EVENTS_PATH = Path(__file__).resolve().parent / "data" / "events.yaml"
APART = r"(?<![A-Za-z0-9_&])", r"(?![A-Za-z0-9_&])"  # a Latin name stands apart from letters and digits, not from Chinese


@cache
def _events() -> tuple[re.Pattern[str], str]:
    """(one pattern finding a named event, the policy's words for one)."""
    raw = read_yaml(EVENTS_PATH)
    before, after = APART
    names = _alternation(raw["names"])
    in_context = _alternation(raw["names_in_context"])
    pattern = (f"{before}(?:{names}){after}"
               f"|(?:{raw['attending']}){before}(?:{in_context}){after}"
               f"|{before}(?:{in_context}){after}(?={raw['event_nouns']})")
    return re.compile(pattern, re.IGNORECASE), str(raw["terms"])


def _alternation(names: list[str]) -> str:
    """The names as one alternation, the longest first (``cphi worldwide`` before ``cphi``)."""
    return "|".join(re.escape(str(name).lower()) for name in sorted(names, key=lambda n: -len(str(n))))


def names_event(text: str) -> bool:
    """Whether ``text`` (normalised, any case) names a trade fair or congress of the sector."""
    return _events()[0].search(text) is not None


def event_terms(text: str) -> str:
    """The policy's words for an international event or exhibition when ``text`` names one, else ""."""
    pattern, terms = _events()
    return terms if pattern.search(text) else ""
