"""Per-session memory: the turns and the filled slots, bounded in count, size and age."""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from assistant.conversation.question import Question
from assistant.conversation.slots import AwardSlots


@dataclass
class Session:
    id: str
    turns: list[tuple[str, str]] = field(default_factory=list)
    award: AwardSlots | None = None
    last_chunk_ids: list[str] = field(default_factory=list)
    current_document: str | None = None  # the document the conversation is about ("这个方案")
    last_question: Question | None = None  # the turn before, understood (an elliptical turn asks its ask again)
    touched: float = field(default_factory=time.monotonic)


class SessionStore:
    """Thread-safe LRU with a time-to-live; an expired or evicted session starts afresh."""

    def __init__(self, ttl_seconds: float, max_sessions: int, max_turns: int) -> None:
        self.ttl = ttl_seconds
        self.max_sessions = max_sessions
        self.max_turns = max_turns
        self._sessions: OrderedDict[str, Session] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, session_id: str | None) -> Session:
        with self._lock:
            self._expire()
            session = self._sessions.pop(session_id) if session_id and session_id in self._sessions else Session(id=session_id or secrets.token_urlsafe(12))
            session.touched = time.monotonic()
            self._sessions[session.id] = session
            while len(self._sessions) > self.max_sessions:
                self._sessions.popitem(last=False)
            return session

    def record(self, session: Session, question: str, answer: str) -> None:
        with self._lock:
            session.turns.append((question, answer))
            del session.turns[: -self.max_turns]

    def __len__(self) -> int:
        with self._lock:
            self._expire()
            return len(self._sessions)

    def _expire(self) -> None:
        cutoff = time.monotonic() - self.ttl
        while self._sessions:
            oldest = next(iter(self._sessions.values()))
            if oldest.touched >= cutoff:
                break
            self._sessions.popitem(last=False)
