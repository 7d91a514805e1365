"""Whether this machine holds the local snapshot of the active index version (``index.snapshot``), and
making it: ``serve`` does both before starting its workers, so each starts from the snapshot. The check
reads the state store and the disk only, so a supervisor that has one loads nothing heavy.
"""

from __future__ import annotations

from assistant.settings import Settings


def has_snapshot(settings: Settings) -> bool:
    """Whether the active version's snapshot is in the data dir (``False`` when no version is active).
    Raises ``StoreUnavailable``."""
    from assistant.store import store_engine
    from assistant.store.index_state import IndexState
    from index.snapshot import is_saved

    active = IndexState(store_engine(settings)).active()
    return active is not None and is_saved(settings.snapshot_dir, active.version)


def ensure_snapshot(settings: Settings) -> None:
    """Makes the active version's snapshot unless it is there (opens the index; raises as ``open_index``)."""
    if not has_snapshot(settings):
        from assistant.bootstrap import open_index, save_snapshot

        save_snapshot(settings, open_index(settings, build_if_missing=False))
