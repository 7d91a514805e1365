"""A scripted OpenAI-compatible chat server on 127.0.0.1, for the LLM path's tests over real HTTP.

It stands in for a model only: the product's own client (LangChain's ``ChatOpenAI``) talks to it over
HTTP exactly as it would to vLLM, Ollama or llama.cpp's server. Each request takes the next scripted
reply: a text, a tool call, the reference draft of the prompt copied back (what a faithful small model
writes), or a delay. Like llama.cpp's servers it refuses a message whose ``content`` is ``null``
(HTTP 500, "Input should be a valid string"), so a client that sends one fails as it would there.
Every request body is kept in ``requests`` for the tests to read.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DRAFT = re.compile(r"Reference answer[^\n]*:\n(.*?)\n\nQuestion:", re.S)


@dataclass(frozen=True)
class Reply:
    """One scripted reply: ``text``, a ``tool`` call (name, arguments), the prompt's ``draft``, or a ``delay``."""

    text: str = ""
    tool: tuple[str, dict[str, Any]] | None = None
    copy_draft: bool = False
    delay_seconds: float = 0.0


def text(content: str) -> Reply:
    return Reply(text=content)


def tool_call(arguments: dict[str, Any], name: str = "calculate_award") -> Reply:
    return Reply(tool=(name, arguments))


def copy_draft() -> Reply:
    return Reply(copy_draft=True)


def slow(seconds: float) -> Reply:
    return Reply(text="late", delay_seconds=seconds)


@dataclass
class ScriptedServer:
    replies: list[Reply] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""
    _server: ThreadingHTTPServer | None = None

    def script(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.requests.clear()

    def start(self) -> ScriptedServer:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                owner.requests.append(body)
                for message in body.get("messages", []):
                    if not isinstance(message.get("content"), str | list):
                        self._send(500, {"error": {"message": "content: Input should be a valid string"}})
                        return
                if not owner.replies:
                    self._send(500, {"error": {"message": "no scripted reply left"}})
                    return
                reply = owner.replies.pop(0)
                if reply.delay_seconds:
                    time.sleep(reply.delay_seconds)
                self._send(200, _completion(reply, body))

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    return  # the client gave up waiting (a time-out test)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def _completion(reply: Reply, body: dict[str, Any]) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": reply.text}
    finish = "stop"
    if reply.tool is not None:
        name, arguments = reply.tool
        message = {"role": "assistant", "content": None, "tool_calls": [
            {"id": f"call-{len(body['messages'])}", "type": "function",
             "function": {"name": name, "arguments": json.dumps(arguments, ensure_ascii=False)}}]}
        finish = "tool_calls"
    elif reply.copy_draft:
        prompt = "\n".join(str(m.get("content")) for m in body["messages"] if m["role"] == "user")
        found = DRAFT.search(prompt)
        message["content"] = found[1] if found else ""
    return {"id": "chatcmpl-scripted", "object": "chat.completion", "created": int(time.time()),
            "model": body.get("model", "scripted"),
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}}
