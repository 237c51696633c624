from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.db import utcnow
from app.errors import ConflictError, NotFoundError
from app.initiatives.models import Initiative
from app.learning_sessions.models import Attendance
from app.people.models import Membership, Person
from app.people.schemas import MembershipCreate, MembershipUpdate, PersonCreate, PersonUpdate
from app.reflections.models import Reflection
from app.versioning import check_version


def list_people(
    *, session: Session, community_id: int, offset: int = 0, limit: int = 100
) -> tuple[Sequence[Person], int]:
    where = Person.community_id == community_id
    total = session.exec(select(func.count()).select_from(Person).where(where)).one()
    people = session.exec(
        select(Person)
        .where(where)
        .order_by(col(Person.name), col(Person.id))
        .offset(offset)
        .limit(limit)
    ).all()
    return people, total


def get_person(*, session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"There is no person with id {person_id}.")
    return person


def create_person(*, session: Session, community_id: int, data: PersonCreate) -> Person:
    _refuse_duplicate_email(session=session, email=data.email)
    person = Person(community_id=community_id, **data.model_dump())
    session.add(person)
    session.flush()
    return person


def update_person(*, session: Session, person: Person, data: PersonUpdate) -> Person:
    check_version(person, data.version, "person")
    changes = data.model_dump(exclude_unset=True, exclude={"version"})
    if changes.get("email") and changes["email"] != person.email:
        _refuse_duplicate_email(session=session, email=changes["email"])
    for field, value in changes.items():
        setattr(person, field, value)
    person.updated_at = utcnow()
    session.flush()
    return person


def delete_person(*, session: Session, person: Person) -> None:
    """Delete someone who never took part; people who did are erased by anonymisation instead."""
    took_part = (
        session.exec(
            select(Reflection.id).where(Reflection.author_id == person.id).limit(1)
        ).first()
        or session.exec(
            select(Attendance.id)
            .where(Attendance.person_id == person.id, col(Attendance.attended).is_(True))
            .limit(1)
        ).first()
    )
    if took_part is not None:
        raise ConflictError(
            f"{person.name} has taken part in sessions or written reflections, "
            "so the record cannot simply be deleted."
        )
    session.delete(person)
    session.flush()


def _refuse_duplicate_email(*, session: Session, email: str | None) -> None:
    if email is None:
        return
    clash = session.exec(select(Person.id).where(Person.email == email)).first()
    if clash is not None:
        raise ConflictError(f"Someone with the email address {email} exists already.")


def list_memberships(
    *,
    session: Session,
    community_id: int,
    person_id: int | None = None,
    initiative_id: int | None = None,
    offset: int = 0,
    limit: int = 100,
) -> tuple[Sequence[Membership], int]:
    conditions = [Membership.community_id == community_id]
    if person_id is not None:
        conditions.append(Membership.person_id == person_id)
    if initiative_id is not None:
        conditions.append(Membership.initiative_id == initiative_id)
    total = session.exec(select(func.count()).select_from(Membership).where(*conditions)).one()
    memberships = session.exec(
        select(Membership)
        .where(*conditions)
        .order_by(col(Membership.id))
        .offset(offset)
        .limit(limit)
    ).all()
    return memberships, total


def get_membership(*, session: Session, membership_id: int) -> Membership:
    membership = session.get(Membership, membership_id)
    if membership is None:
        raise NotFoundError(f"There is no membership with id {membership_id}.")
    return membership


def create_membership(*, session: Session, community_id: int, data: MembershipCreate) -> Membership:
    person = get_person(session=session, person_id=data.person_id)
    if person.community_id != community_id:
        raise NotFoundError(f"There is no person with id {data.person_id}.")
    if data.initiative_id is not None:
        initiative = session.get(Initiative, data.initiative_id)
        if initiative is None or initiative.community_id != person.community_id:
            raise NotFoundError(f"There is no initiative with id {data.initiative_id}.")
    duplicate = session.exec(
        select(Membership.id).where(
            Membership.person_id == data.person_id,
            Membership.initiative_id == data.initiative_id,
            Membership.role == data.role,
        )
    ).first()
    if duplicate is not None:
        raise ConflictError(f"{person.name} has this role here already.")
    membership = Membership(community_id=person.community_id, **data.model_dump())
    session.add(membership)
    session.flush()
    return membership


def update_membership(
    *, session: Session, membership: Membership, data: MembershipUpdate
) -> Membership:
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    if "role" in changes and changes["role"] != membership.role:
        duplicate = session.exec(
            select(Membership.id).where(
                Membership.person_id == membership.person_id,
                Membership.initiative_id == membership.initiative_id,
                Membership.role == changes["role"],
            )
        ).first()
        if duplicate is not None:
            raise ConflictError("This person has that role here already.")
    for field, value in changes.items():
        setattr(membership, field, value)
    membership.updated_at = utcnow()
    session.flush()
    return membership


def delete_membership(*, session: Session, membership: Membership) -> None:
    session.delete(membership)
    session.flush()


def initiative_members(
    *, session: Session, initiative_id: int
) -> Sequence[tuple[Membership, Person]]:
    """The initiative's members with their people, ordered by role then name."""
    return session.exec(
        select(Membership, Person)
        .join(Person, col(Person.id) == Membership.person_id)
        .where(Membership.initiative_id == initiative_id)
        .order_by(col(Membership.role), col(Person.name))
    ).all()
