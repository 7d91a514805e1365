"""Question-log rows the database refused, kept until it accepts them again.

Rows are appended as JSON lines to ``<data dir>/question-spool.jsonl`` (flushed and fsynced, so a
killed process keeps them); when the disk refuses that too, they are held in memory and each is written
to the log line that reports the failure. ``drain`` hands every kept row to the database and forgets
the ones it accepted; the database write is idempotent (rows carry their ``answer_id``).
"""

from __future__ import annotations

import errno
import logging
import os
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

log = logging.getLogger(__name__)

SPOOL_FILE = "question-spool.jsonl"
CLAIMED_GLOB = "question-spool.*.jsonl"
Row = TypeVar("Row", bound=BaseModel)


class Spool(Generic[Row]):
    def __init__(self, directory: Path, record: type[Row]) -> None:
        self.directory = directory
        self.path = directory / SPOOL_FILE
        self._record = record
        self._memory: list[Row] = []
        self._lock = threading.Lock()

    def append(self, row: Row) -> bool:
        """Keeps ``row``; ``True`` when it is on disk, ``False`` when only in this process's memory."""
        line = row.model_dump_json() + "\n"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                data = line.encode()
                size = os.fstat(descriptor).st_size
                if os.write(descriptor, data) != len(data):  # one write of a whole line, or none of it
                    os.ftruncate(descriptor, size)
                    raise OSError(errno.ENOSPC, "the spool line was cut short")
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
            return True
        except OSError as error:
            with self._lock:
                self._memory.append(row)
            log.error("question log row kept in memory only (the spool file failed: %s): %s", error, line.strip())
            return False

    def pending(self) -> bool:
        """Whether anything waits: a cheap check (one stat) made before every database write."""
        return bool(self._memory) or self.path.exists()

    def drain(self, write: Callable[[list[Row]], None]) -> int:
        """Hands the kept rows to ``write`` (which raises when the database still refuses them) and
        forgets them once it returns. Returns how many rows were handed over."""
        with self._lock:
            rows = list(self._memory)
            claimed = self._claim()
            for path in claimed:
                rows.extend(self._read(path))
            if not rows:
                return 0
            write(rows)
            self._memory.clear()
            for path in claimed:
                path.unlink(missing_ok=True)
            return len(rows)

    def _claim(self) -> list[Path]:
        """The spool files to replay: the live one renamed to this drain's own name (so new rows go to a fresh
        file), plus any claimed by a process that died before finishing its replay."""
        if self.path.exists():
            try:
                self.path.rename(self.directory / f"question-spool.{uuid.uuid4().hex}.jsonl")
            except FileNotFoundError:
                pass  # another process claimed it first
        return sorted(self.directory.glob(CLAIMED_GLOB))

    def _read(self, path: Path) -> list[Row]:
        rows = []
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                rows.append(self._record.model_validate_json(line))
            except ValueError:  # a line cut short by a crash mid-write: report it, keep the rest
                log.error("spool %s line %d is not a whole row and is skipped: %r", path, number, line[:200])
        return rows
