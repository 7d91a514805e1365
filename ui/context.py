"""What every tab of the UI is built from: the engine holder, the question log, the desk's call log, sign-ins."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.engine import Engine
from assistant.store import CallLog, QuestionLog
from index.documents import DocumentStatus
from ui.desk_auth import DeskSignIns


@dataclass(frozen=True)
class UiContext:
    holder: Any  # assistant.api.app.EngineHolder: ``get()`` is the engine in use (a reindex swaps it)
    log: QuestionLog
    calls: CallLog
    sign_ins: DeskSignIns

    def engine(self) -> Engine:
        engine: Engine = self.holder.get()
        return engine

    def status_of(self, doc_id: str) -> DocumentStatus:
        """A document's status on the engine's current day (for validity badges)."""
        engine = self.engine()
        return engine.catalogue.get(doc_id).status_on(engine.settings.current_date())
