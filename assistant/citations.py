"""Building the citation of an article: document, 文号, label, 责任单位 and validity on a day."""

from __future__ import annotations

from datetime import date

from assistant.language import Language
from assistant.records import Citation
from index.articles import Article
from index.documents import Catalogue, Document, DocumentStatus
from prompts import wording


def status_word(status: DocumentStatus, language: Language = Language.SIMPLIFIED) -> str:
    """How ``status`` is named (``prompts/validity.yaml``): 现行有效, 已到期失效 … or in force, expired …"""
    return str(wording("validity")["en" if language is Language.ENGLISH else "zh"]["status"][status.value])


def day_named(day: date, language: Language = Language.SIMPLIFIED) -> str:
    """``day`` as the answer's language writes a date (``prompts/validity.yaml``): 2024年6月1日, June 1, 2024."""
    return format(day, wording("validity")["en" if language is Language.ENGLISH else "zh"]["date"])


def validity(document: Document, catalogue: Catalogue, day: date, language: Language = Language.SIMPLIFIED) -> str:
    """The document's status on ``day`` with its period (or its successor), worded by ``prompts/validity.yaml``
    in English or Chinese (both scripts read the Chinese words; answers convert them)."""
    words = wording("validity")["en" if language is Language.ENGLISH else "zh"]
    label = status_word(document.status_on(day), language)
    if document.valid_from and document.valid_to and document.term_years:
        # the Pudong plan: "(2022-2024年)", no first day in its text
        return words["period_years"].format(label=label, years=document.term_years, end=day_named(document.valid_to, language))
    if document.valid_from and document.valid_to:
        text = words["period"].format(label=label, start=day_named(document.valid_from, language),
                                      end=day_named(document.valid_to, language))
        if document.funding_valid_from:
            text += words["funding"].format(start=day_named(document.funding_valid_from, language))
        return text
    successor = catalogue.successor_of(document.id)
    if successor:
        return words["successor"].format(label=label, name=successor.number or successor.title)
    follower = catalogue.follower_of(document.id)
    if follower:
        return words["followed"].format(label=label, name=follower.number or follower.title)
    return label


def cite(article: Article, catalogue: Catalogue, day: date) -> Citation:
    """``article`` as a ``Citation``: its document's title and 文号, label, 责任单位 and validity on ``day``."""
    document = catalogue.get(article.doc_id)
    return Citation(
        chunk_id=article.chunk_id,
        doc_id=document.id,
        doc_number=document.number,
        doc_title=document.title,
        article=article.label,
        title=article.title,
        text=article.text,
        departments=list(article.departments),
        validity=validity(document, catalogue, day),
    )
