"""Who represents each initiative in a session, against the study's composition rule.

Rule: every initiative sends at least a practitioner, a policymaker and a manager, and a
family representative takes part in every session.
"""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, distinct, func, or_
from sqlmodel import Session, col, select

from app.initiatives.models import Initiative
from app.learning_sessions.models import Attendance, LearningSession
from app.people import service as people_service
from app.people.models import Membership, Person
from app.vocabulary import (
    INITIATIVE_SESSION_ROLES,
    SESSION_COMPOSITION_ROLES,
    InitiativeStatus,
    Role,
)

SEARCH_LIMIT = people_service.SEARCH_LIMIT


@dataclass(frozen=True)
class Presence:
    invited: bool = False
    attended: bool = False


@dataclass(frozen=True)
class InitiativeComposition:
    initiative: Initiative
    roles: dict[Role, Presence]

    @property
    def missing_roles(self) -> list[Role]:
        """Required roles nobody has been invited for yet."""
        return [role for role, presence in self.roles.items() if not presence.invited]


@dataclass(frozen=True)
class SessionComposition:
    initiatives: list[InitiativeComposition]
    family_representative: Presence

    @property
    def complete(self) -> bool:
        return self.family_representative.invited and not any(
            entry.missing_roles for entry in self.initiatives
        )


def _by_initiative(
    initiatives: Sequence[Initiative], presence: dict[tuple[int | None, Role], Presence]
) -> list[InitiativeComposition]:
    """Each initiative with who of its session roles is invited or attended."""
    return [
        InitiativeComposition(
            initiative=initiative,
            roles={
                role: presence.get((initiative.id, role), Presence())
                for role in INITIATIVE_SESSION_ROLES
            },
        )
        for initiative in initiatives
    ]


def _presence(
    rows: Sequence[tuple[int | None, str, bool, bool | None]],
) -> dict[tuple[int | None, Role], Presence]:
    presence: dict[tuple[int | None, Role], Presence] = {}
    for initiative_id, role, invited, attended in rows:
        key = (None if role == Role.family_representative else initiative_id, Role(role))
        before = presence.get(key, Presence())
        presence[key] = Presence(
            invited=before.invited or invited, attended=before.attended or attended is True
        )
    return presence


def session_composition(*, db: Session, learning_session: LearningSession) -> SessionComposition:
    """Two queries whatever the number of initiatives or people."""
    initiatives: Sequence[Initiative] = db.exec(
        select(Initiative)
        .where(
            Initiative.community_id == learning_session.community_id,
            Initiative.status == InitiativeStatus.active,
        )
        .order_by(col(Initiative.name))
    ).all()
    rows = db.exec(
        select(Membership.initiative_id, Membership.role, Attendance.invited, Attendance.attended)
        .join(Membership, col(Membership.person_id) == Attendance.person_id)
        .where(
            Attendance.session_id == learning_session.id,
            col(Membership.role).in_(SESSION_COMPOSITION_ROLES),
        )
    ).all()

    presence = _presence(rows)
    return SessionComposition(
        initiatives=_by_initiative(initiatives, presence),
        family_representative=presence.get((None, Role.family_representative), Presence()),
    )


def composition_gaps(*, db: Session, learning_session: LearningSession) -> int:
    """How many gaps the composition has: active initiatives with a required role nobody has
    been invited for, plus one when no family representative is invited. One query."""
    filled = _filled_roles(learning_session)
    incomplete = (
        select(func.count())
        .select_from(Initiative)
        .outerjoin(filled, filled.c.initiative_id == Initiative.id)
        .where(
            col(Initiative.community_id) == learning_session.community_id,
            col(Initiative.status) == InitiativeStatus.active,
            func.coalesce(filled.c.filled, 0) < len(INITIATIVE_SESSION_ROLES),
        )
        .scalar_subquery()
    )
    family_invited = (
        select(Attendance.person_id)
        .join(Membership, col(Membership.person_id) == Attendance.person_id)
        .where(
            Attendance.session_id == learning_session.id,
            col(Attendance.invited).is_(True),
            col(Membership.role) == Role.family_representative,
        )
        .exists()
    )
    count, invited = db.exec(select(incomplete, family_invited)).one()
    return int(count) + (0 if invited else 1)


@dataclass(frozen=True)
class CompositionPage:
    """One page of the composition table, incomplete initiatives first, with the counts."""

    initiatives: list[InitiativeComposition]
    family_representative: Presence
    total: int  # active initiatives shown by the filter
    active: int  # all active initiatives
    incomplete: int  # active initiatives with a required role nobody has been invited for


def _filled_roles(learning_session: LearningSession) -> Any:
    """Per initiative: how many of the required roles someone has been invited for."""
    return (
        select(
            col(Membership.initiative_id).label("initiative_id"),
            func.count(distinct(col(Membership.role))).label("filled"),
        )
        .join(Attendance, col(Attendance.person_id) == Membership.person_id)
        .where(
            Attendance.session_id == learning_session.id,
            col(Attendance.invited).is_(True),
            col(Membership.role).in_(INITIATIVE_SESSION_ROLES),
        )
        .group_by(col(Membership.initiative_id))
        .subquery()
    )


def composition_page(
    *,
    db: Session,
    learning_session: LearningSession,
    offset: int,
    limit: int,
    only_incomplete: bool = False,
) -> CompositionPage:
    """Two queries whatever the number of initiatives: the page with the counts, its presence.

    Incomplete initiatives come first, so the page of only those is the same page of all of
    them without its complete ones; the invitations are then aggregated once, not twice."""
    filled = _filled_roles(learning_session)
    missing = func.coalesce(filled.c.filled, 0) < len(INITIATIVE_SESSION_ROLES)
    is_missing = case((missing, 1), else_=0)
    active = and_(
        col(Initiative.community_id) == learning_session.community_id,
        col(Initiative.status) == InitiativeStatus.active,
    )
    rows_with_counts = db.exec(
        select(Initiative, is_missing, func.count().over(), func.sum(is_missing).over())
        .outerjoin(filled, filled.c.initiative_id == Initiative.id)
        .where(active)
        .order_by(is_missing.desc(), col(Initiative.name), col(Initiative.id))
        .offset(offset)
        .limit(limit)
    ).all()
    if rows_with_counts:
        active_count, incomplete = int(rows_with_counts[0][2]), int(rows_with_counts[0][3])
    else:  # a page past the end
        counts = db.exec(
            select(func.count(), func.coalesce(func.sum(is_missing), 0))
            .select_from(Initiative)
            .outerjoin(filled, filled.c.initiative_id == Initiative.id)
            .where(active)
        ).one()
        active_count, incomplete = int(counts[0]), int(counts[1])
    initiatives: list[Initiative] = [
        initiative for initiative, lacks, _, _ in rows_with_counts if lacks or not only_incomplete
    ]
    page_ids = [initiative.id for initiative in initiatives]
    rows = db.exec(
        select(Membership.initiative_id, Membership.role, Attendance.invited, Attendance.attended)
        .join(Membership, col(Membership.person_id) == Attendance.person_id)
        .where(
            Attendance.session_id == learning_session.id,
            or_(
                and_(
                    col(Membership.initiative_id).in_(page_ids),
                    col(Membership.role).in_(INITIATIVE_SESSION_ROLES),
                ),
                col(Membership.role) == Role.family_representative,
            ),
        )
    ).all()
    presence = _presence(rows)
    return CompositionPage(
        initiatives=_by_initiative(initiatives, presence),
        family_representative=presence.get((None, Role.family_representative), Presence()),
        total=incomplete if only_incomplete else active_count,
        active=active_count,
        incomplete=incomplete,
    )


@dataclass(frozen=True)
class InviteOptions:
    """Whom the facilitator can invite from the page: per shown initiative and role, a few
    family representatives, and the people found by a search."""

    by_cell: dict[tuple[int, Role], list[Person]]
    family_representatives: list[Person]
    more_family_representatives: bool
    people: list[Person]

    def for_cell(self, initiative_id: int, role: Role) -> list[Person]:
        return self.by_cell.get((initiative_id, role), [])


def chair_options(*, db: Session, community_id: int) -> list[Person]:
    """The community's chairs, for the schedule form."""
    return list(
        db.exec(
            select(Person)
            .join(Membership, col(Membership.person_id) == Person.id)
            .where(Membership.community_id == community_id, Membership.role == Role.chair)
            .order_by(col(Person.name), col(Person.id))
            .distinct()
        ).all()
    )


def invite_options(
    *,
    db: Session,
    community_id: int,
    initiative_ids: Collection[int],
    person_query: str = "",
) -> InviteOptions:
    """Three queries whatever the number of initiatives or people."""
    # Only the initiative ids in SQL: with a role or community condition as well, SQLite
    # walks every such membership of the community instead of the page's initiatives'.
    rows = db.exec(
        select(Membership.initiative_id, Membership.role, Person)
        .join(Person, col(Person.id) == Membership.person_id)
        .where(col(Membership.initiative_id).in_(list(initiative_ids)))
        .order_by(col(Person.name), col(Person.id))
    ).all()
    by_cell: dict[tuple[int, Role], list[Person]] = {}
    for initiative_id, role, person in rows:
        if (
            initiative_id is not None
            and role in INITIATIVE_SESSION_ROLES
            and person.community_id == community_id
        ):
            by_cell.setdefault((initiative_id, Role(role)), []).append(person)
    family = people_service.find_people(
        db=db,
        community_id=community_id,
        query="",
        limit=SEARCH_LIMIT + 1,
        role=Role.family_representative,
    )
    return InviteOptions(
        by_cell=by_cell,
        family_representatives=family[:SEARCH_LIMIT],
        more_family_representatives=len(family) > SEARCH_LIMIT,
        people=people_service.find_people(db=db, community_id=community_id, query=person_query)
        if person_query.strip()
        else [],
    )
