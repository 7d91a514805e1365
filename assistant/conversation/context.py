"""What the earlier turns of a conversation established, for the turn now asked.

``read_context(questions, current_document, catalogue) -> Context``: the earlier questions are read
again in order (each with the one before it, so a chain of "那…呢" keeps its ask); a turn the sources
do not cover (the weather, a poem, another city) is skipped, so it neither lends its ask to the next
turn nor wipes out what the conversation was about. The facts the asker stated about itself (its
drug's class, where its trial runs, where it is registered …) hold until a later turn says otherwise;
amounts stated in a turn that asked for no award wait for the turn that does.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache

from assistant.conversation.question import Facts, Question
from assistant.conversation.scope import judge
from assistant.conversation.understand import AWARD_KINDS, understand
from index.documents import Catalogue

CONTEXT_TURNS = 8  # earlier questions read again: enough for a follow-up that reaches back a few turns
READ_CACHE_SIZE = 4096  # earlier turns kept as read: every turn reads the last few again


@dataclass(frozen=True)
class Context:
    """``previous``: the latest earlier turn in scope (or None); ``facts``: what earlier turns stated."""

    previous: Question | None = None
    facts: Facts | None = None


def read_context(questions: Sequence[str], current_document: str | None, cat: Catalogue) -> Context:
    previous: Question | None = None
    facts: Facts | None = None
    for text in questions[-CONTEXT_TURNS:]:
        question, covered = _read_again(text, current_document, cat, previous)
        if not covered:
            continue
        previous = question
        asked_amount = any(a.kind in AWARD_KINDS for a in question.asks)
        # amounts stated without an award question ("我们II期投入了3000万。") wait for the turn that asks
        pending = () if asked_amount else question.facts.amounts or (facts.amounts if facts else ())
        merged = question.facts if facts is None else question.facts.over(facts)
        facts = replace(merged, amounts=pending)
    return Context(previous, facts)


def _read_again(text: str, current_document: str | None, cat: Catalogue, previous: Question | None) -> tuple[Question, bool]:
    """``understand(text, current_document, cat, previous)`` and whether the turn counts (not a greeting,
    covered by the sources), kept for the texts read most recently: every turn of a conversation reads
    its earlier questions again, and reading is the costly part of a turn. The key is every argument by
    value (``previous`` by all its fields but the notes a plan adds; the catalogue, one per process, by
    identity); a question that cannot be a key is read again."""
    reading = _Reading(text, current_document, cat, previous)
    if reading.key is None:
        return reading.read()
    question, covered = _kept(reading)
    return replace(question, notes=list(question.notes)), covered  # the caller's own notes list


class _Reading:
    """The arguments of one ``_read_again``, equal to another reading of the same values."""

    __slots__ = ("cat", "current_document", "key", "previous", "text")

    def __init__(self, text: str, current_document: str | None, cat: Catalogue, previous: Question | None) -> None:
        self.text, self.current_document, self.cat, self.previous = text, current_document, cat, previous
        earlier = () if previous is None else tuple(getattr(previous, f.name) for f in fields(previous) if f.name != "notes")
        key: Hashable | None = (text, current_document, id(cat), earlier)
        try:
            hash(key)
        except TypeError:  # a field that is no value (a list): not kept
            key = None
        self.key = key

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reading) and self.key == other.key and self.cat is other.cat

    def read(self) -> tuple[Question, bool]:
        question = understand(self.text, self.current_document, self.cat, self.previous)
        return question, not question.greeting_only and judge(question, self.cat).covered


@lru_cache(maxsize=READ_CACHE_SIZE)
def _kept(reading: _Reading) -> tuple[Question, bool]:
    return reading.read()
