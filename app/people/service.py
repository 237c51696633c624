from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_
from sqlmodel import Session, col, select

from app.db import utcnow
from app.errors import ConflictError, NotFoundError
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.models import Attendance, LearningSession
from app.memberships import service as membership_service
from app.people.models import Membership, Person
from app.people.schemas import PeopleFilter, PersonCreate, PersonUpdate
from app.reflections.models import Reflection
from app.versioning import check_version
from app.vocabulary import Role


def list_people(
    *, db: Session, community_id: int, offset: int = 0, limit: int = 100
) -> tuple[Sequence[Person], int]:
    where = Person.community_id == community_id
    total = db.exec(select(func.count()).select_from(Person).where(where)).one()
    people = db.exec(
        select(Person)
        .where(where)
        .order_by(col(Person.name), col(Person.id))
        .offset(offset)
        .limit(limit)
    ).all()
    return people, total


def get_person(*, db: Session, person_id: int) -> Person:
    person = db.get(Person, person_id)
    if person is None:
        raise NotFoundError(N_("There is no person with id %(id)s."), arguments={"id": person_id})
    return person


def create_person(*, db: Session, community_id: int, data: PersonCreate) -> Person:
    _refuse_duplicate_email(db=db, email=data.email)
    person = Person(community_id=community_id, **data.model_dump())
    db.add(person)
    db.flush()
    return person


def update_person(*, db: Session, person: Person, data: PersonUpdate) -> Person:
    check_version(person, data.version, "person")
    changes = data.model_dump(exclude_unset=True, exclude={"version"})
    if changes.get("email") and changes["email"] != person.email:
        _refuse_duplicate_email(db=db, email=changes["email"])
    for field, value in changes.items():
        setattr(person, field, value)
    person.updated_at = utcnow()
    db.flush()
    return person


def delete_person(*, db: Session, person: Person) -> None:
    """Delete someone who never took part; people who did are erased by anonymisation instead."""
    took_part = (
        db.exec(select(Reflection.id).where(Reflection.author_id == person.id).limit(1)).first()
        or db.exec(
            select(Attendance.id)
            .where(Attendance.person_id == person.id, col(Attendance.attended).is_(True))
            .limit(1)
        ).first()
    )
    if took_part is not None:
        raise ConflictError(
            N_(
                "%(name)s has taken part in sessions or written reflections, "
                "so the record cannot simply be deleted."
            ),
            arguments={"name": person.name},
        )
    facilitates = db.exec(
        select(Membership.id).where(
            Membership.person_id == person.id, Membership.role == Role.facilitator
        )
    ).first()
    if facilitates is not None:
        membership_service.keep_a_facilitator(
            db=db,
            community_id=person.community_id,
            leaving=col(Membership.person_id) == person.id,
            name=person.name,
        )
    db.delete(person)
    db.flush()


def _refuse_duplicate_email(*, db: Session, email: str | None) -> None:
    if email is None:
        return
    clash = db.exec(select(Person.id).where(Person.email == email)).first()
    if clash is not None:
        raise ConflictError(
            N_("Someone with the email address %(email)s exists already."),
            arguments={"email": email},
        )


def list_memberships(
    *,
    db: Session,
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
    total = db.exec(select(func.count()).select_from(Membership).where(*conditions)).one()
    memberships = db.exec(
        select(Membership)
        .where(*conditions)
        .order_by(col(Membership.id))
        .offset(offset)
        .limit(limit)
    ).all()
    return memberships, total


def get_membership(*, db: Session, membership_id: int) -> Membership:
    membership = db.get(Membership, membership_id)
    if membership is None:
        raise NotFoundError(
            N_("There is no membership with id %(id)s."), arguments={"id": membership_id}
        )
    return membership


def initiative_members(*, db: Session, initiative_id: int) -> Sequence[tuple[Membership, Person]]:
    """The initiative's members with their people, ordered by role then name."""
    return db.exec(
        select(Membership, Person)
        .join(Person, col(Person.id) == Membership.person_id)
        .where(Membership.initiative_id == initiative_id)
        .order_by(col(Membership.role), col(Person.name))
    ).all()


# -- the people pages --------------------------------------------------------------------------


@dataclass(frozen=True)
class HeldRole:
    """One membership with the name of its initiative (None: the whole community)."""

    membership: Membership
    initiative_name: str | None


def search_people(
    *,
    db: Session,
    community_id: int,
    people_filter: PeopleFilter,
    offset: int = 0,
    limit: int = 20,
) -> tuple[Sequence[Person], int]:
    conditions: list[ColumnElement[bool]] = [col(Person.community_id) == community_id]
    if people_filter.text:
        words = people_filter.text.lower()
        conditions.append(
            or_(
                func.lower(Person.name).contains(words, autoescape=True),
                func.lower(Person.organisation).contains(words, autoescape=True),
                func.lower(func.coalesce(Person.email, "")).contains(words, autoescape=True),
            )
        )
    if people_filter.role is not None:
        holders = select(Membership.person_id).where(
            Membership.community_id == community_id, Membership.role == people_filter.role
        )
        conditions.append(col(Person.id).in_(holders))
    total = db.exec(select(func.count()).select_from(Person).where(*conditions)).one()
    people = db.exec(
        select(Person)
        .where(*conditions)
        .order_by(func.lower(Person.name), col(Person.id))
        .offset(offset)
        .limit(limit)
    ).all()
    return people, total


def roles_of(*, db: Session, person_ids: Sequence[int]) -> dict[int, list[HeldRole]]:
    """Everyone's roles with their initiatives, in one query."""
    held: dict[int, list[HeldRole]] = {person_id: [] for person_id in person_ids}
    if not person_ids:
        return held
    rows = db.exec(
        select(Membership, Initiative.name)
        .outerjoin(Initiative, col(Initiative.id) == Membership.initiative_id)
        .where(col(Membership.person_id).in_(person_ids))
        .order_by(
            col(Membership.initiative_id).is_not(None), col(Initiative.name), col(Membership.role)
        )
    ).all()
    for membership, initiative_name in rows:
        held[membership.person_id].append(HeldRole(membership, initiative_name))
    return held


def sessions_of(*, db: Session, person_id: int) -> Sequence[tuple[Attendance, LearningSession]]:
    """The learning sessions a person was invited to, with whether they attended."""
    return db.exec(
        select(Attendance, LearningSession)
        .join(LearningSession, col(LearningSession.id) == Attendance.session_id)
        .where(Attendance.person_id == person_id)
        .order_by(col(LearningSession.starts_at))
    ).all()


def community_initiative(
    *, db: Session, community_id: int, initiative_id: str
) -> Initiative | None:
    """The community's initiative with this id as typed in a form, if there is one."""
    typed = initiative_id.strip()
    if not typed.isdigit() or int(typed) > MAX_ID:
        return None
    initiative = db.get(Initiative, int(typed))
    return initiative if initiative and initiative.community_id == community_id else None


# -- search fields (instead of a select of the whole community) ---------------------------------

SEARCH_LIMIT = 20  # people or initiatives a search field offers at once
MAX_ID = 2**31 - 1  # the largest id a PostgreSQL integer column holds
SEARCH_LENGTH = 100


def find_people(
    *,
    db: Session,
    community_id: int,
    query: str,
    limit: int = SEARCH_LIMIT,
    role: Role | None = None,
    exclude_initiative_id: int | None = None,
) -> list[Person]:
    """People whose name or organisation contains ``query`` (all when blank), by name."""
    statement = select(Person).where(Person.community_id == community_id)
    words = query.strip().lower()[:SEARCH_LENGTH]
    if words:
        statement = statement.where(
            or_(
                func.lower(Person.name).contains(words, autoescape=True),
                func.lower(Person.organisation).contains(words, autoescape=True),
            )
        )
    if role is not None:
        statement = statement.where(
            col(Person.id).in_(select(Membership.person_id).where(Membership.role == role))
        )
    if exclude_initiative_id is not None:
        statement = statement.where(
            col(Person.id).not_in(
                select(Membership.person_id).where(
                    Membership.initiative_id == exclude_initiative_id
                )
            )
        )
    return list(db.exec(statement.order_by(col(Person.name), col(Person.id)).limit(limit)).all())


def search_initiatives(
    *, db: Session, community_id: int, query: str, limit: int = SEARCH_LIMIT
) -> list[Initiative]:
    """Initiatives whose name contains ``query`` (all when blank), by name."""
    statement = select(Initiative).where(Initiative.community_id == community_id)
    words = query.strip().lower()[:SEARCH_LENGTH]
    if words:
        statement = statement.where(func.lower(Initiative.name).contains(words, autoescape=True))
    return list(
        db.exec(
            statement.order_by(func.lower(Initiative.name), col(Initiative.id)).limit(limit)
        ).all()
    )
