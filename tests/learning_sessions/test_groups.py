"""Who took part in which group: written on the attendance form, shown on the session page."""

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.community.models import LearningCommunity
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Person
from app.vocabulary import SessionStatus
from tests import factories


def _groups(db: Session, learning_session: LearningSession) -> dict[int, tuple[bool | None, str]]:
    db.expire_all()
    rows = db.exec(
        select(Attendance.person_id, Attendance.attended, Attendance.group_name).where(
            Attendance.session_id == learning_session.id
        )
    ).all()
    return {person_id: (attended, group) for person_id, attended, group in rows}


def _held_with(
    db: Session, community: LearningCommunity, *names: str
) -> tuple[LearningSession, list[Person]]:
    held = factories.learning_session(db, community, status=SessionStatus.held)
    people = [factories.person(db, community, name=name) for name in names]
    for person in people:
        factories.attendance(db, held, person)
    return held, people


def test_groups_are_saved_with_attendance_and_shown_on_the_session_page(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    held, (anouk, bram, chris) = _held_with(db, community, "Anouk", "Bram", "Chris")
    saved = client.post(
        f"/sessions/{held.id}/attendance",
        data={
            "attended": [str(anouk.id), str(bram.id)],
            "grouped": [str(anouk.id), str(bram.id), str(chris.id)],
            "group": ["  Table 1 ", "Table 2", ""],
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert _groups(db, held) == {
        anouk.id: (True, "Table 1"),
        bram.id: (True, "Table 2"),
        chris.id: (False, ""),
    }
    page = " ".join(client.get(f"/sessions/{held.id}").text.split())
    assert 'attended</span> <span class="muted">· group Table 1</span>' in page
    form = client.get(f"/sessions/{held.id}/attendance").text
    assert f'id="group-{anouk.id}" name="group" value="Table 1"' in form
    # The session's groups are offered while typing the next one.
    assert '<option value="Table 2">' in form


def test_a_too_long_group_name_is_refused_next_to_its_field_and_nothing_changes(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    held, (anouk, bram) = _held_with(db, community, "Anouk", "Bram")
    refused = client.post(
        f"/sessions/{held.id}/attendance",
        data={
            "attended": [str(anouk.id)],
            "grouped": [str(anouk.id), str(bram.id)],
            "group": ["Table 1", "x" * 101],
        },
    )
    assert refused.status_code == 422
    assert f'id="group-{bram.id}-error"' in refused.text
    assert "under 100 characters" in refused.text
    # What was typed comes back: the tick and the other person's group.
    assert f'value="{anouk.id}" checked' in refused.text
    assert 'value="Table 1"' in refused.text
    assert _groups(db, held) == {anouk.id: (None, ""), bram.id: (None, "")}


def test_a_form_without_groups_keeps_the_groups_stored(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    held, (anouk,) = _held_with(db, community, "Anouk")
    client.post(
        f"/sessions/{held.id}/attendance",
        data={"attended": [str(anouk.id)], "grouped": [str(anouk.id)], "group": ["Table 1"]},
    )
    client.post(f"/sessions/{held.id}/attendance", data={"attended": []})
    assert _groups(db, held) == {anouk.id: (False, "Table 1")}
