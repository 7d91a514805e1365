"""The one object every surface calls: ask, complete a conversation, search, calculate, documents and articles."""

from __future__ import annotations

import logging
import secrets
import unicodedata
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from assistant.bootstrap import OpenIndex, open_index
from assistant.citations import cite
from assistant.conversation.composer import Composed, Composer
from assistant.conversation.context import read_context
from assistant.conversation.plan import Planner
from assistant.conversation.plan_records import Plan
from assistant.conversation.sessions import Session, SessionStore
from assistant.conversation.understand import understand
from assistant.errors import InputError, MessageTooLong
from assistant.language import Language
from assistant.llm.client import chat_model
from assistant.match.matcher import PolicyMatcher
from assistant.match.profile import CompanyProfile
from assistant.match.records import MatchResult
from assistant.records import Answer, AwardEstimate, Calculation, Citation, SearchResult, Status, Verdict
from assistant.retrieval import INDEX_CHECK_SECONDS, HybridRetriever, RetrievalMode
from assistant.rules.book import RuleBook, rule_book
from assistant.rules.calculator import AwardCalculator, CalculationError, Item
from assistant.settings import Settings
from assistant.store import store_engine
from index.articles import Article
from index.documents import Catalogue, catalogue
from index.embedders import Embedder
from index.store import LoadedVersion
from index.yaml_data import read_yaml

if TYPE_CHECKING:  # LangChain (about 0.4 s of imports) loads only when a chat model is configured
    from langchain_core.language_models import BaseChatModel

    from assistant.article_prior import ArticlePrior  # scikit-learn (about 1.4 s) only when a prior is on
    from assistant.llm.written import CheckedWriter
    from assistant.scope_prior import ScopePrior

WRITABLE = {Status.ANSWERED, Status.NOT_SPECIFIED}
WARM_UP_FILE = Path(__file__).resolve().parent / "data" / "warm_up.yaml"
Learned = TypeVar("Learned")  # a learned model (the article prior, the scope prior)

log = logging.getLogger(__name__)

__all__ = ["ContextTurn", "Engine", "InputError", "MessageTooLong", "Turn"]


@dataclass(frozen=True)
class ContextTurn:
    """An earlier exchange a client resends with its question (OpenAI style): what was asked, what was replied."""

    question: str
    reply: str = ""


@dataclass(frozen=True)
class Turn:
    """One answered turn not saved yet: the message as the engine read it, the answer, and the session
    the turn belongs to (without this turn)."""

    message: str
    answer: Answer
    session: Session


class Engine:
    """Answers questions (with the session's memory), searches the articles and computes award ceilings.

    Every method raises ``InputError`` (an ``AssistantError``) for a request it refuses, with a message
    for the user; the calculator's ``UnknownRule`` and ``CalculationError`` pass through unchanged.
    """

    def __init__(self, settings: Settings, retriever: HybridRetriever, book: RuleBook, cat: Catalogue,
                 chat_model: BaseChatModel | None = None) -> None:
        self.settings = settings
        self.writer: CheckedWriter | None = None
        if chat_model is not None:
            from assistant.llm.written import CheckedWriter

            self.writer = CheckedWriter(chat_model, self)
        self.retriever = retriever
        self.book = book
        self.catalogue = cat
        self.scope_prior = _scope_prior(settings)
        # through a weak reference: an engine and its calculator are no reference cycle, so a replaced engine
        # (and its index version) is freed as soon as its last request ends, without a garbage collection
        cite = weakref.WeakMethod(self._cite_measure)
        self.calculator = AwardCalculator(book, lambda measure: _alive(cite)(measure))
        self.sessions = SessionStore(
            store_engine(settings), settings.session_ttl_seconds, settings.max_sessions, settings.max_session_turns
        )

    @classmethod
    def from_settings(cls, settings: Settings, build_if_missing: bool = True, index: OpenIndex | None = None,
                      embedder: Embedder | None = None) -> Engine:
        """The engine over ``index``, or over the active version ``open_index`` opens (building it when
        missing and ``build_if_missing``, under the build lock; raises ``IndexMissing`` otherwise).
        ``embedder`` reuses one already loaded."""
        index = index or open_index(settings, build_if_missing=build_if_missing, embedder=embedder)
        retriever = HybridRetriever(index.version, index.embedder, catalogue(), RetrievalMode(settings.retrieval_mode),
                                    index_check_seconds=_index_check_seconds(settings), prior=_article_prior(settings))
        return cls(settings, retriever, rule_book(), catalogue(), chat_model(settings))

    @property
    def index_version(self) -> str:
        """The index version this engine answers from."""
        return self.retriever.index.version

    def on_version(self, version: LoadedVersion) -> Engine:
        """This engine over another index version: the same embedder, rules, sessions and chat model."""
        retriever = HybridRetriever(version, self.retriever.embedder, self.catalogue, self.retriever.mode,
                                    index_check_seconds=self.retriever.index_check_seconds, prior=self.retriever.prior)
        fresh = Engine(self.settings, retriever, self.book, self.catalogue)
        fresh.writer = self.writer
        fresh.sessions = self.sessions
        return fresh

    def warm_up(self) -> None:
        """Runs the answer path once per language without touching any session, so the first real
        question finds the embedder's weights, jieba, BM25, the Chroma query and the answer templates
        loaded. Raises what a question would raise (``IndexMissing``, Chroma errors)."""
        for question in warm_up_questions():
            self._answer(question, Session(id="warm-up"))

    # --- lookups -------------------------------------------------------------------------------
    def citation(self, article: Article) -> Citation:
        """The citation of ``article`` with its document's validity on the settings' day."""
        return cite(article, self.catalogue, self.settings.current_date())

    def search(self, query: str, k: int = 5, in_force_only: bool = False) -> list[SearchResult]:
        """The ``k`` (1–50) best articles for ``query``, best first; raises ``InputError`` for an empty query."""
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
        """The citation of the article ``chunk_id`` (``policy2024:05``), or None when the index has none."""
        article = self.retriever.article(chunk_id)
        return self.citation(article) if article else None

    # --- awards --------------------------------------------------------------------------------
    def calculate(self, rule_id: str, inputs: Mapping[str, Any], language: Language = Language.SIMPLIFIED) -> Calculation:
        """One item's ceiling in yuan on the settings' day (see ``AwardCalculator.calculate`` for the errors)."""
        return self.calculator.calculate(rule_id, inputs, self.settings.current_date(), language)

    def estimate(self, items: Sequence[Item], language: Language = Language.SIMPLIFIED) -> AwardEstimate:
        """Several items' ceilings with the annual caps across them (see ``AwardCalculator.estimate``)."""
        return self.calculator.estimate(items, self.settings.current_date(), language)

    def match(self, profile: CompanyProfile, language: str = "zh") -> MatchResult:
        """Every measure ``profile`` may claim today (``language`` zh or en), ceilings from the rules engine.

        Raises ``InputError`` when an amount of the profile cannot be computed with."""
        try:
            return PolicyMatcher(self.calculator, self.catalogue).match(profile, self.settings.current_date(), language)
        except CalculationError as error:
            raise InputError(str(error)) from error

    def _cite_measure(self, measure: str) -> Citation:
        article = self.retriever.article(f"{self.book.document}:{measure}")
        if article is None:
            raise CalculationError(f"the index holds no article {measure} of {self.book.document}")
        return self.citation(article)

    # --- conversation --------------------------------------------------------------------------
    def ask(self, message: str, session_id: str | None = None) -> Answer:
        """The answer to one turn. ``session_id`` continues a conversation this server issued and that has not
        expired; any other id (or none) starts a new one, whose fresh id the answer carries (with
        ``session_restarted`` true when an id was sent).

        Raises ``InputError`` for an empty message, ``MessageTooLong`` past ``PA_MAX_MESSAGE_CHARS``."""
        turn = self.turn(message, session_id)
        self.sessions.record(turn.session, turn.message, turn.answer.answer)
        return turn.answer

    def turn(self, message: str, session_id: str | None = None) -> Turn:
        """``ask`` without saving the session: the caller records the turn with ``sessions.record`` (with
        the turn's log row, in one transaction). Raises as ``ask``."""
        message = self._clean(message)
        session = self.sessions.get(session_id)
        answer = self._turn(message, session)
        if session_id and session.id != session_id:
            answer.session_restarted = True  # an id this server never issued, or one expired: said, never silent
        return Turn(message, answer, session)

    def complete(self, context: Sequence[ContextTurn], message: str) -> Answer:
        """The answer to ``message`` given the earlier exchanges a client resent (OpenAI-compatible clients).

        The context is understood, never answered again: its questions fill the award slots and the
        document referred to, as a session's earlier turns would, and only ``message`` is one engine turn
        (one model call when an LLM is configured). Nothing is kept: the session lives for this call only.
        Only the last ``PA_MAX_SESSION_TURNS`` exchanges are read. Raises as ``ask``.
        """
        message = self._clean(message)
        session = Session(id=secrets.token_urlsafe(12))
        for turn in context[-self.settings.max_session_turns :]:
            question = _printable(turn.question)
            if question:
                try:
                    self._understood(question, session)
                except (CalculationError, InputError) as error:  # a context question that cannot be planned adds nothing
                    log.info("context question skipped: %s", error)
            session.turns.append((turn.question, turn.reply))
        return self._turn(message, session)

    def _turn(self, message: str, session: Session) -> Answer:
        """The answer of one turn: deterministic, then the model's when one is configured and the guard passes it."""
        answer, plan = self._answer(message, session)
        if self.writer is not None and answer.status in WRITABLE:
            answer = self.writer.answer(plan, answer)
        return answer

    def _understood(self, message: str, session: Session) -> tuple[Plan, Composed]:
        """Understand → scope and plan → compose, remembering in ``session`` what the turn was about."""
        # the earlier turns, read again from the stored ones: an elliptical turn ("那细胞治疗的呢？") asks the
        # last covered turn's ask, and the facts stated earlier hold
        context = read_context([q for q, _ in session.turns], session.current_document, self.catalogue)
        question = understand(message, session.current_document, self.catalogue, context.previous, context.facts,
                              context.earlier)
        # the learned article prior ranks a conversation's first turn; a later turn is ranked by the fusion alone
        retriever = self.retriever.without_prior() if session.turns else self.retriever
        planner = Planner(retriever, self.book, self.calculator, self.catalogue, self.settings.current_date(),
                          self.scope_prior)
        try:
            plan = planner.plan(question, session, question.language)
        except CalculationError as error:
            raise InputError(str(error)) from error
        composed = Composer(self.catalogue, self.settings.current_date(), question.language).compose(plan)
        if composed.articles:
            cited = [a.chunk_id for a in composed.articles]
            # after a turn about the document as a whole, the measure discussed before it stays in reach
            kept = [cid for cid in session.last_chunk_ids if cid not in cited] if plan.about_document_only else []
            session.last_chunk_ids = [*cited, *kept]
            session.current_document = composed.articles[0].doc_id
        return plan, composed

    def _answer(self, message: str, session: Session) -> tuple[Answer, Plan]:
        """The deterministic answer of one turn, with the plan it was composed from."""
        plan, composed = self._understood(message, session)
        language = plan.question.language
        # an estimate whose items a later one of the turn holds again (a running total: "这一步能拿多少？…还能再拿
        # 多少？") is not added twice
        estimates = composed.estimates  # each item once (a running total's earlier step is left out)
        estimate = estimates[0] if len(estimates) == 1 else None
        calculations = [c for e in estimates for c in e.calculations]
        # several estimates whose items share a per-entity annual cap (a cell therapy's stage beside other drugs'
        # stages of （五）): the cap holds across them
        joint = composed.joint if estimate is None else None
        total = estimate.total_yuan if estimate else joint.total_yuan if joint else (
            sum(e.total_yuan for e in estimates) if estimates else None)
        if composed.alternatives or len({c.kind for c in calculations}) > 1:
            total = None  # one or the other, never both; a guarantee's ceiling is no grant to add to one
        if len(estimates) > 1 and joint is None and not plan.question.asks_total:
            total = None  # separate asks' figures ("1. …最高多少？2. …每个项目多少？") were not asked as one sum
        return Answer(session_id=session.id, answer=composed.text, status=composed.status,
                      citations=[self.citation(a) for a in composed.articles], calculations=calculations,
                      total_yuan=total, language=language, retrieved=plan.retrieved,
                      verdicts=[Verdict(measure=m, verdict=v) for m, v in composed.verdicts],
                      options=composed.options), plan

    def _clean(self, text: str) -> str:
        if not isinstance(text, str):
            raise InputError("the message must be text")
        cleaned = _printable(text)
        if not cleaned:
            raise InputError("the message is empty")
        # the limit counts what the question path reads: NFKC expands some characters (U+FDFA is 18)
        length = len(unicodedata.normalize("NFKC", cleaned))
        if length > self.settings.max_message_chars:
            raise MessageTooLong(
                f"the message has {length} characters after normalisation; the limit is {self.settings.max_message_chars}"
            )
        return cleaned


def _article_prior(settings: Settings) -> ArticlePrior | None:
    """The learned article prior of the settings (None when ``PA_ARTICLE_PRIOR`` is off), read once per process."""
    if not settings.article_prior:
        return None
    from assistant.article_prior import ArticlePrior

    return _loaded_once(ArticlePrior.load_or_fit, settings.cache_dir)


def _scope_prior(settings: Settings) -> ScopePrior | None:
    """The learned scope prior of the settings (None when ``PA_SCOPE_PRIOR`` is off), read once per process."""
    if not settings.scope_prior:
        return None
    from assistant.scope_prior import ScopePrior

    return _loaded_once(ScopePrior.load_or_fit, settings.cache_dir)


@cache
def _loaded_once(load: Callable[[Path], Learned], cache_dir: Path | None) -> Learned:
    """``load``'s model of the cache directory (the default one when None), loaded or fitted once per process
    (scikit-learn, about 1.4 s of imports, only when a learned model is on)."""
    from assistant.text_model import default_cache_dir

    return load(cache_dir or default_cache_dir())


def _index_check_seconds(settings: Settings) -> float:
    """Embedded Chroma is asked whether it holds the version at most once a second; a Chroma server on every
    dense search (a server that went away is a 503 at once)."""
    return 0.0 if settings.chroma_host else INDEX_CHECK_SECONDS


def _printable(text: str) -> str:
    """``text`` without control characters (newlines and tabs kept), stripped."""
    return "".join(ch for ch in text if ch.isprintable() or ch in "\n\t").strip()


def _alive(method: weakref.WeakMethod) -> Any:
    bound = method()
    assert bound is not None, "the engine of this calculator is gone"
    return bound


@cache
def warm_up_questions() -> tuple[str, ...]:
    """The questions every serving process asks itself before it reports ready (``data/warm_up.yaml``)."""
    return tuple(read_yaml(WARM_UP_FILE)["questions"])
