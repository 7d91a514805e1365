"""A match result in words: plain lines for the chat, Markdown for the CLI, the UI and the download.

``match_text(result, language)`` and ``match_markdown(result, language)`` write the same lines in the
same order (what can be claimed and how much at most first, then what is missing, then the rest);
every figure is the result's. Traditional Chinese is converted from the simplified lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from assistant.amounts import format_yuan, format_yuan_en
from assistant.language import Language, in_script
from assistant.match.chat import ProfileAnswer
from assistant.match.matcher import match_words
from assistant.match.profile import CompanyProfile
from assistant.match.records import Claim, ClaimVerdict, ConditionNote, MatchResult, MeasureMatch, TotalPart


class LineKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    MEASURE = "measure"
    ITEM = "item"
    NOTE = "note"


@dataclass(frozen=True)
class Line:
    kind: LineKind
    text: str


MARKDOWN = {LineKind.HEADING: "## ", LineKind.MEASURE: "### ", LineKind.ITEM: "- ", LineKind.NOTE: "  - ",
            LineKind.PARAGRAPH: ""}
PLAIN = {LineKind.HEADING: "", LineKind.MEASURE: "", LineKind.ITEM: "· ", LineKind.NOTE: "  ",
         LineKind.PARAGRAPH: ""}


def match_lines(result: MatchResult) -> list[Line]:
    """The result as typed lines in the result's language (``zh`` simplified, ``zh-Hant``, or ``en``)."""
    w = match_words()["en" if result.language == "en" else "zh"]
    day = result.on.strftime(w["date"])
    number = result.document_number or result.document
    lines = [Line(LineKind.HEADING, w["heading"]),
             Line(LineKind.PARAGRAPH, w["intro"].format(number=number, validity=result.validity, day=day))]
    if not result.in_force:
        lines.append(Line(LineKind.PARAGRAPH, w["not_in_force"].format(day=day, number=number, validity=result.validity)))
    elif finds_nothing(result):
        lines.append(Line(LineKind.PARAGRAPH, w["nothing"]))
    if result.measures:
        lines.append(Line(LineKind.PARAGRAPH, w["total"].format(total=result.total_text)))
        if result.counted:
            lines.append(Line(LineKind.PARAGRAPH, w["counted"].format(parts=_parts(result.counted, w, result.language))))
        if result.not_counted:
            lines.append(Line(LineKind.PARAGRAPH, w["not_counted"].format(
                parts=_parts(result.not_counted, w, result.language, with_missing=True))))
        open_measures = [m for m in result.measures if _open(m)]
        if open_measures:
            parts = [w[_claimable_key(m)].format(label=m.label, total=m.total_text) for m in open_measures]
            lines.append(Line(LineKind.PARAGRAPH, w["claimable"].format(measures=_join(parts, result.language))))
        if result.missing:
            lines.append(Line(LineKind.PARAGRAPH, w["missing_short"].format(facts=_join(result.missing, result.language))))
    for measure in sorted(result.measures, key=lambda m: (not _open(m), m.measure)):
        lines += _measure_lines(measure, w)
    if result.missing or result.incomplete_items:
        lines.append(Line(LineKind.HEADING, w["missing_heading"]))
        lines += [Line(LineKind.ITEM, w["missing"].format(fact=f)) for f in result.missing]
        lines += [Line(LineKind.ITEM, w["incomplete"].format(item=i)) for i in result.incomplete_items]
    if result.support:
        lines.append(Line(LineKind.HEADING, w["support_heading"]))
        for s in result.support:
            key = "support_none" if s.amount == "none" else "support_not_specified"
            lines.append(Line(LineKind.ITEM, w[key].format(label=s.label, title=s.title,
                                                            departments=_join(s.departments, result.language))))
    if result.expired:
        lines.append(Line(LineKind.HEADING, w["expired_heading"]))
        for d in result.expired:
            key = "expired" if d.valid_to is not None and d.status == "expired" else "superseded"
            valid_to = d.valid_to.strftime(w["date"]) if d.valid_to else ""
            lines.append(Line(LineKind.ITEM, w[key].format(title=d.title, number=d.number or "", valid_to=valid_to)))
    lines.append(Line(LineKind.PARAGRAPH, result.caveat))
    return lines


def _parts(parts: list[TotalPart], w: dict[str, Any], language: str, with_missing: bool = False) -> str:
    """Claims by measure, like items of one entry as one ("（三十七）国际性活动和展会（共4项）"), each
    with the facts it still needs when ``with_missing``."""
    by_measure: dict[str, list[TotalPart]] = {}
    for part in parts:
        by_measure.setdefault(part.label, []).append(part)
    written = []
    for label, members in by_measure.items():
        items: list[str] = []
        for entry in dict.fromkeys(p.entry for p in members):
            same = [p for p in members if p.entry == entry]
            copies = all(p.item != p.entry for p in same) and len(same) > 1
            named = [w["item_copies"].format(entry=entry, n=len(same))] if copies else [p.item for p in same]
            missing = _join(list(dict.fromkeys(m for p in same for m in p.missing)), language)
            items += [w["part_missing"].format(item=n, missing=missing) if with_missing and missing else n
                      for n in named]
        written.append(w["part"].format(label=label, items=_join(items, language)))
    return w["part_separator"].join(written)


def _claimable_key(measure: MeasureMatch) -> str:
    if measure.total_yuan is None:
        return "claimable_guarantee"
    computed = any(c.calculation is not None for c in measure.claims)
    return "claimable_money" if computed else "claimable_pending"


def finds_nothing(result: MatchResult) -> bool:
    """Whether the match, under a policy in force, finds no measure with a ceiling or a claim still open: the
    answer then asks for the facts it lacks (products, stages, amounts)."""
    return result.in_force and not any(m.total_yuan or _open(m) for m in result.measures)


def _open(measure: MeasureMatch) -> bool:
    """A measure with at least one claim that is not ruled out."""
    return any(c.verdict is not ClaimVerdict.NOT_ELIGIBLE for c in measure.claims)


def _measure_lines(measure: MeasureMatch, w: dict[str, Any]) -> list[Line]:
    en = w is match_words()["en"]
    key = {"claimable_guarantee": "measure_guarantee", "claimable_pending": "measure_pending"}.get(_claimable_key(measure), "measure")
    if not _open(measure):
        key = "measure_not_eligible"
    head = w[key].format(label=measure.label, title=measure.title, total=measure.total_text)
    lines = [Line(LineKind.MEASURE, head)]
    runs = _runs(measure.claims)
    # a condition every item of the measure carries (（五）'s 实现产出) is said once, after the items
    shared = [n for n in runs[0][0].conditions if all(n in c.conditions for c, _ in runs)] if len(runs) > 1 else []
    for claim, copies in runs:
        lines += _claim_lines(claim, copies, w, shared)
    lines += [Line(LineKind.ITEM, w["every_item"].format(note=w[n.state].format(text=n.text, quote=n.quote)))
              for n in shared]
    cap = measure.annual_cap
    if cap is not None and len(measure.claims) > 1:
        key = "annual_applied" if cap.applied else "annual_not_applied"
        lines.append(Line(LineKind.ITEM, w[key].format(quote=cap.quote, items=_money(cap.items_total_yuan, en),
                                                        cap=_money(cap.cap_yuan, en))))
    if measure.alternatives and len(measure.claims) > 1:
        lines.append(Line(LineKind.ITEM, w["alternatives"]))
    if measure.merit_based:
        lines.append(Line(LineKind.ITEM, w["merit"]))
    lines.append(Line(LineKind.ITEM, w["departments"].format(departments=_join(measure.departments, "en" if en else "zh"))))
    return lines


def _runs(claims: list[Claim]) -> list[tuple[Claim, int]]:
    """Like items of one entry in a row (12 fairs at the same fee) as one claim and how many there are."""
    runs: list[tuple[Claim, int]] = []
    for claim in claims:
        if runs and _alike(runs[-1][0], claim):
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((claim, 1))
    return runs


def _alike(a: Claim, b: Claim) -> bool:
    same = ("entry", "rule_id", "verdict", "ceiling_yuan", "conditions", "missing", "instead")
    return a.item != a.entry and all(getattr(a, f) == getattr(b, f) for f in same) and (
        (a.calculation is None) == (b.calculation is None)
        and (a.calculation is None or b.calculation is None or a.calculation.formula == b.calculation.formula))


def _claim_lines(claim: Claim, copies: int, w: dict[str, Any], shared: list[ConditionNote]) -> list[Line]:
    en = w is match_words()["en"]
    item = claim.item if copies == 1 else w["item_copies"].format(entry=claim.entry, n=copies)
    text = w["claim"].format(item=item, rule=claim.rule_name, verdict=w["verdicts"][claim.verdict.value])
    if claim.calculation is not None:
        key = "claim_ceiling" if copies == 1 else "claim_ceiling_each"
        text += w[key].format(ceiling=claim.calculation.amount_text, formula=claim.calculation.formula)
    elif claim.verdict is not ClaimVerdict.NOT_ELIGIBLE:
        text += w["claim_cap_only"].format(cap=_money(claim.cap_yuan, en), missing=_join(claim.missing, "en" if en else "zh"))
    lines = [Line(LineKind.ITEM, text)]
    for note in (n for n in claim.conditions if n not in shared):
        lines.append(Line(LineKind.NOTE, w[note.state].format(text=note.text, quote=note.quote)))
    if claim.instead:
        lines.append(Line(LineKind.NOTE, w["instead"].format(label=claim.instead)))
    return lines


def _join(parts: list[str], language: str) -> str:
    return ", ".join(parts) if language == "en" else "、".join(parts)


def _money(yuan: int, en: bool) -> str:
    return format_yuan_en(yuan) if en else format_yuan(yuan)


def match_text(result: MatchResult, language: Language = Language.SIMPLIFIED) -> str:
    """Plain lines for the chat, in the asker's script."""
    return in_script("\n".join(PLAIN[line.kind] + line.text for line in match_lines(result)), language)


def match_summary(result: MatchResult, language: Language = Language.SIMPLIFIED) -> str:
    """The lines to read out to a caller: the match's opening (the total, what it counts, what can be
    claimed and what is missing) and the caveat that these are ceilings, in the asker's script."""
    lines = match_lines(result)
    opening = next((i for i, line in enumerate(lines) if line.kind is LineKind.MEASURE), len(lines))
    spoken = [line.text for line in lines[1:opening]] + [result.caveat]
    return in_script("\n".join(spoken), language)


def match_markdown(result: MatchResult, language: Language = Language.SIMPLIFIED) -> str:
    """A Markdown document an enterprise can hand to its finance team: every line of the match."""
    out: list[str] = []
    for line in match_lines(result):
        listed = line.kind in {LineKind.ITEM, LineKind.NOTE}
        if out and not (listed and out[-1].lstrip().startswith("- ")):
            out.append("")  # a blank line between blocks; list items stay together
        out.append(MARKDOWN[line.kind] + line.text)
    return in_script("\n".join(out) + "\n", language)


def profile_summary(profile: CompanyProfile, language: Language = Language.SIMPLIFIED) -> str:
    """What a profile holds so far, in one sentence: the enterprise's facts, then its entries by kind."""
    w = match_words()["en" if language is Language.ENGLISH else "zh"]
    values = w["values"]
    parts = [values[str(v)] for v in (profile.registered, profile.entity_type, profile.enterprise_size) if v is not None]
    if profile.tech_qualification:
        parts.append(values["tech_qualification"])
    for name, label in w["lists"].items():
        entries = getattr(profile, name, None) if name != "profile" else None
        if entries:
            parts.append(w["entries"].format(list=label, n=sum(getattr(e, "count", 1) for e in entries)))
    if profile.guarantee_yuan is not None:
        parts.append(f"{w['lists']['profile']} {_money(int(profile.guarantee_yuan), language is Language.ENGLISH)}")
    separator = "; " if language is Language.ENGLISH else "；"
    return in_script(w["noted"].format(summary=separator.join(parts)), language)


def profile_reply(answer: ProfileAnswer, language: Language = Language.SIMPLIFIED) -> str:
    """The chat's reply to a profile turn: first what the turn said that could not be taken and why
    (an amount refused: negative, over 1万亿; a fact the profile cannot hold), then the match when it was
    asked for (or re-run), else what the profile holds so far."""
    w = match_words()["en" if language is Language.ENGLISH else "zh"]
    lines = [w["refused"][refusal.reason].format(text=refusal.text) for refusal in answer.refused]
    lines.append(match_text(answer.match) if answer.match else profile_summary(answer.memory.profile, language))
    return in_script("\n".join(lines), language)
