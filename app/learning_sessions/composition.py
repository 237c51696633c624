"""Who represents each initiative in a session, against the study's composition rule.

Rule: every initiative sends at least a practitioner, a policymaker and a manager, and a
family representative takes part in every session.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from app.initiatives.models import Initiative
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Membership, Person
from app.vocabulary import INITIATIVE_SESSION_ROLES, InitiativeStatus, Role


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


def session_composition(
    *, session: Session, learning_session: LearningSession
) -> SessionComposition:
    """Two queries whatever the number of initiatives or people."""
    initiatives: Sequence[Initiative] = session.exec(
        select(Initiative)
        .where(
            Initiative.community_id == learning_session.community_id,
            Initiative.status == InitiativeStatus.active,
        )
        .order_by(col(Initiative.name))
    ).all()
    rows = session.exec(
        select(Membership.initiative_id, Membership.role, Attendance.invited, Attendance.attended)
        .join(Membership, col(Membership.person_id) == Attendance.person_id)
        .where(
            Attendance.session_id == learning_session.id,
            col(Membership.role).in_([*INITIATIVE_SESSION_ROLES, Role.family_representative]),
        )
    ).all()

    presence: dict[tuple[int | None, Role], Presence] = {}
    for initiative_id, role, invited, attended in rows:
        key = (None if role == Role.family_representative else initiative_id, Role(role))
        before = presence.get(key, Presence())
        presence[key] = Presence(
            invited=before.invited or invited, attended=before.attended or attended is True
        )
    return SessionComposition(
        initiatives=[
            InitiativeComposition(
                initiative=initiative,
                roles={
                    role: presence.get((initiative.id, role), Presence())
                    for role in INITIATIVE_SESSION_ROLES
                },
            )
            for initiative in initiatives
        ],
        family_representative=presence.get((None, Role.family_representative), Presence()),
    )


@dataclass(frozen=True)
class InviteOptions:
    """Whom the facilitator can invite: per initiative and role, family representatives, all."""

    by_cell: dict[tuple[int, Role], list[Person]]
    family_representatives: list[Person]
    chairs: list[Person]
    people: list[Person]

    def for_cell(self, initiative_id: int, role: Role) -> list[Person]:
        return self.by_cell.get((initiative_id, role), [])


def invite_options(*, session: Session, community_id: int) -> InviteOptions:
    """Two queries whatever the number of initiatives or people."""
    rows = session.exec(
        select(Membership.initiative_id, Membership.role, Person)
        .join(Person, col(Person.id) == Membership.person_id)
        .where(
            Membership.community_id == community_id,
            col(Membership.role).in_(
                [*INITIATIVE_SESSION_ROLES, Role.family_representative, Role.chair]
            ),
        )
        .order_by(col(Person.name), col(Person.id))
    ).all()
    by_cell: dict[tuple[int, Role], list[Person]] = {}
    family: dict[int, Person] = {}
    chairs: dict[int, Person] = {}
    for initiative_id, role, person in rows:
        assert person.id is not None
        if role == Role.family_representative:
            family.setdefault(person.id, person)
        elif role == Role.chair:
            chairs.setdefault(person.id, person)
        elif initiative_id is not None:
            by_cell.setdefault((initiative_id, Role(role)), []).append(person)
    people = session.exec(
        select(Person)
        .where(Person.community_id == community_id)
        .order_by(col(Person.name), col(Person.id))
    ).all()
    return InviteOptions(
        by_cell=by_cell,
        family_representatives=list(family.values()),
        chairs=list(chairs.values()),
        people=list(people),
    )
