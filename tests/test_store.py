"""The state store keeps its promises on SQLite and on a real PostgreSQL server alike: answers rated only
with their token, desk call records, the active index version, migrations that match the schema, a
question log from before the store kept row for row."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from assistant.records import Answer, Status
from assistant.store import CallOutcome, NoSuchCall, open_store, store_engine
from assistant.store.migrate import current_revision, head_revision
from assistant.store.schema import metadata, sessions


def answer(text: str = "伦理审查时限为5个工作日。", session: str = "s1") -> Answer:
    return Answer(session_id=session, answer=text, status=Status.ANSWERED)


def test_an_answer_is_rated_only_with_the_token_it_came_with(store_settings):
    log = open_store(store_settings).questions
    receipt = log.record_answer("伦理审查多久", answer(), "api")
    assert receipt.stored and receipt.question_id is not None
    assert not log.feedback(receipt.answer_id, "dislike", "wrong", token="guessed-token")
    assert not log.feedback(receipt.question_id, "dislike", "wrong", token="guessed-token")
    assert log.feedback(receipt.answer_id, "like", "清楚", token=receipt.feedback_token)
    [logged] = log.recent(1)
    assert (logged.feedback, logged.comment, logged.answer_id) == ("like", "清楚", receipt.answer_id)


def test_a_withdrawn_rating_is_cleared_only_with_the_answers_token(store_settings):
    log = open_store(store_settings).questions
    receipt = log.record_answer("伦理审查多久", answer(), "ui")
    assert log.feedback(receipt.answer_id, "dislike", "没说清楚", token=receipt.feedback_token)
    assert not log.withdraw_feedback(receipt.answer_id, token="guessed-token")
    assert log.recent(1)[0].feedback == "dislike"
    assert log.withdraw_feedback(receipt.answer_id, token=receipt.feedback_token)
    [logged] = log.recent(1)
    assert (logged.feedback, logged.comment) == (None, None)
    assert log.recent(5, rated=True) == []


def test_an_unknown_answer_and_a_wrong_token_are_the_same_refusal(store_settings):
    log = open_store(store_settings).questions
    receipt = log.record_answer("伦理审查多久", answer(), "api")
    assert log.feedback(receipt.answer_id, "like", None, token="wrong") is False
    assert log.feedback("no-such-answer", "like", None, token=receipt.feedback_token) is False
    assert log.feedback(10**9, "like", None, token=receipt.feedback_token) is False
    assert log.feedback(2**40, "like", None, token=receipt.feedback_token) is False, "an id beyond the column is unknown"
    assert log.withdraw_feedback(2**40, token=receipt.feedback_token) is False
    with pytest.raises(ValueError, match="rating"):
        log.feedback(receipt.answer_id, "meh", None, token=receipt.feedback_token)


def test_answer_ids_are_random_and_say_nothing_of_the_log_size(store_settings):
    log = open_store(store_settings).questions
    receipts = [log.record_answer(f"q{n}", answer(), "api") for n in range(3)]
    assert len({r.answer_id for r in receipts}) == 3
    assert all(not r.answer_id.isdigit() and len(r.answer_id) >= 20 for r in receipts)
    assert len({r.feedback_token for r in receipts}) == 3


def test_the_log_filters_by_status_time_and_rating(store_settings):
    log = open_store(store_settings).questions
    rated = log.record_answer("q1", answer(), "api")
    log.record_answer("q2", Answer(session_id="s", answer="不在范围", status=Status.OUT_OF_SCOPE), "api")
    log.feedback(rated.answer_id, "like", None, token=rated.feedback_token)
    assert [q.question for q in log.recent(10, status="out_of_scope")] == ["q2"]
    assert [q.question for q in log.recent(10, rated=True)] == ["q1"]
    assert log.recent(10, since=datetime.now(UTC) + timedelta(minutes=1)) == []
    assert [q.question for q in log.recent(10, since=datetime.now(UTC) - timedelta(minutes=1))] == ["q2", "q1"]


def test_logged_questions_are_read_by_id_in_several_queries_oldest_first(store_settings, monkeypatch):
    """A call records export reads every linked question at once, a bounded number of ids a query."""
    import assistant.store.questions as logged

    monkeypatch.setattr(logged, "IDS_PER_QUERY", 2)
    log = open_store(store_settings).questions
    ids = [log.record_answer(f"by-id {n}", answer(), "desk").question_id for n in range(5)]
    assert all(i is not None for i in ids)
    wanted = [ids[4], ids[0], ids[2], ids[4], ids[3], 2**31 - 1, 2**62]  # repeated, unknown and out-of-range ids
    assert [q.question for q in log.by_ids(wanted)] == ["by-id 0", "by-id 2", "by-id 3", "by-id 4"]
    assert log.by_ids([]) == []


def test_a_desk_call_is_opened_noted_linked_and_transferred(store_settings):
    store = open_store(store_settings)
    first = store.questions.record_answer("伦理审查多久", answer(), "desk")
    second = store.questions.record_answer("归哪个部门管", answer(), "desk")
    call = store.calls.open("企业", staff="坐席07", session_id="s1")
    assert call.outcome is CallOutcome.OPEN and call.closed_at is None and call.question_ids == []
    store.calls.link(call.id, second.question_id)
    store.calls.link(call.id, first.question_id)
    store.calls.link(call.id, first.question_id)
    store.calls.update(call.id, note="询问伦理审查时限", feedback="满意")
    done = store.calls.transfer(call.id, "市卫生健康委")
    assert done.question_ids == sorted([first.question_id, second.question_id])
    assert (done.outcome, done.transferred_to, done.note, done.feedback) == (
        CallOutcome.TRANSFERRED, "市卫生健康委", "询问伦理审查时限", "满意")
    assert done.closed_at is not None and done.updated_at >= done.opened_at and done.opened_at.tzinfo is not None
    assert store.calls.get(call.id) == done


def test_call_records_are_listed_by_outcome_and_refuse_what_makes_no_sense(store_settings):
    calls = open_store(store_settings).calls
    open_call = calls.open("个人")
    resolved = calls.resolve(calls.open("企业").id, note="已解答")
    assert [c.id for c in calls.recent(10, outcome=CallOutcome.RESOLVED)] == [resolved.id]
    assert [c.id for c in calls.recent(10)] == [resolved.id, open_call.id]
    with pytest.raises(ValueError, match="department"):
        calls.transfer(open_call.id, " ")
    with pytest.raises(ValueError, match="caller_type"):
        calls.open("")
    with pytest.raises(ValueError, match="no logged question"):
        calls.link(open_call.id, 987654)
    with pytest.raises(NoSuchCall):
        calls.resolve(987654)


def test_the_active_index_version_is_shared_and_replaced_versions_wait_their_grace_period(store_settings):
    index = open_store(store_settings).index
    assert index.active() is None
    index.activate("pa-index-1")
    assert index.active().version == "pa-index-1"
    index.activate("pa-index-2")
    index.activate("pa-index-2")  # again: nothing changes
    assert index.active().version == "pa-index-2"
    assert [r.version for r in index.retired()] == ["pa-index-1"]
    assert index.retired(retired_before=datetime.now(UTC) - timedelta(minutes=5)) == []
    assert [r.version for r in index.retired(retired_before=datetime.now(UTC) + timedelta(seconds=1))] == ["pa-index-1"]
    index.forget("pa-index-1")
    assert index.retired() == []


def test_a_desk_sign_out_is_seen_through_another_connection_and_kept_until_the_sign_in_expires(store_settings):
    from assistant.store import DeskSignOuts
    from assistant.store.schema import desk_sign_outs

    one = open_store(store_settings).sign_outs
    other = DeskSignOuts(store_engine(store_settings))  # what another process reads through its own pool
    later = datetime.now(UTC) + timedelta(hours=12)
    assert not other.holds("1764547200.abc.sig")
    one.record("1764547200.abc.sig", later)
    one.record("1764547200.abc.sig", later)  # a second sign-out of the same sign-in changes nothing
    assert other.holds("1764547200.abc.sig") and not other.holds("1764547200.abd.sig")
    one.record("1764547200.old.sig", datetime.now(UTC) - timedelta(seconds=1))
    other.record("1764547200.new.sig", later)  # each sign-out deletes the rows of expired sign-ins
    with store_engine(store_settings).connect() as connection:
        kept = list(connection.execute(sa.select(desk_sign_outs.c.sign_in_hash)).scalars())
    assert len(kept) == 2 and all(len(digest) == 64 and "sig" not in digest for digest in kept), "only hashes are kept"
    assert not other.holds("1764547200.old.sig")


def test_the_migrations_build_exactly_the_schema_the_code_uses(store_settings):
    engine = store_engine(store_settings)
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_a_question_log_from_before_the_store_keeps_every_row(store_settings):
    store_settings.data_dir.mkdir(parents=True, exist_ok=True)
    legacy = store_settings.data_dir / "questions.sqlite3"
    with sqlite3.connect(legacy) as old:
        old.execute("CREATE TABLE questions (id INTEGER PRIMARY KEY AUTOINCREMENT, asked_at TEXT NOT NULL,"
                    " session_id TEXT NOT NULL, surface TEXT NOT NULL, question TEXT NOT NULL, status TEXT NOT NULL,"
                    " answer TEXT NOT NULL, citations TEXT NOT NULL, feedback TEXT, comment TEXT)")
        old.executemany("INSERT INTO questions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            (3, "2026-09-01T08:00:00+00:00", "a", "api", "伦理审查多久", "answered", "5个工作日",
             json.dumps(["policy2024:10"]), "like", "好"),
            (7, "2026-09-02T09:30:00+00:00", "b", "ui", "北京有什么政策", "out_of_scope", "不在范围", "[]", None, None),
        ])
    old.close()
    log = open_store(store_settings).questions
    rows = {q.id: q for q in log.recent(10)}
    assert set(rows) == {3, 7}
    assert (rows[3].question, rows[3].citations, rows[3].feedback, rows[3].asked_at) == (
        "伦理审查多久", ["policy2024:10"], "like", "2026-09-01T08:00:00+00:00")
    assert not legacy.exists() and (store_settings.data_dir / "questions.sqlite3.imported").exists()
    newer = log.record_answer("新问题", answer(), "api")
    assert newer.question_id == 8, "new rows continue after the imported ids"


def test_processes_starting_at_once_on_an_empty_store_migrate_it_once(store_settings):
    env_url = store_settings.database_url.get_secret_value() if store_settings.database_url else ""
    script = ("import sys; from pathlib import Path; from assistant.store.database import open_database, resolve_url;"
              " open_database(resolve_url(sys.argv[1] or None, Path(sys.argv[2]))); print('ok')")
    starts = [subprocess.Popen([sys.executable, "-c", script, env_url, str(store_settings.data_dir)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [process.communicate(timeout=120) for process in starts]
    assert [out.strip() for out, _ in results] == ["ok"] * 3, [err for _, err in results]
    assert current_revision(store_engine(store_settings)) == head_revision()


def test_feedback_over_http_needs_the_answers_token_and_a_404_tells_nothing(settings, engine, tmp_path):
    from fastapi.testclient import TestClient

    from assistant.api.app import create_app

    own = settings.model_copy(update={"data_dir": tmp_path})
    staff = {"Authorization": f"Bearer {settings.staff_token.get_secret_value()}"}
    with TestClient(create_app(own, engine)) as http:
        response = http.post("/v1/chat", json={"message": "伦理审查多久"})
        body = response.json()
        assert response.headers["X-PA-Log"] == "stored" and body["question_id"] == 1
        refusals = [
            http.post("/v1/feedback", json={"answer_id": body["answer_id"], "feedback_token": "guess", "rating": "like"}),
            http.post("/v1/feedback", json={"question_id": 1, "feedback_token": "guess", "rating": "like"}),
            http.post("/v1/feedback", json={"question_id": 2, "feedback_token": body["feedback_token"], "rating": "like"}),
            http.post("/v1/feedback", json={"answer_id": "unknown", "feedback_token": "guess", "rating": "like"}),
        ]
        assert {(r.status_code, r.text) for r in refusals} == {
            (404, '{"error":{"code":"not_found","message":"no answer with this id and feedback token"}}')}
        assert http.post("/v1/feedback", json={"question_id": 1, "rating": "like"}).status_code == 422
        rated = http.post("/v1/feedback", json={"answer_id": body["answer_id"], "feedback_token": body["feedback_token"],
                                                "rating": "dislike", "comment": "没说清材料"})
        assert rated.status_code == 200
        [logged] = http.get("/v1/staff/questions", headers=staff).json()["questions"]
        assert (logged["feedback"], logged["comment"]) == ("dislike", "没说清材料")
        flagged = http.post("/v1/feedback", json={"answer_id": body["answer_id"], "feedback_token": body["feedback_token"],
                                                  "rating": "flag", "comment": "漏了年度上限"})
        assert flagged.status_code == 200  # an error or omission is its own kind, as the page's flag button stores it
        [logged] = http.get("/v1/staff/questions", headers=staff).json()["questions"]
        assert (logged["feedback"], logged["comment"]) == ("flag", "漏了年度上限")
        completion = http.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": "伦理审查多久"}]})
        assert completion.headers["X-PA-Log"] == "stored" and completion.json()["feedback_token"]


def test_rows_spooled_before_a_crash_are_written_at_the_next_start(store_settings):
    """A process that spooled rows (its database refused them) and died: the next start writes them once;
    a line cut short by the crash is reported and skipped, the rest kept."""
    from assistant.store.questions import QuestionRow
    from assistant.store.spool import SPOOL_FILE

    rows = [QuestionRow(answer_id=f"spooled-{n}", asked_at=datetime.now(UTC), session_id="s", surface="api",
                        question=f"伦理审查多久 {n}", status="answered", answer="5个工作日", citations=["policy2024:10"],
                        written_by="rules", guard=[], feedback_token_hash="0" * 64) for n in range(2)]
    store_settings.data_dir.mkdir(parents=True, exist_ok=True)
    spool = store_settings.data_dir / SPOOL_FILE
    spool.write_text("".join(r.model_dump_json() + "\n" for r in rows) + rows[0].model_dump_json()[:40], encoding="utf-8")
    log = open_store(store_settings).questions
    assert sorted(q.answer_id for q in log.recent(10)) == ["spooled-0", "spooled-1"]
    assert not list(store_settings.data_dir.glob("question-spool*.jsonl"))
    assert log.replay() == 0


def test_a_json_column_reads_back_what_the_json_module_would(store_settings):
    engine = store_engine(store_settings)
    value = {"turns": [["能拿多少？", "最高2000万元"]], 1: "a key that is not text", "big": 2**70, "rate": 0.4}
    now = datetime.now(UTC)
    with engine.begin() as connection:
        connection.execute(sessions.insert(), {"id": "json-columns", "created_at": now, "touched_at": now,
                                               "expires_at": now + timedelta(hours=1), "turns": [], "award": value,
                                               "last_chunk_ids": ["policy2024:05"], "profile": None})
    with engine.connect() as connection:
        stored = connection.execute(sa.select(sessions.c.award, sessions.c.last_chunk_ids)
                                    .where(sessions.c.id == "json-columns")).one()
    assert stored.award == json.loads(json.dumps(value)) and stored.last_chunk_ids == ["policy2024:05"]
