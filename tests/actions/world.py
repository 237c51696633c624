"""A small community for the action tests: sessions 2 (held, chaired) and 3 (next), two
initiatives with a member each."""

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session

from app.community.models import LearningCommunity
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.vocabulary import Role
from tests import factories


@dataclass
class ActionWorld:
    held: LearningSession
    next: LearningSession
    a: Initiative
    b: Initiative
    chair: Person
    member_a: Person
    member_b: Person


def action_world(db: Session, community: LearningCommunity) -> ActionWorld:
    chair = factories.person(db, community, name="Carla Voorzitter")
    factories.membership(db, chair, Role.chair)
    held = factories.learning_session(
        db,
        community,
        number=2,
        status="held",
        chair_id=chair.id,
        starts_at=datetime(2026, 6, 18, 11, 30, tzinfo=UTC),
    )
    upcoming = factories.learning_session(
        db, community, number=3, starts_at=datetime(2026, 11, 12, 12, 30, tzinfo=UTC)
    )
    a = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    b = factories.initiative(db, community, name="IST Groningen-Ommelanden")
    member_a = factories.person(db, community, name="Pieter Praktijk")
    factories.membership(db, member_a, Role.practitioner, a)
    member_b = factories.person(db, community, name="Bea Beleid")
    factories.membership(db, member_b, Role.policymaker, b)
    return ActionWorld(held, upcoming, a, b, chair, member_a, member_b)


def action_form(w: ActionWorld, **overrides: str) -> dict[str, str]:
    values = {
        "initiative_id": str(w.a.id),
        "title": "One contact per family",
        "description": "Every family knows who to call.",
        "owner_id": str(w.member_a.id),
        "condition": "roles",
        "level": "professional",
        "due_date": "2026-10-01",
        "pdsa_stage": "plan",
        "status": "open",
        "review_session_id": str(w.next.id),
        "led_to": "",
    }
    return values | overrides
