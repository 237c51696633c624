"""Factsheet rendering figures, from one run: WeasyPrint against headless Chromium.

Prints: the warm render time of one demo factsheet with WeasyPrint and with Chromium (the
same HTML and print CSS, through Playwright and /usr/bin/chromium) and their ratio; the time
to render every demo factsheet with the process pool against Chromium; and a cached PDF
download against a static file of the same size.

    .venv/bin/python bench/factsheets.py        (or: make bench)
"""

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from alembic import command
from alembic.config import Config
from fastapi.staticfiles import StaticFiles
from fastapi.testclient import TestClient
from playwright.sync_api import sync_playwright
from sqlmodel import col, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.accounts import service as account_service  # noqa: E402
from app.auth.cookies import CSRF_HEADER, SESSION_COOKIE  # noqa: E402
from app.auth.dependencies import timeouts  # noqa: E402
from app.config import Settings  # noqa: E402
from app.db import Database, create_db_engine  # noqa: E402
from app.demo.seed import seed_demo  # noqa: E402
from app.factsheets import service  # noqa: E402
from app.factsheets.document import FactsheetView  # noqa: E402
from app.factsheets.jobs import _render_in_worker  # noqa: E402
from app.factsheets.models import Factsheet  # noqa: E402
from app.factsheets.rendering import FactsheetRenderer  # noqa: E402
from app.factsheets.view import build_view  # noqa: E402
from app.main import create_app  # noqa: E402
from app.people.models import Person  # noqa: E402
from app.vocabulary import FactsheetStatus  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RUNS = 7


def median_seconds(action: Callable[[], object], runs: int = RUNS, warmup: int = 2) -> float:
    for _ in range(warmup):
        action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def demo_database(folder: Path) -> Database:
    url = f"sqlite:///{folder / 'bench.db'}"
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "head")
    database = Database(create_db_engine(url))
    with database.transaction(write=True) as db:
        seed_demo(db)
    return database


def demo_views(database: Database) -> list[tuple[int, FactsheetView]]:
    with database.transaction(write=False) as db:
        ids = db.exec(select(Factsheet.id).order_by(col(Factsheet.id))).all()
        factsheets = [service.get_factsheet(db=db, factsheet_id=i or 0) for i in ids]
        return [(f.id or 0, build_view(db=db, factsheet=f, language="en")) for f in factsheets]


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="leerkring-bench-"))
    database = demo_database(folder)
    views = demo_views(database)
    if not views:
        raise SystemExit("the demo has no factsheets to render")
    factsheet_id, view = views[-1]
    renderer = FactsheetRenderer()

    weasy = median_seconds(lambda: renderer.render_pdf(view, "full"))
    pages_html = []
    for index, (_, each) in enumerate(views):
        page_file = folder / f"factsheet-{index}.html"
        stylesheet = (ROOT / "factsheets" / "factsheet" / "theme.css").as_uri()
        page_file.write_text(renderer.render_html(each, "full", stylesheet_href=stylesheet))
        pages_html.append(page_file.as_uri())

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = browser.new_page()

        def chromium_pdf(url: str = pages_html[-1]) -> bytes:
            page.goto(url)
            return page.pdf(format="A4", print_background=True)

        chromium = median_seconds(chromium_pdf)

        start = time.perf_counter()
        for url in pages_html:
            chromium_pdf(url)
        chromium_batch = time.perf_counter() - start
        browser.close()

    with ProcessPoolExecutor(max_workers=2, max_tasks_per_child=20) as pool:
        list(pool.map(_render_in_worker, [views[0][1]] * 2, ["full"] * 2))  # start the processes
        start = time.perf_counter()
        list(pool.map(_render_in_worker, [v for _, v in views], ["full"] * len(views)))
        pool_batch = time.perf_counter() - start

    published_id = published_factsheet(database)
    cached, cached_draft, static = download_times(database, factsheet_id, published_id, folder)

    print(f"demo factsheet: {len(pdf_pages(renderer.render_pdf(view, 'full')))} pages")
    print(f"warm render, WeasyPrint:        {weasy * 1000:7.0f} ms")
    print(f"warm render, Chromium:          {chromium * 1000:7.0f} ms")
    print(f"WeasyPrint / Chromium:          {weasy / chromium:7.2f}x")
    print(f"batch of {len(views)} factsheets, pool (2):  {pool_batch:6.2f} s")
    print(f"batch of {len(views)} factsheets, Chromium:  {chromium_batch:6.2f} s")
    print(f"cached download, published PDF: {cached * 1000:7.2f} ms")
    print(
        f"cached download, draft PDF:     {cached_draft * 1000:7.2f} ms  (checks the content hash)"
    )
    print(f"static file of the same size:   {static * 1000:7.2f} ms")


def published_factsheet(database: Database) -> int:
    with database.transaction(write=False) as db:
        found = db.exec(
            select(Factsheet.id).where(Factsheet.status == FactsheetStatus.published).limit(1)
        ).first()
        assert found is not None, "the demo has no published factsheet"
        return found


def pdf_pages(pdf: bytes) -> list[object]:
    import io

    from pypdf import PdfReader

    return list(PdfReader(io.BytesIO(pdf)).pages)


def download_times(
    database: Database, draft_id: int, published_id: int, folder: Path
) -> tuple[float, float, float]:
    """Medians of: a published PDF (stored bytes), a draft's (content hash checked), a static file."""
    settings = Settings(database_url=str(database.engine.url), render_in_background=False)
    app = create_app(settings, database)
    with database.transaction(write=True) as db:
        person = db.exec(
            select(Person).where(Person.email == "facilitator@demo.leerkring.nl")
        ).one()
        account = account_service.ensure_account(db=db, person=person)
        token = account_service.start_session(
            db=db, account=account, timeouts=timeouts(settings), ip="bench"
        )
    client = TestClient(app)
    client.cookies.set(SESSION_COOKIE, token)
    client.headers[CSRF_HEADER] = "unused-for-get"
    published_url, draft_url = f"/factsheets/{published_id}/pdf", f"/factsheets/{draft_id}/pdf"
    pdf = client.get(published_url).content  # renders once and stores it
    client.get(draft_url)
    (folder / "static").mkdir()
    (folder / "static" / "same-size.pdf").write_bytes(pdf)
    app.mount("/bench-static", StaticFiles(directory=folder / "static"), name="bench-static")
    published = median_seconds(lambda: client.get(published_url).content, runs=30)
    draft = median_seconds(lambda: client.get(draft_url).content, runs=30)
    static = median_seconds(lambda: client.get("/bench-static/same-size.pdf").content, runs=30)
    return published, draft, static


if __name__ == "__main__":
    main()
