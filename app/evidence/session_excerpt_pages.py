"""Evidence from a session (the action-research trail): what of the session can become
evidence, and the form that turns a discussed reflection (with its author's consent,
anonymised) or an excerpt of an item's minutes into an evidence item. For the facilitator
and the practitioner-researchers (who record evidence)."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.audit.dependencies import SensitiveReadDep
from app.auth import policy
from app.auth.dependencies import MemberDep, OptionalPrincipal
from app.auth.principal import Principal
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import ForbiddenError, InvalidInputError
from app.evidence import session_excerpts as excerpts
from app.evidence.session_excerpts import ExcerptSource, SessionExcerptForm
from app.forms import field_errors
from app.labels import N_
from app.learning_sessions.dependencies import LearningSessionDep
from app.learning_sessions.models import LearningSession
from app.templating import render
from app.vocabulary import IntegrationLevel, PartnershipCondition, Perspective
from app.web import Toast, with_toast

router = APIRouter(include_in_schema=False)

SourceId = Annotated[int, Path(ge=1, le=MAX_ID)]
FORM = "evidence/session_excerpt.html"


def session_for_evidence(
    learning_session: LearningSessionDep, principal: OptionalPrincipal
) -> LearningSession:
    if principal is None or not policy.records_some_evidence(principal):
        raise ForbiddenError(
            N_("Only the facilitator and practitioner-researchers record evidence.")
        )
    return learning_session


EvidenceSessionDep = Annotated[LearningSession, Depends(session_for_evidence)]


@router.get("/sessions/{session_id}/evidence", response_class=HTMLResponse)
def session_evidence(
    principal: MemberDep,
    request: Request,
    learning_session: EvidenceSessionDep,
    db: DbDep,
    audit_read: SensitiveReadDep,
) -> HTMLResponse:
    # Discussed reflections and minutes, to be drawn on as evidence: a sensitive read.
    audit_read(f"evidence sources of session {learning_session.number}")
    sources = excerpts.session_sources(db=db, learning_session=learning_session, viewer=principal)
    context = {"learning_session": learning_session, "sources": sources}
    return render(request, "evidence/session.html", context)


def _form_page(
    request: Request,
    db: DbDep,
    source: ExcerptSource,
    principal: Principal,
    action: str,
    *,
    form: SessionExcerptForm | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    initiatives = excerpts.initiative_choices(
        db=db, learning_session=source.learning_session, viewer=principal
    )
    default_initiative = str(source.initiative_id or "")
    if default_initiative not in {value for value, _ in initiatives}:
        default_initiative = initiatives[0][0] if len(initiatives) == 1 else ""
    context: dict[str, Any] = {
        "learning_session": source.learning_session,
        "source": source,
        "action": action,
        "form": form
        or SessionExcerptForm(
            initiative_id=default_initiative,
            conditions=[source.condition.value] if source.condition else [],
            excerpt=source.text,
        ),
        "errors": errors or {},
        "initiatives": initiatives,
        "conditions": list(PartnershipCondition),
        "levels": list(IntegrationLevel),
        "perspectives": list(Perspective),
    }
    return render(request, FORM, context, status_code=status_code)


def _save(
    request: Request,
    db: DbDep,
    source: ExcerptSource,
    principal: Principal,
    action: str,
    form: SessionExcerptForm,
) -> Response:
    try:
        item, created = excerpts.record_session_excerpt(
            db=db,
            source=source,
            data=form.to_data(with_excerpt=source.reflection is None),
            by=principal,
        )
    except (ValidationError, InvalidInputError) as error:
        if isinstance(error, ValidationError):
            errors = field_errors(error, excerpts.EXCERPT_MESSAGES)
        else:
            errors = {problem.field: problem.message for problem in error.problems}
        return _form_page(
            request, db, source, principal, action, form=form, errors=errors, status_code=422
        )
    toast = (
        Toast(
            N_("Recorded as evidence from session %(number)s."),
            {"number": source.learning_session.number},
        )
        if created
        else Toast(N_("This excerpt was recorded as evidence already."))
    )
    target = f"/initiatives/{item.initiative_id}/evidence"
    return with_toast(request, RedirectResponse(target, 303), toast)


def _reflection_path(learning_session: LearningSession, reflection_id: int) -> str:
    return f"/sessions/{learning_session.id}/evidence/reflections/{reflection_id}"


def _item_path(learning_session: LearningSession, item_id: int) -> str:
    return f"/sessions/{learning_session.id}/evidence/items/{item_id}"


@router.get(
    "/sessions/{session_id}/evidence/reflections/{reflection_id}", response_class=HTMLResponse
)
def reflection_excerpt_form(
    principal: MemberDep,
    request: Request,
    learning_session: EvidenceSessionDep,
    db: DbDep,
    reflection_id: SourceId,
) -> HTMLResponse:
    source = excerpts.reflection_source(
        db=db, learning_session=learning_session, reflection_id=reflection_id, viewer=principal
    )
    action = _reflection_path(learning_session, reflection_id)
    return _form_page(request, db, source, principal, action)


@router.post(
    "/sessions/{session_id}/evidence/reflections/{reflection_id}", response_class=HTMLResponse
)
def record_reflection_excerpt(
    principal: MemberDep,
    request: Request,
    learning_session: EvidenceSessionDep,
    db: DbDep,
    reflection_id: SourceId,
    form: Annotated[SessionExcerptForm, Form()],
) -> Response:
    source = excerpts.reflection_source(
        db=db, learning_session=learning_session, reflection_id=reflection_id, viewer=principal
    )
    action = _reflection_path(learning_session, reflection_id)
    return _save(request, db, source, principal, action, form)


@router.get("/sessions/{session_id}/evidence/items/{item_id}", response_class=HTMLResponse)
def minutes_excerpt_form(
    principal: MemberDep,
    request: Request,
    learning_session: EvidenceSessionDep,
    db: DbDep,
    item_id: SourceId,
) -> HTMLResponse:
    source = excerpts.minutes_source(db=db, learning_session=learning_session, item_id=item_id)
    return _form_page(request, db, source, principal, _item_path(learning_session, item_id))


@router.post("/sessions/{session_id}/evidence/items/{item_id}", response_class=HTMLResponse)
def record_minutes_excerpt(
    principal: MemberDep,
    request: Request,
    learning_session: EvidenceSessionDep,
    db: DbDep,
    item_id: SourceId,
    form: Annotated[SessionExcerptForm, Form()],
) -> Response:
    source = excerpts.minutes_source(db=db, learning_session=learning_session, item_id=item_id)
    action = _item_path(learning_session, item_id)
    return _save(request, db, source, principal, action, form)
