from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.community.models import LearningCommunity
from app.initiatives.models import Initiative
from tests import factories

VALID = {
    "name": "Gezinsteam Plus Leidse Regio",
    "funding_arrangement": "lump_sum_subsidy",
    "municipalities": ["Leiden", "Oegstgeest", "Leiderdorp"],
    "disciplines": ["child psychiatrist", "family coach"],
    "target_group": "Families with problems in several life domains",
}


def count_initiatives(db: Session) -> int:
    return db.exec(select(func.count()).select_from(Initiative)).one()


def test_create_read_update_delete(client: TestClient, db: Session) -> None:

    created = client.post("/api/v1/initiatives", json=VALID)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["municipalities"] == ["Leiden", "Oegstgeest", "Leiderdorp"]
    assert body["version"] == 1

    read = client.get(f"/api/v1/initiatives/{body['id']}")
    assert read.json()["name"] == VALID["name"]

    updated = client.patch(
        f"/api/v1/initiatives/{body['id']}",
        json={"version": 1, "municipalities": ["Leiden"], "monitoring_approach": "dashboard"},
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["municipalities"] == ["Leiden"]
    assert updated.json()["version"] == 2

    assert client.delete(f"/api/v1/initiatives/{body['id']}").status_code == 204
    assert client.get(f"/api/v1/initiatives/{body['id']}").status_code == 404


def test_invalid_body_names_the_field_and_stores_nothing(client: TestClient, db: Session) -> None:
    before = count_initiatives(db)

    response = client.post("/api/v1/initiatives", json={**VALID, "name": "   "})

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "name"
    assert "name" in response.json()["detail"]
    assert count_initiatives(db) == before


def test_unknown_funding_arrangement_is_422(client: TestClient, db: Session) -> None:
    response = client.post("/api/v1/initiatives", json={**VALID, "funding_arrangement": "gift"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "funding_arrangement"


def test_duplicate_name_is_409(client: TestClient, db: Session) -> None:
    assert client.post("/api/v1/initiatives", json=VALID).status_code == 201
    response = client.post("/api/v1/initiatives", json={**VALID, "name": VALID["name"].upper()})
    assert response.status_code == 409
    assert "exists already" in response.json()["detail"]


def test_stale_version_is_409_and_keeps_the_stored_text(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community, target_group="original")

    first = client.patch(
        f"/api/v1/initiatives/{initiative.id}", json={"version": 1, "target_group": "first"}
    )
    second = client.patch(
        f"/api/v1/initiatives/{initiative.id}", json={"version": 1, "target_group": "second"}
    )

    assert first.status_code == 200
    assert second.status_code == 409
    assert "version 2" in second.json()["detail"]
    assert client.get(f"/api/v1/initiatives/{initiative.id}").json()["target_group"] == "first"


def test_deleting_an_initiative_with_evidence_is_refused(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)
    factories.evidence_item(
        db,
        initiative,
        conditions=(),
        quote_consent=False,
        excerpt="The mother did not know who her contact was.",
    )

    response = client.delete(f"/api/v1/initiatives/{initiative.id}")

    assert response.status_code == 409
    assert "Archive it instead" in response.json()["detail"]
    assert db.get(Initiative, initiative.id) is not None


def test_list_is_paginated(client: TestClient, db: Session, community: LearningCommunity) -> None:
    for _ in range(5):
        factories.initiative(db, community)

    page = client.get("/api/v1/initiatives", params={"per_page": 2, "page": 3}).json()

    assert page["total"] == 5
    assert len(page["items"]) == 1
    assert page["page"] == 3
    assert client.get("/api/v1/initiatives", params={"per_page": 1000}).status_code == 422


def test_extra_fields_change_nothing(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    response = client.post(
        "/api/v1/initiatives",
        json={**VALID, "community_id": 999, "status": "archived", "id": 77, "version": 9},
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["community_id"], body["status"], body["version"]) == (community.id, "active", 1)
    assert body["id"] != 77
