from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.auth.dependencies import MemberDep, PeopleDirectoryDep
from app.community import continuity_queries
from app.community.dashboard import dashboard
from app.community.service import get_community
from app.deps import DbDep
from app.initiatives import service as initiative_service
from app.learning_sessions import service as session_service
from app.schemas import Pagination
from app.templating import render

router = APIRouter(include_in_schema=False)
HOME_INITIATIVES = 12
HOME_SESSIONS = 24


@router.get("/", response_class=HTMLResponse)
def home(principal: MemberDep, request: Request, db: DbDep) -> Response:
    if principal.session_scope_id is not None:
        # A link for one session opens that session; the rest of the community stays closed.
        return RedirectResponse(f"/sessions/{principal.session_scope_id}", status_code=303)
    community = get_community(db=db, community_id=principal.community_id)
    # An overview: the first initiatives here, all of them on the paginated /initiatives.
    initiatives, initiative_total = initiative_service.list_initiatives(
        db=db, community_id=principal.community_id, limit=HOME_INITIATIVES
    )
    sessions, session_total = session_service.list_sessions(
        db=db, community_id=principal.community_id, limit=HOME_SESSIONS
    )
    return render(
        request,
        "community/home.html",
        {
            "community": community,
            "initiatives": initiatives,
            "initiative_total": initiative_total,
            "sessions": sessions,
            "session_total": session_total,
            "dashboard": dashboard(db=db, principal=principal),
        },
    )


@router.get("/continuity", response_class=HTMLResponse)
def continuity_page(
    principal: PeopleDirectoryDep,
    request: Request,
    db: DbDep,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    shares_page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    found = continuity_queries.load_page(
        db=db,
        community_id=principal.community_id,
        page=page,
        shares_page=shares_page,
    )
    return render(
        request,
        "community/continuity.html",
        {
            "grid": found.grid,
            "rows": found.grid.rows,
            "row_total": found.row_total,
            "share_total": found.share_total,
            "pages": Pagination(page=page, per_page=continuity_queries.PEOPLE_PER_PAGE),
            "share_pages": Pagination(
                page=shares_page, per_page=continuity_queries.SHARES_PER_PAGE
            ),
        },
    )
