"""The session's end time ("Ends at", a time on the session's day): in the schedule and edit
forms and the API; an end before the start is refused next to the field."""

from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.community.models import LearningCommunity
from app.learning_sessions.models import LearningSession
from tests import factories
from tests.helpers import attributes


def schedule(client: TestClient, **fields: str) -> tuple[int, str]:
    data = {
        "number": "7",
        "starts_on": "2027-03-11",
        "starts_time": "13:30",
        "timezone": "Europe/Amsterdam",
        "place": "Stadhuis Leiden",
        **fields,
    }
    response = client.post("/sessions", data=data, follow_redirects=False)
    return response.status_code, response.text


def stored(db: Session, community: LearningCommunity, number: int) -> LearningSession | None:
    return db.exec(
        select(LearningSession).where(
            LearningSession.community_id == community.id, LearningSession.number == number
        )
    ).first()


def test_the_end_time_is_saved_on_the_sessions_day(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    assert 'id="ends_at"' in client.get("/sessions/new").text

    status, _ = schedule(client, ends_at="16:45")

    assert status == 303
    learning_session = stored(db, community, 7)
    assert learning_session is not None and learning_session.ends_at is not None
    assert learning_session.ends_at == datetime(2027, 3, 11, 15, 45, tzinfo=UTC)  # CET
    page = client.get(f"/sessions/{learning_session.id}")
    assert "16:45" in page.text
    edit = client.get(f"/sessions/{learning_session.id}/edit")
    assert attributes(edit.text, "ends_at")["value"] == "16:45"


def test_an_end_before_the_start_is_refused_next_to_the_field(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    status, page = schedule(client, ends_at="12:00")

    assert status == 422
    assert stored(db, community, 7) is None
    field = attributes(page, "ends_at")
    assert field["aria-invalid"] == "true"
    assert "ends_at-error" in (field["aria-describedby"] or "")
    assert "Enter an end time after the start time" in page
    assert attributes(page, "ends_at")["value"] == "12:00"  # what they typed stays

    unreadable, page = schedule(client, ends_at="half five")
    assert unreadable == 422
    assert "Enter an end time after the start time" in page


def test_the_edit_form_refuses_an_end_before_the_start(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    learning_session = factories.learning_session(db, community, number=8)
    data = {
        "version": str(learning_session.version),
        "number": "8",
        "starts_on": "2027-01-21",
        "starts_time": "13:30",
        "ends_at": "13:00",
        "timezone": "Europe/Amsterdam",
        "place": "Stadhuis Leiden",
    }

    response = client.post(f"/sessions/{learning_session.id}/edit", data=data)

    assert response.status_code == 422
    assert attributes(response.text, "ends_at")["aria-invalid"] == "true"
    db.refresh(learning_session)
    assert learning_session.ends_at is None


def test_the_api_takes_the_end_and_refuses_one_before_the_start(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    learning_session = factories.learning_session(db, community, number=9)
    url = f"/api/v1/learning-sessions/{learning_session.id}"

    early = client.patch(url, json={"version": 1, "ends_at": "2027-01-21T11:00:00Z"})
    saved = client.patch(url, json={"version": 1, "ends_at": "2027-01-21T15:30:00Z"})

    assert early.status_code == 422
    assert early.json()["errors"][0]["field"] == "ends_at"
    assert saved.status_code == 200
    assert saved.json()["ends_at"].startswith("2027-01-21T15:30:00")
    assert saved.json()["calendar_sequence"] == 1
    created = client.post(
        "/api/v1/learning-sessions",
        json={
            "number": 10,
            "starts_at": "2027-02-01T12:30:00Z",
            "ends_at": "2027-02-01T12:00:00Z",
        },
    )
    assert created.status_code == 422
    assert created.json()["errors"][0]["field"] == "ends_at"


def test_a_stale_edit_shows_what_is_stored_and_what_was_typed(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    learning_session = factories.learning_session(db, community, number=11)
    data = {
        "version": str(learning_session.version + 5),
        "number": "11",
        "starts_on": "2027-01-28",
        "starts_time": "09:00",
        "ends_at": "12:00",
        "timezone": "Europe/Amsterdam",
        "place": "Bibliotheek Leiden",
    }

    stale = client.post(f"/sessions/{learning_session.id}/edit", data=data)
    unreadable = client.post(f"/sessions/{learning_session.id}/edit", data={**data, "version": "x"})

    assert stale.status_code == unreadable.status_code == 409
    assert "Someone else changed this session since you opened it" in stale.text
    assert "2027-01-28 09:00–12:00, Bibliotheek Leiden" in stale.text
    assert attributes(stale.text, "starts_on")["value"] == "2027-01-21"  # as stored
    db.refresh(learning_session)
    assert learning_session.place == "Stadhuis Leiden"
