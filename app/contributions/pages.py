"""Dilemmas and good practices: members submit them; the facilitator and chair set the agenda."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.auth import policy
from app.auth.dependencies import MemberDep, OptionalPrincipal
from app.contributions import service
from app.contributions.schemas import ContributionCreate, ContributionForm, ContributionKind
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import ForbiddenError, NotFoundError
from app.forms import field_errors
from app.initiatives.dependencies import InitiativeDep
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.dependencies import LearningSessionDep
from app.learning_sessions.models import LearningSession
from app.templating import render
from app.vocabulary import INITIATIVE_READER_ROLES, IntegrationLevel, PartnershipCondition
from app.web import is_htmx

router = APIRouter(include_in_schema=False)

FIELD_MESSAGES: dict[str, str] = {
    "kind": N_("Choose whether this is a dilemma or a good practice."),
    "title": N_("Enter a title (at most 200 characters)."),
    "description": N_("Describe it (at most 8000 characters)."),
    "condition": N_("Choose a partnership condition."),
    "level": N_("Choose a level of integration."),
    "session_id": N_("Choose one of the coming sessions, or none."),
}
FormText = Annotated[str, Form()]


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


def session_to_prepare(
    learning_session: LearningSessionDep, principal: OptionalPrincipal
) -> LearningSession:
    """A session whose agenda this person builds: the facilitator and its chair."""
    if principal is None or not policy.prepares_session(principal, learning_session.chair_id):
        raise ForbiddenError(N_("Only the facilitator and the session's chair set its agenda."))
    return learning_session


ContributingInitiativeDep = Annotated[Initiative, Depends(initiative_for_contributions)]
PreparedSessionDep = Annotated[LearningSession, Depends(session_to_prepare)]


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


# -- the session's contributions and its agenda ------------------------------------------------


def _session_page(
    request: Request, db: DbDep, learning_session: LearningSession, *, block: str | None
) -> HTMLResponse:
    for_session, unscheduled = service.session_contributions(
        db=db, learning_session=learning_session
    )
    context: dict[str, Any] = {
        "learning_session": learning_session,
        "for_session": for_session,
        "unscheduled": unscheduled,
        "kinds": list(ContributionKind),
    }
    return render(request, "contributions/session.html", context, block=block)


@router.get("/sessions/{session_id}/contributions", response_class=HTMLResponse)
def session_contributions(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
) -> HTMLResponse:
    return _session_page(request, db, learning_session, block=None)


@router.post(
    "/sessions/{session_id}/contributions/{kind}/{contribution_id}/agenda",
    response_class=HTMLResponse,
)
def mark_on_agenda(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    kind: Annotated[ContributionKind, Path()],
    contribution_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    on_agenda: FormText = "true",
) -> Response:
    contribution = service.get_contribution(
        db=db,
        kind=kind,
        contribution_id=contribution_id,
        community_id=learning_session.community_id,
    )
    # Only what this session's page lists: its own, or those with no session yet.
    if contribution.session_id not in (None, learning_session.id):
        raise NotFoundError(
            N_("There is no contribution with id %(id)s here."), arguments={"id": contribution_id}
        )
    if on_agenda == "true":
        service.put_on_agenda(
            db=db, kind=kind, contribution=contribution, learning_session=learning_session
        )
    else:
        service.take_off_agenda(db=db, kind=kind, contribution=contribution)
    if is_htmx(request):
        return _session_page(request, db, learning_session, block="tables")
    return RedirectResponse(
        f"/sessions/{learning_session.id}/contributions#contribution-{kind.value}-{contribution_id}",
        status_code=303,
    )
