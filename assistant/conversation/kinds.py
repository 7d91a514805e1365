"""The measures meant for the asker's kind of entity: what "我们是CRO，有什么支持" lists, and where a verdict
that turns on who asks ("我们是医院，能申请（五）吗") points.

Which measures are meant for which kind is data (``rules/eligibility.yaml`` ``kinds``); the kind is the
one the asker says it is (``Facts.entity_type``). ``kind_measures(kind, book, article_of)`` gives each
measure with its article and the rule that computes its ceiling; ``asks_what_kind_gets(text, kind,
topic_score)`` says whether a question asks what support its kind gets and names no topic besides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.conversation.understand import has_word, lexicon, without_ask_words, without_kind_said
from assistant.rules.book import Rule, RuleBook
from assistant.rules.eligibility import AskerKind, KindMeasure, condition_rules
from index.articles import Article


@dataclass(frozen=True)
class KindSupport:
    """One measure meant for a kind of asker: the kind, the data entry, its article, and the rule computing
    its ceiling (None: the text sets no amount for that kind)."""

    kind: AskerKind
    entry: KindMeasure
    article: Article
    rule: Rule | None


def asker_kind(kind: str | None) -> AskerKind | None:
    """The kind's data (``eligibility.yaml`` ``kinds``) when measures are meant for it; else None."""
    return condition_rules().kinds.get(kind) if kind is not None else None


def kind_measures(kind: AskerKind, book: RuleBook, article_of: Callable[[str], Article]) -> list[KindSupport]:
    """Each measure meant for ``kind``, in the data's order; ``article_of`` gives a measure's article."""
    return [KindSupport(kind, entry, article_of(entry.measure), book.rule(entry.rule) if entry.rule else None)
            for entry in kind.measures]


def asks_what_kind_gets(text: str, kind: AskerKind, topic_score: Callable[[str], float], own_topic: float,
                        amount_asked: bool = False) -> bool:
    """Whether ``text`` (normalised, lower case) asks what support the asker's kind gets ("我们是CRO，有什么
    支持", "what support is there for CROs"; with ``amount_asked``, the message asks only an amount and states
    none: "CRO能拿多少钱？") and names nothing else to search for: without the kind's words, the ask words and
    the support words, what is left scores below ``own_topic`` (``topic_score``: the keyword index's score of a text)."""
    lex = lexicon()
    if not (amount_asked or lex.support_asked.search(text) or has_word(text, lex.support_asks)
            or lex.kind_support_asked.search(text)):
        return False
    rest = lex.kind_support_asked.sub(" ", lex.support_asked.sub(" ", without_kind_said(text, kind.id)))
    return topic_score(without_ask_words(rest)) < own_topic
