"""Dilemmas and good practices: members submit them for an initiative. Choosing what goes on
a session's agenda is a session page (learning_sessions.pages)."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.auth.dependencies import MemberDep, OptionalPrincipal
from app.contributions import service
from app.contributions.schemas import ContributionCreate, ContributionForm, ContributionKind
from app.deps import DbDep
from app.errors import ForbiddenError, NotFoundError
from app.forms import field_errors
from app.initiatives.dependencies import InitiativeDep
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.templating import render
from app.vocabulary import INITIATIVE_READER_ROLES, IntegrationLevel, PartnershipCondition

router = APIRouter(include_in_schema=False)

FIELD_MESSAGES: dict[str, str] = {
    "kind": N_("Choose whether this is a dilemma or a good practice."),
    "title": N_("Enter a title (at most 200 characters)."),
    "description": N_("Describe it (at most 8000 characters)."),
    "condition": N_("Choose a partnership condition."),
    "level": N_("Choose a level of integration."),
    "session_id": N_("Choose one of the coming sessions, or none."),
}


def initiative_for_contributions(
    initiative: InitiativeDep, principal: OptionalPrincipal
) -> Initiative:
    """An initiative the person submits for: its policymakers, managers and practitioners
    (researchers too) and the facilitator. Outsiders are not told it exists."""
    assert initiative.id is not None
    if principal is None or principal.is_facilitator:
        return initiative
    roles = principal.roles_in(initiative.id)
    if not roles:
        raise NotFoundError(
            N_("There is no initiative with id %(id)s."), arguments={"id": initiative.id}
        )
    if not roles & INITIATIVE_READER_ROLES:
        raise ForbiddenError(N_("Your role in this initiative does not submit contributions."))
    return initiative


ContributingInitiativeDep = Annotated[Initiative, Depends(initiative_for_contributions)]


# -- submitting --------------------------------------------------------------------------------


def _contribution_form(
    request: Request,
    initiative: Initiative,
    *,
    sessions: list[LearningSession],
    form: ContributionForm,
    errors: dict[str, str],
    status_code: int = 200,
) -> HTMLResponse:
    context: dict[str, Any] = {
        "initiative": initiative,
        "form": form,
        "errors": errors,
        "sessions": sessions,
        "kinds": list(ContributionKind),
        "conditions": list(PartnershipCondition),
        "levels": list(IntegrationLevel),
    }
    return render(request, "contributions/form.html", context, status_code=status_code)


@router.get("/initiatives/{initiative_id}/contributions/new", response_class=HTMLResponse)
def new_contribution(
    principal: MemberDep,
    request: Request,
    initiative: ContributingInitiativeDep,
    db: DbDep,
) -> HTMLResponse:
    sessions = list(service.open_sessions(db=db, community_id=initiative.community_id))
    form = ContributionForm(session_id=str(sessions[0].id) if sessions else "")
    return _contribution_form(request, initiative, sessions=sessions, form=form, errors={})


@router.post("/initiatives/{initiative_id}/contributions", response_class=HTMLResponse)
def submit_contribution(
    principal: MemberDep,
    request: Request,
    initiative: ContributingInitiativeDep,
    db: DbDep,
    form: Annotated[ContributionForm, Form()],
) -> Response:
    assert initiative.id is not None
    sessions = list(service.open_sessions(db=db, community_id=initiative.community_id))
    errors: dict[str, str] = {}
    data: ContributionCreate | None = None
    try:
        data = form.to_create()
    except ValidationError as error:
        errors = field_errors(error, FIELD_MESSAGES)
    if data is not None and data.session_id not in {None, *(s.id for s in sessions)}:
        errors["session_id"] = FIELD_MESSAGES["session_id"]
    if data is None or errors:
        return _contribution_form(
            request, initiative, sessions=sessions, form=form, errors=errors, status_code=422
        )
    service.submit_contribution(
        db=db,
        initiative_id=initiative.id,
        submitted_by_id=principal.person_id,
        data=data,
    )
    return RedirectResponse(f"/initiatives/{initiative.id}#contributions", status_code=303)
