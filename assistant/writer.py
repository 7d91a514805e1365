"""The LLM path: a chat model writes the answer from retrieved articles, with the rules tool bound.

The deterministic answer is always computed first and handed to the model as a reference; what the
model writes is served only when the guard passes it (see ``assistant.guard``). The source lines
(document, 文号, article, departments, validity) are appended by the composer, never by the model.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage
from langchain_core.prompts import ChatPromptTemplate

from assistant.records import Calculation
from assistant.rules.tool import award_tool
from prompts import prompt

MAX_TOOL_ROUNDS = 3
LANGUAGE_NAMES = {"zh-Hans": "simplified Chinese", "zh-Hant": "traditional Chinese", "en": "English"}

log = logging.getLogger(__name__)


@dataclass
class Written:
    text: str
    calculations: list[Calculation] = field(default_factory=list)


@dataclass(frozen=True)
class ContextArticle:
    chunk_id: str
    heading: str  # document, 文号, label, title, status
    text: str
    departments: str


class AnswerWriter:
    def __init__(self, model: BaseChatModel) -> None:
        self.model = model
        self.prompt = ChatPromptTemplate.from_messages([("system", prompt("system")), ("human", prompt("context"))])

    def write(
        self,
        question: str,
        language: str,
        articles: Sequence[ContextArticle],
        rules: Sequence[str],
        draft: str,
        calculate: Callable[[str, dict[str, Any]], Calculation],
    ) -> Written:
        """Run the chain (prompt → model with the tool bound → tool calls → final text)."""
        results: list[Calculation] = []
        tool = award_tool(calculate, results)
        model = self.model.bind_tools([tool])
        messages: list[BaseMessage] = self.prompt.format_messages(
            language=LANGUAGE_NAMES.get(language, language),
            articles="\n\n".join(_article_block(a) for a in articles),
            rules="\n".join(rules) or "(none)",
            draft=draft,
            question=question,
        )
        for _ in range(MAX_TOOL_ROUNDS + 1):
            reply = model.invoke(messages)
            if not isinstance(reply, AIMessage) or not reply.tool_calls:
                return Written(_text_of(reply), results)
            messages.append(reply)
            for call in reply.tool_calls:
                output = tool.invoke(call["args"]) if call["name"] == tool.name else f"unknown tool {call['name']}"
                messages.append(ToolMessage(content=str(output), tool_call_id=call["id"] or call["name"]))
        raise RuntimeError(f"the model still called tools after {MAX_TOOL_ROUNDS} rounds")


def _article_block(article: ContextArticle) -> str:
    return f"[{article.chunk_id}] {article.heading}\n{article.text}\n责任单位: {article.departments or '-'}"


def _text_of(message: BaseMessage) -> str:
    content = message.content
    if isinstance(content, str):
        return content.strip()
    return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content).strip()
