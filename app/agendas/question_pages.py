"""The chair's workspace: reflective questions. Take a suggestion or a bank question,
reword it, or write a new one (which joins the bank)."""

from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.agendas import questions
from app.agendas.schemas import PickForm, QuestionForm
from app.agendas.workspace import question_form_context, workspace_context
from app.auth.dependencies import MemberDep
from app.auth.principal import Principal
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import ConflictError, InvalidInputError
from app.forms import field_errors
from app.labels import N_
from app.learning_sessions.dependencies import PreparedSessionDep
from app.learning_sessions.models import LearningSession
from app.templating import render
from app.web import Toast, is_htmx, with_toast

router = APIRouter(prefix="/sessions", include_in_schema=False)

QuestionId = Annotated[int, Path(ge=1, le=MAX_ID)]
QUESTION_MESSAGES: dict[str, str] = {
    "text": N_("Write the question in 5 to 1000 characters."),
    "plain_text": N_("Keep the plain-language wording under 1000 characters."),
    "condition": N_("Choose the partnership condition the question is about."),
    "level": N_("Choose the level the question is about."),
    "target_roles": N_("Choose the roles from the list."),
}


def _again(
    request: Request,
    db: DbDep,
    learning_session: LearningSession,
    principal: Principal,
    status_code: int,
    **extra: Any,
) -> HTMLResponse:
    context = workspace_context(
        db=db, learning_session=learning_session, viewer=principal, language=request.state.language
    )
    context.update(extra)
    return render(request, "agendas/prepare.html", context, status_code=status_code)


def _back(
    request: Request, learning_session: LearningSession, anchor: str, toast: Toast
) -> Response:
    target = f"/sessions/{learning_session.id}/prepare#{anchor}"
    return with_toast(request, RedirectResponse(target, status_code=303), toast)


@router.post("/{session_id}/prepare/questions/pick", response_class=HTMLResponse)
def pick_question(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    form: Annotated[PickForm, Form()],
) -> Response:
    try:
        bank_question_id = form.to_id()
    except ValidationError as error:
        raise InvalidInputError(N_("Choose a question from the bank.")) from error
    try:
        question = questions.pick(
            db=db, learning_session=learning_session, bank_question_id=bank_question_id
        )
    except ConflictError as error:
        return _again(
            request, db, learning_session, principal, 409, question_conflict=error.message
        )
    toast = Toast(N_("Added the question to this session."))
    return _back(request, learning_session, f"question-{question.id}", toast)


@router.post("/{session_id}/prepare/questions", response_class=HTMLResponse)
def write_question(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    form: Annotated[QuestionForm, Form()],
) -> Response:
    try:
        data = form.to_data()
    except ValidationError as error:
        errors = field_errors(error, QUESTION_MESSAGES)
        return _again(
            request,
            db,
            learning_session,
            principal,
            422,
            question_form=form,
            question_errors=errors,
        )
    question = questions.write(
        db=db,
        learning_session=learning_session,
        data=data,
        author_id=principal.person_id,
        language=request.state.language,
    )
    toast = Toast(N_("Added your question to this session and to the question bank."))
    return _back(request, learning_session, f"question-{question.id}", toast)


@router.get("/{session_id}/prepare/questions/{question_id}/edit", response_class=HTMLResponse)
def reword_form(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    question_id: QuestionId,
) -> HTMLResponse:
    """The question's form: its own page, or (htmx) the fragment opened inside the workspace."""
    question = questions.get_question(
        db=db, learning_session=learning_session, question_id=question_id
    )
    context = question_form_context(learning_session=learning_session, question=question)
    template = "agendas/_question_form.html" if is_htmx(request) else "agendas/edit.html"
    return render(request, template, context)


@router.post("/{session_id}/prepare/questions/{question_id}", response_class=HTMLResponse)
def reword_question(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    question_id: QuestionId,
    form: Annotated[QuestionForm, Form()],
) -> Response:
    questions.get_question(db=db, learning_session=learning_session, question_id=question_id)
    try:
        data = form.to_data()
    except ValidationError as error:
        errors = field_errors(error, QUESTION_MESSAGES)
        return _again(
            request,
            db,
            learning_session,
            principal,
            422,
            edited_question=(question_id, form),
            question_errors=errors,
        )
    questions.reword(db=db, learning_session=learning_session, question_id=question_id, data=data)
    return _back(
        request, learning_session, f"question-{question_id}", Toast(N_("Saved the question."))
    )


@router.post("/{session_id}/prepare/questions/{question_id}/delete", response_class=HTMLResponse)
def remove_question(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    question_id: QuestionId,
) -> Response:
    try:
        questions.remove(db=db, learning_session=learning_session, question_id=question_id)
    except ConflictError as error:
        return _again(
            request, db, learning_session, principal, 409, question_conflict=error.message
        )
    return _back(
        request, learning_session, "questions", Toast(N_("Took the question off the list."))
    )
