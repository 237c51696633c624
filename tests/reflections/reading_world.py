"""A session with a chair, invitees in every perspective and their reflections, for the
reading tests (the grouped page, visibility, the briefing pack)."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlmodel import Session

from app.community.models import LearningCommunity
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.reflections.models import Reflection
from app.vocabulary import (
    PartnershipCondition,
    Perspective,
    ReflectionStatus,
    ReflectionVisibility,
    Role,
)
from tests import factories

XSS = "<script>alert(1)</script> and <img src=x onerror=alert(1)>"


def reflection(
    db: Session,
    at: LearningSession,
    author: Person,
    *,
    perspective: Perspective = Perspective.professional,
    **overrides: Any,
) -> Reflection:
    values: dict[str, Any] = {
        "session_id": at.id,
        "author_id": author.id,
        "perspective": perspective,
        "text": f"What {author.name} thinks.",
        "visibility": ReflectionVisibility.session,
        "status": ReflectionStatus.submitted,
        "submitted_at": datetime(2027, 1, 10, 9, 0, tzinfo=UTC),
    }
    row = Reflection(**{**values, **overrides})
    db.add(row)
    db.flush()
    return row


@dataclass
class ReadingWorld:
    community: LearningCommunity
    session: LearningSession
    own: Initiative
    other: Initiative
    people: dict[str, Person] = field(default_factory=dict)


def reading_world(db: Session, facilitator: Person) -> ReadingWorld:
    """Session 3 chaired by "chair"; invited: a family representative, a practitioner and a
    policymaker of initiative A; not invited: a policymaker of initiative B."""
    community_id = facilitator.community_id
    community = db.get(LearningCommunity, community_id)
    assert community is not None
    own = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    other = factories.initiative(db, community, name="IST Groningen-Ommelanden")
    chair = factories.person(db, community, name="Anna de Vries")
    factories.membership(db, chair, Role.chair)
    learning_session = factories.learning_session(
        db, community, number=3, chair_id=chair.id, reflection_deadline=date(2027, 1, 14)
    )
    world = ReadingWorld(community, learning_session, own, other, {"chair": chair})
    world.people["facilitator"] = facilitator
    for key, name, role, initiative in (
        ("family", "Ingrid Smit", Role.family_representative, None),
        ("practitioner", "Pieter Mulder", Role.practitioner, own),
        ("policymaker", "Karin Visser", Role.policymaker, own),
        ("outsider", "Sietske Dijkstra", Role.policymaker, other),
    ):
        person = factories.person(db, community, name=name)
        factories.membership(db, person, role, initiative)
        world.people[key] = person
        if key != "outsider":
            factories.attendance(db, learning_session, person)
    return world


def question(
    db: Session,
    world: ReadingWorld,
    condition: PartnershipCondition,
    *,
    target_roles: tuple[Role, ...] = (),
    text: str | None = None,
) -> Any:
    overrides: dict[str, Any] = {"condition": condition}
    if text is not None:
        overrides["text"] = text
    return factories.reflective_question(db, world.session, target_roles=target_roles, **overrides)
