"""Which index version (Chroma collection) serves, shared by every worker and machine through the store.

A builder calls ``activate(version)`` once its collection is complete; workers compare ``active()``
with the version they hold (one primary-key read) and swap when it changed. The version it replaced
is kept in ``retired`` with the time, so its collection is deleted only after a grace period.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from pydantic import BaseModel

from assistant.store.database import reading, transaction
from assistant.store.schema import index_state, retired_indexes

DEFAULT_NAME = "default"


class IndexVersion(BaseModel):
    name: str
    version: str
    activated_at: datetime


class RetiredIndex(BaseModel):
    name: str
    version: str
    retired_at: datetime


class IndexState:
    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def active(self, name: str = DEFAULT_NAME) -> IndexVersion | None:
        """The version serving under ``name``; ``None`` before the first activation.
        Raises ``StoreUnavailable``."""
        with reading(self._engine, "could not read the active index version") as connection:
            row = connection.execute(sa.select(index_state).where(index_state.c.name == name)).mappings().first()
        return IndexVersion(**row) if row else None

    def activate(self, version: str, name: str = DEFAULT_NAME) -> IndexVersion:
        """Makes ``version`` the one serving under ``name``; the one it replaces is retired now (activating
        the serving version again changes nothing). Raises ``StoreUnavailable``."""
        now = datetime.now(UTC)
        with transaction(self._engine, "could not activate the index version") as connection:
            current = connection.execute(sa.select(index_state).where(index_state.c.name == name)).mappings().first()
            if current is not None and current["version"] == version:
                return IndexVersion(**current)
            if current is None:
                connection.execute(index_state.insert().values(name=name, version=version, activated_at=now))
            else:
                connection.execute(index_state.update().where(index_state.c.name == name)
                                   .values(version=version, activated_at=now))
                connection.execute(retired_indexes.delete().where(retired_indexes.c.version == current["version"]))
                connection.execute(retired_indexes.insert().values(version=current["version"], name=name, retired_at=now))
            connection.execute(retired_indexes.delete().where(retired_indexes.c.version == version))
        return IndexVersion(name=name, version=version, activated_at=now)

    def retired(self, retired_before: datetime | None = None, name: str = DEFAULT_NAME) -> list[RetiredIndex]:
        """Versions replaced under ``name``, oldest first; with ``retired_before`` (aware), only those
        retired before then (past their grace period). Raises ``StoreUnavailable``."""
        query = sa.select(retired_indexes).where(retired_indexes.c.name == name).order_by(retired_indexes.c.retired_at)
        if retired_before is not None:
            query = query.where(retired_indexes.c.retired_at < retired_before)
        with reading(self._engine, "could not list retired index versions") as connection:
            return [RetiredIndex(**row) for row in connection.execute(query).mappings()]

    def forget(self, version: str) -> None:
        """Drops a retired version from the list once its collection is deleted. Raises ``StoreUnavailable``."""
        with transaction(self._engine, "could not forget a retired index version") as connection:
            connection.execute(retired_indexes.delete().where(retired_indexes.c.version == version))
