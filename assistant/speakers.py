"""Who spoke for a department at the press conference (``data/press_speakers.yaml``): "发布会上卫健委说了什么",
"what did the health commission say at the press conference" name a department the transcript never names,
only its speaker and his own words.

``speaker_terms(text) -> str``: the speaker's name and his words for the department ``text`` names beside the
press conference, else "" (the keyword query adds them); ``speaker_naming(text) -> str``: the words naming them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from index.yaml_data import read_yaml

SPEAKERS_PATH = Path(__file__).resolve().parent / "data" / "press_speakers.yaml"


@cache
def _speakers() -> tuple[tuple[str, ...], tuple[tuple[tuple[str, ...], str], ...]]:
    """(the words naming the press conference, ((a department's names, its speaker's search terms), …))."""
    raw = read_yaml(SPEAKERS_PATH)
    conference = tuple(str(w).lower() for w in raw["conference_words"])
    speakers = tuple((tuple(str(n).lower() for n in entry["names"]), f"{name} {entry['evidence']}")
                     for name, entry in raw["speakers"].items())
    return conference, speakers


def speaker_terms(text: str) -> str:
    """The search terms of the speaker whose department ``text`` (normalised, any case) names beside the press
    conference; "" when it names none or no conference."""
    folded = text.lower()
    conference, speakers = _speakers()
    if not any(word in folded for word in conference):
        return ""
    return " ".join(terms for names, terms in speakers if any(name in folded for name in names))


def speaker_naming(text: str) -> str:
    """The words with which ``text`` (normalised, any case) names the press conference and a speaker's department
    ("发布会", "卫健委"), when it names both; "" otherwise. They say whose answer is asked, not what in it."""
    folded = text.lower()
    conference, speakers = _speakers()
    said = [word for word in conference if word in folded]
    named = [name for names, _ in speakers for name in names if name in folded]
    return " ".join([*said, *named]) if said and named else ""

