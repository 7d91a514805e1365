"""Data a serving process loads at every start, kept on disk as loaded, so that a later start reads it back
instead of parsing its sources again: the embedder's weights and tokenizer, jieba's dictionary with the
policy's terms.

An entry is a pickle (protocol 5) whose arrays are kept apart, in one file that is memory-mapped on
reading: a 65 MB weight table is then read in milliseconds, and the processes of one machine share its
pages. An entry is keyed by what it was loaded from: the Python version, the versions of the packages
named, and each source file's path, size and modification time (what Python's own ``.pyc`` files are
checked by). A changed source or package makes a new key, so the stale entry is never read; it is
replaced when the fresh load is written.

Loading never fails because of the cache: an entry that cannot be read (truncated, corrupt, unreadable)
is logged as a warning and the data is loaded from its sources; an entry that cannot be written (a
read-only data dir, a full disk) is logged too, and the loaded data is used as it is.

    use_directory(settings.data_dir / "cache")    # once per process, by the serving entry point
    table = cached("weights", [WEIGHTS], ["numpy"], load_weights)    # the loaded value, from disk or built

With no directory set (the default, e.g. in a command-line run) ``cached`` just calls the loader.
Reading an entry unpickles it, so the directory must be writable by the service alone, as the rest of
its data dir (its database, its index) already must be.
"""

from __future__ import annotations

import hashlib
import logging
import mmap
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import BinaryIO, TypeVar, cast

T = TypeVar("T")
FORMAT = 1  # the layout below; a new layout changes every key
ALIGNMENT = 64  # each array starts at a multiple of this in the arrays file, as numpy's own files do

log = logging.getLogger(__name__)
_directory: Path | None = None


def use_directory(directory: Path | None) -> None:
    """Where ``cached`` keeps its entries in this process (created when first written); None turns the
    cache off. Forked children inherit the setting."""
    global _directory
    _directory = directory


def cache_directory() -> Path | None:
    """The directory ``use_directory`` set, or None."""
    return _directory


@dataclass(frozen=True)
class _Entry:
    """The two files of one cache entry: the pickle and its arrays."""

    pickle: Path
    arrays: Path


def cached(name: str, sources: Iterable[Path], packages: Sequence[str], load: Callable[[], T]) -> T:
    """The value ``load()`` returns, read from the cache entry of ``name`` when one was written from the
    same ``sources`` (files) and ``packages`` (installed distributions, by name); otherwise loaded and
    written for the next start. ``load``'s value must pickle. Raises only what ``load`` raises (a source
    that cannot be read is logged and left to ``load``)."""
    directory = _directory
    if directory is None:
        return load()
    try:
        key = fingerprint(name, sources, packages)
    except OSError as error:
        log.warning("could not check the sources of the cached %s (%s); loading it without the cache", name, error)
        return load()
    entry = _Entry(directory / f"{name}-{key}.pickle", directory / f"{name}-{key}.arrays")
    if entry.pickle.exists():
        try:
            return cast(T, _read(entry))
        except Exception as error:  # any unreadable entry: load from the sources instead
            log.warning("could not read the cached %s (%s: %s); loading it from its sources", name,
                        type(error).__name__, error)
    value = load()
    try:
        _write(entry, value)
    except Exception as error:  # a read-only or full data dir, an unpicklable value: serve without the cache
        log.warning("could not cache the loaded %s in %s (%s: %s)", name, directory, type(error).__name__, error)
    else:
        _remove_stale(directory, name, entry)
    return value


def fingerprint(name: str, sources: Iterable[Path], packages: Sequence[str]) -> str:
    """The key of an entry: changes with the Python version, a package's version or a source file's path,
    size or modification time. Raises ``FileNotFoundError`` for a missing source."""
    digest = hashlib.sha256(f"{FORMAT}\0{name}\0{sys.version}".encode())
    for package in packages:
        digest.update(f"\0{package}={_version(package)}".encode())
    for source in sources:
        status = os.stat(source)
        digest.update(f"\0{Path(source).resolve()}:{status.st_size}:{status.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def _read(entry: _Entry) -> object:
    """The value of a written entry; its arrays are read-only views of the memory-mapped arrays file."""
    with entry.pickle.open("rb") as handle:
        layout, payload = pickle.load(handle)
    if not layout:
        return pickle.loads(payload)
    with entry.arrays.open("rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)  # stays mapped while an array uses it
    if len(mapped) < max(offset + size for offset, size in layout):
        raise ValueError(f"{entry.arrays.name} is shorter than its entry says")
    view = memoryview(mapped)
    return pickle.loads(payload, buffers=[view[offset:offset + size] for offset, size in layout])


def _write(entry: _Entry, value: object) -> None:
    """Writes the arrays file, then the pickle that names it, each under a temporary name renamed into
    place: a reader sees a whole entry or none, and two processes writing the same entry agree."""
    buffers: list[pickle.PickleBuffer] = []
    payload = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
    entry.pickle.parent.mkdir(parents=True, exist_ok=True)
    layout: list[tuple[int, int]] = []
    if buffers:
        with _replacing(entry.arrays) as handle:
            for buffer in buffers:
                raw = buffer.raw()
                handle.write(b"\0" * (-handle.tell() % ALIGNMENT))
                offset = handle.tell()
                handle.write(raw)
                layout.append((offset, raw.nbytes))
    with _replacing(entry.pickle) as handle:
        pickle.dump((layout, payload), handle, protocol=5)


@contextmanager
def _replacing(path: Path) -> Iterator[BinaryIO]:
    """A binary file written under a temporary name in ``path``'s directory, renamed over ``path`` when
    the block ends without an error (deleted otherwise)."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _remove_stale(directory: Path, name: str, keep: _Entry) -> None:
    """Deletes the entries of ``name`` written from other sources; one in use elsewhere stays readable
    by whoever has it open or mapped."""
    for path in directory.glob(f"{name}-*"):
        if path not in (keep.pickle, keep.arrays) and not path.name.startswith("."):
            path.unlink(missing_ok=True)
