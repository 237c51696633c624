"""A session's status workflow, planned → prepared → held → followed up, and the rule for
"prepared": every initiative's roles and a family representative invited and every
factsheet published, or a stated reason (recorded in the audit log)."""

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from sqlalchemy import String, and_, cast, func, literal, null, or_, true, union_all
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from app.audit import service as audit_service
from app.auth.principal import Principal
from app.db import utcnow
from app.errors import ConflictError
from app.factsheets.models import Factsheet
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.composition import SessionComposition, session_composition
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Membership
from app.vocabulary import (
    INITIATIVE_SESSION_ROLES,
    AuditAction,
    FactsheetStatus,
    InitiativeStatus,
    Role,
    SessionStatus,
)

WORKFLOW = list(SessionStatus)  # planned → prepared → held → followed_up


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
        audit_service.record(
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


def _describe(shortfall: Shortfall) -> str:
    if shortfall.kind == "family_representative":
        return "no family representative invited"
    if shortfall.kind == "role" and shortfall.role is not None:
        return f"{shortfall.initiative_name}: no {shortfall.role.replace('_', ' ')} invited"
    return f"{shortfall.initiative_name}: factsheet not published"
