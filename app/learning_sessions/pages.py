from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.auth.dependencies import MemberDep
from app.deps import SessionDep
from app.learning_sessions import service
from app.learning_sessions.composition import session_composition
from app.learning_sessions.dependencies import LearningSessionDep
from app.people.models import Person
from app.templating import render

router = APIRouter(prefix="/sessions", include_in_schema=False)


@router.get("/{session_id}", response_class=HTMLResponse)
def session_page(
    _access: MemberDep, request: Request, learning_session: LearningSessionDep, session: SessionDep
) -> HTMLResponse:
    assert learning_session.id is not None
    chair = session.get(Person, learning_session.chair_id) if learning_session.chair_id else None
    return render(
        request,
        "learning_sessions/detail.html",
        {
            "learning_session": learning_session,
            "chair": chair,
            "composition": session_composition(session=session, learning_session=learning_session),
            "attendances": service.attendances(session=session, session_id=learning_session.id),
        },
        block=None,
    )
