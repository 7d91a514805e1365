"""Writers of the SQLite state store take turns on a lock beside the file (threads and processes) instead of
sleeping in SQLite's busy handler; a turn ends with its transaction however it ends. Real SQLite, real
processes."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import threading

import pytest
import sqlalchemy as sa

from assistant.store.database import WRITERS_SUFFIX, StoreUnavailable, close_database, open_database, reading, transaction
from assistant.store.write_queue import WriteQueue


def _free(lock_file) -> bool:
    """Whether another process could take the writers' turn now."""
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


@pytest.fixture
def database(tmp_path):
    url = sa.engine.URL.create("sqlite", database=str(tmp_path / "state.sqlite3"))
    yield open_database(url), tmp_path / f"state.sqlite3{WRITERS_SUFFIX}"
    close_database(url)


def test_a_writers_turn_ends_with_its_commit_and_with_its_rollback(database):
    engine, lock_file = database
    with transaction(engine, "write") as connection:
        connection.exec_driver_sql("CREATE TABLE notes (text TEXT)")
        assert not _free(lock_file)  # held while the transaction is open
    assert _free(lock_file)
    with pytest.raises(ValueError), transaction(engine, "write") as connection:
        connection.exec_driver_sql("INSERT INTO notes VALUES ('kept?')")
        raise ValueError("a mistake after the write")
    assert _free(lock_file)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM notes").scalar() == 0  # rolled back


def test_threads_of_a_process_take_turns_and_a_turn_ends_from_any_thread(tmp_path):
    queue = WriteQueue(tmp_path / "writers")
    first, second = object(), object()
    assert queue.acquire(first, timeout=1)
    other: list[bool] = []
    waiting = threading.Thread(target=lambda: other.append(queue.acquire(second, timeout=0.2)))
    waiting.start()
    waiting.join()
    assert other == [False]  # the turn is taken
    queue.release(second)  # not its turn: nothing happens
    assert not queue.acquire(second, timeout=0.1)
    ending = threading.Thread(target=queue.release, args=(first,))  # a transaction ended by another thread
    ending.start()
    ending.join()
    waiting = threading.Thread(target=lambda: (other.append(queue.acquire(second, timeout=1)), queue.release(second)))
    waiting.start()
    waiting.join()
    assert other == [False, True] and _free(tmp_path / "writers")


def test_a_writer_whose_turn_never_comes_is_a_store_fault_not_a_hang(database, monkeypatch):
    engine, lock_file = database
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time\n"
         f"fd = os.open({str(lock_file)!r}, os.O_RDWR | os.O_CREAT)\n"
         "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        monkeypatch.setattr("assistant.store.database.BUSY_TIMEOUT_MS", 300)
        with pytest.raises(StoreUnavailable), transaction(engine, "could not write"):
            pass
        with reading(engine, "could not read") as connection:  # reads take no turn
            assert connection.exec_driver_sql("SELECT 1").scalar() == 1
    finally:
        holder.kill()
        holder.wait()
    with transaction(engine, "write") as connection:  # a process that dies hands its turn on
        connection.exec_driver_sql("CREATE TABLE after (x INTEGER)")
