"""`make screenshots`: a full-page PNG of every main page at 1280 and 375 px in var/screenshots/.

Starts the app on a free port over a fresh demo database in a temporary folder, signs in once
per role, and prints the files it wrote.
"""

import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from alembic import command
from alembic.config import Config
from playwright.sync_api import sync_playwright

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from app.config import Settings  # noqa: E402
from app.db import Database, create_db_engine  # noqa: E402
from app.demo.seed import seed_demo  # noqa: E402
from app.main import create_app  # noqa: E402
from tests.browser.axe import (  # noqa: E402
    MAIN_PAGES,
    WIDTHS,
    demo_ids,
    new_context,
    signed_in_state,
)
from tests.browser.conftest import CHROMIUM_ARGS  # noqa: E402

OUT = PROJECT_ROOT / "var" / "screenshots"


def demo_database(folder: Path) -> str:
    url = f"sqlite:///{folder / 'screenshots.db'}"
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(config, "head")
    database = Database(create_db_engine(url))
    with database.transaction(write=True) as db:
        seed_demo(db)
    database.engine.dispose()
    return url


def page_ids(url: str) -> dict[str, int]:
    database = Database(create_db_engine(url))
    with database.transaction(write=False) as db:
        ids = demo_ids(db)
    database.engine.dispose()
    return ids


def start_server(url: str) -> tuple[uvicorn.Server, threading.Thread, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(Settings(database_url=url, environment="development"))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the app did not start")
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        url = demo_database(Path(folder))
        ids = page_ids(url)
        server, thread, base = start_server(url)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
                )
                roles = {page.role for page in MAIN_PAGES if page.role}
                states = {role: signed_in_state(browser, base, role) for role in sorted(roles)}
                for width in WIDTHS:
                    for role in [None, *sorted(roles)]:
                        context = new_context(browser, width, states.get(role) if role else None)
                        tab = context.new_page()
                        for main_page in (p for p in MAIN_PAGES if p.role == role):
                            response = tab.goto(base + main_page.url(ids))
                            status = response.status if response else 0
                            target = OUT / f"{main_page.name}-{width}.png"
                            tab.screenshot(path=str(target), full_page=True)
                            written.append(target)
                            note = "" if status == 200 else f"  (HTTP {status})"
                            print(f"{target.relative_to(PROJECT_ROOT)}{note}")
                        context.close()
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    print(f"{len(written)} screenshots in {OUT.relative_to(PROJECT_ROOT)}/")


if __name__ == "__main__":
    main()
