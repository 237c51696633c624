"""Moving a session sends the same calendar event with a higher SEQUENCE; changing its focus
sends nothing; cancelling sends METHOD:CANCEL with the same UID."""

from fastapi.testclient import TestClient
from icalendar import Calendar
from sqlmodel import Session, col, select

from app.config import Settings
from app.invitations.models import OutboxMessage
from app.learning_sessions.schemas import LearningSessionForm
from app.mail.sending import send_pending
from app.mail.session_mail import queue_agenda_invitations
from tests.conftest import RolledBackDatabase
from tests.mail.conftest import Collector, Invited
from tests.mail.test_invitations import calendar_part


def edit(client: TestClient, invited: Invited, db: Session, **changes: str) -> int:
    db.refresh(invited.learning_session)
    form = LearningSessionForm.of(invited.learning_session).model_dump()
    response = client.post(
        f"/sessions/{invited.learning_session.id}/edit",
        data={**form, **changes},
        follow_redirects=False,
    )
    return response.status_code


def events(mailbox: Collector, address: str) -> list[tuple[str, Calendar]]:
    return [calendar_part(received.message) for received in mailbox.to(address)]


def test_moving_the_session_raises_the_sequence_and_keeps_the_uid(
    client: TestClient,
    db: Session,
    invited: Invited,
    database: RolledBackDatabase,
    mail_settings: Settings,
    mailbox: Collector,
) -> None:
    learning_session = invited.learning_session
    queue_agenda_invitations(db=db, learning_session=learning_session)
    db.commit()

    assert edit(client, invited, db, focus="Financing after the pilot") == 303
    db.refresh(learning_session)
    assert learning_session.focus == "Financing after the pilot"
    assert learning_session.calendar_sequence == 0
    assert send_pending(database, mail_settings).sent == 4  # the invitations, nothing more

    assert edit(client, invited, db, starts_time="14:00", ends_at="17:00") == 303
    db.refresh(learning_session)
    assert learning_session.calendar_sequence == 1
    assert send_pending(database, mail_settings).sent == 4  # one update each

    (first_method, first), (update_method, update) = events(
        mailbox, invited.practitioner.email or ""
    )
    assert first_method == update_method == "REQUEST" == str(update["METHOD"])
    [invitation], [moved] = first.walk("VEVENT"), update.walk("VEVENT")
    assert moved["UID"] == invitation["UID"]
    assert (int(invitation["SEQUENCE"]), int(moved["SEQUENCE"])) == (0, 1)
    assert (moved["DTSTART"].dt.hour, moved["DTSTART"].dt.minute) == (14, 0)
    assert (moved["DTEND"].dt.hour, moved["DTEND"].dt.minute) == (17, 0)
    [received] = mailbox.to(invited.policymaker.email or "")[1:]
    assert "Gewijzigd" in str(received.message["Subject"])

    # A new place is a change too; saving it again is not.
    assert edit(client, invited, db, place="Bibliotheek Leiden") == 303
    assert edit(client, invited, db) == 303
    db.refresh(learning_session)
    assert learning_session.calendar_sequence == 2


def test_before_the_agenda_is_out_a_move_sends_nothing(
    client: TestClient, db: Session, invited: Invited
) -> None:
    invited.learning_session.agenda_published_at = None
    db.add(invited.learning_session)
    db.flush()

    assert edit(client, invited, db, starts_on="2027-01-28") == 303

    db.refresh(invited.learning_session)
    assert invited.learning_session.calendar_sequence == 1
    queued = db.exec(
        select(OutboxMessage).where(OutboxMessage.session_id == invited.learning_session.id)
    ).all()
    assert queued == []


def test_cancelling_sends_method_cancel_with_the_same_uid(
    client: TestClient,
    db: Session,
    invited: Invited,
    database: RolledBackDatabase,
    mail_settings: Settings,
    mailbox: Collector,
) -> None:
    learning_session = invited.learning_session
    queue_agenda_invitations(db=db, learning_session=learning_session)
    db.commit()
    send_pending(database, mail_settings)

    confirm = client.get(f"/sessions/{learning_session.id}/cancel")
    assert confirm.status_code == 200
    assert "Yes, cancel the session" in confirm.text
    response = client.post(f"/sessions/{learning_session.id}/cancel", follow_redirects=False)
    assert response.status_code == 303
    assert send_pending(database, mail_settings).sent == 4

    (_, invitation), (method, cancellation) = events(mailbox, invited.family.email or "")
    assert method == "CANCEL" == str(cancellation["METHOD"])
    [event] = cancellation.walk("VEVENT")
    assert event["UID"] == invitation.walk("VEVENT")[0]["UID"]
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1
    page = client.get(f"/sessions/{learning_session.id}")
    assert "This session has been cancelled" in page.text
    # Cancelling twice is refused, and tells nobody again.
    again = client.post(f"/sessions/{learning_session.id}/cancel", follow_redirects=False)
    assert again.status_code == 409
    assert send_pending(database, mail_settings).sent == 0


def test_cancelling_before_any_invitation_sends_nothing(
    client: TestClient, db: Session, invited: Invited
) -> None:
    response = client.post(
        f"/sessions/{invited.learning_session.id}/cancel", follow_redirects=False
    )

    assert response.status_code == 303
    db.refresh(invited.learning_session)
    assert invited.learning_session.cancelled_at is not None
    count = db.exec(
        select(col(OutboxMessage.id)).where(OutboxMessage.session_id == invited.learning_session.id)
    ).all()
    assert count == []
