"""The app on a real port, a community of many signed-in users, and the request mix they send.

Shared by the concurrency test (tests/test_served.py) and the load benchmark (bench/load.py).
"""

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import uvicorn
from fastapi import FastAPI
from sqlmodel import Session, update

from app.accounts.models import UserSession
from app.auth.principal import SessionTimeouts
from app.db import utcnow
from app.vocabulary import FactsheetStatus, Role
from tests import factories
from tests.helpers import csrf_token

INITIATIVE_NAMES = (
    "Gezinsteam Plus Leidse Regio",
    "Samen1Plan Drechtsteden",
    "Wijkexpertteam Zwolle-Kampen",
    "IST Groningen-Ommelanden",
    "Huis van het Gezin Tilburg",
)
# Signed in long enough ago that every user's first request is due its "last used" write.
LAST_SEEN = timedelta(minutes=5)


@dataclass
class LoadWorld:
    """Two initiatives, a session open for contributions, a published PDF, and many users."""

    initiative_ids: list[int] = field(default_factory=list)
    session_id: int = 0
    open_session_id: int = 0
    factsheet_id: int = 0
    pdf: bytes = b""
    # (initiative id, session cookie token, CSRF token) per user
    users: list[tuple[int, str, str]] = field(default_factory=list)


def build_load_world(db: Session, *, users: int, secret_key: str, pdf: bytes) -> LoadWorld:
    community = factories.community(db, name="Leerkring onder belasting")
    world = LoadWorld(pdf=pdf)
    # About ten people an initiative, as in a real learning session's room.
    initiatives = [
        factories.initiative(
            db, community, name=f"{INITIATIVE_NAMES[n % len(INITIATIVE_NAMES)]} {n + 1}"
        )
        for n in range(max(2, users // 10))
    ]
    world.initiative_ids = [i.id or 0 for i in initiatives]
    held = factories.learning_session(
        db, community, number=2, status="held", starts_at=datetime(2026, 6, 18, 11, 30, tzinfo=UTC)
    )
    planned = factories.learning_session(db, community, number=3)
    world.session_id, world.open_session_id = held.id or 0, planned.id or 0
    factsheet = factories.factsheet(
        db, initiatives[0], held, status=FactsheetStatus.published, published_at=utcnow()
    )
    world.factsheet_id = factsheet.id or 0
    for language in ("en", "nl"):
        factories.factsheet_document(
            db, factsheet, language=language, template_version="load", pdf=pdf
        )
    timeouts = SessionTimeouts(idle=timedelta(minutes=30), absolute=timedelta(hours=12))
    for number in range(users):
        initiative = initiatives[number % len(initiatives)]
        person = factories.person(db, community, name=f"Practitioner {number:03d}")
        factories.membership(db, person, Role.practitioner, initiative)
        token = factories.user_session(db, person, timeouts=timeouts, ip="127.0.0.1")
        csrf = csrf_token(secret_key, session_token=token)
        world.users.append((initiative.id or 0, token, csrf))
    db.execute(update(UserSession).values(last_seen_at=utcnow() - LAST_SEEN))
    db.flush()
    return world


def request_for(world: LoadWorld, user: int, number: int) -> tuple[str, str, dict[str, Any]]:
    """The mix: pages, an htmx fragment, the PDF, and every tenth request a dilemma."""
    initiative_id, _token, _csrf = world.users[user]
    if number % 10 == 9:
        return (
            "POST",
            f"/initiatives/{initiative_id}/contributions",
            {
                "data": {
                    "kind": "dilemma",
                    "title": f"Dilemma {user}-{number}",
                    "description": "Wie is het vaste aanspreekpunt als drie teams meedoen?",
                    "condition": "roles",
                    "level": "professional",
                    "session_id": str(world.open_session_id),
                }
            },
        )
    choices: list[tuple[str, str, dict[str, Any]]] = [
        ("GET", "/", {}),
        ("GET", "/initiatives", {}),
        ("GET", f"/initiatives/{initiative_id}", {}),
        ("GET", f"/sessions/{world.open_session_id}", {}),
        ("GET", "/initiatives?q=Gezin", {"headers": {"HX-Request": "true"}}),
        ("GET", f"/factsheets/{world.factsheet_id}/pdf", {}),
        ("GET", "/initiatives", {"headers": {"HX-Request": "true"}}),
        ("GET", "/", {}),
        ("GET", f"/sessions/{world.session_id}", {}),
    ]
    return choices[(user + number) % len(choices)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(app: FastAPI, **options: Any) -> Iterator[str]:
    """The app under uvicorn in a thread on a free loopback port; yields its base URL.

    ``options`` are uvicorn's, e.g. those `leerkring serve` passes (app.serving).
    """
    port = free_port()
    config = {"log_level": "warning", "access_log": False, **options}
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, **config))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)
