"""LEERKRING_TIME_ZONE: the zone pages show times in and new sessions are held in."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.audit.models import AuditEntry
from app.config import Settings, get_settings
from app.learning_sessions.models import LearningSession
from app.vocabulary import AuditAction

AT = datetime(2027, 1, 15, 12, 30, tzinfo=UTC)  # 13:30 in Amsterdam, 12:30 in London


@pytest.fixture(params=[None, "Europe/London"], ids=["default", "london"])
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if request.param is None:
        monkeypatch.delenv("LEERKRING_TIME_ZONE", raising=False)
    else:
        monkeypatch.setenv("LEERKRING_TIME_ZONE", request.param)
    get_settings.cache_clear()
    yield request.param or "Europe/Amsterdam"
    monkeypatch.delenv("LEERKRING_TIME_ZONE", raising=False)
    get_settings.cache_clear()


def test_pages_show_times_in_the_community_time_zone(
    zone: str, client: TestClient, db: Session
) -> None:
    db.add(AuditEntry(at=AT, action=AuditAction.sign_in.value, subject="Zone check"))
    db.flush()

    page = client.get("/community/audit", params={"action": "sign_in"})

    assert page.status_code == 200
    shown = {"Europe/Amsterdam": "Friday 15 January 2027, 13:30", "Europe/London": "12:30"}[zone]
    assert shown in page.text
    assert ("13:30" in page.text) == (zone == "Europe/Amsterdam")


def test_a_new_session_is_held_in_the_community_time_zone(
    zone: str, client: TestClient, db: Session
) -> None:
    form_page = client.get("/sessions/new")
    assert f'value="{zone}"' in form_page.text

    scheduled = client.post(
        "/sessions",
        data={"number": "9", "starts_on": "2027-01-15", "starts_time": "13:30", "place": "Zwolle"},
        follow_redirects=False,
    )

    assert scheduled.status_code == 303, scheduled.text
    learning_session = db.exec(select(LearningSession).where(LearningSession.number == 9)).one()
    assert learning_session.timezone == zone
    expected = {"Europe/Amsterdam": 12, "Europe/London": 13}[zone]
    assert learning_session.starts_at.astimezone(UTC).hour == expected
    assert "13:30" in client.get(scheduled.headers["location"]).text


def test_an_unknown_time_zone_is_refused_saying_what_to_set() -> None:
    with pytest.raises(ValueError, match="LEERKRING_TIME_ZONE must be an IANA time zone"):
        Settings(time_zone="Mars/Base")
