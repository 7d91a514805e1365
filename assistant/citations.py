"""Building the citation of an article: document, 文号, label, 责任单位 and validity on a day."""

from __future__ import annotations

from datetime import date

from assistant.records import Citation
from index.articles import Article
from index.documents import Catalogue, Document, DocumentStatus

STATUS_ZH = {
    DocumentStatus.IN_FORCE: "现行有效",
    DocumentStatus.NOT_YET_IN_FORCE: "尚未施行",
    DocumentStatus.EXPIRED: "已到期失效",
    DocumentStatus.SUPERSEDED: "已被取代",
    DocumentStatus.REFERENCE: "解读或答复材料，不设有效期",
}
STATUS_EN = {
    DocumentStatus.IN_FORCE: "in force",
    DocumentStatus.NOT_YET_IN_FORCE: "not yet in force",
    DocumentStatus.EXPIRED: "expired",
    DocumentStatus.SUPERSEDED: "superseded",
    DocumentStatus.REFERENCE: "an explanatory document with no period of validity",
}


def validity_zh(document: Document, catalogue: Catalogue, day: date) -> str:
    status = document.status_on(day)
    label = STATUS_ZH[status]
    if document.valid_from and document.valid_to:
        period = f"{document.valid_from:%Y年%-m月%-d日}至{document.valid_to:%Y年%-m月%-d日}"
        text = f"{label}（{period}）"
        if document.funding_valid_from:
            text += f"；涉及资金支持的措施自{document.funding_valid_from:%Y年%-m月%-d日}起参照执行"
        return text
    successor = catalogue.successor_of(document.id)
    if successor:
        return f"{label}：已由{successor.number or successor.title}取代"
    return label


def validity_en(document: Document, catalogue: Catalogue, day: date) -> str:
    status = document.status_on(day)
    label = STATUS_EN[status]
    if document.valid_from and document.valid_to:
        text = f"{label} ({document.valid_from:%Y-%m-%d} to {document.valid_to:%Y-%m-%d})"
        if document.funding_valid_from:
            text += f"; funding measures also apply from {document.funding_valid_from:%Y-%m-%d}"
        return text
    successor = catalogue.successor_of(document.id)
    if successor:
        return f"{label} by {successor.number or successor.title}"
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
        validity=validity_zh(document, catalogue, day),
    )
