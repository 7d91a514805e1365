"""Every setting, from ``PA_…`` environment variables (or a ``.env`` file); see ``.env.example``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PA_", env_file=".env", extra="ignore")

    data_dir: Path = Path("data")
    embedding_backend: str = "use"
    embedding_model: str | None = None
    retrieval_mode: str = "hybrid"
    chroma_host: str | None = None
    chroma_port: int = 8000

    llm_base_url: str | None = None
    llm_model: str = "deepseek-chat"
    llm_api_key: SecretStr | None = None
    llm_timeout_seconds: float = 30.0

    staff_token: SecretStr | None = None
    admin_token: SecretStr | None = None
    cors_origins: list[str] = Field(default_factory=list)

    today: date | None = Field(default=None, description="pin 'today' for status checks (tests, eval)")
    max_message_chars: int = 2000
    max_request_bytes: int = 64_000
    session_ttl_seconds: int = 3600
    max_sessions: int = 2000
    max_session_turns: int = 20

    def current_date(self) -> date:
        return self.today or date.today()
