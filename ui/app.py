"""The Gradio UI, mounted at ``/`` of the API app: enterprise chat, award calculator, hotline desk.

It calls the same engine as the API and holds no domain logic; every text the engine returns is
escaped before it reaches the page, so an answer is always shown as text, never run as HTML.
"""

from __future__ import annotations

import html
import os
import re
import secrets
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr
from fastapi import FastAPI

from assistant.amounts import AmountError
from assistant.engine import InputError
from assistant.records import Citation
from assistant.rules.book import UnknownRule
from assistant.rules.calculator import CalculationError
from assistant.store import QuestionLog, StoreUnavailable

EXAMPLES = [
    "我们的1类新药II期临床投入6000万，能拿多少？",
    "伦理审查多久能完成？",
    "CMO受托生产一个品种年产值8000万，能补多少？",
    "浦东的生物医药行动方案还有效吗？",
    "What does Shanghai offer foreign R&D centres?",
    "細胞治療的1類新藥確證性臨床投入一億能補多少？",
]


def source_cards(citations: list[Citation]) -> str:
    """Each citation as an expandable card; all engine text escaped."""
    cards = []
    for c in citations:
        head = html.escape(f"{c.doc_number or c.doc_title} {c.article} {c.title}")
        departments = html.escape("、".join(c.departments)) or "—"
        cards.append(
            f"<details class='source-card'><summary>{head}</summary>"
            f"<p>{html.escape(c.text)}</p><p>责任单位：{departments}</p>"
            f"<p>文件状态：{html.escape(c.validity)}</p></details>"
        )
    return "\n".join(cards) or "<p>（无引用）</p>"


def highlight(text: str, terms: list[str]) -> str:
    escaped = html.escape(text)
    for term in sorted(set(terms), key=len, reverse=True):
        if term.strip():
            escaped = re.sub(re.escape(html.escape(term)), lambda m: f"<mark>{m[0]}</mark>", escaped,
                             flags=re.IGNORECASE)
    return escaped


def build_blocks(holder: Any, log: QuestionLog) -> gr.Blocks:
    def chat(message: str, history: list[dict[str, str]], session_id: str | None):
        """One turn, streamed line by line (the whole answer is checked before the first line shows).

        Both sides go into the chat escaped, so a message or answer shows as text, never HTML.
        """
        history = [*(history or []), {"role": "user", "content": html.escape(message)}]
        try:
            answer = holder.get().ask(message, session_id)
        except InputError as error:
            yield [*history, {"role": "assistant", "content": html.escape(f"⚠ {error}")}], session_id, "", None, ""
            return
        question_id = log.record_answer(message, answer, "ui").public()  # the answer's id and feedback token
        lines = answer.answer.split("\n")
        for shown in range(1, len(lines)):
            partial = html.escape("\n".join(lines[:shown]))
            yield [*history, {"role": "assistant", "content": partial}], answer.session_id, "", question_id, ""
        final = [*history, {"role": "assistant", "content": html.escape(answer.answer)}]
        yield final, answer.session_id, source_cards(answer.citations), question_id, ""

    def rate(rated: dict[str, Any] | None, rating: str) -> str:
        if not rated or not rated.get("answer_id"):
            return "先提一个问题。"
        try:
            log.feedback(str(rated["answer_id"]), rating, None, token=str(rated["feedback_token"]))
        except StoreUnavailable:
            return "暂时无法记录反馈，请稍后再试。"
        return "已记录反馈，谢谢。" if rating == "like" else "已记录，我们会改进。"

    def calculate(rule_id: str, base: str, upfront: str, language: str) -> str:
        inputs: dict[str, Any] = {}
        if base.strip():
            inputs["base_yuan"] = base
        if upfront.strip():
            inputs["upfront_yuan"] = upfront
        try:
            result = holder.get().calculate(rule_id, inputs, "en" if language == "English" else "zh")
        except (UnknownRule, CalculationError, AmountError) as error:
            return f"⚠ {html.escape(str(error))}"
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in result.notes)
        return (
            f"<h3>{html.escape(result.rule_name)}：{html.escape(result.amount_text)}</h3>"
            f"<p>{html.escape(result.formula)}</p><ul>{notes}</ul>" + source_cards([result.citation])
        )

    def desk_search(token: str, query: str):
        if not _staff_ok(holder.settings, token):
            return "⚠ 需要有效的坐席令牌（staff token）。", ""
        try:
            engine = holder.get()
            results = engine.search(query, k=5)
            answer = engine.ask(query)
        except InputError as error:
            return f"⚠ {html.escape(str(error))}", ""
        log.record_answer(query, answer, "desk")
        blocks = []
        for r in results:
            departments = html.escape("、".join(r.departments)) or "原文未列明"
            blocks.append(
                f"<div class='desk-hit'><b>{html.escape(f'{r.doc_number or r.doc_title} {r.article} {r.title}')}"
                f"</b><p>{highlight(r.text, r.matched_terms)}</p><p>责任单位：{departments}</p>"
                f"<p>文件状态：{html.escape(r.validity)}</p></div>"
            )
        return "\n".join(blocks), answer.answer

    def desk_log(token: str):
        if not _staff_ok(holder.settings, token):
            return []
        return [[q.id, q.asked_at, q.surface, q.question, q.status, q.feedback or ""] for q in log.recent(50)]

    rule_choices = [(f"{r.id} · {r.name}", r.id) for r in holder.get().book.rules] if holder.engine else []

    with gr.Blocks(title="上海生物医药政策助手") as blocks:
        gr.Markdown("## 上海生物医药产业政策助手 · Shanghai biomedicine policy assistant")
        with gr.Tab("政策问答 Chat"):
            session = gr.State(None)
            question_id = gr.State(None)
            chatbot = gr.Chatbot(label="对话", height=420, render_markdown=False, sanitize_html=True)
            box = gr.Textbox(label="您的问题", placeholder="例如：1类新药II期临床投入6000万能拿多少？")
            with gr.Row():
                send = gr.Button("发送", variant="primary", elem_id="send")
                clear = gr.Button("清空对话", elem_id="clear")
                like = gr.Button("👍 有用")
                dislike = gr.Button("👎 没用")
            feedback_note = gr.Markdown()
            cards = gr.HTML(label="引用条款", elem_id="sources")
            gr.Examples(EXAMPLES, inputs=box)
            outputs = [chatbot, session, cards, question_id, box]
            send.click(chat, [box, chatbot, session], outputs)
            box.submit(chat, [box, chatbot, session], outputs)
            clear.click(lambda: ([], None, "", None, ""), None, outputs)
            like.click(lambda q: rate(q, "like"), question_id, feedback_note)
            dislike.click(lambda q: rate(q, "dislike"), question_id, feedback_note)
        with gr.Tab("补贴计算 Calculator"):
            rule = gr.Dropdown(rule_choices, label="支持事项", value=rule_choices[0][1] if rule_choices else None)
            base = gr.Textbox(label="基数（研发投入、保费、产值等）", placeholder="6000万 / 0.6亿 / RMB 60 million")
            upfront = gr.Textbox(label="首付款（仅海外权益许可交易）", placeholder="1.5亿")
            language = gr.Radio(["中文", "English"], value="中文", label="语言")
            result = gr.HTML()
            gr.Button("计算", variant="primary").click(calculate, [rule, base, upfront, language], result)
        with gr.Tab("热线坐席 Hotline desk"):
            token = gr.Textbox(label="坐席令牌 staff token", type="password")
            query = gr.Textbox(label="来电问题", placeholder="伦理审查多久")
            hits = gr.HTML()
            script = gr.Textbox(label="参考答复（可复制）", lines=8, buttons=["copy"])
            gr.Button("查找", variant="primary").click(desk_search, [token, query], [hits, script])
            table = gr.Dataframe(headers=["id", "时间", "渠道", "问题", "状态", "反馈"], label="最近问题")
            gr.Button("刷新记录").click(desk_log, token, table)
    return blocks


def _staff_ok(settings: Any, token: str) -> bool:
    expected = settings.staff_token
    return expected is not None and secrets.compare_digest(
        (token or "").encode(), expected.get_secret_value().encode()
    )


def mount_ui(app: FastAPI, holder: Any, log: QuestionLog) -> FastAPI:
    if holder.engine is None:
        from assistant.engine import Engine

        holder.engine = Engine.from_settings(holder.settings)
    return gr.mount_gradio_app(app, build_blocks(holder, log), path="/")
