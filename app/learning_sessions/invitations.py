"""Inviting people to a learning session: one person, or everyone holding a role."""

from collections.abc import Iterable

from sqlmodel import Session, col, select

from app.errors import FieldProblem, InvalidInputError
from app.labels import N_
from app.learning_sessions.models import Attendance, LearningSession
from app.learning_sessions.schemas import InviteChoice
from app.people.models import Membership, Person
from app.vocabulary import Role


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


def invite_chosen(*, db: Session, learning_session: LearningSession, choice: InviteChoice) -> int:
    """Invite the one person chosen, or everyone holding the chosen role; how many are new."""
    if choice.person_id is not None:
        person_ids = [choice.person_id]
    else:
        assert choice.role is not None
        person_ids = members_with_role(
            db=db,
            community_id=learning_session.community_id,
            role=choice.role,
            initiative_id=choice.initiative_id,
        )
    return invite(db=db, learning_session=learning_session, person_ids=person_ids)
