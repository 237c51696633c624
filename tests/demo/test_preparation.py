"""The demo shows the chair's preparation working: published agendas with their invitations
sent, a draft agenda for session 3, and a question bank in both languages."""

import pytest
from icalendar import Calendar
from sqlmodel import Session, col, select

from app.agendas.models import AgendaItem, BankQuestion
from app.agendas.suggestions import suggest_questions
from app.demo.seed import seed_demo
from app.invitations.models import OutboxAttachment, OutboxMessage
from app.learning_sessions.models import Attendance, LearningSession
from app.vocabulary import PartnershipCondition


@pytest.fixture
def sessions(db: Session) -> dict[int, LearningSession]:
    """The whole demo, invitations and their PDFs included (seconds: few tests use it)."""
    assert seed_demo(db, language="nl")
    return {s.number: s for s in db.exec(select(LearningSession)).all()}


@pytest.fixture
def drafts(db: Session) -> dict[int, LearningSession]:
    assert seed_demo(db, language="nl", invitations=False)
    return {s.number: s for s in db.exec(select(LearningSession)).all()}


def test_sessions_1_and_2_went_out_with_one_sent_invitation_per_invitee(
    db: Session, sessions: dict[int, LearningSession]
) -> None:
    for number in (1, 2):
        learning_session = sessions[number]
        assert learning_session.agenda_published_at is not None
        messages = db.exec(
            select(OutboxMessage).where(
                OutboxMessage.session_id == learning_session.id,
                col(OutboxMessage.dedupe_key).like("%:invitation:%"),
            )
        ).all()
        invited = db.exec(
            select(Attendance).where(
                Attendance.session_id == learning_session.id, col(Attendance.invited)
            )
        ).all()
        assert len(messages) == len(invited) > 0
        assert all(message.sent_at is not None for message in messages)
        attachments = db.exec(
            select(OutboxAttachment).where(
                col(OutboxAttachment.message_id).in_([m.id for m in messages])
            )
        ).all()
        names = {attachment.filename for attachment in attachments}
        assert any(name.endswith(".ics") for name in names)
        assert any(name.endswith(".pdf") for name in names)
    assert sessions[3].agenda_published_at is None

    # The calendar files parse, at the session's local time.
    ics = db.exec(
        select(OutboxAttachment).where(col(OutboxAttachment.filename).endswith(".ics"))
    ).first()
    assert ics is not None
    [event] = Calendar.from_ical(ics.data).walk("VEVENT")
    assert str(event["DTSTART"].params["TZID"]) == "Europe/Amsterdam"
    assert event.decoded("DTSTART").hour == 13  # 13:30 in Amsterdam


def test_session_3_has_a_six_item_draft_with_chairs_notes_and_a_suggestion_left(
    db: Session, drafts: dict[int, LearningSession]
) -> None:
    sessions = drafts
    items = db.exec(
        select(AgendaItem)
        .where(AgendaItem.session_id == sessions[3].id)
        .order_by(col(AgendaItem.position))
    ).all()
    assert len(items) == 6
    assert sum(1 for item in items if item.chair_notes) >= 3
    assert sum(1 for item in items if item.reflective_question_id) >= 2
    assert sessions[3].ends_at is not None
    assert suggest_questions(db=db, learning_session=sessions[3], language="nl")


def test_the_bank_holds_three_questions_per_condition_in_english_and_dutch(
    db: Session, drafts: dict[int, LearningSession]
) -> None:
    bank = db.exec(select(BankQuestion)).all()
    for language in ("en", "nl"):
        for condition in PartnershipCondition:
            found = [q for q in bank if q.language == language and q.condition == condition]
            assert len(found) >= 3, (language, condition)
