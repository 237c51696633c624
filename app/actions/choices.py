"""What the action form offers for a session (the initiatives, their members, later
sessions, what can have led to an action), and what led to one, in words."""

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from app.actions.models import Action
from app.actions.schemas import LedToKind
from app.agendas.models import AgendaItem
from app.auth.principal import Principal
from app.contributions.models import Dilemma
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Membership, Person
from app.reflections import visibility
from app.reflections.models import Reflection
from app.vocabulary import ReflectionStatus

EXCERPT = 80  # characters of a reflection shown in the "led to" select


@dataclass(frozen=True)
class Choice:
    value: str
    text: str


@dataclass(frozen=True)
class ActionChoices:
    """What the action form offers for a session."""

    initiatives: list[Choice]
    owners: dict[int, list[Choice]]  # initiative id → its members
    review_sessions: list[Choice]
    led_to: dict[LedToKind, list[Choice]] = field(default_factory=dict)
    default_review: str = ""


def form_choices(
    *, db: Session, learning_session: LearningSession, viewer: Principal
) -> ActionChoices:
    """The initiatives, their members, the later sessions and what can have led to an action
    in this session. A fixed number of statements."""
    community_id = learning_session.community_id
    initiatives = db.exec(
        select(Initiative.id, Initiative.name)
        .where(Initiative.community_id == community_id)
        .order_by(col(Initiative.name))
    ).all()
    owners: dict[int, list[Choice]] = {}
    members = db.exec(
        select(Membership.initiative_id, Person.id, Person.name)
        .join(Person, col(Person.id) == Membership.person_id)
        .where(Membership.community_id == community_id, col(Membership.initiative_id).is_not(None))
        .group_by(col(Membership.initiative_id), col(Person.id), col(Person.name))
        .order_by(col(Person.name))
    ).all()
    for initiative_id, person_id, name in members:
        if initiative_id is not None:
            owners.setdefault(initiative_id, []).append(Choice(str(person_id), name))
    later = db.exec(
        select(LearningSession.id, LearningSession.number)
        .where(
            LearningSession.community_id == community_id,
            col(LearningSession.number) > learning_session.number,
            col(LearningSession.cancelled_at).is_(None),
        )
        .order_by(col(LearningSession.number))
    ).all()
    items = db.exec(
        select(AgendaItem.id, AgendaItem.title)
        .where(AgendaItem.session_id == learning_session.id)
        .order_by(col(AgendaItem.position))
    ).all()
    dilemmas = db.exec(
        select(Dilemma.id, Dilemma.title)
        .where(Dilemma.session_id == learning_session.id)
        .order_by(col(Dilemma.id))
    ).all()
    reflections = db.exec(
        select(Reflection.id, Reflection.text)
        .where(*usable_reflection(learning_session.id or 0, viewer))
        .order_by(col(Reflection.id))
    ).all()
    return ActionChoices(
        initiatives=[Choice(str(i), name) for i, name in initiatives],
        owners=owners,
        review_sessions=[Choice(str(i), str(number)) for i, number in later],
        led_to={
            LedToKind.agenda_item: [Choice(f"agenda_item:{i}", t) for i, t in items],
            LedToKind.dilemma: [Choice(f"dilemma:{i}", t) for i, t in dilemmas],
            LedToKind.reflection: [Choice(f"reflection:{i}", excerpt(t)) for i, t in reflections],
        },
        default_review=str(later[0][0]) if later else "",
    )


def excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1].rstrip() + "…"


def usable_reflection(session_id: int, viewer: Principal) -> tuple[Any, ...]:
    """A reflection an action can follow from: submitted in this session, not hidden, and one
    the viewer may read (app.reflections.visibility)."""
    return (
        Reflection.session_id == session_id,
        Reflection.status == ReflectionStatus.submitted,
        col(Reflection.hidden_at).is_(None),
        visibility.readable(viewer),
    )


def led_to_text(*, db: Session, action: Action, viewer: Principal) -> tuple[LedToKind, str] | None:
    """What led to the action, in words: the agenda item's or dilemma's title, or an excerpt
    of the reflection when the viewer may read it ("" when not)."""
    if action.agenda_item_id is not None:
        item = db.get(AgendaItem, action.agenda_item_id)
        return (LedToKind.agenda_item, item.title) if item else None
    if action.dilemma_id is not None:
        dilemma = db.get(Dilemma, action.dilemma_id)
        return (LedToKind.dilemma, dilemma.title) if dilemma else None
    if action.reflection_id is not None:
        text = db.exec(
            select(Reflection.text).where(
                Reflection.id == action.reflection_id, visibility.readable(viewer)
            )
        ).first()
        return (LedToKind.reflection, "" if text is None else excerpt(text))
    return None
