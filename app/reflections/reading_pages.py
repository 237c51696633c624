"""The chair's grouped reading of a session's reflections, its printable view, and hiding a
reflection (the facilitator, with a reason) or showing it again."""

from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.audit.dependencies import SensitiveReadDep
from app.auth import policy
from app.auth.dependencies import FacilitatorDep, MemberDep
from app.auth.principal import Principal
from app.db import MAX_ID
from app.deps import DbDep
from app.labels import N_
from app.learning_sessions.dependencies import LearningSessionDep
from app.learning_sessions.models import LearningSession
from app.reflections import follow_up, moderation, reading
from app.templating import render
from app.web import Toast, client_ip, with_toast

router = APIRouter(include_in_schema=False)

ReflectionId = Annotated[int, Path(ge=1, le=MAX_ID)]


def _context(
    db: DbDep, learning_session: LearningSession, principal: Principal, **extra: Any
) -> dict[str, Any]:
    # Every participant reads what the visibility rule allows; who has not answered yet is for
    # those who prepare the session.
    prepares = policy.prepares_session(principal, learning_session.chair_id)
    grouped = reading.grouped_reflections(
        db=db, learning_session=learning_session, viewer=principal, with_missing=prepares
    )
    return {
        "learning_session": learning_session,
        "grouped": grouped,
        "prepares": prepares,
        "may_hide": principal.is_facilitator,
        "errors": {},
        "typed": {},
        **follow_up.page_context(
            db=db, learning_session=learning_session, viewer=principal, prepares=prepares
        ),
        **extra,
    }


@router.get("/sessions/{session_id}/reflections", response_class=HTMLResponse)
def grouped(
    principal: MemberDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    audit_read: SensitiveReadDep,
) -> HTMLResponse:
    context = _context(db, learning_session, principal)
    if context["prepares"]:
        audit_read(f"grouped reflections of session {learning_session.number}")
    return render(request, "reflections/grouped.html", context)


@router.get("/sessions/{session_id}/reflections/print", response_class=HTMLResponse)
def grouped_print(
    principal: MemberDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    audit_read: SensitiveReadDep,
) -> HTMLResponse:
    context = _context(db, learning_session, principal)
    if context["prepares"]:
        audit_read(f"grouped reflections of session {learning_session.number} (print)")
    context["may_hide"] = False
    context["may_follow_up"] = context["may_use_as_evidence"] = False
    return render(request, "reflections/grouped_print.html", context)


@router.post("/reflections/{reflection_id}/hide", response_class=HTMLResponse)
def hide(
    principal: FacilitatorDep,
    request: Request,
    db: DbDep,
    reflection_id: ReflectionId,
    form: Annotated[moderation.HideForm, Form()],
) -> Response:
    reflection, learning_session = moderation.reflection_to_hide(
        db=db, reflection_id=reflection_id, community_id=principal.community_id
    )
    try:
        data = form.to_data()
    except ValidationError:
        context = _context(
            db,
            learning_session,
            principal,
            errors={reflection_id: moderation.REASON_MESSAGE},
            typed={reflection_id: form.reason},
        )
        return render(request, "reflections/grouped.html", context, status_code=422)
    moderation.hide(
        db=db,
        reflection=reflection,
        learning_session=learning_session,
        by=principal,
        data=data,
        ip=client_ip(request),
    )
    target = f"/sessions/{learning_session.id}/reflections#reflection-{reflection_id}"
    return with_toast(
        request, RedirectResponse(target, 303), Toast(N_("The reflection is hidden."))
    )


@router.post("/reflections/{reflection_id}/unhide", response_class=HTMLResponse)
def unhide(
    principal: FacilitatorDep, request: Request, db: DbDep, reflection_id: ReflectionId
) -> Response:
    reflection, learning_session = moderation.reflection_to_hide(
        db=db, reflection_id=reflection_id, community_id=principal.community_id
    )
    moderation.unhide(
        db=db,
        reflection=reflection,
        learning_session=learning_session,
        by=principal,
        ip=client_ip(request),
    )
    target = f"/sessions/{learning_session.id}/reflections#reflection-{reflection_id}"
    return with_toast(
        request, RedirectResponse(target, 303), Toast(N_("The reflection is shown again."))
    )
