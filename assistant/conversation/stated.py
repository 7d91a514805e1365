"""Whether the sentence answering a yes/no question states what the question asks about.

``stated_yes(ask, sentence, rare) -> str | None``: for a yes/no ask (its text, any case: "Is there a biomedicine
section at the Shanghai Data Exchange?", "全国首个的产品也行吗") answered by a source ``sentence``, the word a yes
opens with ("yes", "有", "行", ``understanding.yaml`` ``stated_yes``) when the sentence states what was asked: it
holds every rare word of the question's own (``rare``: used by few articles) and half the rare terms a search
adds to them (at least one rare term in all), negates nothing (``negation_words``), and the question states no
figure of its own ("the lead hospital has three weeks, right?" checks a figure, which the sentence's own figure
decides). None otherwise: the sentence is quoted without a yes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from assistant.conversation.understand import DATA_PATH, asks_yes_or_no, without_ask_words
from assistant.query import prepare
from index.tokens import tokenize
from index.yaml_data import read_yaml_once

ADDED_HELD_SHARE = 2  # of the rare terms a search adds to the question, the sentence holds at least one in this many
LATIN = re.compile(r"[a-z]{2,}")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class _Words:
    negations: tuple[str, ...]  # a sentence holding one negates something
    figure_claimed: re.Pattern[str]  # a figure the question states
    also_asked: re.Pattern[str]  # "有没有": a yes/no with no 吗 …
    what_asked: re.Pattern[str]  # … unless it asks what there is ("有没有什么支持")
    english_verb: re.Pattern[str]  # an English yes/no asks with a verb ("and supplemental applications?" asks none)
    echoes: tuple[tuple[re.Pattern[str], str], ...]  # the yes word by the words the question asks with


@cache
def _words() -> _Words:
    raw = read_yaml_once(DATA_PATH)["stated_yes"]
    return _Words(tuple(str(w) for w in raw["negation_words"]), re.compile(str(raw["figure_claimed"]), re.IGNORECASE),
                  re.compile(str(raw["also_asked"])), re.compile(str(raw["what_asked"])),
                  re.compile(str(raw["english_verb"]), re.IGNORECASE),
                  tuple((re.compile(str(pattern)), str(word)) for pattern, word in raw["echo"].items()))


def stated_yes(ask: str, sentence: str, rare: Callable[[str], bool]) -> str | None:
    """The yes word (``echo``'s first match in ``ask``, lower case; "是" when none) when ``sentence`` states what the
    yes/no ``ask`` asks about; None when the ask is no yes/no one or the sentence does not state it."""
    text = ask.lower()
    words = _words()
    yes_no = asks_yes_or_no(text) or (bool(words.also_asked.search(text)) and not words.what_asked.search(text))
    if LATIN.search(text) and not CHINESE.search(text):
        yes_no = yes_no and bool(words.english_verb.search(text))
    if not yes_no or words.figure_claimed.search(text) or any(word in sentence for word in words.negations):
        return None
    stated = set(tokenize(sentence.lower()))
    own = without_ask_words(text)
    named = {t for t in tokenize(own) if len(t) > 1 and rare(t)}
    # the words a search adds ("negotiated drugs" → 谈判, 国谈药): one of a group of synonyms is enough
    added = {t for t in tokenize(prepare(own).keyword_text) if len(t) > 1 and rare(t)} - named
    held = added & stated
    if not (named or held) or not named <= stated or len(held) * ADDED_HELD_SHARE < len(added):
        return None
    return next((word for pattern, word in words.echoes if pattern.search(text)), "是")
