"""Checks a model-written answer, claim by claim, against the plan of its turn before anyone sees it.

``check(answer, evidence) -> list[str]``: the problems, one sentence each; an empty list means the
answer may be served. The answer is read as claims (``assistant.llm.claims``) and each claim is held
to what the plan licenses (``assistant.llm.facts.PlanFacts``):

- citations: at least one; every one retrieved; the article(s) the plan chose among them;
- award amounts: a calculation the engine ran for the planned rule, or that rule's per-item ceiling,
  and the engine's figure itself stated;
  a base only as a calculation input or a stated amount; an annual cap only as the planned rule's;
  a condition amount ("at least", 不低于, 以上) only as a threshold of the planned rule's conditions;
- lookup figures (durations, counts, percentages, amounts): in the sentence of the planned article
  that states the asked fact, with the same unit (and the asked figure itself when the unit is the
  asked one);
- a not-specified plan: no amount where the text sets none, no deadline, materials or place to apply,
  and the answer says the sources do not state it (the 责任单位 line is appended to every served answer);
- dates: only those the planned sentence states, or a document's validity when said as validity;
  validity dates license no deadline;
- departments: only those of the cited articles;
- any other number: in a cited article or a tool result (digits the claims above do not cover).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.amounts import format_yuan
from assistant.llm.claims import AmountRole, Claims, canonical_number, figures_in, read_claims, words
from assistant.llm.facts import PlanFacts
from assistant.records import Calculation
from index.normalise import normalise


@dataclass(frozen=True)
class Evidence:
    """What a written answer may draw on: the plan's facts and the texts of the retrieved articles."""

    question: str
    facts: PlanFacts
    sources: dict[str, str]  # chunk id → heading (document, 文号, validity) and text of a retrieved article
    tool_results: tuple[Calculation, ...] = ()  # calculations the model asked for (shown, never licensing)
    validity_dates: dict[str, tuple[str, ...]] = field(default_factory=dict)  # chunk id → ISO dates of its document
    known_departments: tuple[str, ...] = ()  # every department name the corpus and the word list know


def check(answer: str, evidence: Evidence) -> list[str]:
    """The problems of ``answer``; an empty list means it may be served."""
    claims = read_claims(answer, lambda span: _quotes_the_asked_fact(span, evidence.facts))
    problems: list[str] = []
    problems += _citations(claims, evidence)
    problems += _amounts(claims, evidence)
    problems += _figures(claims, evidence)
    problems += _dates(claims, evidence)
    problems += _not_specified(answer, claims, evidence)
    problems += _departments(answer, claims, evidence)
    problems += _bare_numbers(claims, evidence)
    return list(dict.fromkeys(problems))


def _quotes_the_asked_fact(span: str, facts: PlanFacts) -> bool:
    """A quotation of the sentence that states the asked fact, the asked figure included, is no claim of its own."""
    quoted = normalise(span).strip().rstrip("。")
    return len(quoted) >= 8 and any(quoted in normalise(f.sentence) and (not f.figure or f.figure in quoted)
                                    for f in facts.lookups)


# --- citations -------------------------------------------------------------------------------------
def _citations(claims: Claims, evidence: Evidence) -> list[str]:
    cited = set(claims.citations)
    if not cited:
        return ["the answer cites no article"]
    problems = [f"citation {c} was not retrieved" for c in dict.fromkeys(claims.citations)
                if c not in evidence.sources]
    missing = [c for c in evidence.facts.planned if c not in cited]
    if missing:
        problems.append(f"the answer must cite the article the plan chose ({', '.join(missing)})")
    return problems


# --- amounts ---------------------------------------------------------------------------------------
def _amounts(claims: Claims, evidence: Evidence) -> list[str]:
    facts = evidence.facts
    problems = []
    lookup_amounts = {a for fact in facts.lookups for a in _amounts_of(fact.sentence)}
    computed = {c.amount_yuan for c in facts.calculations} | set(facts.totals)
    # what the share gives before a binding ceiling ("按40%计为2400万元") is a term only beside the engine's figure: said
    # alone ("40%×6000万元=2400万元") it reads as the award
    capped = bool(computed & {c.yuan for c in claims.amounts})
    formula_terms = facts.awards | set(facts.bases) | set(facts.annual_caps) | (facts.uncapped if capped else frozenset())
    for claim in claims.amounts:
        shown = f"{format_yuan(claim.yuan)} ({claim.yuan} yuan)"
        if facts.no_amount or (facts.not_specified and not facts.is_award):
            problems.append(f"amount {shown}: the sources set no amount for this, so none may be stated")
        elif claim.role is AmountRole.FORMULA:
            if claim.yuan not in formula_terms:
                problems.append(f"amount {shown} is no term of the engine's calculation")
        elif claim.role is AmountRole.BASE:
            if claim.yuan not in facts.bases:
                problems.append(f"amount {shown} is said as a base but is no input of the calculation")
        elif claim.role is AmountRole.CONDITION:
            if claim.yuan not in facts.thresholds and claim.yuan not in lookup_amounts:
                problems.append(f"amount {shown} is said as a condition but is no threshold of the planned rule")
        elif claim.role is AmountRole.ANNUAL_CAP:
            if claim.yuan not in facts.annual_caps and claim.yuan not in lookup_amounts:
                problems.append(f"amount {shown} is said as an annual cap but is not the planned rule's")
        elif facts.is_award or facts.rules:
            allowed = facts.awards | (set(facts.bases) if claim.role is AmountRole.UNMARKED else set())
            if claim.yuan not in allowed:
                problems.append(f"amount {shown} is not the engine's figure for the planned rule "
                                f"({', '.join(format_yuan(a) for a in sorted(facts.awards)) or 'none'})")
        elif claim.yuan not in lookup_amounts:
            problems.append(f"amount {shown} is not in the sentence that states the asked fact")
    if computed and not capped:
        problems.append(f"an award answer must state the engine's figure ({', '.join(format_yuan(a) for a in sorted(computed))})")
    return problems


def _amounts_of(text: str) -> set[int]:
    return {a.yuan for a in read_claims(text).amounts}


# --- durations, counts, percentages ----------------------------------------------------------------
def _figures(claims: Claims, evidence: Evidence) -> list[str]:
    facts = evidence.facts
    problems = []
    if facts.lookups:
        stated = {(f.value, f.unit) for fact in facts.lookups for f in figures_in(fact.sentence)}
        asked = {(f.value, f.unit) for fact in facts.lookups if fact.figure for f in figures_in(fact.figure)}
        asked_units = {unit for _, unit in asked}
        for claim in claims.figures:
            key = (claim.value, claim.unit)
            if claim.unit in asked_units and key not in asked:
                problems.append(f"figure {claim.text} is not the asked one "
                                f"({', '.join(f.figure for f in facts.lookups if f.figure)})")
            elif key not in stated:
                problems.append(f"figure {claim.text} is not in the sentence that states the asked fact")
        return problems
    licensed = _licensed_figures(evidence)
    for claim in claims.figures:
        if (claim.value, claim.unit) not in licensed:
            problems.append(f"figure {claim.text} is in no planned article and no calculation")
    return problems


def _licensed_figures(evidence: Evidence) -> set[tuple[str, str]]:
    facts = evidence.facts
    texts = [a.text for a in facts.articles]
    texts += [t for c in facts.calculations for t in (c.formula, *c.notes, *c.caps_applied)]
    texts += [r.quote for r in facts.rules]
    return {(f.value, f.unit) for text in texts for f in figures_in(text)}


# --- dates and deadlines ---------------------------------------------------------------------------
def _dates(claims: Claims, evidence: Evidence) -> list[str]:
    facts = evidence.facts
    stated = {d.day for fact in facts.lookups for d in read_claims(fact.sentence).dates}
    deadline_stated = any(read_claims(fact.sentence).deadlines for fact in facts.lookups)
    validity = {day for cid in (*facts.planned, *claims.citations) for day in evidence.validity_dates.get(cid, ())}
    problems = []
    for claim in claims.dates:
        if claim.as_deadline:
            if not (deadline_stated and claim.day in stated):
                problems.append(f"date {claim.day} is given as a deadline; the sources set none "
                                "(a document's validity is not a deadline)")
        elif claim.day not in stated and not (claim.as_validity and claim.day in validity):
            problems.append(f"date {claim.day} is not stated by the planned article")
    if not claims.dates and claims.deadlines and not deadline_stated:
        problems.append("the answer states a deadline; the sources set none")
    return problems


# --- what the sources do not say -------------------------------------------------------------------
def _not_specified(answer: str, claims: Claims, evidence: Evidence) -> list[str]:
    facts = evidence.facts
    if not facts.not_specified:
        return []
    problems = []
    if claims.materials:
        problems.append("the answer names materials to prepare; the sources name none")
    if claims.places:
        problems.append("the answer names a place or channel to apply; the sources name none")
    if claims.deadlines and not any(d.as_deadline for d in claims.dates):
        problems.append("the answer states a deadline; the sources set none")
    if not claims.says_not_stated:
        problems.append("a not-specified answer must say that the sources do not state it")
    return problems  # the 责任单位 line follows every served answer (the composer's source lines)


# --- departments -----------------------------------------------------------------------------------
def _departments(answer: str, claims: Claims, evidence: Evidence) -> list[str]:
    allowed = {d for cid in claims.citations for d in evidence.facts.departments.get(cid, ())}
    allowed |= {d for cid in claims.citations for d in _departments_in_source(evidence, cid)}
    named = _named_departments(normalise(answer), evidence.known_departments)
    return [f"department {d} is not a responsible department of the cited articles" for d in named if d not in allowed]


def _departments_in_source(evidence: Evidence, chunk_id: str) -> list[str]:
    text = evidence.sources.get(chunk_id, "")
    return [d for d in evidence.known_departments if d in text]


def _named_departments(text: str, known: tuple[str, ...]) -> list[str]:
    """Department names in ``text``, longest first so a name inside a longer one is not read twice."""
    found = []
    for name in sorted({*known, *words().departments}, key=len, reverse=True):
        if name in text:
            found.append(name)
            text = text.replace(name, " ")
    return found


# --- every other number ----------------------------------------------------------------------------
def _bare_numbers(claims: Claims, evidence: Evidence) -> list[str]:
    cited = [evidence.sources[c] for c in dict.fromkeys(claims.citations) if c in evidence.sources]
    texts = [*cited, evidence.question, *_calculation_texts(evidence)]
    allowed = {canonical_number(n) for t in texts for n in _digits(t)}
    allowed |= {canonical_number(key) for c in claims.citations if (key := c.split(":")[-1]).isdigit()}  # "(5)" for （五）
    return [f"number {n} is in no cited article and no tool result" for n in dict.fromkeys(claims.bare_numbers)
            if n not in allowed]


def _calculation_texts(evidence: Evidence) -> list[str]:
    texts = []
    for calculation in (*evidence.facts.calculations, *evidence.tool_results):
        texts += [calculation.formula, calculation.amount_text, *calculation.notes, *calculation.caps_applied,
                  *calculation.inputs.values()]
    return texts


def _digits(text: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", normalise(text).replace(",", ""))
