"""A personal access link for one learning session keeps to that session, in pages and API."""

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.auth.dependencies import timeouts
from app.community.models import LearningCommunity
from app.config import Settings
from app.factsheets.models import Factsheet
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.vocabulary import Role
from tests import factories
from tests.helpers import use_session


def link_browser(
    app: FastAPI,
    db: Session,
    settings: Settings,
    person: Person,
    for_session: LearningSession | None,
) -> TestClient:
    """A browser signed in with ``person``'s access link (for ``for_session`` only if given)."""
    link, _ = factories.access_link(db, person, for_session=for_session)
    token = factories.user_session(db, person, timeouts=timeouts(settings), access_link=link)
    return use_session(TestClient(app), settings.secret_key, token)


def published(
    db: Session, initiative: Initiative, learning_session: LearningSession, analysis: str
) -> Factsheet:
    return factories.published_factsheet(db, initiative, learning_session, analysis=analysis)


def test_a_session_scoped_link_reads_only_its_sessions_factsheets_and_api_records(
    app: FastAPI, db: Session, settings: Settings, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community, name="IST Groningen-Ommelanden")
    held = factories.learning_session(db, community, number=2, status="held")
    own = factories.learning_session(db, community, number=3)
    earlier = published(db, initiative, held, "Session two: the pilot money ended.")
    current = published(db, initiative, own, "Session three: a pooled budget from January.")
    family = factories.person(db, community, name="Ingrid Smit")
    factories.membership(db, family, Role.family_representative)
    scoped = link_browser(app, db, settings, family, own)

    for path in (
        f"/factsheets/{earlier.id}",
        f"/factsheets/{earlier.id}/preview",
        f"/factsheets/{earlier.id}/pdf",
        f"/sessions/{held.id}",
        f"/api/v1/learning-sessions/{held.id}",
    ):
        assert scoped.get(path).status_code == 404, path
    assert scoped.get(f"/factsheets/{current.id}/preview").status_code == 200
    assert scoped.get(f"/sessions/{own.id}").status_code == 200

    listed = scoped.get("/api/v1/learning-sessions").json()
    assert [s["id"] for s in listed["items"]] == [own.id]
    assert listed["total"] == 1
    for path in (f"/initiatives/{initiative.id}", f"/initiatives/{initiative.id}/factsheets"):
        page = scoped.get(path)
        assert page.status_code == 200
        assert f"/factsheets/{current.id}" in page.text or "Session 3" in page.text, path
        assert f"/factsheets/{earlier.id}" not in page.text, path
        assert "Session 2" not in page.text, path

    # The same person's community-wide link reads every session's published factsheet.
    everywhere = link_browser(app, db, settings, family, None)
    assert everywhere.get(f"/factsheets/{earlier.id}").status_code == 200
    assert len(everywhere.get("/api/v1/learning-sessions").json()["items"]) == 2
