from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from sqlalchemy import (
    String,
    and_,
    case,
    cast,
    func,
    literal,
    null,
    or_,
    true,
    union_all,
    update,
)
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from app.auth import audit
from app.auth.principal import Principal
from app.db import fetch_page, utcnow
from app.errors import ConflictError, FieldProblem, InvalidInputError, NotFoundError
from app.factsheets.models import Factsheet
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.composition import SessionComposition, session_composition
from app.learning_sessions.models import Attendance, LearningSession
from app.learning_sessions.schemas import LearningSessionCreate, LearningSessionUpdate
from app.people.models import Membership, Person
from app.reflections.models import Reflection
from app.versioning import check_version
from app.vocabulary import (
    INITIATIVE_SESSION_ROLES,
    AuditAction,
    FactsheetStatus,
    InitiativeStatus,
    Role,
    SessionStatus,
)

WORKFLOW = list(SessionStatus)  # planned → prepared → held → followed_up


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
    for field, value in changes.items():
        if value is not None or field in {"chair_id", "reflection_deadline"}:
            setattr(learning_session, field, value)
    learning_session.updated_at = utcnow()
    if status is not None:
        change_status(
            db=db,
            learning_session=learning_session,
            status=status,
            actor=actor,
            override_reason=data.reason or "",
        )
    db.flush()
    return learning_session


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


def _check_transition(current: SessionStatus, new: SessionStatus) -> None:
    # One step forward, or one back to correct a mistake.
    if abs(WORKFLOW.index(new) - WORKFLOW.index(current)) > 1:
        raise ConflictError(
            N_(
                "A session moves one step at a time (planned, prepared, held, followed up); "
                "it cannot go from %(current)s to %(new)s."
            ),
            arguments={"current": current.replace("_", " "), "new": new.replace("_", " ")},
        )


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


# -- scheduling, invitations, status and attendance (the session pages) -------------------------


def next_free_number(*, db: Session, community_id: int) -> int:
    highest = db.exec(
        select(func.max(LearningSession.number)).where(LearningSession.community_id == community_id)
    ).one()
    return (highest or 0) + 1


def invite(*, db: Session, learning_session: LearningSession, person_ids: Iterable[int]) -> int:
    """Invite people of the session's community; existing invitations are kept as they are.

    Returns how many people were newly invited.
    """
    wanted = set(person_ids)
    if not wanted:
        return 0
    known = set(
        db.exec(
            select(Person.id).where(
                col(Person.id).in_(wanted), Person.community_id == learning_session.community_id
            )
        ).all()
    )
    if unknown := wanted - known:
        raise InvalidInputError(
            N_("Only people of this learning community can be invited."),
            [FieldProblem("person_id", f"there is no person with id {min(unknown)}")],
        )
    already = set(
        db.exec(
            select(Attendance.person_id).where(
                Attendance.session_id == learning_session.id,
                col(Attendance.person_id).in_(wanted),
            )
        ).all()
    )
    new = sorted(wanted - already)
    assert learning_session.id is not None
    db.add_all(Attendance(session_id=learning_session.id, person_id=pid) for pid in new)
    db.flush()
    return len(new)


def members_with_role(
    *, db: Session, community_id: int, role: Role, initiative_id: int | None = None
) -> list[int]:
    """People holding ``role``: in one initiative, or anywhere in the community when None."""
    query = select(Membership.person_id).where(
        Membership.community_id == community_id, Membership.role == role
    )
    if initiative_id is not None:
        query = query.where(Membership.initiative_id == initiative_id)
    return sorted(set(db.exec(query).all()))


@dataclass(frozen=True)
class Shortfall:
    """One thing that keeps a session from being prepared."""

    kind: str  # "role", "family_representative" or "factsheet"
    initiative_name: str = ""
    role: Role | None = None
    factsheet_status: FactsheetStatus | None = None


@dataclass
class PreparationIncompleteError(ConflictError):
    shortfalls: list[Shortfall] = dataclass_field(default_factory=list)


def factsheet_status_by_initiative(
    *, db: Session, learning_session: LearningSession
) -> dict[int, FactsheetStatus]:
    """The latest factsheet version's status per initiative, in one query."""
    rows = db.exec(
        select(Factsheet.initiative_id, Factsheet.version_number, Factsheet.status)
        .where(Factsheet.session_id == learning_session.id)
        .order_by(col(Factsheet.version_number))
    ).all()
    return {initiative_id: FactsheetStatus(status) for initiative_id, _, status in rows}


def shortfalls(
    *,
    composition: SessionComposition,
    factsheet_statuses: dict[int, FactsheetStatus],
) -> list[Shortfall]:
    found: list[Shortfall] = []
    if not composition.family_representative.invited:
        found.append(Shortfall(kind="family_representative"))
    for entry in composition.initiatives:
        found.extend(
            Shortfall(kind="role", initiative_name=entry.initiative.name, role=role)
            for role in entry.missing_roles
        )
        status = factsheet_statuses.get(entry.initiative.id or 0)
        if status != FactsheetStatus.published:
            found.append(
                Shortfall(
                    kind="factsheet",
                    initiative_name=entry.initiative.name,
                    factsheet_status=status,
                )
            )
    return found


def shortfall_summary(
    *, db: Session, learning_session: LearningSession, family_invited: bool, limit: int
) -> tuple[int, list[Shortfall]]:
    """How many shortfalls there are and the first ``limit`` of them, in the order of
    ``shortfalls``; two queries whatever the number of initiatives."""
    active = and_(
        col(Initiative.community_id) == learning_session.community_id,
        col(Initiative.status) == InitiativeStatus.active,
    )
    no_text = cast(null(), String)
    # The invited (initiative, role) pairs, collected once; each initiative × role is then
    # compared with them instead of scanning the invitations per initiative and role.
    invited_pairs = (
        select(Membership.initiative_id, Membership.role)
        .join(Attendance, col(Attendance.person_id) == Membership.person_id)
        .where(
            Attendance.session_id == learning_session.id,
            col(Attendance.invited).is_(True),
            col(Membership.initiative_id).is_not(None),
        )
        .group_by(col(Membership.initiative_id), col(Membership.role))
        .subquery()
    )
    roles = union_all(
        *(
            sql_select(
                literal(position).label("position"),
                cast(literal(role.value), String).label("role"),
            )
            for position, role in enumerate(INITIATIVE_SESSION_ROLES)
        )
    ).subquery()
    gaps: list[Any] = [
        sql_select(
            col(Initiative.id).label("initiative_id"),
            col(Initiative.name).label("name"),
            roles.c.position,
            roles.c.role,
            no_text.label("status"),
        )
        .select_from(Initiative)
        .join(roles, true())
        .outerjoin(
            invited_pairs,
            and_(
                invited_pairs.c.initiative_id == Initiative.id,
                invited_pairs.c.role == roles.c.role,
            ),
        )
        .where(active, invited_pairs.c.initiative_id.is_(None))
    ]
    latest = (
        select(Factsheet.initiative_id, func.max(Factsheet.version_number).label("version"))
        .where(Factsheet.session_id == learning_session.id)
        .group_by(col(Factsheet.initiative_id))
        .subquery()
    )
    gaps.append(
        sql_select(
            col(Initiative.id).label("initiative_id"),
            col(Initiative.name).label("name"),
            literal(len(INITIATIVE_SESSION_ROLES)).label("position"),
            no_text.label("role"),
            cast(Factsheet.status, String).label("status"),
        )
        .outerjoin(latest, latest.c.initiative_id == Initiative.id)
        .outerjoin(
            Factsheet,
            and_(
                col(Factsheet.initiative_id) == Initiative.id,
                col(Factsheet.session_id) == learning_session.id,
                col(Factsheet.version_number) == latest.c.version,
            ),
        )
        .where(
            active,
            or_(col(Factsheet.id).is_(None), col(Factsheet.status) != FactsheetStatus.published),
        )
    )
    every = union_all(*gaps).subquery()
    total = db.exec(select(func.count()).select_from(every)).one()
    found: list[Shortfall] = [] if family_invited else [Shortfall(kind="family_representative")]
    rows = db.exec(
        select(every.c.name, every.c.role, every.c.status)
        .order_by(every.c.name, every.c.initiative_id, every.c.position)
        .limit(max(limit - len(found), 0))
    ).all()
    for name, role, status in rows:
        if role is not None:
            found.append(Shortfall(kind="role", initiative_name=name, role=Role(role)))
        else:
            found.append(
                Shortfall(
                    kind="factsheet",
                    initiative_name=name,
                    factsheet_status=FactsheetStatus(status) if status else None,
                )
            )
    return int(total) + (0 if family_invited else 1), found


def preparation_shortfalls(*, db: Session, learning_session: LearningSession) -> list[Shortfall]:
    return shortfalls(
        composition=session_composition(db=db, learning_session=learning_session),
        factsheet_statuses=factsheet_status_by_initiative(db=db, learning_session=learning_session),
    )


def prepare(
    *,
    db: Session,
    learning_session: LearningSession,
    actor: Principal,
    override_reason: str = "",
) -> LearningSession:
    """Planned → prepared: composition complete and factsheets published, or a stated reason."""
    _check_transition(learning_session.status, SessionStatus.prepared)
    missing = preparation_shortfalls(db=db, learning_session=learning_session)
    reason = override_reason.strip()
    if missing and not reason:
        raise PreparationIncompleteError(
            N_(
                "Session %(number)s cannot be prepared yet: %(shortfalls)s. "
                "Give a reason to prepare it anyway."
            ),
            shortfalls=missing,
            arguments={
                "number": learning_session.number,
                "shortfalls": "; ".join(_describe(s) for s in missing),
            },
        )
    learning_session.prepared_override_reason = reason if missing else None
    learning_session.status = SessionStatus.prepared
    learning_session.updated_at = utcnow()
    db.flush()
    if missing:
        audit.record(
            db=db,
            action=AuditAction.session_prepared_with_override,
            actor=actor,
            subject=f"session {learning_session.number} prepared with override",
            detail=reason,
        )
    return learning_session


def change_status(
    *,
    db: Session,
    learning_session: LearningSession,
    status: SessionStatus,
    actor: Principal,
    override_reason: str = "",
) -> LearningSession:
    """One step forward or back; forward to prepared goes through ``prepare``."""
    if status == learning_session.status:
        return learning_session
    if status == SessionStatus.prepared and learning_session.status == SessionStatus.planned:
        return prepare(
            db=db,
            learning_session=learning_session,
            actor=actor,
            override_reason=override_reason,
        )
    _check_transition(learning_session.status, status)
    learning_session.status = status
    learning_session.updated_at = utcnow()
    db.flush()
    return learning_session


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


def record_attendance(
    *,
    db: Session,
    learning_session: LearningSession,
    attended_person_ids: Iterable[int],
    shown_person_ids: Iterable[int] | None = None,
) -> None:
    """Every invited person is marked attended or absent: one UPDATE per state.

    With ``shown_person_ids`` (one page of the form) only those people are recorded."""
    if not attendance_open(learning_session=learning_session):
        raise ConflictError(
            N_("Session %(number)s has not taken place yet; attendance is recorded afterwards."),
            arguments={"number": learning_session.number},
        )
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
    db.flush()


def _describe(shortfall: Shortfall) -> str:
    if shortfall.kind == "family_representative":
        return "no family representative invited"
    if shortfall.kind == "role" and shortfall.role is not None:
        return f"{shortfall.initiative_name}: no {shortfall.role.replace('_', ' ')} invited"
    return f"{shortfall.initiative_name}: factsheet not published"
