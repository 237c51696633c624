"""A small community for the self-assessment tests: two initiatives, a policymaker and a
practitioner in A, a policymaker in B, a session being prepared, and helpers to store scores."""

from dataclasses import dataclass

from sqlmodel import Session

from app.community.models import LearningCommunity
from app.db import utcnow
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.self_assessment.models import SelfAssessment, SelfAssessmentRelease
from app.vocabulary import PartnershipCondition, Role, SessionStatus
from tests import factories

# A note only A's members may read until A releases the session.
SECRET_NOTE = "Our pilot fund stops in March and the alderman has not answered."


@dataclass
class ScoreWorld:
    community: LearningCommunity
    a: Initiative
    b: Initiative
    policymaker_a: Person
    practitioner_a: Person
    policymaker_b: Person
    session: LearningSession


def score_world(db: Session, community: LearningCommunity) -> ScoreWorld:
    a = factories.initiative(db, community, name="Wijkexpertteam Zwolle-Kampen")
    b = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    policymaker_a = factories.person(db, community, name="Petra Beleid")
    factories.membership(db, policymaker_a, Role.policymaker, a)
    practitioner_a = factories.person(db, community, name="Pim Praktijk")
    factories.membership(db, practitioner_a, Role.practitioner, a)
    policymaker_b = factories.person(db, community, name="Bas Beleid")
    factories.membership(db, policymaker_b, Role.policymaker, b)
    session = factories.learning_session(db, community, number=3, status=SessionStatus.prepared)
    return ScoreWorld(community, a, b, policymaker_a, practitioner_a, policymaker_b, session)


def score(
    db: Session,
    session: LearningSession,
    initiative: Initiative,
    person: Person | None,
    role: Role,
    condition: PartnershipCondition,
    level: int,
    note: str = "",
) -> SelfAssessment:
    assert session.id is not None and initiative.id is not None
    row = SelfAssessment(
        session_id=session.id,
        initiative_id=initiative.id,
        person_id=person.id if person else None,
        role=role,
        condition=condition,
        level=level,
        note=note,
    )
    db.add(row)
    db.flush()
    return row


def release(db: Session, session: LearningSession, initiative: Initiative) -> None:
    assert session.id is not None and initiative.id is not None
    db.add(
        SelfAssessmentRelease(
            session_id=session.id, initiative_id=initiative.id, released_at=utcnow()
        )
    )
    db.flush()


def split_on_financing(db: Session, w: ScoreWorld) -> None:
    """A's policymaker says 3 and its practitioner 1 on financing: views differ."""
    financing = PartnershipCondition.financing
    score(db, w.session, w.a, w.policymaker_a, Role.policymaker, financing, 3, "Covered to 2028.")
    score(db, w.session, w.a, w.practitioner_a, Role.practitioner, financing, 1, SECRET_NOTE)
    score(db, w.session, w.b, w.policymaker_b, Role.policymaker, financing, 2, "Yearly grant.")
