from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.db import utcnow
from app.errors import ConflictError, FieldProblem, InvalidInputError, NotFoundError
from app.factsheets.models import Factsheet
from app.learning_sessions.models import Attendance, LearningSession
from app.learning_sessions.schemas import LearningSessionCreate, LearningSessionUpdate
from app.people.models import Person
from app.reflections.models import Reflection
from app.versioning import check_version
from app.vocabulary import SessionStatus

WORKFLOW = list(SessionStatus)  # planned → prepared → held → followed_up


def list_sessions(
    *, session: Session, community_id: int, offset: int = 0, limit: int = 100
) -> tuple[Sequence[LearningSession], int]:
    where = LearningSession.community_id == community_id
    total = session.exec(select(func.count()).select_from(LearningSession).where(where)).one()
    sessions = session.exec(
        select(LearningSession)
        .where(where)
        .order_by(col(LearningSession.number))
        .offset(offset)
        .limit(limit)
    ).all()
    return sessions, total


def get_session(*, session: Session, session_id: int) -> LearningSession:
    learning_session = session.get(LearningSession, session_id)
    if learning_session is None:
        raise NotFoundError(f"There is no learning session with id {session_id}.")
    return learning_session


def create_session(
    *, session: Session, community_id: int, data: LearningSessionCreate
) -> LearningSession:
    _refuse_duplicate_number(session=session, community_id=community_id, number=data.number)
    _check_chair(session=session, community_id=community_id, chair_id=data.chair_id)
    learning_session = LearningSession(community_id=community_id, **data.model_dump())
    session.add(learning_session)
    session.flush()
    return learning_session


def update_session(
    *, session: Session, learning_session: LearningSession, data: LearningSessionUpdate
) -> LearningSession:
    check_version(learning_session, data.version, "learning session")
    changes = data.model_dump(exclude_unset=True, exclude={"version"})
    if "number" in changes and changes["number"] != learning_session.number:
        _refuse_duplicate_number(
            session=session, community_id=learning_session.community_id, number=changes["number"]
        )
    if "chair_id" in changes:
        _check_chair(
            session=session,
            community_id=learning_session.community_id,
            chair_id=changes["chair_id"],
        )
    if changes.get("status") is not None:
        _check_transition(learning_session.status, changes["status"])
    for field, value in changes.items():
        if value is not None or field in {"chair_id", "reflection_deadline"}:
            setattr(learning_session, field, value)
    learning_session.updated_at = utcnow()
    session.flush()
    return learning_session


def delete_session(*, session: Session, learning_session: LearningSession) -> None:
    """Only a session that is still planned and holds no reflections can be deleted."""
    if learning_session.status != SessionStatus.planned:
        raise ConflictError(
            f"Session {learning_session.number} is {learning_session.status.replace('_', ' ')}; "
            "only planned sessions can be deleted."
        )
    for model in (Factsheet, Reflection):
        if session.exec(
            select(model.id).where(model.session_id == learning_session.id).limit(1)
        ).first():
            raise ConflictError(
                f"Session {learning_session.number} has factsheets or reflections; "
                "it cannot be deleted."
            )
    session.delete(learning_session)
    session.flush()


def _check_transition(current: SessionStatus, new: SessionStatus) -> None:
    # One step forward, or one back to correct a mistake.
    if abs(WORKFLOW.index(new) - WORKFLOW.index(current)) > 1:
        raise ConflictError(
            f"A session moves one step at a time (planned, prepared, held, followed up); "
            f"it cannot go from {current.replace('_', ' ')} to {new.replace('_', ' ')}."
        )


def _refuse_duplicate_number(*, session: Session, community_id: int, number: int) -> None:
    clash = session.exec(
        select(LearningSession.id).where(
            LearningSession.community_id == community_id, LearningSession.number == number
        )
    ).first()
    if clash is not None:
        raise ConflictError(f"There is a session number {number} already.")


def _check_chair(*, session: Session, community_id: int, chair_id: int | None) -> None:
    if chair_id is None:
        return
    chair = session.get(Person, chair_id)
    if chair is None or chair.community_id != community_id:
        raise InvalidInputError(
            "The chair must be a person of this learning community.",
            [FieldProblem("chair_id", f"there is no person with id {chair_id}")],
        )


def attendances(*, session: Session, session_id: int) -> Sequence[tuple[Attendance, Person]]:
    return session.exec(
        select(Attendance, Person)
        .join(Person, col(Person.id) == Attendance.person_id)
        .where(Attendance.session_id == session_id)
        .order_by(col(Person.name))
    ).all()
