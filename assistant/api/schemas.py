"""Request bodies of the HTTP API (responses are the engine's records)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ChatRequest(Strict):
    message: str = Field(min_length=1)
    session_id: str | None = Field(default=None, max_length=64)


class SearchRequest(Strict):
    query: str = Field(min_length=1)
    k: int = Field(default=5, ge=1, le=50)
    in_force_only: bool = False


class CalculateItem(Strict):
    rule_id: str
    inputs: dict[str, Any] = Field(default_factory=dict)


class CalculateRequest(Strict):
    rule_id: str | None = None
    inputs: dict[str, Any] = Field(default_factory=dict)
    items: list[CalculateItem] | None = Field(default=None, max_length=50)
    language: Literal["zh", "en"] = "zh"


class FeedbackRequest(Strict):
    question_id: int = Field(ge=1, le=2**63 - 1, description="the id returned with the answer")
    rating: Literal["like", "dislike"]
    comment: str | None = Field(default=None, max_length=2000)


class OpenAIMessage(BaseModel):
    role: str
    content: str | list[dict[str, Any]] | None = None


class ChatCompletionRequest(BaseModel):
    model: str = "policy-assistant"
    messages: list[OpenAIMessage] = Field(min_length=1)
    stream: bool = False
    user: str | None = None
