"""Every setting, from ``PA_…`` environment variables (or a ``.env`` file); see ``.env.example``.

Values are checked when the settings load, so a service with a bad value does not start:
``load_settings()`` raises ``SettingsError`` with one line naming each bad variable.
"""

from __future__ import annotations

import os
import re
from datetime import date
from enum import StrEnum
from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, SettingsConfigDict
from pydantic_settings import SettingsError as UnparsableSetting

from assistant.errors import ConfigurationError

ENV_PREFIX = "PA_"
_UNPARSABLE_FIELD = re.compile(r'field "(\w+)"')
MIN_TOKEN_CHARS = 16
WAITING_REQUEST_THREADS = 4  # request threads of a process whose turns wait on servers (see Settings.answering_threads)


class EmbeddingBackend(StrEnum):
    """The embedders ``index.embedders.make_embedder`` builds (its ``BACKENDS``)."""

    USE = "use"
    SENTENCE_TRANSFORMERS = "sentence-transformers"
    NONE = "none"


class RetrievalMode(StrEnum):
    """The ranking the retriever uses, as ``assistant.retrieval.RetrievalMode``: named here so that loading
    the settings (every CLI call) does not import the retriever and Chroma with it."""

    HYBRID = "hybrid"
    BM25 = "bm25"
    DENSE = "dense"
    RRF = "rrf"  # hybrid by reciprocal rank, kept as the measured alternative


class SettingsError(ConfigurationError):
    """Settings the service cannot start with; the message is one line naming each bad ``PA_…`` variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_file=".env", extra="ignore")

    data_dir: Path = Path("data")
    embedding_backend: EmbeddingBackend = EmbeddingBackend.USE
    embedding_model: str | None = None
    retrieval_mode: RetrievalMode = RetrievalMode.HYBRID
    article_prior: bool = Field(default=False, description="order a question's best candidates by the learned P(article | question) too")
    scope_prior: bool = Field(default=True, description="let the learned P(out of scope | turn) overrule the scope rules where it is sure")
    cache_dir: Path | None = Field(default=None, description="fitted models (the article and scope priors); unset = ~/.cache/policy-assistant")
    chroma_host: str | None = None
    chroma_port: int = Field(default=8000, ge=1, le=65535)

    llm_base_url: str | None = None
    llm_model: str = "deepseek-chat"
    llm_api_key: SecretStr | None = None
    llm_timeout_seconds: float = Field(default=30.0, gt=0)

    staff_token: SecretStr | None = Field(default=None, description="unset = staff routes disabled (401)")
    admin_token: SecretStr | None = Field(default=None, description="unset = admin routes disabled (401)")
    secret_key: SecretStr | None = Field(
        default=None, description="signs the desk's sign-ins and keys the chat's browser storage, for every process; "
                                  "unset = one generated into <data dir>/secret_key (mode 0600)")
    token_failures_per_minute: int = Field(default=10, ge=1, description="wrong bearer tokens per client, then 429")
    cors_origins: list[str] = Field(default_factory=list)

    today: date | None = Field(default=None, description="pin 'today' for status checks (tests, eval)")
    max_message_chars: int = Field(default=2000, ge=1)
    max_request_bytes: int = Field(default=64_000, ge=1)
    max_completion_messages: int = Field(default=100, ge=1, description="messages in one /v1/chat/completions request")
    max_completion_chars: int = Field(default=32_000, ge=1,
                                      description="text of all messages of one completions request, after NFKC")
    workers: int | None = Field(default=None, ge=1, description="serving processes; unset = the machine's cores")
    blas_threads: int = Field(default=1, ge=1, description="BLAS/OpenMP threads per serving process")
    request_threads: int | None = Field(
        default=None, ge=1, description="threads answering requests at once in one serving process (more queue); unset = "
                                        "1 when a turn only computes here (SQLite, embedded Chroma, no LLM), else 4")
    index_grace_seconds: int = Field(default=600, ge=0,
                                     description="how long a replaced index version is kept for workers still serving it")
    database_url: SecretStr | None = Field(
        default=None, description="postgresql://user:password@host:5432/db for a shared store; unset = SQLite in the data dir")
    session_ttl_seconds: int = Field(default=3600, ge=1)
    max_sessions: int = Field(default=2000, ge=1)
    max_session_turns: int = Field(default=20, ge=1)

    @property
    def snapshot_dir(self) -> Path:
        """Where this machine keeps the local snapshots of index versions (``index.snapshot``)."""
        return self.data_dir / "snapshots"

    @property
    def answering_threads(self) -> int:
        """Threads that answer requests at once in one serving process: ``request_threads`` when set; else 1
        when a turn is CPU work in this process alone (SQLite, embedded Chroma, no LLM), where more threads
        only take turns with the interpreter lock and cost CPU in the hand-overs; else 4, so a turn waiting
        on a server (PostgreSQL, Chroma, the LLM) lets another compute."""
        if self.request_threads is not None:
            return self.request_threads
        waits = self.database_url is not None or bool(self.chroma_host) or bool(self.llm_base_url)
        return WAITING_REQUEST_THREADS if waits else 1

    def current_date(self) -> date:
        return self.today or date.today()

    @field_validator("staff_token", "admin_token")
    @classmethod
    def _long_enough(cls, token: SecretStr | None) -> SecretStr | None:
        """A short token can be guessed; an empty one is a typo. Only an unset token means 'disabled'."""
        if token is None:
            return None
        secret = token.get_secret_value().strip()
        if len(secret) < MIN_TOKEN_CHARS:
            raise PydanticCustomError(
                "token_too_short",
                "must be at least {minimum} characters, not {length} (unset it to disable these routes)",
                {"minimum": MIN_TOKEN_CHARS, "length": len(secret)},
            )
        return SecretStr(secret)

    @field_validator("secret_key")
    @classmethod
    def _secret_long_enough(cls, secret: SecretStr | None) -> SecretStr | None:
        if secret is None:
            return None
        value = secret.get_secret_value().strip()
        if len(value) < MIN_TOKEN_CHARS:
            raise PydanticCustomError(
                "secret_too_short", "must be at least {minimum} characters, not {length} (unset it to use a generated one)",
                {"minimum": MIN_TOKEN_CHARS, "length": len(value)})
        return SecretStr(value)

    @field_validator("data_dir")
    @classmethod
    def _writable(cls, path: Path) -> Path:
        """The question log, sessions and the embedded index live here: refuse to start without it."""
        existing = path
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if not existing.is_dir():
            raise PydanticCustomError("data_dir_not_writable", "{path} is not a directory ({existing} is a file)",
                                      {"path": str(path), "existing": str(existing)})
        if not os.access(existing, os.W_OK | os.X_OK):
            raise PydanticCustomError("data_dir_not_writable", "{path} is not writable ({existing} refuses writes)",
                                      {"path": str(path), "existing": str(existing)})
        return path

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, url: SecretStr | None) -> SecretStr | None:
        """Only an unset URL means SQLite in the data dir; anything else names SQLite or PostgreSQL."""
        if url is None:
            return None
        value = url.get_secret_value().strip()
        if not re.match(r"(sqlite|postgres|postgresql|postgresql\+psycopg)://", value):
            raise PydanticCustomError("database_url_unsupported",
                                      "must be a postgresql://… (or sqlite:///…) URL; unset it for SQLite in the data dir")
        return SecretStr(value)

    @model_validator(mode="after")
    def _model_for_sentence_transformers(self) -> Settings:
        if self.embedding_backend is EmbeddingBackend.SENTENCE_TRANSFORMERS and not self.embedding_model:
            raise PydanticCustomError(
                "embedding_model_missing",
                f"{ENV_PREFIX}EMBEDDING_MODEL: the sentence-transformers backend needs a model name or path",
            )
        return self


def load_settings() -> Settings:
    """The settings from the environment (and ``.env``).

    Raises ``SettingsError`` whose message is one line, e.g.
    ``PA_RETRIEVAL_MODE: Input should be 'hybrid', 'bm25', 'dense' or 'rrf'``.
    """
    try:
        return Settings()
    except ValidationError as error:
        raise SettingsError(_describe(error)) from None
    except UnparsableSetting as error:  # a list setting whose value is not JSON
        field = _UNPARSABLE_FIELD.search(str(error))
        name = f"{ENV_PREFIX}{field[1].upper()}" if field else "a setting"
        raise SettingsError(f'{name}: the value must be a JSON list, e.g. ["https://portal.example"]') from None


def _describe(error: ValidationError) -> str:
    """One line for a failed ``Settings`` validation: ``PA_NAME: problem; PA_OTHER: problem``.

    The values given are never repeated: some of them are secrets.
    """
    problems = []
    for problem in error.errors(include_input=False, include_url=False):
        field = str(problem["loc"][0]) if problem["loc"] else ""
        name = f"{ENV_PREFIX}{field.upper()}: " if field else ""
        problems.append(f"{name}{problem['msg']}")
    return "; ".join(dict.fromkeys(problems))
