"""The errors the product reports to its users: one hierarchy, each class with a ``code`` and an HTTP status.

Surfaces map them once: the API answers ``{"error": {"code", "message"}}`` with ``status``; the CLI
prints ``error: <message>`` and exits 2; the UI shows the message. The message is written for the
person who sent the request and never holds a traceback.

One code per meaning (the README's error table lists them all): ``invalid_request`` (422) for any
request whose content is refused — a malformed body, an empty message, calculator inputs or a profile
that cannot be used; ``payload_too_large`` (413) for anything over a size limit, a chat message over
``PA_MAX_MESSAGE_CHARS`` included.
"""

from __future__ import annotations

from collections.abc import Mapping


class AssistantError(Exception):
    """A request the product refuses or cannot serve. ``code`` is stable (clients branch on it);
    ``status`` is the HTTP status; ``headers`` go with the HTTP response (e.g. ``Retry-After``)."""

    code = "error"
    status = 400

    def __init__(self, message: str, *, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.headers = dict(headers) if headers else {}

    def __str__(self) -> str:
        return self.message


class InputError(AssistantError, ValueError):
    """A request the engine refuses, with a message for the user (422)."""

    code = "invalid_request"
    status = 422


class MessageTooLong(InputError):
    """A message over ``PA_MAX_MESSAGE_CHARS``: a size limit, so 413 ``payload_too_large`` like a body too large."""

    code = "payload_too_large"
    status = 413


class InvalidInputs(AssistantError, ValueError):
    """Calculator inputs that cannot be used: an unknown or missing input, an unreadable amount (422)."""

    code = "invalid_request"
    status = 422


class NotFound(AssistantError, LookupError):
    """Nothing has the id asked for (404)."""

    code = "not_found"
    status = 404


class UnknownModel(NotFound):
    """An OpenAI-compatible request naming a model this service is not (404 ``model_not_found``, as OpenAI's)."""

    code = "model_not_found"


class Unauthorized(AssistantError):
    """A guarded route without its valid bearer token, or with no token configured (401)."""

    code = "unauthorized"
    status = 401


class TooManyRequests(AssistantError):
    """A client that guessed wrong tokens too often (429, with ``Retry-After``)."""

    code = "too_many_requests"
    status = 429


class PayloadTooLarge(AssistantError):
    """A request over a size limit: body bytes, completions messages or their text (413)."""

    code = "payload_too_large"
    status = 413


class Unavailable(AssistantError):
    """The service cannot answer now: the index is still loading (503)."""

    code = "unavailable"
    status = 503


class NotReady(Unavailable):
    """This process is still loading or warming its engine (503, with ``Retry-After: 1``)."""

    code = "not_ready"

    def __init__(self, message: str, *, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message, headers={"Retry-After": "1", **(headers or {})})


class IndexMissing(Unavailable):
    """No usable index version serves: none was built, or the index store lost or emptied it; an admin
    reindex rebuilds it (503)."""

    code = "index_missing"


class IndexUnavailable(Unavailable):
    """The index store (a Chroma server) cannot be reached; the next request tries again (503)."""

    code = "index_unavailable"


class ReindexFailed(AssistantError):
    """A rebuild failed; the previous index keeps serving (500: the fault is the server's data)."""

    code = "reindex_failed"
    status = 500


class ConfigurationError(AssistantError, ValueError):
    """Settings or shipped data the service cannot start with (the CLI exits 2 with the message)."""

    code = "invalid_configuration"
    status = 500
