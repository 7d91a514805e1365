"""The hotline desk: a script to read out, the article collapsed, a call record, and the staff log.

Looking up policy text needs no sign-in; each call keeps its own session, so a follow-up ("那Ⅲ期呢？")
or the answer to a clarifying question continues the same call. The log (questions, feedback, call
records) shows only to a browser signed in through ``ui.desk_auth``; its events are private (never
recorded in Gradio's run history) and it refreshes itself every 15 seconds.
"""

from __future__ import annotations

import html
from typing import Any

import gradio as gr

from assistant.engine import InputError
from assistant.records import Answer, Status
from assistant.service import Surface
from assistant.store import CallOutcome, StoreUnavailable
from ui.cards import badge, cards, department_badges
from ui.context import UiContext
from ui.desk_auth import signed_in
from ui.desk_export import CALLS_PATH, export_link
from ui.desk_log import BadFilter, call_rows, day_of, question_rows, questions, shanghai_time, status_of
from ui.match_tab import build_caller_match
from ui.texts import texts

SURFACE = Surface.DESK
LOG_ROWS = 200
REFRESH_SECONDS = 15
STAFF_CHARS = 64  # the call record's staff column
__all__ = ["build_desk_tab", "script_of", "shanghai_time", "sign_in_form"]


def script_of(answer: Answer) -> str:
    """What the agent reads out: the answer's lead, before its source lines."""
    return answer.answer.split("\n")[0]


def sign_in_form() -> str:
    """A plain form handled by the page script (``ui/page.js``): the token goes to the sign-in route only.
    Its failure messages (by the route's status) ride on the form as ``data-failed-<status>``."""
    words = texts()["desk"]
    failed = " ".join(f"data-failed-{status}='{html.escape(message, quote=True)}'"
                      for status, message in words["sign_in_failed"].items())
    return (
        f"<form id='desk-sign-in' class='sign-in' autocomplete='off' {failed}>"
        f"<p class='muted'>{html.escape(words['sign_in_prompt'])}</p>"
        f"<label for='desk-token'>{html.escape(words['token_label'])}</label>"
        "<input id='desk-token' name='desk-token' type='password' autocomplete='off' required>"
        f"<button type='submit' class='sign-in-button'>{html.escape(words['sign_in'])}</button>"
        f"<button type='button' id='desk-sign-out' class='sign-out-button'>{html.escape(words['sign_out'])}</button>"
        "<span id='desk-sign-in-message' role='status'></span></form>"
    )


def build_desk_tab(ctx: UiContext) -> None:
    words = texts()["desk"]
    call = gr.State(None)  # the desk session of the current call
    asked = gr.State([])  # the question log ids of this call's questions, oldest first
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            with gr.Row(equal_height=True):
                query = gr.Textbox(label=words["query_label"], placeholder=words["query_placeholder"], scale=5,
                                   elem_id="desk-query", max_length=2000)
                search = gr.Button(words["search"], variant="primary", scale=1, min_width=80, elem_id="desk-search")
                new_call = gr.Button(words["new_call"], scale=1, min_width=80, elem_id="desk-new-call")
            options = gr.Radio([], label=words["options_label"], visible=False, elem_id="desk-options")
            script = gr.Textbox(label=words["script_label"], lines=3, max_lines=6, buttons=["copy"],
                                interactive=False, elem_id="desk-script")
            badges = gr.HTML(elem_id="desk-badges")
            article = gr.HTML(elem_id="desk-article")
            with gr.Accordion(texts()["match"]["desk_heading"], open=False, elem_id="desk-match-panel"):
                build_caller_match(ctx)
        with gr.Column(scale=2, elem_id="desk-call"):
            gr.Markdown(f"## {words['record_heading']}", elem_id="desk-record-heading")
            caller = gr.Radio(words["callers"], value=words["callers"][0], label=words["caller_label"])
            outcomes = [(label, key) for key, label in words["outcomes"].items()]
            outcome = gr.Radio(outcomes, value=CallOutcome.RESOLVED.value, label=words["outcome_label"])
            with gr.Row(equal_height=True):
                transfer = gr.Dropdown([], label=words["transfer_label"], allow_custom_value=True, value=None,
                                       elem_id="desk-transfer", scale=3)
                staff = gr.Textbox(label=words["staff_label"], placeholder=words["staff_placeholder"],
                                   max_length=STAFF_CHARS, elem_id="desk-staff", scale=2)
            feedback = gr.Radio(words["feedbacks"], value=words["feedbacks"][-1], label=words["feedback_label"])
            note = gr.Textbox(label=words["note_label"], lines=2, max_length=1000)
            save = gr.Button(words["save"], elem_id="desk-save")
            saved = gr.Markdown(elem_id="desk-saved")
    with gr.Accordion(words["log_heading"], open=False, elem_id="desk-log-panel"):
        gr.HTML(sign_in_form())
        state_note = gr.Markdown(words["signed_out"], elem_id="desk-sign-state")
        refresh = gr.Button(words["refresh"], elem_id="desk-refresh", elem_classes=["visually-hidden"])
        statuses = [(words["all"], "")] + [(label, key) for key, label in words["statuses"].items()]
        with gr.Row():
            status = gr.Dropdown(statuses, value="", label=words["status_filter"], elem_id="desk-status-filter")
            day = gr.Textbox(label=words["date_filter"], elem_id="desk-date-filter", max_length=10)
            export = gr.Button(words["export"], elem_id="desk-export")
        exported = gr.HTML(elem_id="desk-export-link")
        log_table = gr.Dataframe(headers=words["log_columns"], interactive=False, wrap=True, elem_id="desk-log",
                                 column_widths=["7%", "16%", "11%", "8%", "8%", "50%"])
        call_table = gr.Dataframe(headers=words["call_columns"], interactive=False, wrap=True, elem_id="desk-calls")
    timer = gr.Timer(REFRESH_SECONDS)

    def look_up(text: str, call_id: str | None, ids: list[int]) -> tuple[Any, ...]:
        if not (text or "").strip():
            return (gr.skip(),) * 8
        try:
            asked = ctx.service.ask(text, call_id, SURFACE)
        except InputError as error:
            return (words["input_error"].format(error=error), "", "", gr.update(visible=False), call_id, ids, gr.skip(),
                    gr.skip())
        answer, receipt = asked.answer, asked.receipt
        if receipt.question_id is not None:
            ids = [*ids, receipt.question_id]
        departments = list(dict.fromkeys(d for c in answer.citations for d in c.departments))
        badge_html = "".join(badge(c, ctx.status_of) for c in answer.citations[:1]) + " " + department_badges(departments)
        article_html = cards(answer.citations, answer.answer, ctx.status_of) or f"<p>{html.escape(words['no_result'])}</p>"
        clarify = answer.status is Status.CLARIFY and bool(answer.options)
        choices = gr.update(choices=answer.options, value=None, visible=clarify)
        return (script_of(answer), badge_html, article_html, choices, answer.session_id, ids,
                gr.update(choices=departments), gr.skip())

    def choose(option: str | None, call_id: str | None, ids: list[int]) -> tuple[Any, ...]:
        if not option:
            return (gr.skip(),) * 8
        return look_up(option, call_id, ids)

    def start_call() -> tuple[Any, ...]:
        return ("", "", "", gr.update(choices=[], value=None, visible=False), None, [], gr.update(choices=[], value=None),
                "", words["callers"][0], CallOutcome.RESOLVED.value, words["feedbacks"][-1], "", "")

    def save_call(call_id: str | None, ids: list[int], agent: str, who: str, how: str, to: str | None, rated: str,
                  text: str) -> str:
        """Opens the call's record with its questions and the agent who took it, then closes it as resolved or
        transferred (or leaves it open)."""
        if not call_id:
            return words["need_question"]
        if how == CallOutcome.TRANSFERRED.value and not (to or "").strip():
            return words["need_department"]
        try:
            record = ctx.calls.open(who, staff=(agent or "").strip()[:STAFF_CHARS] or None, note=(text or "").strip(),
                                    session_id=call_id)
            for question_id in ids:
                ctx.calls.link(record.id, question_id)
            ctx.calls.update(record.id, feedback=rated)
            if how == CallOutcome.RESOLVED.value:
                record = ctx.calls.resolve(record.id)
            elif how == CallOutcome.TRANSFERRED.value:
                record = ctx.calls.transfer(record.id, str(to))
        except StoreUnavailable:
            return words["store_failed"]
        return words["saved"].format(id=record.id, time=shanghai_time(record.opened_at))

    def rows(status_key: str, day_text: str, request: gr.Request) -> tuple[Any, ...]:
        """The log for a signed-in browser; for any other, the signed-out note, empty tables and no export link."""
        if not signed_in(ctx.sign_ins, dict(request.cookies)):
            return words["signed_out"], [], [], ""
        try:
            logged = questions(ctx.log, status_of(status_key), day_of(day_text), LOG_ROWS)
            calls = call_rows(ctx.calls, logged, day_of(day_text), LOG_ROWS)
        except BadFilter as error:
            return str(error), gr.skip(), gr.skip(), gr.skip()
        except StoreUnavailable:
            return words["store_failed"], gr.skip(), gr.skip(), gr.skip()
        return words["signed_in"], question_rows(logged), calls, gr.skip()

    def export_offer(status_key: str, day_text: str, request: gr.Request) -> str:
        """A link to the signed-in export route (``ui.desk_export``): no file is made until it is followed,
        and following it takes the sign-in again."""
        if not signed_in(ctx.sign_ins, dict(request.cookies)):
            return ""
        try:
            status_of(status_key), day_of(day_text)
        except BadFilter as error:
            return f"<p class='form-error' role='alert'>{html.escape(str(error))}</p>"
        links = ((export_link(status_key, day_text), words["export_link"]),
                 (export_link(status_key, day_text, CALLS_PATH), words["export_calls_link"]))
        return " ".join(f"<a class='export-link' href='{html.escape(href, quote=True)}' download>{html.escape(label)}</a>"
                        for href, label in links)

    lookup_out = [script, badges, article, options, call, asked, transfer, query]
    search.click(look_up, [query, call, asked], lookup_out)
    query.submit(look_up, [query, call, asked], lookup_out)
    options.input(choose, [options, call, asked], lookup_out)
    new_call.click(start_call, None, [script, badges, article, options, call, asked, transfer, query,
                                      caller, outcome, feedback, note, saved])
    # Private: a caller's note is not copied into the browser's run history.
    save.click(save_call, [call, asked, staff, caller, outcome, transfer, feedback, note], saved,
               api_visibility="private")
    log_out = [state_note, log_table, call_table, exported]
    for trigger in (refresh.click, status.change, day.submit, timer.tick):
        trigger(rows, [status, day], log_out, api_visibility="private", show_progress="hidden")
    for changed in (status.change, day.submit):  # a link made for the previous filter is taken away
        changed(lambda: "", None, exported, api_visibility="private", show_progress="hidden")
    export.click(export_offer, [status, day], exported, api_visibility="private")
