"""The demo community for the overview's tests, its people signed in, and reading a grid cell."""

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.demo import content
from app.demo.seed import seed_demo
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Person

SignIn = Callable[[Person], TestClient]


def demo(db: Session) -> dict[str, int]:
    """Seed the demo (no invitations: no PDFs) and return the ids the tests use."""
    assert seed_demo(db, language="en", invitations=False)
    initiatives = dict(db.exec(select(Initiative.name, Initiative.id)).all())
    sessions = dict(db.exec(select(LearningSession.number, LearningSession.id)).all())
    names = {spec.key: spec.name for spec in content.INITIATIVES}
    return {
        **{key: initiatives[name] or 0 for key, name in names.items()},
        **{f"session_{number}": session_id or 0 for number, session_id in sessions.items()},
    }


def person(db: Session, email: str) -> Person:
    return db.exec(select(Person).where(Person.email == email)).one()


def cell_html(html: str, initiative_id: int, condition: str) -> str:
    """The grid cell of one initiative and condition."""
    found = re.search(rf'<td id="cell-{initiative_id}-{condition}">(.*?)</td>', html, flags=re.S)
    assert found, f"no cell for initiative {initiative_id} and {condition}"
    return found.group(1)


def figure(cell: str, name: str) -> str:
    found = re.search(rf'data-figure="{name}">([^<]*)<', cell)
    assert found, f"no {name} in {cell}"
    return found.group(1).strip()
