"""Hybrid retrieval: BM25 over jieba tokens and Chroma's dense vectors, fused by reciprocal rank.

BM25 is built from the records stored in Chroma (not from the source files), so Chroma stays the one
source of truth and a search never sees a chunk the vector store does not hold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache

import bm25s
import numpy as np
from chromadb.api.models.Collection import Collection

from assistant.query import PreparedQuery, prepare
from index.articles import Article
from index.documents import Catalogue
from index.embedders import Embedder
from index.store import article_from_record
from index.tokens import domain_terms, tokenize

RRF_K = 60
CANDIDATES = 30


class RetrievalMode(StrEnum):
    HYBRID = "hybrid"
    BM25 = "bm25"
    DENSE = "dense"


@dataclass(frozen=True)
class Hit:
    article: Article
    score: float
    matched_terms: tuple[str, ...]


class HybridRetriever:
    def __init__(
        self,
        collection: Collection,
        embedder: Embedder,
        catalogue: Catalogue,
        mode: RetrievalMode = RetrievalMode.HYBRID,
    ) -> None:
        if mode is not RetrievalMode.BM25 and not embedder.dense:
            mode = RetrievalMode.BM25
        self.collection = collection
        self.embedder = embedder
        self.catalogue = catalogue
        self.mode = mode
        records = collection.get(include=["documents", "metadatas"])
        self.articles: list[Article] = [
            article_from_record(chunk_id, text or "", dict(meta or {}))
            for chunk_id, text, meta in zip(
                records["ids"], records["documents"] or [], records["metadatas"] or [], strict=True
            )
        ]
        self._by_id = {a.chunk_id: i for i, a in enumerate(self.articles)}
        self._tokens = [tokenize(f"{a.title} {a.text}") for a in self.articles]
        self._bm25 = bm25s.BM25()
        self._bm25.index(self._tokens, show_progress=False)
        self._vocabulary = set(self._bm25.vocab_dict)

    def article(self, chunk_id: str) -> Article | None:
        index = self._by_id.get(chunk_id)
        return self.articles[index] if index is not None else None

    def search(
        self,
        query: str,
        k: int = 5,
        doc_ids: Iterable[str] | None = None,
        in_force_on: date | None = None,
    ) -> list[Hit]:
        """The ``k`` best articles; optionally only from ``doc_ids`` or documents in force on a day."""
        prepared = prepare(query)
        allowed = self._allowed_docs(doc_ids, in_force_on)
        rankings: list[list[int]] = []
        query_terms = [t for t in tokenize(prepared.keyword_text) if t in self._vocabulary]
        if self.mode is not RetrievalMode.DENSE:
            rankings.append(self._bm25_ranking(query_terms, allowed))
        if self.mode is not RetrievalMode.BM25:
            rankings.append(self._dense_ranking(prepared, allowed))
        fused = _reciprocal_rank_fusion(rankings)
        hits = []
        for index, score in fused[:k]:
            terms = tuple(t for t in dict.fromkeys(query_terms) if t in self._tokens[index])
            hits.append(Hit(self.articles[index], score, terms))
        return hits

    def keyword_score(self, query: str) -> float:
        """The best BM25 score of any article: near zero when the query shares no policy words."""
        terms = [t for t in tokenize(prepare(query).keyword_text) if t in self._vocabulary]
        return float(np.max(self._bm25.get_scores(terms))) if terms else 0.0

    def is_about_policy(self, query: str, min_score: float) -> bool:
        """A policy term of ``terms.txt`` in the query, or enough keyword overlap with some article."""
        if set(tokenize(prepare(query).keyword_text)) & _domain_terms():
            return True
        return self.keyword_score(query) >= min_score

    def _allowed_docs(self, doc_ids: Iterable[str] | None, day: date | None) -> set[str] | None:
        allowed = set(doc_ids) if doc_ids is not None else None
        if day is not None:
            in_force = {d.id for d in self.catalogue.documents if d.in_force_on(day)}
            allowed = in_force if allowed is None else allowed & in_force
        return allowed

    def _bm25_ranking(self, terms: list[str], allowed: set[str] | None) -> list[int]:
        if not terms:
            return []
        scores = np.asarray(self._bm25.get_scores(terms))
        order = np.argsort(-scores, kind="stable")
        return [
            int(i)
            for i in order[:CANDIDATES * 4]
            if scores[i] > 0 and (allowed is None or self.articles[i].doc_id in allowed)
        ][:CANDIDATES]

    def _dense_ranking(self, prepared: PreparedQuery, allowed: set[str] | None) -> list[int]:
        if allowed is not None and not allowed:
            return []
        where = {"doc_id": {"$in": sorted(allowed)}} if allowed is not None else None
        vector = self.embedder.embed([prepared.normalised])
        result = self.collection.query(
            query_embeddings=vector,
            n_results=min(CANDIDATES, len(self.articles)),
            where=where,  # type: ignore[arg-type]
            include=[],
        )
        return [self._by_id[chunk_id] for chunk_id in result["ids"][0] if chunk_id in self._by_id]


@cache
def _domain_terms() -> frozenset[str]:
    return frozenset(term.lower() for term in domain_terms())


def _reciprocal_rank_fusion(rankings: list[list[int]]) -> list[tuple[int, float]]:
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, index in enumerate(ranking):
            scores[index] = scores.get(index, 0.0) + 1.0 / (RRF_K + rank + 1)
    return sorted(scores.items(), key=lambda item: -item[1])
