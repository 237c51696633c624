"""A request holds one database connection: every route runs on a pool of exactly one.

A nested checkout inside a request (a second transaction) waits for the connection its own
request holds, so it times out here instead of deadlocking a busy server. The sign-in
session and the API token are always due for their "last used" touch, the moment that
used to open the second transaction.
"""

from datetime import timedelta

import pytest
import sqlalchemy as sa
from alembic import command
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select, update

from app.accounts.models import UserSession
from app.api_tokens import service as api_token_service
from app.api_tokens.models import ApiToken
from app.auth import secrets
from app.auth.principal import SessionTimeouts
from app.config import Settings
from app.db import Database, create_db_engine, utcnow
from app.main import create_app
from tests import factories
from tests.auth.test_permission_matrix import ROUTES, World, build_world
from tests.conftest import alembic_config
from tests.helpers import use_session

LONG_AGO = timedelta(minutes=10)


@pytest.fixture
def one_connection(scratch_database_url: str) -> tuple[Database, World]:
    command.upgrade(alembic_config(scratch_database_url), "head")
    engine = create_db_engine(scratch_database_url, pool_size=1, max_overflow=0, pool_timeout=2)
    with Session(engine, expire_on_commit=False) as db:
        world = build_world(db)
        db.commit()
    return Database(engine), world


def _signed_in(client: TestClient, database: Database, world: World, settings: Settings) -> None:
    """A fresh facilitator session whose last use is long enough ago to be touched now."""
    with database.transaction(write=True) as db:
        timeouts = SessionTimeouts(idle=timedelta(minutes=30), absolute=LONG_AGO * 6)
        token = factories.user_session(db, world.people["facilitator"], timeouts=timeouts)
        db.execute(
            update(UserSession)
            .where(col(UserSession.token_hash) == secrets.token_hash(token))
            .values(last_seen_at=utcnow() - LONG_AGO)
        )
    use_session(client, settings.secret_key, token)


def test_every_route_runs_on_a_pool_of_one_connection(
    one_connection: tuple[Database, World], scratch_database_url: str
) -> None:
    database, world = one_connection
    settings = Settings(
        database_url=scratch_database_url, environment="development", render_in_background=False
    )
    app = create_app(settings, database=database)
    failures = []
    with TestClient(app) as client:
        for (method, route), (_rule, spec, *_outcomes) in sorted(ROUTES.items()):
            _signed_in(client, database, world, settings)
            path, kwargs = spec(world, "facilitator")
            try:
                response = client.request(method, path, follow_redirects=False, **kwargs)
            except sa.exc.TimeoutError as error:
                failures.append(f"{method} {route}: {error}")
                continue
            if response.status_code >= 500:
                failures.append(f"{method} {route}: {response.status_code}")
    database.engine.dispose()
    assert failures == []


def test_api_tokens_work_on_a_pool_of_one_connection(
    one_connection: tuple[Database, World], scratch_database_url: str
) -> None:
    database, world = one_connection
    with database.transaction(write=True) as db:
        api_token, secret = api_token_service.create_api_token(
            db=db, account_id=world.ids["account_facilitator"], name="pool"
        )
    settings = Settings(
        database_url=scratch_database_url, environment="development", render_in_background=False
    )
    app = create_app(settings, database=database)
    bearer = {"Authorization": f"Bearer {secret}"}
    with TestClient(app) as client:
        for body in (
            {"name": ""},
            {"name": "Gezinsteam Katwijk", "funding_arrangement": "pooled_budget"},
        ):
            with database.transaction(write=True) as db:
                db.execute(
                    update(ApiToken)
                    .where(col(ApiToken.id) == api_token.id)
                    .values(last_used_at=utcnow() - LONG_AGO)
                )
            response = client.post("/api/v1/initiatives", json=body, headers=bearer)
            assert response.status_code in (201, 422), response.text
        assert client.get("/api/v1/initiatives", headers=bearer).status_code == 200
    with database.transaction(write=False) as db:
        last_used = db.get(ApiToken, api_token.id)
        assert last_used is not None and last_used.last_used_at is not None
        assert utcnow() - last_used.last_used_at < LONG_AGO
    database.engine.dispose()


def test_a_page_view_records_the_sessions_last_use_after_the_response(
    one_connection: tuple[Database, World], scratch_database_url: str
) -> None:
    database, world = one_connection
    settings = Settings(
        database_url=scratch_database_url, environment="development", render_in_background=False
    )
    with TestClient(create_app(settings, database=database)) as client:
        _signed_in(client, database, world, settings)
        assert client.get("/").status_code == 200
        assert client.get("/initiatives").status_code == 200
    with database.transaction(write=False) as db:
        sessions = db.exec(select(UserSession)).all()
        assert [utcnow() - s.last_seen_at < LONG_AGO for s in sessions] == [True]
    database.engine.dispose()
