from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from app.api_responses import errors
from app.auth import policy
from app.auth.dependencies import FacilitatorDep, MemberDep, PeopleDirectoryDep
from app.auth.principal import Principal
from app.db import MAX_ID
from app.deps import DbDep, PaginationDep
from app.memberships import service as membership_service
from app.people import service
from app.people.dependencies import MembershipDep, PersonDep, ReadablePersonDep
from app.people.models import Person
from app.people.schemas import (
    MembershipCreate,
    MembershipPublic,
    MembershipUpdate,
    PersonCreate,
    PersonPublic,
    PersonUpdate,
)
from app.schemas import Page
from app.web import client_ip

people_router = APIRouter(prefix="/people", tags=["people"])
memberships_router = APIRouter(prefix="/memberships", tags=["memberships"])

OptionalId = Annotated[int | None, Query(ge=1, le=MAX_ID)]


def _public(person: Person, reader: Principal) -> PersonPublic:
    public = PersonPublic.model_validate(person, from_attributes=True)
    shared = person.shares_needs_with_chair
    if not policy.sees_accessibility_needs(reader, person.id or 0, shared=shared):
        public.accessibility_needs = None
    return public


@people_router.get("", responses=errors(409, 422))
def list_people(
    principal: PeopleDirectoryDep, db: DbDep, pagination: PaginationDep
) -> Page[PersonPublic]:
    community_id = principal.community_id
    people, total = service.list_people(
        db=db,
        community_id=community_id,
        offset=pagination.offset,
        limit=pagination.per_page,
    )
    return Page(
        items=[_public(p, principal) for p in people],
        page=pagination.page,
        per_page=pagination.per_page,
        total=total,
    )


@people_router.post("", status_code=status.HTTP_201_CREATED, responses=errors(409, 413, 422))
def create_person(principal: FacilitatorDep, data: PersonCreate, db: DbDep) -> PersonPublic:
    person = service.create_person(db=db, community_id=principal.community_id, data=data)
    return PersonPublic.model_validate(person, from_attributes=True)


@people_router.get("/{person_id}", responses=errors(404, 422))
def get_person(principal: MemberDep, person: ReadablePersonDep) -> PersonPublic:
    return _public(person, principal)


@people_router.patch("/{person_id}", responses=errors(404, 409, 413, 422))
def update_person(
    _access: FacilitatorDep, person: PersonDep, data: PersonUpdate, db: DbDep
) -> PersonPublic:
    updated = service.update_person(db=db, person=person, data=data)
    return PersonPublic.model_validate(updated, from_attributes=True)


@people_router.delete(
    "/{person_id}", status_code=status.HTTP_204_NO_CONTENT, responses=errors(404, 409, 422)
)
def delete_person(_access: FacilitatorDep, person: PersonDep, db: DbDep) -> Response:
    service.delete_person(db=db, person=person)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@memberships_router.get("", responses=errors(409, 422))
def list_memberships(
    principal: PeopleDirectoryDep,
    db: DbDep,
    pagination: PaginationDep,
    person_id: OptionalId = None,
    initiative_id: OptionalId = None,
) -> Page[MembershipPublic]:
    community_id = principal.community_id
    memberships, total = service.list_memberships(
        db=db,
        community_id=community_id,
        person_id=person_id,
        initiative_id=initiative_id,
        offset=pagination.offset,
        limit=pagination.per_page,
    )
    return Page(
        items=[MembershipPublic.model_validate(m, from_attributes=True) for m in memberships],
        page=pagination.page,
        per_page=pagination.per_page,
        total=total,
    )


@memberships_router.post(
    "", status_code=status.HTTP_201_CREATED, responses=errors(404, 409, 413, 422)
)
def create_membership(
    principal: FacilitatorDep, request: Request, data: MembershipCreate, db: DbDep
) -> MembershipPublic:
    membership = membership_service.grant_role(
        db=db,
        community_id=principal.community_id,
        data=data,
        actor=principal,
        ip=client_ip(request),
    )
    return MembershipPublic.model_validate(membership, from_attributes=True)


@memberships_router.get("/{membership_id}", responses=errors(404, 422))
def get_membership(_access: PeopleDirectoryDep, membership: MembershipDep) -> MembershipPublic:
    return MembershipPublic.model_validate(membership, from_attributes=True)


@memberships_router.patch("/{membership_id}", responses=errors(404, 409, 413, 422))
def update_membership(
    principal: FacilitatorDep,
    request: Request,
    membership: MembershipDep,
    data: MembershipUpdate,
    db: DbDep,
) -> MembershipPublic:
    updated = membership_service.change_role(
        db=db, membership=membership, data=data, actor=principal, ip=client_ip(request)
    )
    return MembershipPublic.model_validate(updated, from_attributes=True)


@memberships_router.delete(
    "/{membership_id}", status_code=status.HTTP_204_NO_CONTENT, responses=errors(404, 409, 422)
)
def delete_membership(
    principal: FacilitatorDep, request: Request, membership: MembershipDep, db: DbDep
) -> Response:
    membership_service.revoke_role(
        db=db, membership=membership, actor=principal, ip=client_ip(request)
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)
