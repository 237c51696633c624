"""What the session page shows: the session, its composition panel, its participants and, for
the facilitator and the chair, what they act on. The route adds the URLs and renders it."""

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from app.auth import policy
from app.auth.principal import Principal
from app.contributions import service as contribution_service
from app.learning_sessions import attendance, workflow
from app.learning_sessions.composition import composition_page, invite_options
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.schemas import Pagination
from app.vocabulary import SESSION_COMPOSITION_ROLES, SessionStatus

COMPOSITION_PER_PAGE = 20
PARTICIPANTS_PER_PAGE = 50
SHORTFALLS_SHOWN = 20


@dataclass(frozen=True)
class PageView:
    """Where the reader is on the session page: its lists' pages, filter and search."""

    page: int = 1
    incomplete: bool = False
    participants_page: int = 1
    person_q: str = ""


def page_context(
    *,
    db: Session,
    learning_session: LearningSession,
    principal: Principal | None,
    view: PageView | None = None,
) -> dict[str, Any]:
    """The session page's context, for ``learning_sessions/detail.html``."""
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
    context: dict[str, Any] = {
        "learning_session": learning_session,
        "chair": chair,
        "composition": composition,
        "composition_pages": Pagination(page=view.page, per_page=COMPOSITION_PER_PAGE),
        "view": view,
        "attendances": attendance.attendances(
            db=db,
            session_id=learning_session.id,
            offset=(view.participants_page - 1) * PARTICIPANTS_PER_PAGE,
            limit=PARTICIPANTS_PER_PAGE,
        ),
        "attendance_counts": attendance.attendance_counts(db=db, session_id=learning_session.id),
        "participants_pages": Pagination(
            page=view.participants_page, per_page=PARTICIPANTS_PER_PAGE
        ),
        "facilitating": facilitating,
        "options": None,
        "shortfalls": [],
        "shortfall_total": 0,
        "invited": None,
        "invite_error": "",
        "status_error": False,
        "override_reason": "",
        "invitable_roles": SESSION_COMPOSITION_ROLES,
        "workflow": workflow.WORKFLOW,
        "attendance_open": attendance.attendance_open(learning_session=learning_session),
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
        context["shortfall_total"], context["shortfalls"] = workflow.shortfall_summary(
            db=db,
            learning_session=learning_session,
            family_invited=composition.family_representative.invited,
            limit=SHORTFALLS_SHOWN,
        )
    return context
