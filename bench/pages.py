"""Page figures at demo size and at 1,000 initiatives: median time and SQL statements per page.

Builds a SQLite database with the ``leerkring`` command (migrate, seed-demo), measures every
main page signed in as the demo facilitator, adds 1,000 generated initiatives
(``seed-demo --scale 1000``), measures again, and prints both columns with their ratios.
Goals: the same statement count at both sizes, and at most twice the time.

    .venv/bin/python bench/pages.py [--scale N]        (or: make bench)
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlmodel import col, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.accounts import service as account_service  # noqa: E402
from app.auth.cookies import SESSION_COOKIE  # noqa: E402
from app.auth.dependencies import timeouts  # noqa: E402
from app.config import Settings  # noqa: E402
from app.db import Database, create_db_engine  # noqa: E402
from app.demo import content  # noqa: E402
from app.factsheets.models import Factsheet  # noqa: E402
from app.initiatives.models import Initiative  # noqa: E402
from app.learning_sessions.models import LearningSession  # noqa: E402
from app.main import create_app  # noqa: E402
from app.people.models import Person  # noqa: E402
from app.vocabulary import FactsheetStatus  # noqa: E402

RUNS = 7
WARMUP = 2
LEERKRING = [str(Path(sys.executable).parent / "leerkring")]
PAGES = (
    "/",
    "/initiatives",
    "/initiatives/{initiative}",
    "/initiatives/{initiative}/evidence",
    "/initiatives/{initiative}/factsheets",
    "/factsheets/{factsheet}",
    "/people",
    "/people/{person}",
    "/sessions/{preparing}",
    "/sessions/{held}",
    "/sessions/{held}/attendance",
    "/sessions/{preparing}/contributions",
    "/sessions/{held}/factsheets",
    "/continuity",
    "/community/overview",
    "/community/overview/all-sessions",
    "/community/overview/{initiative}/financing?session_id={held}",
    "/community/compare?condition=financing&initiative={initiative}&initiative={tilburg}"
    "&initiative={zwolle}",
    "/community/profiles?session_id={held}",  # every generated initiative scored it
    "/initiatives/{initiative}/profile",
    "/initiatives/{initiative}/self-assessment?session_id={preparing}",
)


def leerkring(url: str, *args: str) -> None:
    env = {**os.environ, "LEERKRING_DATABASE_URL": url}
    subprocess.run([*LEERKRING, *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def demo_ids(database: Database) -> dict[str, int]:
    """The demo's objects the pages show: they keep their ids when the community grows."""
    with database.transaction(write=False) as db:
        initiative = db.exec(
            select(Initiative.id).where(Initiative.name == content.INITIATIVES[0].name)
        ).one()
        sessions = dict(db.exec(select(LearningSession.number, LearningSession.id)).all())
        factsheet = db.exec(
            select(Factsheet.id)
            .where(Factsheet.initiative_id == initiative)
            .where(Factsheet.status == FactsheetStatus.published)
            .order_by(col(Factsheet.id))
        ).first()
        person = db.exec(select(Person.id).where(Person.email == content.FACILITATOR)).one()
        names = dict(db.exec(select(Initiative.name, Initiative.id)).all())
    assert initiative and factsheet and person
    return {
        "initiative": initiative,
        "factsheet": factsheet,
        "person": person,
        "tilburg": names["Huis van het Gezin Tilburg"] or 0,
        "zwolle": names["Wijkexpertteam Zwolle-Kampen"] or 0,
        "held": sessions[2] or 0,
        "preparing": sessions[content.SESSION_IN_PREPARATION] or 0,
    }


def measure(url: str, ids: dict[str, int]) -> dict[str, tuple[float, int]]:
    """For each page: (median seconds, the usual number of SQL statements of one request)."""
    database = Database(create_db_engine(url))
    statements = 0

    @event.listens_for(database.engine, "before_cursor_execute")
    def _count(*_: Any) -> None:
        nonlocal statements
        statements += 1

    settings = Settings(database_url=url, render_in_background=False)
    app = create_app(settings, database)
    with database.transaction(write=True) as db:
        person = db.exec(select(Person).where(Person.email == content.FACILITATOR)).one()
        account = account_service.ensure_account(db=db, person=person)
        token = account_service.start_session(
            db=db, account=account, timeouts=timeouts(settings), ip="bench"
        )
    figures: dict[str, tuple[float, int]] = {}
    with TestClient(app) as client:
        client.cookies.set(SESSION_COOKIE, token)
        for page in PAGES:
            path = page.format(**ids)
            times, counts = [], Counter[int]()
            for run in range(WARMUP + RUNS):
                statements = 0
                start = time.perf_counter()
                response = client.get(path)
                elapsed = time.perf_counter() - start
                if response.status_code != 200:
                    raise SystemExit(f"{path} answered {response.status_code}")
                if run >= WARMUP:
                    times.append(elapsed)
                    counts[statements] += 1
            figures[page] = (statistics.median(times), counts.most_common(1)[0][0])
    database.engine.dispose()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1000, help="initiatives to add")
    scale = parser.parse_args().scale
    folder = Path(tempfile.mkdtemp(prefix="leerkring-bench-pages-"))
    url = f"sqlite:///{folder / 'pages.db'}"
    leerkring(url, "migrate")
    leerkring(url, "seed-demo")
    database = Database(create_db_engine(url))
    ids = demo_ids(database)
    database.engine.dispose()
    small = measure(url, ids)
    start = time.perf_counter()
    leerkring(url, "seed-demo", "--scale", str(scale))
    seeded = time.perf_counter() - start
    large = measure(url, ids)

    print(f"seed-demo --scale {scale} (SQLite): {seeded:.1f} s")
    header = f"{'page':38} {'demo ms':>8} {f'{scale} ms':>9} {'ratio':>6}  {'SQL demo':>8} {f'SQL {scale}':>9}"
    print(header)
    print("-" * len(header))
    for page in PAGES:
        (t_small, n_small), (t_large, n_large) = small[page], large[page]
        ratio = t_large / t_small
        flag = "  <-" if ratio > 2 or n_large != n_small else ""
        print(
            f"{page:38} {t_small * 1000:8.1f} {t_large * 1000:9.1f} {ratio:5.2f}x"
            f"  {n_small:8d} {n_large:9d}{flag}"
        )


if __name__ == "__main__":
    main()
