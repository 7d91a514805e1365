"""The award calculator as a LangChain ``StructuredTool``, so a chat model computes no figure itself.

The tool returns the calculator's result (amount, formula, caps, citation) as JSON, or a refusal
with its reason; either way the figure the model may repeat is the tool's, and the guard checks it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from langchain_core.tools import StructuredTool
from pydantic import BaseModel, Field

from assistant.errors import AssistantError
from assistant.records import Calculation

TOOL_NAME = "calculate_award"


class AwardToolArgs(BaseModel):
    """Arguments of one award calculation."""

    rule_id: str = Field(description="id of the award rule, e.g. m05-drug-phase2 (see the rule list in the context)")
    base_yuan: int | None = Field(default=None, ge=0, description="the amount the rate applies to, in yuan")
    upfront_yuan: int | None = Field(default=None, ge=0, description="an out-licensing deal's upfront payment, in yuan")
    conditions: dict[str, bool] = Field(
        default_factory=dict, description="eligibility facts the user stated, by condition id (true/false)"
    )


def award_tool(calculate: Callable[[str, dict[str, Any]], Calculation], results: list[Calculation]) -> StructuredTool:
    """A tool over ``calculate(rule_id, inputs)``; every successful result is appended to ``results``."""

    def run(rule_id: str, base_yuan: int | None = None, upfront_yuan: int | None = None,
            conditions: dict[str, bool] | None = None) -> str:
        inputs: dict[str, Any] = dict(conditions or {})
        if base_yuan is not None:
            inputs["base_yuan"] = base_yuan
        if upfront_yuan is not None:
            inputs["upfront_yuan"] = upfront_yuan
        try:
            calculation = calculate(rule_id, inputs)
        except AssistantError as error:  # an unknown rule or unusable inputs: the model reads why
            return json.dumps({"error": str(error)}, ensure_ascii=False)
        results.append(calculation)
        return calculation.model_dump_json(include={"rule_id", "eligible", "amount_yuan", "amount_text", "formula",
                                                    "notes", "caps_applied", "citation"})

    return StructuredTool.from_function(
        func=run,
        name=TOOL_NAME,
        description="Exact award ceiling for one rule of the 2024 Shanghai biomedicine policy. "
        "Use it for every figure you state; never compute an award yourself.",
        args_schema=AwardToolArgs,
    )
