from fastapi import APIRouter, Response, status

from app.api_responses import errors
from app.auth.dependencies import FacilitatorDep, MemberDep
from app.deps import DbDep, PaginationDep
from app.initiatives import service
from app.initiatives.dependencies import InitiativeDep
from app.initiatives.schemas import InitiativeCreate, InitiativePublic, InitiativeUpdate
from app.schemas import Page

router = APIRouter(prefix="/initiatives", tags=["initiatives"])


@router.get("", responses=errors(409, 422))
def list_initiatives(
    principal: MemberDep, db: DbDep, pagination: PaginationDep
) -> Page[InitiativePublic]:
    community_id = principal.community_id
    initiatives, total = service.list_initiatives(
        db=db,
        community_id=community_id,
        offset=pagination.offset,
        limit=pagination.per_page,
    )
    return Page(
        items=[service.to_public(i) for i in initiatives],
        page=pagination.page,
        per_page=pagination.per_page,
        total=total,
    )


@router.post("", status_code=status.HTTP_201_CREATED, responses=errors(409, 413, 422))
def create_initiative(
    principal: FacilitatorDep, data: InitiativeCreate, db: DbDep
) -> InitiativePublic:
    return service.to_public(
        service.create_initiative(db=db, community_id=principal.community_id, data=data)
    )


@router.get("/{initiative_id}", responses=errors(404, 422))
def get_initiative(_access: MemberDep, initiative: InitiativeDep) -> InitiativePublic:
    return service.to_public(initiative)


@router.patch("/{initiative_id}", responses=errors(404, 409, 413, 422))
def update_initiative(
    _access: FacilitatorDep, initiative: InitiativeDep, data: InitiativeUpdate, db: DbDep
) -> InitiativePublic:
    updated = service.update_initiative(db=db, initiative=initiative, data=data)
    return service.to_public(updated)


@router.delete(
    "/{initiative_id}", status_code=status.HTTP_204_NO_CONTENT, responses=errors(404, 409, 422)
)
def delete_initiative(_access: FacilitatorDep, initiative: InitiativeDep, db: DbDep) -> Response:
    service.delete_initiative(db=db, initiative=initiative)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
