from typing import Annotated

from fastapi import Depends, Path

from app.auth.dependencies import OptionalPrincipal
from app.db import MAX_ID
from app.deps import SessionDep
from app.errors import NotFoundError
from app.initiatives import service
from app.initiatives.models import Initiative


def valid_initiative(
    initiative_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    session: SessionDep,
    principal: OptionalPrincipal,
) -> Initiative:
    initiative = service.get_initiative(session=session, initiative_id=initiative_id)
    if principal is not None and initiative.community_id != principal.community_id:
        raise NotFoundError(f"There is no initiative with id {initiative_id}.")
    return initiative


InitiativeDep = Annotated[Initiative, Depends(valid_initiative)]
