import socket
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy import exc
from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from app.community.models import LearningCommunity
from app.config import Settings, get_settings
from app.db import Database, create_db_engine
from app.initiatives.models import Initiative
from app.main import create_app
from tests import factories


def test_production_refuses_a_missing_or_placeholder_secret() -> None:
    with pytest.raises(ValidationError, match="LEERKRING_SECRET_KEY"):
        Settings(environment="production")
    with pytest.raises(ValidationError, match="LEERKRING_SECRET_KEY"):
        Settings(environment="production", secret_key="short")
    production = Settings(environment="production", secret_key="k" * 40, public_url=PUBLIC_URL)
    assert production.api_docs_enabled is False


PUBLIC_URL = "https://leerkring.example.nl"
PRODUCTION_ENV = {"LEERKRING_ENVIRONMENT": "production", "LEERKRING_SECRET_KEY": "k" * 40}


def test_production_refuses_to_start_without_a_public_url(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(ValidationError, match="LEERKRING_PUBLIC_URL must be set in production"):
        Settings(environment="production", secret_key="k" * 40)
    for name, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("LEERKRING_PUBLIC_URL", raising=False)
    get_settings.cache_clear()
    try:
        with pytest.raises(SystemExit, match="LEERKRING_PUBLIC_URL=https://"):
            create_app()
    finally:
        get_settings.cache_clear()


def test_serve_in_production_without_a_public_url_exits_saying_what_to_set(
    tmp_path: Path,
) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "PORT": str(free_port()),
        "LEERKRING_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
        **PRODUCTION_ENV,
    }
    try:
        result = subprocess.run(
            [str(Path(sys.executable).parent / "leerkring"), "serve"],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=30,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("leerkring serve started in production without LEERKRING_PUBLIC_URL")
    assert result.returncode != 0
    assert "LEERKRING_PUBLIC_URL must be set in production" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "value", ["leerkring.example.nl", "ftp://leerkring.example.nl", "https://", "https://a.nl/?x=1"]
)
def test_a_public_url_must_be_a_web_address(value: str) -> None:
    with pytest.raises(ValidationError, match="LEERKRING_PUBLIC_URL must be the address"):
        Settings(public_url=value)


def test_allowed_hosts_default_to_the_public_host(monkeypatch: pytest.MonkeyPatch) -> None:
    production = Settings(environment="production", secret_key="k" * 40, public_url=PUBLIC_URL)
    assert production.trusted_hosts == ["leerkring.example.nl"]
    assert production.link_base == "https://leerkring.example.nl/"
    development = Settings(host="192.168.1.20", port=9000)
    assert development.link_base == "http://192.168.1.20:9000/"
    assert development.trusted_hosts == ["localhost", "127.0.0.1", "testserver", "192.168.1.20"]
    monkeypatch.setenv("LEERKRING_ALLOWED_HOSTS", "leerkring.example.nl, *.leerkring.example.nl")
    monkeypatch.setenv("HOST", "0.0.0.0")  # noqa: S104 - what `serve` would listen on
    monkeypatch.setenv("PORT", "8123")
    configured = Settings()
    assert configured.trusted_hosts == ["leerkring.example.nl", "*.leerkring.example.nl"]
    assert configured.link_base == "http://0.0.0.0:8123/"


@pytest.mark.usefixtures("engine")  # a migrated database
def test_production_answers_only_its_public_host(database_url: str) -> None:
    database = Database(create_db_engine(database_url))
    production = Settings(
        environment="production",
        secret_key="k" * 40,
        public_url=PUBLIC_URL,
        database_url=database_url,
        render_in_background=False,
    )
    with TestClient(create_app(production, database), base_url=PUBLIC_URL) as client:
        assert client.get("/sign-in").status_code == 200
        assert client.get("/sign-in", headers={"Host": "evil.example"}).status_code == 400
        assert client.get("/sign-in", headers={"Host": "localhost"}).status_code == 400
        # The container's health check asks by address.
        assert client.get("/healthz", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    database.engine.dispose()


def test_settings_come_from_leerkring_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEERKRING_DEFAULT_LANGUAGE", "nl")
    monkeypatch.setenv("LEERKRING_MAX_BODY_BYTES", "4096")
    settings = Settings()
    assert (settings.default_language, settings.max_body_bytes) == ("nl", 4096)


@pytest.mark.usefixtures("engine")  # a migrated database
def test_api_docs_are_off_in_production_unless_enabled(database_url: str) -> None:
    database = Database(create_db_engine(database_url))
    production = Settings(
        environment="production",
        secret_key="k" * 40,
        public_url=PUBLIC_URL,
        database_url=database_url,
    )
    with TestClient(create_app(production, database), base_url=PUBLIC_URL) as client:
        assert client.get("/docs").status_code == 404
        assert client.get("/openapi.json").status_code == 404
    enabled = production.model_copy(update={"enable_api_docs": True})
    with TestClient(create_app(enabled, database), base_url=PUBLIC_URL) as client:
        assert client.get("/openapi.json").status_code == 200
    database.engine.dispose()


def test_relationships_never_load_lazily(db: Session, community: LearningCommunity) -> None:
    initiative = factories.initiative(db, community)
    db.expire_all()
    loaded = db.exec(select(Initiative).where(Initiative.id == initiative.id)).one()
    with pytest.raises(exc.InvalidRequestError, match="lazy='raise'"):
        _ = loaded.municipalities
    db.expire_all()
    eager = db.exec(
        select(Initiative)
        .where(Initiative.id == initiative.id)
        .options(selectinload(Initiative.municipalities))  # type: ignore[arg-type]
    ).one()
    assert [m.name for m in eager.municipalities] == ["Leiden"]


def test_weasyprint_has_harfbuzz_subset() -> None:
    # Without libharfbuzz-subset0 WeasyPrint warns and renders 2-5x slower.
    result = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", "-c", "import weasyprint"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
