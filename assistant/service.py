"""The engine in service: the one engine in use (loaded and warmed at start, following the active index
version on every request, swapped whole by a reindex), and the question log written once per answered
turn, whichever surface asked (API, OpenAI-compatible route, UI, desk).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from assistant.engine import ContextTurn, Engine
from assistant.engine_holder import EngineHolder
from assistant.errors import InputError, NotFound, ReindexFailed
from assistant.records import Answer
from assistant.settings import Settings
from assistant.store import LoggedQuestion, LogReceipt, Store, StoreUnavailable, open_store
from index.embedders import Embedder


class Surface(StrEnum):
    """Where a logged question came from (the log's ``surface`` column)."""

    API = "api"
    API_STREAM = "api-stream"
    OPENAI = "openai"
    UI = "ui"
    DESK = "desk"


class UnknownQuestion(NotFound):
    """No logged answer has the id and feedback token given with a rating (404, the same for either)."""


@dataclass(frozen=True)
class Reindexed:
    """A finished reindex: the engine now serving, its index version, and how many articles were embedded
    (the others kept their vectors)."""

    engine: Engine
    index_version: str
    embedded: int


@dataclass(frozen=True)
class Asked:
    """An answered turn and its log receipt: how to rate it, and whether the log write was deferred."""

    answer: Answer
    receipt: LogReceipt


class Service:
    """What every serving surface shares: the engine in use and the state store (its question log).

    ``engine`` raises ``NotReady`` (503 ``not_ready``) until ``start`` has loaded and warmed an engine,
    and loads the active index version when another worker or machine activated a new one. ``reload``
    builds a new version and swaps a warmed engine in one assignment, so a request never sees half an
    index, and the conversations in progress carry over. ``embedder``, when given, is the one the engine
    loads with (already loaded, e.g. by the supervisor before it forked). Raises ``StoreUnavailable`` when
    the store cannot be opened.
    """

    def __init__(self, settings: Settings, engine: Engine | None = None, store: Store | None = None,
                 embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.holder = EngineHolder(settings, engine, embedder)
        self.store = store or open_store(settings)
        self.log = self.store.questions
        self._reloading = threading.Lock()

    @property
    def engine(self) -> Engine:
        """The engine on the active index version; raises ``NotReady`` while none is loaded."""
        return self.holder.get()

    @property
    def loaded(self) -> bool:
        """Whether an engine is loaded (``engine`` would not raise)."""
        return self.holder.engine is not None

    def start(self) -> Engine:
        """Sizes the thread pools, loads the engine when none was given (building the index when missing)
        and warms it; returns it. Idempotent."""
        if self.holder.ready and self.holder.engine is not None:
            return self.holder.engine
        return self.holder.start()

    def check_index(self) -> Engine:
        """The engine, once it is warm and its index version is present and non-empty in the index store.
        Raises ``NotReady`` or ``IndexMissing`` (503 each)."""
        self.holder.check_index()
        return self.engine

    def ask(self, message: str, session_id: str | None, surface: Surface) -> Asked:
        """One turn of a conversation, logged (a log write the database refuses is deferred, never lost).

        Raises ``InputError`` (422, or ``MessageTooLong`` 413) for a message the engine refuses.
        """
        engine = self.engine
        turn = engine.turn(message, session_id)
        if engine.sessions.database is not self.store.engine:  # sessions kept elsewhere: two writes
            engine.sessions.record(turn.session, turn.message, turn.answer.answer)
            return Asked(turn.answer, self.log.record_answer(message, turn.answer, surface.value))
        entry = self.log.entry(message, turn.answer, surface.value)
        try:  # the session and the log row in one transaction: one commit per turn
            receipt = engine.sessions.record(turn.session, turn.message, turn.answer.answer,
                                             also=lambda connection: self.log.insert(connection, entry))
        except StoreUnavailable as error:
            receipt = self.log.defer(entry, error)
        assert receipt is not None, "record returns what also wrote"
        return Asked(turn.answer, receipt)

    def complete(self, messages: Sequence[tuple[str, str]]) -> Asked:
        """The answer to the last user message of ``(role, text)`` messages; the earlier ones are its context.

        User messages are the questions, each with the assistant reply that followed it; system and
        tool messages are not read. One engine turn, one log row, no session kept.
        Raises ``InputError`` when no user message has text.
        """
        context: list[ContextTurn] = []
        for role, text in messages:
            if role == "user" and text.strip():
                context.append(ContextTurn(text))
            elif role == "assistant" and context and not context[-1].reply:
                context[-1] = ContextTurn(context[-1].question, text)
        if not context:
            raise InputError("messages must contain a user message with text")
        *earlier, last = context
        answer = self.engine.complete(earlier, last.question)
        return Asked(answer, self.log.record_answer(last.question, answer, Surface.OPENAI.value))

    def feedback(self, answer: int | str, rating: str, comment: str | None, token: str) -> None:
        """Rates a logged answer (``like`` / ``dislike``) by its ``answer_id`` (or question id) and the
        feedback token it came with. Raises ``UnknownQuestion`` for a wrong pair (whether or not the id
        exists), ``StoreUnavailable`` when the database refuses."""
        if not self.log.feedback(answer, rating, comment, token=token):
            raise UnknownQuestion("no answer with this id and feedback token")

    def recent(self, limit: int) -> list[LoggedQuestion]:
        """The ``limit`` latest logged questions, newest first; raises ``StoreUnavailable``."""
        return self.log.recent(limit)

    def reload(self) -> Reindexed:
        """Builds a new index version from the sources (unchanged articles keep their vectors), warms an
        engine on it and swaps it in; every other worker follows with its next request.

        Raises ``NotReady`` before ``start``; ``ReindexFailed`` (with the cause) when the rebuild fails,
        the previous index then keeps serving.
        """
        self.engine  # noqa: B018 - NotReady (503) before start, not a failed rebuild
        with self._reloading:
            try:
                fresh, report = self.holder.reindex()
            except Exception as error:  # any failure of a rebuild leaves the previous index serving
                raise ReindexFailed(f"the rebuild failed and the previous index keeps serving: "
                                    f"{type(error).__name__}: {error}") from error
            return Reindexed(fresh, report.version, report.embedded)
