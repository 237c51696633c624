"""Test set-up: one database migrated with Alembic, each test in a rolled-back transaction.

LEERKRING_TEST_DATABASE_URL picks the database (CI runs the suite on PostgreSQL too);
without it, a SQLite file in a temporary directory.
"""

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.engine import Connection, Engine, make_url
from sqlmodel import Session

from app.auth.dependencies import timeouts
from app.community.models import LearningCommunity
from app.config import PROJECT_ROOT, Settings
from app.db import Database, create_db_engine
from app.main import create_app
from app.people.models import Person
from app.vocabulary import Role
from tests import factories
from tests.helpers import use_session


def alembic_config(url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Iterator[str]:
    """The run's database; with parallel workers (pytest -n) each worker has its own."""
    configured = os.environ.get("LEERKRING_TEST_DATABASE_URL")
    if not configured:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        return
    if worker_id == "master":
        yield configured
        return
    url = make_url(configured)
    name = f"{url.database}_{worker_id}"
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    command.upgrade(alembic_config(database_url), "head")
    engine = create_db_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as connection:
        outer = connection.begin()
        yield connection
        outer.rollback()


class RolledBackDatabase(Database):
    """Every request's transaction is a savepoint inside the test's outer transaction."""

    def __init__(self, connection: Connection) -> None:
        super().__init__(connection.engine)
        self.connection = connection

    @contextmanager
    def transaction(self, *, write: bool) -> Iterator[Session]:
        with Session(
            bind=self.connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        ) as db:
            try:
                yield db
                db.commit()
            except BaseException:
                db.rollback()
                raise


@pytest.fixture
def db(connection: Connection) -> Iterator[Session]:
    """The test's own session, for factories and for checking what is stored."""
    with Session(bind=connection, join_transaction_mode="create_savepoint") as db:
        yield db


@pytest.fixture
def settings(database_url: str) -> Settings:
    # No background worker: requests share the test's connection; tests run jobs themselves.
    # HOST and PORT pinned: links in messages are built from them, whatever the shell sets.
    return Settings(
        database_url=database_url,
        environment="development",
        render_in_background=False,
        host="127.0.0.1",
        port=8000,
    )


@pytest.fixture
def app(settings: Settings, connection: Connection) -> FastAPI:
    return create_app(settings, database=RolledBackDatabase(connection))


@pytest.fixture
def anonymous(app: FastAPI) -> Iterator[TestClient]:
    """A browser that has not signed in."""
    with TestClient(app) as client:
        yield client


@pytest.fixture
def community(db: Session) -> LearningCommunity:
    return factories.community(db)


@pytest.fixture
def sign_in(app: FastAPI, db: Session, settings: Settings) -> Callable[[Person], TestClient]:
    """A browser signed in as ``person`` (a real session; the CSRF header set as htmx does)."""

    def signed_in(person: Person) -> TestClient:
        token = factories.user_session(db, person, timeouts=timeouts(settings))
        return use_session(TestClient(app), settings.secret_key, token)

    return signed_in


@pytest.fixture
def facilitator(db: Session, community: LearningCommunity) -> Person:
    person = factories.person(db, community, name="Marieke Janssen")
    factories.membership(db, person, Role.facilitator)
    return person


@pytest.fixture
def client(sign_in: Callable[[Person], TestClient], facilitator: Person) -> TestClient:
    """A browser signed in as the community's facilitator."""
    return sign_in(facilitator)


@pytest.fixture
def scratch_database_url(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """An empty database of the same kind as the test database, dropped afterwards."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('scratch') / 'scratch.db'}"
        return
    name = f"{url.database}_scratch_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
