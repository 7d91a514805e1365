"""One parser per document kind, each turning a source text into ``Article`` records."""

from __future__ import annotations

from collections.abc import Callable

from index.articles import Article
from index.documents import Catalogue, Document, DocumentKind, catalogue
from index.parsers.district_plan import parse_district_plan
from index.parsers.policy import parse_policy
from index.parsers.press_qa import parse_press_qa
from index.parsers.reply_letter import parse_reply_letter

Parser = Callable[[str, str], list[Article]]

PARSERS: dict[DocumentKind, Parser] = {
    DocumentKind.POLICY: parse_policy,
    DocumentKind.REPLY_LETTER: parse_reply_letter,
    DocumentKind.PRESS_QA: parse_press_qa,
    DocumentKind.DISTRICT_PLAN: parse_district_plan,
}


def parse_document(document: Document, cat: Catalogue) -> list[Article]:
    """Parse one shipped document and tag the articles that name another catalogued document."""
    articles = PARSERS[document.kind](document.id, document.read_source())
    return [_with_mentions(article, document, cat) for article in articles]


def parse_corpus(cat: Catalogue | None = None) -> list[Article]:
    """Every indexed article of the shipped corpus, in document order."""
    cat = cat or catalogue()
    return [article for document in cat.indexed() for article in parse_document(document, cat)]


def _with_mentions(article: Article, own: Document, cat: Catalogue) -> Article:
    mentioned = tuple(
        other.id
        for other in cat.documents
        if other.id != own.id and other.same_as is None and other.title in article.text
    )
    if not mentioned:
        return article
    return Article(**{**article.__dict__, "mentions": mentioned})
