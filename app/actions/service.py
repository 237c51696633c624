"""Actions: agreed per initiative in a session, followed up with progress notes during the
action period, and reviewed in a later session (by default the next one).

Lists run a fixed number of statements whatever their length: names are joined in.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case
from sqlalchemy import select as sql_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.actions.choices import usable_reflection
from app.actions.models import Action, ActionProgress
from app.actions.schemas import ActionData, LedTo, LedToKind, ProgressData
from app.agendas.models import AgendaItem
from app.auth.principal import Principal
from app.contributions.models import Dilemma
from app.errors import (
    ConflictError,
    FieldProblem,
    InvalidInputError,
    NotFoundError,
    StaleVersionError,
)
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.people.models import Membership, Person
from app.reflections.models import Reflection
from app.vocabulary import (
    ActionStatus,
    IntegrationLevel,
    PartnershipCondition,
    PdsaStage,
)

STILL_OPEN = (ActionStatus.open, ActionStatus.in_progress)

OWNER_MESSAGE = N_("Choose the owner from the initiative's members.")
INITIATIVE_MESSAGE = N_("Choose one of the community's initiatives.")
REVIEW_MESSAGE = N_("Choose a later session of the learning community, or none.")
LED_TO_MESSAGE = N_("Choose an agenda item, dilemma or reflection of this session, or none.")


@dataclass
class ActionConflictError(StaleVersionError):
    """Someone saved the action first: both versions go back to the form, nothing is lost."""

    stored: "ActionSnapshot | None" = None


@dataclass(frozen=True)
class ActionSnapshot:
    """The saved action as the conflict notice shows it, names resolved."""

    title: str
    description: str
    owner_name: str | None
    condition: PartnershipCondition
    level: IntegrationLevel
    due_date: date | None
    pdsa_stage: PdsaStage
    status: ActionStatus
    version: int


@dataclass(frozen=True)
class ActionRow:
    """An action in a list, with the names a list shows."""

    action: Action
    initiative_name: str
    owner_name: str | None
    opened_in_number: int
    review_number: int | None

    @property
    def is_open(self) -> bool:
        return ActionStatus(self.action.status) in STILL_OPEN


@dataclass(frozen=True)
class ProgressRow:
    progress: ActionProgress
    author_name: str | None


def _list_query() -> tuple[Any, Any]:
    owner = aliased(Person)
    review = aliased(LearningSession)
    opened = aliased(LearningSession)
    query = (
        sql_select(
            Action,
            col(Initiative.name),
            col(owner.name),
            col(opened.number),
            col(review.number),
        )
        .join(Initiative, col(Initiative.id) == Action.initiative_id)
        .join(opened, col(opened.id) == Action.opened_in_session_id)
        .outerjoin(owner, col(owner.id) == Action.owner_id)
        .outerjoin(review, col(review.id) == Action.review_session_id)
    )
    return query, opened


def _rows(db: Session, query: Any) -> list[ActionRow]:
    return [
        ActionRow(action, initiative, owner, opened, review)
        for action, initiative, owner, opened, review in db.execute(query).all()
    ]


def session_actions(*, db: Session, learning_session: LearningSession) -> list[ActionRow]:
    """The actions agreed in the session, by initiative. One statement."""
    query, _ = _list_query()
    return _rows(
        db,
        query.where(Action.opened_in_session_id == learning_session.id)
        .where(Initiative.community_id == learning_session.community_id)
        .order_by(col(Initiative.name), col(Action.id)),
    )


def initiative_actions(*, db: Session, initiative: Initiative) -> list[ActionRow]:
    """All the initiative's actions: the open ones first, then by session, newest first.
    One statement."""
    query, opened = _list_query()
    still_open = case((col(Action.status).in_(STILL_OPEN), 0), else_=1)
    return _rows(
        db,
        query.where(Action.initiative_id == initiative.id).order_by(
            still_open, opened.number.desc(), col(Action.id)
        ),
    )


def get_action(*, db: Session, action_id: int, community_id: int) -> ActionRow:
    query, _ = _list_query()
    rows = _rows(
        db,
        query.where(Action.id == action_id).where(Initiative.community_id == community_id),
    )
    if not rows:
        raise NotFoundError(N_("There is no action with id %(id)s."), arguments={"id": action_id})
    return rows[0]


def create_action(
    *, db: Session, learning_session: LearningSession, data: ActionData, actor: Principal
) -> Action:
    assert learning_session.id is not None
    if learning_session.cancelled_at is not None:
        raise ConflictError(N_("This session was cancelled, so no actions are agreed in it."))
    _check(db=db, learning_session=learning_session, data=data, actor=actor)
    action = Action(
        initiative_id=data.initiative_id,
        opened_in_session_id=learning_session.id,
        title=data.title,
        condition=data.condition,
        level=data.level,
    )
    _apply(action, data)
    db.add(action)
    db.flush()
    return action


def update_action(
    *,
    db: Session,
    action: Action,
    learning_session: LearningSession,
    data: ActionData,
    expected: int,
    actor: Principal,
) -> Action:
    """Save the edit made on version ``expected``; the initiative and session stay as they are."""
    if action.version != expected:
        raise ActionConflictError(
            N_(
                "Someone else saved this action while you were editing it. Nothing is lost: "
                "your version and the saved one are both shown."
            ),
            current_version=action.version,
            stored=snapshot(db=db, action=action),
        )
    data = data.model_copy(update={"initiative_id": action.initiative_id})
    _check(db=db, learning_session=learning_session, data=data, actor=actor)
    _apply(action, data)
    db.add(action)
    db.flush()
    return action


def snapshot(*, db: Session, action: Action) -> ActionSnapshot:
    owner = None if action.owner_id is None else db.get(Person, action.owner_id)
    return ActionSnapshot(
        title=action.title,
        description=action.description,
        owner_name=owner.name if owner else None,
        condition=PartnershipCondition(action.condition),
        level=IntegrationLevel(action.level),
        due_date=action.due_date,
        pdsa_stage=PdsaStage(action.pdsa_stage),
        status=ActionStatus(action.status),
        version=action.version,
    )


def _apply(action: Action, data: ActionData) -> None:
    action.title = data.title
    action.description = data.description
    action.owner_id = data.owner_id
    action.condition = data.condition
    action.level = data.level
    action.due_date = data.due_date
    action.pdsa_stage = data.pdsa_stage
    action.status = data.status
    action.review_session_id = data.review_session_id
    link = data.led_to
    action.agenda_item_id = _link_id(link, LedToKind.agenda_item)
    action.dilemma_id = _link_id(link, LedToKind.dilemma)
    action.reflection_id = _link_id(link, LedToKind.reflection)


def _link_id(link: LedTo | None, kind: LedToKind) -> int | None:
    return link.id if link is not None and link.kind is kind else None


def _check(
    *, db: Session, learning_session: LearningSession, data: ActionData, actor: Principal
) -> None:
    """The initiative is the community's, the owner its member, the review session a later
    one of the community, and what led to it belongs to this session."""
    problems: list[FieldProblem] = []
    initiative = db.get(Initiative, data.initiative_id)
    if initiative is None or initiative.community_id != learning_session.community_id:
        problems.append(FieldProblem("initiative_id", INITIATIVE_MESSAGE))
    elif data.owner_id is not None:
        member = db.exec(
            select(Membership.id).where(
                Membership.person_id == data.owner_id,
                Membership.initiative_id == data.initiative_id,
            )
        ).first()
        if member is None:
            problems.append(FieldProblem("owner_id", OWNER_MESSAGE))
    if data.review_session_id is not None:
        review = db.get(LearningSession, data.review_session_id)
        if (
            review is None
            or review.community_id != learning_session.community_id
            or review.number <= learning_session.number
            or review.cancelled_at is not None
        ):
            problems.append(FieldProblem("review_session_id", REVIEW_MESSAGE))
    if data.led_to is not None and not _led_to_belongs(db, learning_session, data.led_to, actor):
        problems.append(FieldProblem("led_to", LED_TO_MESSAGE))
    if problems:
        raise InvalidInputError(N_("Check the marked fields."), problems)


def _led_to_belongs(
    db: Session, learning_session: LearningSession, link: LedTo, actor: Principal
) -> bool:
    if link.kind is LedToKind.agenda_item:
        item = db.get(AgendaItem, link.id)
        return item is not None and item.session_id == learning_session.id
    if link.kind is LedToKind.dilemma:
        dilemma = db.get(Dilemma, link.id)
        return dilemma is not None and dilemma.session_id == learning_session.id
    found = db.exec(
        select(Reflection.id).where(
            Reflection.id == link.id, *usable_reflection(learning_session.id or 0, actor)
        )
    ).first()
    return found is not None


def record_progress(
    *, db: Session, action: Action, author_id: int, data: ProgressData
) -> ActionProgress:
    """A progress note; the action's status and PDSA stage change with it."""
    assert action.id is not None
    progress = ActionProgress(
        action_id=action.id,
        author_id=author_id,
        status=data.status,
        pdsa_stage=data.pdsa_stage,
        note=data.note,
    )
    action.status = data.status
    action.pdsa_stage = data.pdsa_stage
    db.add(action)
    db.add(progress)
    db.flush()
    return progress


def progress_history(*, db: Session, action: Action) -> list[ProgressRow]:
    """The action's progress notes, newest first, with their authors. One statement."""
    rows = db.exec(
        select(ActionProgress, Person.name)
        .outerjoin(Person, col(Person.id) == ActionProgress.author_id)
        .where(ActionProgress.action_id == action.id)
        .order_by(col(ActionProgress.created_at).desc(), col(ActionProgress.id).desc())
    ).all()
    return [ProgressRow(progress, name) for progress, name in rows]
