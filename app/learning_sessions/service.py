"""Learning sessions: listing, scheduling, changing and deleting them.

The status workflow and the preparation rule live in ``workflow``, invitations in
``invitations``, attendance in ``attendance``.
"""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, func
from sqlmodel import Session, col, select

from app.auth.principal import Principal
from app.db import fetch_page, utcnow
from app.errors import ConflictError, FieldProblem, InvalidInputError, NotFoundError
from app.factsheets.models import Factsheet
from app.labels import N_
from app.learning_sessions import announcements, workflow
from app.learning_sessions.models import LearningSession
from app.learning_sessions.schemas import (
    ENDS_BEFORE_START,
    LearningSessionCreate,
    LearningSessionUpdate,
    ends_after_start,
)
from app.people.models import Person
from app.reflections.models import Reflection
from app.versioning import check_version
from app.vocabulary import SessionStatus


def list_sessions(
    *,
    db: Session,
    community_id: int,
    only_session_id: int | None = None,
    offset: int = 0,
    limit: int = 100,
) -> tuple[Sequence[LearningSession], int]:
    """The community's sessions by number; ``only_session_id`` keeps that one (a scoped link)."""
    where = col(LearningSession.community_id) == community_id
    if only_session_id is not None:
        where = and_(where, col(LearningSession.id) == only_session_id)
    query = select(LearningSession).where(where).order_by(col(LearningSession.number))
    return fetch_page(db, query, offset=offset, limit=limit)


def get_session(*, db: Session, session_id: int) -> LearningSession:
    learning_session = db.get(LearningSession, session_id)
    if learning_session is None:
        raise NotFoundError(
            N_("There is no learning session with id %(id)s."), arguments={"id": session_id}
        )
    return learning_session


def create_session(
    *, db: Session, community_id: int, data: LearningSessionCreate
) -> LearningSession:
    _refuse_duplicate_number(db=db, community_id=community_id, number=data.number)
    _check_chair(db=db, community_id=community_id, chair_id=data.chair_id)
    learning_session = LearningSession(community_id=community_id, **data.model_dump())
    db.add(learning_session)
    db.flush()
    return learning_session


def update_session(
    *,
    db: Session,
    learning_session: LearningSession,
    data: LearningSessionUpdate,
    actor: Principal,
) -> LearningSession:
    """Change fields; a status change follows the same workflow rule as the session page."""
    check_version(learning_session, data.version, "learning session")
    changes = data.model_dump(exclude_unset=True, exclude={"version", "reason"})
    status = changes.pop("status", None)
    _check_time_slot(learning_session, changes)
    if "number" in changes and changes["number"] != learning_session.number:
        _refuse_duplicate_number(
            db=db, community_id=learning_session.community_id, number=changes["number"]
        )
    if "chair_id" in changes:
        _check_chair(
            db=db,
            community_id=learning_session.community_id,
            chair_id=changes["chair_id"],
        )
    before = _calendar_facts(learning_session)
    for field, value in changes.items():
        if value is not None or field in {"chair_id", "reflection_deadline", "ends_at"}:
            setattr(learning_session, field, value)
    learning_session.updated_at = utcnow()
    moved = _calendar_facts(learning_session) != before
    if moved:
        # The invitation's SEQUENCE: calendars take the update only when it is higher.
        learning_session.calendar_sequence += 1
    if status is not None:
        workflow.change_status(
            db=db,
            learning_session=learning_session,
            status=status,
            actor=actor,
            override_reason=data.reason or "",
        )
    db.flush()
    if moved:
        announcements.schedule_changed(db=db, learning_session=learning_session)
    return learning_session


def _calendar_facts(learning_session: LearningSession) -> tuple[object, ...]:
    """What a calendar invitation says about when and where; nothing else moves it."""
    return (
        learning_session.starts_at,
        learning_session.ends_at,
        learning_session.timezone,
        learning_session.place,
        learning_session.online_url,
    )


def _check_time_slot(learning_session: LearningSession, changes: dict[str, object]) -> None:
    starts_at = changes.get("starts_at") or learning_session.starts_at
    ends_at = changes.get("ends_at", learning_session.ends_at)
    assert isinstance(starts_at, datetime) and (ends_at is None or isinstance(ends_at, datetime))
    if not ends_after_start(starts_at, ends_at):
        raise InvalidInputError(
            N_("The session must end after it starts, on the same day."),
            [FieldProblem("ends_at", ENDS_BEFORE_START)],
        )


def cancel_session(*, db: Session, learning_session: LearningSession) -> int:
    """Call a session off: it stays, marked cancelled; those invited get the calendar's
    cancellation (SEQUENCE raised, as the standard asks). Returns how many were told."""
    if learning_session.cancelled_at is not None:
        raise ConflictError(
            N_("Session %(number)s is cancelled already."),
            arguments={"number": learning_session.number},
        )
    if learning_session.status in (SessionStatus.held, SessionStatus.followed_up):
        raise ConflictError(
            N_("Session %(number)s has been held; it cannot be cancelled."),
            arguments={"number": learning_session.number},
        )
    learning_session.cancelled_at = utcnow()
    learning_session.calendar_sequence += 1
    learning_session.updated_at = utcnow()
    db.add(learning_session)
    db.flush()
    return announcements.cancelled(db=db, learning_session=learning_session)


def delete_session(*, db: Session, learning_session: LearningSession) -> None:
    """Only a session that is still planned and holds no reflections can be deleted."""
    if learning_session.status != SessionStatus.planned:
        raise ConflictError(
            N_("Session %(number)s is %(status)s; only planned sessions can be deleted."),
            arguments={
                "number": learning_session.number,
                "status": learning_session.status.replace("_", " "),
            },
        )
    for model in (Factsheet, Reflection):
        if db.exec(
            select(model.id).where(model.session_id == learning_session.id).limit(1)
        ).first():
            raise ConflictError(
                N_("Session %(number)s has factsheets or reflections; it cannot be deleted."),
                arguments={"number": learning_session.number},
            )
    db.delete(learning_session)
    db.flush()


def _refuse_duplicate_number(*, db: Session, community_id: int, number: int) -> None:
    clash = db.exec(
        select(LearningSession.id).where(
            LearningSession.community_id == community_id, LearningSession.number == number
        )
    ).first()
    if clash is not None:
        raise ConflictError(
            N_("There is a session number %(number)s already."), arguments={"number": number}
        )


def _check_chair(*, db: Session, community_id: int, chair_id: int | None) -> None:
    if chair_id is None:
        return
    chair = db.get(Person, chair_id)
    if chair is None or chair.community_id != community_id:
        raise InvalidInputError(
            N_("The chair must be a person of this learning community."),
            [FieldProblem("chair_id", f"there is no person with id {chair_id}")],
        )


def next_free_number(*, db: Session, community_id: int) -> int:
    highest = db.exec(
        select(func.max(LearningSession.number)).where(LearningSession.community_id == community_id)
    ).one()
    return (highest or 0) + 1
