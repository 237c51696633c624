"""Changing a scheduled session (date, time, place, focus, chair) and calling it off.

A new date, time or place raises the calendar invitation's SEQUENCE and, once the agenda is
out, sends everyone invited the moved event; cancelling sends the calendar's cancellation.
"""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import Session

from app.auth.dependencies import FacilitatorDep
from app.deps import DbDep
from app.errors import ConflictError, InvalidInputError, StaleVersionError
from app.forms import field_errors
from app.labels import N_
from app.learning_sessions import service
from app.learning_sessions.composition import chair_options
from app.learning_sessions.dependencies import LearningSessionDep
from app.learning_sessions.models import LearningSession
from app.learning_sessions.schemas import (
    EARLIEST,
    LATEST,
    SESSION_FIELD_MESSAGES,
    LearningSessionForm,
)
from app.templating import render
from app.web import Toast, with_toast

router = APIRouter(prefix="/sessions", include_in_schema=False)

STALE = N_("Someone else changed this session since you opened it. Check it and save again.")


def _edit_form(
    request: Request,
    db: Session,
    learning_session: LearningSession,
    *,
    form: LearningSessionForm,
    errors: dict[str, str],
    notice: str = "",
    typed: LearningSessionForm | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "learning_sessions/form.html",
        {
            "form": form,
            "errors": errors,
            "chairs": chair_options(db=db, community_id=learning_session.community_id),
            "earliest": EARLIEST.isoformat(),
            "latest": LATEST.isoformat(),
            "editing": learning_session,
            "notice": notice,
            "typed": typed,
        },
        status_code=status_code,
    )


def _stale(
    request: Request, db: Session, learning_session: LearningSession, typed: LearningSessionForm
) -> HTMLResponse:
    """What is stored now, with the notice; what they typed is shown beside it."""
    return _edit_form(
        request,
        db,
        learning_session,
        form=LearningSessionForm.of(learning_session),
        errors={},
        notice=STALE,
        typed=typed,
        status_code=409,
    )


@router.get("/{session_id}/edit", response_class=HTMLResponse)
def edit_session(
    _access: FacilitatorDep, request: Request, learning_session: LearningSessionDep, db: DbDep
) -> HTMLResponse:
    form = LearningSessionForm.of(learning_session)
    return _edit_form(request, db, learning_session, form=form, errors={})


@router.post("/{session_id}/edit", response_class=HTMLResponse)
def save_session(
    principal: FacilitatorDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    form: Annotated[LearningSessionForm, Form()],
) -> Response:
    try:
        data = form.to_update()
    except ValidationError as error:
        errors = field_errors(error, SESSION_FIELD_MESSAGES)
        if not errors:  # only the hidden version was unreadable: show what is stored now
            return _stale(request, db, learning_session, form)
        return _edit_form(request, db, learning_session, form=form, errors=errors, status_code=422)
    try:
        service.update_session(db=db, learning_session=learning_session, data=data, actor=principal)
    except InvalidInputError as refused:
        errors = {
            p.field: SESSION_FIELD_MESSAGES[p.field]
            for p in refused.problems
            if p.field in SESSION_FIELD_MESSAGES
        }
        return _edit_form(request, db, learning_session, form=form, errors=errors, status_code=422)
    except StaleVersionError:
        return _stale(request, db, learning_session, form)
    except ConflictError:
        errors = {"number": N_("There is already a session with this number.")}
        return _edit_form(request, db, learning_session, form=form, errors=errors, status_code=409)
    redirect = RedirectResponse(f"/sessions/{learning_session.id}", status_code=303)
    return with_toast(request, redirect, Toast(N_("The session has been saved.")))


@router.get("/{session_id}/cancel", response_class=HTMLResponse)
def confirm_cancel(
    _access: FacilitatorDep, request: Request, learning_session: LearningSessionDep
) -> HTMLResponse:
    return render(request, "learning_sessions/cancel.html", {"learning_session": learning_session})


@router.post("/{session_id}/cancel")
def cancel_session(
    _access: FacilitatorDep, request: Request, learning_session: LearningSessionDep, db: DbDep
) -> Response:
    told = service.cancel_session(db=db, learning_session=learning_session)
    redirect = RedirectResponse(f"/sessions/{learning_session.id}", status_code=303)
    return with_toast(
        request,
        redirect,
        Toast(N_("The session is cancelled. Cancellations written: %(count)s."), {"count": told}),
    )
