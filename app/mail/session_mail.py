"""The emails about a learning session: invitations, updates, cancellations and reminders.

Each invitee gets their own message in their own language, with a calendar file in which
they are the only attendee: no message carries another invitee's address. Every message has
a dedupe key (what it is, for whom), so publishing again, or running the reminders twice,
never queues the same message twice.
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from app.access_links import service as access_link_service
from app.audit import service as audit_service
from app.community.models import LearningCommunity
from app.config import get_settings
from app.emails import Attachment, is_queued, queue_email, render_email
from app.factsheets import documents as factsheet_documents
from app.factsheets.models import Factsheet
from app.i18n import translations
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.mail import calendar
from app.mail.recipients import Invitee, invitees
from app.people.models import Person
from app.vocabulary import AuditAction, FactsheetStatus

ACCESS_LINK_DAYS_AFTER = 14  # a family representative's link works until two weeks after
EVENT_TITLE = N_("Learning session %(number)s, %(community)s")


class SessionDocuments(Protocol):
    """What the agenda room makes for the emails. app.agendas sends the invitations (it
    imports this room), so it is handed in by app.wiring instead of imported."""

    def agenda_pdf(
        self, *, db: Session, learning_session: LearningSession, language: str, plain: bool
    ) -> bytes: ...

    def agenda_file_name(
        self, learning_session: LearningSession, language: str, plain: bool
    ) -> str: ...

    def agenda_end(self, *, db: Session, learning_session: LearningSession) -> datetime | None:
        """When the agenda's last item ends (app.agendas.schedule), None without items."""
        ...


_provider: list[SessionDocuments] = []


def use_session_documents(documents: SessionDocuments) -> None:
    _provider[:] = [documents]


def session_documents() -> SessionDocuments:
    if not _provider:
        # A script or test that never built the app: connect the rooms now.
        from app.wiring import wire

        wire()
    return _provider[0]


# -- what every message says --------------------------------------------------------------


def session_link(
    db: Session, learning_session: LearningSession, person: Person, *, last_day: date, sender: str
) -> str:
    """A personal link scoped to the session that signs ``person`` in until ``last_day``;
    audited with the email that carries it (``sender``)."""
    link, token = access_link_service.create_access_link(
        db=db,
        person=person,
        created_by_id=None,
        expires_at=access_link_service.expiry_moment(last_day),
        session_id=learning_session.id,
    )
    audit_service.record(
        db=db,
        action=AuditAction.access_link_created,
        actor_label=sender,
        subject=person.name,
        detail=f"link {link.id}; session {learning_session.number}; works until {last_day}",
    )
    return access_link_service.link_url(get_settings().link_base, token)


def _personal_link(db: Session, learning_session: LearningSession, invitee: Invitee) -> str:
    """The session page; for a family representative a personal link scoped to the session."""
    if not invitee.is_family:
        return f"{get_settings().link_base}sessions/{learning_session.id}"
    last_day = local_day(learning_session) + timedelta(days=ACCESS_LINK_DAYS_AFTER)
    return session_link(
        db, learning_session, invitee.person, last_day=last_day, sender="session email"
    )


def _context(
    db: Session, learning_session: LearningSession, invitee: Invitee, link: str
) -> dict[str, Any]:
    community = db.get(LearningCommunity, learning_session.community_id)
    zone = ZoneInfo(learning_session.timezone)
    return {
        "name": invitee.person.name,
        "community": community.name if community else "",
        "number": learning_session.number,
        "starts_at": learning_session.starts_at.astimezone(zone),
        "ends_at": calendar.session_end(
            learning_session,
            session_documents().agenda_end(db=db, learning_session=learning_session),
        ),
        "timezone": learning_session.timezone,
        "place": learning_session.place,
        "online_url": learning_session.online_url,
        "focus": learning_session.focus,
        "link": link,
        "family": invitee.is_family,
    }


def _calendar_file(
    learning_session: LearningSession,
    invitee: Invitee,
    context: dict[str, Any],
    method: calendar.Method,
) -> Attachment:
    settings = get_settings()
    # The same title in every message about the session, in the recipient's language.
    summary = translations(invitee.language).gettext(EVENT_TITLE) % {
        "number": learning_session.number,
        "community": context["community"],
    }
    place = learning_session.place or learning_session.online_url
    event = calendar.CalendarEvent(
        uid=calendar.session_uid(learning_session, settings.public_host),
        sequence=learning_session.calendar_sequence,
        starts=context["starts_at"],
        ends=context["ends_at"],
        summary=summary,
        location=place,
        description=f"{learning_session.focus}\n\n{context['link']}".strip(),
        url=context["link"],
        organizer=settings.sender,
        attendee=invitee.email,
        attendee_name=invitee.person.name,
    )
    return Attachment(
        filename="invite.ics" if method == "REQUEST" else "cancel.ics",
        content_type=calendar.content_type(method),
        data=calendar.ics(event, method),
    )


def _published_factsheets(
    db: Session, learning_session: LearningSession, initiative_ids: Iterable[int] | None
) -> list[tuple[Initiative, Factsheet]]:
    """Each initiative's newest published factsheet of the session (all when ids is None)."""
    query = (
        select(Factsheet, Initiative)
        .join(Initiative, col(Initiative.id) == Factsheet.initiative_id)
        .where(
            Factsheet.session_id == learning_session.id,
            Factsheet.status == FactsheetStatus.published,
        )
        .order_by(col(Initiative.name), col(Factsheet.version_number).desc())
    )
    if initiative_ids is not None:
        query = query.where(col(Factsheet.initiative_id).in_(list(initiative_ids)))
    newest: dict[int, tuple[Initiative, Factsheet]] = {}
    for factsheet, initiative in db.exec(query):
        newest.setdefault(initiative.id or 0, (initiative, factsheet))
    return list(newest.values())


def _documents(
    db: Session, learning_session: LearningSession, invitee: Invitee
) -> list[Attachment]:
    """The agenda and the invitee's initiative's factsheet; for a family representative the
    plain-language agenda and the plain-language factsheets of the session."""
    from app.factsheets.rendering import renderer

    plain, language = invitee.is_family, invitee.language
    agenda = session_documents()
    found = [
        Attachment(
            filename=agenda.agenda_file_name(learning_session, language, plain),
            content_type="application/pdf",
            data=agenda.agenda_pdf(
                db=db, learning_session=learning_session, language=language, plain=plain
            ),
        )
    ]
    own = None if invitee.is_family and not invitee.initiative_ids else invitee.initiative_ids
    variant: factsheet_documents.Variant = "plain" if plain else "full"
    for initiative, factsheet in _published_factsheets(db, learning_session, own):
        document = factsheet_documents.document(
            db=db, factsheet=factsheet, variant=variant, language=language, renderer=renderer()
        )
        name = factsheet_documents.file_name(
            learning_session.number, initiative.name, factsheet.version_number, variant
        )
        found.append(Attachment(name, "application/pdf", document.pdf))
    return found


def _queue(
    db: Session,
    learning_session: LearningSession,
    invitee: Invitee,
    *,
    template: str,
    key: str,
    method: calendar.Method | None = "REQUEST",
    with_documents: bool = False,
    **extra: Any,
) -> bool:
    """One message, unless the same one (``key``) was queued before."""
    if is_queued(db=db, dedupe_key=key):
        return False
    link = _personal_link(db, learning_session, invitee)
    context = {**_context(db, learning_session, invitee, link), **extra}
    email = render_email(template, invitee.language, **context)
    attachments = _documents(db, learning_session, invitee) if with_documents else []
    if method is not None:
        attachments.append(_calendar_file(learning_session, invitee, context, method))
    queue_email(
        db=db,
        community_id=learning_session.community_id,
        recipient=invitee.email,
        email=email,
        attachments=attachments,
        dedupe_key=key,
        session_id=learning_session.id,
        person_id=invitee.person.id,
    )
    return True


def invitation_key(learning_session: LearningSession, person_id: int | None) -> str:
    return f"session:{learning_session.id}:invitation:{person_id}"


def _invite_or(
    db: Session, learning_session: LearningSession, invitee: Invitee, **then: Any
) -> bool:
    """The invitation if this invitee has had none yet; otherwise the message ``then``."""
    key = invitation_key(learning_session, invitee.person.id)
    if not is_queued(db=db, dedupe_key=key):
        return _queue(
            db,
            learning_session,
            invitee,
            template="session_invitation",
            key=key,
            with_documents=True,
            changed=False,
        )
    return _queue(db, learning_session, invitee, **then) if then else False


# -- the use cases --------------------------------------------------------------------------


def queue_agenda_invitations(
    *, db: Session, learning_session: LearningSession, update: bool = False
) -> int:
    """Each invitee with an email gets one invitation when the agenda is published; with
    ``update`` (published again after a change) those already invited get the new agenda.
    Returns how many messages were queued."""
    if learning_session.cancelled_at is not None:
        return 0
    queued = 0
    for invitee in invitees(db=db, learning_session=learning_session):
        then: dict[str, Any] = {}
        if update:
            version = learning_session.agenda_version
            then = {
                "template": "session_invitation",
                "key": f"session:{learning_session.id}:agenda:{version}:{invitee.person.id}",
                "with_documents": True,
                "changed": True,
            }
        queued += _invite_or(db, learning_session, invitee, **then)
    return queued


def queue_schedule_update(*, db: Session, learning_session: LearningSession) -> int:
    """After the date, time or place changed (SEQUENCE raised): the same event, moved, for
    everyone invited; nothing before the agenda is published."""
    if learning_session.agenda_published_at is None or learning_session.cancelled_at:
        return 0
    queued = 0
    sequence = learning_session.calendar_sequence
    for invitee in invitees(db=db, learning_session=learning_session):
        key = f"session:{learning_session.id}:moved:{sequence}:{invitee.person.id}"
        queued += _invite_or(db, learning_session, invitee, template="session_update", key=key)
    return queued


def queue_cancellation(*, db: Session, learning_session: LearningSession) -> int:
    """METHOD:CANCEL, same UID, to everyone whose invitation went out."""
    queued = 0
    for invitee in invitees(db=db, learning_session=learning_session):
        if not is_queued(db=db, dedupe_key=invitation_key(learning_session, invitee.person.id)):
            continue
        key = f"session:{learning_session.id}:cancelled:{invitee.person.id}"
        queued += _queue(
            db, learning_session, invitee, template="session_cancelled", key=key, method="CANCEL"
        )
    return queued


def queue_reminder(
    *, db: Session, learning_session: LearningSession, open_questions: dict[int, list[str]]
) -> int:
    """The reminder a few days before, and to those with questions addressed to them still
    unanswered (``open_questions``: person id → the questions' wording), the call to answer."""
    queued = 0
    for invitee in invitees(db=db, learning_session=learning_session):
        person_id = invitee.person.id or 0
        queued += _queue(
            db,
            learning_session,
            invitee,
            template="session_reminder",
            key=f"session:{learning_session.id}:reminder:{person_id}",
            method=None,
        )
        if open_questions.get(person_id):
            queued += _queue(
                db,
                learning_session,
                invitee,
                template="answer_reminder",
                key=f"session:{learning_session.id}:answer-reminder:{person_id}",
                method=None,
                questions=open_questions[person_id],
                deadline=learning_session.reflection_deadline,
            )
    return queued


def local_day(learning_session: LearningSession) -> date:
    return learning_session.starts_at.astimezone(ZoneInfo(learning_session.timezone)).date()


class _SessionAnnouncer:
    """app.learning_sessions.announcements' Announcer: the mail a session's change sends."""

    def schedule_changed(self, *, db: Session, learning_session: LearningSession) -> int:
        return queue_schedule_update(db=db, learning_session=learning_session)

    def cancelled(self, *, db: Session, learning_session: LearningSession) -> int:
        return queue_cancellation(db=db, learning_session=learning_session)


ANNOUNCER = _SessionAnnouncer()
