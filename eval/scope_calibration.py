"""Scores the scope decision on the calibration set (``eval/scope_calibration.jsonl``).

The set holds close-but-uncovered questions (other cities' and districts' plans, national rules, tax,
patients' insurance, listing rules, company registration and licences, talent and housing, land,
documents outside the catalogue, chit-chat, writing tasks, other industries), in-scope questions in
everyday words, and in-scope asks whose amount, deadline or materials the sources do not set. Each line:
``{"id", "lang", "question", "expected": "out_of_scope" | "covered" | "not_specified", "group"}``.

A refusal is the answer status ``out_of_scope``. Figures: the refusals' precision (refused questions
that are out of scope) and recall (out-of-scope questions refused), the share of in-scope questions
refused (over-refusal), and the share of ``not_specified`` asks answered so.

``python -m eval.scope_calibration`` prints the figures and every miss.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.records import Answer

CALIBRATION_PATH = Path(__file__).resolve().parent / "scope_calibration.jsonl"
OUT_OF_SCOPE = "out_of_scope"
NOT_SPECIFIED = "not_specified"


@dataclass(frozen=True)
class CalibrationItem:
    id: str
    lang: str
    question: str
    expected: str
    group: str


def load(path: Path = CALIBRATION_PATH) -> list[CalibrationItem]:
    return [CalibrationItem(**json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def figures(items: list[CalibrationItem], statuses: list[str]) -> dict[str, Any]:
    """Precision and recall of refusals, over-refusal of in-scope questions, not-specified accuracy (0..1),
    and the misses (``id expected → status: question``)."""
    pairs = list(zip(items, statuses, strict=True))
    refused = [(i, s) for i, s in pairs if s == OUT_OF_SCOPE]
    outside = [(i, s) for i, s in pairs if i.expected == OUT_OF_SCOPE]
    inside = [(i, s) for i, s in pairs if i.expected != OUT_OF_SCOPE]
    unstated = [(i, s) for i, s in pairs if i.expected == NOT_SPECIFIED]
    true_refusals = sum(1 for i, _ in refused if i.expected == OUT_OF_SCOPE)
    misses = [f"{i.id} {i.expected} → {s}: {i.question}" for i, s in pairs
              if (i.expected == OUT_OF_SCOPE) != (s == OUT_OF_SCOPE) or (i.expected == NOT_SPECIFIED and s != NOT_SPECIFIED)]
    return {
        "n": len(pairs),
        "refusal_precision": true_refusals / len(refused) if refused else 1.0,
        "refusal_recall": true_refusals / len(outside) if outside else 1.0,
        "over_refusal": sum(1 for _, s in inside if s == OUT_OF_SCOPE) / len(inside) if inside else 0.0,
        "not_specified_right": sum(1 for _, s in unstated if s == NOT_SPECIFIED) / len(unstated) if unstated else 1.0,
        "misses": misses,
    }


def run(ask: Callable[[str], Answer], items: list[CalibrationItem] | None = None) -> dict[str, Any]:
    """Ask every item in a conversation of its own and score the statuses."""
    chosen = load() if items is None else items
    return figures(chosen, [ask(item.question).status.value for item in chosen])


def main() -> None:
    from datetime import date

    from assistant.engine import Engine
    from assistant.settings import Settings

    engine = Engine.from_settings(Settings(data_dir=Path(tempfile.mkdtemp()), today=date(2026, 11, 30)))
    report = run(lambda question: engine.ask(question, None))
    print(json.dumps({k: v for k, v in report.items() if k != "misses"}, ensure_ascii=False))
    print("\n".join(report["misses"]))


if __name__ == "__main__":
    main()
