"""The queries of the continuity grid: one page of it in a fixed number of statements."""

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Any

from sqlalchemy import and_, case, distinct, func, literal
from sqlalchemy import select as sql_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.community.continuity import (
    HELD_STATUSES,
    AttendanceRecord,
    ContinuityPage,
    InitiativeShares,
    MemberRecord,
    SessionColumn,
    Share,
    build_grid,
)
from app.initiatives.models import Initiative
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Membership, Person
from app.vocabulary import Role, SessionStatus

PEOPLE_PER_PAGE = 50


SHARES_PER_PAGE = 50


def _columns(*, db: Session, community_id: int) -> list[SessionColumn]:
    rows = db.exec(
        select(LearningSession.id, LearningSession.number, LearningSession.status).where(
            LearningSession.community_id == community_id
        )
    ).all()
    return sorted(
        (
            SessionColumn(id=id_, number=number, held=SessionStatus(status) in HELD_STATUSES)
            for id_, number, status in rows
            if id_ is not None
        ),
        key=lambda column: column.number,
    )


def _page_of(statement: Any, *, db: Session, offset: int, limit: int) -> tuple[list[Any], int]:
    """A page of ``statement``'s rows and the number of all of them (a window count)."""
    rows = db.execute(statement.add_columns(func.count().over()).offset(offset).limit(limit))
    found = [tuple(row) for row in rows]
    if found:
        return [row[:-1] for row in found], int(found[0][-1])
    counted = db.execute(
        sql_select(func.count()).select_from(statement.order_by(None).subquery())
    ).scalar_one()
    return [], int(counted)


def _row_page(
    *, db: Session, community_id: int, offset: int, limit: int
) -> tuple[list[MemberRecord], list[AttendanceRecord], int]:
    """A page of (group, person) rows in the grid's order, their memberships and attendance."""
    groups = (
        sql_select(col(Membership.initiative_id), col(Membership.person_id))
        .join(Person, col(Person.id) == Membership.person_id)
        .outerjoin(Initiative, col(Initiative.id) == Membership.initiative_id)
        .where(col(Membership.community_id) == community_id)
        .group_by(
            col(Membership.initiative_id), col(Membership.person_id), Initiative.name, Person.name
        )
        .order_by(
            case((col(Membership.initiative_id).is_(None), 1), else_=0),
            func.lower(Initiative.name),
            col(Membership.initiative_id),
            func.lower(Person.name),
            col(Membership.person_id),
        )
    )
    page, total = _page_of(groups, db=db, offset=offset, limit=limit)
    shown = {(initiative_id, person_id) for initiative_id, person_id in page}
    person_ids = sorted({person_id for _, person_id in page})
    members = db.exec(
        select(Membership, Person.name, Initiative.name)
        .join(Person, col(Person.id) == Membership.person_id)
        .outerjoin(Initiative, col(Initiative.id) == Membership.initiative_id)
        .where(Membership.community_id == community_id, col(Membership.person_id).in_(person_ids))
    ).all()
    attendances = db.exec(
        select(
            Attendance.session_id,
            Attendance.person_id,
            Attendance.invited,
            Attendance.attended,
        )
        .join(LearningSession, col(LearningSession.id) == Attendance.session_id)
        .where(
            LearningSession.community_id == community_id,
            col(Attendance.person_id).in_(person_ids),
        )
    ).all()
    return (
        [
            MemberRecord(
                person_id=membership.person_id,
                person_name=person_name,
                role=Role(membership.role),
                initiative_id=membership.initiative_id,
                initiative_name=initiative_name,
            )
            for membership, person_name, initiative_name in members
            if (membership.initiative_id, membership.person_id) in shown
        ],
        [
            AttendanceRecord(
                session_id=session_id, person_id=person_id, invited=invited, attended=attended
            )
            for session_id, person_id, invited, attended in attendances
        ],
        total,
    )


def _share_page(
    *,
    db: Session,
    community_id: int,
    columns: Sequence[SessionColumn],
    offset: int,
    limit: int,
) -> tuple[list[InitiativeShares], int]:
    """A page of the initiatives with members, each with its shares counted in SQL."""
    initiatives = (
        sql_select(col(Initiative.id), col(Initiative.name))
        .where(
            col(Initiative.community_id) == community_id,
            col(Initiative.id).in_(
                select(Membership.initiative_id).where(Membership.community_id == community_id)
            ),
        )
        .order_by(func.lower(Initiative.name), col(Initiative.id))
    )
    page, total = _page_of(initiatives, db=db, offset=offset, limit=limit)
    held = [column for column in columns if column.held]
    previous = {later.id: earlier.id for earlier, later in pairwise(held)}
    counts: dict[tuple[int, int], Share] = {}
    if page and previous:
        members = (
            sql_select(col(Membership.initiative_id), col(Membership.person_id))
            .where(col(Membership.initiative_id).in_([initiative_id for initiative_id, _ in page]))
            .distinct()
            .subquery()
        )
        now = aliased(Attendance, name="now")
        before = aliased(Attendance, name="before")
        rows = db.execute(
            sql_select(
                members.c.initiative_id,
                col(now.session_id),
                func.count(distinct(col(now.person_id))),
                func.count(distinct(col(before.person_id))),
            )
            .select_from(members)
            .join(
                now,
                and_(
                    col(now.person_id) == members.c.person_id,
                    col(now.attended).is_(True),
                    col(now.session_id).in_(list(previous)),
                ),
            )
            .outerjoin(
                before,
                and_(
                    col(before.person_id) == col(now.person_id),
                    col(before.attended).is_(True),
                    col(before.session_id)
                    == case(
                        *(
                            (col(now.session_id) == later, literal(earlier))
                            for later, earlier in previous.items()
                        )
                    ),
                ),
            )
            .group_by(members.c.initiative_id, col(now.session_id))
        ).all()
        for initiative_id, session_id, attended, returning in rows:
            counts[(initiative_id, session_id)] = Share(attended=attended, returning=returning)
    return [
        InitiativeShares(
            initiative_id=initiative_id,
            initiative_name=name,
            shares=tuple(counts.get((initiative_id, column.id)) for column in columns),
        )
        for initiative_id, name in page
    ], total


def load_page(
    *,
    db: Session,
    community_id: int,
    page: int = 1,
    shares_page: int = 1,
    per_page: int = PEOPLE_PER_PAGE,
    shares_per_page: int = SHARES_PER_PAGE,
) -> ContinuityPage:
    """A page of the grid's rows and of the shares: six queries whatever the community's size."""
    columns = _columns(db=db, community_id=community_id)
    members, attendances, row_total = _row_page(
        db=db, community_id=community_id, offset=(page - 1) * per_page, limit=per_page
    )
    shares, share_total = _share_page(
        db=db,
        community_id=community_id,
        columns=columns,
        offset=(shares_page - 1) * shares_per_page,
        limit=shares_per_page,
    )
    grid = build_grid(sessions=columns, members=members, attendances=attendances)
    return ContinuityPage(
        grid=replace(grid, shares=tuple(shares)), row_total=row_total, share_total=share_total
    )
