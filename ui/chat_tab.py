"""The enterprise chat: answers with their own source cards, per-message feedback, options to click.

The conversation's session id (and the feedback receipt of each answer) is kept in the browser
(``gr.BrowserState``, encrypted with a key derived from the deployment's secret, so it survives a
restart of the service and reaches any UI process) so a reload shows it again; the messages themselves are read back from the
question log, the server's record of the conversation. Rating an answer takes its receipt's token.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from typing import Any

import gradio as gr

from assistant.citations import validity
from assistant.engine import InputError
from assistant.records import Answer, Citation, Status
from assistant.service import Surface
from assistant.store import LogReceipt, StoreUnavailable
from ui.cards import cards
from ui.context import UiContext
from ui.texts import texts

SURFACE = Surface.UI
STORAGE_KEY = "pa-chat-session"
Message = dict[str, Any]
Receipt = dict[str, Any]  # {"answer_id", "feedback_token"}: what rating one answer takes
# After an answer: its first line at the top of the chat, not its end; the page itself moves only when
# the chat is off screen (on a phone, after typing below it), so the lead and its first card show together.
SHOW_LATEST_ANSWER = """() => {
  const answer = [...document.querySelectorAll('#chat .answer')].pop();
  if (!answer) return;
  let box = answer.parentElement;
  while (box && box !== document.body && !(box.scrollHeight > box.clientHeight + 1
         && ['auto', 'scroll'].includes(getComputedStyle(box).overflowY))) box = box.parentElement;
  if (box && box !== document.body) box.scrollTop += answer.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
  const chat = document.querySelector('#chat').getBoundingClientRect();
  if (chat.top < 0 || chat.top > window.innerHeight / 2) document.querySelector('#chat').scrollIntoView({block: 'start'});
}"""


def answer_html(text: str, citations: list[Citation], ctx: UiContext, streaming: bool = False) -> str:
    """An answer as one HTML block: its lead line, its source cards, then the rest of the text (all escaped).

    Kept on one line so the chat's Markdown renderer takes it as a single HTML block.
    """
    lines = [html.escape(line) for line in text.split("\n")]
    lead, rest = lines[0], "<br>".join(lines[1:])
    body = f"<p class='answer-lead'>{lead}</p>"
    sources = cards(citations, text, ctx.status_of)
    if sources:  # right under the lead, so a phone shows the answer and where it comes from together
        body += f"<div class='sources' aria-label='{texts()['chat']['sources']}'>{sources}</div>"
    if rest:
        body += f"<p class='answer-rest'>{rest}</p>"
    return f"<div class='answer{' answer-streaming' if streaming else ''}'>{body}</div>"


def opening_message(ctx: UiContext) -> Message:
    """What the assistant covers (every indexed document, with its validity) and that its figures are
    ceilings. It is not an answer: the page shows no rating buttons under it (``ui/page.css``)."""
    words = texts()["chat"]
    engine = ctx.engine()
    day = engine.settings.current_date()
    lines = []
    for document in engine.catalogue.indexed():  # the policies, and the reply letter and press Q&A explaining them
        template = words["document_line"] if document.number else words["document_line_no_number"]
        lines.append(template.format(number=document.number or "", title=document.title,
                                     validity=validity(document, engine.catalogue, day)))
    text = words["opening"].format(documents="\n".join(lines))
    escaped = "<br>".join(html.escape(line) for line in text.split("\n"))
    return {"role": "assistant", "content": f"<div class='answer opening'>{escaped}</div>"}


def suggestions(answer: Answer) -> list[str]:
    """Clickable replies under an answer: a clarifying question's options, else follow-up questions."""
    if answer.status is Status.CLARIFY:
        return list(answer.options)
    if answer.status is not Status.ANSWERED:
        return []
    by_language = texts()["chat"]["follow_ups"].get(answer.language, texts()["chat"]["follow_ups"]["zh-Hans"])
    return list(by_language["award" if answer.calculations else "answered"])


def assistant_message(text: str, citations: list[Citation], ctx: UiContext, options: list[str],
                      streaming: bool = False) -> Message:
    message: Message = {"role": "assistant", "content": answer_html(text, citations, ctx, streaming)}
    if options:
        message["options"] = [{"value": option, "label": option} for option in options]
    return message


def build_chat_tab(ctx: UiContext) -> tuple[Callable[..., tuple[Any, ...]], gr.BrowserState, list[Any]]:
    """The chat tab's components and events; returns the page-load hook that restores a conversation,
    with its input (the browser's stored session) and its outputs."""
    words = texts()["chat"]
    saved = gr.BrowserState({"session_id": None, "receipts": {}}, storage_key=STORAGE_KEY,
                            secret=ctx.browser_storage_secret())
    session = gr.State(None)
    by_message = gr.State({})  # chat message index (as text) -> that answer's receipt, for feedback
    commenting = gr.State(None)  # the receipt (and rating) a comment would go to
    # the opening as the chat's value, not a page-load function of its own: the restore on page load writes the chat
    # (with a fresh opening), and a second load event could land after it and leave the opening alone
    opening: Any = [opening_message(ctx)]  # a dict of the message format Gradio's own TypedDict describes
    chatbot = gr.Chatbot(
        value=opening, label=texts()["page"]["heading"], show_label=False, elem_id="chat",
        height="clamp(320px, calc(100dvh - 290px), 640px)", sanitize_html=True, render_markdown=True,
        feedback_options=("Like", "Dislike", words["feedback_other"]), buttons=["copy"], autoscroll=False,
    )
    note = gr.Markdown(elem_id="chat-note", elem_classes=["note"])
    with gr.Row(visible=False, elem_id="comment-row") as comment_row:
        comment = gr.Textbox(label=words["comment_label"], scale=4, max_length=1000)
        comment_send = gr.Button(words["comment_send"], scale=1, elem_id="comment-send")
    with gr.Row(equal_height=True):
        box = gr.Textbox(label=words["box_label"], placeholder=words["box_placeholder"], scale=5, max_length=2000,
                         elem_id="chat-box", autofocus=False, submit_btn=False)
        send = gr.Button(words["send"], variant="primary", elem_id="send", scale=1, min_width=80)
        new = gr.Button(words["new_conversation"], elem_id="new-conversation", scale=1, min_width=80)
    gr.Examples(words["examples"], inputs=box, label=words["examples_label"])

    def chat(message: str, history: list[Message], session_id: str | None, receipts: dict[str, Receipt],
             stored: dict[str, Any] | None) -> Iterator[tuple[Any, ...]]:
        """One turn; the lead shows first, then the whole answer with its cards and options."""
        if not (message or "").strip():
            yield history, session_id, gr.skip(), receipts, message, ""
            return
        history = [*(history or []), {"role": "user", "content": html.escape(message)}]
        try:
            asked = ctx.service.ask(message, session_id, SURFACE)
        except InputError as error:
            failed = {"role": "assistant", "content": html.escape(words["input_error"].format(error=error))}
            yield [*history, failed], session_id, gr.skip(), receipts, message, ""
            return
        answer, receipt = asked.answer, asked.receipt
        lead = answer.answer.split("\n")[0]
        yield [*history, assistant_message(lead, [], ctx, [], streaming=True)], answer.session_id, gr.skip(), receipts, "", ""
        final = [*history, assistant_message(answer.answer, answer.citations, ctx, suggestions(answer))]
        receipts = {**receipts, str(len(final) - 1): _receipt(receipt)}
        yield final, answer.session_id, _remembered(stored, answer.session_id, receipt), receipts, "", ""

    def new_conversation() -> tuple[Any, ...]:
        return ([opening_message(ctx)], None, {"session_id": None, "receipts": {}}, {}, "", "", gr.update(visible=False),
                None)

    def restore(stored: dict[str, Any] | None) -> tuple[Any, ...]:
        """The conversation of the stored session id, rebuilt from the question log."""
        session_id = (stored or {}).get("session_id")
        kept: dict[str, Receipt] = (stored or {}).get("receipts") or {}
        messages: list[Message] = [opening_message(ctx)]
        receipts: dict[str, Receipt] = {}
        if not session_id:
            return messages, None, receipts
        engine = ctx.engine()
        try:
            rows = ctx.log.conversation(session_id, SURFACE)
        except StoreUnavailable:
            rows = []
        for row in rows:
            citations = [c for c in (engine.article(chunk) for chunk in row.citations) if c is not None]
            messages.append({"role": "user", "content": html.escape(row.question)})
            messages.append(assistant_message(row.answer, citations, ctx, []))
            if row.answer_id in kept:
                receipts[str(len(messages) - 1)] = kept[row.answer_id]
        return messages, session_id, receipts

    def rate(receipts: dict[str, Receipt], event: gr.LikeData) -> tuple[Any, ...]:
        """Like / dislike / "有错误或遗漏" (a flag) on one answer, stored on it as its own kind; the latter two
        ask for a comment."""
        index = event.index if isinstance(event.index, int) else event.index[0]
        receipt = receipts.get(str(index))
        if receipt is None:  # the opening message is not an answer
            return "", gr.update(visible=False), None
        if event.liked == "":  # the same like / dislike clicked again: the rating (and its comment) is withdrawn
            try:
                withdrawn = ctx.log.withdraw_feedback(str(receipt["answer_id"]), token=str(receipt["feedback_token"]))
            except StoreUnavailable:
                withdrawn = False
            return words["feedback_withdrawn" if withdrawn else "feedback_failed"], gr.update(visible=False), None
        rating = rating_of(event.liked)
        if rating is None:
            return "", gr.update(visible=False), None
        if not _store_feedback(receipt, rating, None):
            return words["feedback_failed"], gr.update(visible=False), None
        asks_comment = rating != "like"
        return words["feedback_saved"], gr.update(visible=asks_comment), (
            {**receipt, "rating": rating} if asks_comment else None)

    def add_comment(target: dict[str, Any] | None, text: str) -> tuple[Any, ...]:
        if not target or not text.strip():
            return "", gr.update(visible=bool(target)), text
        if not _store_feedback(target, str(target["rating"]), text.strip()):
            return words["feedback_failed"], gr.update(visible=True), text
        return words["comment_saved"], gr.update(visible=False), ""

    def _store_feedback(receipt: Receipt, rating: str, comment: str | None) -> bool:
        try:
            return ctx.log.feedback(str(receipt["answer_id"]), rating, comment, token=str(receipt["feedback_token"]))
        except StoreUnavailable:
            return False

    def pick(event: gr.SelectData) -> str:
        return str(event.value.get("value") if isinstance(event.value, dict) else event.value)

    turn = [box, chatbot, session, by_message, saved]
    after = [chatbot, session, saved, by_message, box, note]
    for answered in (send.click(chat, turn, after), box.submit(chat, turn, after),
                     chatbot.option_select(pick, None, box).then(chat, turn, after)):
        answered.then(None, js=SHOW_LATEST_ANSWER)
    resets = [chatbot, session, saved, by_message, box, note, comment_row, commenting]
    new.click(new_conversation, None, resets)
    chatbot.clear(new_conversation, None, resets)
    chatbot.like(rate, by_message, [note, comment_row, commenting])
    comment_send.click(add_comment, [commenting, comment], [note, comment_row, comment])
    comment.submit(add_comment, [commenting, comment], [note, comment_row, comment])
    return restore, saved, [chatbot, session, by_message]


def show_latest_answer() -> str:
    """The page script that brings the latest answer into view (after a turn, and after a reload)."""
    return SHOW_LATEST_ANSWER


def rating_of(liked: bool | str) -> str | None:
    """The question log's feedback kind of a chatbot rating: ``like`` (thumb up), ``dislike`` (thumb down)
    or ``flag`` (the "有错误或遗漏" option: the answer is wrong or leaves something out); ``None`` for
    anything else a client sends."""
    if liked is True:
        return "like"
    if liked is False:
        return "dislike"
    return "flag" if liked == texts()["chat"]["feedback_other"] else None


def _receipt(receipt: LogReceipt) -> Receipt:
    return {"answer_id": receipt.answer_id, "feedback_token": receipt.feedback_token}


def _remembered(stored: dict[str, Any] | None, session_id: str, receipt: LogReceipt) -> dict[str, Any]:
    """What the browser keeps: the session id, and each answer's receipt of this session by answer id."""
    kept = dict((stored or {}).get("receipts") or {}) if (stored or {}).get("session_id") == session_id else {}
    kept[receipt.answer_id] = _receipt(receipt)
    return {"session_id": session_id, "receipts": kept}
