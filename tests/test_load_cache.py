"""The load cache: a second start reads the loaded data back instead of parsing its sources, answers exactly
as a start without it does, and never fails because of it (a stale entry is never read, a corrupt or
unwritable one falls back to the sources with a warning)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index import load_cache
from index.load_cache import cached, fingerprint, use_directory

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache_dir(tmp_path: Path) -> Iterator[Path]:
    directory = tmp_path / "cache"
    use_directory(directory)
    yield directory
    use_directory(None)


class Loads:
    """A loader that counts its calls and returns arrays and plain data, as the real ones do."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, Any]:
        self.calls += 1
        return {"table": np.arange(6000, dtype=np.float32).reshape(60, 100), "rows": [np.ones(3, dtype=np.uint8)],
                "words": {"伦理审查": 3, "临床试验": 5}, "total": 8}


@pytest.fixture
def warnings_logged() -> Iterator[list[str]]:
    """The warnings ``index.load_cache`` logs during the test (the suite runs without pytest's log capture)."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    handler = Collect(logging.WARNING)
    logger = logging.getLogger(load_cache.__name__)
    logger.addHandler(handler)
    yield messages
    logger.removeHandler(handler)


def _source(tmp_path: Path, text: str = "伦理审查 3\n") -> Path:
    source = tmp_path / "terms.txt"
    source.write_text(text, encoding="utf-8")
    return source


def test_a_second_load_reads_the_entry_with_its_arrays_mapped_from_disk(cache_dir, tmp_path):
    source, loads = _source(tmp_path), Loads()
    first = cached("terms", [source], ["numpy"], loads)
    second = cached("terms", [source], ["numpy"], loads)
    assert loads.calls == 1, "the second load read the entry"
    assert second["words"] == first["words"] and second["total"] == 8
    assert np.array_equal(second["table"], first["table"]) and np.array_equal(second["rows"][0], first["rows"][0])
    assert not second["table"].flags.writeable, "the arrays are read-only views of the mapped file"
    assert sorted(path.suffix for path in cache_dir.iterdir()) == [".arrays", ".pickle"]


def test_a_changed_source_is_loaded_again_and_its_stale_entry_removed(cache_dir, tmp_path):
    source, loads = _source(tmp_path), Loads()
    cached("terms", [source], ["numpy"], loads)
    before = set(cache_dir.iterdir())
    source.write_text("伦理审查 3\n临床试验 5\n", encoding="utf-8")
    cached("terms", [source], ["numpy"], loads)
    assert loads.calls == 2
    after = set(cache_dir.iterdir())
    assert len(after) == 2 and not after & before, "only the entry of the current source is kept"


def test_another_package_version_makes_another_key(tmp_path, monkeypatch):
    """A distribution made on disk: its recorded version is what the key reads."""
    source = _source(tmp_path)
    site = tmp_path / "site"

    def install(version: str) -> None:
        info = site / "policy_cache_probe-0.dist-info"
        info.mkdir(parents=True, exist_ok=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: policy-cache-probe\nVersion: {version}\n")

    monkeypatch.syspath_prepend(str(site))
    install("1.0")
    old = fingerprint("terms", [source], ["policy-cache-probe"])
    install("1.1")
    assert fingerprint("terms", [source], ["policy-cache-probe"]) != old
    assert fingerprint("terms", [source], ["policy-cache-probe"]) == fingerprint("terms", [source], ["policy-cache-probe"])


@pytest.mark.parametrize("damage", ["garbage pickle", "empty pickle", "truncated arrays", "missing arrays"])
def test_a_damaged_entry_is_loaded_from_the_sources_with_a_warning(cache_dir, tmp_path, warnings_logged, damage):
    source, loads = _source(tmp_path), Loads()
    cached("terms", [source], ["numpy"], loads)
    pickled, arrays = (next(cache_dir.glob(f"terms-*{suffix}")) for suffix in (".pickle", ".arrays"))
    if damage == "garbage pickle":
        pickled.write_bytes(b"not a pickle at all")
    elif damage == "empty pickle":
        pickled.write_bytes(b"")
    elif damage == "truncated arrays":
        arrays.write_bytes(arrays.read_bytes()[:1000])
    else:
        arrays.unlink()
    value = cached("terms", [source], ["numpy"], loads)
    assert loads.calls == 2 and value["total"] == 8
    assert any(message.startswith("could not read the cached terms") for message in warnings_logged)
    assert cached("terms", [source], ["numpy"], loads)["total"] == 8 and loads.calls == 2, "the entry was written anew"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to a read-only directory")
def test_an_unwritable_cache_dir_serves_the_loaded_data_with_a_warning(tmp_path, warnings_logged):
    directory = tmp_path / "cache"
    directory.mkdir()
    directory.chmod(0o500)
    use_directory(directory)
    try:
        value = cached("terms", [_source(tmp_path)], ["numpy"], Loads())
    finally:
        use_directory(None)
        directory.chmod(0o700)
    assert value["total"] == 8 and any(m.startswith("could not cache the loaded terms") for m in warnings_logged)


def test_a_cache_dir_that_is_a_file_serves_the_loaded_data_with_a_warning(tmp_path, warnings_logged):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache dir would be")
    use_directory(blocker)
    try:
        value = cached("terms", [_source(tmp_path)], ["numpy"], Loads())
    finally:
        use_directory(None)
    assert value["total"] == 8 and any(m.startswith("could not cache the loaded terms") for m in warnings_logged)


def test_a_missing_source_is_left_to_the_loader_with_a_warning(cache_dir, tmp_path, warnings_logged):
    loads = Loads()
    assert cached("terms", [tmp_path / "gone.txt"], ["numpy"], loads)["total"] == 8
    assert loads.calls == 1 and any(m.startswith("could not check the sources of the cached terms") for m in warnings_logged)
    assert not cache_dir.exists(), "nothing is cached under a key that could not be made"


def test_without_a_directory_every_load_reads_the_sources(tmp_path):
    loads = Loads()
    assert load_cache.cache_directory() is None
    cached("terms", [_source(tmp_path)], ["numpy"], loads)
    cached("terms", [_source(tmp_path)], ["numpy"], loads)
    assert loads.calls == 2


ANSWERS_SCRIPT = """
import json, sys
from pathlib import Path
from typing import Any
from assistant.settings import Settings
from assistant.engine import Engine, warm_up_questions
from index.load_cache import use_directory
from index.tokens import tokenize

settings = Settings(**json.loads(sys.argv[1]))
use_directory(Path(sys.argv[2]) if sys.argv[2] else None)
questions = json.loads(sys.argv[3])
engine = Engine.from_settings(settings, build_if_missing=False)
answers = []
for question in questions:
    answer = engine.ask(question)
    answers.append({"answer": answer.answer, "status": str(answer.status),
                    "citations": [c.chunk_id for c in answer.citations],
                    "amounts": [c.amount_yuan for c in answer.calculations]})
vectors = engine.retriever.embedder.embed(list(questions))
print(json.dumps({"answers": answers, "tokens": [tokenize(q) for q in questions],
                  "vectors": vectors.round(6).tolist(), "search": [r.chunk_id for r in engine.search(questions[0], k=10)]}))
"""


def _answers(settings, cache: Path | None, questions: list[str]) -> dict[str, Any]:
    """What a fresh interpreter answers, with the load cache in ``cache`` (or none)."""
    result = subprocess.run(
        [sys.executable, "-c", ANSWERS_SCRIPT, json.dumps({"data_dir": str(settings.data_dir), "today": str(settings.today)}),
         str(cache or ""), json.dumps(questions)],
        capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "could not" not in result.stderr, result.stderr[-3000:]
    return json.loads(result.stdout)


def test_answers_are_the_same_with_the_load_cache_and_without(settings, engine, tmp_path):
    """Three fresh interpreters: without the cache, writing it, reading it. Every answer, citation,
    amount, token and vector is the same; the third start read the entries the second wrote."""
    with (ROOT / "eval" / "everyday_dev.jsonl").open(encoding="utf-8") as handle:
        dev = [item["question"] for item in map(json.loads, handle) if "question" in item]
    questions = [*dev[:24:2], "1类新药II期临床研发投入6000万能拿多少？", "倫理審查要多久？",
                 "What support is there for innovative medical devices?"]
    cache = tmp_path / "cache"
    without = _answers(settings, None, questions)
    assert not cache.exists()
    writing = _answers(settings, cache, questions)
    written = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert {name.split("-")[0] for name in written} == {"use", "jieba"}, written
    reading = _answers(settings, cache, questions)
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == written, "read, not written again"
    assert writing == without and reading == without
    assert any(answer["amounts"] for answer in without["answers"]) and any(a["citations"] for a in without["answers"])
