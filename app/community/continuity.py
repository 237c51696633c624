"""Continuity of participants: who was invited to and attended which session.

The study asks for the same people session after session, so the grid marks a person's
first attendance as "new" and a representative who was there last time but not now as "left".
A page of people comes from SQL, and so does a page of the per-initiative shares (counted with
GROUP BY): six queries whatever the size of the community.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import pairwise
from typing import Any

from sqlalchemy import and_, case, distinct, func, literal
from sqlalchemy import select as sql_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.initiatives.models import Initiative
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Membership, Person
from app.vocabulary import Role, SessionStatus

PEOPLE_PER_PAGE = 50
SHARES_PER_PAGE = 50
HELD_STATUSES = frozenset({SessionStatus.held, SessionStatus.followed_up})
# Rows per initiative list its representatives in the composition rule's order first.
ROLE_ORDER = {role: position for position, role in enumerate(Role)}


class CellState(StrEnum):
    not_invited = "not_invited"
    invited = "invited"
    attended = "attended"
    absent = "absent"


@dataclass(frozen=True)
class SessionColumn:
    id: int
    number: int
    held: bool


@dataclass(frozen=True)
class MemberRecord:
    """One membership, with the names needed to show it."""

    person_id: int
    person_name: str
    role: Role
    initiative_id: int | None
    initiative_name: str | None


@dataclass(frozen=True)
class AttendanceRecord:
    session_id: int
    person_id: int
    invited: bool
    attended: bool | None


@dataclass(frozen=True)
class Cell:
    state: CellState
    new: bool = False  # the person's first attendance at any session
    left: bool = False  # attended the previous held session, not this one


@dataclass(frozen=True)
class ContinuityRow:
    person_id: int
    person_name: str
    initiative_id: int | None  # None: the person's community roles
    initiative_name: str | None
    roles: tuple[Role, ...]
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Share:
    """Of the initiative's members who attended a session, how many attended the one before."""

    attended: int
    returning: int

    @property
    def percent(self) -> int:
        return round(100 * self.returning / self.attended)


@dataclass(frozen=True)
class InitiativeShares:
    initiative_id: int
    initiative_name: str
    # One entry per session column; None where there is no held session before to compare.
    shares: tuple[Share | None, ...]


@dataclass(frozen=True)
class ContinuityGrid:
    sessions: tuple[SessionColumn, ...]
    rows: tuple[ContinuityRow, ...]
    shares: tuple[InitiativeShares, ...]


@dataclass(frozen=True)
class ContinuityPage:
    """A page of the grid's rows and a page of the shares, with how many there are in all."""

    grid: ContinuityGrid
    row_total: int
    share_total: int


def _cell(
    record: AttendanceRecord | None,
    *,
    column: SessionColumn,
    first_attended: int | None,
    attended_previous: bool,
) -> Cell:
    attended = record is not None and record.attended is True
    if attended:
        state = CellState.attended
    elif record is not None and record.attended is False:
        state = CellState.absent
    elif record is not None and record.invited:
        state = CellState.invited
    else:
        state = CellState.not_invited
    return Cell(
        state=state,
        new=attended and first_attended == column.id,
        left=column.held and attended_previous and not attended,
    )


def build_grid(
    *,
    sessions: Sequence[SessionColumn],
    members: Sequence[MemberRecord],
    attendances: Sequence[AttendanceRecord],
) -> ContinuityGrid:
    """The grid and shares; ``sessions`` in number order."""
    columns = tuple(sorted(sessions, key=lambda column: column.number))
    by_key = {(record.session_id, record.person_id): record for record in attendances}
    attended_by_session: dict[int, set[int]] = {}
    for record in attendances:
        if record.attended is True:
            attended_by_session.setdefault(record.session_id, set()).add(record.person_id)
    held = [column for column in columns if column.held]
    previous_held: dict[int, int | None] = {}
    for position, column in enumerate(held):
        previous_held[column.id] = held[position - 1].id if position else None

    first_attended: dict[int, int] = {}
    for column in columns:
        for person_id in attended_by_session.get(column.id, set()):
            first_attended.setdefault(person_id, column.id)

    # One row per person and group (an initiative, or the community's own roles).
    groups: dict[tuple[int | None, int], list[MemberRecord]] = {}
    for member in members:
        groups.setdefault((member.initiative_id, member.person_id), []).append(member)

    def row_key(records: list[MemberRecord]) -> tuple[int, str, int, str, int]:
        first = records[0]
        return (
            1 if first.initiative_id is None else 0,
            (first.initiative_name or "").casefold(),
            first.initiative_id or 0,
            first.person_name.casefold(),
            first.person_id,
        )

    rows: list[ContinuityRow] = []
    for records in sorted(groups.values(), key=row_key):
        first = records[0]
        person_id = first.person_id
        cells = []
        for column in columns:
            previous = previous_held.get(column.id)
            cells.append(
                _cell(
                    by_key.get((column.id, person_id)),
                    column=column,
                    first_attended=first_attended.get(person_id),
                    attended_previous=previous is not None
                    and person_id in attended_by_session.get(previous, set()),
                )
            )
        rows.append(
            ContinuityRow(
                person_id=person_id,
                person_name=first.person_name,
                initiative_id=first.initiative_id,
                initiative_name=first.initiative_name,
                roles=tuple(sorted({r.role for r in records}, key=ROLE_ORDER.__getitem__)),
                cells=tuple(cells),
            )
        )

    initiative_members: dict[int, set[int]] = {}
    initiative_names: dict[int, str] = {}
    for member in members:
        if member.initiative_id is not None:
            initiative_members.setdefault(member.initiative_id, set()).add(member.person_id)
            initiative_names[member.initiative_id] = member.initiative_name or ""
    shares = []
    for initiative_id in sorted(
        initiative_names, key=lambda i: (initiative_names[i].casefold(), i)
    ):
        people = initiative_members[initiative_id]
        entries: list[Share | None] = []
        for column in columns:
            previous = previous_held.get(column.id) if column.held else None
            present = people & attended_by_session.get(column.id, set())
            if previous is None or not present:
                entries.append(None)
                continue
            returning = present & attended_by_session.get(previous, set())
            entries.append(Share(attended=len(present), returning=len(returning)))
        shares.append(
            InitiativeShares(
                initiative_id=initiative_id,
                initiative_name=initiative_names[initiative_id],
                shares=tuple(entries),
            )
        )
    return ContinuityGrid(sessions=columns, rows=tuple(rows), shares=tuple(shares))


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
