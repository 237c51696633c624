"""The participant's reflection page: consent, and writing reflections on a session.

Opening the page (GET) changes nothing. Every write is a plain form post that redirects back
with a toast; htmx autosaves the text and gets the save status (and the new version) only.
A refused write comes back with what was typed: 422 (too long, empty), 409 (saved elsewhere
first: both texts; or the deadline passed), 403 without consent (nothing stored).
"""

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.auth import policy
from app.auth.dependencies import MemberDep, OptionalPrincipal
from app.auth.principal import Principal
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import ConflictError, InvalidInputError, NotFoundError, NotSignedInError
from app.forms import field_errors
from app.labels import N_
from app.learning_sessions import service as session_service
from app.learning_sessions.dependencies import LearningSessionDep
from app.learning_sessions.models import LearningSession
from app.reflections import consent, outcomes, service
from app.reflections.models import Reflection
from app.reflections.schemas import (
    CONSENT_MESSAGES,
    REFLECTION_MESSAGES,
    ConsentForm,
    ReflectionForm,
)
from app.reflections.service import ReflectionConflictError
from app.reflections.targets import Target, target_of
from app.reflections.view import Refused, page_context
from app.templating import environment, render
from app.web import Toast, is_htmx, with_toast

router = APIRouter(include_in_schema=False)
PAGE = "reflections/reflect.html"
STATUS = "reflections/_status.html"


@dataclass(frozen=True)
class OwnReflection:
    reflection: Reflection
    learning_session: LearningSession


def own_reflection(
    reflection_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    db: DbDep,
    principal: OptionalPrincipal,
) -> OwnReflection:
    """The signed-in author's own reflection, on a session their link opens; anyone else's
    does not exist for them."""
    if principal is None:
        raise NotSignedInError(N_("Please sign in to continue."))
    reflection = service.get_own(db=db, reflection_id=reflection_id, author_id=principal.person_id)
    if not policy.sees_session(principal, reflection.session_id):
        raise NotFoundError(
            N_("There is no reflection with id %(id)s."), arguments={"id": reflection_id}
        )
    learning_session = session_service.get_session(db=db, session_id=reflection.session_id)
    return OwnReflection(reflection, learning_session)


OwnReflectionDep = Annotated[OwnReflection, Depends(own_reflection)]


def _page_path(learning_session: LearningSession, anchor: str = "") -> str:
    return f"/sessions/{learning_session.id}/reflect" + (f"#{anchor}" if anchor else "")


def _page(
    request: Request,
    db: DbDep,
    learning_session: LearningSession,
    principal: Principal,
    *,
    status_code: int = 200,
    refused: dict[str, Refused] | None = None,
    **extra: object,
) -> HTMLResponse:
    context = page_context(
        db=db, learning_session=learning_session, principal=principal, refused=refused
    )
    context["outcomes"] = outcomes.input_outcomes(
        db=db, learning_session=learning_session, reader=principal
    )
    context.update(extra)
    return render(request, PAGE, context, status_code=status_code)


def _clock(request: Request, reflection: Reflection, learning_session: LearningSession) -> str:
    local_time = environment(request.state.language).filters["local_time"]
    return str(local_time(reflection.updated_at, learning_session.timezone))


def _saved(
    request: Request, learning_session: LearningSession, reflection: Reflection, key: str
) -> Response:
    """htmx: the slot's save status and its new version; a browser: back to the page."""
    clock = _clock(request, reflection, learning_session)
    if is_htmx(request):
        return render(
            request,
            STATUS,
            {"key": key, "reflection": reflection, "clock": clock, "outcome": "saved"},
        )
    if reflection.status == "submitted":
        toast = Toast(
            N_("Sent at %(time)s. You can still change it until the deadline."), {"time": clock}
        )
    else:
        toast = Toast(N_("Saved at %(time)s."), {"time": clock})
    redirect = RedirectResponse(_page_path(learning_session, f"reflection-{key}"), status_code=303)
    return with_toast(request, redirect, toast)


def _refused(
    request: Request,
    db: DbDep,
    learning_session: LearningSession,
    principal: Principal,
    key: str,
    refused: Refused,
    status_code: int,
) -> HTMLResponse:
    """htmx: the message (and both texts) in the slot's status; a browser: the whole page
    with the form as typed."""
    if is_htmx(request):
        context = {
            "key": key,
            "refused": refused,
            "outcome": "refused",
            "text_limit": service.TEXT_LIMIT,
        }
        return render(request, STATUS, context, status_code=status_code)
    return _page(
        request, db, learning_session, principal, status_code=status_code, refused={key: refused}
    )


def _write(
    request: Request,
    db: DbDep,
    learning_session: LearningSession,
    principal: Principal,
    form: ReflectionForm,
    target: Target,
    reflection: Reflection | None,
    *,
    submitting: bool,
) -> Response:
    """Create, save or submit the author's reflection on ``target``, or say why not."""
    service.require_consent(db=db, person_id=principal.person_id)
    key = target.key
    try:
        data = form.to_data()
    except ValidationError as error:
        errors = field_errors(error, REFLECTION_MESSAGES)
        return _refused(
            request, db, learning_session, principal, key, Refused(form, errors=errors), 422
        )
    try:
        if reflection is None:
            reflection = service.draft(
                db=db,
                learning_session=learning_session,
                author_id=principal.person_id,
                target=target,
                text=data.text,
                shows_name=data.shows_name,
                visibility=data.visibility,
            )
            expected = reflection.version
        else:
            expected = form.expected_version()
        write = service.submit if submitting else service.save
        write(
            db=db,
            reflection=reflection,
            learning_session=learning_session,
            text=data.text,
            shows_name=data.shows_name,
            expected_version=expected,
            visibility=data.visibility,
        )
    except ReflectionConflictError as conflict:
        return _refused(
            request, db, learning_session, principal, key, Refused(form, conflict=conflict), 409
        )
    except ConflictError as refusal:  # the deadline passed, or the facilitator hid it
        return _refused(
            request,
            db,
            learning_session,
            principal,
            key,
            Refused(form, notice=refusal.message),
            409,
        )
    return _saved(request, learning_session, reflection, key)


@router.get("/sessions/{session_id}/reflect", response_class=HTMLResponse)
def reflect_page(
    principal: MemberDep, request: Request, learning_session: LearningSessionDep, db: DbDep
) -> HTMLResponse:
    return _page(request, db, learning_session, principal)


@router.post("/sessions/{session_id}/consent", response_class=HTMLResponse)
def give_consent(
    principal: MemberDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    form: Annotated[ConsentForm, Form()],
) -> Response:
    try:
        data = form.to_data()
    except ValidationError as error:
        errors = field_errors(error, CONSENT_MESSAGES)
        return _page(
            request,
            db,
            learning_session,
            principal,
            status_code=422,
            consent_form=form,
            consent_errors=errors,
        )
    consent.change_consent(
        db=db,
        person_id=principal.person_id,
        read_by_participants=data.read_by_participants,
        quoted_as_evidence=data.quoted_as_evidence,
    )
    redirect = RedirectResponse(_page_path(learning_session, "consent"), status_code=303)
    return with_toast(request, redirect, Toast(N_("Your choices are saved.")))


@router.post("/sessions/{session_id}/reflections", response_class=HTMLResponse)
def write_reflection(
    principal: MemberDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    form: Annotated[ReflectionForm, Form()],
) -> Response:
    """A new reflection on what it answers; once autosave made it, the same form saves it
    (the version it carries tells a second tab from the first)."""
    try:
        target = form.to_target()
    except ValueError as error:  # a ValidationError is a ValueError too
        raise InvalidInputError(N_("Choose what your reflection is about.")) from error
    existing = service.mine_on(
        db=db, learning_session=learning_session, author_id=principal.person_id, target=target
    )
    return _write(
        request,
        db,
        learning_session,
        principal,
        form,
        target,
        existing,
        submitting=form.submitting,
    )


@router.post("/reflections/{reflection_id}", response_class=HTMLResponse)
def save_reflection(
    principal: MemberDep,
    request: Request,
    own: OwnReflectionDep,
    db: DbDep,
    form: Annotated[ReflectionForm, Form()],
) -> Response:
    target = target_of(own.reflection)
    return _write(
        request,
        db,
        own.learning_session,
        principal,
        form,
        target,
        own.reflection,
        submitting=form.submitting,
    )


@router.post("/reflections/{reflection_id}/submit", response_class=HTMLResponse)
def submit_reflection(
    principal: MemberDep,
    request: Request,
    own: OwnReflectionDep,
    db: DbDep,
    form: Annotated[ReflectionForm, Form()],
) -> Response:
    target = target_of(own.reflection)
    return _write(
        request,
        db,
        own.learning_session,
        principal,
        form,
        target,
        own.reflection,
        submitting=True,
    )


@router.post("/reflections/{reflection_id}/delete", response_class=HTMLResponse)
def delete_reflection(
    principal: MemberDep, request: Request, own: OwnReflectionDep, db: DbDep
) -> Response:
    key = target_of(own.reflection).key
    try:
        service.delete_draft(
            db=db, reflection=own.reflection, learning_session=own.learning_session
        )
    except ConflictError as refusal:
        form = ReflectionForm.of(own.reflection)
        return _refused(
            request,
            db,
            own.learning_session,
            principal,
            key,
            Refused(form, notice=refusal.message),
            409,
        )
    redirect = RedirectResponse(
        _page_path(own.learning_session, f"reflection-{key}"), status_code=303
    )
    return with_toast(request, redirect, Toast(N_("Your draft has been deleted.")))
