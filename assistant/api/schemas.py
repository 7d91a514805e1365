"""Request bodies of the HTTP API (responses are the engine's records).

Every string a request carries is ``Text``: a lone UTF-16 surrogate (``"\\ud800"`` in JSON) is refused
with the error type ``invalid_text`` before any route sees it, since it cannot be stored or sent back.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator, model_validator
from pydantic_core import PydanticCustomError

LONE_SURROGATE = "text must be valid Unicode: it holds a lone surrogate (U+D800 to U+DFFF)"
_SURROGATE = re.compile("[\ud800-\udfff]")


def _valid_unicode(text: str) -> str:
    """Raises ``PydanticCustomError('invalid_text')`` for a string holding a lone surrogate."""
    if _SURROGATE.search(text):
        raise PydanticCustomError("invalid_text", LONE_SURROGATE)
    return text


Text = Annotated[str, AfterValidator(_valid_unicode)]


def _input_value(value: object) -> bool | int | float | str | None:
    """A calculator input is a flag, a number, an amount in words (``"6000万"``) or null; nothing nested."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return _valid_unicode(value)
    raise PydanticCustomError("input_type", "an input is text, a number, true/false or null, not {kind}",
                              {"kind": type(value).__name__})


InputValue = Annotated[bool | int | float | str | None,
                       PlainValidator(_input_value, json_schema_input_type=bool | int | float | str | None)]
Inputs = dict[Text, InputValue]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ChatRequest(Strict):
    message: Text = Field(min_length=1)
    session_id: Text | None = Field(default=None, max_length=64)


class SearchRequest(Strict):
    query: Text = Field(min_length=1)
    k: int = Field(default=5, ge=1, le=50)
    in_force_only: bool = False


class CalculateItem(Strict):
    rule_id: Text
    inputs: Inputs = Field(default_factory=dict)


class CalculateRequest(Strict):
    rule_id: Text | None = None
    inputs: Inputs = Field(default_factory=dict)
    items: list[CalculateItem] | None = Field(default=None, max_length=50)
    language: Literal["zh", "en"] = "zh"


class FeedbackRequest(Strict):
    """Feedback on one answer: its ``answer_id`` (or ``question_id``) and the ``feedback_token`` it came with."""

    answer_id: Text | None = Field(default=None, min_length=1, max_length=64, description="returned with the answer")
    question_id: int | None = Field(default=None, ge=1, le=2**63 - 1, description="returned with the answer")
    feedback_token: Text = Field(min_length=1, max_length=128, description="returned with the answer")
    rating: Literal["like", "dislike"]
    comment: Text | None = Field(default=None, max_length=2000)

    @model_validator(mode="after")
    def _one_id(self) -> FeedbackRequest:
        if (self.answer_id is None) == (self.question_id is None):
            raise PydanticCustomError("answer_id_or_question_id", "give answer_id or question_id (one of them)")
        return self


class ContentPart(BaseModel):
    """One part of an OpenAI message's content; only ``text`` parts are read, the others are ignored.

    Raises (as a 422) when a ``text`` part's ``text`` is missing, null or not a string.
    """

    model_config = ConfigDict(extra="allow")

    type: Literal["text", "image_url", "input_audio", "file", "refusal"]
    text: Text | None = None

    @model_validator(mode="after")
    def _text_part_has_text(self) -> ContentPart:
        if self.type == "text" and self.text is None:
            raise PydanticCustomError("missing_text", "a text part needs its text as a string")
        return self


def _as_parts(content: object) -> object:
    """OpenAI sends content as a string or a list of parts; from here on it is always the list."""
    if isinstance(content, str):
        return [{"type": "text", "text": content}]
    if content is None or isinstance(content, list):
        return content
    raise PydanticCustomError("content_type", "content is a string, a list of content parts or null")


Content = Annotated[list[ContentPart] | None,
                    BeforeValidator(_as_parts, json_schema_input_type=str | list[ContentPart] | None)]


class OpenAIMessage(BaseModel):
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: Content = None

    def text(self) -> str:
        """The message's text parts joined; ``""`` when it has none."""
        return "".join(part.text or "" for part in self.content or [] if part.type == "text")


class ChatCompletionRequest(BaseModel):
    model: Text = "policy-assistant"
    messages: list[OpenAIMessage] = Field(min_length=1)
    stream: bool = False
    user: Text | None = None
