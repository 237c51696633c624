"""The attendance form: who came, and in which group, recorded once the session took place."""

from typing import Annotated
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.auth.dependencies import FacilitatorDep
from app.deps import DbDep
from app.errors import InvalidInputError
from app.learning_sessions import attendance
from app.learning_sessions.dependencies import LearningSessionDep
from app.learning_sessions.models import LearningSession
from app.learning_sessions.schemas import AttendanceForm
from app.schemas import Pagination
from app.templating import render

router = APIRouter(prefix="/sessions", include_in_schema=False)

PageNumber = Annotated[int, Query(ge=1, le=100_000)]
SearchText = Annotated[str, Query(max_length=200)]
ATTENDANCE_PER_PAGE = 50


def _session_path(learning_session: LearningSession) -> str:
    return f"/sessions/{learning_session.id}"


def _attendance_page(
    request: Request,
    db: DbDep,
    learning_session: LearningSession,
    *,
    page: int = 1,
    query: str = "",
    saved: bool = False,
    typed: AttendanceForm | None = None,
    errors: dict[str, str] | None = None,
) -> HTMLResponse:
    """The form as stored, or (``typed``) as posted with ``errors`` next to its fields."""
    assert learning_session.id is not None
    rows = attendance.attendances(
        db=db,
        session_id=learning_session.id,
        offset=(page - 1) * ATTENDANCE_PER_PAGE,
        limit=ATTENDANCE_PER_PAGE,
        query=query,
    )
    ticked = {a.person_id for a, _person in rows if a.attended is True}
    groups = {a.person_id: a.group_name for a, _person in rows}
    if typed is not None:
        ticked = set(typed.attended_ids())
        groups |= typed.groups()
    return render(
        request,
        "learning_sessions/attendance.html",
        {
            "learning_session": learning_session,
            "attendances": rows,
            "ticked": ticked,
            "groups": groups,
            "group_names": attendance.session_groups(db=db, session_id=learning_session.id),
            "group_field": attendance.group_field,
            "max_group_name": attendance.MAX_GROUP_NAME,
            "errors": errors or {},
            "counts": attendance.attendance_counts(
                db=db, session_id=learning_session.id, query=query
            ),
            "pagination": Pagination(page=page, per_page=ATTENDANCE_PER_PAGE),
            "query": query,
            "saved": saved,
        },
        status_code=422 if errors else 200,
    )


@router.get("/{session_id}/attendance", response_class=HTMLResponse)
def attendance_form(
    _access: FacilitatorDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    page: PageNumber = 1,
    q: SearchText = "",
    saved: str = "",
) -> HTMLResponse:
    attendance.refuse_before_session(learning_session=learning_session)
    return _attendance_page(
        request, db, learning_session, page=page, query=q.strip(), saved=bool(saved)
    )


@router.post("/{session_id}/attendance")
def record_attendance(
    _access: FacilitatorDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    form: Annotated[AttendanceForm, Form()],
) -> Response:
    """Without ``shown`` everyone invited is recorded; with it (a page of the form) only them."""
    attendance.refuse_before_session(learning_session=learning_session)
    try:
        attendance.record_attendance(
            db=db,
            learning_session=learning_session,
            attended_person_ids=form.attended_ids(),
            shown_person_ids=form.shown_ids(),
            groups=form.groups(),
        )
    except InvalidInputError as error:
        back = parse_qs(urlsplit(form.back).query)
        page = back.get("page", ["1"])[0]
        return _attendance_page(
            request,
            db,
            learning_session,
            page=int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1,
            query=back.get("q", [""])[0].strip()[:100],
            typed=form,
            errors={problem.field: problem.message for problem in error.problems},
        )
    if form.back.startswith(f"{_session_path(learning_session)}/attendance?"):
        # One page of several: back to it, to go on with the next.
        return RedirectResponse(f"{form.back}&saved=1", status_code=303)
    return RedirectResponse(f"{_session_path(learning_session)}#participants", status_code=303)
