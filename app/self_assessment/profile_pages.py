"""Condition profiles: every initiative's median self-assessment per condition for a session
(strip plots), and one initiative's profile over the sessions. Everyone signed in reads them;
another initiative's scores appear once it published them."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from app.auth.dependencies import MemberDep
from app.deps import DbDep
from app.initiatives.dependencies import InitiativeDep
from app.self_assessment import profiles, scoring, views
from app.templating import render

router = APIRouter(include_in_schema=False)

TABLE_PAGE = 50  # initiatives per page of the table (the strip plots show them all)


@router.get("/community/profiles", response_class=HTMLResponse)
def community_profiles(
    principal: MemberDep,
    request: Request,
    db: DbDep,
    session_id: Annotated[str, Query(max_length=20)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    sessions = scoring.sessions_of(db=db, viewer=principal)
    learning_session = scoring.chosen_session(sessions, views.session_id_from(session_id))
    found = (
        profiles.community_profiles(
            db=db,
            viewer=principal,
            learning_session=learning_session,
            page=page,
            per_page=TABLE_PAGE,
        )
        if learning_session is not None
        else None
    )
    pages = max(1, -(-(found.total if found else 0) // TABLE_PAGE))
    context = {
        "sessions": sessions,
        "learning_session": learning_session,
        "profiles": found,
        "table_rows": found.rows if found else (),
        "page": found.page if found else 1,
        "pages": pages,
        **views.helpers(request.state.language),
    }
    return render(request, "self_assessment/profiles.html", context)


@router.get("/initiatives/{initiative_id}/profile", response_class=HTMLResponse)
def initiative_profile(
    principal: MemberDep, request: Request, initiative: InitiativeDep, db: DbDep
) -> HTMLResponse:
    sessions = scoring.sessions_of(db=db, viewer=principal)
    found = profiles.initiative_profile(
        db=db, viewer=principal, initiative=initiative, sessions=sessions
    )
    context = {
        "initiative": initiative,
        "profile": found,
        **views.helpers(request.state.language),
    }
    return render(request, "self_assessment/profile.html", context)
