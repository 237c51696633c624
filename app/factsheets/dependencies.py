from typing import Annotated

from fastapi import Depends, Path, Request

from app.auth import policy
from app.auth.dependencies import OptionalPrincipal
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import ForbiddenError, NotFoundError
from app.factsheets import service
from app.factsheets.documents import Renderer
from app.factsheets.jobs import bounded_renderer
from app.factsheets.models import Factsheet
from app.labels import N_
from app.vocabulary import FactsheetStatus


def readable_factsheet(
    factsheet_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    db: DbDep,
    principal: OptionalPrincipal,
) -> Factsheet:
    """Published versions for every member; drafts only for those who read the initiative's drafts.
    A session-scoped access link reads its session's factsheets only."""
    found = service.factsheet_and_community(db=db, factsheet_id=factsheet_id)
    if found is None:
        raise NotFoundError(
            N_("There is no factsheet with id %(id)s."), arguments={"id": factsheet_id}
        )
    factsheet, community_id = found
    visible = (
        principal is not None
        and community_id == principal.community_id
        and policy.sees_session(principal, factsheet.session_id)
        and (
            factsheet.status == FactsheetStatus.published
            or policy.reads_initiative_drafts(principal, factsheet.initiative_id)
        )
    )
    if not visible:
        raise NotFoundError(
            N_("There is no factsheet with id %(id)s."), arguments={"id": factsheet_id}
        )
    return factsheet


ReadableFactsheetDep = Annotated[Factsheet, Depends(readable_factsheet)]


def editable_factsheet(factsheet: ReadableFactsheetDep, principal: OptionalPrincipal) -> Factsheet:
    assert principal is not None
    if not policy.records_evidence(principal, factsheet.initiative_id):
        raise ForbiddenError(
            N_(
                "Only the initiative's practitioner-researchers and the facilitator edit factsheets."
            )
        )
    return factsheet


EditableFactsheetDep = Annotated[Factsheet, Depends(editable_factsheet)]


def get_renderer(request: Request) -> Renderer:
    """PDFs a request waits for render in a worker process, with the configured time limit."""
    return bounded_renderer(request.app.state.settings.render_timeout_seconds)


RendererDep = Annotated[Renderer, Depends(get_renderer)]
