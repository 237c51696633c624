"""The published agenda as a page: what the invitation links to. Participants read it once
it is published; the chair's notes appear in no participant's page."""

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.community.models import LearningCommunity
from app.people.models import Person
from app.vocabulary import Role
from tests import factories
from tests.agendas.test_documents import FAMILY_PLAIN, NOTES, POLICY_QUESTION, Agenda, make_agenda

SignIn = Callable[[Person], TestClient]


@pytest.fixture
def agenda(db: Session, community: LearningCommunity) -> Agenda:
    return make_agenda(db, community)


def participant(db: Session, community: LearningCommunity, role: Role, agenda: Agenda) -> Person:
    person = factories.person(db, community)
    initiative = None if role is Role.family_representative else factories.initiative(db, community)
    factories.membership(db, person, role, initiative)
    factories.attendance(db, agenda.learning_session, person)
    return person


def test_participants_read_the_agenda_only_once_it_is_published(
    db: Session, community: LearningCommunity, agenda: Agenda, sign_in: SignIn
) -> None:
    practitioner = sign_in(participant(db, community, Role.practitioner, agenda))
    path = f"/sessions/{agenda.learning_session.id}/agenda"
    assert practitioner.get(path).status_code == 404
    assert "Read the agenda" not in practitioner.get(f"/sessions/{agenda.learning_session.id}").text

    agenda.learning_session.agenda_published_at = datetime(2027, 1, 7, 9, 0, tzinfo=UTC)
    db.flush()
    page = practitioner.get(path)
    assert page.status_code == 200
    assert [title in page.text for title in (item.title for item in agenda.items)] == [True] * 3
    assert "13:30" in page.text and POLICY_QUESTION in page.text
    assert NOTES not in page.text
    assert "Read the agenda" in practitioner.get(f"/sessions/{agenda.learning_session.id}").text


def test_a_family_representative_reads_the_plain_agenda_and_no_chairs_notes(
    db: Session, community: LearningCommunity, agenda: Agenda, sign_in: SignIn
) -> None:
    agenda.learning_session.agenda_published_at = datetime(2027, 1, 7, 9, 0, tzinfo=UTC)
    db.flush()
    family = sign_in(participant(db, community, Role.family_representative, agenda))
    page = family.get(f"/sessions/{agenda.learning_session.id}/agenda")
    assert page.status_code == 200
    assert FAMILY_PLAIN in page.text and POLICY_QUESTION not in page.text
    for path in ("/", f"/sessions/{agenda.learning_session.id}"):
        assert NOTES not in family.get(path).text


def test_the_chair_sees_her_notes_in_the_workspace_not_on_the_agenda_page(
    agenda: Agenda, sign_in: SignIn
) -> None:
    chair = sign_in(agenda.chair)
    assert NOTES in chair.get(f"/sessions/{agenda.learning_session.id}/prepare").text
    assert NOTES not in chair.get(f"/sessions/{agenda.learning_session.id}/agenda").text
