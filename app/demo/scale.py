"""A generated community of many initiatives, for benchmarks: ``leerkring seed-demo --scale N``.

Adds N initiatives to the current community, each with ten people (a policymaker, a manager,
six practitioners, a practitioner-researcher and a family representative), 100 coded evidence
items and a published factsheet for every held session; the community gets sessions up to
eight. Rows go in with bulk ``INSERT``s (lists of dicts), not object by object, so 1,000
initiatives take seconds. The caller owns the transaction: nothing here commits.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert
from sqlmodel import Session, col, select

from app.community.service import require_current_community
from app.db import utcnow
from app.demo import content
from app.demo.content import Text
from app.demo.self_assessment import score_generated
from app.evidence.models import EvidenceCondition, EvidenceItem
from app.evidence.service import evidence_fingerprint
from app.factsheets.models import Factsheet, FactsheetSection, FactsheetSectionEvidence
from app.initiatives.models import Initiative, InitiativeDiscipline, InitiativeMunicipality
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Membership, Person
from app.vocabulary import (
    EvidenceSource,
    FactsheetStatus,
    FundingArrangement,
    IntegrationLevel,
    PartnershipCondition,
    Perspective,
    PreferredFormat,
    Role,
    SessionStatus,
    Trend,
)

SESSIONS = 8  # the generated community meets this many times
PEOPLE_PER_INITIATIVE = 10
EVIDENCE_PER_INITIATIVE = 100
SESSION_INTERVAL = timedelta(weeks=13)
# Evidence is observed in the half year before each session.
OBSERVATION_WINDOW_DAYS = 180
PUBLISHED_BEFORE_SESSION = timedelta(weeks=2)
AMSTERDAM = ZoneInfo(content.TIMEZONE)
HELD = (SessionStatus.held, SessionStatus.followed_up)

MUNICIPALITIES: tuple[str, ...] = (
    "Alkmaar", "Almelo", "Almere", "Alphen aan den Rijn", "Amersfoort", "Amstelveen",
    "Apeldoorn", "Arnhem", "Assen", "Barneveld", "Bergen op Zoom", "Beverwijk", "Bodegraven",
    "Breda", "Bronckhorst", "Capelle aan den IJssel", "Coevorden", "Culemborg", "De Bilt",
    "Delft", "Den Helder", "Deventer", "Doetinchem", "Drechterland", "Dronten", "Ede",
    "Eindhoven", "Emmen", "Enschede", "Epe", "Goes", "Gooise Meren", "Gouda", "Haarlem",
    "Haarlemmermeer", "Halderberge", "Harderwijk", "Hardenberg", "Heerenveen", "Heerlen",
    "Helmond", "Hengelo", "Het Hogeland", "Hilversum", "Hoogeveen", "Hoorn", "Houten",
    "Kampen", "Katwijk", "Krimpenerwaard", "Lansingerland", "Leeuwarden", "Lelystad",
    "Lochem", "Maastricht", "Meppel", "Middelburg", "Midden-Groningen", "Moerdijk",
    "Nieuwegein", "Nijmegen", "Noordoostpolder", "Oldambt", "Oosterhout", "Oss", "Overbetuwe",
    "Purmerend", "Renkum", "Rheden", "Rijswijk", "Roermond", "Roosendaal", "Rotterdam",
    "Schagen", "Schiedam", "Sittard-Geleen", "Smallingerland", "Sneek", "Soest", "Someren",
    "Súdwest-Fryslân", "Terneuzen", "Tiel", "Uden", "Utrecht", "Veendam", "Veenendaal",
    "Velsen", "Venlo", "Venray", "Vlaardingen", "Vlissingen", "Waalwijk", "Wageningen",
    "Weert", "Westland", "Wijchen", "Winterswijk", "Woerden", "Zaanstad", "Zeist",
    "Zevenaar", "Zoetermeer", "Zutphen", "Zwijndrecht",
)  # fmt: skip

INITIATIVE_KINDS: tuple[str, ...] = (
    "Gezinsteam", "Wijkteam Jeugd en Gezin", "Samen1Plan", "Integraal Gezinsteam",
    "Huis van het Gezin", "Sociaal Wijkteam", "Jeugd- en Gezinsteam", "Eén Gezin Eén Plan",
    "Wijkexpertteam", "Krachtig Thuis", "Gezin Centraal", "Samen Sterk",
)  # fmt: skip

DISTRICTS = ("Noord", "Oost", "Zuid", "West", "Centrum")

FIRST_NAMES: tuple[str, ...] = (
    "Anouk", "Bas", "Bram", "Daan", "Esra", "Eva", "Fatima", "Femke", "Hanneke", "Hatice",
    "Inge", "Jan", "Jasper", "Jeroen", "Joost", "Karin", "Kees", "Laura", "Lieke", "Linda",
    "Lotte", "Marieke", "Mark", "Mehmet", "Mirjam", "Mohamed", "Naima", "Nina", "Pieter",
    "Priya", "Rachid", "Ricardo", "Roelof", "Sanne", "Sietske", "Sophie", "Stefan", "Thijs",
    "Thomas", "Wilma", "Yusuf", "Zeynep",
)  # fmt: skip

SURNAMES: tuple[str, ...] = (
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Kramer", "van der Meer", "Koster", "Prins", "Huisman",
    "Postma", "Kuipers", "Veenstra", "Hoekstra", "Wierenga", "Bouzid", "Yildiz", "Demir",
    "Ramdin", "Ouali", "Martina", "Kamphuis", "Aarts", "Verhoeven", "van Gool", "El Amrani",
)  # fmt: skip

TARGET_GROUPS: tuple[Text, ...] = (
    Text(
        en="Families in {place} facing problems in several areas at once: debts, parenting, "
        "mental health and housing.",
        nl="Gezinnen in {place} met problemen op meerdere terreinen tegelijk: schulden, "
        "opvoeding, psychische gezondheid en wonen.",
    ),
    Text(
        en="Parents with a mild intellectual disability in {place} and their children.",
        nl="Ouders met een licht verstandelijke beperking in {place} en hun kinderen.",
    ),
    Text(
        en="Young people aged 12 to 23 in {place} whose family faces several problems at once.",
        nl="Jongeren van 12 tot 23 jaar in {place} van wie het gezin meerdere problemen "
        "tegelijk heeft.",
    ),
)

FUNDING_NOTES = Text(
    en="Agreed with the municipality of {place} until the end of the learning community.",
    nl="Afgesproken met de gemeente {place} tot het einde van de leerkring.",
)
MONITORING_APPROACH = Text(
    en="A shared dashboard of waiting times and goals reached, discussed with families twice "
    "a year.",
    nl="Een gezamenlijk dashboard met wachttijden en behaalde doelen, twee keer per jaar "
    "besproken met gezinnen.",
)
ORGANISATIONS: tuple[Text, ...] = (
    Text(en="Youth and family care {place} (youth-care provider)", nl="Jeugd & Gezin {place}"),
    Text(en="Mental health {place} (mental-health trust)", nl="GGZ {place}"),
    Text(en="Social work {place} (social-work provider)", nl="Maatschappelijk Werk {place}"),
    Text(en="Addiction care {place} (addiction-care provider)", nl="Verslavingszorg {place}"),
)
MUNICIPALITY_OF = Text(en="Municipality of {place}", nl="Gemeente {place}")
ACADEMIC_WORKPLACE = Text(
    en="Academic Workplace Integrated Care for Families",
    nl="Academische Werkplaats Integrale Zorg voor Gezinnen",
)
FAMILY_PANEL = Text(en="Family panel of {place}", nl="Familiepanel {place}")
PLAIN_ACCESSIBILITY = Text(
    en="Prefers short texts and a call beforehand.",
    nl="Liever korte teksten en vooraf een belletje.",
)

PLACE = Text(en="{place} City Hall", nl="Stadhuis {place}")
SESSION_FOCUS: dict[PartnershipCondition, Text] = {
    PartnershipCondition.monitoring: Text(
        en="Monitoring: which figures help a family, a team and a council, and which only cost "
        "time.",
        nl="Monitoring: welke cijfers helpen een gezin, een team en een gemeenteraad, en welke "
        "kosten alleen tijd?",
    ),
    PartnershipCondition.shared_vision: Text(
        en="Shared vision and interests: what each partner wants from the initiative.",
        nl="Gedeelde visie en belangen: wat elke partner van het initiatief wil.",
    ),
    PartnershipCondition.roles: Text(
        en="Roles and responsibilities: who coordinates, who decides, who steps back.",
        nl="Rollen en verantwoordelijkheden: wie coördineert, wie beslist, wie doet een stap "
        "terug?",
    ),
    PartnershipCondition.financing: Text(
        en="Financing: what happens to the team when a pilot fund ends.",
        nl="Financiering: wat gebeurt er met het team als het pilotgeld stopt?",
    ),
}

# Evidence excerpts per condition; {place}, {number} and {discipline} are filled in.
EXCERPTS: dict[PartnershipCondition, tuple[Text, ...]] = {
    PartnershipCondition.monitoring: (
        Text(
            en="In {place} the team registers {number} families, but the dashboard counts "
            "referrals, not goals reached.",
            nl="In {place} registreert het team {number} gezinnen, maar het dashboard telt "
            "aanmeldingen, geen behaalde doelen.",
        ),
        Text(
            en="The {discipline} asked why the monthly report takes {number} minutes to fill "
            "in when nobody reads it back to the family.",
            nl="De {discipline} vroeg waarom het maandrapport {number} minuten kost terwijl "
            "niemand het met het gezin bespreekt.",
        ),
        Text(
            en="A mother said the questionnaire asked {number} questions and none about whether "
            "she had to tell her story again.",
            nl="Een moeder vertelde dat de vragenlijst {number} vragen had en geen enkele over "
            "of ze haar verhaal opnieuw moest vertellen.",
        ),
    ),
    PartnershipCondition.shared_vision: (
        Text(
            en="In the case discussion the {discipline} and the school disagreed for {number} "
            "minutes about whose goal came first.",
            nl="In de casusbespreking waren de {discipline} en de school het {number} minuten "
            "oneens over wiens doel voorging.",
        ),
        Text(
            en="The partners in {place} share the aim of one plan per family; {number} of them "
            "still write their own.",
            nl="De partners in {place} delen het doel van één plan per gezin; {number} van hen "
            "schrijven nog hun eigen plan.",
        ),
    ),
    PartnershipCondition.roles: (
        Text(
            en="Nobody in {place} could say who coordinates when the {discipline} is on leave; "
            "the family was called by {number} people that week.",
            nl="Niemand in {place} kon zeggen wie coördineert als de {discipline} met verlof is; "
            "het gezin werd die week door {number} mensen gebeld.",
        ),
        Text(
            en="The manager decided that the {discipline} is the single contact for {number} "
            "families, recorded in their plans.",
            nl="De manager besloot dat de {discipline} het vaste aanspreekpunt is voor {number} "
            "gezinnen, vastgelegd in hun plannen.",
        ),
    ),
    PartnershipCondition.financing: (
        Text(
            en="The pilot fund in {place} ends in {number} months and no partner has budgeted "
            "for the team after that.",
            nl="Het pilotgeld in {place} stopt over {number} maanden en geen partner heeft "
            "begroot voor het team daarna.",
        ),
        Text(
            en="The {discipline} spends {number} hours a month on invoices to three different "
            "funders.",
            nl="De {discipline} besteedt {number} uur per maand aan facturen voor drie "
            "verschillende financiers.",
        ),
    ),
}

SECTION_TEXTS: dict[PartnershipCondition, tuple[Text, Text, Text]] = {
    PartnershipCondition.monitoring: (
        Text(
            en="{initiative} measures waiting times and goals reached. Families in {place} "
            "value not having to repeat their story, which the figures do not yet show.",
            nl="{initiative} meet wachttijden en behaalde doelen. Gezinnen in {place} vinden "
            "het belangrijk hun verhaal niet opnieuw te hoeven doen, en dat laten de cijfers "
            "nog niet zien.",
        ),
        Text(
            en="A shared dashboard that the team discusses every quarter.",
            nl="Een gezamenlijk dashboard dat het team elk kwartaal bespreekt.",
        ),
        Text(
            en="Each partner reports to its own funder in its own format.",
            nl="Elke partner rapporteert aan de eigen financier in een eigen format.",
        ),
    ),
    PartnershipCondition.shared_vision: (
        Text(
            en="The partners of {initiative} agree on one plan per family; in practice "
            "school, youth care and mental health still set their own goals.",
            nl="De partners van {initiative} zijn het eens over één plan per gezin; in de "
            "praktijk stellen school, jeugdhulp en ggz nog eigen doelen.",
        ),
        Text(
            en="Case discussions in which the family takes part.",
            nl="Casusbesprekingen waaraan het gezin deelneemt.",
        ),
        Text(
            en="Different ideas of when a family is 'done'.",
            nl="Verschillende ideeën over wanneer een gezin 'klaar' is.",
        ),
    ),
    PartnershipCondition.roles: (
        Text(
            en="In {place} every family has a coordinator on paper; who takes over during "
            "leave is not yet agreed.",
            nl="In {place} heeft elk gezin op papier een coördinator; wie het overneemt tijdens "
            "verlof is nog niet afgesproken.",
        ),
        Text(
            en="A manager who backs practitioners' decisions.",
            nl="Een manager die de beslissingen van professionals steunt.",
        ),
        Text(
            en="Mandates end at the borders of each organisation.",
            nl="Mandaten houden op bij de grenzen van elke organisatie.",
        ),
    ),
    PartnershipCondition.financing: (
        Text(
            en="{initiative} runs on a pilot fund of the municipality of {place}; what comes "
            "after it is still open.",
            nl="{initiative} draait op pilotgeld van de gemeente {place}; wat daarna komt, is "
            "nog open.",
        ),
        Text(
            en="The policymaker puts the team on the council's agenda.",
            nl="De beleidsmaker zet het team op de agenda van de raad.",
        ),
        Text(
            en="Per-result contracts reward separate goals, not one plan.",
            nl="Resultaatcontracten belonen losse doelen, niet één plan.",
        ),
    ),
}
SUMMARY = Text(
    en="{initiative} helps families in {place} with one plan. The team still looks for who "
    "coordinates when someone is away. The money runs until the end of the pilot.",
    nl="{initiative} helpt gezinnen in {place} met één plan. Het team zoekt nog uit wie "
    "coördineert als iemand weg is. Het geld loopt tot het einde van de pilot.",
)

# (role, perspective, level) of the ten people of every generated initiative.
TEAM: tuple[tuple[Role, Perspective, IntegrationLevel], ...] = (
    (Role.policymaker, Perspective.local_government, IntegrationLevel.system),
    (Role.manager, Perspective.organisation, IntegrationLevel.organisational),
    *((Role.practitioner, Perspective.professional, IntegrationLevel.professional),) * 4,
    *((Role.practitioner, Perspective.professional, IntegrationLevel.clinical),) * 2,
    (Role.practitioner_researcher, Perspective.professional, IntegrationLevel.professional),
    (Role.family_representative, Perspective.family, IntegrationLevel.clinical),
)
# Each section's confirmed plain text: what a family representative reads in the plain PDF.
PLAIN_TEXTS: dict[PartnershipCondition, Text] = {
    PartnershipCondition.monitoring: Text(
        en="{initiative} counts how long families wait. Families say it helps that they tell "
        "their story once. The numbers do not show that yet.",
        nl="{initiative} telt hoe lang gezinnen wachten. Gezinnen zeggen dat het helpt dat ze "
        "hun verhaal één keer vertellen. De cijfers laten dat nog niet zien.",
    ),
    PartnershipCondition.shared_vision: Text(
        en="The partners want one plan for each family. In daily work, each one still sets "
        "its own goals.",
        nl="De partners willen één plan voor elk gezin. In het werk van elke dag stelt ieder "
        "nog eigen doelen.",
    ),
    PartnershipCondition.roles: Text(
        en="One person is the family's contact. It is not always clear who decides when "
        "partners do not agree.",
        nl="Eén persoon is het vaste contact van het gezin. Het is niet altijd duidelijk wie "
        "beslist als partners het oneens zijn.",
    ),
    PartnershipCondition.financing: Text(
        en="The money for the team comes from a fund that ends. Nobody has decided yet what "
        "comes after it.",
        nl="Het geld voor het team komt uit een fonds dat stopt. Niemand heeft nog besloten "
        "wat daarna komt.",
    ),
}


TREND_REASONS: dict[Trend, Text] = {
    Trend.better: Text(
        "More partners share the figures than at the last session.",
        "Meer partners delen de cijfers dan bij de vorige sessie.",
    ),
    Trend.same: Text(
        "Nothing has changed since the last session.",
        "Sinds de vorige sessie is er niets veranderd.",
    ),
    Trend.worse: Text(
        "A funder stepped back since the last session.",
        "Sinds de vorige sessie deed een financier een stap terug.",
    ),
}

# The roles invited to every held session: each initiative's composition, and its family.
INVITED_ROLES = (Role.policymaker, Role.manager, Role.practitioner, Role.family_representative)


@dataclass(frozen=True, slots=True)
class ScaleCounts:
    initiatives: int
    people: int
    evidence_items: int
    factsheets: int
    sessions_added: int


@dataclass(slots=True)
class _Session:
    id: int
    number: int
    starts_at: datetime
    status: SessionStatus


def scale_community(db: Session, *, initiatives: int, language: str = "en") -> ScaleCounts:
    """Add ``initiatives`` generated initiatives (with people, evidence and factsheets)."""
    if language not in content.LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {content.LANGUAGES}")
    if initiatives < 1:
        raise ValueError("add at least one initiative")
    return _Generator(db, language).run(initiatives)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in ascii_text.lower() if c.isalnum())


def _local(day: date, at: time = time(13, 30)) -> datetime:
    return datetime.combine(day, at, tzinfo=AMSTERDAM)


class _Generator:
    def __init__(self, db: Session, language: str) -> None:
        self.db = db
        self.language = language
        community = require_current_community(db=db)
        assert community.id is not None
        self.community_id = community.id
        self.period_start = community.period_start
        existing = db.exec(
            select(func.count()).where(Initiative.community_id == self.community_id)
        ).one()
        # Seeded by what exists, so a second run adds different, still unique, rows.
        self.random = random.Random(existing)
        self.first_number = existing + 1
        self.now = utcnow()
        self.disciplines = list(
            {
                discipline.pick(language): None
                for spec in content.INITIATIVES
                for discipline in spec.disciplines
            }
        )

    def _t(self, text: Text, **values: object) -> str:
        return text.pick(self.language).format(**values)

    def _stamps(self) -> dict[str, Any]:
        return {"created_at": self.now, "updated_at": self.now}

    def _insert_returning_ids(self, model: Any, rows: list[dict[str, Any]]) -> list[int]:
        if not rows:
            return []
        result = self.db.execute(
            insert(model).returning(model.id, sort_by_parameter_order=True), rows
        )
        return [row[0] for row in result]

    def _insert(self, model: Any, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.db.execute(insert(model), rows)

    def run(self, count: int) -> ScaleCounts:
        added = self._sessions()
        sessions = self._all_sessions()
        held = [s for s in sessions if s.status in HELD]
        initiatives = self._initiatives(count)
        people = self._people(initiatives)
        self._attendance(people, held)
        evidence = self._evidence(initiatives, people, held)
        factsheets = self._factsheets(initiatives, held, evidence)
        # Every member scores the held sessions, published: the profiles read them.
        score_generated(self.db, community_id=self.community_id, session_ids=[s.id for s in held])
        self.db.flush()
        return ScaleCounts(
            initiatives=len(initiatives),
            people=sum(len(team) for team in people),
            evidence_items=sum(len(items) for items in evidence),
            factsheets=factsheets,
            sessions_added=added,
        )

    # -- sessions ---------------------------------------------------------------------------

    def _all_sessions(self) -> list[_Session]:
        rows = self.db.exec(
            select(
                LearningSession.id,
                LearningSession.number,
                LearningSession.starts_at,
                LearningSession.status,
            )
            .where(LearningSession.community_id == self.community_id)
            .order_by(col(LearningSession.number))
        ).all()
        return [
            _Session(id or 0, number, starts_at, SessionStatus(status))
            for id, number, starts_at, status in rows
        ]

    def _sessions(self) -> int:
        """Planned sessions after the last one, until the community has ``SESSIONS``."""
        existing = self._all_sessions()
        if len(existing) >= SESSIONS:
            return 0
        last_number = max((s.number for s in existing), default=0)
        last_day = max((s.starts_at.date() for s in existing), default=self.period_start)
        chair_id = self.db.exec(
            select(LearningSession.chair_id)
            .where(LearningSession.community_id == self.community_id)
            .where(col(LearningSession.chair_id).is_not(None))
            .limit(1)
        ).first()
        conditions = list(PartnershipCondition)
        rows = []
        for offset in range(1, SESSIONS - len(existing) + 1):
            day = last_day + SESSION_INTERVAL * offset
            rows.append(
                {
                    "community_id": self.community_id,
                    "number": last_number + offset,
                    "starts_at": _local(day),
                    "timezone": content.TIMEZONE,
                    "place": self._t(PLACE, place=self.random.choice(MUNICIPALITIES)),
                    "online_url": "",
                    "focus": self._t(SESSION_FOCUS[conditions[offset % len(conditions)]]),
                    "reflection_deadline": day - timedelta(weeks=1),
                    "chair_id": chair_id,
                    "status": SessionStatus.planned,
                    "version": 1,
                    **self._stamps(),
                }
            )
        self._insert(LearningSession, rows)
        return len(rows)

    # -- initiatives and people -------------------------------------------------------------

    def _initiatives(self, count: int) -> list[tuple[int, str, list[str]]]:
        """(id, name, municipalities) of the new initiatives."""
        taken = set(
            self.db.exec(
                select(Initiative.name).where(Initiative.community_id == self.community_id)
            ).all()
        )
        planned: list[tuple[str, list[str]]] = []
        rows = []
        for _ in range(count):
            places = self.random.sample(MUNICIPALITIES, self.random.choice((1, 1, 2, 3)))
            base = f"{self.random.choice(INITIATIVE_KINDS)} {places[0]}"
            names = [base, *(f"{base}-{district}" for district in DISTRICTS)]
            name = next((n for n in names if n not in taken), None)
            suffix = 2
            while name is None or name in taken:  # every district taken: number them
                name, suffix = f"{base} {suffix}", suffix + 1
            taken.add(name)
            planned.append((name, places))
            place = places[0]
            rows.append(
                {
                    "community_id": self.community_id,
                    "name": name,
                    "target_group": self._t(self.random.choice(TARGET_GROUPS), place=place),
                    "funding_arrangement": self.random.choice(list(FundingArrangement)),
                    "funding_notes": self._t(FUNDING_NOTES, place=place),
                    "monitoring_approach": self._t(MONITORING_APPROACH),
                    "status": "active",
                    "version": 1,
                    **self._stamps(),
                }
            )
        ids = self._insert_returning_ids(Initiative, rows)
        self._insert(
            InitiativeMunicipality,
            [
                {"initiative_id": id_, "name": place, "position": position}
                for id_, (_, places) in zip(ids, planned, strict=True)
                for position, place in enumerate(places)
            ],
        )
        self._insert(
            InitiativeDiscipline,
            [
                {"initiative_id": id_, "name": discipline, "position": position}
                for id_ in ids
                for position, discipline in enumerate(
                    self.random.sample(self.disciplines, min(4, len(self.disciplines)))
                )
            ],
        )
        return [(id_, name, places) for id_, (name, places) in zip(ids, planned, strict=True)]

    def _people(
        self, initiatives: Sequence[tuple[int, str, list[str]]]
    ) -> list[list[tuple[int, Role]]]:
        """For each initiative, its people's (id, role), in the order of ``TEAM``."""
        taken = set(
            self.db.exec(
                select(Person.email).where(col(Person.email).like(f"%@{content.EMAIL_DOMAIN}"))
            ).all()
        )
        rows = []
        for number, (_, _, places) in enumerate(initiatives, start=self.first_number):
            place = places[0]
            for index, (role, _, _) in enumerate(TEAM):
                first = self.random.choice(FIRST_NAMES)
                last = self.random.choice(SURNAMES)
                email = f"{_slug(first)}.{_slug(last)}.{number}-{index}@{content.EMAIL_DOMAIN}"
                while email in taken:  # only after initiatives were deleted
                    email = email.replace("@", "x@", 1)
                taken.add(email)
                family = role is Role.family_representative
                rows.append(
                    {
                        "community_id": self.community_id,
                        "name": f"{first} {last}",
                        "organisation": self._organisation(role, place),
                        "email": email,
                        "accessibility_needs": self._t(PLAIN_ACCESSIBILITY) if family else "",
                        "preferred_format": (
                            PreferredFormat.plain_language if family else PreferredFormat.standard
                        ),
                        "version": 1,
                        **self._stamps(),
                    }
                )
        ids = self._insert_returning_ids(Person, rows)
        teams: list[list[tuple[int, Role]]] = []
        memberships: list[dict[str, Any]] = []
        for position, (initiative_id, _, _) in enumerate(initiatives):
            team_ids = ids[position * len(TEAM) : (position + 1) * len(TEAM)]
            teams.append([(pid, role) for pid, (role, _, _) in zip(team_ids, TEAM, strict=True)])
            memberships.extend(
                {
                    "person_id": pid,
                    "community_id": self.community_id,
                    # A family representative takes part for the whole community.
                    "initiative_id": None if role is Role.family_representative else initiative_id,
                    "role": role,
                    "perspective": perspective,
                    "level": level,
                    **self._stamps(),
                }
                for pid, (role, perspective, level) in zip(team_ids, TEAM, strict=True)
            )
        self._insert(Membership, memberships)
        return teams

    def _organisation(self, role: Role, place: str) -> str:
        if role is Role.policymaker:
            return self._t(MUNICIPALITY_OF, place=place)
        if role is Role.practitioner_researcher:
            return self._t(ACADEMIC_WORKPLACE)
        if role is Role.family_representative:
            return self._t(FAMILY_PANEL, place=place)
        return self._t(self.random.choice(ORGANISATIONS), place=place)

    def _attendance(
        self, teams: Sequence[Sequence[tuple[int, Role]]], held: Sequence[_Session]
    ) -> None:
        rows = []
        for learning_session in held:
            for team in teams:
                practitioners = 0
                for person_id, role in team:
                    if role not in INVITED_ROLES:
                        continue
                    if role is Role.practitioner:
                        practitioners += 1
                        if practitioners > 2:
                            continue
                    rows.append(
                        {
                            "session_id": learning_session.id,
                            "person_id": person_id,
                            "invited": True,
                            "attended": self.random.random() < 0.85,
                            **self._stamps(),
                        }
                    )
        self._insert(Attendance, rows)

    # -- evidence and factsheets ------------------------------------------------------------

    def _evidence(
        self,
        initiatives: Sequence[tuple[int, str, list[str]]],
        teams: Sequence[Sequence[tuple[int, Role]]],
        held: Sequence[_Session],
    ) -> list[list[tuple[int, PartnershipCondition, date, bool]]]:
        """For each initiative, its items' (id, first condition, observed on, quotable)."""
        last_day = max((s.starts_at.date() for s in held), default=self.period_start)
        first_day = min((s.starts_at.date() for s in held), default=self.period_start) - timedelta(
            days=OBSERVATION_WINDOW_DAYS
        )
        span = max((last_day - first_day).days, 1)
        conditions = list(PartnershipCondition)
        rows: list[dict[str, Any]] = []
        coded: list[tuple[tuple[PartnershipCondition, ...], date, bool]] = []
        for (initiative_id, _, places), team in zip(initiatives, teams, strict=True):
            researcher = next(pid for pid, role in team if role is Role.practitioner_researcher)
            fingerprints: set[str] = set()
            while len(fingerprints) < EVIDENCE_PER_INITIATIVE:
                primary = conditions[len(fingerprints) % len(conditions)]
                tags = (primary,) + (
                    (self.random.choice(conditions),) if self.random.random() < 0.4 else ()
                )
                tags = tuple(dict.fromkeys(tags))
                observed_on = first_day + timedelta(days=self.random.randrange(span))
                source = self.random.choice(list(EvidenceSource))
                perspective = self.random.choice(list(Perspective))
                level = self.random.choice(list(IntegrationLevel))
                excerpt = self._t(
                    self.random.choice(EXCERPTS[primary]),
                    place=self.random.choice(places),
                    number=self.random.randint(2, 60),
                    discipline=self.random.choice(self.disciplines),
                )
                fingerprint = evidence_fingerprint(
                    source=source,
                    observed_on=observed_on,
                    perspective=perspective,
                    level=level,
                    conditions=tags,
                    excerpt=excerpt,
                )
                if fingerprint in fingerprints:
                    continue
                fingerprints.add(fingerprint)
                quotable = self.random.random() < 0.8
                coded.append((tags, observed_on, quotable))
                rows.append(
                    {
                        "initiative_id": initiative_id,
                        "recorded_by_id": researcher,
                        "source": source,
                        "observed_on": observed_on,
                        "perspective": perspective,
                        "level": level,
                        "quote_consent": quotable,
                        "excerpt": excerpt,
                        "fingerprint": fingerprint,
                        "created_at": self.now,
                    }
                )
        ids = self._insert_returning_ids(EvidenceItem, rows)
        self._insert(
            EvidenceCondition,
            [
                {"evidence_item_id": item_id, "condition": condition}
                for item_id, (tags, _, _) in zip(ids, coded, strict=True)
                for condition in tags
            ],
        )
        items = [
            (item_id, tags[0], observed_on, quotable)
            for item_id, (tags, observed_on, quotable) in zip(ids, coded, strict=True)
        ]
        return [
            items[i : i + EVIDENCE_PER_INITIATIVE]
            for i in range(0, len(items), EVIDENCE_PER_INITIATIVE)
        ]

    def _factsheets(
        self,
        initiatives: Sequence[tuple[int, str, list[str]]],
        held: Sequence[_Session],
        evidence: Sequence[Sequence[tuple[int, PartnershipCondition, date, bool]]],
    ) -> int:
        """A published version 1 per initiative and held session, four sections, a quote each."""
        factsheets = []
        for learning_session in held:
            published_at = learning_session.starts_at - PUBLISHED_BEFORE_SESSION
            for initiative_id, name, places in initiatives:
                factsheets.append(
                    {
                        "initiative_id": initiative_id,
                        "session_id": learning_session.id,
                        "version_number": 1,
                        "status": FactsheetStatus.published,
                        "plain_language_summary": self._t(
                            SUMMARY, initiative=name, place=places[0]
                        ),
                        "published_at": published_at,
                        "version": 1,
                        **self._stamps(),
                    }
                )
        ids = self._insert_returning_ids(Factsheet, factsheets)
        sections = []
        quotes: list[int | None] = []
        for position, factsheet_id in enumerate(ids):
            learning_session = held[position // len(initiatives)]
            _, name, places = initiatives[position % len(initiatives)]
            published_at = learning_session.starts_at - PUBLISHED_BEFORE_SESSION
            cutoff = published_at.date()
            items = evidence[position % len(initiatives)]
            for condition, (analysis, helps, hinders) in SECTION_TEXTS.items():
                values = {"initiative": name, "place": places[0]}
                sections.append(
                    {
                        "factsheet_id": factsheet_id,
                        "condition": condition,
                        "analysis": self._t(analysis, **values),
                        "facilitators": self._t(helps, **values),
                        "barriers": self._t(hinders, **values),
                        "plain_text": self._t(PLAIN_TEXTS[condition], **values),
                        "plain_confirmed_at": published_at,
                        "levels": [self.random.choice(list(IntegrationLevel)).value],
                        **self._trend(first=position < len(initiatives)),
                        "version": 1,
                        **self._stamps(),
                    }
                )
                # The newest quotable excerpt on this condition observed before publication.
                candidates = [
                    (observed_on, item_id)
                    for item_id, primary, observed_on, quotable in items
                    if primary is condition and quotable and observed_on <= cutoff
                ]
                quotes.append(max(candidates)[1] if candidates else None)
        section_ids = self._insert_returning_ids(FactsheetSection, sections)
        self._insert(
            FactsheetSectionEvidence,
            [
                {"section_id": section_id, "evidence_item_id": item_id, "position": 0}
                for section_id, item_id in zip(section_ids, quotes, strict=True)
                if item_id is not None
            ],
        )
        return len(ids)

    def _trend(self, *, first: bool) -> dict[str, Any]:
        """A trend judgement since the previous held session (none for the first)."""
        if first:
            return {"trend": None, "trend_reason": ""}
        trend = self.random.choice(list(Trend))
        return {"trend": trend, "trend_reason": self._t(TREND_REASONS[trend])}
