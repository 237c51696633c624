"""A whole session room at once: 40 signed-in people, 400 requests, on a real port.

Every one of the 40 is due its "last used" write on the first request, the load that once
deadlocked the connection pool. Nothing may answer 500, every dilemma is stored exactly once,
and /healthz answers while the load runs. No timing is asserted.
"""

import threading
from collections import Counter

import httpx
from alembic import command
from sqlmodel import Session, col, select

from app.auth.cookies import CSRF_HEADER, SESSION_COOKIE
from app.config import Settings
from app.contributions.models import Dilemma
from app.db import Database, create_db_engine
from app.main import create_app
from tests.conftest import alembic_config
from tests.served import build_load_world, request_for, serving

USERS, REQUESTS_EACH = 40, 10


def test_forty_people_at_once_are_all_served(scratch_database_url: str) -> None:
    command.upgrade(alembic_config(scratch_database_url), "head")
    settings = Settings(
        database_url=scratch_database_url, environment="development", render_in_background=False
    )
    database = Database(create_db_engine(scratch_database_url))
    with Session(database.engine, expire_on_commit=False) as db:
        world = build_load_world(
            db, users=USERS, secret_key=settings.secret_key, pdf=b"%PDF-1.7\n" + b"x" * 40_000
        )
        db.commit()

    statuses: Counter[int] = Counter()
    errors: list[str] = []
    health: list[int] = []
    lock = threading.Lock()
    running = threading.Event()
    start = threading.Barrier(USERS)

    with serving(create_app(settings, database=database)) as base_url:

        def person(user: int) -> None:
            _initiative, token, csrf = world.users[user]
            with httpx.Client(
                base_url=base_url,
                cookies={SESSION_COOKIE: token},
                headers={CSRF_HEADER: csrf},
                timeout=120,
            ) as client:
                start.wait()
                for number in range(REQUESTS_EACH):
                    method, path, kwargs = request_for(world, user, number)
                    try:
                        response = client.request(method, path, **kwargs)
                    except httpx.HTTPError as error:
                        with lock:
                            errors.append(f"{method} {path}: {error!r}")
                        continue
                    with lock:
                        statuses[response.status_code] += 1
                        if response.status_code >= 500:
                            errors.append(f"{method} {path}: {response.status_code}")

        def watch_health() -> None:
            with httpx.Client(base_url=base_url, timeout=120) as client:
                while running.is_set():
                    response = client.get("/healthz")
                    with lock:
                        health.append(response.status_code)

        people = [threading.Thread(target=person, args=(n,)) for n in range(USERS)]
        running.set()
        watcher = threading.Thread(target=watch_health)
        watcher.start()
        for thread in people:
            thread.start()
        for thread in people:
            thread.join()
        running.clear()
        watcher.join()

    with database.transaction(write=False) as db:
        titles = db.exec(
            select(Dilemma.title).where(col(Dilemma.title).startswith("Dilemma "))
        ).all()
    database.engine.dispose()

    assert errors == []
    assert sum(statuses.values()) == USERS * REQUESTS_EACH
    assert set(statuses) <= {200, 303}, statuses
    expected = {
        f"Dilemma {user}-{n}" for user in range(USERS) for n in range(REQUESTS_EACH) if n % 10 == 9
    }
    assert Counter(titles) == Counter(expected)
    assert health and set(health) == {200}
