"""Hybrid retrieval: BM25 over jieba tokens and Chroma's dense vectors, fused by normalised score.

BM25 is built from the records stored in Chroma (not from the source files), so Chroma stays the one
source of truth and a search never sees a chunk the vector store does not hold. The tokens are stored
with each chunk when the index is built, so a worker starting or following a reindex does not cut the
corpus again; a version's tokens, BM25 model and vectors are kept in a local snapshot
(``index.snapshot``), so a worker does not read them back from Chroma or index BM25 again either.

Fusion adds the two scores after putting each on a 0–1 scale (BM25 divided by the best BM25 score,
cosine similarity min–max scaled over the dense candidates). Reciprocal-rank fusion was measured first
and lost to BM25 alone on this corpus (hit@1 0.87 against 0.89): it throws away how far ahead the
best keyword match is, which on a corpus of numbered measures with their own vocabulary is the
strongest signal there is. The eval report keeps both figures (``rrf`` beside ``hybrid``).

``sentences`` searches the articles' sentences one by one (``index.sentences``): the sentence that
states an asked figure, wherever it stands (a press answer of a thousand characters states its
background facts in one sentence each). Adding an article's best-sentence score into its keyword score
was measured too (weights 0.25–1 beside the article's own): it moved the question set's hit@1 between
0.957 and 0.971 (0.971 without) and answered no more everyday questions, so articles rank by their own.
"""

from __future__ import annotations

import copy
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import numpy as np

from assistant.errors import IndexMissing
from assistant.query import PreparedQuery, prepare
from assistant.settings import RetrievalMode
from index import snapshot
from index.articles import Article
from index.documents import Catalogue, DocumentStatus
from index.embedders import Embedder
from index.normalise import normalise
from index.store import IndexMissing as StoreIndexMissing
from index.store import LoadedVersion
from index.tokens import domain_terms, tokenize

if TYPE_CHECKING:  # scikit-learn is imported when a prior is made, not by every import of the retriever
    from assistant.article_prior import ArticlePrior

RRF_K = 60
INDEX_CHECK_SECONDS = 1.0  # with embedded Chroma, a dense search asks whether it still holds the version at most this often
QUERY_CACHE_SIZE = 256  # prepared texts kept: a turn's few, for the turns in progress
_CJK = re.compile(r"[\u4e00-\u9fff]")
CANDIDATES = 50
# Weight of the scaled dense score against the scaled BM25 score. Measured on the dev split for 20,
# 50 and all 96 dense candidates and weights 0.2–0.8: 0.5 stays at hit@1 0.93–0.95 and hit@3 0.97–0.98
# for every candidate count (0.2 loses hit@3, 0.8 loses hit@1 when the candidates are few).
DENSE_WEIGHT = 0.5
# Weight of the share of an article's title words found in the question: hotline staff type a
# measure's title ("持续加大创新药研发支持力度") and expect that measure, not one that repeats its words.
TITLE_WEIGHT = 0.5
# Soft document preferences of ``search(prefer_on=day)``: a document the question names by an alias
# counts more, one no longer in force on that day (and not named) a little less.
NAMED_DOCUMENT_FACTOR = 1.15
LAPSED_DOCUMENT_FACTOR = 0.85
# Reply letters and press transcripts explain the policy; on a near tie the policy's own article is
# the better citation.
REFERENCE_DOCUMENT_FACTOR = 0.9


@dataclass(frozen=True)
class Hit:
    article: Article
    score: float
    matched_terms: tuple[str, ...]


@dataclass(frozen=True)
class SentenceHit:
    """One sentence of ``article`` (verbatim), its BM25 score divided by the best sentence's (0–1] and the
    query's terms it holds."""

    article: Article
    sentence: str
    score: float
    matched_terms: tuple[str, ...]


class HybridRetriever:
    def __init__(
        self,
        index: LoadedVersion,
        embedder: Embedder,
        catalogue: Catalogue,
        mode: RetrievalMode = RetrievalMode.HYBRID,
        index_check_seconds: float = INDEX_CHECK_SECONDS,
        prior: ArticlePrior | None = None,
    ) -> None:
        """``index_check_seconds``: how often a dense search asks the index store whether it still holds the
        version (0: every search, as over a Chroma server, whose going away must be a 503 at once).
        ``prior``: the learned P(article | question) by which the best candidates may be put in order
        (``_with_prior``; None: the ranking is the fusion's alone)."""
        if mode is not RetrievalMode.BM25 and not embedder.dense:
            mode = RetrievalMode.BM25
        # the tokens and BM25 model of the version (its local snapshot's, or indexed here from the stored tokens)
        index = snapshot.searchable(index)
        self.index = index
        self.embedder = embedder
        self.catalogue = catalogue
        self.mode = mode
        self.prior = prior
        self.dense_weight = DENSE_WEIGHT
        self.articles: list[Article] = list(index.articles)
        self._by_id = {a.chunk_id: i for i, a in enumerate(self.articles)}
        self._doc_ids = np.asarray([a.doc_id for a in self.articles])
        self._tokens: list[list[str]] = [tokens or [] for tokens in index.tokens]  # every one cut: see searchable
        self._titles = [normalise(a.title).lower() for a in self.articles]
        self._texts: list[str] | None = None  # every article's text normalised as a question is, once asked for
        self.title_weight = TITLE_WEIGHT
        assert index.bm25 is not None and index.sentences is not None
        self._bm25 = index.bm25
        self._sentences = index.sentences
        self._sentence_docs = self._doc_ids[index.sentences.rows[:, 0]] if len(index.sentences.rows) else self._doc_ids[:0]
        self._vocabulary = set(self._bm25.vocab_dict)
        self.index_check_seconds = index_check_seconds
        self._checked = -index_check_seconds - 1.0  # when the index store last confirmed it holds the version
        self._vector = lru_cache(maxsize=QUERY_CACHE_SIZE)(self._embed)  # a normalised text's vector, once per text
        self._bm25_of = lru_cache(maxsize=QUERY_CACHE_SIZE)(self._bm25_all)  # the scores of a list of terms, once per list
        self._statuses = lru_cache(maxsize=8)(self._document_statuses)  # each document's status on a day, once per day

    def _embed(self, normalised: str) -> np.ndarray:
        return np.asarray(self.embedder.embed([normalised]), dtype=np.float32)[0]

    def _document_statuses(self, day: date) -> dict[str, DocumentStatus]:
        return {d.id: d.status_on(day) for d in self.catalogue.documents}

    def _bm25_all(self, terms: tuple[str, ...]) -> np.ndarray:
        """Every article's BM25 score for ``terms`` (read-only: kept and shared). A turn weighs the same
        words several times (its scope, its topic, its search)."""
        scores = np.asarray(self._bm25.get_scores(list(terms)))
        scores.flags.writeable = False
        return scores

    def article(self, chunk_id: str) -> Article | None:
        index = self._by_id.get(chunk_id)
        return self.articles[index] if index is not None else None

    def search(
        self,
        query: str,
        k: int = 5,
        doc_ids: Iterable[str] | None = None,
        in_force_on: date | None = None,
        prefer_on: date | None = None,
    ) -> list[Hit]:
        """The ``k`` best articles; optionally only from ``doc_ids`` or documents in force on a day.

        ``prefer_on`` keeps every document but favours the ones the question names and, among the
        others, the ones in force on that day (a question about "创新药研发支持" means the policy in
        force, not the expired district plan, unless it says "浦东").
        """
        prepared, tokens = _prepared(query)
        allowed = self._allowed_docs(doc_ids, in_force_on)
        query_terms = [t for t in tokens if t in self._vocabulary]
        keyword = self._bm25_scores(query_terms, allowed) if self.mode is not RetrievalMode.DENSE else {}
        dense = self._dense_scores(prepared, allowed) if self.mode is not RetrievalMode.BM25 else {}
        if self.mode is RetrievalMode.RRF:
            scores = _reciprocal_rank_fusion([_ranking(keyword), _ranking(dense)])
        else:
            scores = _score_fusion(keyword, dense, self.dense_weight)
            self._add_title_overlap(scores, prepared.normalised.lower())
        if prefer_on is not None:
            self._prefer_documents(scores, prepared.normalised, prefer_on)
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        if self.prior is not None:
            ranked = self._with_prior(ranked, query, k)
        hits = []
        for index, score in ranked[:k]:
            present = set(self._tokens[index])
            terms = tuple(t for t in dict.fromkeys(query_terms) if t in present)
            hits.append(Hit(self.articles[index], score, terms))
        return hits

    def without_prior(self) -> HybridRetriever:
        """This retriever ranking by the fusion alone (the same index, caches and filters). The prior learned
        what standalone questions and conversations' first turns mean; a later turn leans on the turns
        before it ("R&D spend was about RMB 30 million. So how much exactly?"), which it never saw."""
        if self.prior is None:
            return self
        plain = copy.copy(self)
        plain.prior = None
        return plain

    def _with_prior(self, ranked: list[tuple[int, float]], query: str, k: int) -> list[tuple[int, float]]:
        """The best ``prior.candidates`` (at least ``k``) of ``ranked`` put in the order of their fusion score
        plus ``weight × P(article | query)`` (ties keep the fusion's order) when the prior gives one article
        at least ``min_probability``; else in the fusion's order. The prior decides the order only:
        the n-th hit keeps the fusion's n-th score, so how far ahead the best hit is, which the planner's
        closeness checks read, stays the fusion's. It never brings in an article the fusion did not rank (a
        document filter holds)."""
        assert self.prior is not None
        probabilities = self.prior.probabilities(query)
        candidates = ranked[: max(k, self.prior.candidates)]
        if max(probabilities.values(), default=0.0) < self.prior.min_probability:
            return candidates  # not sure of any article: the fusion's order (and a vague ask's ask-back) stands
        weight = self.prior.weight
        reordered = sorted(candidates, key=lambda item: -(item[1] + weight * probabilities.get(self.articles[item[0]].chunk_id, 0.0)))
        return [(index, score) for (index, _), (_, score) in zip(reordered, candidates, strict=True)]

    def sentences(self, query: str, k: int = 5, doc_ids: Iterable[str] | None = None) -> list[SentenceHit]:
        """The ``k`` sentences that match ``query``'s words best (BM25 over sentences), optionally only
        from ``doc_ids``; each score divided by the best one's, with the query's terms it holds."""
        terms = _prepared(query)[1]
        scores = self._sentences.scores(terms)
        if doc_ids is not None:
            scores = np.where(np.isin(self._sentence_docs, sorted(set(doc_ids))), scores, 0.0)
        rows = [int(row) for row in np.argsort(-scores, kind="stable")[:k] if scores[row] > 0]
        if not rows:
            return []
        best = float(scores[rows[0]])
        hits = []
        for row in rows:
            sentence = self._sentences.text_of(row, self.articles)
            present = set(tokenize(sentence))
            hits.append(SentenceHit(self.articles[self._sentences.article_of(row)], sentence, float(scores[row]) / best,
                                    tuple(t for t in dict.fromkeys(terms) if t in present)))
        return hits

    def article_share(self, term: str) -> float:
        """The share of the articles whose tokens hold ``term`` (one token, lower case): 0 for a word the
        corpus never uses, small for one only a few articles use. Read from the BM25 model's term columns
        (one stored score per article holding the term)."""
        return float(self._articles_holding(term)) / len(self.articles) if self.articles else 0.0

    def rare_terms(self, query: str, min_chars: int, max_articles: int) -> list[str]:
        """The search terms of ``query`` of at least ``min_chars`` characters that one to ``max_articles`` articles
        hold ("外资研发中心"): words naming a subject few measures speak of, in the order said."""
        return [term for term in dict.fromkeys(_prepared(query)[1])
                if len(term) >= min_chars and 0 < self._articles_holding(term) <= max_articles]

    def _articles_holding(self, term: str) -> int:
        """How many articles' tokens hold ``term`` (one token, lower case): its BM25 column's stored scores."""
        column = self._bm25.vocab_dict.get(term)
        if column is None:
            return 0
        starts = self._bm25.scores["indptr"]
        return int(starts[column + 1] - starts[column])

    def quoted_articles(self, query: str, min_chars: int, max_articles: int = 2) -> set[str]:
        """The articles (chunk ids) ``query`` quotes: those holding a run of at least ``min_chars`` characters of
        ``query`` that at most ``max_articles`` articles' texts hold ("听说这种项目可以视同市级科研课题" quotes
        （十一）'s words; "考核目标里说看药物临床试验批件获得数量" quotes （四）'s, which the press answer repeats).
        Empty when every such run is common to more articles."""
        texts = self._normalised_texts()
        quoted: set[str] = set()
        for run in HAN_RUN.findall(normalise(query)):  # words, not a stage's or a figure's label ("III期临床")
            for start in range(len(run) - min_chars + 1):
                holding = [i for i, text in enumerate(texts) if run[start:start + min_chars] in text]
                end = start + min_chars
                while holding and len(holding) > max_articles and end < len(run):
                    holding = [i for i in holding if run[start:end + 1] in texts[i]]  # a longer run: fewer hold it
                    end += 1
                if 0 < len(holding) <= max_articles:
                    quoted.update(self.articles[i].chunk_id for i in holding)
        return quoted

    def _normalised_texts(self) -> list[str]:
        if self._texts is None:
            self._texts = [normalise(a.text) for a in self.articles]
        return self._texts

    def holds_every_term(self, chunk_id: str, query: str) -> bool:
        """Whether the article ``chunk_id`` holds every search term of ``query`` the corpus uses (at least one):
        False for an unknown article or a query of no such term."""
        index = self._by_id.get(chunk_id)
        terms = {t for t in _prepared(query)[1] if t in self._vocabulary}
        return index is not None and bool(terms) and terms <= set(self._tokens[index])

    def keyword_score(self, query: str) -> float:
        """The best BM25 score of any article: near zero when the query shares no policy words."""
        return self._best_bm25(list(_prepared(query)[1]))

    def known_share(self, query: str) -> tuple[int, int]:
        """(known, all): the query's Chinese words of two or more characters and its domain terms in any script
        ("CVC", "CMO"), and how many of them the corpus uses. A question whose words the sources never use is not
        about them."""
        terms = _domain_terms()
        words = [t for t in dict.fromkeys(_prepared(query)[1]) if len(t) >= 2 and (_CJK.search(t) or t in terms)]
        return sum(1 for t in words if t in self._vocabulary), len(words)

    def query_vector(self, query: str) -> np.ndarray:
        """The dense vector of ``query`` (float32, unit length), computed once per text: the scope step and
        the dense search of a turn read the same vector. Raises ``ValueError`` with no dense embedder."""
        if not self.embedder.dense:
            raise ValueError("no dense embedder")
        return self._vector(normalise(query))

    def nearest_similarity(self, vector: np.ndarray) -> float:
        """The cosine similarity of the article closest to ``vector``."""
        return float(np.max(self.index.vectors @ vector)) if len(self.articles) else 0.0

    def terms_used(self, query: str) -> tuple[str, ...]:
        """The search terms of ``query`` that the corpus uses, in the query's order, each once."""
        return tuple(dict.fromkeys(t for t in _prepared(query)[1] if t in self._vocabulary))

    def uses_word(self, word: str) -> bool:
        """Whether ``word`` (one token, lower case) occurs in the corpus."""
        return word in self._vocabulary

    def is_about_policy(self, query: str, min_score: float) -> bool:
        """A policy term of ``terms.txt`` in the query, or enough keyword overlap with some article."""
        tokens = list(_prepared(query)[1])
        return bool(set(tokens) & _domain_terms()) or self._best_bm25(tokens) >= min_score

    def _best_bm25(self, tokens: list[str]) -> float:
        terms = tuple(t for t in tokens if t in self._vocabulary)
        return float(np.max(self._bm25_of(terms))) if terms else 0.0

    def _allowed_docs(self, doc_ids: Iterable[str] | None, day: date | None) -> set[str] | None:
        allowed = set(doc_ids) if doc_ids is not None else None
        if day is not None:
            in_force = {d.id for d in self.catalogue.documents if d.in_force_on(day)}
            allowed = in_force if allowed is None else allowed & in_force
        return allowed

    def _add_title_overlap(self, scores: dict[int, float], text: str) -> None:
        """Add the share of the title that the question repeats as one unbroken run of characters."""
        runs = _Runs(text)
        for index in scores:
            title = self._titles[index]
            if title:
                scores[index] += self.title_weight * (runs.longest_in(title) / len(title))

    def _prefer_documents(self, scores: dict[int, float], text: str, day: date) -> None:
        named = self.catalogue.named_in(text)
        status = self._statuses(day)

        def factor(doc_id: str) -> float:
            if doc_id in named:
                return NAMED_DOCUMENT_FACTOR
            if doc_id not in status or status[doc_id] is DocumentStatus.REFERENCE:
                return REFERENCE_DOCUMENT_FACTOR
            return 1.0 if status[doc_id] is DocumentStatus.IN_FORCE else LAPSED_DOCUMENT_FACTOR

        for index in scores:
            scores[index] *= factor(self.articles[index].doc_id)

    def _bm25_scores(self, terms: list[str], allowed: set[str] | None) -> dict[int, float]:
        """The best BM25 candidates, each divided by the best score (so the top one is 1)."""
        if not terms:
            return {}
        scores = self._bm25_of(tuple(terms))
        order = np.argsort(-scores, kind="stable")[: CANDIDATES * 4]
        order = order[scores[order] > 0]
        if allowed is not None:
            order = order[np.isin(self._doc_ids[order], sorted(allowed))]
        chosen = order[:CANDIDATES]
        if not len(chosen):
            return {}
        values = scores[chosen].tolist()
        best = values[0]
        return {i: value / best for i, value in zip(chosen.tolist(), values, strict=True)}

    def _check_index(self) -> None:
        """Raises ``IndexMissing`` when the index store lost the version; asks it at most every
        ``index_check_seconds`` (a read of embedded Chroma cost a turn about 1 ms of CPU, and waits while a
        build writes to its SQLite file); a failed check is never remembered."""
        now = time.monotonic()
        if self.index_check_seconds and now - self._checked < self.index_check_seconds:
            return
        try:
            self.index.check()
        except StoreIndexMissing as error:
            raise IndexMissing(str(error)) from error
        self._checked = now

    def _dense_scores(self, prepared: PreparedQuery, allowed: set[str] | None) -> dict[int, float]:
        """The nearest candidates by cosine similarity, min–max scaled to 0–1 over the candidates.

        Exact search over the version's vectors held in memory (a few milliseconds at 100× the corpus);
        the index store is still asked whether it holds the version, so a store that lost it answers
        503 here as it does to every other worker."""
        if allowed is not None and not allowed:
            return {}
        self._check_index()
        vector = self._vector(prepared.normalised)
        similarities = self.index.vectors @ vector
        rows = np.flatnonzero(np.isin(self._doc_ids, sorted(allowed))) if allowed is not None else np.arange(len(self.articles))
        if not len(rows):
            return {}
        count = min(CANDIDATES, len(rows))
        nearest = rows[np.argpartition(-similarities[rows], count - 1)[:count]]
        pairs = list(zip(nearest.tolist(), similarities[nearest].tolist(), strict=True))
        low, high = min(s for _, s in pairs), max(s for _, s in pairs)
        spread = high - low or 1.0
        return {index: (similarity - low) / spread for index, similarity in pairs}


class _Runs:
    """The runs of characters of one text, to find the longest one another text repeats (what
    ``difflib.SequenceMatcher(None, other, text, autojunk=False).find_longest_match().size`` finds, in
    half its time: a set lookup per character of the other text). Runs are gathered one length at a time
    as far as a search needs them, so a long text costs only the lengths that match."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._runs = set(text)
        self._length = 1  # every run of the text up to this length is in ``_runs``

    def longest_in(self, other: str) -> int:
        """The length of the longest run of characters that ``other`` and the text share."""
        best, runs, end = 0, self._runs, len(other)
        for start in range(end):
            # a shared run has its beginnings shared too: only one longer than the best so far is looked for
            while start + best < end:
                if best >= self._length:
                    self._gather_longer()
                if other[start:start + best + 1] not in runs:
                    break
                best += 1
        return best

    def _gather_longer(self) -> None:
        self._length += 1
        text, length = self._text, self._length
        self._runs.update(text[i:i + length] for i in range(len(text) - length + 1))


HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")  # a run of Chinese characters: words a question may quote


@lru_cache(maxsize=QUERY_CACHE_SIZE)
def _prepared(query: str) -> tuple[PreparedQuery, tuple[str, ...]]:
    """The prepared query and its search terms. One turn asks the retriever about the same text several
    times (scope, topic, search), and tokenising is the costly part of each."""
    prepared = prepare(query)
    return prepared, tuple(tokenize(prepared.keyword_text))


@cache
def _domain_terms() -> frozenset[str]:
    return frozenset(term.lower() for term in domain_terms())


def _ranking(scores: dict[int, float]) -> list[int]:
    return sorted(scores, key=lambda index: -scores[index])


def _score_fusion(keyword: dict[int, float], dense: dict[int, float], dense_weight: float) -> dict[int, float]:
    return {i: keyword.get(i, 0.0) + dense_weight * dense.get(i, 0.0) for i in keyword.keys() | dense.keys()}


def _reciprocal_rank_fusion(rankings: list[list[int]]) -> dict[int, float]:
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, index in enumerate(ranking):
            scores[index] = scores.get(index, 0.0) + 1.0 / (RRF_K + rank + 1)
    return scores
