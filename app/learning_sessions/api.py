from fastapi import APIRouter, Response, status

from app.api_responses import errors
from app.auth import policy
from app.auth.dependencies import FacilitatorDep, MemberDep
from app.deps import DbDep, PaginationDep
from app.learning_sessions import service
from app.learning_sessions.dependencies import LearningSessionDep
from app.learning_sessions.schemas import (
    LearningSessionCreate,
    LearningSessionPublic,
    LearningSessionUpdate,
)
from app.schemas import Page

router = APIRouter(prefix="/learning-sessions", tags=["learning sessions"])


def _public(learning_session: object) -> LearningSessionPublic:
    return LearningSessionPublic.model_validate(learning_session, from_attributes=True)


@router.get("", responses=errors(409, 422))
def list_sessions(
    principal: MemberDep, db: DbDep, pagination: PaginationDep
) -> Page[LearningSessionPublic]:
    community_id = principal.community_id
    sessions, total = service.list_sessions(
        db=db,
        community_id=community_id,
        only_session_id=policy.session_scope(principal),
        offset=pagination.offset,
        limit=pagination.per_page,
    )
    return Page(
        items=[_public(s) for s in sessions],
        page=pagination.page,
        per_page=pagination.per_page,
        total=total,
    )


@router.post("", status_code=status.HTTP_201_CREATED, responses=errors(409, 413, 422))
def create_session(
    principal: FacilitatorDep, data: LearningSessionCreate, db: DbDep
) -> LearningSessionPublic:
    return _public(service.create_session(db=db, community_id=principal.community_id, data=data))


@router.get("/{session_id}", responses=errors(404, 422))
def get_session(_access: MemberDep, learning_session: LearningSessionDep) -> LearningSessionPublic:
    return _public(learning_session)


@router.patch("/{session_id}", responses=errors(404, 409, 413, 422))
def update_session(
    principal: FacilitatorDep,
    learning_session: LearningSessionDep,
    data: LearningSessionUpdate,
    db: DbDep,
) -> LearningSessionPublic:
    return _public(
        service.update_session(db=db, learning_session=learning_session, data=data, actor=principal)
    )


@router.delete(
    "/{session_id}", status_code=status.HTTP_204_NO_CONTENT, responses=errors(404, 409, 422)
)
def delete_session(
    _access: FacilitatorDep, learning_session: LearningSessionDep, db: DbDep
) -> Response:
    service.delete_session(db=db, learning_session=learning_session)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
