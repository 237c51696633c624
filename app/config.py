"""Every knob of Leerkring, read once from LEERKRING_* environment variables (or .env)."""

from functools import lru_cache
from pathlib import Path
from typing import Literal, Self

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER_SECRET = "change-me"  # noqa: S105 - the placeholder production refuses


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LEERKRING_", env_file=".env", extra="ignore")

    environment: Literal["development", "production"] = Field(
        default="development",
        description="production refuses placeholder secrets and hides the API docs",
    )
    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'var' / 'leerkring.db'}",
        description="SQLAlchemy URL: sqlite:///path or postgresql+psycopg://user@host/db",
    )
    secret_key: str = Field(default=PLACEHOLDER_SECRET, description="signs tokens; 32+ chars")
    public_url: str | None = Field(
        default=None,
        description="the address people reach the site at, for links in messages "
        "(e.g. https://leerkring.example.nl); default: the address of the request",
    )
    default_language: Literal["en", "nl"] = Field(
        default="en", description="language when neither cookie nor Accept-Language decide"
    )
    max_body_bytes: int = Field(
        default=2 * 1024 * 1024, ge=1024, description="larger request bodies get 413"
    )
    enable_api_docs: bool | None = Field(
        default=None, description="/docs and /openapi.json; default on except in production"
    )
    session_idle_minutes: int = Field(
        default=30, ge=1, le=24 * 60, description="a session ends after this long unused"
    )
    session_absolute_hours: int = Field(
        default=12, ge=1, le=24 * 30, description="a session ends this long after sign-in"
    )
    sign_in_attempts: int = Field(
        default=10, ge=1, description="failed sign-ins per account (and 3x per address) per window"
    )
    rate_limit_window_minutes: int = Field(default=15, ge=1, description="rate-limit window")
    render_in_background: bool = Field(
        default=True, description="render published factsheets in a background worker"
    )
    render_processes: int = Field(default=1, ge=1, le=16, description="PDF render processes")
    render_timeout_seconds: int = Field(default=60, ge=5, description="time limit of one render")
    echo_sql: bool = Field(default=False, description="log every SQL statement")

    @model_validator(mode="after")
    def _refuse_placeholder_secret_in_production(self) -> Self:
        if self.environment == "production" and (
            self.secret_key == PLACEHOLDER_SECRET or len(self.secret_key) < 32
        ):
            raise ValueError(
                "LEERKRING_SECRET_KEY must be set to a random value of 32+ characters in "
                "production, e.g. python -c 'import secrets; print(secrets.token_urlsafe(48))'"
            )
        return self

    @property
    def api_docs_enabled(self) -> bool:
        if self.enable_api_docs is None:
            return self.environment != "production"
        return self.enable_api_docs


@lru_cache
def get_settings() -> Settings:
    return Settings()
