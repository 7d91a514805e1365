"""Building the citation of an article: document, 文号, label, 责任单位 and validity on a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assistant.records import Citation
from index.articles import Article
from index.documents import Catalogue, Document, DocumentStatus


@dataclass(frozen=True)
class _ValidityWords:
    """How one language words a document's status; the logic that uses them is shared."""

    status: dict[DocumentStatus, str]
    date: str
    period: str
    funding: str
    successor: str


VALIDITY_WORDS = {
    "zh": _ValidityWords(
        status={
            DocumentStatus.IN_FORCE: "现行有效",
            DocumentStatus.NOT_YET_IN_FORCE: "尚未施行",
            DocumentStatus.EXPIRED: "已到期失效",
            DocumentStatus.SUPERSEDED: "已被取代",
            DocumentStatus.REFERENCE: "解读或答复材料，不设有效期",
        },
        date="%Y年%-m月%-d日",
        period="{label}（{start}至{end}）",
        funding="；涉及资金支持的措施自{start}起参照执行",
        successor="{label}：已由{name}取代",
    ),
    "en": _ValidityWords(
        status={
            DocumentStatus.IN_FORCE: "in force",
            DocumentStatus.NOT_YET_IN_FORCE: "not yet in force",
            DocumentStatus.EXPIRED: "expired",
            DocumentStatus.SUPERSEDED: "superseded",
            DocumentStatus.REFERENCE: "an explanatory document with no period of validity",
        },
        date="%Y-%m-%d",
        period="{label} ({start} to {end})",
        funding="; funding measures also apply from {start}",
        successor="{label} by {name}",
    ),
}


def validity(document: Document, catalogue: Catalogue, day: date, language: str = "zh") -> str:
    """The document's status on ``day`` with its period (or its successor), in ``language`` (zh / en)."""
    words = VALIDITY_WORDS[language]
    label = words.status[document.status_on(day)]
    if document.valid_from and document.valid_to:
        text = words.period.format(label=label, start=format(document.valid_from, words.date),
                                   end=format(document.valid_to, words.date))
        if document.funding_valid_from:
            text += words.funding.format(start=format(document.funding_valid_from, words.date))
        return text
    successor = catalogue.successor_of(document.id)
    if successor:
        return words.successor.format(label=label, name=successor.number or successor.title)
    return label


def cite(article: Article, catalogue: Catalogue, day: date) -> Citation:
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
