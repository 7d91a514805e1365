"""What the earlier turns of a conversation established, for the turn now asked.

``read_context(questions, current_document, catalogue) -> Context``: the earlier questions, understood
in order (each with the one before it, so a chain of "那…呢" keeps its ask); a turn the sources do not
cover (the weather, a poem, another city) is skipped, so it neither lends its ask to the next turn nor
wipes out what the conversation was about. The facts the asker stated about itself (where it is
registered, its size) hold until a later turn says otherwise; what it stated about one product or
trial (its class, where the trial runs …) holds for that subject only, until a question names a
product or trial of its own. Amounts stated in a turn that asked for no award wait for the turn that
does.

A conversation's turns are understood once: the context after each run of questions is kept (a
bounded cache keyed by the questions), so a turn reads only the questions added since the last one.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from functools import cache

from assistant.conversation.question import AskKind, Facts, Question
from assistant.conversation.scope import judge
from assistant.conversation.understand import AWARD_KINDS, has_word, lexicon, understand
from index.documents import Catalogue

CACHED_CONVERSATIONS = 2048  # contexts kept: one per live conversation is enough, the oldest go first
TRIMMED_TURNS = 2  # a session keeps its last turns only: the run one or two questions shorter at its start


@dataclass(frozen=True)
class Context:
    """``previous``: the latest earlier turn in scope (or None); ``facts``: what earlier turns stated;
    ``earlier``: the earlier turns in scope, oldest first."""

    previous: Question | None = None
    facts: Facts | None = None
    earlier: tuple[Question, ...] = ()


EMPTY = Context()
_cache: OrderedDict[tuple[int, tuple[str, ...]], Context] = OrderedDict()
_lock = threading.Lock()


def read_context(questions: Sequence[str], current_document: str | None, cat: Catalogue) -> Context:
    """The context ``questions`` (oldest first) establish. ``current_document`` is unused by the
    earlier turns' reading (a document they point at is the composer's business, resolved when they
    were asked) and kept for the callers' signature."""
    del current_document
    key = (id(cat), tuple(questions))
    found = _cached(key)
    if found is not None:
        return found
    start, context = _longest_known(key[1], id(cat))
    for text in key[1][start:]:
        context = _read_turn(context, text, cat)
    _keep(key, context)
    return context


def _longest_known(questions: tuple[str, ...], catalogue_id: int) -> tuple[int, Context]:
    """(where to go on reading, the context so far): the kept context of these questions but the last
    one, also when the session has since dropped its oldest turns; else from the start."""
    if not questions:
        return 0, EMPTY
    head = questions[:-1]
    known = _cached((catalogue_id, head))
    for dropped in range(1, TRIMMED_TURNS + 1):
        if known is not None:
            break
        known = _cached_ending(catalogue_id, head, dropped)
    return (len(head), known) if known is not None else (0, EMPTY)


def _cached_ending(catalogue_id: int, questions: tuple[str, ...], dropped: int) -> Context | None:
    """A kept context whose questions are ``questions`` with ``dropped`` more at their start (the ones a
    session trimmed since)."""
    with _lock:
        for (cid, kept), context in reversed(_cache.items()):
            if cid == catalogue_id and len(kept) == len(questions) + dropped and kept[dropped:] == questions:
                return context
    return None


def _read_turn(context: Context, text: str, cat: Catalogue) -> Context:
    """``context`` after one more earlier question."""
    question = understand(text, None, cat, context.previous, context.facts)
    if question.greeting_only or not judge(question, cat).covered:
        return context
    facts = context.facts
    if facts is not None and question.new_subject:
        facts = facts.enterprise_only()
    # a bare reply to an award question ("CMO能补多少" → "受托年生产产值6000万") is answered with its amounts:
    # they are that award's, not a base waiting for the next award question
    # a statement answering "能申请哪些支持" (no amount asked) leaves its amounts for the turn that asks one
    asked = {AskKind.AMOUNT, AskKind.REQUIRED_BASE} if question.replies_to_ask else AWARD_KINDS
    # an item added with its amount ("second product, 120 million output") is that item's, answered in its turn
    asked_amount = any(a.kind in asked for a in question.asks) or question.adds_item or (
        question.bare_reply and context.previous is not None and any(a.kind is AskKind.AMOUNT for a in context.previous.asks))
    # amounts stated without an award question ("我们II期投入了3000万。") wait for the turn that asks
    pending = () if asked_amount else question.facts.amounts or (facts.amounts if facts else ())
    merged = question.facts if facts is None else question.facts.over(facts)
    supposed = has_word(question.text, lexicon().facts["supposition_words"])
    for rule in turn_only_rules():
        if rule.holds(question.facts, facts, supposed):
            # a case supposed or asked of another company: judged in that turn; what was said before stands after it
            before = facts if facts is not None else Facts()
            merged = replace(merged, **{name: getattr(before, name) for name in rule.restores})
    return Context(question, replace(merged, amounts=pending), (*context.earlier, question))


@dataclass(frozen=True)
class TurnOnlyFact:
    """A fact a turn states for itself only (``understanding.yaml`` facts.turn_only): ``fact`` is a field of
    ``Facts``; ``when`` "stated", "changed" or the value it has; ``supposed`` whether a supposition word must be in the
    turn; ``restores`` the fields the turns after it take from before it."""

    fact: str
    when: str
    supposed: bool
    restores: tuple[str, ...]

    def holds(self, said: Facts, before: Facts | None, supposed: bool) -> bool:
        """Whether a turn stating ``said`` after ``before`` (None: nothing said yet) states this fact for itself."""
        if self.supposed and not supposed:
            return False
        value = getattr(said, self.fact)
        if self.when == "stated":
            return value is not None
        if self.when == "changed":
            earlier = getattr(before, self.fact) if before is not None else None
            return earlier is not None and value not in {None, earlier}
        return str(value).lower() == self.when


@cache
def turn_only_rules() -> tuple[TurnOnlyFact, ...]:
    """The facts a turn states for itself only, as ``understanding.yaml`` lists them.

    Raises ``ValueError`` when one names no field of ``Facts``."""
    names = {f.name for f in fields(Facts)}
    rules = tuple(TurnOnlyFact(str(r["fact"]), str(r["when"]), bool(r["supposed"]),
                               tuple(r.get("restores", [r["fact"]])))
                  for r in lexicon().facts["turn_only"])
    unknown = {n for r in rules for n in (r.fact, *r.restores)} - names
    if unknown:
        raise ValueError(f"understanding.yaml facts.turn_only names no fact: {sorted(unknown)}")
    return rules


def _cached(key: tuple[int, tuple[str, ...]]) -> Context | None:
    with _lock:
        context = _cache.get(key)
        if context is not None:
            _cache.move_to_end(key)
        return context


def _keep(key: tuple[int, tuple[str, ...]], context: Context) -> None:
    with _lock:
        _cache[key] = context
        _cache.move_to_end(key)
        while len(_cache) > CACHED_CONVERSATIONS:
            _cache.popitem(last=False)
