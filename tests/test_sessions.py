"""Session memory stays bounded: by count (LRU), by turns, and by age (TTL)."""

from __future__ import annotations

import time

from assistant.conversation.sessions import SessionStore


def test_sessions_expire_after_their_time_to_live():
    store = SessionStore(ttl_seconds=0.2, max_sessions=100, max_turns=10)
    for _ in range(50):
        store.get(None)
    assert len(store) == 50
    time.sleep(0.3)
    assert len(store) == 0


def test_the_oldest_session_is_evicted_beyond_the_maximum():
    store = SessionStore(ttl_seconds=60, max_sessions=3, max_turns=10)
    first = store.get(None)
    for _ in range(3):
        store.get(None)
    assert len(store) == 3
    assert store.get(first.id).turns == []  # evicted: the id starts afresh


def test_a_session_keeps_only_its_last_turns():
    store = SessionStore(ttl_seconds=60, max_sessions=3, max_turns=4)
    session = store.get(None)
    for n in range(10):
        store.record(session, f"q{n}", f"a{n}")
    assert [q for q, _ in session.turns] == ["q6", "q7", "q8", "q9"]
