"""The staff log as the desk shows and exports it: rows of questions and calls, filtered by answer status
and by day (Shanghai time), in the page's words.

Rows are lists of text in the order of ``texts.yaml``'s ``desk.log_columns`` / ``call_columns`` /
``export_columns``; times are ``YYYY-MM-DD HH:MM`` in Asia/Shanghai. Reading raises ``StoreUnavailable``
when the database refuses.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from assistant.store import CallLog, CallRecord, LoggedQuestion, QuestionLog
from ui.texts import texts

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUESTION_CHARS = 60  # the on-screen log cuts a question here; the export keeps it whole


class BadFilter(ValueError):
    """A filter the log cannot apply; the message is the page's own (Chinese) and says how to write it."""


def shanghai_time(utc: str | datetime) -> str:
    """``2026-11-30T06:05:00+00:00`` (or that datetime) → ``2026-11-30 14:05`` (Asia/Shanghai); naive is UTC."""
    moment = utc if isinstance(utc, datetime) else datetime.fromisoformat(utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def day_of(text: str | None) -> date | None:
    """The day filter as typed (``2026-11-30``); ``None`` when blank. Raises ``BadFilter`` otherwise."""
    typed = (text or "").strip()
    if not typed:
        return None
    try:
        return date.fromisoformat(typed)
    except ValueError:
        raise BadFilter(texts()["desk"]["bad_date"]) from None


def status_of(key: str | None) -> str | None:
    """The status filter (an answer status such as ``answered``); ``None`` for all. ``BadFilter`` for another."""
    if not key:
        return None
    if key not in texts()["desk"]["statuses"]:
        raise BadFilter(texts()["desk"]["bad_status"])
    return key


def feedback_word(kind: str | None) -> str:
    """A stored feedback kind (``like`` / ``dislike`` / ``flag``) in the page's words; blank when unrated."""
    if not kind:
        return ""
    return str(texts()["desk"]["feedback_kinds"].get(kind, kind))


def _on_day(moment: str | datetime, day: date | None) -> bool:
    """Whether ``moment`` (UTC) falls on ``day`` in Shanghai; every moment does when ``day`` is None."""
    return day is None or shanghai_time(moment)[:10] == str(day)


def questions(log: QuestionLog, status: str | None, day: date | None, limit: int) -> list[LoggedQuestion]:
    """The newest ``limit`` logged questions with this status, those asked on ``day`` (Shanghai) only."""
    return [q for q in log.recent(limit, status=status) if _on_day(q.asked_at, day)]


def calls_of(calls: CallLog, day: date | None, limit: int) -> list[CallRecord]:
    """The newest ``limit`` call records, those opened on ``day`` (Shanghai) only."""
    return [c for c in calls.recent(limit) if _on_day(c.opened_at, day)]


def question_rows(logged: list[LoggedQuestion]) -> list[list[object]]:
    """The on-screen log: id, time, status, feedback, surface, the question's start."""
    statuses = texts()["desk"]["statuses"]
    return [[q.id, shanghai_time(q.asked_at), statuses.get(q.status, q.status), feedback_word(q.feedback), q.surface,
             q.question[:QUESTION_CHARS]] for q in logged]


def call_rows(calls: CallLog, logged: list[LoggedQuestion], day: date | None, limit: int) -> list[list[object]]:
    """The on-screen call records: id, time, staff, caller, outcome, department, caller's rating, note, first question."""
    outcomes = texts()["desk"]["outcomes"]
    text_of = {q.id: q.question for q in logged}
    return [
        [c.id, shanghai_time(c.opened_at), c.staff or "", c.caller_type, outcomes.get(c.outcome.value, c.outcome.value),
         c.transferred_to or "", c.feedback or "", c.note,
         text_of.get(c.question_ids[0], "")[:QUESTION_CHARS] if c.question_ids else ""]
        for c in calls_of(calls, day, limit)
    ]


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    """``rows`` under ``header`` as CSV, UTF-8 with a byte-order mark (so a spreadsheet reads the Chinese)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def export_csv(logged: list[LoggedQuestion]) -> bytes:
    """The questions as CSV (UTF-8 with a byte-order mark, so a spreadsheet reads the Chinese): id, time,
    status, feedback, the asker's comment, surface, the whole question."""
    words = texts()["desk"]
    return _csv(words["export_columns"], [
        [q.id, shanghai_time(q.asked_at), words["statuses"].get(q.status, q.status), feedback_word(q.feedback),
         q.comment or "", q.surface, q.question] for q in logged])


def export_calls_csv(records: list[CallRecord], log: QuestionLog) -> bytes:
    """The call records as CSV (UTF-8 with a byte-order mark): id, opened and closed (Shanghai), staff,
    caller, outcome, department transferred to, caller's rating, the whole note, the linked questions'
    ids and their whole texts (one per line of the cell, oldest first). The linked questions are read
    together, not call by call."""
    words = texts()["desk"]
    logged = {q.id: q for q in log.by_ids([i for c in records for i in c.question_ids])}
    rows: list[list[object]] = []
    for c in records:
        asked = [logged[i] for i in c.question_ids if i in logged]
        rows.append([c.id, shanghai_time(c.opened_at), shanghai_time(c.closed_at) if c.closed_at else "",
                     c.staff or "", c.caller_type, words["outcomes"].get(c.outcome.value, c.outcome.value),
                     c.transferred_to or "", c.feedback or "", c.note, " ".join(str(q.id) for q in asked),
                     "\n".join(q.question for q in asked)])
    return _csv(words["call_export_columns"], rows)


def export_name(now: datetime, kind: str = "questions") -> str:
    """``questions-20261201-1430.csv`` / ``calls-20261201-1430.csv`` (Shanghai time)."""
    return f"{kind}-{now.astimezone(SHANGHAI):%Y%m%d-%H%M}.csv"
