"""The unit of retrieval: one measure, one Q&A pair, one task, with the metadata answers cite."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One chunk of a source, its ``text`` verbatim from the file.

    ``chunk_id`` is ``{doc_id}:{key}``: derived from the document and the article's place in it, so
    a rebuild gives every article the id it had before and eval gold labels stay valid.
    """

    doc_id: str
    key: str
    label: str
    title: str
    text: str
    section: str = ""
    departments: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()

    @property
    def chunk_id(self) -> str:
        return f"{self.doc_id}:{self.key}"

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]
