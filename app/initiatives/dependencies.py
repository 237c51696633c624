from typing import Annotated

from fastapi import Depends, Path

from app.db import MAX_ID
from app.deps import SessionDep
from app.initiatives import service
from app.initiatives.models import Initiative


def valid_initiative(
    initiative_id: Annotated[int, Path(ge=1, le=MAX_ID)], session: SessionDep
) -> Initiative:
    return service.get_initiative(session=session, initiative_id=initiative_id)


InitiativeDep = Annotated[Initiative, Depends(valid_initiative)]
