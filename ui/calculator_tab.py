"""The award calculator: a rule's own inputs (labels and units from the rule data), several items a year.

Rules are listed by their Chinese names under their measure (（五）…) and can be searched as ``II期`` or
``Ⅱ期`` alike (names are compared after NFKC). Amounts need a unit: a bare ``6000`` is echoed back with
the question "6000元 or 6000万元?" instead of being taken as yuan. Items added to the list are estimated
together, so the per-entity annual caps (年度累计上限) apply.
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from functools import cache
from typing import Any

import gradio as gr

from assistant.amounts import AmountError, format_yuan, parse_amount, refusal_reason
from assistant.language import Language
from assistant.records import AwardEstimate, Calculation
from assistant.rules.book import BASE_INPUT, Rule, UnknownRule
from assistant.rules.calculator import CalculationError, Item
from ui.cards import cards
from ui.context import UiContext
from ui.texts import texts

BARE_NUMBER = re.compile(r"^\s*[0-9][0-9,，.]*\s*$")
NEGATIVE = re.compile(r"^\s*(-|−|负)")

log = logging.getLogger(__name__)


class FormError(ValueError):
    """An input the user must correct; the message is Chinese and says how."""


def searchable(text: str) -> str:
    """NFKC and lower case, spaces dropped and each trial stage written one way, so ``Ⅱ期``, ``II期``,
    ``2期`` and ``二期`` (the spellings of ``texts.yaml``'s ``match.drug_cells.stage``), ``ＣＭＯ`` and ``cmo``
    compare equal."""
    plain = _plain(text)
    for spelling, stage in _stage_spellings():
        plain = plain.replace(spelling, stage)
    return plain.replace("第<", "<")  # 第二期 is 二期


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower().replace(" ", "")


@cache
def _stage_spellings() -> list[tuple[str, str]]:
    """(a spelling as ``searchable`` sees it, the stage's one form), longest first: ``iii期`` is replaced
    before ``ii期`` and ``i期`` can see a part of it."""
    pairs = {}
    for stage, spellings in texts()["match"]["drug_cells"]["stage"].items():
        for spelling in spellings:
            plain = _plain(spelling)
            if plain.endswith("期"):
                pairs[plain] = f"<{stage}>"
    return sorted(pairs.items(), key=lambda pair: len(pair[0]), reverse=True)


def rule_choices(ctx: UiContext, query: str = "") -> list[tuple[str, str]]:
    """``(label, rule id)`` in the policy's order, each label ``（五）支持创新药研发 · 1类新药Ⅱ期临床试验支持``;
    with ``query``, only the rules whose label, id or English name holds it (see ``searchable``)."""
    engine = ctx.engine()
    book = engine.book
    wanted, typed = searchable(query), _plain(query)
    choices = []
    for rule in book.rules:
        measure = engine.article(f"{book.document}:{rule.measure}")
        group = f"{measure.article}{measure.title}" if measure else rule.measure
        label = f"{group} · {rule.name}"
        haystack = f"{label} {rule.id} {rule.name_en}"
        # a stage however it is written (二期 / 2期 / II期 / Ⅱ期, never Ⅲ期); anything else as typed (Ⅱ, CMO)
        if not query or (wanted in searchable(haystack) if wanted != typed else typed in _plain(haystack)):
            choices.append((label, rule.id))
    return choices


def amount(value: str) -> str | None:
    """The text of an amount the user typed, checked: ``None`` when blank; ``FormError`` saying what to
    correct: zero or negative, no unit (``6000``: 6000元 or 6000万元?), approximate (``约5000万``), in a
    foreign currency (``5000万美元``: no exchange rate is set), or not an amount at all."""
    words = texts()["calculator"]
    text = (value or "").strip()
    if not text:
        return None
    reason = refusal_reason(text)
    if reason is not None:
        raise FormError(words[reason].format(value=text))
    try:
        yuan = parse_amount(text, allow_zero=True)
    except AmountError:
        key = "not_positive" if NEGATIVE.match(unicodedata.normalize("NFKC", text)) else "bad_amount"
        raise FormError(words[key].format(value=text)) from None
    if yuan == 0:
        raise FormError(words["not_positive"].format(value=text))
    if BARE_NUMBER.match(text):
        raise FormError(words["bare_number"].format(value=text))
    return text


class RuleForm:
    """The labels and the inputs of one rule, from the rule book (``RuleBook.inputs``)."""

    def __init__(self, ctx: UiContext, rule_id: str) -> None:
        book = ctx.engine().book
        self.rule: Rule = book.rule(rule_id)
        takes = book.inputs(rule_id)
        self.takes_base = BASE_INPUT in takes.amounts
        self.threshold = next((book.conditions[c] for c in self.rule.conditions if book.conditions[c].input), None)
        # the conditions to tick, by their text (a checkbox's value shows as its tooltip: never a condition id)
        self._condition_of = {book.conditions[c].text: c for c in takes.facts if not book.conditions[c].input}
        self.facts = [(text, text) for text in self._condition_of]

    def base_label(self) -> str:
        return f"{self.rule.base}（{texts()['calculator']['amount_hint']}）" if self.rule.base else ""

    def threshold_label(self) -> str:
        if self.threshold is None:
            return ""
        return f"{self.threshold.text}{texts()['calculator']['threshold_suffix']}（{texts()['calculator']['amount_hint']}）"

    def inputs(self, base: str, threshold: str, met: list[str]) -> dict[str, Any]:
        """The calculator inputs for this rule (``met``: the texts of the conditions ticked); ``FormError``
        for a missing or unreadable amount."""
        words = texts()["calculator"]
        inputs: dict[str, Any] = {}
        base_text = amount(base) if self.takes_base else None
        if base_text is not None:
            inputs[BASE_INPUT] = base_text
        elif self.rule.rate is not None:
            raise FormError(words["missing_base"].format(base=self.rule.base))
        if self.threshold is not None and self.threshold.input:
            threshold_text = amount(threshold)
            if threshold_text is not None:
                inputs[self.threshold.input] = threshold_text
        elif (threshold or "").strip():
            raise FormError(words["not_taken"].format(rule=self.rule.name))
        for text, condition_id in self._condition_of.items():
            if text in met:
                inputs[condition_id] = True
        return inputs

    def echo(self, inputs: dict[str, Any]) -> list[str]:
        """Each amount as read: ``研发投入：6000万 → 6000万元``."""
        words = texts()["calculator"]
        names = {BASE_INPUT: self.rule.base or ""}
        if self.threshold is not None and self.threshold.input:
            names[self.threshold.input] = self.threshold.text
        return [words["echo"].format(name=names[key], value=value, yuan=format_yuan(parse_amount(str(value))))
                for key, value in inputs.items() if key in names]


def result_html(ctx: UiContext, estimate: AwardEstimate, echoes: list[str]) -> str:
    words = texts()["calculator"]
    items = "".join(_item_html(c) for c in estimate.calculations)
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in estimate.notes)
    echoed = "".join(f"<li>{html.escape(e)}</li>" for e in echoes)
    seen: dict[str, Any] = {}
    for calculation in estimate.calculations:
        seen.setdefault(calculation.citation.chunk_id, calculation.citation)
    sources = cards(list(seen.values()), " ".join(c.formula for c in estimate.calculations) +
                    " ".join(ctx.engine().book.rule(c.rule_id).quote for c in estimate.calculations), ctx.status_of)
    return (
        f"<div class='calc-result' id='calc-result'><p class='calc-total'>{html.escape(words['total'])} "
        f"<strong>{html.escape(estimate.total_text)}</strong></p>"
        f"<p>{html.escape(words['formula'])}：{html.escape(estimate.formula)}</p>"
        + (f"<ul class='calc-echo'>{echoed}</ul>" if echoed else "")
        + (f"<ul class='calc-notes'>{notes}</ul>" if notes else "")
        + f"<ol class='calc-items'>{items}</ol>"
        f"<p class='muted'>{html.escape(words['ceiling_caveat'])}</p>{sources}</div>"
    )


def _item_html(calculation: Calculation) -> str:
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in calculation.notes)
    return (f"<li><strong>{html.escape(calculation.rule_name)}</strong>：{html.escape(calculation.amount_text)}"
            f"<br><span class='muted'>{html.escape(calculation.formula)}</span><ul>{notes}</ul></li>")


def build_calculator_tab(ctx: UiContext) -> None:
    words = texts()["calculator"]
    all_choices = rule_choices(ctx)
    first = RuleForm(ctx, all_choices[0][1])
    items = gr.State([])
    search = gr.Textbox(label=words["search_label"], elem_id="calc-search", max_length=40)
    rule = gr.Dropdown(all_choices, value=all_choices[0][1], label=words["rule_label"], elem_id="calc-rule",
                       filterable=True)
    with gr.Row():
        base = gr.Textbox(label=first.base_label() or words["no_base"], visible=first.takes_base, elem_id="calc-base",
                          max_length=40)
        threshold = gr.Textbox(label=first.threshold_label() or "-", visible=first.threshold is not None,
                               elem_id="calc-threshold", max_length=40)
    no_base = gr.Markdown(words["no_base"], visible=not first.takes_base, elem_id="calc-no-base")
    facts = gr.CheckboxGroup(first.facts, label=words["conditions_label"], elem_id="calc-facts")
    with gr.Row():
        add = gr.Button(words["add_item"], elem_id="calc-add")
        compute = gr.Button(words["calculate"], variant="primary", elem_id="calc-compute")
        clear = gr.Button(words["clear_items"], elem_id="calc-clear")
    item_table = gr.Dataframe(headers=words["items_columns"], interactive=False, label=words["items_label"],
                              elem_id="calc-items", wrap=True)
    result = gr.HTML(elem_id="calc-output")

    def filter_rules(query: str, current: str) -> Any:
        choices = rule_choices(ctx, query)
        if not choices:
            return gr.update(choices=[], value=None, info=words["no_match"].format(query=query))
        value = current if current in {c[1] for c in choices} else choices[0][1]
        return gr.update(choices=choices, value=value, info="")  # the "没有找到" hint goes

    def show_rule(rule_id: str | None) -> tuple[Any, ...]:
        if not rule_id:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()
        form = RuleForm(ctx, rule_id)
        return (gr.update(label=form.base_label() or "-", visible=form.takes_base, value=""),
                gr.update(label=form.threshold_label() or "-", visible=form.threshold is not None, value=""),
                gr.update(visible=not form.takes_base),
                gr.update(choices=form.facts, value=[]))

    def table(listed: list[dict[str, Any]]) -> list[list[str]]:
        book = ctx.engine().book
        return [[book.rule(i["rule_id"]).name, "；".join(i["echo"]) or "-"] for i in listed]

    def add_item(listed: list[dict[str, Any]], rule_id: str | None, base_text: str, threshold_text: str,
                 met: list[str]) -> tuple[Any, ...]:
        try:
            item = current_item(ctx, rule_id, base_text, threshold_text, met)
        except (FormError, UnknownRule) as error:
            return listed, table(listed), _error_html(error)
        listed = [*listed, item]
        return listed, table(listed), ""

    def calculate(listed: list[dict[str, Any]], rule_id: str | None, base_text: str, threshold_text: str,
                  met: list[str]) -> str:
        return calculation_html(ctx, listed, rule_id, base_text, threshold_text, met)

    search.change(filter_rules, [search, rule], rule, show_progress="hidden")
    rule.change(show_rule, rule, [base, threshold, no_base, facts], show_progress="hidden")
    form_inputs = [items, rule, base, threshold, facts]
    add.click(add_item, form_inputs, [items, item_table, result])
    compute.click(calculate, form_inputs, result)
    base.submit(calculate, form_inputs, result)
    clear.click(lambda: ([], [], ""), None, [items, item_table, result])


def current_item(ctx: UiContext, rule_id: str | None, base_text: str, threshold_text: str,
                 met: list[str] | None) -> dict[str, Any]:
    """One item of the list: ``{"rule_id", "inputs", "echo"}``; ``FormError`` (Chinese) for what to correct."""
    if not rule_id:
        raise FormError(texts()["calculator"]["no_rule"])
    form = RuleForm(ctx, rule_id)
    inputs = form.inputs(base_text, threshold_text, met or [])
    return {"rule_id": rule_id, "inputs": inputs, "echo": form.echo(inputs)}


def calculation_html(ctx: UiContext, listed: list[dict[str, Any]], rule_id: str | None, base_text: str,
                     threshold_text: str, met: list[str] | None) -> str:
    """The estimate of the listed items (else of the form's one item) as HTML, or a Chinese message saying
    what to correct: never the calculator's own (English) reason or a rule id."""
    try:
        chosen = listed or [current_item(ctx, rule_id, base_text, threshold_text, met)]
        estimate = ctx.engine().estimate([Item(i["rule_id"], i["inputs"]) for i in chosen], Language.SIMPLIFIED)
    except (FormError, UnknownRule, CalculationError, AmountError) as error:
        return _error_html(error)
    return result_html(ctx, estimate, [e for i in chosen for e in i["echo"]])


def _error_html(error: Exception) -> str:
    """The form's own Chinese message; any other refusal is logged and shown as a Chinese message only."""
    words = texts()["calculator"]
    if isinstance(error, FormError):
        message = str(error)
    elif isinstance(error, UnknownRule):
        message = words["no_rule"]
    else:
        log.warning("calculator refused the form's inputs: %s", error)
        message = words["failed"]
    return f"<p class='form-error' role='alert'>{html.escape(message)}</p>"
