"""How `leerkring serve` runs uvicorn: workers, and forwarded headers only from known proxies."""

import httpx
from alembic import command
from sqlmodel import Session, col, select

from app.audit.models import AuditEntry
from app.auth.cookies import BROWSER_COOKIE, CSRF_HEADER
from app.config import Settings
from app.db import Database, create_db_engine
from app.main import create_app
from app.serving import uvicorn_options
from app.vocabulary import AuditAction
from tests import factories
from tests.conftest import alembic_config
from tests.helpers import csrf_token
from tests.served import serving

BROWSER = "a-browser-id-of-32-characters-xx"


def _failed_sign_in_address(url: str, forwarded_allow_ips: str) -> str:
    """The address the audit log records for a failed sign-in sent with a forged header."""
    settings = Settings(
        database_url=url,
        environment="development",
        render_in_background=False,
        forwarded_allow_ips=forwarded_allow_ips,
    )
    database = Database(create_db_engine(url))
    with Session(database.engine) as db:
        factories.community(db)
        db.commit()
    options = uvicorn_options(settings)
    served = {k: options[k] for k in ("proxy_headers", "forwarded_allow_ips", "http", "loop")}
    with (
        serving(create_app(settings, database=database), **served) as base_url,
        httpx.Client(base_url=base_url) as client,
    ):
        client.cookies.set(BROWSER_COOKIE, BROWSER)
        response = client.post(
            "/sign-in",
            data={"email": "someone@example.nl", "password": "not-the-password"},
            headers={
                "X-Forwarded-For": "203.0.113.7",
                CSRF_HEADER: csrf_token(settings.secret_key, browser_id=BROWSER),
            },
        )
        assert response.status_code < 500
    with database.transaction(write=False) as db:
        entry = db.exec(
            select(AuditEntry)
            .where(AuditEntry.action == AuditAction.sign_in_failed)
            .order_by(col(AuditEntry.id).desc())
        ).first()
    database.engine.dispose()
    assert entry is not None
    return entry.ip


def test_forwarded_headers_are_ignored_unless_a_proxy_is_configured(
    scratch_database_url: str,
) -> None:
    command.upgrade(alembic_config(scratch_database_url), "head")
    assert _failed_sign_in_address(scratch_database_url, "") == "127.0.0.1"
    assert _failed_sign_in_address(scratch_database_url, "127.0.0.1") == "203.0.113.7"


def test_workers_default_to_one_in_development_and_the_cores_in_production() -> None:
    development = Settings(environment="development")
    assert uvicorn_options(development)["workers"] == 1
    production = Settings(
        environment="production",
        secret_key="x" * 40,
        public_url="https://leerkring.example.nl",
        workers=3,
    )
    assert uvicorn_options(production)["workers"] == 3
    assert uvicorn_options(development)["proxy_headers"] is False
    assert uvicorn_options(development)["timeout_keep_alive"] == 65
