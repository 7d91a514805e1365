"""The bodies of the HTTP API: requests, and the responses built from the engine's records.

Every string a request carries is ``Text``: a lone UTF-16 surrogate (``"\\ud800"`` in JSON) is refused
with the error type ``invalid_text`` before any route sees it, since it cannot be stored or sent back.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    StrictBool,
    StrictInt,
    model_validator,
)
from pydantic_core import PydanticCustomError

from assistant.language import Language
from assistant.records import Citation, PublicAnswer, SearchResult, Status
from assistant.rules.book import RuleKind
from assistant.store import LoggedQuestion

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
    """A request body: an unknown key is refused (422), never ignored."""

    model_config = ConfigDict(extra="forbid")


class ChatRequest(Strict):
    """One turn: the message (at most PA_MAX_MESSAGE_CHARS, 2000, characters after cleaning) and the session to continue."""

    message: Text = Field(min_length=1)
    session_id: Text | None = Field(default=None, max_length=64)


class SearchRequest(Strict):
    """A search: the query and how many results (1–50); ``in_force_only`` drops documents not in force."""

    query: Text = Field(min_length=1)
    k: int = Field(default=5, ge=1, le=50)
    in_force_only: bool = False


def _language(value: object) -> object:
    """``zh`` (the first API's word) is simplified Chinese."""
    return Language.SIMPLIFIED if value == "zh" else value


class CalculateItem(Strict):
    """One item of a multi-item calculation."""

    rule_id: Text
    inputs: Inputs = Field(default_factory=dict)


class CalculateRequest(Strict):
    """One item (``rule_id`` + ``inputs``) or several (``items``); amounts are yuan or text such as ``6000万``."""

    rule_id: Text | None = None
    inputs: Inputs = Field(default_factory=dict)
    items: list[CalculateItem] | None = Field(default=None, max_length=50)
    language: Annotated[Language, BeforeValidator(_language)] = Field(
        default=Language.SIMPLIFIED, description="the wording of formula and notes; zh is read as zh-Hans")


class FeedbackRequest(Strict):
    """Feedback on one answer: its ``answer_id`` (or ``question_id``) and the ``feedback_token`` it came with."""

    answer_id: Text | None = Field(default=None, min_length=1, max_length=64, description="returned with the answer")
    question_id: int | None = Field(default=None, ge=1, le=2**63 - 1, description="returned with the answer")
    feedback_token: Text = Field(min_length=1, max_length=128, description="returned with the answer")
    rating: Literal["like", "dislike", "flag"] = Field(description="flag: the answer has an error or omission")
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
    """One message of an OpenAI chat; only ``user`` and ``assistant`` messages are read."""

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: Content = None

    def text(self) -> str:
        """The message's text parts joined; ``""`` when it has none."""
        return "".join(part.text or "" for part in self.content or [] if part.type == "text")


def _one_choice(n: int | None) -> int | None:
    """Raises ``PydanticCustomError('one_choice')`` for ``n`` other than 1: the answer is deterministic, so
    several choices would be one answer repeated."""
    if n not in (None, 1):
        raise PydanticCustomError("one_choice", "only n=1 is served (one answer per question), not {n}", {"n": n})
    return n


class ChatCompletionRequest(BaseModel):
    """An OpenAI chat completions request. ``model`` must be one ``GET /v1/models`` lists (404 otherwise);
    ``stream`` is a JSON boolean and ``n`` only 1 (422 otherwise); other OpenAI parameters (temperature …)
    are accepted and ignored."""

    model: Text = Field(default="policy-assistant", description="the model id; GET /v1/models lists the one served")
    messages: list[OpenAIMessage] = Field(min_length=1)
    stream: StrictBool | None = Field(default=False, description="true: chat.completion.chunk events (SSE)")
    n: Annotated[StrictInt | None, AfterValidator(_one_choice)] = Field(default=1, description="only 1")
    user: Text | None = None


# --- responses --------------------------------------------------------------------------------------


class Receipt(BaseModel):
    """How to rate an answer (``POST /v1/feedback``): its ids and the token that proves it was received."""

    question_id: int | None = Field(description="the log row's id; null while the log write is deferred")
    answer_id: str
    feedback_token: str = Field(description="sent once with the answer; required to rate it")


class ChatAnswer(PublicAnswer, Receipt):
    """``POST /v1/chat``: the answer and how to rate it."""


class Health(BaseModel):
    """The service is ready: warm, over index version ``index_version`` of ``articles`` articles."""

    status: Literal["ok"]
    articles: int = Field(description="articles in the index")
    index_version: str = Field(description="the index version (Chroma collection) this process answers from")


class SearchResponse(BaseModel):
    """Search results, best first."""

    results: list[SearchResult]


class FeedbackReceipt(BaseModel):
    """The rating was recorded."""

    ok: Literal[True] = True


class RuleInfo(BaseModel):
    """One rule of ``GET /v1/rules``; ``inputs`` are exactly the names ``POST /v1/calculate`` takes for it."""

    id: str
    measure: str = Field(description="the measure's key in the policy, e.g. 05 for （五）")
    article: str = Field(description="the chunk id of the measure's article, for GET /v1/articles/{chunk_id}")
    name: str
    name_en: str
    kind: RuleKind
    quote: str = Field(description="the policy's own sentence the rule implements")
    base: str | None = Field(description="what the rate is a share of, e.g. 研发投入; null when none")
    rate: str | None = Field(description="a decimal fraction as text (\"0.4\" = 40%); null for a fixed ceiling")
    cap_yuan: int = Field(description="ceiling per item, yuan")
    per: str = Field(description="what one item is")
    merit_based: bool = Field(description="择优: granted on merit, never an entitlement")
    annual_cap_yuan: int | None = Field(description="per-entity annual cap the item counts against, yuan")
    conditions: list[str]
    valid_from: date = Field(description="first day the funding measures apply")
    valid_to: date
    inputs: list[str]
    required_inputs: list[str]


class RulesResponse(BaseModel):
    """Every award rule of the policy."""

    rules: list[RuleInfo]


class DocumentInfo(BaseModel):
    """One document of the corpus with its status on the service's day."""

    id: str
    title: str
    title_en: str
    number: str | None = Field(description="文号")
    issuer: str | None
    kind: str
    indexed: bool = Field(description="false for a repost of another document's text")
    signed: date | None = Field(description="the date the document was signed (成文日期), where its text gives it")
    published: date | None = Field(description="the date it was published, where the texts give it")
    valid_from: date | None
    valid_to: date | None
    status: str = Field(description="in_force, not_yet_in_force, expired, superseded, unstated (a policy the sources only "
                                    "quote, its term not stated) or reference")
    same_as: str | None
    superseded_by: str | None
    followed_by: str | None = Field(default=None, description="the policy in force on the subject of one whose status is "
                                                              "unstated (the sources do not say it replaces it)")


class DocumentsResponse(BaseModel):
    """Every document of the corpus."""

    documents: list[DocumentInfo]


class ModelCard(BaseModel):
    """The one model this service answers as."""

    id: str
    object: Literal["model"] = "model"
    owned_by: str


class ModelList(BaseModel):
    """The models of ``GET /v1/models`` (OpenAI's shape)."""

    object: Literal["list"] = "list"
    data: list[ModelCard]


class CompletionMessage(BaseModel):
    """The answer's text as an OpenAI assistant message."""

    role: Literal["assistant"] = "assistant"
    content: str


class CompletionChoice(BaseModel):
    """The one choice of a completion."""

    index: int = 0
    message: CompletionMessage
    finish_reason: Literal["stop"] = "stop"


class Usage(BaseModel):
    """Always zero: the answer is not priced in tokens."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class ChatCompletion(BaseModel):
    """An OpenAI chat completion, with the answer's ``citations`` and ``status`` beside the choices."""

    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int = Field(description="Unix time, seconds")
    model: str
    choices: list[CompletionChoice]
    usage: Usage = Field(default_factory=Usage)
    citations: list[Citation]
    status: Status
    question_id: int | None = Field(description="rate the answer with these three (POST /v1/feedback)")
    answer_id: str
    feedback_token: str


class StaffQuestions(BaseModel):
    """Logged questions, newest first."""

    questions: list[LoggedQuestion]


class ReindexResult(BaseModel):
    """The rebuilt index is serving."""

    ok: Literal[True] = True
    articles: int = Field(description="articles in the new index")
    index_version: str = Field(description="the new index version, now active for every worker")
    embedded: int = Field(description="articles embedded by this build; the others kept their vectors")
