"""The session evaluation: the participant's survey, and the results for those who run the
session (the facilitator and its chair), with server-rendered charts.

Before the session starts and after the survey closes, the survey page says so (and shows
the answers given, if any) without a form; an answer posted then is refused (409).
"""

from typing import Annotated

from babel.numbers import format_decimal
from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.auth.dependencies import MemberDep
from app.auth.principal import Principal
from app.deps import DbDep
from app.errors import ConflictError, format_message
from app.evaluations import service
from app.evaluations.charts import bar_chart
from app.evaluations.schemas import EVALUATION_MESSAGES, QUESTIONS, EvaluationForm
from app.evaluations.wording import QUESTION_LABELS, QUESTION_SENTENCES, QUESTION_SHORT
from app.forms import field_errors
from app.i18n import translations
from app.labels import N_
from app.learning_sessions.dependencies import LearningSessionDep, PreparedSessionDep
from app.learning_sessions.models import LearningSession
from app.templating import environment, render
from app.web import Toast, with_toast

router = APIRouter(include_in_schema=False)

SCALE_ENDS: dict[int, str] = {1: N_("1 — not at all"), 5: N_("5 — very much")}


def _said(request: Request, refusal: ConflictError, learning_session: LearningSession) -> str:
    """Why the survey takes no answers, in the page's language, its date written out."""
    language = request.state.language
    long_date = environment(language).filters["long_date"]
    arguments = {"date": long_date(service.last_day(learning_session))}
    return format_message(translations(language).gettext(refusal.message), arguments)


def _median(request: Request, value: float | None) -> str:
    return "–" if value is None else format_decimal(value, locale=request.state.language)


def _survey(
    request: Request,
    db: DbDep,
    learning_session: LearningSession,
    principal: Principal,
    *,
    form: EvaluationForm | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    service.require_participant(
        db=db, learning_session=learning_session, person_id=principal.person_id
    )
    closed = service.why_closed(learning_session)
    stored = service.answer_of(
        db=db, learning_session=learning_session, person_id=principal.person_id
    )
    context = {
        "learning_session": learning_session,
        "form": form or EvaluationForm.of(stored),
        "errors": errors or {},
        "answered": stored is not None,
        "closed": _said(request, closed, learning_session) if closed else "",
        "last_day": service.last_day(learning_session),
        "questions": [(q, QUESTION_LABELS[q]) for q in QUESTIONS],
        "scale_ends": SCALE_ENDS,
        "plain": principal.is_family_representative,
    }
    return render(request, "evaluations/survey.html", context, status_code=status_code)


@router.get("/sessions/{session_id}/evaluation", response_class=HTMLResponse)
def survey_page(
    principal: MemberDep, request: Request, learning_session: LearningSessionDep, db: DbDep
) -> HTMLResponse:
    return _survey(request, db, learning_session, principal)


@router.post("/sessions/{session_id}/evaluation", response_class=HTMLResponse)
def answer_survey(
    principal: MemberDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    form: Annotated[EvaluationForm, Form()],
) -> Response:
    service.require_answerable(
        db=db, learning_session=learning_session, person_id=principal.person_id
    )
    try:
        data = form.to_data()
    except ValidationError as error:
        errors = field_errors(error, EVALUATION_MESSAGES)
        return _survey(
            request, db, learning_session, principal, form=form, errors=errors, status_code=422
        )
    service.answer(
        db=db, learning_session=learning_session, person_id=principal.person_id, data=data
    )
    redirect = RedirectResponse(f"/sessions/{learning_session.id}/evaluation", status_code=303)
    return with_toast(request, redirect, Toast(N_("Thank you. Your answers are saved.")))


@router.get("/sessions/{session_id}/evaluation/results", response_class=HTMLResponse)
def results_page(
    principal: MemberDep, request: Request, learning_session: PreparedSessionDep, db: DbDep
) -> HTMLResponse:
    results = service.results(db=db, learning_session=learning_session)
    columns = service.across_sessions(db=db, community_id=learning_session.community_id)
    shared_max = {
        q: max((max(c.questions[q].counts) for c in columns), default=1) for q in QUESTIONS
    }
    context = {
        "learning_session": learning_session,
        "results": results,
        "questions": QUESTIONS,
        "labels": QUESTION_SHORT,
        "sentences": QUESTION_SENTENCES,
        "charts": {q: bar_chart(results.questions[q].counts) for q in QUESTIONS},
        "columns": columns,
        "multiples": {
            q: [
                (
                    c,
                    bar_chart(
                        c.questions[q].counts, width=160, height=110, scale_max=shared_max[q]
                    ),
                )
                for c in columns
            ]
            for q in QUESTIONS
        },
        "min_group": service.MIN_GROUP,
        "median": lambda value: _median(request, value),
    }
    return render(request, "evaluations/results.html", context)
