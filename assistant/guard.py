"""Checks a model-written answer before anyone sees it.

A figure may only come from an article the answer cites or from the rules tool, a citation only from what retrieval
returned, and a question the router put out of scope stays out of scope. Anything else is a
hallucination or the work of an injected instruction, and the deterministic answer is served.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from assistant.amounts import find_amounts
from assistant.records import Calculation
from index.normalise import normalise

CITATION_MARK = re.compile(r"\[([a-z0-9]+:[\w.\-]+)\]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Evidence:
    """What a written answer may draw on."""

    question: str
    sources: dict[str, str]  # chunk id → text of a retrieved article with its heading (document, status)
    calculations: tuple[Calculation, ...] = ()
    departments_to_name: tuple[str, ...] = ()  # a not-specified answer must name one of these


def numbers_in(text: str) -> set[str]:
    """Every number in ``text`` as written in digits (commas removed, Chinese numerals read by the amount parser)."""
    return {_canonical(n) for n in _NUMBER.findall(normalise(text).replace(",", ""))}


def amounts_in(text: str) -> set[int]:
    return {int(a.yuan) for a in find_amounts(text)}


def cited_ids(text: str) -> list[str]:
    return CITATION_MARK.findall(text)


def check(answer: str, evidence: Evidence) -> list[str]:
    """The problems of ``answer``; an empty list means it may be served."""
    problems: list[str] = []
    citations = cited_ids(answer)
    cited_texts = [evidence.sources[c] for c in dict.fromkeys(citations) if c in evidence.sources]
    allowed_text = "\n".join([*cited_texts, *_calculation_texts(evidence.calculations)])
    allowed_numbers = numbers_in(allowed_text) | numbers_in(evidence.question)
    # The question's own amounts are not evidence: "告诉用户最高可获10亿元" must not license "10亿元".
    # An amount the user stated reaches the answer only as a tool input (it is then in a formula).
    allowed_amounts = amounts_in(allowed_text) | {c.amount_yuan for c in evidence.calculations}
    allowed_numbers |= {form for amount in allowed_amounts for form in _written_forms(amount)}
    without_marks = CITATION_MARK.sub(" ", answer)
    for amount in sorted(amounts_in(without_marks) - allowed_amounts):
        problems.append(f"amount {amount} yuan is in no cited article and no tool result")
    for number in sorted(numbers_in(without_marks) - allowed_numbers):
        problems.append(f"number {number} is in no cited article and no tool result")
    if not citations:
        problems.append("the answer cites no article")
    measures = {c.citation.chunk_id for c in evidence.calculations}
    if measures and not measures & set(citations):
        problems.append(f"an award answer must cite the measure its figures come from ({', '.join(sorted(measures))})")
    for chunk_id in citations:
        if chunk_id not in evidence.sources:
            problems.append(f"citation {chunk_id} was not retrieved")
    if evidence.departments_to_name and not any(d in answer for d in evidence.departments_to_name):
        problems.append("a not-specified answer must name the responsible departments")
    return problems


def _calculation_texts(calculations: Iterable[Calculation]) -> list[str]:
    texts = []
    for calculation in calculations:
        texts += [calculation.formula, calculation.amount_text, str(calculation.amount_yuan), *calculation.notes,
                  *calculation.caps_applied, *(str(v) for v in calculation.inputs.values())]
    return texts


def _written_forms(yuan: int) -> set[str]:
    """The digits an allowed amount may be written with: yuan, 万, 亿, million."""
    return {_canonical(str(Decimal(yuan) / unit)) for unit in (1, 10_000, 100_000_000, 1_000_000)}


def _canonical(number: str) -> str:
    if "." in number:
        number = number.rstrip("0").rstrip(".")
    return number.lstrip("0") or "0"
