from typing import Annotated

from fastapi import Depends, Path

from app.auth import policy
from app.auth.dependencies import OptionalPrincipal
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import ForbiddenError, NotFoundError
from app.labels import N_
from app.people import service
from app.people.models import Membership, Person


def valid_person(
    person_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    db: DbDep,
    principal: OptionalPrincipal,
) -> Person:
    person = service.get_person(db=db, person_id=person_id)
    if principal is not None and person.community_id != principal.community_id:
        raise NotFoundError(N_("There is no person with id %(id)s."), arguments={"id": person_id})
    return person


def valid_membership(
    membership_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    db: DbDep,
    principal: OptionalPrincipal,
) -> Membership:
    membership = service.get_membership(db=db, membership_id=membership_id)
    if principal is not None and membership.community_id != principal.community_id:
        raise NotFoundError(
            N_("There is no membership with id %(id)s."), arguments={"id": membership_id}
        )
    return membership


PersonDep = Annotated[Person, Depends(valid_person)]


def readable_person(person: PersonDep, principal: OptionalPrincipal) -> Person:
    """A person's roles and sessions attended: the facilitator, the chair and the person."""
    if principal is not None and not policy.reads_person(principal, person.id or 0):
        raise ForbiddenError(
            N_("A person's page is for the facilitator, the chair and the person themselves.")
        )
    return person


ReadablePersonDep = Annotated[Person, Depends(readable_person)]
MembershipDep = Annotated[Membership, Depends(valid_membership)]
