"""Publishing the agenda: one email per invitee, sent by SMTP, with the right attachments and a
calendar file in which the recipient is the only attendee."""

from email.message import EmailMessage
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from icalendar import Calendar
from sqlmodel import Session, col, select

from app.access_links.models import AccessLink
from app.agendas.documents import agenda_file_name
from app.audit.models import AuditEntry
from app.auth import secrets
from app.config import Settings, get_settings
from app.invitations.models import OutboxMessage
from app.mail.sending import send_pending
from app.mail.session_mail import queue_agenda_invitations
from app.vocabulary import AuditAction
from tests.conftest import RolledBackDatabase
from tests.mail.conftest import PLAIN_PDF, PUBLISHED_PDF, Collector, Invited


def attachments(message: EmailMessage) -> dict[str, bytes]:
    found = {}
    for part in message.iter_attachments():
        content = part.get_content()
        found[part.get_filename() or ""] = (
            content if isinstance(content, bytes) else content.encode()
        )
    return found


def calendar_part(message: EmailMessage) -> tuple[str, Calendar]:
    """The text/calendar alternative: its MIME method= and the calendar it holds."""
    parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    return str(parts[0].get_param("method")), Calendar.from_ical(parts[0].get_content())


def publish_and_send(
    db: Session, invited: Invited, database: RolledBackDatabase, settings: Settings
) -> int:
    queued = queue_agenda_invitations(db=db, learning_session=invited.learning_session)
    db.commit()
    report = send_pending(database, settings)
    assert report.failed == 0
    return queued


def test_publishing_sends_each_invitee_one_message_with_their_documents(
    db: Session,
    invited: Invited,
    database: RolledBackDatabase,
    mail_settings: Settings,
    mailbox: Collector,
) -> None:
    assert publish_and_send(db, invited, database, mail_settings) == 4

    assert sorted(r.recipients[0] for r in mailbox.received) == sorted(
        p.email or "" for p in invited.everyone
    )
    assert all(len(r.recipients) == 1 for r in mailbox.received)
    for received in mailbox.received:
        others = [p.email or "" for p in invited.everyone if p.email not in received.recipients]
        assert not [address for address in others if address.encode() in received.raw]

    [practitioner] = mailbox.to(invited.practitioner.email or "")
    files = attachments(practitioner.message)
    agenda = agenda_file_name(invited.learning_session, "en", plain=False)
    assert sorted(files) == sorted(
        ["invite.ics", agenda, "session-03-gezinsteam-plus-leidse-regio-v1.pdf"]
    )
    assert files[agenda].startswith(b"%PDF")
    assert files["session-03-gezinsteam-plus-leidse-regio-v1.pdf"] == PUBLISHED_PDF
    body = practitioner.message.get_body(("plain",))
    assert body is not None
    session_link = f"{get_settings().link_base}sessions/{invited.learning_session.id}"
    assert session_link in body.get_content()
    html = practitioner.message.get_body(("html",))
    assert html is not None and f'href="{session_link}"' in html.get_content()

    # No factsheet published for the manager's initiative: the agenda and the calendar only.
    [manager] = mailbox.to(invited.manager.email or "")
    assert len([name for name in attachments(manager.message) if name.endswith(".pdf")]) == 1

    # The policymaker reads Dutch.
    [policymaker] = mailbox.to(invited.policymaker.email or "")
    assert "Uitnodiging: leersessie 3" in str(policymaker.message["Subject"])


def test_the_family_representative_gets_a_personal_link_and_plain_language(
    db: Session,
    invited: Invited,
    database: RolledBackDatabase,
    mail_settings: Settings,
    mailbox: Collector,
) -> None:
    publish_and_send(db, invited, database, mail_settings)

    [family] = mailbox.to(invited.family.email or "")
    files = attachments(family.message)
    assert sorted(files) == sorted(
        [
            "invite.ics",
            agenda_file_name(invited.learning_session, "en", plain=True),
            "session-03-gezinsteam-plus-leidse-regio-v1-plain-language.pdf",
        ]
    )
    assert PLAIN_PDF in files.values() and PUBLISHED_PDF not in files.values()
    body = family.message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    token = text.split("/access/")[1].split()[0]
    link = db.exec(
        select(AccessLink).where(AccessLink.token_hash == secrets.token_hash(token))
    ).one()
    assert link.person_id == invited.family.id
    assert link.session_id == invited.learning_session.id
    made = db.exec(
        select(AuditEntry).where(AuditEntry.action == AuditAction.access_link_created)
    ).one()
    assert made.subject == invited.family.name and token not in made.detail
    assert "/sessions/" not in text


def test_the_calendar_file_names_the_session_in_amsterdam_and_only_the_recipient(
    db: Session,
    invited: Invited,
    database: RolledBackDatabase,
    mail_settings: Settings,
    mailbox: Collector,
) -> None:
    publish_and_send(db, invited, database, mail_settings)

    [received] = mailbox.to(invited.practitioner.email or "")
    method, calendar = calendar_part(received.message)
    assert method == "REQUEST" == str(calendar["METHOD"])
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"
    [event] = calendar.walk("VEVENT")
    starts, ends = event["DTSTART"], event["DTEND"]
    assert starts.params["TZID"] == "Europe/Amsterdam"
    assert starts.dt.tzinfo == ZoneInfo("Europe/Amsterdam")
    assert (starts.dt.hour, starts.dt.minute) == (13, 30)
    assert (ends.dt.hour, ends.dt.minute) == (16, 30)
    host = mail_settings.public_host
    assert str(event["UID"]) == f"session-{invited.learning_session.id}@{host}"
    assert int(event["SEQUENCE"]) == 0
    assert str(event["SUMMARY"]).startswith("Learning session 3, Leerkring test")
    assert str(event["LOCATION"]) == "Stadhuis Leiden"
    attendees = event["ATTENDEE"]
    assert str(attendees) == f"mailto:{invited.practitioner.email}"  # one, not a list
    organizer = parseaddr(get_settings().sender)[1]
    assert str(event["ORGANIZER"]) == f"mailto:{organizer}"
    session_link = f"{get_settings().link_base}sessions/{invited.learning_session.id}"
    assert session_link in str(event["DESCRIPTION"])
    # The attached .ics is the same calendar.
    assert attachments(received.message)["invite.ics"].startswith(b"BEGIN:VCALENDAR")


def test_publishing_again_queues_nothing_twice_and_an_update_once(
    db: Session, invited: Invited
) -> None:
    learning_session = invited.learning_session
    assert queue_agenda_invitations(db=db, learning_session=learning_session) == 4
    assert queue_agenda_invitations(db=db, learning_session=learning_session) == 0

    learning_session.agenda_version += 1
    assert queue_agenda_invitations(db=db, learning_session=learning_session, update=True) == 4
    assert queue_agenda_invitations(db=db, learning_session=learning_session, update=True) == 0
    subjects = db.exec(
        select(OutboxMessage.subject)
        .where(
            OutboxMessage.session_id == learning_session.id,
            OutboxMessage.person_id == invited.practitioner.id,
        )
        .order_by(col(OutboxMessage.id))
    ).all()
    assert subjects == [
        "Invitation: learning session 3 of " + subjects[0].split(" of ", 1)[1],
        "The agenda of learning session 3 has changed",
    ]
