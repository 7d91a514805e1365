"""Sessions live in the state store: bounded in count, turns and age, honoured only when this server
issued them, and the same conversation whichever worker (engine) serves the next turn."""

from __future__ import annotations

import json
import time
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

from assistant.conversation.sessions import SessionStore
from assistant.conversation.slots import AwardSlots
from assistant.engine import Engine
from assistant.records import Status
from assistant.store import store_engine


def sessions(store_settings, ttl: float = 60, max_sessions: int = 100, max_turns: int = 10) -> SessionStore:
    return SessionStore(store_engine(store_settings), ttl, max_sessions, max_turns)


def test_sessions_expire_after_their_time_to_live(store_settings):
    ttl = 3.0  # long enough that 20 writes on a busy machine finish well inside it
    store = sessions(store_settings, ttl=ttl)
    kept = [store.get(None) for _ in range(20)]
    for session in kept:
        store.record(session, "q", "a")
    last_written = time.monotonic()
    assert len(store) == 20
    time.sleep(max(0.0, ttl + 0.3 - (time.monotonic() - last_written)))
    assert len(store) == 0
    assert store.find(kept[0].id) is None
    assert store.get(kept[0].id).id != kept[0].id, "an expired id is not honoured"


def test_the_least_recently_used_session_is_evicted_beyond_the_maximum(store_settings):
    store = sessions(store_settings, max_sessions=3)
    first = store.get(None)
    store.record(first, "q", "a")
    for _ in range(3):
        store.record(store.get(None), "q", "a")
    assert len(store) == 3
    assert store.find(first.id) is None


def test_a_session_keeps_only_its_last_turns(store_settings):
    store = sessions(store_settings, max_turns=4)
    session = store.get(None)
    for n in range(10):
        store.record(session, f"q{n}", f"a{n}")
    assert [q for q, _ in store.find(session.id).turns] == ["q6", "q7", "q8", "q9"]


def test_an_id_the_server_never_issued_starts_a_new_session_with_a_fresh_id(store_settings):
    store = sessions(store_settings)
    made_up = store.get("test")
    assert made_up.id != "test" and made_up.turns == []
    store.record(made_up, "q", "a")
    assert store.find("test") is None and store.find(made_up.id) is not None


def test_award_slots_come_back_with_their_types(store_settings):
    store = sessions(store_settings)
    session = store.get(None)
    session.award = AwardSlots(measure="05", rule_ids=["m05-drug-phase2"], bases=["60000000"],
                               facts={"upfront_yuan": Decimal("150000000"), "no_investment_relation": True}, cgt=False)
    session.current_document = "policy2024"
    session.last_chunk_ids = ["policy2024:05"]
    store.record(session, "1类新药II期能拿多少？", "最高2000万元")
    again = store.find(session.id)
    assert again.award == session.award
    assert isinstance(again.award.facts["upfront_yuan"], Decimal) and again.award.facts["no_investment_relation"] is True
    assert (again.current_document, again.last_chunk_ids, again.turns) == (
        "policy2024", ["policy2024:05"], [("1类新药II期能拿多少？", "最高2000万元")])


def test_earlier_award_topics_and_computed_items_come_back(store_settings):
    store = sessions(store_settings)
    session = store.get(None)
    session.remember_award(AwardSlots(measure="05", rule_ids=["m05-drug-phase2"], bases=["40000000"],
                                      seen=[("m05-drug-phase1", "20000000"), ("m05-drug-phase2", "40000000")]))
    session.remember_award(AwardSlots(measure="24", rule_ids=["m24-cmo"], bases=["20000000"]))
    store.record(session, "另外我们也做CMO……能拿多少？", "最高200万元")
    again = store.find(session.id)
    assert [t.measure for t in again.award_topics()] == ["24", "05"]
    assert again.earlier_awards[0].seen_bases() == {"m05-drug-phase1": Decimal("20000000"), "m05-drug-phase2": Decimal("40000000")}


def test_slots_holding_something_that_cannot_come_back_are_refused_loudly(store_settings):
    store = sessions(store_settings)
    session = store.get(None)
    session.award = AwardSlots(measure="05", facts={"when": object()})
    with pytest.raises(TypeError, match="only amounts and flags"):
        store.record(session, "q", "a")


def test_a_follow_up_served_by_another_worker_keeps_the_conversation(engine, store_settings):
    """Two engines on one store, as two worker processes or machines would be."""
    workers = [Engine(store_settings, engine.retriever, engine.book, engine.catalogue) for _ in range(2)]
    first = workers[0].ask("II期能拿多少？")
    assert first.status is Status.ANSWERED and not first.calculations  # the ceiling, the spend invited
    second = workers[1].ask("研发投入5000万", first.session_id)
    assert second.session_id == first.session_id and second.calculations[0].amount_yuan == 20_000_000
    third = workers[0].ask("研发投入改成1亿呢", first.session_id)
    assert third.calculations[0].amount_yuan == 20_000_000 and third.calculations[0].rule_id == "m05-drug-phase2"
    fourth = workers[1].ask("这条归哪个部门管？", first.session_id)
    assert "市药品监管局" in fourth.answer


def test_the_api_answers_a_made_up_session_id_with_a_fresh_one(settings, engine):
    from assistant.api.app import create_app

    with TestClient(create_app(settings, engine)) as http:
        first = http.post("/v1/chat", json={"message": "II期能拿多少？", "session_id": "test"}).json()
        assert first["session_id"] != "test"
        assert first["session_restarted"] is True  # said in the answer, never a silent new conversation
        other = http.post("/v1/chat", json={"message": "研发投入5000万", "session_id": "test"}).json()
        assert other["session_id"] not in {"test", first["session_id"]}
        assert other["status"] != "answered" or not other["calculations"], "a made-up id reaches no one's slots"
        follow = http.post("/v1/chat", json={"message": "研发投入5000万", "session_id": first["session_id"]}).json()
        assert follow["session_id"] == first["session_id"] and follow["calculations"][0]["amount_yuan"] == 20_000_000
        assert follow["session_restarted"] is False
        fresh = http.post("/v1/chat", json={"message": "II期能拿多少？"}).json()
        assert fresh["session_restarted"] is False  # no id sent: a new conversation, as asked


def test_the_cli_continues_a_stored_conversation_across_runs_and_refuses_an_unknown_id(settings, monkeypatch):
    """Each `ask` builds its own engine, as separate CLI runs do: only the store carries the conversation."""
    from typer.testing import CliRunner

    from assistant.cli import app

    monkeypatch.setenv("PA_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("PA_TODAY", settings.today.isoformat())
    first = CliRunner().invoke(app, ["ask", "II期能拿多少？", "--json"])
    session = json.loads(first.stdout)["session_id"]
    second = CliRunner().invoke(app, ["ask", "研发投入5000万", "--session", session, "--json"])
    assert second.exit_code == 0
    assert json.loads(second.stdout)["session_id"] == session
    assert json.loads(second.stdout)["calculations"][0]["amount_yuan"] == 20_000_000
    refused = CliRunner().invoke(app, ["ask", "研发投入5000万", "--session", "made-up"])
    assert refused.exit_code == 2
    assert refused.output.startswith("error: no conversation 'made-up': it was never started here or has expired")
