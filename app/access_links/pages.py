"""Personal access links: the facilitator makes and revokes them; their holder opens one.

The token leaves the address bar on first use (a 303 to a plain address).
"""

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import Session

from app.access_links import reports, service
from app.access_links.schemas import AccessLinkForm, form_problems
from app.access_links.service import (
    DEFAULT_VALID_DAYS,
    MAX_VALID_DAYS,
    UNKNOWN,
    Refusal,
    link_url,
    local_today,
)
from app.audit import service as audit_service
from app.auth import rate_limit
from app.auth.cookies import clear_session_cookie, session_token, set_session_cookie
from app.auth.dependencies import (
    AccessLinkHolderDep,
    BrowserOnly,
    FacilitatorDep,
    PublicDep,
    timeouts,
)
from app.auth.responses import rate_limited
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import InvalidInputError
from app.labels import N_
from app.learning_sessions import service as session_service
from app.templating import render
from app.web import Toast, client_ip, link_base, with_toast

LINKS_PAGE = "/community/access-links"
NOT_YOU_PAGE = "/not-you"

router = APIRouter(include_in_schema=False)


# -- the facilitator's pages ----------------------------------------------------------------


def _manage_page(
    request: Request,
    db: Session,
    community_id: int,
    *,
    form: AccessLinkForm,
    problems: dict[str, str] | None = None,
    revoked: bool = False,
    status_code: int = 200,
) -> HTMLResponse:
    family, others = service.people_choices(db=db, community_id=community_id)
    sessions, _ = session_service.list_sessions(db=db, community_id=community_id, limit=1000)
    links = service.list_access_links(db=db, community_id=community_id)
    return render(
        request,
        "auth/access_links.html",
        {
            "links": links,
            "reported": reports.reported_links(db=db, link_ids=[link.id or 0 for link, _ in links]),
            "session_numbers": {s.id: s.number for s in sessions},
            "sessions": sessions,
            "family": family,
            "others": others,
            "form": form,
            "problems": problems or {},
            "latest_day": local_today() + timedelta(days=MAX_VALID_DAYS),
            "today": local_today(),
        },
        status_code=status_code,
    )


@router.get(LINKS_PAGE, response_class=HTMLResponse, dependencies=[BrowserOnly])
def access_links(
    principal: FacilitatorDep,
    request: Request,
    db: DbDep,
) -> HTMLResponse:
    default_day = local_today() + timedelta(days=DEFAULT_VALID_DAYS)
    return _manage_page(
        request,
        db,
        principal.community_id,
        form=AccessLinkForm(expires_on=default_day.isoformat()),
    )


@router.post(LINKS_PAGE, response_class=HTMLResponse, dependencies=[BrowserOnly])
def create_access_link(
    principal: FacilitatorDep,
    request: Request,
    db: DbDep,
    form: Annotated[AccessLinkForm, Form()],
) -> HTMLResponse:
    try:
        data = form.to_create()
    except ValidationError as error:
        return _manage_page(
            request,
            db,
            principal.community_id,
            form=form,
            problems=form_problems(error),
            status_code=422,
        )
    try:
        made = service.make_access_link(
            db=db,
            community_id=principal.community_id,
            created_by=principal,
            person_id=data.person_id,
            session_id=data.session_id,
            last_day=data.expires_on,
            ip=client_ip(request),
        )
    except InvalidInputError as refused:
        return _manage_page(
            request,
            db,
            principal.community_id,
            form=form,
            problems={p.field: p.message for p in refused.problems},
            status_code=refused.status_code,
        )
    return render(
        request,
        "auth/access_link_created.html",
        {
            "person": made.person,
            "link": made.link,
            "learning_session": made.learning_session,
            "url": link_url(link_base(request), made.token),
        },
    )


@router.post(f"{LINKS_PAGE}/{{link_id}}/revoke", dependencies=[BrowserOnly])
def revoke_access_link(
    principal: FacilitatorDep,
    request: Request,
    db: DbDep,
    link_id: Annotated[int, Path(ge=1, le=MAX_ID)],
) -> RedirectResponse:
    service.withdraw_access_link(
        db=db, link_id=link_id, revoked_by=principal, ip=client_ip(request)
    )
    revoked = Toast(N_("The link has been revoked. Whoever signed in with it has been signed out."))
    return with_toast(request, RedirectResponse(LINKS_PAGE, status_code=303), revoked)


@router.post(
    f"{LINKS_PAGE}/{{link_id}}/reissue", response_class=HTMLResponse, dependencies=[BrowserOnly]
)
def reissue_access_link(
    principal: FacilitatorDep,
    request: Request,
    db: DbDep,
    link_id: Annotated[int, Path(ge=1, le=MAX_ID)],
) -> HTMLResponse:
    """Revoke a link and make its successor in one click: shown once, like a new link."""
    made = reports.reissue_access_link(
        db=db, link_id=link_id, reissued_by=principal, ip=client_ip(request)
    )
    return render(
        request,
        "auth/access_link_created.html",
        {
            "person": made.person,
            "link": made.link,
            "learning_session": made.learning_session,
            "url": link_url(link_base(request), made.token),
            "replaced": True,
        },
    )


# -- "Not you?": the link reached the wrong person ------------------------------------------


@router.get(NOT_YOU_PAGE, response_class=HTMLResponse)
def not_you(principal: AccessLinkHolderDep, request: Request) -> HTMLResponse:
    return render(request, "access_links/not_you.html", {"name": principal.name})


@router.post(NOT_YOU_PAGE)
def report_not_you(principal: AccessLinkHolderDep, request: Request, db: DbDep) -> Response:
    """Tell the facilitators and sign this browser out; the link itself keeps working."""
    reports.report_wrong_person(
        db=db,
        reporter=principal,
        session_token=session_token(request),
        link_base=link_base(request),
        ip=client_ip(request),
    )
    response = RedirectResponse(f"{NOT_YOU_PAGE}/told", status_code=303)
    clear_session_cookie(request, response)
    return response


@router.get(f"{NOT_YOU_PAGE}/told", response_class=HTMLResponse)
def not_you_told(_access: PublicDep, request: Request) -> HTMLResponse:
    return render(request, "access_links/not_you_told.html", {})


# -- opening a link -------------------------------------------------------------------------


def _refused_page(request: Request, refusal: Refusal) -> Response:
    return render(
        request,
        "auth/access_link_refused.html",
        {"refusal": refusal},
        status_code=refusal.status_code,
    )


@router.get("/access/", response_class=HTMLResponse)
def open_empty_access_link(_access: PublicDep, request: Request) -> Response:
    return _refused_page(request, UNKNOWN)


@router.get("/access/{token}", response_class=HTMLResponse)
def open_access_link(_access: PublicDep, request: Request, db: DbDep, token: str) -> Response:
    """Only a page with a button: mail scanners open links, and a GET must change nothing."""
    limits = rate_limit.access_link_limits(request.app.state.settings, ip=client_ip(request))
    blocked = rate_limit.exceeded(db=db, limits=limits)
    if blocked is not None:
        return rate_limited(request, blocked)
    found, refusal = service.check_access_link(db=db, token=token)
    if found is None or refusal is not None:
        return _refused_page(request, refusal or UNKNOWN)
    _link, _account, person = found
    response = render(request, "auth/access_link_continue.html", {"person": person, "token": token})
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/access/{token}", response_class=HTMLResponse)
def use_access_link(_access: PublicDep, request: Request, db: DbDep, token: str) -> Response:
    """Exchange the link for a sign-in session; the link keeps working until it ends."""
    ip = client_ip(request)
    limits = rate_limit.access_link_limits(request.app.state.settings, ip=ip)
    blocked = audit_service.refused_by_rate_limit(
        db=db, limits=limits, subject="access link", ip=ip
    )
    if blocked is not None:
        return rate_limited(request, blocked)
    outcome = service.exchange_access_link(
        db=db,
        token=token,
        replacing=session_token(request),
        timeouts=timeouts(request.app.state.settings),
        limits=limits,
        ip=ip,
    )
    if isinstance(outcome, Refusal):
        return _refused_page(request, outcome)
    # 303 to a plain address: the token leaves the address bar and the history.
    response = RedirectResponse(outcome.target, status_code=303)
    set_session_cookie(request, response, outcome.session_token)
    return response
