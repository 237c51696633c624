"""An initiative's self-assessment for a session: its members score the four conditions, the
page shows the median and spread per role, and the members publish them to the community."""

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.auth.dependencies import FacilitatorDep, MemberDep
from app.auth.principal import Principal
from app.deps import DbDep
from app.errors import ConflictError, ForbiddenError
from app.forms import field_errors
from app.i18n import translations
from app.initiatives.dependencies import InitiativeDep
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.self_assessment import scoring, service, views
from app.self_assessment.schemas import SCORE_MESSAGES, ScoresForm
from app.templating import render
from app.web import Toast, client_ip, with_toast

router = APIRouter(include_in_schema=False)

SessionQuery = Annotated[str, Query(max_length=20)]


def _session(
    db: DbDep, principal: Principal, session_id: str
) -> tuple[list[LearningSession], LearningSession | None]:
    sessions = scoring.sessions_of(db=db, viewer=principal)
    return sessions, scoring.chosen_session(sessions, views.session_id_from(session_id))


def _page(
    request: Request,
    db: DbDep,
    principal: Principal,
    initiative: Initiative,
    sessions: list[LearningSession],
    learning_session: LearningSession | None,
    *,
    form: ScoresForm | None = None,
    errors: dict[str, str] | None = None,
    refusal: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    initiative_id = initiative.id or 0
    context: dict[str, object] = {
        "initiative": initiative,
        "sessions": sessions,
        "learning_session": learning_session,
        "errors": errors or {},
        "refusal": refusal,
        "role": scoring.scoring_role(principal, initiative_id),
        "may_release": scoring.may_release(principal, initiative_id),
        **views.helpers(request.state.language),
    }
    if learning_session is not None:
        session_id = learning_session.id or 0
        release = scoring.release_of(db=db, session_id=session_id, initiative_id=initiative_id)
        visible = release is not None or scoring.sees_unreleased(principal, initiative_id)
        spreads = service.spreads_by_session(
            db=db,
            community_id=principal.community_id,
            session_ids=[session_id],
            viewer=principal,
            initiative_id=initiative_id,
        ).get(session_id, {})
        own = scoring.own_scores(
            db=db, session_id=session_id, initiative_id=initiative_id, person_id=principal.person_id
        )
        context |= {
            "release": release,
            "visible": visible,
            "results": views.results({c: s for (_, c), s in spreads.items()}) if visible else [],
            "notes": scoring.notes_of(db=db, session_id=session_id, initiative_id=initiative_id)
            if visible
            else [],
            "form": form or ScoresForm.of({c: (r.level, r.note) for c, r in own.items()}),
            "scored": bool(own),
        }
    return render(request, "self_assessment/page.html", context, status_code=status_code)


@router.get("/initiatives/{initiative_id}/self-assessment", response_class=HTMLResponse)
def self_assessment(
    principal: MemberDep,
    request: Request,
    initiative: InitiativeDep,
    db: DbDep,
    session_id: SessionQuery = "",
) -> HTMLResponse:
    sessions, learning_session = _session(db, principal, session_id)
    return _page(request, db, principal, initiative, sessions, learning_session)


@router.post("/initiatives/{initiative_id}/self-assessment", response_class=HTMLResponse)
def save_scores(
    principal: MemberDep,
    request: Request,
    initiative: InitiativeDep,
    db: DbDep,
    form: Annotated[ScoresForm, Form()],
    session_id: SessionQuery = "",
) -> Response:
    initiative_id = initiative.id or 0
    if scoring.scoring_role(principal, initiative_id) is None:
        raise ForbiddenError(scoring.NOT_A_MEMBER)
    sessions, learning_session = _session(db, principal, session_id)
    if learning_session is None:
        return RedirectResponse(f"/initiatives/{initiative_id}/self-assessment", status_code=303)
    try:
        data = form.to_data()
    except ValidationError as error:
        errors = field_errors(error, SCORE_MESSAGES)
        return _page(
            request, db, principal, initiative, sessions, learning_session,
            form=form, errors=errors, status_code=422,
        )  # fmt: skip
    try:
        scoring.save_scores(
            db=db,
            learning_session=learning_session,
            initiative_id=initiative_id,
            viewer=principal,
            data=data,
        )
    except ConflictError as refused:
        return _page(
            request, db, principal, initiative, sessions, learning_session,
            form=form, refusal=refused.translated(translations(request.state.language).gettext), status_code=409,
        )  # fmt: skip
    redirect = RedirectResponse(
        f"/initiatives/{initiative_id}/self-assessment?session_id={learning_session.id}",
        status_code=303,
    )
    return with_toast(request, redirect, Toast(N_("Your scores are saved.")))


def _releasable(
    db: DbDep, principal: Principal, initiative: Initiative, session_id: str
) -> LearningSession:
    if not scoring.may_release(principal, initiative.id or 0):
        raise ForbiddenError(scoring.NOT_A_RELEASER)
    _, learning_session = _session(db, principal, session_id)
    if learning_session is None:
        raise ConflictError(N_("The community has no learning session yet."))
    return learning_session


@router.get("/initiatives/{initiative_id}/self-assessment/release", response_class=HTMLResponse)
def confirm_release(
    principal: MemberDep,
    request: Request,
    initiative: InitiativeDep,
    db: DbDep,
    session_id: SessionQuery = "",
) -> HTMLResponse:
    learning_session = _releasable(db, principal, initiative, session_id)
    context = {"initiative": initiative, "learning_session": learning_session}
    return render(request, "self_assessment/release.html", context)


@router.post("/initiatives/{initiative_id}/self-assessment/release")
def release(
    principal: MemberDep,
    request: Request,
    initiative: InitiativeDep,
    db: DbDep,
    session_id: SessionQuery = "",
) -> Response:
    learning_session = _releasable(db, principal, initiative, session_id)
    released = scoring.release(
        db=db,
        learning_session=learning_session,
        initiative_id=initiative.id or 0,
        viewer=principal,
        ip=client_ip(request),
    )
    redirect = RedirectResponse(
        f"/initiatives/{initiative.id}/self-assessment?session_id={learning_session.id}",
        status_code=303,
    )
    if released is None:
        return with_toast(request, redirect, Toast(N_("There are no scores to publish yet.")))
    return with_toast(request, redirect, Toast(N_("The scores are published to the community.")))


@router.post("/initiatives/{initiative_id}/self-assessment/withdraw")
def withdraw(
    principal: FacilitatorDep,
    request: Request,
    initiative: InitiativeDep,
    db: DbDep,
    session_id: SessionQuery = "",
) -> Response:
    _, learning_session = _session(db, principal, session_id)
    withdrawn = learning_session is not None and scoring.withdraw(
        db=db, learning_session=learning_session, initiative_id=initiative.id or 0
    )
    redirect = RedirectResponse(
        f"/initiatives/{initiative.id}/self-assessment"
        + (f"?session_id={learning_session.id}" if learning_session else ""),
        status_code=303,
    )
    message = (
        N_("The publication is withdrawn: the members may change their scores.")
        if withdrawn
        else N_("These scores were not published.")
    )
    return with_toast(request, redirect, Toast(message))
