"""The chair's workspace: the agenda builder. Every change is a plain form post that
redirects back; with htmx the agenda section is swapped in place, the message is announced
in the toast region and focus stays on the item that moved or changed."""

from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.agendas import publishing, service
from app.agendas.schemas import AgendaItemForm, OrderForm
from app.agendas.workspace import item_form_context, workspace_context
from app.auth.dependencies import MemberDep
from app.auth.principal import Principal
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import InvalidInputError
from app.forms import field_errors
from app.labels import N_
from app.learning_sessions.dependencies import PreparedSessionDep
from app.learning_sessions.models import LearningSession
from app.templating import render
from app.web import Toast, is_htmx, with_toast

router = APIRouter(prefix="/sessions", include_in_schema=False)

ItemId = Annotated[int, Path(ge=1, le=MAX_ID)]
TEMPLATE = "agendas/prepare.html"
ITEM_MESSAGES: dict[str, str] = {
    "kind": N_("Choose what kind of item this is."),
    "title": N_("Give the item a title of at most 300 characters."),
    "duration_minutes": N_("Enter the minutes as a whole number from 1 to 480."),
    "owner_id": N_("Choose the owner from the list."),
    "link": N_("Choose a question, dilemma or good practice from the list."),
    "chair_notes": N_("Keep the chair's notes under 4000 characters."),
}


def _path(learning_session: LearningSession, anchor: str = "agenda") -> str:
    return f"/sessions/{learning_session.id}/prepare#{anchor}"


def _page(
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
        db=db,
        learning_session=learning_session,
        viewer=principal,
        language=request.state.language,
    )
    context.update(extra)
    block = "agenda" if is_htmx(request) else None
    return render(request, TEMPLATE, context, status_code=status_code, block=block, toast=toast)


def _refused(
    request: Request,
    db: DbDep,
    learning_session: LearningSession,
    principal: Principal,
    error: Exception,
    **form: Any,
) -> HTMLResponse:
    """The workspace again: with the form as typed and its messages, or, when someone else
    changed the agenda first, their version with this change kept to apply again."""
    if isinstance(error, service.AgendaChangedError):
        return _page(
            request, db, learning_session, principal, status_code=409, conflict=error, **form
        )
    if isinstance(error, ValidationError):
        errors = field_errors(error, ITEM_MESSAGES)
    else:
        assert isinstance(error, InvalidInputError)
        errors = {problem.field: problem.message for problem in error.problems}
    return _page(request, db, learning_session, principal, status_code=422, errors=errors, **form)


REFUSED = (ValidationError, InvalidInputError, service.AgendaChangedError)


def _done(
    request: Request,
    db: DbDep,
    learning_session: LearningSession,
    principal: Principal,
    toast: Toast,
    anchor: str = "agenda",
    **extra: Any,
) -> Response:
    if is_htmx(request):
        return _page(request, db, learning_session, principal, toast=toast, **extra)
    return with_toast(request, RedirectResponse(_path(learning_session, anchor), 303), toast)


@router.get("/{session_id}/prepare", response_class=HTMLResponse)
def workspace(
    principal: MemberDep, request: Request, learning_session: PreparedSessionDep, db: DbDep
) -> HTMLResponse:
    return _page(request, db, learning_session, principal)


@router.post("/{session_id}/prepare/items", response_class=HTMLResponse)
def add_item(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    form: Annotated[AgendaItemForm, Form()],
) -> Response:
    try:
        item = service.add_item(
            db=db, learning_session=learning_session, data=form.to_data(), expected=form.version()
        )
    except REFUSED as error:
        return _refused(
            request, db, learning_session, principal, error, new_item=form, new_item_open=True
        )
    toast = Toast(N_("Added '%(title)s' to the agenda."), {"title": item.title})
    return _done(request, db, learning_session, principal, toast, f"item-{item.id}", focus=item.id)


@router.get("/{session_id}/prepare/items/{item_id}/edit", response_class=HTMLResponse)
def edit_item_form(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    item_id: ItemId,
) -> HTMLResponse:
    """The item's form: its own page, or (htmx) the fragment opened inside the workspace."""
    item = service.get_item(db=db, learning_session=learning_session, item_id=item_id)
    context = item_form_context(db=db, learning_session=learning_session, item=item)
    template = "agendas/_item_form.html" if is_htmx(request) else "agendas/edit.html"
    return render(request, template, context)


@router.post("/{session_id}/prepare/items/{item_id}", response_class=HTMLResponse)
def update_item(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    item_id: ItemId,
    form: Annotated[AgendaItemForm, Form()],
) -> Response:
    service.get_item(db=db, learning_session=learning_session, item_id=item_id)
    try:
        item = service.update_item(
            db=db,
            learning_session=learning_session,
            item_id=item_id,
            data=form.to_data(),
            expected=form.version(),
        )
    except REFUSED as error:
        return _refused(request, db, learning_session, principal, error, edited=(item_id, form))
    toast = Toast(N_("Saved '%(title)s'."), {"title": item.title})
    return _done(request, db, learning_session, principal, toast, f"item-{item.id}", focus=item.id)


@router.post("/{session_id}/prepare/items/{item_id}/delete", response_class=HTMLResponse)
def remove_item(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    item_id: ItemId,
    agenda_version: Annotated[str, Form(max_length=20)] = "0",
) -> Response:
    form = AgendaItemForm(agenda_version=agenda_version)
    try:
        item = service.remove_item(
            db=db, learning_session=learning_session, item_id=item_id, expected=form.version()
        )
    except service.AgendaChangedError as error:
        return _refused(request, db, learning_session, principal, error)
    toast = Toast(N_("Removed '%(title)s' from the agenda."), {"title": item.title})
    return _done(request, db, learning_session, principal, toast)


@router.post("/{session_id}/prepare/order", response_class=HTMLResponse)
def move_item(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    form: Annotated[OrderForm, Form()],
) -> Response:
    try:
        move = form.to_move()
    except ValidationError as error:
        raise InvalidInputError(N_("Choose an item to move and where to move it.")) from error
    try:
        moved = service.move_item(
            db=db, learning_session=learning_session, move=move, expected=form.version()
        )
    except service.AgendaChangedError as error:
        return _refused(request, db, learning_session, principal, error)
    toast = Toast(
        N_("Moved '%(title)s' to %(position)s of %(total)s."),
        {"title": moved.item.title, "position": moved.position, "total": moved.total},
    )
    return _done(
        request,
        db,
        learning_session,
        principal,
        toast,
        f"item-{moved.item.id}",
        focus=moved.item.id,
        focus_control=move.direction.value,
    )


@router.post("/{session_id}/prepare/publish", response_class=HTMLResponse)
def publish(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    agenda_version: Annotated[str, Form(max_length=20)] = "0",
) -> Response:
    form = AgendaItemForm(agenda_version=agenda_version)
    try:
        published = publishing.publish_agenda(
            db=db, learning_session=learning_session, actor=principal, expected=form.version()
        )
    except service.AgendaChangedError as error:
        return _refused(request, db, learning_session, principal, error)
    toast = Toast(
        N_("The agenda is published; %(count)s invitations are on their way.")
        if not published.update
        else N_("The changed agenda is published; %(count)s invitees hear about it."),
        {"count": published.messages},
    )
    return _done(request, db, learning_session, principal, toast, "publish")
