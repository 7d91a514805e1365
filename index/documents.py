"""Document metadata from ``documents.yaml`` and each document's status on a given day."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path

from index import INDEX_DIR, SOURCES_DIR
from index.yaml_data import read_yaml


class DocumentKind(StrEnum):
    POLICY = "policy"
    REPLY_LETTER = "reply_letter"
    PRESS_QA = "press_qa"
    DISTRICT_PLAN = "district_plan"
    NEWS_REPOST = "news_repost"


class DocumentStatus(StrEnum):
    IN_FORCE = "in_force"
    NOT_YET_IN_FORCE = "not_yet_in_force"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"
    UNSTATED = "unstated"  # a policy the sources only quote: its term and whether it still applies are not stated
    REFERENCE = "reference"  # reply letters and press transcripts explain policy; they have no term


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    title_en: str
    number: str | None
    issuer: str | None
    kind: DocumentKind
    source: str | None
    published: date | None = None
    signed: date | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    funding_valid_from: date | None = None
    term_years: str | None = None  # the term as the text writes it when it states no first day ("2022-2024")
    same_as: str | None = None
    superseded_by: str | None = None
    followed_by: str | None = None  # the later policy in force on the same subject, when the sources state no replacing
    aliases: tuple[str, ...] = ()  # words by which a question names this document (matched simplified)
    # everyday names of the issuer ("上海市政府" for 上海市人民政府办公厅): no topic beside the document's name, though
    # they name no document on their own (the city government holds press conferences too)
    issuer_names: tuple[str, ...] = ()

    @property
    def source_path(self) -> Path | None:
        return SOURCES_DIR / self.source if self.source else None

    @property
    def indexed(self) -> bool:
        """A repost is the same text as another document and is not indexed twice."""
        return self.source is not None and self.same_as is None

    def status_on(self, day: date) -> DocumentStatus:
        if self.superseded_by:
            return DocumentStatus.SUPERSEDED
        if self.followed_by and self.valid_from is None and self.valid_to is None:
            return DocumentStatus.UNSTATED
        if self.valid_from is None and self.valid_to is None:
            return DocumentStatus.REFERENCE
        if self.valid_from and day < self.valid_from:
            return DocumentStatus.NOT_YET_IN_FORCE
        if self.valid_to and day > self.valid_to:
            return DocumentStatus.EXPIRED
        return DocumentStatus.IN_FORCE

    def in_force_on(self, day: date) -> bool:
        return self.status_on(day) is DocumentStatus.IN_FORCE

    def ended_for(self, today: date, case_on: date | None = None) -> bool:
        """Whether the term ended before ``today`` and, when the case's time is said, before ``case_on`` too (the
        Pudong plan, ended 2024-12-31, for a case of 2026; not for one of 2023)."""
        return self.valid_to is not None and today > self.valid_to and (case_on is None or case_on > self.valid_to)

    def read_source(self) -> str:
        if self.source_path is None:
            raise ValueError(f"document {self.id} has no shipped source")
        return self.source_path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Catalogue:
    documents: tuple[Document, ...]
    city_names: tuple[str, ...] = ()  # words naming the whole city ("上海", "全市"): a district's plan is not its subject

    def get(self, doc_id: str) -> Document:
        for document in self.documents:
            if document.id == doc_id:
                return document
        raise KeyError(doc_id)

    def indexed(self) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if d.indexed)

    def named_in(self, text: str) -> set[str]:
        """Ids of the documents a (normalised, simplified) question names by one of their aliases or by its 文号
        ("沪科提复〔2024〕76号是个什么文件"). Another document's full title quoted names that one, not a document whose
        alias it holds (the 2021 policy's 《关于促进本市生物医药产业高质量发展的若干意见》 holds the 2024 policy's alias
        若干意见)."""
        lowered = text.lower()
        named = set()
        for document in self.documents:
            seen = self._without_other_titles(lowered, document)
            if any(_alias_in(alias.lower(), seen) for alias in document.aliases) or (
                    document.number and document.number.lower() in seen):
                named.add(document.id)
        return named

    def names_city(self, text: str) -> bool:
        """Whether a (normalised, simplified) question names the city as a whole ("上海生物医药产业规模"), not
        one of its districts by a document's alias."""
        lowered = text.lower()
        return any(name.lower() in lowered for name in self.city_names)

    def district_for_city(self, text: str, doc_id: str) -> bool:
        """Whether ``doc_id`` is a district's plan that ``text`` does not name while it names the city as a whole:
        the district's figures are not the city's ("上海生物医药产业规模有多大" is not the Pudong plan's target)."""
        return (self.get(doc_id).kind is DocumentKind.DISTRICT_PLAN and self.names_city(text)
                and doc_id not in self.named_in(text))

    def _without_other_titles(self, lowered: str, document: Document) -> str:
        """``lowered`` with the full titles of the documents other than ``document`` blanked."""
        for other in self.documents:
            if other is not document and other.title.lower() in lowered:
                lowered = lowered.replace(other.title.lower(), " ")
        return lowered

    def successor_of(self, doc_id: str) -> Document | None:
        superseded_by = self.get(doc_id).superseded_by
        return self.get(superseded_by) if superseded_by else None

    def follower_of(self, doc_id: str) -> Document | None:
        """The later policy in force on the subject of ``doc_id`` (``followed_by``), which the sources do not say
        replaces it; None when there is none."""
        followed_by = self.get(doc_id).followed_by
        return self.get(followed_by) if followed_by else None


def _alias_in(alias: str, text: str) -> bool:
    """Whether ``alias`` (lower case) stands in ``text``: an alias in Latin letters as a whole word ("the letter" is not
    in "the letters of intent"), any other as written."""
    if alias.isascii() and re.search(r"[a-z]", alias):
        return re.search(rf"(?<![a-z]){re.escape(alias)}(?![a-z])", text) is not None
    return alias in text


def load_catalogue(path: Path = INDEX_DIR / "documents.yaml") -> Catalogue:
    raw = read_yaml(path)
    documents = tuple(
        Document(**{**entry, "kind": DocumentKind(entry["kind"]), "aliases": tuple(entry.get("aliases") or ()),
                    "issuer_names": tuple(entry.get("issuer_names") or ())})
        for entry in raw["documents"]
    )
    return Catalogue(documents, tuple(raw.get("city_names") or ()))


@cache
def catalogue() -> Catalogue:
    """The shipped catalogue, read once per process."""
    return load_catalogue()
