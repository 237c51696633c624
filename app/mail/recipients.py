"""Who a session's emails go to: everyone invited with an email address, one by one."""

from dataclasses import dataclass

from sqlmodel import Session, col, select

from app.i18n import LANGUAGES
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Membership, Person
from app.vocabulary import Role


@dataclass(frozen=True)
class Invitee:
    person: Person
    email: str
    roles: frozenset[Role]
    initiative_ids: tuple[int, ...]

    @property
    def is_family(self) -> bool:
        return Role.family_representative in self.roles

    @property
    def language(self) -> str:
        return self.person.language if self.person.language in LANGUAGES else "nl"


def invitees(*, db: Session, learning_session: LearningSession) -> list[Invitee]:
    """Everyone invited to the session who has an email address, by name (two statements)."""
    people = db.exec(
        select(Person)
        .join(Attendance, col(Attendance.person_id) == Person.id)
        .where(
            Attendance.session_id == learning_session.id,
            col(Attendance.invited).is_(True),
            col(Person.email).is_not(None),
            Person.email != "",
        )
        .order_by(col(Person.name), col(Person.id))
    ).all()
    memberships = db.exec(
        select(Membership).where(col(Membership.person_id).in_([p.id for p in people]))
    ).all()
    found = []
    for person in people:
        own = [m for m in memberships if m.person_id == person.id]
        found.append(
            Invitee(
                person=person,
                email=person.email or "",
                roles=frozenset(Role(m.role) for m in own),
                initiative_ids=tuple(sorted({m.initiative_id for m in own if m.initiative_id})),
            )
        )
    return found
