"""Who was invited to a session and who came (and in which group): the lists, the counts,
and recording them.

Attendance is recorded once a session has taken place (``attendance_open``)."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func, or_, update
from sqlmodel import Session, col, select

from app.db import utcnow
from app.errors import ConflictError, FieldProblem, InvalidInputError
from app.labels import N_
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Person
from app.vocabulary import SessionStatus


def attendances(
    *,
    db: Session,
    session_id: int,
    offset: int = 0,
    limit: int | None = None,
    query: str = "",
) -> Sequence[tuple[Attendance, Person]]:
    """The session's invited people by name: a page of them, optionally found by name."""
    statement = (
        select(Attendance, Person)
        .join(Person, col(Person.id) == Attendance.person_id)
        .where(Attendance.session_id == session_id)
        .order_by(col(Person.name), col(Person.id))
        .offset(offset)
        .limit(limit)
    )
    rows: Sequence[tuple[Attendance, Person]] = db.exec(_matching(statement, query)).all()
    return rows


@dataclass(frozen=True)
class AttendanceCounts:
    invited: int
    attended: int
    absent: int


def attendance_counts(*, db: Session, session_id: int, query: str = "") -> AttendanceCounts:
    """Invited, attended and absent, counted in SQL (those matching ``query`` when given)."""
    statement = (
        select(
            func.count(),
            func.coalesce(func.sum(case((col(Attendance.attended).is_(True), 1), else_=0)), 0),
            func.coalesce(func.sum(case((col(Attendance.attended).is_(False), 1), else_=0)), 0),
        )
        .select_from(Attendance)
        .where(Attendance.session_id == session_id)
    )
    if query.strip():
        statement = statement.join(Person, col(Person.id) == Attendance.person_id)
    invited, attended, absent = db.exec(_matching(statement, query)).one()
    return AttendanceCounts(invited=int(invited), attended=int(attended), absent=int(absent))


def _matching(statement: Any, query: str) -> Any:
    words = query.strip().lower()[:100]
    if not words:
        return statement
    return statement.where(
        or_(
            func.lower(Person.name).contains(words, autoescape=True),
            func.lower(Person.organisation).contains(words, autoescape=True),
        )
    )


def attendance_open(*, learning_session: LearningSession) -> bool:
    """Attendance is recorded once a session is held, or its start lies in the past."""
    return (
        learning_session.status
        in (
            SessionStatus.held,
            SessionStatus.followed_up,
        )
        or learning_session.starts_at <= utcnow()
    )


def refuse_before_session(*, learning_session: LearningSession) -> None:
    """The attendance form is there once the session has taken place."""
    if not attendance_open(learning_session=learning_session):
        raise ConflictError(
            N_("Attendance is recorded once the session has taken place or is marked as held.")
        )


MAX_GROUP_NAME = 100
GROUP_TOO_LONG = N_("Keep a group's name under 100 characters.")


def group_field(person_id: int) -> str:
    return f"group-{person_id}"


def session_groups(*, db: Session, session_id: int) -> list[str]:
    """The names of the session's groups so far, to offer while typing."""
    return list(
        db.exec(
            select(Attendance.group_name)
            .where(Attendance.session_id == session_id, Attendance.group_name != "")
            .distinct()
            .order_by(col(Attendance.group_name))
        ).all()
    )


def record_attendance(
    *,
    db: Session,
    learning_session: LearningSession,
    attended_person_ids: Iterable[int],
    shown_person_ids: Iterable[int] | None = None,
    groups: Mapping[int, str] | None = None,
) -> None:
    """Every invited person is marked attended or absent: one UPDATE per state; and each
    person in ``groups`` gets that group (one UPDATE per group name).

    With ``shown_person_ids`` (one page of the form) only those people are recorded."""
    if not attendance_open(learning_session=learning_session):
        raise ConflictError(
            N_("Session %(number)s has not taken place yet; attendance is recorded afterwards."),
            arguments={"number": learning_session.number},
        )
    groups = groups or {}
    too_long = [
        FieldProblem(group_field(person_id), GROUP_TOO_LONG)
        for person_id, name in groups.items()
        if len(name) > MAX_GROUP_NAME
    ]
    if too_long:
        raise InvalidInputError(GROUP_TOO_LONG, too_long)
    present = sorted(set(attended_person_ids))
    this_session = col(Attendance.session_id) == learning_session.id
    if shown_person_ids is not None:
        shown = sorted(set(shown_person_ids))
        present = [person_id for person_id in present if person_id in set(shown)]
        this_session = and_(this_session, col(Attendance.person_id).in_(shown))
    now = utcnow()
    db.execute(
        update(Attendance)
        .where(this_session, col(Attendance.person_id).in_(present))
        .values(attended=True, updated_at=now)
    )
    db.execute(
        update(Attendance)
        .where(this_session, col(Attendance.person_id).not_in(present))
        .values(attended=False, updated_at=now)
    )
    by_name: dict[str, list[int]] = {}
    for person_id, name in groups.items():
        by_name.setdefault(name, []).append(person_id)
    for name, person_ids in sorted(by_name.items()):
        db.execute(
            update(Attendance)
            .where(
                col(Attendance.session_id) == learning_session.id,
                col(Attendance.person_id).in_(sorted(person_ids)),
            )
            .values(group_name=name, updated_at=now)
        )
    db.flush()
