"""The engine in service: the one engine in use (swapped whole by a reindex), and the question log
written once per answered turn, whichever surface asked (API, OpenAI-compatible route, UI, desk).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from enum import StrEnum

from assistant.bootstrap import open_index
from assistant.engine import ContextTurn, Engine
from assistant.errors import InputError, NotFound, ReindexFailed, Unavailable
from assistant.question_log import LoggedQuestion, QuestionLog
from assistant.records import Answer
from assistant.settings import Settings

QUESTION_LOG_FILE = "questions.sqlite3"


class Surface(StrEnum):
    """Where a logged question came from (the log's ``surface`` column)."""

    API = "api"
    API_STREAM = "api-stream"
    OPENAI = "openai"
    UI = "ui"
    DESK = "desk"


class UnknownQuestion(NotFound):
    """No logged question has the id given with a rating (404)."""


class Service:
    """What every serving surface shares: the engine in use and the question log.

    ``engine`` raises ``Unavailable`` (503) until an engine is loaded; ``reload`` builds a fresh index
    and engine and swaps it in one assignment, so a request never sees half an index, and the
    conversations in progress carry over.
    """

    def __init__(self, settings: Settings, engine: Engine | None = None, log: QuestionLog | None = None) -> None:
        self.settings = settings
        self._engine = engine
        self.log = log or QuestionLog(settings.data_dir / QUESTION_LOG_FILE)
        self._reloading = threading.Lock()

    @property
    def engine(self) -> Engine:
        """The engine in use; raises ``Unavailable`` while none is loaded."""
        if self._engine is None:
            raise Unavailable("the index is still loading")
        return self._engine

    @property
    def loaded(self) -> bool:
        """Whether an engine is loaded (``engine`` would not raise)."""
        return self._engine is not None

    def start(self) -> Engine:
        """Loads the engine when none was given (building the index when missing); returns it."""
        if self._engine is None:
            self._engine = Engine.from_settings(self.settings)
        return self._engine

    def ask(self, message: str, session_id: str | None, surface: Surface) -> Answer:
        """One turn of a conversation, logged; the answer carries its ``question_id`` for feedback.

        Raises ``InputError`` (422, or ``MessageTooLong`` 413) for a message the engine refuses.
        """
        answer = self.engine.ask(message, session_id)
        return self._logged(message, answer, surface)

    def complete(self, messages: Sequence[tuple[str, str]]) -> Answer:
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
        return self._logged(last.question, answer, Surface.OPENAI)

    def feedback(self, question_id: int, rating: str, comment: str | None) -> None:
        """Rates a logged answer (``like`` / ``dislike``); raises ``UnknownQuestion`` for an id never logged."""
        if not self.log.feedback(question_id, rating, comment):
            raise UnknownQuestion(f"no question {question_id}")

    def recent(self, limit: int) -> list[LoggedQuestion]:
        """The ``limit`` latest logged questions, newest first."""
        return self.log.recent(limit)

    def reload(self) -> Engine:
        """Rebuilds the index from the sources and swaps in a fresh engine; returns it.

        Raises ``ReindexFailed`` (with the cause) when the rebuild fails; the previous index keeps serving.
        """
        with self._reloading:
            try:
                index = open_index(self.settings, rebuild=True)
                fresh = Engine.from_settings(self.settings, index=index)
            except Exception as error:  # any failure of a rebuild leaves the previous index serving
                raise ReindexFailed(f"the rebuild failed and the previous index keeps serving: "
                                    f"{type(error).__name__}: {error}") from error
            if self._engine is not None:
                fresh.sessions = self._engine.sessions
            self._engine = fresh
            return fresh

    def _logged(self, question: str, answer: Answer, surface: Surface) -> Answer:
        question_id = self.log.record(question, answer, surface.value)
        return answer.model_copy(update={"question_id": question_id})
