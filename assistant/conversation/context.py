"""What the earlier turns of a conversation established, for the turn now asked.

``read_context(questions, current_document, catalogue) -> Context``: the earlier questions are read
again in order (each with the one before it, so a chain of "那…呢" keeps its ask); a turn the sources
do not cover (the weather, a poem, another city) is skipped, so it neither lends its ask to the next
turn nor wipes out what the conversation was about. The facts the asker stated about itself (its
drug's class, where its trial runs, where it is registered …) hold until a later turn says otherwise;
amounts stated in a turn that asked for no award wait for the turn that does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.conversation.question import Facts, Question
from assistant.conversation.scope import judge
from assistant.conversation.understand import AWARD_KINDS, understand
from index.documents import Catalogue

CONTEXT_TURNS = 8  # earlier questions read again: enough for a follow-up that reaches back a few turns


@dataclass(frozen=True)
class Context:
    """``previous``: the latest earlier turn in scope (or None); ``facts``: what earlier turns stated."""

    previous: Question | None = None
    facts: Facts | None = None


def read_context(questions: Sequence[str], current_document: str | None, cat: Catalogue) -> Context:
    previous: Question | None = None
    facts: Facts | None = None
    for text in questions[-CONTEXT_TURNS:]:
        question = understand(text, current_document, cat, previous)
        if question.greeting_only or not judge(question, cat).covered:
            continue
        previous = question
        asked_amount = any(a.kind in AWARD_KINDS for a in question.asks)
        # amounts stated without an award question ("我们II期投入了3000万。") wait for the turn that asks
        pending = () if asked_amount else question.facts.amounts or (facts.amounts if facts else ())
        merged = question.facts if facts is None else question.facts.over(facts)
        facts = replace(merged, amounts=pending)
    return Context(previous, facts)
