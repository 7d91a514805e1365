"""The state store: sessions, the question log with feedback, desk call records, desk sign-outs and the
active index version, in one SQL database shared by every worker and machine (SQLite in the data dir, or
PostgreSQL).

    store = open_store(settings)          # migrated on first open; one pool per process
    receipt = store.questions.record_answer(question, answer, "api")
    store.questions.feedback(receipt.answer_id, "like", None, token=receipt.feedback_token)
    call = store.calls.open("企业", staff="desk-1"); store.calls.link(call.id, receipt.question_id)
    store.index.activate("pa-index-20261130")
    store.sign_outs.record(desk_sign_in, expires_at); store.sign_outs.holds(desk_sign_in)

Sessions are kept by ``assistant.conversation.sessions.SessionStore`` on ``store.engine``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import sqlalchemy as sa

from assistant.settings import Settings
from assistant.store.calls import CallLog, CallOutcome, CallRecord, NoSuchCall
from assistant.store.database import StoreUnavailable, open_database, resolve_url
from assistant.store.index_state import IndexState, IndexVersion, RetiredIndex
from assistant.store.migrate import LEGACY_LOG, import_legacy_log
from assistant.store.questions import LoggedQuestion, LogReceipt, QuestionLog
from assistant.store.sign_outs import DeskSignOuts

__all__ = [
    "CallLog", "CallOutcome", "CallRecord", "DeskSignOuts", "IndexState", "IndexVersion", "LogReceipt", "LoggedQuestion",
    "NoSuchCall", "QuestionLog", "RetiredIndex", "Store", "StoreUnavailable", "open_store", "store_engine",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Store:
    engine: sa.Engine
    questions: QuestionLog
    calls: CallLog
    index: IndexState
    sign_outs: DeskSignOuts


def store_engine(settings: Settings) -> sa.Engine:
    """This process's engine for the configured database, migrated. Raises ``StoreUnavailable``."""
    secret = settings.database_url.get_secret_value() if settings.database_url else None
    return open_database(resolve_url(secret, settings.data_dir))


def open_store(settings: Settings) -> Store:
    """The store for ``settings``: migrates the database, imports a question log from before the store
    (``<data dir>/questions.sqlite3``) and writes rows spooled while the database refused them.

    Raises ``StoreUnavailable`` when the database cannot be reached at start-up."""
    engine = store_engine(settings)
    questions = QuestionLog(engine, settings.data_dir)
    copied = import_legacy_log(engine, settings.data_dir / LEGACY_LOG)
    if copied:
        log.info("question log: %d rows imported from %s", copied, settings.data_dir / LEGACY_LOG)
    try:
        questions.replay()
    except Exception as error:  # they stay spooled for the next write
        log.warning("deferred question log rows not written at start-up: %s", error)
    return Store(engine=engine, questions=questions, calls=CallLog(engine), index=IndexState(engine),
                 sign_outs=DeskSignOuts(engine))
