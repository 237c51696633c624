"""Continuity of participants: who was invited to and attended which session.

The study asks for the same people session after session, so the grid marks a person's
first attendance as "new" and a representative who was there last time but not now as "left".
This module builds the grid from plain records; ``continuity_queries`` reads a page of them
(people and per-initiative shares, counted with GROUP BY) in six queries whatever the size.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.vocabulary import Role, SessionStatus

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
