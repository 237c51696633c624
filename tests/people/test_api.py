from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.community.models import LearningCommunity
from app.people.models import Membership, Person
from app.vocabulary import Role
from tests import factories


def test_create_person_stores_the_email_in_lower_case(client: TestClient, db: Session) -> None:
    response = client.post(
        "/api/v1/people",
        json={
            "name": "Fatima El Amrani",
            "email": "F.ElAmrani@Tilburg.nl",
            "preferred_format": "plain_language",
        },
    )
    assert response.status_code == 201, response.text
    assert response.json()["email"] == "f.elamrani@tilburg.nl"


def test_duplicate_email_is_409_whatever_its_case(client: TestClient, db: Session) -> None:
    assert (
        client.post(
            "/api/v1/people", json={"name": "Anouk", "email": "anouk@leiden.nl"}
        ).status_code
        == 201
    )

    response = client.post("/api/v1/people", json={"name": "Anouk V.", "email": "ANOUK@Leiden.nl"})

    assert response.status_code == 409
    assert "anouk@leiden.nl exists already" in response.json()["detail"]
    assert db.exec(select(func.count()).where(Person.email == "anouk@leiden.nl")).one() == 1


def test_update_person_checks_the_version(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    person = factories.person(db, community)
    ok = client.patch(
        f"/api/v1/people/{person.id}", json={"version": 1, "organisation": "GGZ Rivierduinen"}
    )
    stale = client.patch(
        f"/api/v1/people/{person.id}", json={"version": 1, "organisation": "Other"}
    )
    assert ok.status_code == 200
    assert ok.json()["organisation"] == "GGZ Rivierduinen"
    assert stale.status_code == 409


def test_memberships_crud_and_filters(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)
    person = factories.person(db, community)

    created = client.post(
        "/api/v1/memberships",
        json={
            "person_id": person.id,
            "initiative_id": initiative.id,
            "role": "policymaker",
            "perspective": "local_government",
            "level": "system",
        },
    )
    assert created.status_code == 201, created.text
    duplicate = client.post("/api/v1/memberships", json={**created.json(), "id": None})
    assert duplicate.status_code == 409

    listed = client.get("/api/v1/memberships", params={"initiative_id": initiative.id}).json()
    assert [m["role"] for m in listed["items"]] == ["policymaker"]

    membership_id = created.json()["id"]
    changed = client.patch(f"/api/v1/memberships/{membership_id}", json={"role": "manager"})
    assert changed.json()["role"] == "manager"
    assert client.delete(f"/api/v1/memberships/{membership_id}").status_code == 204
    assert db.get(Membership, membership_id) is None


def test_membership_for_unknown_initiative_is_404(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    person = factories.person(db, community)
    response = client.post(
        "/api/v1/memberships",
        json={
            "person_id": person.id,
            "initiative_id": 999999,
            "role": "manager",
            "perspective": "organisation",
            "level": "organisational",
        },
    )
    assert response.status_code == 404


def test_person_who_attended_cannot_be_deleted(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    person = factories.person(db, community)
    factories.membership(db, person, Role.practitioner)
    factories.attendance(db, factories.learning_session(db, community), person, attended=True)

    response = client.delete(f"/api/v1/people/{person.id}")

    assert response.status_code == 409
    assert db.get(Person, person.id) is not None
