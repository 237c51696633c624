"""Session pages: schedule, the session with its composition panel, invitations, status and
attendance. Everything works as plain forms; htmx swaps the composition panel in place."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Annotated, Any
from urllib.parse import quote
from zoneinfo import ZoneInfo, available_timezones

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import Session
from starlette.datastructures import URL

from app.auth import policy
from app.auth.dependencies import FacilitatorDep, MemberDep
from app.auth.principal import Principal
from app.contributions import service as contribution_service
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import ConflictError, InvalidInputError
from app.labels import N_
from app.learning_sessions import service
from app.learning_sessions.composition import (
    chair_options,
    composition_page,
    invite_options,
)
from app.learning_sessions.dependencies import LearningSessionDep
from app.learning_sessions.models import LearningSession
from app.learning_sessions.schemas import EARLIEST, LATEST, LearningSessionCreate
from app.people import service as people_service
from app.people.models import Person
from app.schemas import Pagination
from app.templating import render
from app.time_zone import community_zone_name
from app.vocabulary import SESSION_COMPOSITION_ROLES, Role, SessionStatus
from app.web import is_htmx

router = APIRouter(prefix="/sessions", include_in_schema=False)

FormText = Annotated[str, Form()]
PageNumber = Annotated[int, Query(ge=1, le=100_000)]
SearchText = Annotated[str, Query(max_length=200)]
COMPOSITION_PER_PAGE = 20
PARTICIPANTS_PER_PAGE = 50
ATTENDANCE_PER_PAGE = 50
SHORTFALLS_SHOWN = 20
FIELD_MESSAGES: dict[str, str] = {
    "number": N_("Enter a session number between 1 and 1000."),
    "starts_at": N_("Enter the date and the time of the session, between 2000 and 2100."),
    "timezone": N_("Enter a time zone such as Europe/Amsterdam."),
    "place": N_("Enter the place in at most 200 characters."),
    "online_url": N_("Enter a web address starting with https://."),
    "focus": N_("Enter the focus in at most 4000 characters."),
    "reflection_deadline": N_("Enter a date between 2000 and 2100."),
    "chair_id": N_("Choose a chair from the list."),
}
DUPLICATE_NUMBER = N_("There is already a session with this number.")
CHOOSE_SOMEONE = N_("Choose whom to invite.")
UNKNOWN_PERSON = N_("Only people of this learning community can be invited.")


def _entity_id(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() and 1 <= int(value) <= MAX_ID else None


def _session_path(learning_session: LearningSession) -> str:
    return f"/sessions/{learning_session.id}"


# -- scheduling --------------------------------------------------------------------------------


def _schedule_form(
    request: Request,
    db: Session,
    principal: Principal,
    *,
    form: dict[str, Any],
    errors: dict[str, str],
    status_code: int = 200,
) -> HTMLResponse:
    chairs = chair_options(db=db, community_id=principal.community_id)
    return render(
        request,
        "learning_sessions/form.html",
        {
            "form": form,
            "errors": errors,
            "chairs": chairs,
            "earliest": EARLIEST.isoformat(),
            "latest": LATEST.isoformat(),
        },
        status_code=status_code,
    )


@router.get("/new", response_class=HTMLResponse)
def new_session(principal: FacilitatorDep, request: Request, db: DbDep) -> HTMLResponse:
    form = {
        "number": str(service.next_free_number(db=db, community_id=principal.community_id)),
        "starts_on": "",
        "starts_time": "13:30",
        "timezone": community_zone_name(),
        "place": "",
        "online_url": "",
        "focus": "",
        "chair_id": "",
        "reflection_deadline": "",
    }
    return _schedule_form(request, db, principal, form=form, errors={})


def _starts_at(starts_on: str, starts_time: str, timezone: str) -> datetime | str:
    """The date and time as an aware datetime in ``timezone``; the raw text when unreadable."""
    try:
        day, clock = date.fromisoformat(starts_on), time.fromisoformat(starts_time)
    except ValueError:
        return ""
    # An unknown zone is reported on its own field; UTC keeps the date from being blamed too.
    zone = ZoneInfo(timezone) if timezone in available_timezones() else UTC
    return datetime.combine(day, clock, tzinfo=zone)


@router.post("", response_class=HTMLResponse)
def schedule_session(
    principal: FacilitatorDep,
    request: Request,
    db: DbDep,
    number: FormText = "",
    starts_on: FormText = "",
    starts_time: FormText = "",
    timezone: FormText = "",
    place: FormText = "",
    online_url: FormText = "",
    focus: FormText = "",
    chair_id: FormText = "",
    reflection_deadline: FormText = "",
) -> Response:
    timezone = timezone or community_zone_name()
    form = {
        "number": number,
        "starts_on": starts_on,
        "starts_time": starts_time,
        "timezone": timezone,
        "place": place,
        "online_url": online_url,
        "focus": focus,
        "chair_id": chair_id,
        "reflection_deadline": reflection_deadline,
    }
    values: dict[str, Any] = {
        "number": number,
        "starts_at": _starts_at(starts_on, starts_time, timezone.strip()),
        "timezone": timezone.strip(),
        "place": place,
        "online_url": online_url.strip(),
        "focus": focus,
        "chair_id": chair_id or None,
        "reflection_deadline": reflection_deadline or None,
    }
    try:
        data = LearningSessionCreate.model_validate(values)
    except ValidationError as error:
        errors: dict[str, str] = {}
        for problem in error.errors():
            name = str(problem["loc"][0]) if problem["loc"] else ""
            if name in FIELD_MESSAGES:
                errors.setdefault(name, FIELD_MESSAGES[name])
        return _schedule_form(request, db, principal, form=form, errors=errors, status_code=422)
    try:
        created = service.create_session(db=db, community_id=principal.community_id, data=data)
    except ConflictError:
        return _schedule_form(
            request,
            db,
            principal,
            form=form,
            errors={"number": DUPLICATE_NUMBER},
            status_code=409,
        )
    except InvalidInputError:
        return _schedule_form(
            request,
            db,
            principal,
            form=form,
            errors={"chair_id": FIELD_MESSAGES["chair_id"]},
            status_code=422,
        )
    return RedirectResponse(_session_path(created), status_code=303)


# -- the session page and its composition panel ------------------------------------------------


@dataclass(frozen=True)
class PageView:
    """Where the reader is on the session page: its lists' pages, filter and search."""

    page: int = 1
    incomplete: bool = False
    participants_page: int = 1
    person_q: str = ""


def _page_context(
    db: Session,
    learning_session: LearningSession,
    principal: Principal | None,
    view: PageView | None = None,
    **extra: Any,
) -> dict[str, Any]:
    assert learning_session.id is not None
    view = view or PageView()
    chair = db.get(Person, learning_session.chair_id) if learning_session.chair_id else None
    composition = composition_page(
        db=db,
        learning_session=learning_session,
        offset=(view.page - 1) * COMPOSITION_PER_PAGE,
        limit=COMPOSITION_PER_PAGE,
        only_incomplete=view.incomplete,
    )
    facilitating = principal is not None and principal.is_facilitator
    path = _session_path(learning_session)
    context: dict[str, Any] = {
        "learning_session": learning_session,
        "chair": chair,
        "composition": composition,
        "composition_pages": Pagination(page=view.page, per_page=COMPOSITION_PER_PAGE),
        "composition_url": URL(path).include_query_params(
            **({"incomplete": "1"} if view.incomplete else {}),
            **({"person_q": view.person_q} if view.person_q else {}),
        ),
        "view": view,
        "attendances": service.attendances(
            db=db,
            session_id=learning_session.id,
            offset=(view.participants_page - 1) * PARTICIPANTS_PER_PAGE,
            limit=PARTICIPANTS_PER_PAGE,
        ),
        "attendance_counts": service.attendance_counts(db=db, session_id=learning_session.id),
        "participants_pages": Pagination(
            page=view.participants_page, per_page=PARTICIPANTS_PER_PAGE
        ),
        "participants_url": URL(path),
        "facilitating": facilitating,
        "options": None,
        "shortfalls": [],
        "shortfall_total": 0,
        "invited": None,
        "invite_error": "",
        "status_error": False,
        "override_reason": "",
        "invitable_roles": SESSION_COMPOSITION_ROLES,
        "workflow": service.WORKFLOW,
        "attendance_open": service.attendance_open(learning_session=learning_session),
        "prepares": principal is not None
        and policy.prepares_session(principal, learning_session.chair_id),
        "contributions": [],
    }
    if context["prepares"]:
        # The chair reads what the initiatives bring without leaving the session page.
        context["contributions"] = contribution_service.session_contributions(
            db=db, learning_session=learning_session
        )[0]
    if facilitating:
        context["options"] = invite_options(
            db=db,
            community_id=learning_session.community_id,
            initiative_ids=[entry.initiative.id or 0 for entry in composition.initiatives],
            person_query=view.person_q,
        )
    if facilitating and learning_session.status == SessionStatus.planned:
        # Only a planned session shows what it still misses before it is prepared.
        context["shortfall_total"], context["shortfalls"] = service.shortfall_summary(
            db=db,
            learning_session=learning_session,
            family_invited=composition.family_representative.invited,
            limit=SHORTFALLS_SHOWN,
        )
    context.update(extra)
    return context


@router.get("/{session_id}", response_class=HTMLResponse)
def session_page(
    _access: MemberDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    invited: int | None = None,
    page: PageNumber = 1,
    incomplete: str = "",
    participants_page: PageNumber = 1,
    person_q: SearchText = "",
) -> HTMLResponse:
    view = PageView(
        page=page,
        incomplete=bool(incomplete),
        participants_page=participants_page,
        person_q=person_q.strip(),
    )
    return render(
        request,
        "learning_sessions/detail.html",
        _page_context(db, learning_session, _access, view, invited=invited),
        block=None,
    )


@router.get("/{session_id}/invite-search", response_class=HTMLResponse)
def invite_search(
    _access: FacilitatorDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    person_q: SearchText = "",
) -> Response:
    """The "invite one person" choices for htmx; without it, the session page shows them."""
    if not is_htmx(request):
        query = f"?person_q={quote(person_q.strip())}" if person_q.strip() else ""
        return RedirectResponse(
            f"{_session_path(learning_session)}{query}#invite-person-form", status_code=303
        )
    people = people_service.find_people(
        db=db, community_id=learning_session.community_id, query=person_q
    )
    return render(
        request,
        "learning_sessions/detail.html",
        {
            "learning_session": learning_session,
            "options": {"people": people},
            "view": PageView(person_q=person_q.strip()),
        },
        block="invite_person_choices",
    )


@router.post("/{session_id}/invitations", response_class=HTMLResponse)
def invite_people(
    principal: FacilitatorDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    person_id: FormText = "",
    initiative_id: FormText = "",
    role: FormText = "",
    page: FormText = "1",
    incomplete: FormText = "",
) -> Response:
    """One person (``person_id``), or everyone holding ``role`` in one or all initiatives."""
    view = PageView(
        page=int(page) if page.isdigit() and 1 <= int(page) <= 100_000 else 1,
        incomplete=bool(incomplete),
    )
    person_ids: list[int] = []
    error = ""
    if person_id.strip():
        chosen = _entity_id(person_id)
        if chosen is None:
            error = UNKNOWN_PERSON
        else:
            person_ids = [chosen]
    elif role in SESSION_COMPOSITION_ROLES and (
        initiative_id in ("", "all") or _entity_id(initiative_id) is not None
    ):
        person_ids = service.members_with_role(
            db=db,
            community_id=learning_session.community_id,
            role=Role(role),
            initiative_id=_entity_id(initiative_id),
        )
    else:
        error = CHOOSE_SOMEONE
    count = 0
    if not error:
        try:
            count = service.invite(db=db, learning_session=learning_session, person_ids=person_ids)
        except InvalidInputError:
            error = UNKNOWN_PERSON
    if not error and not is_htmx(request):
        place = f"&page={view.page}" if view.page > 1 else ""
        place += "&incomplete=1" if view.incomplete else ""
        return RedirectResponse(
            f"{_session_path(learning_session)}?invited={count}{place}#composition",
            status_code=303,
        )
    return render(
        request,
        "learning_sessions/detail.html",
        _page_context(
            db,
            learning_session,
            principal,
            view,
            invited=None if error else count,
            invite_error=error,
        ),
        status_code=422 if error else 200,
        block="composition",
    )


# -- status ------------------------------------------------------------------------------------


@router.post("/{session_id}/status", response_class=HTMLResponse)
def change_status(
    principal: FacilitatorDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    status: FormText = "",
    override_reason: FormText = "",
) -> Response:
    if status not in set(SessionStatus):
        raise InvalidInputError(
            N_("Choose one of the statuses: planned, prepared, held, followed up.")
        )
    try:
        service.change_status(
            db=db,
            learning_session=learning_session,
            status=SessionStatus(status),
            actor=principal,
            override_reason=override_reason[:2000],
        )
    except service.PreparationIncompleteError:
        return render(
            request,
            "learning_sessions/detail.html",
            _page_context(
                db,
                learning_session,
                principal,
                status_error=True,
                override_reason=override_reason,
            ),
            status_code=409,
        )
    return RedirectResponse(_session_path(learning_session), status_code=303)


# -- attendance --------------------------------------------------------------------------------


def _refuse_before_session(learning_session: LearningSession) -> None:
    if not service.attendance_open(learning_session=learning_session):
        raise ConflictError(
            N_("Attendance is recorded once the session has taken place or is marked as held.")
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
    assert learning_session.id is not None
    _refuse_before_session(learning_session)
    query = q.strip()
    return render(
        request,
        "learning_sessions/attendance.html",
        {
            "learning_session": learning_session,
            "attendances": service.attendances(
                db=db,
                session_id=learning_session.id,
                offset=(page - 1) * ATTENDANCE_PER_PAGE,
                limit=ATTENDANCE_PER_PAGE,
                query=query,
            ),
            "counts": service.attendance_counts(db=db, session_id=learning_session.id, query=query),
            "pagination": Pagination(page=page, per_page=ATTENDANCE_PER_PAGE),
            "query": query,
            "saved": bool(saved),
        },
    )


@router.post("/{session_id}/attendance")
def record_attendance(
    _access: FacilitatorDep,
    learning_session: LearningSessionDep,
    db: DbDep,
    attended: Annotated[list[str] | None, Form()] = None,
    shown: Annotated[list[str] | None, Form()] = None,
    back: FormText = "",
) -> Response:
    """Without ``shown`` everyone invited is recorded; with it (a page of the form) only them."""
    _refuse_before_session(learning_session)
    service.record_attendance(
        db=db,
        learning_session=learning_session,
        attended_person_ids=[
            person_id for value in attended or [] if (person_id := _entity_id(value)) is not None
        ],
        shown_person_ids=None
        if shown is None
        else [person_id for value in shown if (person_id := _entity_id(value)) is not None],
    )
    if back.startswith(f"{_session_path(learning_session)}/attendance?"):
        # One page of several: back to it, to go on with the next.
        return RedirectResponse(f"{back}&saved=1", status_code=303)
    return RedirectResponse(f"{_session_path(learning_session)}#participants", status_code=303)
