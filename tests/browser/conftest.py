"""A real server on a free port over a migrated, seeded database, and Debian's Chromium."""

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from alembic import command
from playwright.sync_api import Browser, Page, sync_playwright

from app.config import Settings
from app.db import Database, create_db_engine
from app.demo.seed import seed_demo
from app.main import create_app
from tests.browser.axe import RoleStates, demo_ids
from tests.conftest import alembic_config

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def live_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    # Always SQLite: the browser tests drive pages; the database suites run elsewhere.
    url = f"sqlite:///{tmp_path_factory.mktemp('live') / 'live.db'}"
    command.upgrade(alembic_config(url), "head")
    database = Database(create_db_engine(url))
    with database.transaction(write=True) as db:
        seed_demo(db)
    database.engine.dispose()
    return url


@pytest.fixture(scope="session")
def live_ids(live_database_url: str) -> dict[str, int]:
    """The demo ids the main pages open (tests/browser/axe.py MAIN_PAGES)."""
    database = Database(create_db_engine(live_database_url))
    with database.transaction(write=False) as db:
        ids = demo_ids(db)
    database.engine.dispose()
    return ids


@pytest.fixture(scope="session")
def live_server(live_database_url: str) -> Iterator[str]:
    port = free_port()
    app = create_app(Settings(database_url=live_database_url, environment="development", port=port))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def role_states(browser: Browser, live_server: str) -> RoleStates:
    return RoleStates(browser, live_server)


@pytest.fixture(scope="module")
def tabs(browser: Browser, role_states: RoleStates) -> Iterator[dict[tuple[str | None, int], Page]]:
    """One open tab per role and width for the module; each test navigates it."""
    opened: dict[tuple[str | None, int], Page] = {}
    yield opened
    for tab in opened.values():
        tab.context.close()
