"""The demo's session reports: sessions 1 and 2 were held and their minutes written (session
1's here; the time each item took comes from app.demo.timings), and their reports were
published a week later, each family representative's message queued as publishing does (and
sent then). No PDF is rendered here: they render on first download."""

from datetime import timedelta

from sqlmodel import Session, col, select

from app.agendas.models import AgendaItem
from app.demo.content import Text
from app.invitations.models import OutboxMessage
from app.learning_sessions.models import LearningSession
from app.reports import service as report_service

PUBLISHED_SESSIONS = (1, 2)
PUBLISHED_AFTER = timedelta(days=7)

# Session 1 was held before minutes were kept in Leerkring; written up afterwards.
SESSION_1_MINUTES: dict[int, Text] = {
    0: Text(
        en=(
            "The chair opened the first learning session and explained why we meet: to learn "
            "from each other how families, professionals and policymakers can work as "
            "partners. Each participant named one thing they hope to learn this year. The "
            "family representatives were asked to speak first."
        ),
        nl=(
            "De voorzitter opende de eerste leersessie en legde uit waarom we bij elkaar "
            "komen: om van elkaar te leren hoe gezinnen, professionals en beleidsmakers als "
            "partners samenwerken. Iedere deelnemer noemde één ding dat hij of zij dit jaar "
            "wil leren. De gezinsvertegenwoordigers mochten als eersten spreken."
        ),
    ),
    1: Text(
        en=(
            "The practitioner-researcher introduced the four conditions for partnership: "
            "shared vision, roles and responsibilities, financing, and monitoring.\n"
            "First observations: every initiative has a shared vision on paper, but families "
            "do not always know who their contact person is.\n"
            "Financing is the condition most initiatives worry about: three of the five run "
            "on temporary money."
        ),
        nl=(
            "De praktijkonderzoeker introduceerde de vier voorwaarden voor partnerschap: "
            "gedeelde visie, rollen en verantwoordelijkheden, financiering en monitoring.\n"
            "Eerste waarnemingen: elk initiatief heeft een gedeelde visie op papier, maar "
            "gezinnen weten niet altijd wie hun aanspreekpunt is.\n"
            "Financiering baart de meeste zorgen: drie van de vijf initiatieven draaien op "
            "tijdelijk geld."
        ),
    ),
    2: Text(
        en=(
            "In three mixed groups (a policymaker, a manager, a practitioner and a family "
            "representative at each table) every initiative presented itself in five "
            "minutes.\n"
            "Recurring theme: families tell their story again to every new professional.\n"
            "Huis van het Gezin Tilburg offered to share how they work with one family plan."
        ),
        nl=(
            "In drie gemengde groepen (aan elke tafel een beleidsmaker, een manager, een "
            "professional en een gezinsvertegenwoordiger) presenteerde elk initiatief zich "
            "in vijf minuten.\n"
            "Terugkerend thema: gezinnen vertellen hun verhaal opnieuw aan elke nieuwe "
            "professional.\n"
            "Huis van het Gezin Tilburg bood aan te laten zien hoe zij met één gezinsplan "
            "werken."
        ),
    ),
    4: Text(
        en=(
            "Each initiative chose one learning question for the year and one first step "
            "before session 2. The steps are listed under the actions.\n"
            "Agreed: the factsheets for session 2 report what families say changed, not only "
            "figures."
        ),
        nl=(
            "Elk initiatief koos één leervraag voor dit jaar en een eerste stap vóór sessie "
            "2. De stappen staan bij de acties.\n"
            "Afgesproken: de factsheets voor sessie 2 laten zien wat gezinnen zeggen dat er "
            "veranderde, niet alleen cijfers."
        ),
    ),
    5: Text(
        en=(
            "Short round: the mixed groups worked well; the programme was full. Request for "
            "next time: more time for the dilemmas, and the questions a week in advance."
        ),
        nl=(
            "Korte ronde: de gemengde groepen werkten goed; het programma was vol. Verzoek "
            "voor de volgende keer: meer tijd voor de dilemma's, en de vragen een week van "
            "tevoren."
        ),
    ),
}


def add_demo_reports(db: Session, *, community_id: int, language: str) -> int:
    """Session 1's minutes, then the held sessions' reports published; how many messages were
    queued to family representatives."""
    queued = 0
    for learning_session in db.exec(
        select(LearningSession)
        .where(LearningSession.community_id == community_id)
        .where(col(LearningSession.number).in_(PUBLISHED_SESSIONS))
        .order_by(col(LearningSession.number))
    ).all():
        items = db.exec(
            select(AgendaItem)
            .where(AgendaItem.session_id == learning_session.id)
            .order_by(col(AgendaItem.position))
        ).all()
        for item in items:
            if learning_session.number == 1 and not item.minutes:
                written = SESSION_1_MINUTES.get(item.position)
                item.minutes = written.pick(language) if written else ""
                db.add(item)
        db.flush()
        published_at = learning_session.starts_at + PUBLISHED_AFTER
        queued += report_service.publish(
            db=db, learning_session=learning_session, actor=None, at=published_at
        )
        # Sent back then, as the demo's invitations were.
        for message in db.exec(
            select(OutboxMessage).where(
                OutboxMessage.session_id == learning_session.id,
                col(OutboxMessage.dedupe_key).like("%:report:%"),
            )
        ).all():
            message.created_at = published_at
            message.sent_at = published_at + timedelta(minutes=1)
            message.attempts = 1
            db.add(message)
    db.flush()
    return queued
