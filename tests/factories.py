"""Small builders for test data: sensible defaults, override what the test is about."""

import itertools
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlmodel import Session

from app.community.models import LearningCommunity
from app.initiatives.models import Initiative, InitiativeDiscipline, InitiativeMunicipality
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Membership, Person
from app.vocabulary import FundingArrangement, IntegrationLevel, Perspective, Role

_sequence = itertools.count(1)
T = TypeVar("T")

ROLE_DEFAULTS: dict[Role, tuple[Perspective, IntegrationLevel]] = {
    Role.policymaker: (Perspective.local_government, IntegrationLevel.system),
    Role.manager: (Perspective.organisation, IntegrationLevel.organisational),
    Role.practitioner: (Perspective.professional, IntegrationLevel.professional),
    Role.family_representative: (Perspective.family, IntegrationLevel.clinical),
}


def _save(db: Session, record: T) -> T:
    db.add(record)
    db.flush()
    return record


def community(db: Session, **overrides: Any) -> LearningCommunity:
    values: dict[str, Any] = {
        "name": f"Leerkring test {next(_sequence)}",
        "period_start": date(2026, 1, 1),
    }
    return _save(db, LearningCommunity(**{**values, **overrides}))


def initiative(
    db: Session,
    in_community: LearningCommunity,
    *,
    municipalities: tuple[str, ...] = ("Leiden",),
    disciplines: tuple[str, ...] = ("family coach",),
    **overrides: Any,
) -> Initiative:
    values: dict[str, Any] = {
        "name": f"Gezinsteam {next(_sequence)}",
        "community_id": in_community.id,
        "funding_arrangement": FundingArrangement.lump_sum_subsidy,
    }
    record = _save(db, Initiative(**{**values, **overrides}))
    for position, name in enumerate(municipalities):
        db.add(InitiativeMunicipality(initiative_id=record.id, name=name, position=position))
    for position, name in enumerate(disciplines):
        db.add(InitiativeDiscipline(initiative_id=record.id, name=name, position=position))
    db.flush()
    return record


def person(db: Session, in_community: LearningCommunity, **overrides: Any) -> Person:
    number = next(_sequence)
    values: dict[str, Any] = {
        "name": f"Sanne Bakker {number}",
        "email": f"sanne.bakker{number}@example.org",
        "community_id": in_community.id,
    }
    return _save(db, Person(**{**values, **overrides}))


def membership(
    db: Session,
    member: Person,
    role: Role,
    in_initiative: Initiative | None = None,
    **overrides: Any,
) -> Membership:
    perspective, level = ROLE_DEFAULTS.get(
        role, (Perspective.professional, IntegrationLevel.professional)
    )
    values: dict[str, Any] = {
        "person_id": member.id,
        "community_id": member.community_id,
        "initiative_id": in_initiative.id if in_initiative else None,
        "role": role,
        "perspective": perspective,
        "level": level,
    }
    return _save(db, Membership(**{**values, **overrides}))


def learning_session(
    db: Session, in_community: LearningCommunity, **overrides: Any
) -> LearningSession:
    values: dict[str, Any] = {
        "community_id": in_community.id,
        "number": next(_sequence),
        "starts_at": datetime(2027, 1, 21, 12, 30, tzinfo=UTC),
        "place": "Stadhuis Leiden",
    }
    return _save(db, LearningSession(**{**values, **overrides}))


def attendance(
    db: Session, at: LearningSession, who: Person, *, attended: bool | None = None
) -> Attendance:
    return _save(db, Attendance(session_id=at.id, person_id=who.id, attended=attended))
