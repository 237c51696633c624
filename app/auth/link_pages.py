"""Personal access links: the facilitator makes and revokes them; their holder opens one.

A link is a password for people who have none (family representatives, often on a phone).
Its token is shown once, stored only as a hash, and leaves the address bar on first use.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator
from pydantic_core import PydanticCustomError
from sqlmodel import Session, col, select

from app.auth import audit, rate_limit, service
from app.auth.access_links import (
    DEFAULT_VALID_DAYS,
    MAX_VALID_DAYS,
    expiry_moment,
    link_url,
    local_today,
)
from app.auth.cookies import session_token, set_session_cookie
from app.auth.dependencies import BrowserOnly, FacilitatorDep, PublicDep, timeouts
from app.auth.models import AccessLink, Account
from app.auth.responses import rate_limited
from app.db import MAX_ID, utcnow
from app.deps import DbDep
from app.labels import N_
from app.learning_sessions import service as session_service
from app.learning_sessions.models import LearningSession
from app.people.models import Membership, Person
from app.schemas import EntityId
from app.templating import render
from app.vocabulary import AuditAction, Role
from app.web import client_ip, link_base

REFUSED_OPENINGS_PER_IP = 20
LINKS_PAGE = "/community/access-links"

router = APIRouter(include_in_schema=False)


# -- helpers shared with the command line ---------------------------------------------------


# -- the facilitator's pages ----------------------------------------------------------------


class AccessLinkCreate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    person_id: EntityId
    session_id: EntityId | None = None
    expires_on: date

    @field_validator("expires_on")
    @classmethod
    def _within_a_year(cls, value: date) -> date:
        today = local_today()
        if value < today:
            raise PydanticCustomError(
                "expiry_in_past", N_("This date has passed. Choose today or a later date.")
            )
        if value > today + timedelta(days=MAX_VALID_DAYS):
            raise PydanticCustomError(
                "expiry_too_far",
                N_("A link can work for one year at most. Choose an earlier date."),
            )
        return value


# Form field → message when the schema refuses it (custom errors bring their own).
FIELD_MESSAGES = {
    "person_id": N_("Choose the person the link is for."),
    "scope": N_("Choose the whole community or one learning session."),
    "expires_on": N_("Enter the last day the link works, for example 2026-09-30."),
}
SCHEMA_TO_FORM = {"person_id": "person_id", "session_id": "scope", "expires_on": "expires_on"}


@dataclass
class LinkForm:
    """What the facilitator typed, kept when the form comes back with a message."""

    person_id: str = ""
    scope: str = "community"
    expires_on: str = ""


def _form_problems(error: ValidationError) -> dict[str, str]:
    problems: dict[str, str] = {}
    for item in error.errors():
        field = SCHEMA_TO_FORM.get(str(item["loc"][0]) if item["loc"] else "", "person_id")
        custom = item["type"] in ("expiry_in_past", "expiry_too_far")
        problems.setdefault(field, item["msg"] if custom else FIELD_MESSAGES[field])
    return problems


def _people_choices(db: Session, community_id: int) -> tuple[list[Person], list[Person]]:
    """Family representatives first (links are mostly for them), then everyone else."""
    family_ids = set(
        db.exec(
            select(Membership.person_id).where(
                Membership.community_id == community_id,
                Membership.role == Role.family_representative,
            )
        ).all()
    )
    people = db.exec(
        select(Person).where(Person.community_id == community_id).order_by(col(Person.name))
    ).all()
    return [p for p in people if p.id in family_ids], [p for p in people if p.id not in family_ids]


def _manage_page(
    request: Request,
    db: Session,
    community_id: int,
    *,
    form: LinkForm,
    problems: dict[str, str] | None = None,
    revoked: bool = False,
    status_code: int = 200,
) -> HTMLResponse:
    family, others = _people_choices(db, community_id)
    sessions, _ = session_service.list_sessions(db=db, community_id=community_id, limit=1000)
    return render(
        request,
        "auth/access_links.html",
        {
            "links": service.list_access_links(db=db, community_id=community_id),
            "session_numbers": {s.id: s.number for s in sessions},
            "sessions": sessions,
            "family": family,
            "others": others,
            "form": form,
            "problems": problems or {},
            "revoked": revoked,
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
    revoked: Annotated[bool, Query()] = False,
) -> HTMLResponse:
    default_day = local_today() + timedelta(days=DEFAULT_VALID_DAYS)
    return _manage_page(
        request,
        db,
        principal.community_id,
        form=LinkForm(expires_on=default_day.isoformat()),
        revoked=revoked,
    )


@router.post(LINKS_PAGE, response_class=HTMLResponse, dependencies=[BrowserOnly])
def create_access_link(
    principal: FacilitatorDep,
    request: Request,
    db: DbDep,
    person_id: Annotated[str, Form(max_length=20)] = "",
    scope: Annotated[str, Form(max_length=20)] = "community",
    expires_on: Annotated[str, Form(max_length=20)] = "",
) -> HTMLResponse:
    form = LinkForm(person_id=person_id, scope=scope, expires_on=expires_on)
    try:
        data = AccessLinkCreate.model_validate(
            {
                "person_id": person_id,
                "session_id": None if scope in ("", "community") else scope,
                "expires_on": expires_on,
            }
        )
    except ValidationError as error:
        return _manage_page(
            request,
            db,
            principal.community_id,
            form=form,
            problems=_form_problems(error),
            status_code=422,
        )
    # A person or session of another community does not exist for this facilitator.
    problems: dict[str, str] = {}
    person = db.get(Person, data.person_id)
    if person is None or person.community_id != principal.community_id:
        problems["person_id"] = FIELD_MESSAGES["person_id"]
    learning_session = db.get(LearningSession, data.session_id) if data.session_id else None
    if data.session_id and (
        learning_session is None or learning_session.community_id != principal.community_id
    ):
        problems["scope"] = FIELD_MESSAGES["scope"]
    if problems or person is None:
        return _manage_page(
            request, db, principal.community_id, form=form, problems=problems, status_code=422
        )
    link, token = service.create_access_link(
        db=db,
        person=person,
        created_by_id=principal.person_id,
        expires_at=expiry_moment(data.expires_on),
        session_id=data.session_id,
    )
    scope_text = f"session {learning_session.number}" if learning_session else "whole community"
    audit.record(
        db=db,
        action=AuditAction.access_link_created,
        actor=principal,
        subject=person.name,
        detail=f"link {link.id}; {scope_text}; works until {data.expires_on.isoformat()}",
        ip=client_ip(request),
    )
    return render(
        request,
        "auth/access_link_created.html",
        {
            "person": person,
            "link": link,
            "learning_session": learning_session,
            "url": link_url(link_base(request), token),
        },
    )


@router.post(f"{LINKS_PAGE}/{{link_id}}/revoke", dependencies=[BrowserOnly])
def revoke_access_link(
    principal: FacilitatorDep,
    request: Request,
    db: DbDep,
    link_id: Annotated[int, Path(ge=1, le=MAX_ID)],
) -> RedirectResponse:
    link, person = service.revoke_access_link(
        db=db, link_id=link_id, community_id=principal.community_id
    )
    audit.record(
        db=db,
        action=AuditAction.access_link_revoked,
        actor=principal,
        subject=person.name,
        detail=f"link {link.id}",
        ip=client_ip(request),
    )
    return RedirectResponse(f"{LINKS_PAGE}?revoked=true", status_code=303)


# -- opening a link -------------------------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    """Why a link did not open, told in plain language; ``reason`` goes to the audit log."""

    reason: str
    status_code: int
    heading: str
    explanation: str


UNKNOWN = Refusal(
    "unknown or mistyped link",
    404,
    N_("This link does not work"),
    N_(
        "We do not recognise this link. Perhaps a part of it is missing: links are sometimes "
        "cut in two in an email or a text message."
    ),
)
EXPIRED = Refusal(
    "expired",
    410,
    N_("This link has expired"),
    N_("Personal links work for a limited time, and the time of this link is over."),
)
REVOKED = Refusal(
    "revoked",
    410,
    N_("This link has been switched off"),
    N_("The facilitator has switched this link off, for example because a new one was sent."),
)
DISABLED = Refusal(
    "account disabled",
    403,
    N_("This link no longer works"),
    N_("Signing in with this link has been stopped for now."),
)


@dataclass(frozen=True)
class Opened:
    session_token: str
    target: str


def _refusal(link: AccessLink, *, account_disabled: bool) -> Refusal | None:
    if link.revoked_at is not None:
        return REVOKED
    if link.expires_at <= utcnow():
        return EXPIRED
    if account_disabled:
        return DISABLED
    return None


def _refuse(
    db: Session, refusal: Refusal, ip: str, found: tuple[AccessLink, Person] | None = None
) -> Refusal:
    link_note = f"; link {found[0].id}" if found else ""
    audit.record(
        db=db,
        action=AuditAction.access_link_refused,
        actor_label="access link",
        subject=found[1].name if found else "",
        detail=f"reason: {refusal.reason}{link_note}",
        ip=ip,
    )
    return refusal


Found = tuple[AccessLink, Account, Person]


def _check(db: Session, token: str) -> tuple[Found | None, Refusal | None]:
    """The link for this token (if any), and why it may not be used now (if so)."""
    found = service.find_access_link(db=db, token=token)
    if found is None:
        return None, UNKNOWN
    link, account, _person = found
    return found, _refusal(link, account_disabled=account.disabled_at is not None)


def _access_limits(request: Request) -> list[rate_limit.Limit]:
    window = timedelta(minutes=request.app.state.settings.rate_limit_window_minutes)
    return [
        rate_limit.Limit(f"access-link:ip:{client_ip(request)}", REFUSED_OPENINGS_PER_IP, window)
    ]


def _refused_page(request: Request, refusal: Refusal) -> Response:
    return render(
        request,
        "auth/access_link_refused.html",
        {"refusal": refusal},
        status_code=refusal.status_code,
    )


def _exchange(request: Request, db: Session, token: str) -> Opened | Refusal:
    """Trade a usable link for a new sign-in session; record either outcome (never the token)."""
    ip = client_ip(request)
    found, refusal = _check(db, token)
    if found is None or refusal is not None:
        held = (found[0], found[2]) if found else None
        return _refuse(db, refusal or UNKNOWN, ip, held)
    link, account, person = found
    # A new session id at every sign-in; whoever was signed in here is signed out.
    old_token = session_token(request)
    if old_token:
        service.end_session(db=db, token=old_token)
    new_token = service.start_session(
        db=db,
        account=account,
        timeouts=timeouts(request.app.state.settings),
        ip=ip,
        access_link=link,
    )
    now = utcnow()
    link.first_used_at = link.first_used_at or now
    link.last_used_at = now
    holder = service.load_principal(
        db=db, account=account, person=person, method="session", access_link=link
    )
    audit.record(
        db=db,
        action=AuditAction.access_link_used,
        actor=holder,
        subject=person.name,
        detail=f"link {link.id}",
        ip=ip,
    )
    return Opened(new_token, f"/sessions/{link.session_id}" if link.session_id else "/")


@router.get("/access/", response_class=HTMLResponse)
def open_empty_access_link(_access: PublicDep, request: Request) -> Response:
    return _refused_page(request, UNKNOWN)


@router.get("/access/{token}", response_class=HTMLResponse)
def open_access_link(_access: PublicDep, request: Request, db: DbDep, token: str) -> Response:
    """Only a page with a button: mail scanners open links, and a GET must change nothing."""
    blocked = rate_limit.exceeded(db=db, limits=_access_limits(request))
    if blocked is not None:
        return rate_limited(request, blocked)
    found, refusal = _check(db, token)
    if found is None or refusal is not None:
        return _refused_page(request, refusal or UNKNOWN)
    _link, _account, person = found
    response = render(request, "auth/access_link_continue.html", {"person": person, "token": token})
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/access/{token}", response_class=HTMLResponse)
def use_access_link(_access: PublicDep, request: Request, db: DbDep, token: str) -> Response:
    """Exchange the link for a sign-in session; the link keeps working until it ends."""
    limits = _access_limits(request)
    blocked = rate_limit.exceeded(db=db, limits=limits)
    if blocked is not None:
        audit.record(
            db=db,
            action=AuditAction.rate_limited,
            subject="access link",
            ip=client_ip(request),
        )
        # A response, not an exception: the audit entry must be committed.
        return rate_limited(request, blocked)
    outcome = _exchange(request, db, token)
    if isinstance(outcome, Refusal):
        rate_limit.count_attempt(db=db, limits=limits)
        return _refused_page(request, outcome)
    # 303 to a plain address: the token leaves the address bar and the history.
    response = RedirectResponse(outcome.target, status_code=303)
    set_session_cookie(request, response, outcome.session_token)
    return response
