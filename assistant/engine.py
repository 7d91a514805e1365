"""The one object every surface calls: ask, search, calculate, list rules, documents and articles."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from langchain_core.language_models import BaseChatModel

from assistant.citations import cite
from assistant.conversation.composer import Composer
from assistant.conversation.plan import Plan, Planner
from assistant.conversation.sessions import Session, SessionStore
from assistant.conversation.understand import understand
from assistant.language import Language
from assistant.llm.client import chat_model
from assistant.llm.written import CheckedWriter
from assistant.records import Answer, AwardEstimate, Calculation, Citation, SearchResult, Status, Verdict
from assistant.retrieval import HybridRetriever, RetrievalMode
from assistant.rules.book import RuleBook, rule_book
from assistant.rules.calculator import AwardCalculator, CalculationError, Item
from assistant.settings import Settings
from assistant.store import store_engine
from index.articles import Article
from index.documents import Catalogue, catalogue
from index.embedders import make_embedder
from index.parsers import parse_corpus
from index.store import IndexMissing, active_collection, build_index, connect

WRITABLE = {Status.ANSWERED, Status.NOT_SPECIFIED}

log = logging.getLogger(__name__)


class InputError(ValueError):
    """A request the engine refuses, with a message for the user."""


class MessageTooLong(InputError):
    """A message over the configured length (HTTP 413 rather than 422)."""


@dataclass(frozen=True)
class Turn:
    answer: Answer
    session: Session


class Engine:
    def __init__(self, settings: Settings, retriever: HybridRetriever, book: RuleBook, cat: Catalogue,
                 chat_model: BaseChatModel | None = None) -> None:
        self.settings = settings
        self.writer = CheckedWriter(chat_model, self) if chat_model is not None else None
        self.retriever = retriever
        self.book = book
        self.catalogue = cat
        self.calculator = AwardCalculator(book, self._cite_measure)
        self.sessions = SessionStore(
            store_engine(settings), settings.session_ttl_seconds, settings.max_sessions, settings.max_session_turns
        )

    @classmethod
    def from_settings(cls, settings: Settings, build_if_missing: bool = True) -> Engine:
        embedder = make_embedder(settings.embedding_backend, settings.embedding_model)
        client = connect(settings.data_dir, settings.chroma_host, settings.chroma_port)
        try:
            collection = active_collection(client)
        except IndexMissing:
            if not build_if_missing:
                raise
            build_index(client, parse_corpus(), embedder)
            collection = active_collection(client)
        retriever = HybridRetriever(collection, embedder, catalogue(), RetrievalMode(settings.retrieval_mode))
        return cls(settings, retriever, rule_book(), catalogue(), chat_model(settings))

    # --- lookups -------------------------------------------------------------------------------
    def citation(self, article: Article) -> Citation:
        return cite(article, self.catalogue, self.settings.current_date())

    def search(self, query: str, k: int = 5, in_force_only: bool = False) -> list[SearchResult]:
        query = self._clean(query)
        if not 1 <= k <= 50:
            raise InputError("k must be between 1 and 50")
        day = self.settings.current_date() if in_force_only else None
        return [
            SearchResult(**self.citation(hit.article).model_dump(), score=round(hit.score, 6),
                         matched_terms=list(hit.matched_terms))
            for hit in self.retriever.search(query, k=k, in_force_on=day, prefer_on=self.settings.current_date())
        ]

    def article(self, chunk_id: str) -> Citation | None:
        article = self.retriever.article(chunk_id)
        return self.citation(article) if article else None

    # --- awards --------------------------------------------------------------------------------
    def calculate(self, rule_id: str, inputs: Mapping[str, Any], language: str = "zh") -> Calculation:
        return self.calculator.calculate(rule_id, inputs, self.settings.current_date(), language)

    def estimate(self, items: Sequence[Item], language: str = "zh") -> AwardEstimate:
        return self.calculator.estimate(items, self.settings.current_date(), language)

    def _cite_measure(self, measure: str) -> Citation:
        article = self.retriever.article(f"{self.book.document}:{measure}")
        if article is None:
            raise CalculationError(f"the index holds no article {measure} of {self.book.document}")
        return self.citation(article)

    # --- conversation --------------------------------------------------------------------------
    def ask(self, message: str, session_id: str | None = None) -> Answer:
        """The answer to one turn. ``session_id`` continues a conversation this server issued and that has not
        expired; any other id (or none) starts a new one, whose fresh id the answer carries.

        Raises ``InputError`` (``MessageTooLong``) for a message the engine refuses."""
        message = self._clean(message)
        session = self.sessions.get(session_id)
        answer, plan = self._answer(message, session)
        if self.writer is not None and answer.status in WRITABLE:
            answer = self.writer.answer(plan, answer)
        self.sessions.record(session, message, answer.answer)
        return answer

    def _answer(self, message: str, session: Session) -> tuple[Answer, Plan]:
        """Understand → scope and plan → compose: the deterministic answer of one turn."""
        question = understand(message, session.current_document, self.catalogue)
        language = question.language
        english = "en" if language is Language.ENGLISH else "zh"
        planner = Planner(self.retriever, self.book, self.calculator, self.catalogue, self.settings.current_date())
        try:
            plan = planner.plan(question, session, english)
        except CalculationError as error:
            raise InputError(str(error)) from error
        composed = Composer(self.catalogue, self.settings.current_date(), language).compose(plan)
        if composed.articles:
            session.last_chunk_ids = [a.chunk_id for a in composed.articles]
            session.current_document = composed.articles[0].doc_id
        estimate = composed.estimates[0] if len(composed.estimates) == 1 else None
        calculations = [c for e in composed.estimates for c in e.calculations]
        total = estimate.total_yuan if estimate else (
            sum(e.total_yuan for e in composed.estimates) if composed.estimates else None)
        if composed.alternatives:
            total = None
        return Answer(session_id=session.id, answer=composed.text, status=composed.status,
                      citations=[self.citation(a) for a in composed.articles], calculations=calculations,
                      total_yuan=total, language=language.value, retrieved=plan.retrieved,
                      verdicts=[Verdict(measure=m, verdict=v) for m, v in composed.verdicts],
                      options=composed.options), plan

    def _clean(self, text: str) -> str:
        if not isinstance(text, str):
            raise InputError("the message must be text")
        cleaned = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t").strip()
        if not cleaned:
            raise InputError("the message is empty")
        if len(cleaned) > self.settings.max_message_chars:
            raise MessageTooLong(
                f"the message has {len(cleaned)} characters; the limit is {self.settings.max_message_chars}"
            )
        return cleaned
