"""The demo's actions: progress notes by the initiatives' own members that end where each
action stands, shown on the action's page and in session 3's workspace."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.actions.models import Action, ActionProgress
from app.demo.seed import seed_demo
from app.learning_sessions.models import LearningSession
from app.people.models import Membership, Person


@pytest.fixture
def sessions(db: Session) -> dict[int, LearningSession]:
    assert seed_demo(db, language="en", invitations=False)
    return {s.number: s for s in db.exec(select(LearningSession)).all()}


def test_the_demo_actions_have_progress_notes_by_their_initiatives_members(
    db: Session, sessions: dict[int, LearningSession]
) -> None:
    actions = db.exec(select(Action).where(Action.opened_in_session_id == sessions[2].id)).all()
    with_notes = 0
    for action in actions:
        notes = db.exec(
            select(ActionProgress)
            .where(ActionProgress.action_id == action.id)
            .order_by(col(ActionProgress.created_at))
        ).all()
        if not notes:
            continue
        with_notes += 1
        last = notes[-1]
        assert (last.status, last.pdsa_stage) == (action.status, action.pdsa_stage), action.title
        for note in notes:
            assert note.note.strip()
            member = db.exec(
                select(Membership).where(
                    Membership.person_id == note.author_id,
                    Membership.initiative_id == action.initiative_id,
                )
            ).first()
            assert member is not None, note.note
    assert with_notes >= 4


def test_the_demo_in_dutch_has_dutch_progress_notes(db: Session) -> None:
    assert seed_demo(db, language="nl", invitations=False)
    notes = {n.note for n in db.exec(select(ActionProgress)).all()}
    assert any("respons" in note for note in notes)


def test_the_demo_chair_sees_session_twos_open_actions_and_their_history(
    db: Session, sessions: dict[int, LearningSession], sign_in: Callable[[Person], TestClient]
) -> None:
    chair = db.exec(select(Person).where(Person.email == "chair@demo.leerkring.nl")).one()
    browser = sign_in(chair)
    workspace = browser.get(f"/sessions/{sessions[3].id}/prepare").text
    leiden = db.exec(
        select(Action).where(col(Action.title).startswith("Add the family's own words"))
    ).one()
    assert f'href="/actions/{leiden.id}"' in workspace
    page = browser.get(f"/actions/{leiden.id}").text
    assert "Response went from 4 in 10 to 9 in 10 families." in page
