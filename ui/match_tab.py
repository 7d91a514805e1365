"""The policy-match tab: a company-profile form (each amount with its unit) beside the chat, the match
as Markdown, and the same Markdown as a download an enterprise can hand to its finance team.

``build_match_tab(ctx)`` builds the tab's content (``ui/app.py`` lists it in ``TABS``; its words are the
``match`` section of ``ui/texts.yaml``); ``build_caller_match(ctx)`` is the hotline desk's panel, where
the facts a caller states become ``match_for_caller(engine, facts)``: the lines to read out and the
whole match. No domain logic here: the form or the statements become a ``CompanyProfile`` and the
engine matches it.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr
from pydantic import ValidationError

from assistant.amounts import AmountError, parse_amount
from assistant.engine import Engine, InputError
from assistant.language import Language, detect_language
from assistant.match.chat import profile_from_statements
from assistant.match.profile import CompanyProfile
from assistant.match.report import match_markdown, match_summary
from ui.context import UiContext
from ui.texts import texts

WAN = "万"
DOWNLOAD_DIR = Path(tempfile.gettempdir()) / "policy-assistant-match"
FORM_FIELDS = ("registered", "entity_type", "size", "qualification", "drugs", "device_review", "device_registered",
               "device_rd", "domestic_premium", "overseas_premium", "fairs", "fair_fee", "fairs_recognised",
               "cmos", "upfront", "service_cost", "related_party", "cro_projects", "guarantee")
AMOUNT_FIELDS = ("device_rd", "domestic_premium", "overseas_premium", "fair_fee", "upfront", "service_cost",
                 "guarantee")
YES_NO_FIELDS = ("qualification", "device_review", "device_registered", "fairs_recognised", "related_party")


class FormError(ValueError):
    """A form value that cannot be read; the message names the field."""


def _yuan(text: Any, field: str) -> int | None:
    """A form amount in 万元 (``9000``), or money text with its own unit (``0.9亿``); blank is None."""
    value = str(text or "").strip()
    if not value:
        return None
    try:
        bare = value.replace(",", "").replace(".", "", 1).isdigit()
        return int(parse_amount(value + WAN if bare else value))
    except AmountError:
        raise FormError(f"{field}：{texts()['match']['invalid']['amount'].format(input=value)}") from None


def _flag(value: str) -> bool | None:
    return {"true": True, "false": False}.get(value)


def _rows(table: Any, width: int) -> list[tuple[int, list[str]]]:
    """A table's filled rows (numbered from 1) as ``width`` text cells; a row with every cell blank is skipped."""
    values = table.values.tolist() if hasattr(table, "values") else (table or [])
    rows = [(n, ([str(c).strip() if c is not None else "" for c in row] + [""] * width)[:width])
            for n, row in enumerate(values, start=1)]
    return [(n, cells) for n, cells in rows if any(cells)]


def _cell(field: str, text: str) -> str | None:
    """A drug-table cell as the profile's value ("Ⅲ期" → phase3, "国内" → domestic); other text as written."""
    if not text:
        return None
    spelled = texts()["match"]["drug_cells"][field]
    return next((str(value) for value, words in spelled.items() if text in words), text)


def _drug_rows(table: Any) -> list[dict[str, Any]]:
    """The drug table's filled rows as profile entries."""
    words = texts()["match"]
    yes_no = {words["answer_yes"]: True, words["answer_no"]: False}
    return [{
        "name": name, "drug_class": _cell("drug_class", drug_class), "cgt": yes_no.get(cgt),
        "stage": _cell("stage", stage), "trial_location": _cell("trial_location", location),
        "rd_spend_yuan": _yuan(spend, f"{words['drug_row'].format(n=number)} {words['drug_columns'][5]}"),
    } for number, (name, drug_class, cgt, stage, location, spend) in _rows(table, 6)]


def _cmo_rows(table: Any) -> list[dict[str, Any]]:
    """The contract-manufacturing table's filled rows: one product each, the applicant the contractor."""
    words = texts()["match"]
    yes_no = {words["answer_yes"]: True, words["answer_no"]: False}
    return [{
        "name": name, "applicant_role": "contractor", "related_party": yes_no.get(related),
        "output_value_yuan": _yuan(output, f"{words['cmo_row'].format(n=number)} {words['cmo_columns'][1]}"),
    } for number, (name, output, related) in _rows(table, 3)]


def _invalid(error: ValidationError) -> str:
    """The first refused value in the form's words: which row or field, and what it may say."""
    words = texts()["match"]
    first = error.errors()[0]
    loc = [str(part) for part in first["loc"]]
    where = words["list_rows"][loc[0]].format(n=int(loc[1]) + 1) if len(loc) > 1 and loc[0] in words["list_rows"] \
        else words.get(loc[0], loc[0]) if loc else ""
    field = loc[-1] if len(loc) > 2 else ("cgt" if "cgt" in str(first["msg"]) else "")
    message = words["invalid"].get(field) or words["invalid"]["other"].format(input=first.get("input", ""))
    return f"{where}：{message}" if where else message


def form_profile(values: dict[str, Any]) -> CompanyProfile:
    """The form (field name → value as Gradio gives it) as a profile; raises ``FormError`` naming the field."""
    words = texts()["match"]
    v = {name: values.get(name) for name in FORM_FIELDS}
    money = {name: _yuan(v[name], words[name]) for name in AMOUNT_FIELDS}
    flags = {name: _flag(v[name] or "") for name in YES_NO_FIELDS}
    insurance = [{"kind": kind, "premium_yuan": money[f"{kind}_premium"]} for kind in ("domestic", "overseas")
                 if money[f"{kind}_premium"] is not None]
    fairs, cro = int(v["fairs"] or 0), int(v["cro_projects"] or 0)
    device = {"special_review": flags["device_review"], "first_registration_production": flags["device_registered"],
              "rd_spend_yuan": money["device_rd"]}
    data: dict[str, Any] = {
        "registered": v["registered"] or None,
        "entity_type": v["entity_type"] or None,
        "enterprise_size": v["size"] or None,
        "tech_qualification": flags["qualification"],
        "drug_trials": _drug_rows(v["drugs"]),
        "devices": [device] if any(value is not None for value in device.values()) else [],
        "insurance": insurance,
        "trade_fairs": [{"count": fairs, "fee_yuan": money["fair_fee"], "recognised": flags["fairs_recognised"]}]
        if fairs else [],
        "cmo_contracts": _cmo_rows(v["cmos"]),
        "licensing_deals": [{"upfront_yuan": money["upfront"], "service_cost_yuan": money["service_cost"],
                             "related_party": flags["related_party"]}]
        if money["upfront"] is not None or money["service_cost"] is not None else [],
        "cro_projects": [{"count": cro}] if cro else [],
        "guarantee_yuan": money["guarantee"],
    }
    try:
        return CompanyProfile.model_validate(data)
    except ValidationError as error:
        raise FormError(_invalid(error)) from None


@dataclass(frozen=True)
class CallerMatch:
    """A match for a caller: ``script`` to read out (the total, what it counts, what is missing) and
    ``markdown``, the whole match as the enterprise's download holds it; both empty when the stated
    facts gave no profile."""

    script: str
    markdown: str


def match_for_caller(engine: Engine, facts: str) -> CallerMatch:
    """The match for the facts a caller states (one statement a line), in the caller's language and script."""
    profile = profile_from_statements(facts, engine.catalogue)
    if profile.is_empty:
        return CallerMatch("", "")
    language = detect_language(facts)
    result = engine.match(profile, "en" if language is Language.ENGLISH else "zh")
    return CallerMatch(match_summary(result, language), match_markdown(result, language))


def build_caller_match(ctx: UiContext) -> None:
    """The desk's panel: the caller's stated facts → the lines to read out, and the whole match below."""
    words = texts()["match"]

    def run(facts: str) -> tuple[str, str]:
        if not (facts or "").strip():
            return words["desk_empty"], ""
        try:
            found = match_for_caller(ctx.engine(), facts)
        except InputError as error:
            return words["error"].format(error=error), ""
        return (found.script, found.markdown) if found.script else (words["desk_nothing"], "")

    facts = gr.Textbox(label=words["desk_facts"], placeholder=words["desk_placeholder"], lines=3, max_length=2000,
                       elem_id="desk-match-facts")
    button = gr.Button(words["desk_run"], elem_id="desk-match-run")
    script = gr.Textbox(label=words["desk_script"], lines=4, max_lines=10, buttons=["copy"], interactive=False,
                        elem_id="desk-match-script")
    whole = gr.Markdown(elem_id="desk-match-result", sanitize_html=True)
    button.click(run, facts, [script, whole])


def _download(markdown: str) -> str:
    DOWNLOAD_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".md", prefix="policy-match-",
                                     dir=DOWNLOAD_DIR, delete=False) as file:
        file.write(markdown)
    return file.name


def _choices(words: dict[str, Any], key: str) -> list[tuple[str, str]]:
    """A choice list from the words (label, value), with "not said" (value "") last."""
    return [*((label, value) for value, label in words[key].items()), (words["unknown"], "")]


def build_match_tab(ctx: UiContext) -> None:
    """The 政策匹配 tab's content; the app puts it in its tab."""
    words = texts()["match"]
    yes_no = [(words["answer_yes"], "true"), (words["answer_no"], "false"), (words["unknown"], "")]

    def run(*values: Any) -> tuple[str, str | None]:
        try:
            markdown = match_markdown(ctx.engine().match(form_profile(dict(zip(FORM_FIELDS, values, strict=True)))))
        except (FormError, InputError) as error:
            return words["error"].format(error=error), None
        return markdown, _download(markdown)

    gr.Markdown(words["intro"])
    with gr.Row():
        with gr.Column(scale=1):
            fields: dict[str, Any] = {
                "registered": gr.Radio(_choices(words, "registered_choices"), value="", label=words["registered"],
                                       elem_id="match-registered"),
                "entity_type": gr.Dropdown(_choices(words, "entity_choices"), value="", label=words["entity_type"]),
                "size": gr.Dropdown(_choices(words, "size_choices"), value="", label=words["size"]),
            }
            for name in FORM_FIELDS:
                if name in YES_NO_FIELDS:
                    fields[name] = gr.Radio(yes_no, value="", label=words[name])
                elif name in AMOUNT_FIELDS:
                    fields[name] = gr.Textbox(label=words[name])
                elif name in ("fairs", "cro_projects"):
                    fields[name] = gr.Number(label=words[name], value=0, precision=0, minimum=0, maximum=100)
        with gr.Column(scale=2):
            fields["drugs"] = gr.Dataframe(headers=words["drug_columns"], datatype=["str"] * 6, row_count=3,
                                           label=words["drugs"], interactive=True)
            fields["cmos"] = gr.Dataframe(headers=words["cmo_columns"], datatype=["str"] * 3, row_count=3,
                                          label=words["cmos"], interactive=True, elem_id="match-cmos")
            button = gr.Button(words["run"], variant="primary", elem_id="match-run")
            result = gr.Markdown(elem_id="match-result", sanitize_html=True)
            download = gr.File(label=words["download"], elem_id="match-download")
    button.click(run, [fields[name] for name in FORM_FIELDS], [result, download])
