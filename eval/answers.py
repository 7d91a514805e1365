"""Scores answers to the everyday-words question set (``eval/everyday_{dev,test}.jsonl``).

The set was written from the source texts alone, by people who had not seen the code; the test half
was committed before any answer logic was tuned and is never edited to pass. Each item is judged as
a user would judge it:

- ``correct``: the status, the first citation and every expected figure and fact are right;
- ``lead``: the asked fact (or the computed figure) stands in the first 160 characters of the
  answer (320 for English);
- ``out_of_scope`` / ``not_specified``: the refusal or the "the sources do not say" is right;
- ``eligibility``: the verdict and, when another measure applies, that measure is cited;
- ``multi_ask``: every ask answered;
- answer length: characters before the source lines, for lookups (median);
- ``no_repeats``: no sentence and no department list twice.
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.amounts import format_yuan, format_yuan_en
from assistant.language import Language
from assistant.records import Answer
from index.normalise import to_simplified

EVAL_DIR = Path(__file__).resolve().parent
LEAD_CHARS = {Language.SIMPLIFIED: 160, Language.TRADITIONAL: 160, Language.ENGLISH: 320}  # where the lead must stand
SOURCE_PREFIXES = ("出处：", "Source:", "出處：")
Ask = Callable[[str, str | None], Answer]


@dataclass
class Outcome:
    """One item's verdicts (None: the check does not apply to the item)."""

    id: str
    kind: str
    correct: bool
    lead: bool | None = None
    verdict: bool | None = None
    asks: bool | None = None
    body_chars: int | None = None
    repeats: bool = False
    why: list[str] = field(default_factory=list)


def load(split: str) -> list[dict[str, Any]]:
    path = EVAL_DIR / f"everyday_{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _alternatives(expected: dict[str, Any]) -> list[str]:
    """The measure(s) that apply instead (``alt_gold``): one id, or a list of ids any one of which will do."""
    alt = expected.get("alt_gold")
    return [alt] if isinstance(alt, str) else list(alt or [])


def _fold(text: str) -> str:
    return re.sub(r"\s+", "", to_simplified(text)).lower()


def _has(text: str, options: list[str]) -> bool:
    folded = _fold(text)
    return any(_fold(option) in folded for option in options)


def _amount_of(answer: Answer) -> int | None:
    if answer.total_yuan is not None:
        return answer.total_yuan
    eligible = [c for c in answer.calculations if c.eligible]
    return eligible[0].amount_yuan if len(eligible) == 1 else None


def _amount_forms(yuan: int) -> list[str]:
    return [format_yuan(yuan), format_yuan_en(yuan), f"{yuan:,}", str(yuan)]


def _body(answer: Answer) -> str:
    lines = answer.answer.splitlines()
    cut = next((i for i, line in enumerate(lines) if line.startswith(SOURCE_PREFIXES)), len(lines))
    return "\n".join(lines[:cut])


def _repeats(answer: Answer) -> bool:
    sentences = [s.strip() for s in re.split(r"(?<=[。！？.!?])|\n", answer.answer) if len(s.strip()) > 12]
    department_lines = [line for line in answer.answer.splitlines() if line.startswith(("责任单位", "責任單位", "Responsible"))]
    return len(sentences) != len(set(sentences)) or len(department_lines) > len({c.chunk_id for c in answer.citations})


def judge_turn(answer: Answer, expected: dict[str, Any], lang: Language, first_only: bool = True) -> tuple[bool, bool | None, list[str]]:
    """(correct, lead ok or None, reasons) for one answer against one expectation.

    ``first_only`` False: one ask of several, whose article may be any citation, not the first.
    """
    why: list[str] = []
    # (a status left null, as a multi-ask's top level may be, is the default: answered)
    status = expected.get("status") or "answered"
    if answer.status.value != status:
        why.append(f"status {answer.status.value} ≠ {status}")
    gold = expected.get("gold") or []
    alt = _alternatives(expected)
    cited = [c.chunk_id for c in answer.citations]
    if gold and status in {"answered", "not_specified", "clarify"}:
        allowed = set(gold) | set(alt)
        if not (set(cited[:1] if first_only else cited) & allowed):
            why.append(f"{'first ' if first_only else ''}citation {cited[:1] if first_only else cited} not in {sorted(allowed)}")
    if status == "out_of_scope" and answer.calculations:
        why.append("an out-of-scope answer carries a calculation")
    amount = expected.get("amount_yuan")
    lead_window = answer.answer[: LEAD_CHARS[lang]]
    if amount is not None:
        computed = _amount_of(answer)
        if computed != amount and not _has(lead_window, _amount_forms(amount)):
            why.append(f"amount {computed} ≠ {amount}")
    for group in expected.get("facts") or []:
        if not _has(answer.answer, group):
            why.append(f"missing fact {group[0]}")
    lead_ok: bool | None = None
    if expected.get("lead"):
        lead_ok = _has(lead_window, expected["lead"])
    elif amount is not None:
        lead_ok = _has(lead_window, _amount_forms(amount))
    if lead_ok is False:
        why.append("asked fact not in the lead")
    return not [w for w in why if w != "asked fact not in the lead"], lead_ok, why


def judge(item: dict[str, Any], ask: Ask) -> Outcome:
    """Ask ``item`` (all turns of a dialogue, in one session) and judge the answers."""
    lang = Language(item.get("lang", Language.SIMPLIFIED))
    if item["kind"] == "dialogue":
        session: str | None = None
        oks, leads, reasons = [], [], []
        for number, turn in enumerate(item["turns"], start=1):
            answer = ask(turn["question"], session)
            session = answer.session_id
            ok, lead, why = judge_turn(answer, turn, lang)
            oks.append(ok)
            if lead is not None:
                leads.append(lead)
            reasons += [f"turn {number}: {w}" for w in why]
        return Outcome(item["id"], "dialogue", all(oks), lead=all(leads) if leads else None, why=reasons)
    answer = ask(item["question"], None)
    ok, lead, why = judge_turn(answer, item, lang)
    outcome = Outcome(item["id"], item["kind"], ok, lead=lead, why=why, repeats=_repeats(answer))
    if item["kind"] == "eligibility":
        said = {v.verdict for v in getattr(answer, "verdicts", [])}
        expected = item.get("verdict")
        verdict_ok = expected in said if said else expected is None
        alt = _alternatives(item)
        if alt and not set(alt) & {c.chunk_id for c in answer.citations}:
            verdict_ok = False
            outcome.why.append(f"alternative {' / '.join(alt)} not cited")
        if not verdict_ok:
            outcome.why.append(f"verdict {sorted(said)} ≠ {expected}")
        outcome.verdict = verdict_ok and ok
    if item["kind"] == "multi_ask":
        all_asks = True
        for sub in item.get("asks") or []:
            sub_ok, _, sub_why = judge_turn(answer, {**sub, "status": answer.status.value, "lead": []}, lang, first_only=False)
            if not sub_ok:
                all_asks = False
                outcome.why += [f"ask {sub.get('kind')}: {w}" for w in sub_why]
        outcome.asks = all_asks and ok
    if item["kind"] in {"lookup", "departments", "validity"}:
        outcome.body_chars = len(_body(answer))
    if outcome.repeats:
        outcome.why.append("a sentence or the departments repeat")
    return outcome


def figures(outcomes: list[Outcome]) -> dict[str, Any]:
    """The issue's figures over ``outcomes`` (shares in 0..1; the median length in characters)."""

    def share(values: list[bool]) -> float:
        return sum(values) / len(values) if values else 1.0

    refusals = [o.correct for o in outcomes if o.kind in {"out_of_scope", "not_specified"}]
    bodies = [o.body_chars for o in outcomes if o.body_chars is not None]
    return {
        "n": len(outcomes),
        "correct": share([o.correct for o in outcomes]),
        "lead_in_first_chars": share([o.lead for o in outcomes if o.lead is not None]),
        "refusals_right": share(refusals),
        "eligibility_right": share([o.verdict for o in outcomes if o.verdict is not None]),
        "multi_ask_all_answered": share([o.asks for o in outcomes if o.asks is not None]),
        "dialogues_right": share([o.correct for o in outcomes if o.kind == "dialogue"]),
        "lookup_median_chars": statistics.median(bodies) if bodies else 0,
        "no_repeats": share([not o.repeats for o in outcomes]),
        "failures": [f"{o.id} ({o.kind}): {'; '.join(o.why)}" for o in outcomes if o.why],
    }


def run(ask: Ask, split: str) -> dict[str, Any]:
    return figures([judge(item, ask) for item in load(split)])
