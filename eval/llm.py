"""The LLM path on the question set: per question, served or refused, the guard's reasons, and whether
a served answer is right.

``policy-assistant eval --llm [--limit N] [--report PATH]`` with ``PA_LLM_BASE_URL`` (and
``PA_LLM_MODEL``) set. The questions are taken in turn from each kind (award, lookup, not-specified,
out of scope), so ``--limit 12`` is a mix. Awards, lookups and not-specified answers are worded by the
model; an out-of-scope question is refused before any model is asked, and the row says so. A served
answer is right when it cites a gold article and states the gold figure or facts; a refused one serves
the deterministic answer, so it is counted apart. Nothing here gates CI: a model's wording is judged,
not the product's figures.
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

WRITTEN_KINDS = ("award", "lookup", "not_specified")
ASKED_KINDS = (*WRITTEN_KINDS, "out_of_scope")


@dataclass(frozen=True)
class Row:
    id: str
    kind: str
    question: str
    served: bool
    right: bool | None  # None when refused: the deterministic answer was served
    seconds: float
    reasons: list[str]
    model_asked: bool = True  # False: refused as out of scope before any model was asked


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
        asked = served or bool(answer.guard_problems)
        rows.append(Row(item.id, item.kind, item.question, served, judge(item, answer) if served else None,
                        round(seconds, 1), list(answer.guard_problems), asked))
    return rows


def in_turn(items: list[Item]) -> list[Item]:
    """The items of each asked kind, taken one kind after another (award, lookup, not-specified, out of scope)."""
    by_kind = [[i for i in items if i.kind == kind and i.question] for kind in ASKED_KINDS]
    return [group[n] for n in range(max(map(len, by_kind), default=0)) for group in by_kind if n < len(group)]


def markdown(rows: list[Row], model: str) -> str:
    served = [r for r in rows if r.served]
    right = [r for r in served if r.right]
    asked = [r for r in rows if r.model_asked]
    lines = [
        f"# LLM path on the question set ({model})",
        "",
        f"{len(rows)} questions, {len(asked)} worded by the model: {len(served)} served as written by the model, "
        f"{len(right)} of them right; {len(asked) - len(served)} refused by the guard (the deterministic answer "
        f"served); {len(rows) - len(asked)} out of scope, refused before any model was asked.",
        "",
        "| id | kind | question | outcome | right | s | guard's reasons |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        right_mark = "-" if r.right is None else ("yes" if r.right else "NO")
        outcome = "served" if r.served else ("refused" if r.model_asked else "not asked")
        reasons = "; ".join(r.reasons).replace("|", "/").replace("\n", " ")
        lines.append(f"| {r.id} | {r.kind} | {r.question} | {outcome} | {right_mark} | {r.seconds} | {reasons} |")
    return "\n".join([*lines, ""])


def run_llm_evaluation(settings: Settings, report_path: str | None, limit: int | None = None) -> bool:
    """Ask the writable questions through the configured model; write and print the table.

    Returns False when a served answer is wrong (a wrong figure got past the guard).
    """
    if settings.today is None:
        settings = settings.model_copy(update={"today": EVAL_DAY})
    items = in_turn(load_items())[:limit]
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
