"""The message a family representative gets when a session's report is published.

Exactly one per family representative who was invited to or came to the session, in their
language, through the outbox with a dedupe key: publishing again never queues another. It
links their reflections page for the session, where they read what was done with their input;
someone without a password gets a personal link to the session instead (it signs them in).
"""

from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_
from sqlmodel import Session, col, select

from app.access_links import service as access_link_service
from app.accounts.models import Account
from app.community.models import LearningCommunity
from app.config import get_settings
from app.emails import is_queued, queue_email, render_email
from app.learning_sessions.models import Attendance, LearningSession
from app.mail import session_mail
from app.mail.recipients import Invitee
from app.people.models import Membership, Person
from app.vocabulary import Role

LINK_DAYS = 30  # the personal link in the message works for a month after publishing


def report_key(learning_session: LearningSession, person_id: int | None) -> str:
    return f"session:{learning_session.id}:report:{person_id}"


def family_representatives(*, db: Session, learning_session: LearningSession) -> list[Invitee]:
    """The family representatives invited to or present at the session, with an email."""
    people = db.exec(
        select(Person)
        .join(Attendance, col(Attendance.person_id) == Person.id)
        .join(Membership, col(Membership.person_id) == Person.id)
        .where(
            Attendance.session_id == learning_session.id,
            or_(col(Attendance.invited).is_(True), col(Attendance.attended).is_(True)),
            Membership.role == Role.family_representative,
            col(Person.email).is_not(None),
            Person.email != "",
        )
        .distinct()
        .order_by(col(Person.name), col(Person.id))
    ).all()
    return [
        Invitee(
            person=person,
            email=person.email or "",
            roles=frozenset({Role.family_representative}),
            initiative_ids=(),
        )
        for person in people
    ]


def _has_password(db: Session, person: Person) -> bool:
    found = db.exec(
        select(Account.id).where(
            Account.person_id == person.id, col(Account.password_hash).is_not(None)
        )
    ).first()
    return found is not None


def _personal_link(db: Session, learning_session: LearningSession, invitee: Invitee) -> str:
    """A link scoped to the session that signs the family representative in, for a month."""
    last_day = access_link_service.local_today() + timedelta(days=LINK_DAYS)
    return session_mail.session_link(
        db, learning_session, invitee.person, last_day=last_day, sender="report email"
    )


def queue_report_published(*, db: Session, learning_session: LearningSession) -> int:
    """One message to each family representative of the session who has had none about this
    report; returns how many were queued."""
    base = get_settings().link_base
    community = db.get(LearningCommunity, learning_session.community_id)
    zone = ZoneInfo(learning_session.timezone)
    queued = 0
    for invitee in family_representatives(db=db, learning_session=learning_session):
        key = report_key(learning_session, invitee.person.id)
        if is_queued(db=db, dedupe_key=key):
            continue
        personal = not _has_password(db, invitee.person)
        email = render_email(
            "report_published",
            invitee.language,
            name=invitee.person.name,
            community=community.name if community else "",
            number=learning_session.number,
            starts_at=learning_session.starts_at.astimezone(zone),
            timezone=learning_session.timezone,
            reflect_link=f"{base}sessions/{learning_session.id}/reflect",
            personal_link=_personal_link(db, learning_session, invitee) if personal else "",
        )
        queue_email(
            db=db,
            community_id=learning_session.community_id,
            recipient=invitee.email,
            email=email,
            dedupe_key=key,
            session_id=learning_session.id,
            person_id=invitee.person.id,
        )
        queued += 1
    return queued
