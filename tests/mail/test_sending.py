"""Sending never loses a message: a refused one stays queued with its error (on the outbox
page), and a later run against a working server sends it. Reminders go out once."""

from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.agendas.models import ReflectiveQuestion
from app.config import Settings
from app.emails import Email, queue_email
from app.invitations.models import OutboxMessage
from app.mail.reminders import run_reminders
from app.mail.sending import send_pending
from app.mail.session_mail import queue_agenda_invitations
from app.reflections.models import Reflection
from app.vocabulary import Perspective, Role
from tests import factories
from tests.conftest import RolledBackDatabase
from tests.mail.conftest import Collector, Invited


def test_a_refused_message_stays_queued_with_its_error_and_is_sent_later(
    mail_client: TestClient,
    db: Session,
    invited: Invited,
    database: RolledBackDatabase,
    mail_settings: Settings,
    mailbox: Collector,
) -> None:
    queue_agenda_invitations(db=db, learning_session=invited.learning_session)
    db.commit()
    mailbox.refuse = True

    report = send_pending(database, mail_settings)

    assert (report.sent, report.failed, report.waiting) == (0, 4, 4)
    messages = db.exec(
        select(OutboxMessage).where(OutboxMessage.session_id == invited.learning_session.id)
    ).all()
    for message in messages:
        db.refresh(message)
        assert message.sent_at is None
        assert message.attempts == 1
        assert message.last_attempt_at is not None
        assert message.last_error.startswith("550 ")
    outbox = mail_client.get("/community/outbox")
    assert "Not sent: queued again" in outbox.text
    assert "550 5.7.1 Mailbox unavailable for this sender" in outbox.text
    assert "Send now" in outbox.text
    # Within the back-off a run leaves them waiting.
    mailbox.refuse = False
    assert send_pending(database, mail_settings).sent == 0

    # The facilitator's "send now" makes one due at once.
    first = messages[0]
    response = mail_client.post(f"/community/outbox/{first.id}/send", follow_redirects=False)
    assert response.status_code == 303
    report = send_pending(database, mail_settings)
    assert (report.sent, report.waiting) == (1, 3)
    assert [r.recipients for r in mailbox.received] == [[first.recipient]]
    # The rest go once their wait is over.
    later = max(m.last_attempt_at for m in messages if m.last_attempt_at) + timedelta(minutes=2)
    assert send_pending(database, mail_settings, now=later).sent == 3
    db.refresh(first)
    assert first.sent_at is not None and first.last_error == ""
    assert "Send now" not in mail_client.get("/community/outbox").text


def test_without_a_mail_server_messages_wait_in_the_outbox(
    client: TestClient,
    db: Session,
    invited: Invited,
    database: RolledBackDatabase,
    settings: Settings,
    mailbox: Collector,
) -> None:
    queue_agenda_invitations(db=db, learning_session=invited.learning_session)
    db.commit()

    report = send_pending(database, settings)

    assert (report.sent, report.failed, report.waiting) == (0, 0, 4)
    assert mailbox.received == []
    outbox = client.get("/community/outbox")
    assert "No mail server is set up" in outbox.text
    assert "invite.ics" in outbox.text
    assert "Send now" not in outbox.text


def test_send_reminders_twice_sends_each_reminder_once(
    db: Session,
    invited: Invited,
    database: RolledBackDatabase,
    mail_settings: Settings,
    mailbox: Collector,
) -> None:
    learning_session = invited.learning_session
    for_family = factories.reflective_question(
        db,
        learning_session,
        target_roles=[Role.family_representative],
        plain_text="What helped your family most?",
    )
    for_policymakers = factories.reflective_question(
        db, learning_session, target_roles=[Role.policymaker]
    )
    factories.reflective_question(db, learning_session)  # for everyone: addressed to nobody
    db.add(
        Reflection(
            author_id=invited.policymaker.id,
            session_id=learning_session.id or 0,
            reflective_question_id=for_policymakers.id,
            text="One budget, one plan.",
            perspective=Perspective.local_government,
        )
    )
    db.commit()
    settings = mail_settings.model_copy(update={"reminder_days": 3})

    too_early, _ = run_reminders(database, settings, today=date(2027, 1, 17))
    queued, report = run_reminders(database, settings, today=date(2027, 1, 18))
    again, second = run_reminders(database, settings, today=date(2027, 1, 19))

    assert too_early == 0
    assert (queued, report.sent) == (5, 5)  # a reminder each, and the family's call to answer
    assert (again, second.sent) == (0, 0)
    assert len(mailbox.to(invited.practitioner.email or "")) == 1
    family = [r.message for r in mailbox.to(invited.family.email or "")]
    subjects = sorted(str(m["Subject"]) for m in family)
    assert subjects[0].startswith("A question for you is waiting")
    assert subjects[1].startswith("Reminder: learning session 3")
    answer = next(m for m in family if "question" in str(m["Subject"]))
    body = answer.get_body(("plain",))
    assert body is not None and "What helped your family most?" in body.get_content()
    assert for_family.text not in body.get_content()
    keys = db.exec(
        select(OutboxMessage.dedupe_key).where(col(OutboxMessage.dedupe_key).contains("reminder"))
    ).all()
    assert len(keys) == len(set(keys)) == 5
    db.refresh(learning_session)
    assert isinstance(db.get(ReflectiveQuestion, for_family.id), ReflectiveQuestion)


def test_a_line_break_in_a_subject_cannot_add_a_header(
    db: Session,
    invited: Invited,
    database: RolledBackDatabase,
    mail_settings: Settings,
    mailbox: Collector,
) -> None:
    queue_email(
        db=db,
        community_id=invited.learning_session.community_id,
        recipient="ilse@leiden.example",
        email=Email(subject="Session 3\r\nBcc: someone@elsewhere.example", body="Hello"),
    )
    db.commit()

    assert send_pending(database, mail_settings).sent == 1

    [received] = mailbox.received
    assert received.recipients == ["ilse@leiden.example"]
    assert received.message["Bcc"] is None
    assert str(received.message["Subject"]) == "Session 3 Bcc: someone@elsewhere.example"
