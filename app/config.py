"""Every knob of Leerkring, read once from LEERKRING_* environment variables (or .env)."""

import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal, Self
from urllib.parse import urlsplit
from zoneinfo import available_timezones

from pydantic import (
    AliasChoices,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER_SECRET = "change-me"  # noqa: S105 - the placeholder production refuses
# Hosts the test client and a developer's browser use; production allows only the public host.
DEVELOPMENT_HOSTS = ("localhost", "127.0.0.1", "testserver")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="LEERKRING_", env_file=".env", extra="ignore", populate_by_name=True
    )

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
        "(e.g. https://leerkring.example.nl); required in production, in development "
        "http://HOST:PORT",
    )
    host: str = Field(
        default="127.0.0.1",
        validation_alias=AliasChoices("HOST"),
        description="the address `leerkring serve` listens on (HOST, as the command reads it)",
    )
    port: int = Field(
        default=8000,
        ge=1,
        le=65535,
        validation_alias=AliasChoices("PORT"),
        description="the port `leerkring serve` listens on (PORT, as the command reads it)",
    )
    allowed_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Host headers answered, comma-separated (e.g. leerkring.example.nl); "
        "default: the public URL's host, and in development also localhost, 127.0.0.1",
    )
    time_zone: str = Field(
        default="Europe/Amsterdam",
        description="the community's IANA time zone: times are shown in it, days begin in it, "
        "and a new session is held in it unless its form says otherwise",
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
    workers: int | None = Field(
        default=None,
        ge=1,
        le=64,
        description="server processes; default 1, in production the cores",
    )
    forwarded_allow_ips: str = Field(
        default="",
        description="comma-separated proxy addresses whose X-Forwarded-For/-Proto are believed; "
        "empty: none",
    )
    access_log: bool = Field(default=True, description="log every request (tokens hidden)")
    keep_alive_seconds: int = Field(
        default=65,
        ge=1,
        le=3600,
        description="how long an idle connection stays open; longer than a proxy's idle timeout",
    )
    database_pool_size: int = Field(
        default=10, ge=1, le=200, description="database connections kept open per process"
    )
    smtp_host: str = Field(
        default="",
        description="the mail server to send through; empty: messages wait in the outbox page",
    )
    smtp_port: int = Field(default=587, ge=1, le=65535, description="the mail server's port")
    smtp_starttls: bool = Field(
        default=True, description="upgrade the connection with STARTTLS before logging in"
    )
    smtp_user: str = Field(default="", description="the login at the mail server, if it asks")
    smtp_password: SecretStr = Field(
        default=SecretStr(""), description="the password of that login"
    )
    smtp_sender: str = Field(
        default="",
        description="the From address (e.g. Leerkring <leerkring@example.nl>); "
        "default: leerkring@ and the public host",
    )
    smtp_timeout_seconds: int = Field(
        default=30, ge=1, le=600, description="how long one conversation with the server may take"
    )
    reminder_days: int = Field(
        default=3, ge=0, le=60, description="send-reminders reminds invitees this many days ahead"
    )
    mail_in_background: bool = Field(
        default=True, description="send queued messages from a background worker"
    )

    @field_validator("public_url", mode="before")
    @classmethod
    def _public_url_is_an_address(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        parts = urlsplit(str(value).strip())
        if (
            parts.scheme not in ("http", "https")
            or not parts.hostname
            or parts.username is not None
            or parts.query
            or parts.fragment
        ):
            raise ValueError(
                "LEERKRING_PUBLIC_URL must be the address people reach Leerkring at, "
                "such as https://leerkring.example.nl"
            )
        return str(value).strip()

    @field_validator("time_zone")
    @classmethod
    def _known_time_zone(cls, value: str) -> str:
        if value not in available_timezones():
            raise ValueError(
                "LEERKRING_TIME_ZONE must be an IANA time zone such as Europe/Amsterdam"
            )
        return value

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [host.strip() for host in value.split(",") if host.strip()]
        return value

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Self:
        if self.environment != "production":
            return self
        problems = []
        if self.secret_key == PLACEHOLDER_SECRET or len(self.secret_key) < 32:
            problems.append(
                "LEERKRING_SECRET_KEY must be set to a random value of 32+ characters in "
                "production, e.g. python -c 'import secrets; print(secrets.token_urlsafe(48))'"
            )
        if self.public_url is None:
            # Links in emails must never come from a request's Host header.
            problems.append(
                "LEERKRING_PUBLIC_URL must be set in production to the address people reach "
                "Leerkring at, e.g. LEERKRING_PUBLIC_URL=https://leerkring.example.nl "
                "(links in emails are built from it)"
            )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def link_base(self) -> str:
        """Where links in messages point, ending in a slash; never taken from a request."""
        if self.public_url:
            return self.public_url.rstrip("/") + "/"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    @property
    def public_host(self) -> str:
        return urlsplit(self.link_base).hostname or "localhost"

    @property
    def sender(self) -> str:
        """The From address of every message (and the calendar invitation's ORGANIZER)."""
        return self.smtp_sender or f"leerkring@{self.public_host}"

    @property
    def trusted_hosts(self) -> list[str]:
        """Host headers the app answers; any other gets 400."""
        if self.allowed_hosts:
            return self.allowed_hosts
        public_host = urlsplit(self.link_base).hostname or "localhost"
        if self.environment == "production":
            return [public_host]
        return list(dict.fromkeys([*DEVELOPMENT_HOSTS, public_host]))

    @property
    def worker_count(self) -> int:
        if self.workers is not None:
            return self.workers
        return (os.cpu_count() or 1) if self.environment == "production" else 1

    @property
    def api_docs_enabled(self) -> bool:
        if self.enable_api_docs is None:
            return self.environment != "production"
        return self.enable_api_docs


@lru_cache
def get_settings() -> Settings:
    """The environment's settings; a misconfiguration exits saying what to set (no traceback)."""
    try:
        return Settings()
    except ValidationError as error:
        problems = "; ".join(
            str(problem["msg"]).removeprefix("Value error, ") for problem in error.errors()
        )
        raise SystemExit(f"Leerkring cannot start: {problems}") from None
