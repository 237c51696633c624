"""A held session with everything a report shows: attendance per initiative and role (and
break-out groups), minutes with the time each item took, a dilemma, actions, evaluation answers,
and two family representatives (one signs in with a password, one only has personal links)."""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlmodel import Session, select

from app.actions.models import Action
from app.agendas.models import AgendaItem
from app.community.models import LearningCommunity
from app.learning_sessions.models import Attendance, LearningSession, SessionEvaluation
from app.people.models import Person
from app.vocabulary import AgendaItemKind, PdsaStage, Role
from tests import factories

MINUTES = "Both municipalities asked for a bridging decision before September."
SCRIPT = "<script>alert('minutes')</script> kept as text"
CHAIR_NOTES = "Let Zwolle speak first: chair's eyes only."
NEEDS = "Needs a hearing loop in the room."
ACTION_TITLE = "Transition plan for the end of the pilot fund"
# 13:30 in Amsterdam (winter time, UTC+1), held a week before "now" in every test run.
STARTS = datetime(2026, 11, 19, 12, 30, tzinfo=UTC)


@dataclass
class ReportWorld:
    community: LearningCommunity
    learning_session: LearningSession
    chair: Person
    practitioner: Person  # Zwolle, attended, group "Table 1"
    policymaker: Person  # Zwolle, invited, did not come
    manager: Person  # Leiden, attended, group "Table 2"
    family: Person  # invited and attended; signs in with a password; reads English
    family_link: Person  # attended without an invitation; no password; reads Dutch
    outsider: Person  # a member of Leiden who was not invited
    items: list[AgendaItem]
    action: Action


def _person(
    db: Session,
    community: LearningCommunity,
    name: str,
    role: Role,
    initiative: object = None,
    **values: object,
) -> Person:
    person = factories.person(db, community, name=name, **values)
    factories.membership(db, person, role, initiative)  # type: ignore[arg-type]
    return person


def report_world(db: Session, community: LearningCommunity) -> ReportWorld:
    zwolle = factories.initiative(db, community, name="Wijkexpertteam Zwolle-Kampen")
    leiden = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    chair = _person(db, community, "Marjolein van Dijk", Role.chair)
    practitioner = _person(
        db, community, "Wilma Kamphuis", Role.practitioner, zwolle, accessibility_needs=NEEDS
    )
    policymaker = _person(db, community, "Gert-Jan Brinkman", Role.policymaker, zwolle)
    manager = _person(db, community, "Priya Ramdin", Role.manager, leiden)
    family = _person(
        db, community, "Ingrid Smit", Role.family_representative, email="ingrid@family.example"
    )
    family.language = "en"
    family_link = _person(
        db,
        community,
        "Ricardo Martina",
        Role.family_representative,
        email="ricardo@family.example",
    )
    family_link.language = "nl"
    outsider = _person(db, community, "Olaf Buiten", Role.practitioner, leiden)
    factories.account(db, family, password="een-wachtwoord-van-ingrid")
    learning_session = factories.learning_session(
        db,
        community,
        number=2,
        status="held",
        starts_at=STARTS,
        ends_at=datetime(2026, 11, 19, 15, 30, tzinfo=UTC),
        timezone="Europe/Amsterdam",
        place="Dordrecht City Office",
        chair_id=chair.id,
    )
    for person in (chair, practitioner, policymaker, manager, family):
        factories.attendance(db, learning_session, person, attended=person is not policymaker)
    db.add(
        Attendance(
            session_id=learning_session.id or 0,
            person_id=family_link.id or 0,
            invited=False,
            attended=True,
        )
    )
    db.flush()
    for person, group in ((practitioner, "Table 1"), (manager, "Table 2"), (family, "Table 1")):
        stored = db.exec(
            select(Attendance).where(
                Attendance.session_id == learning_session.id, Attendance.person_id == person.id
            )
        ).one()
        stored.group_name = group
    dilemma = factories.dilemma(
        db,
        zwolle,
        session_id=learning_session.id,
        title="Keep the nurse or let her go",
        description="The pilot fund ends in December.",
    )
    items = [
        factories.agenda_item(
            db,
            learning_session,
            position=0,
            kind=AgendaItemKind.welcome,
            title="Welcome",
            duration_minutes=15,
            actual_minutes=20,
            owner_id=chair.id,
            minutes="The chair opened the session.",
            chair_notes=CHAIR_NOTES,
        ),
        factories.agenda_item(
            db,
            learning_session,
            position=1,
            kind=AgendaItemKind.dilemma,
            title="Dilemma Zwolle-Kampen: the pilot fund ends",
            duration_minutes=30,
            actual_minutes=35,
            dilemma_id=dilemma.id,
            minutes=MINUTES,
        ),
        factories.agenda_item(
            db, learning_session, position=2, title="Findings", duration_minutes=20, minutes=SCRIPT
        ),
    ]
    action = factories.action(
        db,
        zwolle,
        learning_session,
        title=ACTION_TITLE,
        owner_id=policymaker.id,
        due_date=date(2026, 12, 1),
        pdsa_stage=PdsaStage.do,
    )
    # Three of the five who attended answered: two found it useful (4 or 5).
    for person, useful in ((practitioner, 5), (manager, 4), (family, 2)):
        db.add(
            SessionEvaluation(
                session_id=learning_session.id or 0,
                person_id=person.id,
                preparation=4,
                usefulness=useful,
                family_voice=4,
                come_again=5,
            )
        )
    db.flush()
    return ReportWorld(
        community,
        learning_session,
        chair,
        practitioner,
        policymaker,
        manager,
        family,
        family_link,
        outsider,
        items,
        action,
    )
