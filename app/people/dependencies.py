from typing import Annotated

from fastapi import Depends, Path

from app.db import MAX_ID
from app.deps import SessionDep
from app.people import service
from app.people.models import Membership, Person


def valid_person(person_id: Annotated[int, Path(ge=1, le=MAX_ID)], session: SessionDep) -> Person:
    return service.get_person(session=session, person_id=person_id)


def valid_membership(
    membership_id: Annotated[int, Path(ge=1, le=MAX_ID)], session: SessionDep
) -> Membership:
    return service.get_membership(session=session, membership_id=membership_id)


PersonDep = Annotated[Person, Depends(valid_person)]
MembershipDep = Annotated[Membership, Depends(valid_membership)]
