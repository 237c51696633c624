from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.community.models import LearningCommunity
from tests import factories

SESSION = {
    "number": 3,
    "starts_at": "2027-01-21T13:30:00+01:00",
    "place": "Stadhuis Zwolle, Grote Kerkplein 15",
    "focus": "Roles and responsibilities",
}


def test_schedule_and_read_a_session(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    chair = factories.person(db, community)

    created = client.post("/api/v1/learning-sessions", json={**SESSION, "chair_id": chair.id})

    assert created.status_code == 201, created.text
    body = created.json()
    assert body["status"] == "planned"
    read = client.get(f"/api/v1/learning-sessions/{body['id']}").json()
    assert read["chair_id"] == chair.id
    assert datetime.fromisoformat(read["starts_at"]) == datetime(2027, 1, 21, 12, 30, tzinfo=UTC)


def test_session_number_is_unique(client: TestClient, db: Session) -> None:
    assert client.post("/api/v1/learning-sessions", json=SESSION).status_code == 201
    assert client.post("/api/v1/learning-sessions", json=SESSION).status_code == 409


def test_naive_time_and_unknown_zone_are_422(client: TestClient, db: Session) -> None:
    naive = client.post(
        "/api/v1/learning-sessions", json={**SESSION, "starts_at": "2027-01-21T13:30:00"}
    )
    zone = client.post("/api/v1/learning-sessions", json={**SESSION, "timezone": "Mars/Olympus"})
    chair = client.post("/api/v1/learning-sessions", json={**SESSION, "chair_id": 123456})
    assert naive.status_code == zone.status_code == chair.status_code == 422
    assert zone.json()["errors"][0]["field"] == "timezone"
    assert chair.json()["errors"][0]["field"] == "chair_id"


def test_status_moves_one_step_at_a_time(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    session = factories.learning_session(db, community)
    url = f"/api/v1/learning-sessions/{session.id}"

    jump = client.patch(url, json={"version": 1, "status": "held"})
    # An empty session has gaps: prepared needs a reason, as on the page.
    step = client.patch(url, json={"version": 1, "status": "prepared", "reason": "A try-out."})

    assert jump.status_code == 409
    assert "one step at a time" in jump.json()["detail"]
    assert step.status_code == 200
    assert step.json()["status"] == "prepared"


def test_only_planned_sessions_can_be_deleted(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    held = factories.learning_session(db, community, status="held")
    planned = factories.learning_session(db, community)
    assert client.delete(f"/api/v1/learning-sessions/{held.id}").status_code == 409
    assert client.delete(f"/api/v1/learning-sessions/{planned.id}").status_code == 204
