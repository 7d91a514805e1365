"""Runs the question set and reports retrieval, award, refusal and dialogue figures.

``policy-assistant eval [--report PATH]``. Retrieval is measured for BM25-only, dense-only and hybrid,
beside a fixed-size-chunking baseline (500 characters, dense only), so the gain is a number.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from assistant.engine import Engine
from assistant.records import Answer
from assistant.retrieval import HybridRetriever, RetrievalMode
from assistant.settings import Settings
from index.documents import catalogue
from index.normalise import to_simplified
from index.yaml_data import read_yaml

EVAL_DIR = Path(__file__).resolve().parent
EVAL_DAY = date(2026, 11, 25)


@dataclass
class Item:
    id: str
    kind: str
    gold: list[str]
    question: str = ""
    split: str = "dev"
    amount_yuan: int | None = None
    status: str | None = None
    facts: list[str] = field(default_factory=list)
    turns: list[dict[str, Any]] = field(default_factory=list)


def percentile(values: Iterable[float], share: float) -> float:
    """The value below which ``share`` of ``values`` lie (the lower of the two nearest ranks)."""
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))]


def load_items(path: Path = EVAL_DIR / "questions.jsonl") -> list[Item]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Item(**json.loads(line)) for line in lines if line.strip()]


def retrieval_figures(items: Iterable[Item], ranked: Callable[[str], list[str]]) -> dict[str, float]:
    """hit@1, hit@3 and MRR over items that have gold articles."""
    hits1 = hits3 = 0
    reciprocal = 0.0
    count = 0
    for item in items:
        if not item.gold or not item.question:
            continue
        count += 1
        ids = ranked(item.question)
        ranks = [i for i, chunk in enumerate(ids[:10]) if chunk in item.gold]
        first = ranks[0] if ranks else None
        hits1 += first == 0
        hits3 += first is not None and first < 3
        reciprocal += 1 / (first + 1) if first is not None else 0
    return {"hit_at_1": hits1 / count, "hit_at_3": hits3 / count, "mrr": reciprocal / count, "n": count}


def fixed_chunk_baseline(engine: Engine, items: list[Item]) -> dict[str, float]:
    """LangChain's RecursiveCharacterTextSplitter (500 chars) over the raw sources, dense only."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50)
    chunks: list[str] = []
    for document in catalogue().indexed():
        chunks.extend(splitter.split_text(document.read_source()))
    vectors = engine.retriever.embedder.embed(chunks)
    articles = engine.retriever.articles

    def gold_of(chunk: str) -> set[str]:
        """The articles a fixed-size chunk overlaps (by a 20-character window of its middle)."""
        compact = "".join(chunk.split())
        probe = compact[len(compact) // 2 - 10 : len(compact) // 2 + 10]
        return {a.chunk_id for a in articles if probe and probe in "".join(a.text.split())}

    owners = [gold_of(chunk) for chunk in chunks]

    def ranked(question: str) -> list[str]:
        query = engine.retriever.embedder.embed([question])[0]
        order = (vectors @ query).argsort()[::-1]
        ids: list[str] = []
        for index in order[:10]:
            ids.extend(sorted(owners[index]) or ["(none)"])
        return ids

    return retrieval_figures(items, ranked)


def _simplified(text: str) -> str:
    return to_simplified(text)


def _amount(answer: Answer) -> int | None:
    if answer.total_yuan is not None and len(answer.calculations) > 1:
        return answer.total_yuan
    return answer.calculations[0].amount_yuan if answer.calculations else None


def _expected(item: Item) -> dict[str, Any]:
    """What an item asks of its answer, by kind: the amount, the status, or the articles and facts."""
    if item.kind == "award":
        return {"status": "answered", "amount_yuan": item.amount_yuan, "articles": item.gold}
    if item.kind in {"out_of_scope", "not_specified", "clarify"}:
        return {"status": item.status, **({"facts": item.facts} if item.facts else {})}
    return {"status": "answered", "articles": item.gold, **({"facts": item.facts} if item.facts else {})}


def _failure(label: str, question: str, answer: Answer, expected: dict[str, Any]) -> str:
    """One failed item as labelled fields: what was asked, what came back, what was expected."""
    amount = _amount(answer)
    got = (f"status={answer.status.value}, cited={[c.chunk_id for c in answer.citations] or 'nothing'}, "
           f"amount_yuan={amount if amount is not None else 'no figure'}")
    wanted = ", ".join(f"{key}={value}" for key, value in expected.items())
    return f"{label}: asked “{question}”; got {got}; expected {wanted}"


def run_chat(engine: Engine, items: list[Item]) -> dict[str, Any]:
    results: dict[str, list[bool]] = {"award": [], "status": [], "lookup": [], "precision": [], "dialogue": []}
    latencies: list[float] = []
    failures: list[str] = []
    for item in items:
        if item.kind == "dialogue":
            session = None
            for number, turn in enumerate(item.turns, start=1):
                started = time.perf_counter()
                answer = engine.ask(turn["question"], session)
                latencies.append(time.perf_counter() - started)
                session = answer.session_id
                ok = _turn_ok(answer, turn, item.gold)
                results["dialogue"].append(ok)
                if not ok:
                    expected = {k: v for k, v in turn.items() if k != "question"}
                    failures.append(_failure(f"{item.id} turn {number}", turn["question"], answer, expected))
            continue
        started = time.perf_counter()
        answer = engine.ask(item.question)
        latencies.append(time.perf_counter() - started)
        cited = [c.chunk_id for c in answer.citations]
        if cited and item.gold:
            results["precision"].append(all(c in item.gold for c in cited))
        if item.kind == "award":
            ok = answer.status.value == "answered" and _amount(answer) == item.amount_yuan and bool(
                set(cited) & set(item.gold))
            results["award"].append(ok)
        elif item.kind in {"out_of_scope", "not_specified", "clarify"}:
            ok = answer.status.value == item.status and _facts_in(answer.answer, item.facts)
            results["status"].append(ok)
        else:
            ok = answer.status.value == "answered" and bool(set(cited) & set(item.gold)) and _facts_in(
                answer.answer, item.facts)
            results["lookup"].append(ok)
        if not ok:
            failures.append(_failure(item.id, item.question, answer, _expected(item)))
    share = {name: (sum(values) / len(values) if values else 1.0) for name, values in results.items()}
    latencies_ms = [1000 * t for t in latencies]
    return {
        "award_exact": share["award"],
        "status_accuracy": share["status"],
        "lookup_fact_and_article": share["lookup"],
        "citation_precision": share["precision"],
        "dialogue_turns": share["dialogue"],
        "latency_p50_ms": statistics.median(latencies_ms),
        "latency_p95_ms": percentile(latencies_ms, 0.95),
        "counts": {name: len(values) for name, values in results.items()},
        "failures": failures,
    }


def _turn_ok(answer: Answer, turn: dict[str, Any], gold: list[str]) -> bool:
    if "status" in turn and answer.status.value != turn["status"]:
        return False
    if "amount_yuan" in turn and _amount(answer) != turn["amount_yuan"]:
        return False
    cited_ok = not answer.citations or any(c.chunk_id in gold for c in answer.citations)
    return cited_ok and _facts_in(answer.answer, turn.get("facts", []))


def _facts_in(text: str, facts: list[str]) -> bool:
    simplified = _simplified(text)
    return all(_simplified(fact) in simplified for fact in facts)


# Splits whose items answer logic may be tuned on; the locked ones were written by outside writers before
# the answer logic they measure and report figures only (in the order they were written).
TUNING_SPLITS = ("dev", "test", "fresh", "sealed")
LOCKED_SPLITS = (
    "holdout", "blind", "outside", "unseen", "unseen2", "unseen3", "unseen4", "unseen5", "unseen6", "unseen7", "unseen8",
    "unseen9", "unseen10", "unseen11", "unseen12", "unseen13", "unseen14", "unseen15", "unseen16",
    "unseen17", "unseen18", "unseen19", "unseen20", "unseen21", "unseen22", "unseen23",
    "unseen24",
    "unseen25",
    "unseen26",
    "unseen27",
    "unseen28",
    "unseen29",
    "unseen30",
    "unseen31",
    "unseen32",
    "unseen33",
    "unseen34",
    "unseen35",
    "unseen36",
    "unseen37",
    "unseen38",
    "unseen39",
    "unseen40",
    "unseen41",
    "unseen42",
    "unseen43",
    "unseen44",
    "unseen45",
    "unseen46",
    "unseen47",
    "unseen48",
    "unseen49",
    "unseen50",
    "unseen51",
    "unseen52",
    "unseen53",
    "unseen54",
    "unseen55",
    "unseen56",
    "unseen57",
    "unseen58",
    "unseen59",
    "unseen60",
)


def everyday(engine: Engine) -> dict[str, Any]:
    """The everyday-words splits (``TUNING_SPLITS`` then ``LOCKED_SPLITS``), each with its "before" figures."""
    from eval import answers

    baseline = json.loads((EVAL_DIR / "everyday_baseline.json").read_text(encoding="utf-8"))["before"]
    block: dict[str, Any] = {}
    for split in (*TUNING_SPLITS, *LOCKED_SPLITS):
        block[split] = answers.run(lambda question, session: engine.ask(question, session), split)
        block[split]["before"] = baseline[split]
    return block


def _ranking(retriever: HybridRetriever) -> Callable[[str], list[str]]:
    """The chunk ids ``retriever`` ranks best for a query (ten, on the evaluation day)."""

    def ranked(query: str) -> list[str]:
        return [hit.article.chunk_id for hit in retriever.search(query, k=10, prefer_on=EVAL_DAY)]

    return ranked


def evaluate(settings: Settings) -> dict[str, Any]:
    items = load_items()
    report: dict[str, Any] = {"date": EVAL_DAY.isoformat(), "questions": len(items), "splits": {}}
    engine = Engine.from_settings(settings)
    for split in ("dev", "heldout", "all"):
        chosen = [i for i in items if split == "all" or i.split == split]
        block: dict[str, Any] = {"retrieval": {}}
        for mode in RetrievalMode:
            retriever = HybridRetriever(engine.retriever.index, engine.retriever.embedder,
                                        engine.catalogue, mode)
            block["retrieval"][mode.value] = retrieval_figures(chosen, _ranking(retriever))
        if engine.retriever.prior is not None:  # the served ranking: the fusion with the learned article prior
            block["retrieval"]["hybrid_prior"] = retrieval_figures(chosen, _ranking(engine.retriever))
        block["retrieval"]["fixed_500_dense"] = fixed_chunk_baseline(engine, chosen)
        block["chat"] = run_chat(engine, chosen)
        report["splits"][split] = block
    report["everyday"] = everyday(engine)
    return report


def check(report: dict[str, Any], thresholds: dict[str, float], mode: str) -> list[str]:
    figures = report["splits"]["all"]
    actual = {
        "retrieval_hit_at_1": figures["retrieval"][mode]["hit_at_1"],
        "retrieval_hit_at_3": figures["retrieval"][mode]["hit_at_3"],
        **{k: v for k, v in figures["chat"].items() if isinstance(v, float)},
    }
    for split, block in report.get("everyday", {}).items():
        actual[f"everyday_{split}_correct"] = block["correct"]
        actual[f"everyday_{split}_lead"] = block["lead_in_first_chars"]
    return [f"{name} {actual[name]:.3f} < {limit}" for name, limit in thresholds.items() if actual[name] < limit]


def markdown(report: dict[str, Any]) -> str:
    lines = [f"# Evaluation ({report['questions']} questions, {report['date']})", ""]
    for split, block in report["splits"].items():
        lines += [f"## {split}", "", "| retrieval | hit@1 | hit@3 | MRR | n |", "|---|---|---|---|---|"]
        for mode, fig in block["retrieval"].items():
            lines.append(f"| {mode} | {fig['hit_at_1']:.3f} | {fig['hit_at_3']:.3f} | {fig['mrr']:.3f} | {fig['n']} |")
        chat = block["chat"]
        lines += ["", "| answers | value |", "|---|---|"]
        for name in ("award_exact", "status_accuracy", "lookup_fact_and_article", "citation_precision",
                     "dialogue_turns", "latency_p50_ms", "latency_p95_ms"):
            lines.append(f"| {name} | {chat[name]:.3f} |")
        if chat["failures"]:
            lines += ["", "Failures:", *[f"- {f}" for f in chat["failures"]]]
        lines.append("")
    lines += _everyday_markdown(report.get("everyday", {}))
    return "\n".join(lines)


EVERYDAY_FIGURES = ("correct", "lead_in_first_chars", "refusals_right", "eligibility_right", "multi_ask_all_answered",
                    "dialogues_right", "lookup_median_chars", "no_repeats")


def _everyday_markdown(block: dict[str, Any]) -> list[str]:
    """The everyday-words splits side by side, each figure with its value before the current question path.

    Failures are listed for the tuning splits only (dev; test since it was opened for tuning on
    2026-11-30 at 0.825 correct; fresh since it was opened at 0.688 correct, measured unseen on abaa74d;
    sealed since it was opened at 0.633 correct, measured unseen on 4135e90 and after the scope calibration):
    the locked splits (``LOCKED_SPLITS``) report figures, never their items,
    so answer logic cannot be tuned on them by reading the report.
    """
    if not block:
        return []
    splits = list(block)
    header = " | ".join(f"{s} before | {s} now" for s in splits)
    lines = [f"## everyday words ({', '.join(TUNING_SPLITS)} tuned on; {', '.join(LOCKED_SPLITS)} locked: "
             "written before tuning, never edited)", "",
             f"| figure | {header} |", "|---|" + "---|" * (2 * len(splits))]
    for name in EVERYDAY_FIGURES:
        cells = [f"{block[s]['before'][name]:.3f} | {block[s][name]:.3f}" for s in splits]
        lines.append(f"| {name} | {' | '.join(cells)} |")
    for split in TUNING_SPLITS:
        if split in block:
            lines += ["", f"Failures ({split}):", *[f"- {f}" for f in block[split]["failures"]]]
    return [*lines, ""]


def run_evaluation(settings: Settings, report_path: str | None) -> bool:
    """Evaluate, write the Markdown + JSON report, print it; False when a figure is below its floor.

    With no index under the data dir (and no Chroma server), the index is built in a temporary folder
    so an evaluation never leaves a half-made data dir behind; the report still goes to the data dir.
    """
    if settings.today is None:
        settings = settings.model_copy(update={"today": EVAL_DAY})
    target = Path(report_path) if report_path else settings.data_dir / "eval-report.md"
    needs_scratch = settings.chroma_host is None and not (settings.data_dir / "chroma").exists()
    with tempfile.TemporaryDirectory() if needs_scratch else nullcontext(str(settings.data_dir)) as folder:
        report = evaluate(settings.model_copy(update={"data_dir": Path(folder)}))
    thresholds = read_yaml(EVAL_DIR / "thresholds.yaml")
    failed = check(report, thresholds, settings.retrieval_mode)
    report["thresholds"] = thresholds
    report["below_threshold"] = failed
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown(report), encoding="utf-8")
    target.with_suffix(".json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(markdown(report))
    print(f"report: {target}")
    for line in failed:
        print(f"below threshold: {line}")
    checked = len(thresholds)
    if failed:
        print(f"verdict: FAIL ({len(failed)} of {checked} gated figures below their floors in eval/thresholds.yaml)")
    else:
        print(f"verdict: PASS (all {checked} gated figures at or above their floors in eval/thresholds.yaml)")
    return not failed
