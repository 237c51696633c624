"""A community with a session that started yesterday, its chair, and invited participants."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.learning_sessions.models import LearningSession, SessionEvaluation
from app.people.models import Person
from app.vocabulary import Role
from tests import factories

SignIn = Callable[[Person], TestClient]
GOOD = {"preparation": "4", "usefulness": "5", "family_voice": "3", "come_again": "4"}


@dataclass
class EvaluationWorld:
    community: object
    session: LearningSession
    chair: Person
    practitioner: Person
    family: Person
    outsider: Person
    people: list[Person] = field(default_factory=list)


def _member(db: Session, community: object, name: str, role: Role, initiative: object) -> Person:
    person = factories.person(db, community, name=name)  # type: ignore[arg-type]
    factories.membership(db, person, role, initiative if role not in _COMMUNITY else None)  # type: ignore[arg-type]
    return person


_COMMUNITY = {Role.chair, Role.family_representative, Role.facilitator}


def evaluation_world(db: Session, *, started: datetime | None = None) -> EvaluationWorld:
    community = factories.community(db)
    initiative = factories.initiative(db, community, name="Samen1Plan")
    session = factories.learning_session(
        db,
        community,
        number=2,
        status="held",
        starts_at=started or datetime.now(UTC) - timedelta(days=1),
    )
    chair = _member(db, community, "Chair Person", Role.chair, None)
    session.chair_id = chair.id
    db.add(session)
    practitioner = _member(db, community, "Pim Praktijk", Role.practitioner, initiative)
    family = _member(db, community, "Ingrid Smit", Role.family_representative, None)
    outsider = _member(db, community, "Olaf Buiten", Role.practitioner, initiative)
    for person in (chair, practitioner, family):
        factories.attendance(db, session, person, attended=True)
    return EvaluationWorld(community, session, chair, practitioner, family, outsider)


def answers(
    db: Session,
    w: EvaluationWorld,
    role: Role,
    scores: list[int],
    *,
    session: LearningSession | None = None,
) -> list[Person]:
    """One attending person of ``role`` per score, each with that score for every question."""
    target = session or w.session
    initiative = factories.initiative(db, w.community)  # type: ignore[arg-type]
    people = []
    for score in scores:
        person = _member(db, w.community, f"{role.value} {score}", role, initiative)
        factories.attendance(db, target, person, attended=True)
        db.add(
            SessionEvaluation(
                session_id=target.id or 0,
                person_id=person.id,
                preparation=score,
                usefulness=score,
                family_voice=score,
                come_again=score,
            )
        )
        people.append(person)
    db.flush()
    return people
