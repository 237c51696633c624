from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.community.service import current_community
from app.deps import SessionDep
from app.initiatives import service as initiative_service
from app.learning_sessions import service as session_service
from app.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: SessionDep) -> HTMLResponse:
    community = current_community(session=session)
    if community is None:
        return render(request, "community/empty.html", {})
    assert community.id is not None
    initiatives, _ = initiative_service.list_initiatives(session=session, community_id=community.id)
    sessions, _ = session_service.list_sessions(session=session, community_id=community.id)
    return render(
        request,
        "community/home.html",
        {"community": community, "initiatives": initiatives, "sessions": sessions},
    )
