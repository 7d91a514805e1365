"""``ChatOpenAI`` for OpenAI-compatible servers that refuse ``null`` message content or ignore
``max_completion_tokens`` (see ``assistant.llm.client``).

In a module of its own so that langchain-openai and the OpenAI SDK (about a second of imports) load
only when a chat model is configured.
"""

from __future__ import annotations

from typing import Any

from langchain_openai import ChatOpenAI


class StringContentChatOpenAI(ChatOpenAI):
    """``ChatOpenAI`` whose requests every OpenAI-compatible server reads alike: string content on every
    message, and the answer's length as ``max_tokens``."""

    def _get_request_payload(self, input_: Any, *, stop: list[str] | None = None, **kwargs: Any) -> dict[str, Any]:
        payload: dict[str, Any] = super()._get_request_payload(input_, stop=stop, **kwargs)
        for message in payload.get("messages", []):
            if message.get("content") is None:
                message["content"] = ""
        if "max_completion_tokens" in payload:
            payload["max_tokens"] = payload.pop("max_completion_tokens")
        return payload
