"""The demo's self-assessment: sessions 1 and 2 published by all five initiatives, session 3
scored by four with Zwolle's financing split unpublished, the chair's suggestion on it, and
Zwolle's unpublished note kept from another initiative's policymaker."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, func, select

from app.agendas.suggestions import suggest_questions
from app.demo import content
from app.demo.seed import seed_demo
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.self_assessment.models import SelfAssessment, SelfAssessmentRelease
from app.self_assessment.service import all_cell_spreads
from app.vocabulary import PartnershipCondition

SignIn = Callable[[Person], TestClient]
ZWOLLE_NOTE = "Our pilot fund ends in June 2027 and nobody has told the team what comes after it."


@pytest.fixture
def sessions(db: Session) -> dict[int, LearningSession]:
    assert seed_demo(db, language="en", invitations=False)
    return {s.number: s for s in db.exec(select(LearningSession))}


def test_sessions_1_and_2_are_published_by_all_and_session_3_waits_for_zwolle(
    db: Session, sessions: dict[int, LearningSession]
) -> None:
    released = db.exec(
        select(LearningSession.number, func.count())
        .join(SelfAssessmentRelease, col(SelfAssessmentRelease.session_id) == LearningSession.id)
        .group_by(col(LearningSession.number))
    ).all()
    assert dict(released) == {1: 5, 2: 5, 3: 3}
    zwolle = db.exec(
        select(Initiative).where(Initiative.name == "Wijkexpertteam Zwolle-Kampen")
    ).one()
    spreads = all_cell_spreads(
        db=db, community_id=zwolle.community_id, session_id=sessions[3].id or 0
    )
    financing = spreads[(zwolle.id or 0, PartnershipCondition.financing)]
    assert financing.views_differ
    assert {(r.role, r.median) for r in financing.by_role} >= {("policymaker", 3.0)}
    assert db.exec(select(func.count()).select_from(SelfAssessment)).one() == 200


def test_the_chair_is_offered_the_financing_split_for_session_3(
    db: Session, sessions: dict[int, LearningSession]
) -> None:
    suggestions = suggest_questions(db=db, learning_session=sessions[3], language="en")
    (split,) = [s for s in suggestions if s.rule == "views_differ"]
    assert split.condition == PartnershipCondition.financing
    assert split.reason == (
        "Financing: views differ in 1 initiative "
        "(policymaker and practitioner two levels apart or more)"
    )


def test_zwolles_unpublished_note_stays_with_zwolle(
    db: Session, sessions: dict[int, LearningSession], sign_in: SignIn
) -> None:
    zwolle = db.exec(
        select(Initiative).where(Initiative.name == "Wijkexpertteam Zwolle-Kampen")
    ).one()
    leiden = db.exec(select(Person).where(Person.email == content.POLICYMAKER_LEIDEN)).one()
    own = db.exec(select(Person).where(Person.email == content.NURSE_ZWOLLE)).one()
    page = f"/initiatives/{zwolle.id}/self-assessment?session_id={sessions[3].id}"
    assert ZWOLLE_NOTE not in sign_in(leiden).get(page).text
    assert ZWOLLE_NOTE in sign_in(own).get(page).text
