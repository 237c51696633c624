"""What was done with a reflection, recorded by the facilitator and the session's chair on
the grouped reflections page: with htmx the reflection's follow-up is swapped in place (422
with the message next to the field); without it, a plain post redirects back with a toast, or
shows the reflection's own follow-up page with the messages."""

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.audit.dependencies import SensitiveReadDep
from app.auth.dependencies import MemberDep
from app.auth.principal import Principal
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import InvalidInputError
from app.forms import field_errors
from app.labels import N_
from app.learning_sessions.dependencies import PreparedSessionDep
from app.learning_sessions.models import LearningSession
from app.reflections import follow_up
from app.reflections.follow_up import FollowUpEntry, FollowUpForm
from app.reflections.models import Reflection
from app.templating import render
from app.web import Toast, is_htmx, with_toast

router = APIRouter(include_in_schema=False)

ReflectionId = Annotated[int, Path(ge=1, le=MAX_ID)]
PAGE = "reflections/follow_up.html"
FRAGMENT = "reflections/_follow_up.html"


def _render(
    request: Request,
    db: DbDep,
    learning_session: LearningSession,
    principal: Principal,
    reflection: Reflection,
    entry: FollowUpEntry,
    *,
    status_code: int = 200,
    toast: Toast | None = None,
) -> HTMLResponse:
    context = follow_up.page_context(
        db=db, learning_session=learning_session, viewer=principal, prepares=True
    )
    context |= {"learning_session": learning_session, "entry": entry, "reflection": reflection}
    template = FRAGMENT if is_htmx(request) else PAGE
    return render(request, template, context, status_code=status_code, toast=toast)


def _entry(db: DbDep, learning_session: LearningSession, reflection_id: int) -> FollowUpEntry:
    views = follow_up.follow_ups(db=db, learning_session=learning_session)
    return FollowUpEntry(view=views[reflection_id])


@router.get(
    "/sessions/{session_id}/reflections/{reflection_id}/follow-up", response_class=HTMLResponse
)
def follow_up_page(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    reflection_id: ReflectionId,
    audit_read: SensitiveReadDep,
) -> HTMLResponse:
    reflection = follow_up.reflection_to_follow_up(
        db=db, learning_session=learning_session, reflection_id=reflection_id, viewer=principal
    )
    audit_read(f"reflection #{reflection.id} of session {learning_session.number} (follow-up)")
    entry = _entry(db, learning_session, reflection.id or 0)
    context = follow_up.page_context(
        db=db, learning_session=learning_session, viewer=principal, prepares=True
    )
    context |= {"learning_session": learning_session, "entry": entry, "reflection": reflection}
    return render(request, PAGE, context)


@router.post(
    "/sessions/{session_id}/reflections/{reflection_id}/follow-up", response_class=HTMLResponse
)
def record_follow_up(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    reflection_id: ReflectionId,
    form: Annotated[FollowUpForm, Form()],
) -> Response:
    reflection = follow_up.reflection_to_follow_up(
        db=db, learning_session=learning_session, reflection_id=reflection_id, viewer=principal
    )
    try:
        follow_up.record_follow_up(
            db=db,
            learning_session=learning_session,
            reflection=reflection,
            data=form.to_data(),
            by=principal,
        )
    except (ValidationError, InvalidInputError) as error:
        if isinstance(error, ValidationError):
            errors = field_errors(error, follow_up.FOLLOW_UP_MESSAGES)
        else:
            errors = {problem.field: problem.message for problem in error.problems}
        entry = _entry(db, learning_session, reflection_id)
        entry.form, entry.errors = form, errors
        return _render(request, db, learning_session, principal, reflection, entry, status_code=422)
    toast = Toast(N_("Saved what was done with the reflection."))
    if is_htmx(request):
        entry = _entry(db, learning_session, reflection_id)
        entry.saved = True
        return _render(request, db, learning_session, principal, reflection, entry, toast=toast)
    target = f"/sessions/{learning_session.id}/reflections#reflection-{reflection_id}"
    return with_toast(request, RedirectResponse(target, 303), toast)
