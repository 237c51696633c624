"""The demo's reports: sessions 1 and 2 have minutes and times for every item and published
reports, with one sent message per family representative; no PDF is rendered while seeding."""

from sqlmodel import Session, col, select

from app.agendas.models import AgendaItem, SessionDocument
from app.demo.seed import seed_demo
from app.invitations.models import OutboxMessage
from app.learning_sessions.models import LearningSession
from app.mail.report_mail import family_representatives, report_key
from app.vocabulary import AgendaItemKind


def test_sessions_1_and_2_have_their_minutes_and_published_reports(db: Session) -> None:
    assert seed_demo(db, language="nl", invitations=False)
    sessions = {s.number: s for s in db.exec(select(LearningSession)).all()}
    for number in (1, 2):
        session = sessions[number]
        assert session.report_published_at is not None
        assert session.report_published_at > session.starts_at
        items = db.exec(select(AgendaItem).where(AgendaItem.session_id == session.id)).all()
        assert all(item.actual_minutes is not None for item in items), number
        assert all(item.minutes.strip() for item in items if item.kind != AgendaItemKind.break_), (
            number
        )
        family = family_representatives(db=db, learning_session=session)
        assert len(family) == 2
        messages = db.exec(
            select(OutboxMessage).where(
                col(OutboxMessage.dedupe_key).in_(
                    [report_key(session, f.person.id) for f in family]
                )
            )
        ).all()
        assert len(messages) == 2
        assert all(m.sent_at is not None for m in messages)
        assert all(
            m.subject.startswith("Het verslag van leersessie")
            for m in messages
            if "ricardo" in m.recipient
        )
    assert sessions[3].report_published_at is None
    assert db.exec(select(SessionDocument).where(SessionDocument.kind == "report")).all() == []
