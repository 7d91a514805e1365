"""The chat model on an OpenAI-compatible endpoint (DeepSeek, Qwen, vLLM, Ollama, llama.cpp's server).

``chat_model(settings) -> BaseChatModel | None``: none unless ``PA_LLM_BASE_URL`` is set.

An assistant turn that calls a tool is sent with ``content: ""``, never ``null``: the OpenAI spec allows
either, but llama.cpp's servers (llama-server, llama-cpp-python 0.3.x) answer ``null`` with HTTP 500
("Input should be a valid string"). vLLM documents named-function ``tool_choice`` (used for awards) and
takes string content on a turn that carries ``tool_calls``; Ollama's OpenAI layer documents string
content and tools, and ignores ``tool_choice``. The answer's length goes as ``max_tokens``, which all of
them read: LangChain sends ``max_completion_tokens``, which llama-cpp-python 0.3.36 ignores (a 135M
model then wrote 1908 tokens where 96 were asked for). The client retries nothing itself: the writer spends one
time budget (``PA_LLM_TIMEOUT_SECONDS``) across all requests and retries of an answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.settings import Settings

if TYPE_CHECKING:
    import httpx
    from langchain_core.language_models import BaseChatModel

MAX_ANSWER_TOKENS = 800  # a worded answer is a few sentences; a small model that loops is cut off here


def chat_model(settings: Settings, http_client: httpx.Client | None = None,
               max_tokens: int = MAX_ANSWER_TOKENS) -> BaseChatModel | None:
    """A chat model on ``PA_LLM_BASE_URL`` (model ``PA_LLM_MODEL``, key ``PA_LLM_API_KEY``); else none.

    ``http_client``: the HTTP client its requests go through (a proxy, a CA bundle, event hooks);
    ``max_tokens``: the longest answer the model may write, in tokens.
    """
    if not settings.llm_base_url:
        return None
    from assistant.llm.openai_chat import StringContentChatOpenAI  # langchain-openai loads only for a configured model

    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
    return StringContentChatOpenAI(base_url=settings.llm_base_url, model=settings.llm_model, api_key=key,
                                   temperature=0, timeout=settings.llm_timeout_seconds, max_retries=0,
                                   max_tokens=max_tokens, http_client=http_client)
