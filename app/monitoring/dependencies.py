"""Who may do what with indicators: everyone signed in reads them (they are the initiatives'
monitoring figures, not drafts); the initiative's members and the facilitator create and edit
them and record measurements (the same rule as recording an action's progress)."""

from typing import Annotated

from fastapi import Depends, Path

from app.actions.dependencies import updates_progress
from app.auth.dependencies import OptionalPrincipal
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import ForbiddenError
from app.initiatives.dependencies import InitiativeDep
from app.initiatives.models import Initiative
from app.labels import N_
from app.monitoring import service
from app.monitoring.service import IndicatorRow

REFUSED = N_("Only the initiative's members and the facilitator keep its indicators.")


def valid_indicator(
    indicator_id: Annotated[int, Path(ge=1, le=MAX_ID)], db: DbDep, principal: OptionalPrincipal
) -> IndicatorRow:
    """An indicator of the reader's community; another community's answers 404."""
    community_id = principal.community_id if principal else 0
    return service.get_indicator(db=db, indicator_id=indicator_id, community_id=community_id)


IndicatorDep = Annotated[IndicatorRow, Depends(valid_indicator)]


def kept_indicator(row: IndicatorDep, principal: OptionalPrincipal) -> IndicatorRow:
    if principal is None or not updates_progress(principal, row.indicator.initiative_id):
        raise ForbiddenError(REFUSED)
    return row


def initiative_for_indicators(
    initiative: InitiativeDep, principal: OptionalPrincipal
) -> Initiative:
    assert initiative.id is not None
    if principal is None or not updates_progress(principal, initiative.id):
        raise ForbiddenError(REFUSED)
    return initiative


KeptIndicatorDep = Annotated[IndicatorRow, Depends(kept_indicator)]
KeepsIndicatorsDep = Annotated[Initiative, Depends(initiative_for_indicators)]
