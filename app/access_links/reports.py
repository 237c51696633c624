"""A link that reached the wrong person: its holder says so, the facilitator replaces it.

Anyone holding the link can press "Not you?", so a report never switches the link off by
itself; it tells the facilitators, who revoke it and issue a new one in one step.
"""

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.access_links.models import AccessLink
from app.access_links.service import (
    MadeLink,
    link_is_usable,
    make_access_link,
    withdraw_access_link,
)
from app.accounts import service as account_service
from app.audit import service as audit_service
from app.audit.models import AuditEntry
from app.auth.principal import Principal
from app.emails import is_queued, queue_email, render_email
from app.errors import NotFoundError
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.people.models import Membership, Person
from app.time_zone import community_zone
from app.vocabulary import AuditAction, Role

ACCESS_LINKS_PAGE = "/community/access-links"


def _link_detail(link_id: int) -> str:
    # The same words as the other access-link entries, so a report is found by its link.
    return f"link {link_id}"


def _facilitators(*, db: Session, community_id: int) -> list[Person]:
    """The community's facilitators who can get an email."""
    holders = select(Membership.person_id).where(
        Membership.community_id == community_id,
        Membership.role == Role.facilitator,
        col(Membership.initiative_id).is_(None),
    )
    return list(
        db.exec(
            select(Person)
            .where(col(Person.id).in_(holders), col(Person.email).is_not(None))
            .order_by(col(Person.id))
        ).all()
    )


def report_wrong_person(
    *,
    db: Session,
    reporter: Principal,
    session_token: str | None,
    link_base: str,
    ip: str = "",
) -> Person:
    """Record that the link ``reporter`` signed in with reached the wrong person, email the
    facilitators (once per link), and end this browser's session; the person the link is for.

    The link keeps working: the facilitator decides whether to replace it.
    """
    link = db.get(AccessLink, reporter.access_link_id) if reporter.access_link_id else None
    person = db.get(Person, link.person_id) if link else None
    if link is None or link.id is None or person is None:
        raise NotFoundError(N_("This page is only for people who came in with a personal link."))
    audit_service.record(
        db=db,
        action=AuditAction.access_link_reported,
        actor=reporter,
        subject=person.name,
        detail=_link_detail(link.id),
        ip=ip,
    )
    learning_session = db.get(LearningSession, link.session_id) if link.session_id else None
    for facilitator in _facilitators(db=db, community_id=person.community_id):
        # One message per link and facilitator: pressing the button again sends no more.
        dedupe_key = f"access-link-reported:{link.id}:{facilitator.id}"
        if is_queued(db=db, dedupe_key=dedupe_key):
            continue
        email = render_email(
            "access_link_reported",
            facilitator.language,
            facilitator=facilitator.name,
            name=person.name,
            session_number=learning_session.number if learning_session else None,
            link=f"{link_base.rstrip('/')}{ACCESS_LINKS_PAGE}",
        )
        queue_email(
            db=db,
            community_id=person.community_id,
            recipient=facilitator.email or "",
            email=email,
            dedupe_key=dedupe_key,
            person_id=facilitator.id,
        )
    if session_token:
        account_service.end_session(db=db, token=session_token)
    return person


def reported_links(*, db: Session, link_ids: Iterable[int]) -> dict[int, datetime]:
    """When each of these links was last reported as reaching the wrong person."""
    by_detail = {_link_detail(link_id): link_id for link_id in link_ids}
    if not by_detail:
        return {}
    rows = db.exec(
        select(AuditEntry.detail, func.max(AuditEntry.at))
        .where(
            AuditEntry.action == AuditAction.access_link_reported,
            col(AuditEntry.detail).in_(list(by_detail)),
        )
        .group_by(col(AuditEntry.detail))
    ).all()
    return {by_detail[detail]: at for detail, at in rows}


def reissue_access_link(
    *, db: Session, link_id: int, reissued_by: Principal, ip: str = ""
) -> MadeLink:
    """Revoke a usable link of the facilitator's community and make a new one for the same
    person, scope and last day; both are recorded in the audit log."""
    link = db.get(AccessLink, link_id)
    person = db.get(Person, link.person_id) if link else None
    if (
        link is None
        or person is None
        or person.community_id != reissued_by.community_id
        or not link_is_usable(link)
    ):
        raise NotFoundError(
            N_("There is no active access link with id %(id)s."), arguments={"id": link_id}
        )
    last_day = link.expires_at.astimezone(community_zone()).date()
    withdraw_access_link(db=db, link_id=link_id, revoked_by=reissued_by, ip=ip)
    return make_access_link(
        db=db,
        community_id=reissued_by.community_id,
        created_by=reissued_by,
        person_id=link.person_id,
        session_id=link.session_id,
        last_day=last_day,
        ip=ip,
        replaces=link_id,
    )
