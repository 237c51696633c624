"""Action pages: the actions of a session (and adding one), of an initiative, one action with
its progress history, editing it, a progress update, and the review item the next session's
workspace offers.

Every member reads actions (published factsheets show them too); the facilitator and the
session's chair agree and edit them; the initiative's members and the facilitator record
progress.
"""

from itertools import groupby
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.actions import choices as choice_service
from app.actions import service
from app.actions.dependencies import (
    ActionDep,
    ActionSessionDep,
    EditableActionDep,
    ProgressActionDep,
    agrees_actions,
    sees_action,
    updates_progress,
)
from app.actions.schemas import ActionForm, LedToKind, ProgressForm
from app.actions.service import ActionRow
from app.agendas import review
from app.agendas.schemas import AgendaItemForm
from app.agendas.service import AgendaChangedError
from app.agendas.workspace import workspace_context
from app.auth.dependencies import MemberDep
from app.auth.principal import Principal
from app.deps import DbDep
from app.errors import InvalidInputError
from app.forms import field_errors
from app.i18n import translations
from app.initiatives.dependencies import InitiativeDep
from app.labels import N_
from app.learning_sessions import service as session_service
from app.learning_sessions.dependencies import LearningSessionDep, PreparedSessionDep
from app.learning_sessions.models import LearningSession
from app.templating import render
from app.vocabulary import ActionStatus, IntegrationLevel, PartnershipCondition, PdsaStage
from app.web import Toast, is_htmx, with_toast

router = APIRouter(include_in_schema=False)

ACTION_MESSAGES: dict[str, str] = {
    "initiative_id": service.INITIATIVE_MESSAGE,
    "title": N_("Give the action a title of at most 300 characters."),
    "description": N_("Keep the description under 4000 characters."),
    "owner_id": service.OWNER_MESSAGE,
    "condition": N_("Choose a partnership condition."),
    "level": N_("Choose a level of integration."),
    "due_date": N_("Enter a date between 2000 and 2100, like 2027-03-01, or leave it empty."),
    "pdsa_stage": N_("Choose a PDSA stage."),
    "status": N_("Choose a status."),
    "review_session_id": service.REVIEW_MESSAGE,
    "led_to": service.LED_TO_MESSAGE,
}
PROGRESS_MESSAGES: dict[str, str] = {
    "status": N_("Choose a status."),
    "pdsa_stage": N_("Choose a PDSA stage."),
    "note": N_("Write a short note of at most 1000 characters on what happened."),
}


# -- the lists ---------------------------------------------------------------------------------


def _choices_context(
    db: DbDep, learning_session: LearningSession, viewer: Principal
) -> dict[str, Any]:
    return {
        "choices": choice_service.form_choices(
            db=db, learning_session=learning_session, viewer=viewer
        ),
        "conditions": list(PartnershipCondition),
        "levels": list(IntegrationLevel),
        "stages": list(PdsaStage),
        "statuses": list(ActionStatus),
        "led_to_kinds": list(LedToKind),
    }


def _session_page(
    request: Request,
    db: DbDep,
    learning_session: LearningSession,
    principal: Principal,
    *,
    form: ActionForm | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
    led_to: str = "",
) -> HTMLResponse:
    rows = service.session_actions(db=db, learning_session=learning_session)
    context: dict[str, Any] = {
        "learning_session": learning_session,
        "groups": [
            (name, list(group)) for name, group in groupby(rows, lambda r: r.initiative_name)
        ],
        "count": len(rows),
        "can_create": agrees_actions(principal, learning_session),
        "errors": errors or {},
        "form_open": form is not None,
    }
    if context["can_create"]:
        context |= _choices_context(db, learning_session, principal)
        context["form"] = form or ActionForm(
            review_session_id=context["choices"].default_review, led_to=led_to
        )
    return render(request, "actions/session.html", context, status_code=status_code)


@router.get("/sessions/{session_id}/actions", response_class=HTMLResponse)
def session_actions(
    principal: MemberDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    led_to: Annotated[str, Query(max_length=40)] = "",
) -> HTMLResponse:
    """``led_to`` ("reflection:5") presets what led to the new action."""
    return _session_page(request, db, learning_session, principal, led_to=led_to)


@router.post("/sessions/{session_id}/actions", response_class=HTMLResponse)
def create_action(
    principal: MemberDep,
    request: Request,
    learning_session: ActionSessionDep,
    db: DbDep,
    form: Annotated[ActionForm, Form()],
) -> Response:
    try:
        action = service.create_action(
            db=db, learning_session=learning_session, data=form.to_data(), actor=principal
        )
    except (ValidationError, InvalidInputError) as error:
        return _session_page(
            request,
            db,
            learning_session,
            principal,
            form=form,
            errors=_errors(error),
            status_code=422,
        )
    toast = Toast(N_("Added the action '%(title)s'."), {"title": action.title})
    return with_toast(request, RedirectResponse(f"/actions/{action.id}", 303), toast)


@router.get("/initiatives/{initiative_id}/actions", response_class=HTMLResponse)
def initiative_actions(
    principal: MemberDep, request: Request, initiative: InitiativeDep, db: DbDep
) -> HTMLResponse:
    rows = [
        row
        for row in service.initiative_actions(db=db, initiative=initiative)
        if sees_action(principal, row)
    ]
    context = {
        "initiative": initiative,
        "open_rows": [row for row in rows if row.is_open],
        "closed_rows": [row for row in rows if not row.is_open],
    }
    return render(request, "actions/initiative.html", context)


# -- one action --------------------------------------------------------------------------------


def _detail_page(
    request: Request,
    db: DbDep,
    row: ActionRow,
    principal: Principal,
    *,
    progress_form: ProgressForm | None = None,
    progress_errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    action = row.action
    opened = session_service.get_session(db=db, session_id=action.opened_in_session_id)
    can_update = updates_progress(principal, action.initiative_id)
    context = {
        "row": row,
        "action": action,
        "opened": opened,
        "led_to": choice_service.led_to_text(db=db, action=action, viewer=principal),
        "history": service.progress_history(db=db, action=action),
        "can_edit": agrees_actions(principal, opened),
        "can_update": can_update,
        "progress_form": progress_form
        or ProgressForm(
            status=ActionStatus(action.status).value, pdsa_stage=PdsaStage(action.pdsa_stage).value
        ),
        "progress_errors": progress_errors or {},
        "stages": list(PdsaStage),
        "statuses": list(ActionStatus),
    }
    return render(request, "actions/detail.html", context, status_code=status_code)


@router.get("/actions/{action_id}", response_class=HTMLResponse)
def action_page(principal: MemberDep, request: Request, row: ActionDep, db: DbDep) -> HTMLResponse:
    return _detail_page(request, db, row, principal)


@router.post("/actions/{action_id}/progress", response_class=HTMLResponse)
def record_progress(
    principal: MemberDep,
    request: Request,
    row: ProgressActionDep,
    db: DbDep,
    form: Annotated[ProgressForm, Form()],
) -> Response:
    try:
        data = form.to_data()
    except ValidationError as error:
        errors = field_errors(error, PROGRESS_MESSAGES)
        return _detail_page(
            request,
            db,
            row,
            principal,
            progress_form=form,
            progress_errors=errors,
            status_code=422,
        )
    service.record_progress(db=db, action=row.action, author_id=principal.person_id, data=data)
    toast = Toast(N_("Progress of '%(title)s' recorded."), {"title": row.action.title})
    return with_toast(request, RedirectResponse(f"/actions/{row.action.id}#history", 303), toast)


def _edit_page(
    request: Request,
    db: DbDep,
    row: ActionRow,
    principal: Principal,
    *,
    form: ActionForm,
    errors: dict[str, str] | None = None,
    conflict: service.ActionConflictError | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    opened = session_service.get_session(db=db, session_id=row.action.opened_in_session_id)
    context = {
        "row": row,
        "action": row.action,
        "learning_session": opened,
        "form": form,
        "errors": errors or {},
        "conflict": conflict,
        **_choices_context(db, opened, principal),
    }
    return render(request, "actions/edit.html", context, status_code=status_code)


@router.get("/actions/{action_id}/edit", response_class=HTMLResponse)
def edit_action_form(
    principal: MemberDep, request: Request, row: EditableActionDep, db: DbDep
) -> HTMLResponse:
    return _edit_page(request, db, row, principal, form=ActionForm.of(row.action))


@router.post("/actions/{action_id}/edit", response_class=HTMLResponse)
def edit_action(
    principal: MemberDep,
    request: Request,
    row: EditableActionDep,
    db: DbDep,
    form: Annotated[ActionForm, Form()],
) -> Response:
    action = row.action
    opened = session_service.get_session(db=db, session_id=action.opened_in_session_id)
    form = form.model_copy(update={"initiative_id": str(action.initiative_id)})
    try:
        service.update_action(
            db=db,
            action=action,
            learning_session=opened,
            data=form.to_data(),
            expected=form.version_number(),
            actor=principal,
        )
    except service.ActionConflictError as conflict:
        # What was typed stays; the current version lets a second save replace it knowingly.
        kept = form.model_copy(update={"version": str(action.version)})
        return _edit_page(
            request, db, row, principal, form=kept, conflict=conflict, status_code=409
        )
    except (ValidationError, InvalidInputError) as error:
        return _edit_page(
            request, db, row, principal, form=form, errors=_errors(error), status_code=422
        )
    toast = Toast(N_("Saved the action '%(title)s'."), {"title": action.title})
    return with_toast(request, RedirectResponse(f"/actions/{action.id}", 303), toast)


def _errors(error: ValidationError | InvalidInputError) -> dict[str, str]:
    if isinstance(error, ValidationError):
        return field_errors(error, ACTION_MESSAGES)
    return {problem.field: problem.message for problem in error.problems}


# -- the review in the next session's workspace ------------------------------------------------


@router.post("/sessions/{session_id}/prepare/review-actions", response_class=HTMLResponse)
def add_review_item(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    agenda_version: Annotated[str, Form(max_length=20)] = "0",
) -> Response:
    """One click: the "review of last session's actions" item, after the welcome."""
    title = translations(request.state.language).gettext(N_("Review of last session's actions"))
    try:
        item = review.add_review_item(
            db=db,
            learning_session=learning_session,
            title=title,
            expected=AgendaItemForm(agenda_version=agenda_version).version(),
        )
    except AgendaChangedError as error:
        return _workspace(request, db, learning_session, principal, status_code=409, conflict=error)
    if item is None:
        toast = Toast(N_("The agenda already has a review of last session's actions."))
    else:
        toast = Toast(N_("Added '%(title)s' to the agenda."), {"title": item.title})
    if is_htmx(request):
        extra: dict[str, Any] = {} if item is None else {"focus": item.id}
        return _workspace(request, db, learning_session, principal, toast=toast, **extra)
    anchor = "agenda" if item is None else f"item-{item.id}"
    target = f"/sessions/{learning_session.id}/prepare#{anchor}"
    return with_toast(request, RedirectResponse(target, 303), toast)


def _workspace(
    request: Request,
    db: DbDep,
    learning_session: LearningSession,
    principal: Principal,
    *,
    status_code: int = 200,
    toast: Toast | None = None,
    **extra: Any,
) -> HTMLResponse:
    context = workspace_context(
        db=db, learning_session=learning_session, viewer=principal, language=request.state.language
    )
    context.update(extra)
    block = "agenda" if is_htmx(request) else None
    return render(
        request, "agendas/prepare.html", context, status_code=status_code, block=block, toast=toast
    )
