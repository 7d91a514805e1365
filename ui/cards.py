"""Source cards: one collapsible card per cited article, its cited sentences highlighted.

A card's summary is ``文号 · label · title`` with a validity badge; the article, with the sentences the
answer quotes marked, opens on click. Every engine text is escaped here, so it shows as text, never HTML.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Sequence

from assistant.citations import status_word
from assistant.records import Citation
from index.documents import DocumentStatus
from ui.texts import texts

SENTENCE_END = re.compile(r"(?<=[。；;！？!?\n])")
MIN_QUOTED_CHARS = 6  # a shorter clause ("一、") is too common to say it is the one quoted
BADGE_CLASS = {DocumentStatus.IN_FORCE: "badge-ok", DocumentStatus.NOT_YET_IN_FORCE: "badge-warn",
               DocumentStatus.EXPIRED: "badge-bad", DocumentStatus.SUPERSEDED: "badge-bad",
               DocumentStatus.REFERENCE: "badge-info", DocumentStatus.UNSTATED: "badge-warn"}

StatusOf = Callable[[str], DocumentStatus]
"""The status of a document (by ``doc_id``) on the day answered."""


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def cited_sentences(article_text: str, answer_text: str) -> list[str]:
    """The sentences of ``article_text`` that the answer repeats (compared after NFKC, spaces ignored).

    The sentence holding the longest partly quoted run of at least ``MIN_QUOTED_CHARS`` characters is
    returned too (an answer quotes a rule's clause and, say, a whole annual-cap sentence), in article order;
    a note wholly in brackets (the article's own “（责任单位：…）”) is never that sentence.
    """
    sentences = [s for s in SENTENCE_END.split(article_text) if s.strip()]
    answer = _plain(answer_text)
    quoted = [s for s in sentences if len(_plain(s).rstrip("。；;")) >= MIN_QUOTED_CHARS
              and _plain(s).rstrip("。；;") in answer]
    best, best_len = "", MIN_QUOTED_CHARS - 1
    for sentence in sentences:
        plain = _plain(sentence)
        if sentence in quoted or (plain.startswith("(") and plain.rstrip("。").endswith(")")):
            continue
        run = _longest_common_run(plain, answer)
        if run > best_len:
            best, best_len = sentence, run
    return [s for s in sentences if s in quoted or s == best]


def _longest_common_run(a: str, b: str) -> int:
    """Length of the longest substring of ``a`` that occurs in ``b`` (grows one character at a time)."""
    longest = 0
    for start in range(len(a)):
        length = longest + 1
        while start + length <= len(a) and a[start:start + length] in b:
            longest = length
            length += 1
    return longest


def highlighted(article_text: str, sentences: Sequence[str]) -> str:
    """The article as escaped HTML with each of ``sentences`` wrapped in ``<mark>``."""
    out = html.escape(article_text)
    for sentence in sorted(set(sentences), key=len, reverse=True):
        escaped = html.escape(sentence.strip())
        if escaped:
            out = out.replace(escaped, f"<mark>{escaped}</mark>", 1)
    return out.replace("\n", "<br>")


def badge(citation: Citation, status_of: StatusOf) -> str:
    """The document's status as a coloured badge (现行有效, 已到期失效 …), its full validity as the tooltip."""
    status = status_of(citation.doc_id)
    short = status_word(status)
    return (f"<span class='badge {BADGE_CLASS[status]}' title='{html.escape(citation.validity, quote=True)}'>"
            f"{html.escape(short)}</span>")


def department_badges(departments: Sequence[str]) -> str:
    words = texts()["chat"]
    if not departments:
        return f"<span class='muted'>{html.escape(words['no_departments'])}</span>"
    chips = "".join(f"<span class='badge badge-dept'>{html.escape(d)}</span>" for d in departments)
    return f"<span class='muted'>{html.escape(words['departments'])}：</span>{chips}"


def card(citation: Citation, answer_text: str, status_of: StatusOf, open_: bool = False) -> str:
    """One ``<details class='source-card'>``: summary ``文号 · label · title`` + badge; the article inside."""
    head = " · ".join(part for part in (citation.doc_number or citation.doc_title, citation.article, citation.title) if part)
    marked = highlighted(citation.text, cited_sentences(citation.text, answer_text))
    return (
        f"<details class='source-card'{' open' if open_ else ''}><summary><span class='card-head'>{html.escape(head)}</span> "
        f"{badge(citation, status_of)}</summary>"
        f"<div class='card-body'><p class='article-text'>{marked}</p>"
        f"<p class='card-meta'>{department_badges(citation.departments)}</p>"
        f"<p class='card-meta muted'>{html.escape(citation.validity)}</p></div></details>"
    )


def cards(citations: Sequence[Citation], answer_text: str, status_of: StatusOf) -> str:
    """Every citation's card, in the answer's order; an empty string when nothing is cited."""
    return "".join(card(c, answer_text, status_of) for c in citations)
