"""Benchmark (figures, not a test): what the state store costs a chat turn, on SQLite and PostgreSQL.

    python -m eval.store_bench                                   # SQLite in a temporary data dir
    python -m eval.store_bench --database-url postgresql://…     # and a PostgreSQL database (its tables are created)

Prints, per database, the median milliseconds of: one question-log write, one session read and save
(a follow-up turn's store work), and one feedback write. Bounded: a few hundred operations each.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pydantic import SecretStr

from assistant.conversation.sessions import SessionStore
from assistant.records import Answer, Status
from assistant.settings import Settings
from assistant.store import open_store

ANSWER = Answer(session_id="bench", status=Status.ANSWERED,
                answer="伦理审查时限：……自受理之日起5个工作日内完成审查。出处：沪府办规〔2024〕9号（十）" * 3)


def _median_ms(operation: Callable[[], object], count: int) -> float:
    for _ in range(20):  # warm the pool and the statement cache
        operation()
    times = []
    for _ in range(count):
        start = time.perf_counter()
        operation()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(settings: Settings, count: int) -> dict[str, float]:
    """Median milliseconds per operation on the store ``settings`` name."""
    store = open_store(settings)
    sessions = SessionStore(store.engine, 3600, 2000, 20)
    session = sessions.get(None)

    def follow_up() -> None:
        current = sessions.get(session.id)
        sessions.record(current, "研发投入改成1亿呢", ANSWER.answer)

    receipt = store.questions.record_answer("伦理审查多久", ANSWER, "bench")
    return {
        "log write": _median_ms(lambda: store.questions.record_answer("伦理审查多久", ANSWER, "bench"), count),
        "session read + save": _median_ms(follow_up, count),
        "feedback": _median_ms(lambda: store.questions.feedback(receipt.answer_id, "like", None,
                                                                  token=receipt.feedback_token), count),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="what the state store costs a chat turn")
    parser.add_argument("--database-url", help="a PostgreSQL database to measure beside SQLite")
    parser.add_argument("--count", type=int, default=300)
    arguments = parser.parse_args()
    targets = {"sqlite": Settings(data_dir=Path(tempfile.mkdtemp()))}
    if arguments.database_url:
        targets["postgresql"] = Settings(data_dir=Path(tempfile.mkdtemp()), database_url=SecretStr(arguments.database_url))
    figures = {name: measure(settings, arguments.count) for name, settings in targets.items()}
    operations = list(next(iter(figures.values())))
    print("| operation (median ms) | " + " | ".join(figures) + " |")
    print("|---|" + "---|" * len(figures))
    for operation in operations:
        print(f"| {operation} | " + " | ".join(f"{figures[name][operation]:.2f}" for name in figures) + " |")


if __name__ == "__main__":
    main()
