from fastapi.testclient import TestClient
from sqlmodel import Session

from app.community.models import LearningCommunity
from app.vocabulary import Role
from tests import factories


def test_home_shows_initiatives_and_sessions(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    factories.initiative(
        db, community, name="Huis van het Gezin Tilburg", municipalities=("Tilburg", "Goirle")
    )
    factories.learning_session(db, community, number=2, place="Stadhuis Zwolle")

    response = client.get("/")

    assert response.status_code == 200
    assert community.name in response.text
    assert "Huis van het Gezin Tilburg" in response.text
    assert "Tilburg, Goirle" in response.text
    assert "Session 2" in response.text
    assert "Stadhuis Zwolle" in response.text
    assert "htmx-2.0.11.min.js" in response.text


def test_initiative_page_lists_members_by_role(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community, name="IST Groningen-Ommelanden")
    member = factories.person(
        db, community, name="Jeroen Hoekstra", organisation="Gemeente Groningen"
    )
    factories.membership(db, member, Role.policymaker, initiative)

    response = client.get(f"/initiatives/{initiative.id}")

    assert response.status_code == 200
    assert "<h1>IST Groningen-Ommelanden" in response.text
    assert "Jeroen Hoekstra" in response.text
    assert "Policymaker" in response.text


def test_session_page_shows_composition_warnings(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community, name="Wijkexpertteam Zwolle-Kampen")
    session = factories.learning_session(db, community, number=3)
    practitioner = factories.person(db, community, name="Ilse Mulder")
    factories.membership(db, practitioner, Role.practitioner, initiative)
    factories.attendance(db, session, practitioner)

    response = client.get(f"/sessions/{session.id}")

    assert response.status_code == 200
    assert "Wijkexpertteam Zwolle-Kampen" in response.text
    assert response.text.count("presence--missing") == 2  # policymaker and manager
    assert "nobody invited yet" in response.text
    assert "Ilse Mulder" in response.text


def test_unknown_initiative_page_is_404(client: TestClient, db: Session) -> None:
    response = client.get("/initiatives/4242")
    assert response.status_code == 404
    assert "There is no initiative with id 4242." in response.text


def test_pages_need_no_javascript_and_no_inline_script(client: TestClient, db: Session) -> None:
    html = client.get("/").text
    assert "<script>" not in html
    assert 'src="http' not in html
    assert "style=" not in html


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
