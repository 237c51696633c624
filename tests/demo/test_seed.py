import pytest
from sqlmodel import Session, col, func, select

from app.agendas.models import ReflectiveQuestion
from app.demo.seed import seed_demo
from app.evidence.models import EvidenceCondition, EvidenceItem
from app.initiatives.models import Initiative
from app.learning_sessions.composition import session_composition
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Membership, Person
from app.vocabulary import PartnershipCondition, Role, SessionStatus

DEMO_INITIATIVES = {
    "Gezinsteam Plus Leidse Regio",
    "Samen1Plan Drechtsteden",
    "Wijkexpertteam Zwolle-Kampen",
    "IST Groningen-Ommelanden",
    "Huis van het Gezin Tilburg",
}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_demo_community_is_complete_and_seeded_once(db: Session, language: str) -> None:
    assert seed_demo(db, language=language, invitations=False) is True
    assert seed_demo(db, language=language) is False

    assert set(db.exec(select(Initiative.name)).all()) == DEMO_INITIATIVES
    for initiative in db.exec(select(Initiative)).all():
        roles = db.exec(
            select(Membership.role).where(Membership.initiative_id == initiative.id)
        ).all()
        assert roles.count(Role.practitioner) >= 2
        assert {Role.policymaker, Role.manager, Role.practitioner_researcher} <= set(roles)
        conditions = db.exec(
            select(EvidenceCondition.condition)
            .join(EvidenceItem, col(EvidenceItem.id) == EvidenceCondition.evidence_item_id)
            .where(EvidenceItem.initiative_id == initiative.id)
        ).all()
        assert set(conditions) == set(PartnershipCondition)

    emails = set(db.exec(select(Person.email)).all())
    assert {
        "facilitator@demo.leerkring.nl",
        "chair@demo.leerkring.nl",
        "researcher@demo.leerkring.nl",
        "policymaker.leiden@demo.leerkring.nl",
        "manager.leiden@demo.leerkring.nl",
        "practitioner.leiden@demo.leerkring.nl",
        "policymaker.zwolle@demo.leerkring.nl",
        "family@demo.leerkring.nl",
    } <= emails
    family = db.exec(
        select(func.count()).where(Membership.role == Role.family_representative)
    ).one()
    assert family == 2

    sessions = db.exec(select(LearningSession).order_by(col(LearningSession.number))).all()
    assert [s.status for s in sessions] == [
        SessionStatus.held,
        SessionStatus.held,
        SessionStatus.planned,
        SessionStatus.planned,
    ]
    attended = db.exec(
        select(func.count()).where(
            Attendance.session_id == sessions[0].id, col(Attendance.attended).is_(True)
        )
    ).one()
    assert attended > 10
    questions = db.exec(
        select(ReflectiveQuestion.condition).where(ReflectiveQuestion.session_id == sessions[2].id)
    ).all()
    assert set(questions) == set(PartnershipCondition)

    preparing = session_composition(db=db, learning_session=sessions[2])
    missing = {e.initiative.name: e.missing_roles for e in preparing.initiatives if e.missing_roles}
    assert missing == {"IST Groningen-Ommelanden": [Role.manager]}
    assert preparing.family_representative.invited


def test_demo_texts_follow_the_language(db: Session) -> None:
    seed_demo(db, language="nl", invitations=False)
    question_texts = " ".join(db.exec(select(ReflectiveQuestion.text)).all())
    assert " de " in question_texts
    assert " the " not in question_texts
