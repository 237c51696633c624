"""Session pages: schedule, the session with its composition panel, invitations, status,
attendance, and the agenda chosen from the contributions. Everything works as plain forms;
htmx swaps the composition panel in place."""

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import Session
from starlette.datastructures import URL

from app.auth.dependencies import FacilitatorDep, MemberDep
from app.auth.principal import Principal
from app.contributions import service as contribution_service
from app.contributions.schemas import ContributionKind
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import ConflictError, InvalidInputError, NotFoundError
from app.forms import field_errors
from app.labels import N_
from app.learning_sessions import invitations, service, workflow
from app.learning_sessions.composition import chair_options
from app.learning_sessions.dependencies import LearningSessionDep, PreparedSessionDep
from app.learning_sessions.models import LearningSession
from app.learning_sessions.schemas import (
    EARLIEST,
    LATEST,
    SESSION_FIELD_MESSAGES,
    InvitationForm,
    LearningSessionForm,
    StatusForm,
)
from app.learning_sessions.view import PageView, page_context
from app.people import service as people_service
from app.templating import render
from app.web import Toast, is_htmx, with_toast

router = APIRouter(prefix="/sessions", include_in_schema=False)

PageNumber = Annotated[int, Query(ge=1, le=100_000)]
SearchText = Annotated[str, Query(max_length=200)]
FIELD_MESSAGES = SESSION_FIELD_MESSAGES
DUPLICATE_NUMBER = N_("There is already a session with this number.")


def _session_path(learning_session: LearningSession) -> str:
    return f"/sessions/{learning_session.id}"


# -- scheduling --------------------------------------------------------------------------------


def _schedule_form(
    request: Request,
    db: Session,
    principal: Principal,
    *,
    form: LearningSessionForm,
    errors: dict[str, str],
    status_code: int = 200,
) -> HTMLResponse:
    chairs = chair_options(db=db, community_id=principal.community_id)
    return render(
        request,
        "learning_sessions/form.html",
        {
            "form": form,
            "errors": errors,
            "chairs": chairs,
            "earliest": EARLIEST.isoformat(),
            "latest": LATEST.isoformat(),
        },
        status_code=status_code,
    )


@router.get("/new", response_class=HTMLResponse)
def new_session(principal: FacilitatorDep, request: Request, db: DbDep) -> HTMLResponse:
    number = service.next_free_number(db=db, community_id=principal.community_id)
    form = LearningSessionForm(number=str(number), starts_time="13:30")
    return _schedule_form(request, db, principal, form=form, errors={})


@router.post("", response_class=HTMLResponse)
def schedule_session(
    principal: FacilitatorDep,
    request: Request,
    db: DbDep,
    form: Annotated[LearningSessionForm, Form()],
) -> Response:
    try:
        data = form.to_create()
    except ValidationError as error:
        errors = field_errors(error, FIELD_MESSAGES)
        return _schedule_form(request, db, principal, form=form, errors=errors, status_code=422)
    try:
        created = service.create_session(db=db, community_id=principal.community_id, data=data)
    except ConflictError:
        errors = {"number": DUPLICATE_NUMBER}
        return _schedule_form(request, db, principal, form=form, errors=errors, status_code=409)
    except InvalidInputError:
        errors = {"chair_id": FIELD_MESSAGES["chair_id"]}
        return _schedule_form(request, db, principal, form=form, errors=errors, status_code=422)
    return RedirectResponse(_session_path(created), status_code=303)


# -- the session page and its composition panel ------------------------------------------------


def _session_context(
    db: Session,
    learning_session: LearningSession,
    principal: Principal | None,
    view: PageView | None = None,
    **extra: Any,
) -> dict[str, Any]:
    view = view or PageView()
    path = _session_path(learning_session)
    context = page_context(db=db, learning_session=learning_session, principal=principal, view=view)
    context["composition_url"] = URL(path).include_query_params(
        **({"incomplete": "1"} if view.incomplete else {}),
        **({"person_q": view.person_q} if view.person_q else {}),
    )
    context["participants_url"] = URL(path)
    context.update(extra)
    return context


@router.get("/{session_id}", response_class=HTMLResponse)
def session_page(
    _access: MemberDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    page: PageNumber = 1,
    incomplete: str = "",
    participants_page: PageNumber = 1,
    person_q: SearchText = "",
) -> HTMLResponse:
    view = PageView(
        page=page,
        incomplete=bool(incomplete),
        participants_page=participants_page,
        person_q=person_q.strip(),
    )
    return render(
        request,
        "learning_sessions/detail.html",
        _session_context(db, learning_session, _access, view),
        block=None,
    )


@router.get("/{session_id}/invite-search", response_class=HTMLResponse)
def invite_search(
    _access: FacilitatorDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    person_q: SearchText = "",
) -> Response:
    """The "invite one person" choices for htmx; without it, the session page shows them."""
    if not is_htmx(request):
        query = f"?person_q={quote(person_q.strip())}" if person_q.strip() else ""
        return RedirectResponse(
            f"{_session_path(learning_session)}{query}#invite-person-form", status_code=303
        )
    people = people_service.find_people(
        db=db, community_id=learning_session.community_id, query=person_q
    )
    return render(
        request,
        "learning_sessions/detail.html",
        {
            "learning_session": learning_session,
            "options": {"people": people},
            "view": PageView(person_q=person_q.strip()),
        },
        block="invite_person_choices",
    )


def _invited_toast(count: int) -> Toast:
    if count:
        return Toast(N_("Invited: %(count)s."), {"count": count})
    return Toast(N_("Everyone chosen was already invited."))


@router.post("/{session_id}/invitations", response_class=HTMLResponse)
def invite_people(
    principal: FacilitatorDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    form: Annotated[InvitationForm, Form()],
) -> Response:
    """One person (``person_id``), or everyone holding ``role`` in one or all initiatives."""
    view = PageView(page=form.composition_page(), incomplete=bool(form.incomplete))
    try:
        count = invitations.invite_chosen(
            db=db, learning_session=learning_session, choice=form.to_choice()
        )
    except InvalidInputError as refused:
        return render(
            request,
            "learning_sessions/detail.html",
            _session_context(db, learning_session, principal, view, invite_error=refused.message),
            status_code=422,
            block="composition",
        )
    if not is_htmx(request):
        # The count goes with the redirect as a toast; the panel stays where it was.
        place: dict[str, int | str] = {"page": view.page} if view.page > 1 else {}
        if view.incomplete:
            place["incomplete"] = "1"
        query = f"?{urlencode(place)}" if place else ""
        redirect = RedirectResponse(f"{_session_path(learning_session)}{query}#composition", 303)
        return with_toast(request, redirect, _invited_toast(count))
    return render(
        request,
        "learning_sessions/detail.html",
        _session_context(db, learning_session, principal, view, invited=count),
        block="composition",
    )


# -- status ------------------------------------------------------------------------------------


@router.post("/{session_id}/status", response_class=HTMLResponse)
def change_status(
    principal: FacilitatorDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    form: Annotated[StatusForm, Form()],
) -> Response:
    try:
        workflow.change_status(
            db=db,
            learning_session=learning_session,
            status=form.to_status(),
            actor=principal,
            override_reason=form.override_reason[:2000],
        )
    except workflow.PreparationIncompleteError:
        context = _session_context(
            db,
            learning_session,
            principal,
            status_error=True,
            override_reason=form.override_reason,
        )
        return render(request, "learning_sessions/detail.html", context, status_code=409)
    return RedirectResponse(_session_path(learning_session), status_code=303)


# -- the session's contributions and its agenda ------------------------------------------------


def _agenda_page(
    request: Request, db: DbDep, learning_session: LearningSession, *, block: str | None
) -> HTMLResponse:
    for_session, unscheduled = contribution_service.session_contributions(
        db=db, learning_session=learning_session
    )
    context: dict[str, Any] = {
        "learning_session": learning_session,
        "for_session": for_session,
        "unscheduled": unscheduled,
        "kinds": list(ContributionKind),
    }
    return render(request, "contributions/session.html", context, block=block)


@router.get("/{session_id}/contributions", response_class=HTMLResponse)
def session_contributions(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
) -> HTMLResponse:
    return _agenda_page(request, db, learning_session, block=None)


@router.post(
    "/{session_id}/contributions/{kind}/{contribution_id}/agenda",
    response_class=HTMLResponse,
)
def mark_on_agenda(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    kind: Annotated[ContributionKind, Path()],
    contribution_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    on_agenda: Annotated[str, Form()] = "true",
) -> Response:
    contribution = contribution_service.get_contribution(
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
        contribution_service.put_on_agenda(
            db=db, kind=kind, contribution=contribution, learning_session=learning_session
        )
    else:
        contribution_service.take_off_agenda(db=db, kind=kind, contribution=contribution)
    if is_htmx(request):
        return _agenda_page(request, db, learning_session, block="tables")
    return RedirectResponse(
        f"/sessions/{learning_session.id}/contributions#contribution-{kind.value}-{contribution_id}",
        status_code=303,
    )
