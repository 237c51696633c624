from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.auth import policy
from app.auth.dependencies import MemberDep
from app.deps import SessionDep
from app.initiatives.dependencies import InitiativeDep
from app.people import service as people_service
from app.templating import render

router = APIRouter(prefix="/initiatives", include_in_schema=False)


@router.get("/{initiative_id}", response_class=HTMLResponse)
def initiative_page(
    principal: MemberDep, request: Request, initiative: InitiativeDep, session: SessionDep
) -> HTMLResponse:
    assert initiative.id is not None
    members = people_service.initiative_members(session=session, initiative_id=initiative.id)
    return render(
        request,
        "initiatives/detail.html",
        {
            "initiative": initiative,
            "members": members,
            "reads_drafts": policy.reads_initiative_drafts(principal, initiative.id),
        },
    )
