"""The LLM path's chain: a chat model words the plan's facts, with the award calculator bound as a tool.

``AnswerWriter(model, timeout_seconds).write(brief, calculate) -> Written``. The model gets the
articles (each under its ``[chunk_id]``), the plan's facts as a list, and the deterministic answer as a
reference draft written with the same ``[chunk_id]`` marks the guard requires. When the plan is an
award, the first request sets ``tool_choice`` to the calculator (only the planned rules may be named),
so a small model that would not call a tool on its own still brings the engine's figure; the next
request sets ``tool_choice`` to ``none`` so the model writes its text.

All requests of one answer share one time budget (``timeout_seconds``): each request gets what is left,
and a request that failed on time-out or connection is tried again only while time is left.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.tools import StructuredTool
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import Field, create_model

from assistant.records import Calculation
from assistant.rules.tool import TOOL_NAME, AwardToolArgs, award_tool
from prompts import prompt

MAX_TOOL_ROUNDS = 2
MIN_SECONDS_FOR_A_REQUEST = 1.0
RETRIES = 1
LANGUAGE_NAMES = {"zh-Hans": "simplified Chinese", "zh-Hant": "traditional Chinese", "en": "English"}

log = logging.getLogger(__name__)


class OutOfTime(TimeoutError):
    """The answer's time budget ran out before the model finished."""


@dataclass
class Written:
    """The model's final text and the calculations its tool calls ran."""

    text: str
    calculations: list[Calculation] = field(default_factory=list)
    requests: int = 0
    tool_outputs: list[str] = field(default_factory=list)  # what each tool call returned to the model


@dataclass(frozen=True)
class ContextArticle:
    chunk_id: str
    heading: str  # document, 文号, label, title, status
    text: str
    departments: str


@dataclass(frozen=True)
class PlannedRule:
    """An award rule the plan chose, with the amount inputs (``base_yuan`` …) the calculator takes and needs."""

    id: str
    name: str
    amounts: tuple[str, ...] = ()
    required: tuple[str, ...] = ()


@dataclass(frozen=True)
class Brief:
    """Everything the model is given for one answer."""

    question: str
    language: str  # zh-Hans / zh-Hant / en
    articles: Sequence[ContextArticle]
    facts: Sequence[str]  # the plan's facts, one line each, with [chunk_id] marks
    draft: str  # the deterministic answer with [chunk_id] marks
    rules: Sequence[PlannedRule] = ()  # the planned award rules


class Budget:
    """Seconds left of one answer's time budget (monotonic clock)."""

    def __init__(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds

    def left(self) -> float:
        return self.ends - time.monotonic()


class AnswerWriter:
    def __init__(self, model: BaseChatModel, timeout_seconds: float = 30.0) -> None:
        self.model = model
        self.timeout_seconds = timeout_seconds
        self.prompt = ChatPromptTemplate.from_messages([("system", prompt("system")), ("human", prompt("context"))])

    def write(self, brief: Brief, calculate: Callable[[str, dict[str, Any]], Calculation]) -> Written:
        """Run the chain (prompt → model, the tool forced for an award → tool result → final text).

        Raises ``OutOfTime`` when the budget runs out, ``RuntimeError`` when the model keeps calling tools,
        and whatever the client raises for a refused request (the caller serves the deterministic answer).
        """
        budget = Budget(self.timeout_seconds)
        results: list[Calculation] = []
        tool = _planned_tool(award_tool(calculate, results), brief.rules)
        schema = _openai_schema(tool)
        messages: list[BaseMessage] = self.prompt.format_messages(
            language=LANGUAGE_NAMES.get(brief.language, brief.language),
            articles="\n\n".join(_article_block(a) for a in brief.articles),
            facts="\n".join(f"- {line}" for line in brief.facts) or "-",
            rules="\n".join(f"{rule.id}: {rule.name}" for rule in brief.rules) or "(none)",
            draft=brief.draft,
            question=brief.question,
        )
        written = Written("")
        choice: Any = {"type": "function", "function": {"name": TOOL_NAME}} if brief.rules else "auto"
        for _ in range(MAX_TOOL_ROUNDS + 1):
            model = self.model.bind_tools([schema], tool_choice=choice)
            reply = self._invoke(model, messages, budget, written)
            if not isinstance(reply, AIMessage) or not reply.tool_calls:
                written.text = _text_of(reply)
                written.calculations = results
                return written
            messages.append(reply)
            for call in reply.tool_calls:
                output = tool.invoke(call["args"]) if call["name"] == tool.name else f"unknown tool {call['name']}"
                written.tool_outputs.append(str(output))
                messages.append(ToolMessage(content=str(output), tool_call_id=call["id"] or call["name"]))
            choice = "none"
        raise RuntimeError(f"the model still called tools after {MAX_TOOL_ROUNDS} rounds")

    def _invoke(self, model: Any, messages: list[BaseMessage], budget: Budget, written: Written) -> BaseMessage:
        """One request, tried again once after a time-out or a dropped connection, within the budget."""
        for attempt in range(1 + RETRIES):
            left = budget.left()
            if left < MIN_SECONDS_FOR_A_REQUEST:
                raise OutOfTime(f"no answer within {self.timeout_seconds:g} s")
            written.requests += 1
            try:
                reply: BaseMessage = model.invoke(messages, timeout=left)
                return reply
            except _retried() as error:
                if attempt == RETRIES:
                    raise
                log.warning("model request failed (%s); %.1f s left", error, budget.left())
        raise AssertionError("unreachable")


def _retried() -> tuple[type[BaseException], ...]:
    """What is tried again: time-outs, dropped connections and server errors (the OpenAI SDK is imported
    here, when a request failed, so that a service without a chat model never loads it)."""
    import openai

    return openai.APITimeoutError, openai.APIConnectionError, openai.InternalServerError, TimeoutError, ConnectionError


def _planned_tool(tool: StructuredTool, rules: Sequence[PlannedRule]) -> StructuredTool:
    """The calculator narrowed to the planned rules: ``rule_id`` one of them, and only the amounts they take
    (required when every one needs it). A grammar-constrained small model then fills nothing else."""
    if not rules:
        return tool
    ids = tuple(rule.id for rule in rules)
    fields: dict[str, Any] = {
        "rule_id": (Literal[ids], Field(description="id of the award rule (one of the planned rules)")),
    }
    for name in dict.fromkeys(a for rule in rules for a in rule.amounts):
        description = AwardToolArgs.model_fields[name].description if name in AwardToolArgs.model_fields else name
        if all(name in rule.required for rule in rules):
            fields[name] = (int, Field(ge=0, description=description))
        else:
            fields[name] = (int | None, Field(default=None, ge=0, description=description))
    schema = create_model("PlannedAwardArgs", **fields)
    return StructuredTool.from_function(func=tool.func, name=tool.name, description=tool.description, args_schema=schema)


def _openai_schema(tool: StructuredTool) -> dict[str, Any]:
    """The tool as OpenAI's function schema, a one-value choice written as ``enum`` (which grammar-based
    servers such as llama.cpp's turn into a constraint), not ``const``."""
    schema = convert_to_openai_tool(tool)
    for spec in schema["function"]["parameters"]["properties"].values():
        if "const" in spec:
            spec["enum"] = [spec.pop("const")]
    return schema


def _article_block(article: ContextArticle) -> str:
    return f"[{article.chunk_id}] {article.heading}\n{article.text}\n责任单位: {article.departments or '-'}"


def _text_of(message: BaseMessage) -> str:
    content = message.content
    if isinstance(content, str):
        return content.strip()
    return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content).strip()
