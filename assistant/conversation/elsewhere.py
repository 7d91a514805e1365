"""A figure the asker heard or remembers that the sources state in another sentence than the one answering.

"我见有篇报道写1860亿" beside 产业规模9337亿元: 1860亿元 is the reply's 工业总产值 of the same year; "我印象里是19个" beside
"2016年以来上海获批26款1类创新药": 19个 is the press conference's count "2021年至今". The answer says where the asker's
figure stands, quoting that sentence, so the two are not mixed up again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from assistant.amounts import find_amounts
from assistant.conversation.premise import COUNT
from index.articles import Article

SENTENCE_END = re.compile(r"(?<=[。；;！!？?])")
SENTENCES_KEPT = 2048  # the sources' sentences (about five hundred) with room for the askers' words


@dataclass(frozen=True)
class FigureElsewhere:
    """The asker's figure as written ("19个"), the one sentence of the sources stating it, and its article."""

    figure: str
    sentence: str
    article: Article


@lru_cache(maxsize=SENTENCES_KEPT)
def _figures(text: str) -> tuple[tuple[str, str, Decimal], ...]:
    """(the figure as written, "yuan" or "count", its value) for each sum in yuan and each count ("19个", "26款") of
    ``text``; a year is neither. Kept per text: the sources' sentences are read again for every figure heard."""
    sums = [(a.text, "yuan", Decimal(a.yuan)) for a in find_amounts(text)]
    counts = [(m[0], "count", Decimal(m[1])) for m in COUNT.finditer(text)]
    return (*sums, *counts)


def _states(sentence: str, kind: str, value: Decimal) -> bool:
    return any(k == kind and v == value for _, k, v in _figures(sentence))


def figure_elsewhere(heard: str, answering: str, articles: list[Article]) -> FigureElsewhere | None:
    """The first figure of ``heard`` (the asker's words telling what it heard or remembers) that ``answering`` (the
    sentence answering) does not state and exactly one sentence of ``articles`` does; None when there is none."""
    for written, kind, value in _figures(heard):
        if _states(answering, kind, value):
            continue
        found = [(sentence.strip(), article) for article in articles for sentence in SENTENCE_END.split(article.text)
                 if sentence.strip() and _states(sentence, kind, value)]
        if len({sentence for sentence, _ in found}) == 1:
            sentence, article = found[0]
            return FigureElsewhere(written.strip(), sentence.rstrip("。；;"), article)
    return None
