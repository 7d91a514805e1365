"""The Gradio UI, mounted at ``/`` of the API app: enterprise chat, award calculator, hotline desk.

It calls the same engine as the API and holds no domain logic; every text the engine returns is
escaped before it reaches the page, so an answer is always shown as text, never run as HTML. The
page's words are in ``ui/texts.yaml``, its styles in ``ui/page.css`` and its one script in ``ui/page.js``.
A new tab is one function taking the ``UiContext``, added to ``TABS``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr
from fastapi import FastAPI

from assistant.service import Service
from ui.calculator_tab import build_calculator_tab
from ui.chat_tab import build_chat_tab, show_latest_answer
from ui.context import UiContext
from ui.desk_auth import DeskSignIns, desk_router
from ui.desk_export import export_router
from ui.desk_tab import build_desk_tab
from ui.early_script import EarlyScript
from ui.match_tab import build_match_tab
from ui.texts import texts

HERE = Path(__file__).resolve().parent
TABS: list[tuple[str, str, Callable[[UiContext], None]]] = [
    # (tab id, words key in texts.yaml, builder); the chat tab is built first, in build_blocks
    ("calculator", "calculator", build_calculator_tab),
    ("match", "match", build_match_tab),
    ("desk", "desk", build_desk_tab),
]


def theme() -> gr.themes.Base:
    """The default theme with colours that meet WCAG AA contrast (white on blue-700 is 6.7:1)."""
    return gr.themes.Default(primary_hue=gr.themes.colors.blue, neutral_hue=gr.themes.colors.gray).set(
        button_primary_background_fill="#1d4ed8",
        button_primary_background_fill_hover="#1e40af",
        button_primary_text_color="#ffffff",
        button_primary_border_color="#1e3a8a",
        color_accent="#1d4ed8",
        color_accent_soft="#dbeafe",
        body_text_color_subdued="#4b5563",
        block_info_text_color="#4b5563",
        input_placeholder_color="#5b6270",
        link_text_color="#1d4ed8",
    )


def page_script() -> str:
    """``ui/page.js`` with its words (``paWords``, from ``texts.yaml``) as one ``<script>`` for the page's head."""
    words = json.dumps(texts()["page"]["script"], ensure_ascii=False).replace("</", "<\\/")
    return f"<script>const paWords = {words};\n{(HERE / 'page.js').read_text(encoding='utf-8')}</script>"


def build_blocks(ctx: UiContext) -> gr.Blocks:
    words = texts()
    with gr.Blocks(title=words["page"]["title"]) as blocks:
        gr.Markdown(f"# {words['page']['heading']}\n{words['page']['subheading']}", elem_id="page-head")
        with gr.Tabs():
            with gr.Tab(words["chat"]["tab"], id="chat", elem_id="tab-chat"):
                restore, saved, restored = build_chat_tab(ctx)
            for tab_id, key, build in TABS:
                with gr.Tab(words[key]["tab"], id=tab_id, elem_id=f"tab-{tab_id}"):
                    build(ctx)
        blocks.load(restore, saved, restored).then(None, js=show_latest_answer())  # a reload shows the latest
    return blocks


def mount_ui(app: FastAPI, service: Service) -> FastAPI:
    """Mounts the UI at ``/`` (and the desk's sign-in routes under ``/ui/desk``) over ``service``, whose
    engine is loaded first (the calculator lists the rules when the page is built)."""
    service.start()
    sign_ins = DeskSignIns.of(service.settings, service.store.sign_outs)
    ctx = UiContext(service=service, calls=service.store.calls, sign_ins=sign_ins)
    app.include_router(desk_router(service.settings, sign_ins))
    app.include_router(export_router(ctx))
    app.add_middleware(EarlyScript)
    return gr.mount_gradio_app(
        app, build_blocks(ctx), path="/", theme=theme(), css_paths=[HERE / "page.css"],
        head=page_script(), i18n=gr.I18n(**{"zh-CN": texts()["page"]["gradio_words"]}),
        # Nothing of a visit is recorded in the browser's run history (a hotline workstation is shared; it
        # would keep chat turns and desk questions), and runs an earlier version recorded there are deleted.
        run_history=False,
        footer_links=[],  # Gradio's English footer ("Use via API · Built with Gradio · Settings") is not shown
    )
