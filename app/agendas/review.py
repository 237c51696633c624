"""The review of last session's actions: the open actions a session reviews, and the agenda
item the workspace proposes for them when the agenda has none."""

from sqlmodel import Session, col, func, select

from app.actions.models import Action
from app.agendas import service as agenda_service
from app.agendas.models import AgendaItem
from app.agendas.schemas import AgendaItemData, Direction, MoveData
from app.learning_sessions.models import LearningSession
from app.vocabulary import ActionStatus, AgendaItemKind

STILL_OPEN = (ActionStatus.open, ActionStatus.in_progress)
REVIEW_MINUTES = 15


def actions_to_review(*, db: Session, learning_session: LearningSession) -> int:
    """How many open actions name this session as the one that reviews them."""
    count: int = db.exec(
        select(func.count())
        .select_from(Action)
        .where(
            Action.review_session_id == learning_session.id,
            col(Action.status).in_(STILL_OPEN),
        )
    ).one()
    return count


def has_review_item(*, db: Session, learning_session: LearningSession) -> bool:
    found = db.exec(
        select(AgendaItem.id).where(
            AgendaItem.session_id == learning_session.id,
            AgendaItem.kind == AgendaItemKind.review_actions,
        )
    ).first()
    return found is not None


def offers_review_item(*, db: Session, learning_session: LearningSession) -> bool:
    """The workspace proposes the review: open actions to review, and no such item yet."""
    return actions_to_review(db=db, learning_session=learning_session) > 0 and not has_review_item(
        db=db, learning_session=learning_session
    )


def add_review_item(
    *, db: Session, learning_session: LearningSession, title: str, expected: int
) -> AgendaItem | None:
    """Add "review of last session's actions" right after the first item (or at the end of a
    shorter agenda), on agenda version ``expected``; None when it is not on offer."""
    if not offers_review_item(db=db, learning_session=learning_session):
        return None
    item = agenda_service.add_item(
        db=db,
        learning_session=learning_session,
        data=AgendaItemData(
            kind=AgendaItemKind.review_actions, title=title, duration_minutes=REVIEW_MINUTES
        ),
        expected=expected,
    )
    assert learning_session.id is not None and item.id is not None
    order = [i.id or 0 for i in agenda_service.agenda_items(db=db, session_id=learning_session.id)]
    if len(order) > 2:
        agenda_service.move_item(
            db=db,
            learning_session=learning_session,
            move=MoveData(order=order, item_id=item.id, direction=Direction.to, to_position=2),
            expected=learning_session.agenda_version,
        )
    return item
