"""What every tab of the UI is built from: the service (engine and question log), the desk's call log, sign-ins."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.engine import Engine
from assistant.secret_key import derived_key
from assistant.service import Service
from assistant.store import CallLog, QuestionLog
from index.documents import DocumentStatus
from ui.desk_auth import DeskSignIns


@dataclass(frozen=True)
class UiContext:
    service: Service  # the engine in use (a reindex swaps it); its ``ask`` logs each answered turn
    calls: CallLog
    sign_ins: DeskSignIns

    @property
    def log(self) -> QuestionLog:
        """The question log, for reading back conversations, ratings and the desk's list."""
        return self.service.log

    def browser_storage_secret(self) -> str:
        """The key the chat's browser storage is encrypted with: the same in every process and after a
        restart (derived from the deployment's secret), so a reload finds its conversation."""
        return derived_key(self.service.settings, "chat-browser-storage").hex()

    def engine(self) -> Engine:
        """The engine in use; raises ``Unavailable`` while none is loaded."""
        return self.service.engine

    def status_of(self, doc_id: str) -> DocumentStatus:
        """A document's status on the engine's current day (for validity badges)."""
        engine = self.engine()
        return engine.catalogue.get(doc_id).status_on(engine.settings.current_date())
