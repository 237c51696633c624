from typing import Annotated

from fastapi import Depends, Path

from app.auth import policy
from app.auth.dependencies import OptionalPrincipal
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import ForbiddenError, NotFoundError
from app.initiatives import service
from app.initiatives.models import Initiative
from app.labels import N_


def valid_initiative(
    initiative_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    db: DbDep,
    principal: OptionalPrincipal,
) -> Initiative:
    initiative = service.get_initiative(db=db, initiative_id=initiative_id)
    if principal is not None and initiative.community_id != principal.community_id:
        raise NotFoundError(
            N_("There is no initiative with id %(id)s."), arguments={"id": initiative_id}
        )
    return initiative


InitiativeDep = Annotated[Initiative, Depends(valid_initiative)]


def initiative_with_drafts(initiative: InitiativeDep, principal: OptionalPrincipal) -> Initiative:
    """An initiative whose drafts and evidence the person may read; others answer 404."""
    assert initiative.id is not None
    if principal is None or not policy.reads_initiative_drafts(principal, initiative.id):
        raise NotFoundError(
            N_("There is no initiative with id %(id)s."), arguments={"id": initiative.id}
        )
    return initiative


def initiative_for_evidence(
    initiative: Annotated[Initiative, Depends(initiative_with_drafts)],
    principal: OptionalPrincipal,
) -> Initiative:
    """An initiative the person records evidence and drafts factsheets for."""
    assert initiative.id is not None and principal is not None
    if not policy.records_evidence(principal, initiative.id):
        raise ForbiddenError(
            N_(
                "Only the initiative's practitioner-researchers and the facilitator record evidence."
            )
        )
    return initiative


InitiativeDraftsDep = Annotated[Initiative, Depends(initiative_with_drafts)]
InitiativeEvidenceDep = Annotated[Initiative, Depends(initiative_for_evidence)]
