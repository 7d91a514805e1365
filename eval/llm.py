"""The LLM path on the question set: per question, served or refused, the guard's reasons, and whether
a served answer is right.

``policy-assistant eval --llm [--limit N] [--report PATH]`` with ``PA_LLM_BASE_URL`` (and
``PA_LLM_MODEL``) set. Only questions the model may word are asked (awards, lookups, not-specified);
out-of-scope and clarifying answers never reach the model. A served answer is right when it cites a
gold article and states the gold figure or facts; a refused one serves the deterministic answer, so it is
counted apart. Nothing here gates CI: a model's wording is judged, not the product's figures.
"""

from __future__ import annotations

import json
import tempfile
import time
from contextlib import nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.engine import Engine
from assistant.llm.claims import AmountRole, read_claims
from assistant.records import Answer
from assistant.settings import Settings
from eval.runner import EVAL_DAY, Item, load_items
from index.normalise import to_simplified

WRITTEN_KINDS = {"award", "lookup", "not_specified"}


@dataclass(frozen=True)
class Row:
    id: str
    question: str
    served: bool
    right: bool | None  # None when refused: the deterministic answer was served
    seconds: float
    reasons: list[str]


def judge(item: Item, answer: Answer) -> bool:
    """Whether a served answer is right: a gold article cited, and the gold amount or facts stated."""
    cited = {c.chunk_id for c in answer.citations}
    if item.gold and not cited & set(item.gold):
        return False
    text = to_simplified(answer.answer)
    if item.kind == "award":
        stated = {a.yuan for a in read_claims(text).amounts if a.role in {AmountRole.AWARD, AmountRole.UNMARKED}}
        return item.amount_yuan in stated
    if item.kind == "not_specified" and answer.status.value != "not_specified":
        return False
    return all(to_simplified(fact).lower() in text.lower() for fact in item.facts)


def run(engine: Engine, items: list[Item]) -> list[Row]:
    rows = []
    for item in items:
        started = time.perf_counter()
        answer = engine.ask(item.question)
        seconds = time.perf_counter() - started
        served = answer.written_by == "llm"
        rows.append(Row(item.id, item.question, served, judge(item, answer) if served else None, round(seconds, 1),
                        list(answer.guard_problems)))
    return rows


def markdown(rows: list[Row], model: str) -> str:
    served = [r for r in rows if r.served]
    right = [r for r in served if r.right]
    lines = [
        f"# LLM path on the question set ({model})",
        "",
        f"{len(rows)} questions: {len(served)} served as written by the model, {len(right)} of them right; "
        f"{len(rows) - len(served)} refused (the deterministic answer served).",
        "",
        "| id | question | served | right | s | guard's reasons |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        right_mark = "-" if r.right is None else ("yes" if r.right else "NO")
        reasons = "; ".join(r.reasons).replace("|", "/")
        lines.append(f"| {r.id} | {r.question} | {'served' if r.served else 'refused'} | {right_mark} | {r.seconds} | {reasons} |")
    return "\n".join([*lines, ""])


def run_llm_evaluation(settings: Settings, report_path: str | None, limit: int | None = None) -> bool:
    """Ask the writable questions through the configured model; write and print the table.

    Returns False when a served answer is wrong (a wrong figure got past the guard).
    """
    if settings.today is None:
        settings = settings.model_copy(update={"today": EVAL_DAY})
    items = [i for i in load_items() if i.kind in WRITTEN_KINDS and i.question][:limit]
    target = Path(report_path) if report_path else settings.data_dir / "eval-llm-report.md"
    needs_scratch = settings.chroma_host is None and not (settings.data_dir / "chroma").exists()
    with tempfile.TemporaryDirectory() if needs_scratch else nullcontext(str(settings.data_dir)) as folder:
        engine = Engine.from_settings(settings.model_copy(update={"data_dir": Path(folder)}))
        rows = run(engine, items)
    text = markdown(rows, settings.llm_model)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    target.with_suffix(".json").write_text(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2),
                                           encoding="utf-8")
    print(text)
    print(f"report: {target}")
    return all(r.right for r in rows if r.served)
