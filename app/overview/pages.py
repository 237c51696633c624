"""The community overview: the grid for one session, the grid over all sessions, and one
cell read in full (an htmx fragment in place, or a page of its own without JavaScript)."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from app.auth.dependencies import MemberDep
from app.db import MAX_ID
from app.deps import DbDep
from app.overview import service
from app.overview.cell import cell_detail, community_initiative
from app.templating import render
from app.vocabulary import PartnershipCondition
from app.web import is_htmx

router = APIRouter(include_in_schema=False)

SessionQuery = Annotated[int | None, Query(ge=1, le=MAX_ID)]
PageQuery = Annotated[int, Query(ge=1, le=100_000)]


@router.get("/community/overview", response_class=HTMLResponse)
def overview(
    principal: MemberDep,
    request: Request,
    db: DbDep,
    session_id: SessionQuery = None,
    page: PageQuery = 1,
) -> HTMLResponse:
    grid = service.session_overview(db=db, viewer=principal, session_id=session_id, page=page)
    context = {"grid": grid, **service.helpers(request.state.language)}
    return render(request, "overview/session.html", context)


@router.get("/community/overview/all-sessions", response_class=HTMLResponse)
def all_sessions(
    principal: MemberDep, request: Request, db: DbDep, page: PageQuery = 1
) -> HTMLResponse:
    grid = service.history_overview(db=db, viewer=principal, page=page)
    context = {"grid": grid, **service.helpers(request.state.language)}
    return render(request, "overview/history.html", context)


@router.get("/community/overview/{initiative_id}/{condition}", response_class=HTMLResponse)
def cell(
    principal: MemberDep,
    request: Request,
    db: DbDep,
    initiative_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    condition: PartnershipCondition,
    session_id: SessionQuery = None,
) -> HTMLResponse:
    initiative = community_initiative(
        db=db, initiative_id=initiative_id, community_id=principal.community_id
    )
    detail = cell_detail(
        db=db,
        viewer=principal,
        initiative=initiative,
        condition=condition,
        session_id=session_id,
    )
    context = {
        "detail": detail,
        "fragment": is_htmx(request),  # swapped in below the grid: its heading takes focus
        **service.helpers(request.state.language),
    }
    return render(request, "overview/cell.html", context, block="detail")
