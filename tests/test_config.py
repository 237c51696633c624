import subprocess
import sys

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy import exc
from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from app.community.models import LearningCommunity
from app.config import Settings
from app.db import Database, create_db_engine
from app.initiatives.models import Initiative
from app.main import create_app
from tests import factories


def test_production_refuses_a_missing_or_placeholder_secret() -> None:
    with pytest.raises(ValidationError, match="LEERKRING_SECRET_KEY"):
        Settings(environment="production")
    with pytest.raises(ValidationError, match="LEERKRING_SECRET_KEY"):
        Settings(environment="production", secret_key="short")
    assert Settings(environment="production", secret_key="k" * 40).api_docs_enabled is False


def test_settings_come_from_leerkring_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEERKRING_DEFAULT_LANGUAGE", "nl")
    monkeypatch.setenv("LEERKRING_MAX_BODY_BYTES", "4096")
    settings = Settings()
    assert (settings.default_language, settings.max_body_bytes) == ("nl", 4096)


def test_api_docs_are_off_in_production_unless_enabled(database_url: str) -> None:
    database = Database(create_db_engine(database_url))
    production = Settings(environment="production", secret_key="k" * 40, database_url=database_url)
    with TestClient(create_app(production, database)) as client:
        assert client.get("/docs").status_code == 404
        assert client.get("/openapi.json").status_code == 404
    enabled = production.model_copy(update={"enable_api_docs": True})
    with TestClient(create_app(enabled, database)) as client:
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
