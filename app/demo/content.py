"""The demo learning community as pure data, every human-readable text in English and Dutch.

Five fictional integrated-care initiatives in real Dutch municipalities (see DOMAIN.md), the
people who represent them, two held and two planned learning sessions, and everything the
sessions produced or are preparing: evidence, reflective questions, dilemmas, good practices,
actions, indicators, agenda items, reflections, evaluations and consents.

People, sessions and contributions are referred to by stable keys (an email address, a
session number, a short key); ``app.demo.seed`` turns the keys into database ids. The
evidence excerpts are anonymised and grounded in the findings of the source studies
(pilot funding that ends, unclear single contacts, figures families do not find meaningful,
organisations' interests versus a shared vision).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from app.reflections.consent import QUOTED_AS_EVIDENCE, READ_BY_PARTICIPANTS, WORDING_VERSION
from app.vocabulary import (
    ActionStatus,
    AgendaItemKind,
    CommunityStatus,
    ContributionStatus,
    EvidenceSource,
    FundingArrangement,
    IntegrationLevel,
    PartnershipCondition,
    PdsaStage,
    Perspective,
    PreferredFormat,
    ReflectionStatus,
    ReflectionVisibility,
    Role,
    SessionStatus,
)

LANGUAGES: tuple[str, ...] = ("en", "nl")
EMAIL_DOMAIN = "demo.leerkring.nl"
# The demo community meets in the Netherlands, whatever LEERKRING_TIME_ZONE says.
TIMEZONE = "Europe/Amsterdam"


@dataclass(frozen=True, slots=True)
class Text:
    """One human-readable text in both languages of the app."""

    en: str
    nl: str

    def pick(self, language: str) -> str:
        if language == "en":
            return self.en
        if language == "nl":
            return self.nl
        raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")


# --------------------------------------------------------------------------------------
# Shapes
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CommunitySpec:
    name: Text
    aims: Text
    period_start: date
    period_end: date
    status: CommunityStatus


@dataclass(frozen=True, slots=True)
class InitiativeSpec:
    key: str
    name: str  # a proper name, the same in both languages
    municipalities: tuple[str, ...]
    disciplines: tuple[Text, ...]
    target_group: Text
    funding_arrangement: FundingArrangement
    funding_notes: Text
    monitoring_approach: Text


@dataclass(frozen=True, slots=True)
class MembershipSpec:
    role: Role
    perspective: Perspective
    level: IntegrationLevel
    initiative: str | None = None  # an initiative key; None for a community-level membership


@dataclass(frozen=True, slots=True)
class PersonSpec:
    email: str  # lower case, ASCII
    name: str
    organisation: Text
    memberships: tuple[MembershipSpec, ...]
    preferred_format: PreferredFormat = PreferredFormat.standard
    accessibility_needs: Text | None = None


@dataclass(frozen=True, slots=True)
class SessionSpec:
    number: int
    day: date
    start: time  # local time in TIMEZONE
    place: Text
    focus: Text
    status: SessionStatus
    chair: str | None  # email
    reflection_deadline: date | None = None
    online_url: str = ""
    end: time = time(16, 30)  # the end of the time slot, local time


@dataclass(frozen=True, slots=True)
class AttendanceSpec:
    """Who was invited to a session and, once attendance is recorded, who did not come."""

    session: int
    invited: tuple[str, ...]  # emails
    recorded: bool  # False: attendance not recorded yet (attended stays None)
    absent: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EvidenceSpec:
    initiative: str
    source: EvidenceSource
    observed_on: date
    perspective: Perspective
    level: IntegrationLevel
    conditions: tuple[PartnershipCondition, ...]
    excerpt: Text
    quote_consent: bool = True
    recorded_by: str | None = None  # email; None means the community's practitioner-researcher


@dataclass(frozen=True, slots=True)
class QuestionSpec:
    key: str
    session: int
    condition: PartnershipCondition
    level: IntegrationLevel
    text: Text
    plain_text: Text  # plain language (B1) for family representatives
    target_roles: tuple[Role, ...] = ()  # empty: addressed to everyone


@dataclass(frozen=True, slots=True)
class ContributionSpec:
    """A dilemma or a good practice an initiative brings to a session."""

    key: str
    initiative: str
    session: int
    submitted_by: str  # email
    title: Text
    description: Text
    condition: PartnershipCondition
    level: IntegrationLevel
    status: ContributionStatus


@dataclass(frozen=True, slots=True)
class ProgressSpec:
    """A progress note on an action during the action period, by a member of its initiative."""

    author: str  # email
    on: date
    status: ActionStatus
    pdsa_stage: PdsaStage
    note: Text


@dataclass(frozen=True, slots=True)
class ActionSpec:
    initiative: str
    owner: str  # email
    opened_in: int  # session number
    review_in: int  # session number
    title: Text
    description: Text
    condition: PartnershipCondition
    level: IntegrationLevel
    pdsa_stage: PdsaStage
    due_date: date
    status: ActionStatus


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    initiative: str
    name: Text
    condition: PartnershipCondition
    level: IntegrationLevel
    source: Text
    unit: Text
    baseline: float
    target: float
    measurements: tuple[tuple[date, float], ...]


@dataclass(frozen=True, slots=True)
class AgendaItemSpec:
    """One agenda block; its position is its place in the session's tuple (from 0)."""

    kind: AgendaItemKind
    title: Text
    duration_minutes: int
    owner: str | None = None  # email
    minutes: Text | None = None
    dilemma: str | None = None  # contribution key
    good_practice: str | None = None  # contribution key
    question: str | None = None  # question key
    chair_notes: Text | None = None

    def __post_init__(self) -> None:
        links = [self.dilemma, self.good_practice, self.question]
        if sum(link is not None for link in links) > 1:
            raise ValueError(f"agenda item {self.title.en!r} points at more than one thing")


@dataclass(frozen=True, slots=True)
class ReflectionSpec:
    session: int
    author: str  # email
    perspective: Perspective
    text: Text
    visibility: ReflectionVisibility
    evidence_consent: bool
    question: str | None = None  # question key
    dilemma: str | None = None  # contribution key
    status: ReflectionStatus = ReflectionStatus.submitted
    submitted_on: date | None = None  # None for a draft
    shows_name: bool = True  # False: shown as "a family representative" (the perspective)

    def __post_init__(self) -> None:
        if (self.question is None) == (self.dilemma is None):
            raise ValueError("a reflection answers exactly one question or dilemma")
        if (self.status == ReflectionStatus.submitted) != (self.submitted_on is not None):
            raise ValueError("a submitted reflection has a date, a draft none")


@dataclass(frozen=True, slots=True)
class EvaluationSpec:
    session: int
    person: str  # email
    usefulness: int
    family_voice: int
    preparation: int
    comment: Text
    come_again: int | None = None


@dataclass(frozen=True, slots=True)
class ConsentSpec:
    person: str  # email
    purpose: str
    wording_version: str
    given_on: date
    given_at: time  # local time in TIMEZONE


# --------------------------------------------------------------------------------------
# The learning community
# --------------------------------------------------------------------------------------

_YEARS = "2026\N{EN DASH}2027"

COMMUNITY = CommunitySpec(
    name=Text(
        en=f"Leerkring Integrated Care for Families {_YEARS}",
        nl=f"Leerkring Integrale Zorg Gezinnen {_YEARS}",
    ),
    aims=Text(
        en=(
            "Five integrated-care initiatives for families with multiple, interconnected "
            "problems learn with and from each other over two years. In four learning "
            "sessions, policymakers, managers, practitioners and family representatives "
            "reflect on research findings about their own initiative, organised by the four "
            "conditions for partnership: monitoring, shared vision and interests, roles and "
            "responsibilities, and financing. We aim to strengthen the dialogue between the "
            "system, organisational, professional and clinical levels within each "
            "initiative, to let initiatives borrow solutions from one another instead of "
            "reinventing the wheel, and to make sure the families' perspective shapes every "
            "conclusion we draw."
        ),
        nl=(
            "Vijf initiatieven voor integrale zorg aan gezinnen met meervoudige, samenhangende "
            "problemen leren twee jaar lang met en van elkaar. In vier leersessies reflecteren "
            "beleidsmakers, managers, professionals en ervaringsdeskundigen op "
            "onderzoeksbevindingen over hun eigen initiatief, geordend naar de vier "
            "voorwaarden voor partnerschap: monitoring, gedeelde visie en belangen, rollen en "
            "verantwoordelijkheden, en financiering. We willen de dialoog tussen het systeem-, "
            "organisatie-, professionele en cliëntniveau binnen elk initiatief versterken, "
            "initiatieven oplossingen van elkaar laten overnemen in plaats van steeds opnieuw "
            "het wiel uit te vinden, en ervoor zorgen dat het perspectief van gezinnen elke "
            "conclusie mee bepaalt."
        ),
    ),
    period_start=date(2026, 1, 1),
    period_end=date(2027, 12, 31),
    status=CommunityStatus.active,
)

# --------------------------------------------------------------------------------------
# Initiatives
# --------------------------------------------------------------------------------------

LEIDEN = "leiden"
DRECHTSTEDEN = "drechtsteden"
ZWOLLE = "zwolle"
GRONINGEN = "groningen"
TILBURG = "tilburg"

_CHILD_PSYCHIATRIST = Text(en="child psychiatrist", nl="kinder- en jeugdpsychiater")
_ID_BEHAVIOURAL_SCIENTIST = Text(
    en="ID behavioural scientist", nl="gedragswetenschapper verstandelijke beperking"
)

INITIATIVES: tuple[InitiativeSpec, ...] = (
    InitiativeSpec(
        key=LEIDEN,
        name="Gezinsteam Plus Leidse Regio",
        municipalities=("Leiden", "Oegstgeest", "Leiderdorp"),
        disciplines=(
            _CHILD_PSYCHIATRIST,
            Text(en="adult psychiatrist", nl="volwassenenpsychiater"),
            _ID_BEHAVIOURAL_SCIENTIST,
            Text(en="family coach", nl="gezinscoach"),
        ),
        target_group=Text(
            en=(
                "Families in the Leiden region in which both a child and a parent have "
                "mental-health problems, often combined with a (mild) intellectual "
                "disability, and where earlier support from separate services stalled."
            ),
            nl=(
                "Gezinnen in de Leidse regio waarin zowel een kind als een ouder psychische "
                "problemen heeft, vaak in combinatie met een (licht) verstandelijke beperking, "
                "en waar eerdere hulp van losse aanbieders vastliep."
            ),
        ),
        funding_arrangement=FundingArrangement.lump_sum_subsidy,
        funding_notes=Text(
            en=(
                "Municipal lump-sum subsidy from Leiden, Oegstgeest and Leiderdorp for the "
                "team as a whole; adult mental-health care for parents is billed separately "
                "to the health insurer."
            ),
            nl=(
                "Lumpsumsubsidie van Leiden, Oegstgeest en Leiderdorp voor het team als "
                "geheel; de volwassenen-ggz voor ouders wordt apart bij de zorgverzekeraar "
                "gedeclareerd."
            ),
        ),
        monitoring_approach=Text(
            en=(
                "Quarterly caseload dashboard (number of families, waiting time, case mix) "
                "and a family evaluation three months after the start of support."
            ),
            nl=(
                "Kwartaaldashboard van de caseload (aantal gezinnen, wachttijd, samenstelling) "
                "en een evaluatie met het gezin drie maanden na de start van de hulp."
            ),
        ),
    ),
    InitiativeSpec(
        key=DRECHTSTEDEN,
        name="Samen1Plan Drechtsteden",
        municipalities=("Dordrecht", "Zwijndrecht", "Papendrecht"),
        disciplines=(
            Text(en="youth psychologist", nl="jeugdpsycholoog"),
            Text(en="addiction care worker", nl="verslavingszorgmedewerker"),
            Text(en="parenting coach", nl="opvoedcoach"),
            Text(en="debt counsellor", nl="schuldhulpverlener"),
        ),
        target_group=Text(
            en=(
                "Families in the Drechtsteden with problems in several life domains at once "
                "(parenting, addiction, debts, a child's mental health) who get one plan and "
                "one team instead of separate trajectories."
            ),
            nl=(
                "Gezinnen in de Drechtsteden met problemen op meerdere levensgebieden "
                "tegelijk (opvoeding, verslaving, schulden, psychische problemen van een kind) "
                "die één plan en één team krijgen in plaats van losse trajecten."
            ),
        ),
        funding_arrangement=FundingArrangement.per_result_contract,
        funding_notes=Text(
            en=(
                "Regional per-result contract with the Drechtsteden region: a fixed fee per "
                "family, plus a result fee when the agreed goals are reached at closure."
            ),
            nl=(
                "Regionaal resultaatgericht contract met de regio Drechtsteden: een vast "
                "tarief per gezin, plus een resultaatvergoeding als de afgesproken doelen bij "
                "afsluiting zijn bereikt."
            ),
        ),
        monitoring_approach=Text(
            en=(
                "Goal-attainment scaling per family goal at the start and at closure, and "
                "the length of each trajectory."
            ),
            nl=(
                "Doelrealisatie per gezinsdoel met goal-attainment scaling bij de start en bij "
                "afsluiting, en de duur van elk traject."
            ),
        ),
    ),
    InitiativeSpec(
        key=ZWOLLE,
        name="Wijkexpertteam Zwolle-Kampen",
        municipalities=("Zwolle", "Kampen"),
        disciplines=(
            Text(en="psychiatric nurse", nl="sociaal-psychiatrisch verpleegkundige"),
            Text(en="ID counsellor", nl="begeleider verstandelijke beperking"),
            Text(en="youth social worker", nl="jeugdmaatschappelijk werker"),
            Text(en="GP mental-health assistant", nl="praktijkondersteuner huisarts ggz"),
        ),
        target_group=Text(
            en=(
                "Families in neighbourhoods of Zwolle and Kampen whose problems go beyond "
                "what the neighbourhood team can handle alone, including parents who need "
                "psychiatric or intellectual-disability support."
            ),
            nl=(
                "Gezinnen in wijken van Zwolle en Kampen bij wie de problemen verder gaan dan "
                "wat het wijkteam alleen aankan, onder wie ouders die psychiatrische "
                "ondersteuning of ondersteuning bij een verstandelijke beperking nodig hebben."
            ),
        ),
        funding_arrangement=FundingArrangement.pilot_fund,
        funding_notes=Text(
            en=(
                "Two-year pilot fund (2025-2026) of the municipalities of Zwolle and Kampen. "
                "The fund ends on 31 December 2026; structural funding has not been decided."
            ),
            nl=(
                "Tweejarig pilotfonds (2025-2026) van de gemeenten Zwolle en Kampen. Het fonds "
                "stopt op 31 december 2026; over structurele financiering is nog niet besloten."
            ),
        ),
        monitoring_approach=Text(
            en=(
                "Six-monthly case reviews only: the team discusses every family twice a "
                "year; no outcome measures are collected."
            ),
            nl=(
                "Alleen halfjaarlijkse casusreviews: het team bespreekt elk gezin twee keer "
                "per jaar; er worden geen uitkomstmaten verzameld."
            ),
        ),
    ),
    InitiativeSpec(
        key=GRONINGEN,
        name="IST Groningen-Ommelanden",
        municipalities=("Groningen", "Het Hogeland", "Westerkwartier"),
        disciplines=(
            _CHILD_PSYCHIATRIST,
            Text(en="family therapist", nl="gezinstherapeut"),
            _ID_BEHAVIOURAL_SCIENTIST,
            Text(en="social-support consultant", nl="Wmo-consulent"),
        ),
        target_group=Text(
            en=(
                "Families in the city of Groningen and the surrounding rural municipalities "
                "with complex, long-lasting problems where child psychiatry, intellectual "
                "disability and social support meet."
            ),
            nl=(
                "Gezinnen in de stad Groningen en de omliggende plattelandsgemeenten met "
                "complexe, langdurige problemen waarin kinder- en jeugdpsychiatrie, een "
                "verstandelijke beperking en maatschappelijke ondersteuning samenkomen."
            ),
        ),
        funding_arrangement=FundingArrangement.hourly_rate,
        funding_notes=Text(
            en=(
                "Hourly rate per discipline: each professional declares hours to the "
                "municipality at the rate of their own discipline and organisation."
            ),
            nl=(
                "Uurtarief per discipline: elke professional declareert uren bij de gemeente "
                "tegen het tarief van de eigen discipline en organisatie."
            ),
        ),
        monitoring_approach=Text(
            en="Declared hours and waiting time, taken from the municipal records.",
            nl="Gedeclareerde uren en wachttijd, uit de gemeentelijke registratie.",
        ),
    ),
    InitiativeSpec(
        key=TILBURG,
        name="Huis van het Gezin Tilburg",
        municipalities=("Tilburg", "Goirle", "Oisterwijk"),
        disciplines=(
            Text(en="adult mental health", nl="volwassenen-ggz"),
            Text(en="youth mental health", nl="jeugd-ggz"),
            Text(en="parenting support", nl="opvoedondersteuning"),
            Text(en="school social work", nl="schoolmaatschappelijk werk"),
        ),
        target_group=Text(
            en=(
                "Families in Tilburg, Goirle and Oisterwijk where the mental-health problems "
                "of parents and children affect school, parenting and daily life; the team "
                "works from one location and from schools."
            ),
            nl=(
                "Gezinnen in Tilburg, Goirle en Oisterwijk bij wie psychische problemen van "
                "ouders en kinderen doorwerken in school, opvoeding en het dagelijks leven; "
                "het team werkt vanuit één locatie en vanuit scholen."
            ),
        ),
        funding_arrangement=FundingArrangement.pooled_budget,
        funding_notes=Text(
            en=(
                "Pooled budget of the three municipalities and the regional health insurer, "
                "managed jointly; there are no declarations per discipline."
            ),
            nl=(
                "Gezamenlijk budget van de drie gemeenten en de regionale zorgverzekeraar, "
                "samen beheerd; er wordt niet per discipline gedeclareerd."
            ),
        ),
        monitoring_approach=Text(
            en=(
                "A shared outcome set for families (school attendance, daily rhythm, "
                "parents' sense of coping) measured at the start, after six months and at "
                "closure, plus a yearly survey of professionals."
            ),
            nl=(
                "Een gedeelde uitkomstenset voor gezinnen (schoolgang, dagritme, het gevoel "
                "van ouders dat ze het aankunnen), gemeten bij de start, na zes maanden en bij "
                "afsluiting, plus een jaarlijkse enquête onder professionals."
            ),
        ),
    ),
)

# --------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------

FACILITATOR = "facilitator@demo.leerkring.nl"
CHAIR = "chair@demo.leerkring.nl"
RESEARCHER = "researcher@demo.leerkring.nl"
FAMILY = "family@demo.leerkring.nl"
FAMILY_LARGE_PRINT = "ricardo.martina@demo.leerkring.nl"

POLICYMAKER_LEIDEN = "policymaker.leiden@demo.leerkring.nl"
MANAGER_LEIDEN = "manager.leiden@demo.leerkring.nl"
PRACTITIONER_LEIDEN = "practitioner.leiden@demo.leerkring.nl"
PSYCHIATRIST_LEIDEN = "rachid.bouzid@demo.leerkring.nl"

POLICYMAKER_DRECHTSTEDEN = "kees.verhoeven@demo.leerkring.nl"
FORMER_MANAGER_DRECHTSTEDEN = "monique.degraaf@demo.leerkring.nl"
MANAGER_DRECHTSTEDEN = "jeroen.koster@demo.leerkring.nl"
ADDICTION_WORKER_DRECHTSTEDEN = "mehmet.yildiz@demo.leerkring.nl"
PSYCHOLOGIST_DRECHTSTEDEN = "priya.ramdin@demo.leerkring.nl"

POLICYMAKER_ZWOLLE = "policymaker.zwolle@demo.leerkring.nl"
MANAGER_ZWOLLE = "wilma.kamphuis@demo.leerkring.nl"
NURSE_ZWOLLE = "daan.vos@demo.leerkring.nl"
SOCIAL_WORKER_ZWOLLE = "naima.ouali@demo.leerkring.nl"

POLICYMAKER_GRONINGEN = "sietske.dijkstra@demo.leerkring.nl"
MANAGER_GRONINGEN = "roelof.wierenga@demo.leerkring.nl"
THERAPIST_GRONINGEN = "joost.hoekstra@demo.leerkring.nl"
BEHAVIOURAL_SCIENTIST_GRONINGEN = "anouk.veenstra@demo.leerkring.nl"

POLICYMAKER_TILBURG = "linda.vangool@demo.leerkring.nl"
MANAGER_TILBURG = "bram.dewit@demo.leerkring.nl"
SCHOOL_SOCIAL_WORKER_TILBURG = "esra.demir@demo.leerkring.nl"
YOUTH_MENTAL_HEALTH_TILBURG = "thomas.aarts@demo.leerkring.nl"

ALL_INITIATIVES: tuple[str, ...] = tuple(initiative.key for initiative in INITIATIVES)


def _policymaker(initiative: str) -> MembershipSpec:
    return MembershipSpec(
        Role.policymaker, Perspective.local_government, IntegrationLevel.system, initiative
    )


def _manager(initiative: str) -> MembershipSpec:
    return MembershipSpec(
        Role.manager, Perspective.organisation, IntegrationLevel.organisational, initiative
    )


def _practitioner(
    initiative: str, level: IntegrationLevel = IntegrationLevel.professional
) -> MembershipSpec:
    return MembershipSpec(Role.practitioner, Perspective.professional, level, initiative)


def _municipality(place: str) -> Text:
    return Text(en=f"Municipality of {place}", nl=f"Gemeente {place}")


def _organisation(name: str, kind_en: str) -> Text:
    """A fictional organisation: its Dutch name, with what it is in English."""
    return Text(en=f"{name} ({kind_en})", nl=name)


_ACADEMIC_WORKPLACE = Text(
    en="Academic Workplace Integrated Care for Families",
    nl="Academische Werkplaats Integrale Zorg voor Gezinnen",
)
_FAMILY_PANEL = Text(
    en="Family panel of the learning community", nl="Familiepanel van de leerkring"
)
_JEUGD_GEZIN_RIJNLAND = _organisation("Jeugd & Gezin Rijnland", "youth-care provider")
_GGZ_RIJNSTREEK = _organisation("GGZ Rijnstreek", "mental-health trust")
_DE_MERWEDE = _organisation("Verslavingszorg De Merwede", "addiction-care provider")
_JEUGDHULP_DRECHTSTEDEN = _organisation("Jeugdhulp Drechtsteden", "youth-care provider")
_GGZ_IJSSELDELTA = _organisation("GGZ IJsseldelta", "mental-health trust")
_WIJKWERK_KAMPEN = _organisation("Stichting Wijkwerk Kampen", "social-work provider")
_NOORDERLAND = _organisation(
    "Kinder- en Jeugdpsychiatrie Noorderland", "child and adolescent psychiatry"
)
_ZORG_OMMELANDEN = _organisation("Stichting Zorg Ommelanden", "intellectual-disability care")
_HUIS_VAN_HET_GEZIN = _organisation("Stichting Huis van het Gezin Tilburg", "foundation")
_SMW_MIDDEN_BRABANT = _organisation(
    "Schoolmaatschappelijk Werk Midden-Brabant", "school social work"
)
_GGZ_HART_VAN_BRABANT = _organisation("GGZ Hart van Brabant", "mental-health trust")

_RESEARCHER_MEMBERSHIPS: tuple[MembershipSpec, ...] = (
    MembershipSpec(
        Role.practitioner_researcher, Perspective.professional, IntegrationLevel.professional
    ),
    *(
        MembershipSpec(
            Role.practitioner_researcher,
            Perspective.professional,
            IntegrationLevel.professional,
            initiative,
        )
        for initiative in ALL_INITIATIVES
    ),
)

_FAMILY_MEMBERSHIP = MembershipSpec(
    Role.family_representative, Perspective.family, IntegrationLevel.clinical
)

PEOPLE: tuple[PersonSpec, ...] = (
    # The community's own people.
    PersonSpec(
        email=FACILITATOR,
        name="Lotte Hendriks",
        organisation=_ACADEMIC_WORKPLACE,
        memberships=(
            MembershipSpec(
                Role.facilitator, Perspective.organisation, IntegrationLevel.organisational
            ),
        ),
    ),
    PersonSpec(
        email=CHAIR,
        name="Marjolein van Dijk",
        organisation=Text(en="Independent chair", nl="Onafhankelijk voorzitter"),
        memberships=(
            MembershipSpec(Role.chair, Perspective.organisation, IntegrationLevel.system),
        ),
    ),
    PersonSpec(
        email=RESEARCHER,
        name="Femke Visser",
        organisation=_ACADEMIC_WORKPLACE,
        memberships=_RESEARCHER_MEMBERSHIPS,
    ),
    PersonSpec(
        email=FAMILY,
        name="Ingrid Smit",
        organisation=_FAMILY_PANEL,
        memberships=(_FAMILY_MEMBERSHIP,),
        preferred_format=PreferredFormat.plain_language,
        accessibility_needs=Text(
            en=(
                "Prefers documents in plain language (B1 level) and a phone call with the "
                "facilitator a week before each session to go through the questions; reading "
                "long reports costs her a lot of energy."
            ),
            nl=(
                "Wil stukken in eenvoudige taal (B1-niveau) en een telefoongesprek met de "
                "facilitator een week voor elke sessie om de vragen door te nemen; lange "
                "rapporten lezen kost haar veel energie."
            ),
        ),
    ),
    PersonSpec(
        email=FAMILY_LARGE_PRINT,
        name="Ricardo Martina",
        organisation=_FAMILY_PANEL,
        memberships=(_FAMILY_MEMBERSHIP,),
        preferred_format=PreferredFormat.large_print,
        accessibility_needs=Text(
            en=(
                "Low vision: documents printed in large type (at least 16 pt), a seat near "
                "the front and the slides sent in advance."
            ),
            nl=(
                "Slechtziend: stukken op papier in grote letters (minimaal 16 punt), een plek "
                "vooraan en de dia's vooraf toegestuurd."
            ),
        ),
    ),
    # Gezinsteam Plus Leidse Regio
    PersonSpec(
        email=POLICYMAKER_LEIDEN,
        name="Annelies de Vries",
        organisation=_municipality("Leiden"),
        memberships=(_policymaker(LEIDEN),),
    ),
    PersonSpec(
        email=MANAGER_LEIDEN,
        name="Pieter van den Berg",
        organisation=_JEUGD_GEZIN_RIJNLAND,
        memberships=(_manager(LEIDEN),),
    ),
    PersonSpec(
        email=PRACTITIONER_LEIDEN,
        name="Sanne Bakker",
        organisation=_JEUGD_GEZIN_RIJNLAND,
        memberships=(_practitioner(LEIDEN, IntegrationLevel.clinical),),
    ),
    PersonSpec(
        email=PSYCHIATRIST_LEIDEN,
        name="Rachid Bouzid",
        organisation=_GGZ_RIJNSTREEK,
        memberships=(_practitioner(LEIDEN),),
    ),
    # Samen1Plan Drechtsteden: the manager changed between sessions 1 and 2.
    PersonSpec(
        email=POLICYMAKER_DRECHTSTEDEN,
        name="Kees Verhoeven",
        organisation=_municipality("Dordrecht"),
        memberships=(_policymaker(DRECHTSTEDEN),),
    ),
    PersonSpec(
        email=FORMER_MANAGER_DRECHTSTEDEN,
        name="Monique de Graaf",
        organisation=_DE_MERWEDE,
        memberships=(_manager(DRECHTSTEDEN),),
    ),
    PersonSpec(
        email=MANAGER_DRECHTSTEDEN,
        name="Jeroen Koster",
        organisation=_DE_MERWEDE,
        memberships=(_manager(DRECHTSTEDEN),),
    ),
    PersonSpec(
        email=ADDICTION_WORKER_DRECHTSTEDEN,
        name="Mehmet Yıldız",
        organisation=_DE_MERWEDE,
        memberships=(_practitioner(DRECHTSTEDEN, IntegrationLevel.clinical),),
    ),
    PersonSpec(
        email=PSYCHOLOGIST_DRECHTSTEDEN,
        name="Priya Ramdin",
        organisation=_JEUGDHULP_DRECHTSTEDEN,
        memberships=(_practitioner(DRECHTSTEDEN),),
    ),
    # Wijkexpertteam Zwolle-Kampen
    PersonSpec(
        email=POLICYMAKER_ZWOLLE,
        name="Gert-Jan Brinkman",
        organisation=_municipality("Zwolle"),
        memberships=(_policymaker(ZWOLLE),),
    ),
    PersonSpec(
        email=MANAGER_ZWOLLE,
        name="Wilma Kamphuis",
        organisation=_GGZ_IJSSELDELTA,
        memberships=(_manager(ZWOLLE),),
    ),
    PersonSpec(
        email=NURSE_ZWOLLE,
        name="Daan Vos",
        organisation=_GGZ_IJSSELDELTA,
        memberships=(_practitioner(ZWOLLE, IntegrationLevel.clinical),),
    ),
    PersonSpec(
        email=SOCIAL_WORKER_ZWOLLE,
        name="Naima Ouali",
        organisation=_WIJKWERK_KAMPEN,
        memberships=(_practitioner(ZWOLLE),),
    ),
    # IST Groningen-Ommelanden
    PersonSpec(
        email=POLICYMAKER_GRONINGEN,
        name="Sietske Dijkstra",
        organisation=_municipality("Groningen"),
        memberships=(_policymaker(GRONINGEN),),
    ),
    PersonSpec(
        email=MANAGER_GRONINGEN,
        name="Roelof Wierenga",
        organisation=_NOORDERLAND,
        memberships=(_manager(GRONINGEN),),
    ),
    PersonSpec(
        email=THERAPIST_GRONINGEN,
        name="Joost Hoekstra",
        organisation=_NOORDERLAND,
        memberships=(_practitioner(GRONINGEN, IntegrationLevel.clinical),),
    ),
    PersonSpec(
        email=BEHAVIOURAL_SCIENTIST_GRONINGEN,
        name="Anouk Veenstra",
        organisation=_ZORG_OMMELANDEN,
        memberships=(_practitioner(GRONINGEN),),
    ),
    # Huis van het Gezin Tilburg
    PersonSpec(
        email=POLICYMAKER_TILBURG,
        name="Linda van Gool",
        organisation=_municipality("Tilburg"),
        memberships=(_policymaker(TILBURG),),
    ),
    PersonSpec(
        email=MANAGER_TILBURG,
        name="Bram de Wit",
        organisation=_HUIS_VAN_HET_GEZIN,
        memberships=(_manager(TILBURG),),
    ),
    PersonSpec(
        email=SCHOOL_SOCIAL_WORKER_TILBURG,
        name="Esra Demir",
        organisation=_SMW_MIDDEN_BRABANT,
        memberships=(_practitioner(TILBURG, IntegrationLevel.clinical),),
    ),
    PersonSpec(
        email=YOUTH_MENTAL_HEALTH_TILBURG,
        name="Thomas Aarts",
        organisation=_GGZ_HART_VAN_BRABANT,
        memberships=(_practitioner(TILBURG),),
    ),
)

# --------------------------------------------------------------------------------------
# Learning sessions and attendance
# --------------------------------------------------------------------------------------

_SESSION_START = time(13, 30)

SESSIONS: tuple[SessionSpec, ...] = (
    SessionSpec(
        number=1,
        day=date(2026, 3, 12),
        start=_SESSION_START,
        place=Text(
            en="Leiden City Hall, Stadhuisplein 1, Leiden",
            nl="Stadhuis Leiden, Stadhuisplein 1, Leiden",
        ),
        focus=Text(
            en=(
                "Getting to know each other's initiatives and the four conditions for "
                "partnership; first findings from the observations of case discussions."
            ),
            nl=(
                "Kennismaken met elkaars initiatieven en met de vier voorwaarden voor "
                "partnerschap; eerste bevindingen uit de observaties van casusbesprekingen."
            ),
        ),
        status=SessionStatus.held,
        chair=CHAIR,
    ),
    SessionSpec(
        number=2,
        day=date(2026, 6, 18),
        start=_SESSION_START,
        place=Text(
            en="Dordrecht City Office, Spuiboulevard 300, Dordrecht",
            nl="Stadskantoor Dordrecht, Spuiboulevard 300, Dordrecht",
        ),
        focus=Text(
            en=(
                "Monitoring and financing: what policymakers, practitioners and families "
                "each need from monitoring, and how the way an initiative is funded shapes "
                "what it measures."
            ),
            nl=(
                "Monitoring en financiering: wat beleidsmakers, professionals en gezinnen elk "
                "nodig hebben van monitoring, en hoe de manier waarop een initiatief wordt "
                "gefinancierd bepaalt wat het meet."
            ),
        ),
        status=SessionStatus.held,
        chair=CHAIR,
    ),
    SessionSpec(
        number=3,
        day=date(2027, 1, 21),
        start=_SESSION_START,
        place=Text(
            en="Zwolle City Hall, Grote Kerkplein 15, Zwolle",
            nl="Stadhuis Zwolle, Grote Kerkplein 15, Zwolle",
        ),
        focus=Text(
            en=(
                "Roles and responsibilities: who is a family's single contact, who decides "
                "when a team steps back, and what happens when pilot funding ends. We start "
                "by reviewing the actions agreed in session 2."
            ),
            nl=(
                "Rollen en verantwoordelijkheden: wie is het vaste aanspreekpunt van een "
                "gezin, wie besluit wanneer een team een stap terug doet, en wat gebeurt er "
                "als het pilotgeld stopt? We beginnen met de acties uit sessie 2."
            ),
        ),
        status=SessionStatus.planned,
        chair=CHAIR,
        reflection_deadline=date(2027, 1, 14),
    ),
    SessionSpec(
        number=4,
        day=date(2027, 4, 15),
        start=_SESSION_START,
        place=Text(
            en="Tilburg City Office, Stadhuisplein 130, Tilburg",
            nl="Stadskantoor Tilburg, Stadhuisplein 130, Tilburg",
        ),
        focus=Text(
            en=(
                "Shared vision and interests: what we learned in the first year, and what "
                "each initiative wants to keep, change or borrow from another."
            ),
            nl=(
                "Gedeelde visie en belangen: wat we in het eerste jaar hebben geleerd, en wat "
                "elk initiatief wil behouden, veranderen of van een ander wil overnemen."
            ),
        ),
        status=SessionStatus.planned,
        chair=None,
    ),
)

# The session being prepared (today, in the demo, is 2026-11-23).
SESSION_IN_PREPARATION = 3


def _everyone_except(*excluded: str) -> tuple[str, ...]:
    return tuple(person.email for person in PEOPLE if person.email not in excluded)


ATTENDANCE: tuple[AttendanceSpec, ...] = (
    # The new Drechtsteden manager started in May 2026, after session 1.
    AttendanceSpec(
        session=1,
        invited=_everyone_except(MANAGER_DRECHTSTEDEN),
        recorded=True,
        absent=(BEHAVIOURAL_SCIENTIST_GRONINGEN, POLICYMAKER_TILBURG),
    ),
    # The former Drechtsteden manager was invited for the hand-over but did not come.
    AttendanceSpec(
        session=2,
        invited=_everyone_except(),
        recorded=True,
        absent=(FORMER_MANAGER_DRECHTSTEDEN, FAMILY_LARGE_PRINT, YOUTH_MENTAL_HEALTH_TILBURG),
    ),
    # Session 3 is being prepared: nobody from IST Groningen-Ommelanden's management has
    # been invited yet, so the composition check shows a missing manager.
    AttendanceSpec(
        session=3,
        invited=_everyone_except(FORMER_MANAGER_DRECHTSTEDEN, MANAGER_GRONINGEN),
        recorded=False,
    ),
)

# --------------------------------------------------------------------------------------
# Evidence: anonymised, coded observations (five per initiative)
# --------------------------------------------------------------------------------------

_MONITORING = PartnershipCondition.monitoring
_SHARED_VISION = PartnershipCondition.shared_vision
_ROLES = PartnershipCondition.roles
_FINANCING = PartnershipCondition.financing

EVIDENCE: tuple[EvidenceSpec, ...] = (
    # Gezinsteam Plus Leidse Regio
    EvidenceSpec(
        initiative=LEIDEN,
        source=EvidenceSource.case_discussion_observation,
        observed_on=date(2026, 2, 10),
        perspective=Perspective.professional,
        level=IntegrationLevel.professional,
        conditions=(_ROLES,),
        excerpt=Text(
            en=(
                "In the discussion of a family with four children, three team members each "
                "described themselves as the mother's main contact. Nobody could say whom the "
                "family would call when the 15-year-old was suspended from school."
            ),
            nl=(
                "Bij de bespreking van een gezin met vier kinderen noemden drie teamleden "
                "zichzelf het belangrijkste aanspreekpunt van de moeder. Niemand kon zeggen "
                "wie het gezin zou bellen toen de 15-jarige van school werd geschorst."
            ),
        ),
    ),
    EvidenceSpec(
        initiative=LEIDEN,
        source=EvidenceSource.interview,
        observed_on=date(2026, 4, 8),
        perspective=Perspective.family,
        level=IntegrationLevel.clinical,
        conditions=(_MONITORING, _SHARED_VISION),
        excerpt=Text(
            en=(
                "The mother: 'The form at three months asked me to give the contact a score. "
                "What I wanted to say was that for the first time nobody made me tell my story "
                "again, but there was no box for that.'"
            ),
            nl=(
                "De moeder: 'Op het formulier na drie maanden moest ik het contact een cijfer "
                "geven. Wat ik wilde zeggen, was dat ik voor het eerst mijn verhaal niet "
                "opnieuw hoefde te vertellen, maar daar was geen vakje voor.'"
            ),
        ),
    ),
    EvidenceSpec(
        initiative=LEIDEN,
        source=EvidenceSource.interview,
        observed_on=date(2026, 5, 19),
        perspective=Perspective.local_government,
        level=IntegrationLevel.system,
        conditions=(_FINANCING,),
        excerpt=Text(
            en=(
                "A policymaker: 'The lump sum gives the team freedom, but the adult "
                "psychiatrist's time is billed to the insurer under a diagnosis. When a father "
                "has no diagnosis, his part of the support is invisible in both budgets.'"
            ),
            nl=(
                "Een beleidsmaker: 'De lumpsum geeft het team vrijheid, maar de tijd van de "
                "volwassenenpsychiater gaat op een diagnose naar de verzekeraar. Heeft een "
                "vader geen diagnose, dan is zijn deel van de hulp in beide budgetten "
                "onzichtbaar.'"
            ),
        ),
    ),
    EvidenceSpec(
        initiative=LEIDEN,
        source=EvidenceSource.monitoring_data,
        observed_on=date(2026, 7, 1),
        perspective=Perspective.organisation,
        level=IntegrationLevel.organisational,
        conditions=(_MONITORING,),
        excerpt=Text(
            en=(
                "Caseload dashboard, second quarter of 2026: 46 families in support, median "
                "of 9 weeks from referral to the first home visit. The three-month family "
                "evaluation was returned by 14 of 31 families (45%)."
            ),
            nl=(
                "Caseloaddashboard, tweede kwartaal 2026: 46 gezinnen in zorg, mediaan 9 "
                "weken van aanmelding tot het eerste huisbezoek. De gezinsevaluatie na drie "
                "maanden werd door 14 van de 31 gezinnen ingevuld (45%)."
            ),
        ),
    ),
    EvidenceSpec(
        initiative=LEIDEN,
        source=EvidenceSource.learning_session_excerpt,
        observed_on=date(2026, 6, 18),
        perspective=Perspective.organisation,
        level=IntegrationLevel.organisational,
        conditions=(_SHARED_VISION, _ROLES),
        quote_consent=False,
        excerpt=Text(
            en=(
                "A manager explained that the youth-care provider and the mental-health trust "
                "still run separate intakes: 'We agreed on one team, but not yet on whose "
                "front door the family walks through.'"
            ),
            nl=(
                "Een manager legde uit dat de jeugdhulpaanbieder en de ggz-instelling nog elk "
                "een eigen intake hebben: 'We hebben één team afgesproken, maar nog niet door "
                "wiens voordeur het gezin binnenkomt.'"
            ),
        ),
    ),
    # Samen1Plan Drechtsteden
    EvidenceSpec(
        initiative=DRECHTSTEDEN,
        source=EvidenceSource.monitoring_data,
        observed_on=date(2026, 4, 30),
        perspective=Perspective.organisation,
        level=IntegrationLevel.organisational,
        conditions=(_MONITORING, _FINANCING),
        excerpt=Text(
            en=(
                "First-quarter report: 38 trajectories closed, mean goal-attainment T-score "
                "52, mean trajectory length 7.4 months. The result fee was paid for 29 of the "
                "38 families, those with a T-score of 50 or more at closure."
            ),
            nl=(
                "Rapportage eerste kwartaal: 38 trajecten afgesloten, gemiddelde T-score "
                "doelrealisatie 52, gemiddelde trajectduur 7,4 maanden. De "
                "resultaatvergoeding werd betaald voor 29 van de 38 gezinnen, die met een "
                "T-score van 50 of meer bij afsluiting."
            ),
        ),
    ),
    EvidenceSpec(
        initiative=DRECHTSTEDEN,
        source=EvidenceSource.interview,
        observed_on=date(2026, 3, 24),
        perspective=Perspective.professional,
        level=IntegrationLevel.professional,
        conditions=(_FINANCING, _SHARED_VISION),
        excerpt=Text(
            en=(
                "A practitioner: 'Because the fee depends on reaching the goal, I see "
                "colleagues writing goals they know the family will reach. The debts stay off "
                "the plan, because paying them off takes two years.'"
            ),
            nl=(
                "Een professional: 'Omdat de vergoeding afhangt van het halen van het doel, "
                "zie ik collega's doelen opschrijven waarvan ze weten dat het gezin ze haalt. "
                "De schulden blijven buiten het plan, want aflossen duurt twee jaar.'"
            ),
        ),
    ),
    EvidenceSpec(
        initiative=DRECHTSTEDEN,
        source=EvidenceSource.case_discussion_observation,
        observed_on=date(2026, 5, 12),
        perspective=Perspective.professional,
        level=IntegrationLevel.clinical,
        conditions=(_ROLES,),
        excerpt=Text(
            en=(
                "The addiction care worker and the parenting coach had both planned a home "
                "visit in the same week; the father said he had to tell everything twice. The "
                "team agreed that the debt counsellor would coordinate, because the debts "
                "worried the father most."
            ),
            nl=(
                "De verslavingszorgmedewerker en de opvoedcoach hadden allebei in dezelfde "
                "week een huisbezoek gepland; de vader zei dat hij alles twee keer moest "
                "vertellen. Het team sprak af dat de schuldhulpverlener zou coördineren, "
                "omdat de schulden de vader de meeste zorgen gaven."
            ),
        ),
    ),
    EvidenceSpec(
        initiative=DRECHTSTEDEN,
        source=EvidenceSource.interview,
        observed_on=date(2026, 9, 15),
        perspective=Perspective.family,
        level=IntegrationLevel.clinical,
        conditions=(_MONITORING,),
        excerpt=Text(
            en=(
                "A 17-year-old: 'They asked me to score my goals from minus two to plus two. "
                "I did it, but what mattered to me was that my mother and I could talk again, "
                "and that was not one of the goals.'"
            ),
            nl=(
                "Een 17-jarige: 'Ik moest mijn doelen een score geven van min twee tot plus "
                "twee. Dat heb ik gedaan, maar voor mij was belangrijk dat mijn moeder en ik "
                "weer met elkaar konden praten, en dat was geen doel.'"
            ),
        ),
    ),
    EvidenceSpec(
        initiative=DRECHTSTEDEN,
        source=EvidenceSource.interview,
        observed_on=date(2026, 10, 6),
        perspective=Perspective.local_government,
        level=IntegrationLevel.system,
        conditions=(_SHARED_VISION, _FINANCING),
        quote_consent=False,
        excerpt=Text(
            en=(
                "A policymaker: 'The region buys results, and the organisations sell hours "
                "inside those results. Until we talk openly about what each partner needs to "
                "break even, the shared vision stays on paper.'"
            ),
            nl=(
                "Een beleidsmaker: 'De regio koopt resultaten in en de organisaties verkopen "
                "uren binnen die resultaten. Zolang we niet open bespreken wat elke partner "
                "nodig heeft om quitte te spelen, blijft de gedeelde visie een papieren "
                "visie.'"
            ),
        ),
    ),
    # Wijkexpertteam Zwolle-Kampen
    EvidenceSpec(
        initiative=ZWOLLE,
        source=EvidenceSource.interview,
        observed_on=date(2026, 2, 26),
        perspective=Perspective.organisation,
        level=IntegrationLevel.organisational,
        conditions=(_FINANCING,),
        excerpt=Text(
            en=(
                "A manager: 'The pilot fund runs until the end of this year. We cannot keep "
                "the psychiatric nurse on the team without knowing what happens in January, "
                "and I have to decide about her contract in September.'"
            ),
            nl=(
                "Een manager: 'Het pilotfonds loopt tot het eind van dit jaar. We kunnen de "
                "sociaal-psychiatrisch verpleegkundige niet in het team houden zonder te weten "
                "wat er in januari gebeurt, en ik moet in september over haar contract "
                "beslissen.'"
            ),
        ),
    ),
    EvidenceSpec(
        initiative=ZWOLLE,
        source=EvidenceSource.case_discussion_observation,
        observed_on=date(2026, 4, 14),
        perspective=Perspective.professional,
        level=IntegrationLevel.professional,
        conditions=(_ROLES, _SHARED_VISION),
        excerpt=Text(
            en=(
                "The GP mental-health assistant asked who was responsible once a family was "
                "'stable'. The ID counsellor assumed the neighbourhood team would take over; "
                "the neighbourhood team's representative assumed the expert team stayed "
                "involved."
            ),
            nl=(
                "De praktijkondersteuner ggz vroeg wie verantwoordelijk was zodra een gezin "
                "'stabiel' was. De begeleider verstandelijke beperking ging ervan uit dat het "
                "wijkteam het overnam; de vertegenwoordiger van het wijkteam ging ervan uit "
                "dat het expertteam betrokken bleef."
            ),
        ),
    ),
    EvidenceSpec(
        initiative=ZWOLLE,
        source=EvidenceSource.monitoring_data,
        observed_on=date(2026, 7, 10),
        perspective=Perspective.organisation,
        level=IntegrationLevel.organisational,
        conditions=(_MONITORING,),
        excerpt=Text(
            en=(
                "Six-monthly case reviews, first half of 2026: 27 of 36 planned reviews held; "
                "9 were postponed because the family was in crisis at the time. Apart from "
                "the case notes, no outcome data were recorded."
            ),
            nl=(
                "Halfjaarlijkse casusreviews, eerste helft 2026: 27 van de 36 geplande reviews "
                "gehouden; 9 werden uitgesteld omdat het gezin op dat moment in crisis was. "
                "Behalve de dossiernotities zijn er geen uitkomstgegevens vastgelegd."
            ),
        ),
    ),
    EvidenceSpec(
        initiative=ZWOLLE,
        source=EvidenceSource.learning_session_excerpt,
        observed_on=date(2026, 3, 12),
        perspective=Perspective.local_government,
        level=IntegrationLevel.system,
        conditions=(_FINANCING, _MONITORING),
        excerpt=Text(
            en=(
                "A policymaker: 'The council will ask me what the pilot achieved. With case "
                "reviews alone I can tell stories, not show results, and I need both to argue "
                "for structural funding.'"
            ),
            nl=(
                "Een beleidsmaker: 'De raad gaat mij vragen wat de pilot heeft opgeleverd. Met "
                "alleen casusreviews kan ik verhalen vertellen, maar geen resultaten laten "
                "zien, en ik heb allebei nodig om te pleiten voor structurele financiering.'"
            ),
        ),
    ),
    EvidenceSpec(
        initiative=ZWOLLE,
        source=EvidenceSource.interview,
        observed_on=date(2026, 9, 29),
        perspective=Perspective.family,
        level=IntegrationLevel.clinical,
        conditions=(_ROLES,),
        excerpt=Text(
            en=(
                "The mother: 'In the end it was the nurse I called for everything, also about "
                "school. I did not know she was only there until the pilot stopped.'"
            ),
            nl=(
                "De moeder: 'Uiteindelijk belde ik de verpleegkundige voor alles, ook over "
                "school. Ik wist niet dat ze er maar was tot de pilot stopte.'"
            ),
        ),
    ),
    # IST Groningen-Ommelanden
    EvidenceSpec(
        initiative=GRONINGEN,
        source=EvidenceSource.monitoring_data,
        observed_on=date(2026, 3, 31),
        perspective=Perspective.local_government,
        level=IntegrationLevel.system,
        conditions=(_MONITORING, _FINANCING),
        excerpt=Text(
            en=(
                "Municipal records, first quarter: 1,212 declared hours across four "
                "disciplines, 61% of them child psychiatry and family therapy. Median wait "
                "from referral to start: 11 weeks overall, 14 in Het Hogeland and 7 in the "
                "city of Groningen."
            ),
            nl=(
                "Gemeentelijke registratie, eerste kwartaal: 1.212 gedeclareerde uren over "
                "vier disciplines, waarvan 61% kinder- en jeugdpsychiatrie en "
                "gezinstherapie. Mediane wachttijd van aanmelding tot start: 11 weken in "
                "totaal, 14 in Het Hogeland en 7 in de stad Groningen."
            ),
        ),
    ),
    EvidenceSpec(
        initiative=GRONINGEN,
        source=EvidenceSource.interview,
        observed_on=date(2026, 5, 6),
        perspective=Perspective.professional,
        level=IntegrationLevel.professional,
        conditions=(_FINANCING, _ROLES),
        excerpt=Text(
            en=(
                "A family therapist: 'Every discipline declares its own hours, so a joint home "
                "visit is declared twice and questioned twice. Some of us now go alone to "
                "avoid the discussion, which is the opposite of what the team is for.'"
            ),
            nl=(
                "Een gezinstherapeut: 'Elke discipline declareert zijn eigen uren, dus een "
                "gezamenlijk huisbezoek wordt twee keer gedeclareerd en twee keer bevraagd. "
                "Sommigen van ons gaan nu alleen om de discussie te vermijden, en dat is het "
                "tegenovergestelde van waar het team voor is.'"
            ),
        ),
    ),
    EvidenceSpec(
        initiative=GRONINGEN,
        source=EvidenceSource.case_discussion_observation,
        observed_on=date(2026, 6, 2),
        perspective=Perspective.professional,
        level=IntegrationLevel.clinical,
        conditions=(_SHARED_VISION,),
        quote_consent=False,
        excerpt=Text(
            en=(
                "In a family where the mother has a mild intellectual disability, the child "
                "psychiatrist focused on the 12-year-old's diagnosis, while the behavioural "
                "scientist argued that the mother's understanding of the plan came first. The "
                "team did not reach a shared goal in this meeting."
            ),
            nl=(
                "Bij een gezin waarin de moeder een licht verstandelijke beperking heeft, "
                "richtte de kinderpsychiater zich op de diagnose van de 12-jarige, terwijl de "
                "gedragswetenschapper vond dat eerst de moeder het plan moest begrijpen. Het "
                "team kwam in deze bespreking niet tot een gezamenlijk doel."
            ),
        ),
    ),
    EvidenceSpec(
        initiative=GRONINGEN,
        source=EvidenceSource.interview,
        observed_on=date(2026, 8, 20),
        perspective=Perspective.family,
        level=IntegrationLevel.clinical,
        conditions=(_MONITORING, _ROLES),
        excerpt=Text(
            en=(
                "The father: 'They count the hours and how long we waited. Nobody asked "
                "whether we now know whom to call. We waited three months, and then four "
                "people came at once.'"
            ),
            nl=(
                "De vader: 'Ze tellen de uren en hoe lang we hebben gewacht. Niemand vroeg of "
                "we nu weten wie we moeten bellen. We hebben drie maanden gewacht, en toen "
                "kwamen er vier mensen tegelijk.'"
            ),
        ),
    ),
    EvidenceSpec(
        initiative=GRONINGEN,
        source=EvidenceSource.interview,
        observed_on=date(2026, 10, 13),
        perspective=Perspective.organisation,
        level=IntegrationLevel.organisational,
        conditions=(_SHARED_VISION,),
        excerpt=Text(
            en=(
                "A manager: 'Each organisation in the consortium reports to its own board. "
                "When the municipality cut the hours for family therapy, the other partners "
                "did not feel it was their problem.'"
            ),
            nl=(
                "Een manager: 'Elke organisatie in het consortium legt verantwoording af aan "
                "het eigen bestuur. Toen de gemeente de uren voor gezinstherapie verlaagde, "
                "voelden de andere partners dat niet als hun probleem.'"
            ),
        ),
    ),
    # Huis van het Gezin Tilburg
    EvidenceSpec(
        initiative=TILBURG,
        source=EvidenceSource.interview,
        observed_on=date(2026, 3, 17),
        perspective=Perspective.local_government,
        level=IntegrationLevel.system,
        conditions=(_FINANCING, _SHARED_VISION),
        excerpt=Text(
            en=(
                "A policymaker: 'Pooling the budget with the insurer took eighteen months of "
                "negotiation. What made it possible was agreeing first on three outcomes for "
                "families, and only then on who pays.'"
            ),
            nl=(
                "Een beleidsmaker: 'Het budget samenvoegen met de verzekeraar kostte achttien "
                "maanden onderhandelen. Wat het mogelijk maakte, was dat we eerst drie "
                "uitkomsten voor gezinnen afspraken, en pas daarna wie wat betaalt.'"
            ),
        ),
    ),
    EvidenceSpec(
        initiative=TILBURG,
        source=EvidenceSource.monitoring_data,
        observed_on=date(2026, 9, 30),
        perspective=Perspective.professional,
        level=IntegrationLevel.professional,
        conditions=(_MONITORING,),
        excerpt=Text(
            en=(
                "Yearly survey of professionals (34 respondents): 79% say the shared outcome "
                "set helps them discuss progress with colleagues; 41% have used the results "
                "to change their own way of working, up from 33% last year."
            ),
            nl=(
                "Jaarlijkse enquête onder professionals (34 respondenten): 79% zegt dat de "
                "gedeelde uitkomstenset helpt om voortgang met collega's te bespreken; 41% "
                "heeft de resultaten gebruikt om de eigen werkwijze te veranderen, tegen 33% "
                "vorig jaar."
            ),
        ),
    ),
    EvidenceSpec(
        initiative=TILBURG,
        source=EvidenceSource.case_discussion_observation,
        observed_on=date(2026, 5, 26),
        perspective=Perspective.professional,
        level=IntegrationLevel.clinical,
        conditions=(_ROLES,),
        excerpt=Text(
            en=(
                "The school social worker presented a family and named herself as its single "
                "contact; the mother had been told so in writing and kept the number on the "
                "fridge. The team decided to use the case as an example for the other schools."
            ),
            nl=(
                "De schoolmaatschappelijk werker bracht een gezin in en noemde zichzelf het "
                "vaste aanspreekpunt; de moeder had dat schriftelijk gekregen en had het "
                "nummer op de koelkast hangen. Het team besloot de casus als voorbeeld voor de "
                "andere scholen te gebruiken."
            ),
        ),
    ),
    EvidenceSpec(
        initiative=TILBURG,
        source=EvidenceSource.interview,
        observed_on=date(2026, 7, 7),
        perspective=Perspective.family,
        level=IntegrationLevel.clinical,
        conditions=(_MONITORING, _SHARED_VISION),
        excerpt=Text(
            en=(
                "A 16-year-old: 'The questions were about school and sleep. They were the "
                "right questions, but I only understood why they asked them when my coach "
                "showed me my answers from last year.'"
            ),
            nl=(
                "Een 16-jarige: 'De vragen gingen over school en slapen. Het waren de goede "
                "vragen, maar ik snapte pas waarom ze die stelden toen mijn coach me mijn "
                "antwoorden van vorig jaar liet zien.'"
            ),
        ),
    ),
    EvidenceSpec(
        initiative=TILBURG,
        source=EvidenceSource.learning_session_excerpt,
        observed_on=date(2026, 3, 12),
        perspective=Perspective.organisation,
        level=IntegrationLevel.organisational,
        conditions=(_FINANCING, _ROLES),
        excerpt=Text(
            en=(
                "A manager: 'With a pooled budget nobody has to prove which pot a "
                "conversation belongs to. The new risk is that each partner thinks the other "
                "one is keeping the books.'"
            ),
            nl=(
                "Een manager: 'Met een gezamenlijk budget hoeft niemand aan te tonen uit welke "
                "pot een gesprek komt. Het nieuwe risico is dat elke partner denkt dat de "
                "ander de boekhouding bijhoudt.'"
            ),
        ),
    ),
)

# --------------------------------------------------------------------------------------
# Reflective questions: four for session 2 (held), sixteen for session 3 (in preparation)
# --------------------------------------------------------------------------------------

QUESTIONS: tuple[QuestionSpec, ...] = (
    # Session 2
    QuestionSpec(
        key="s2_monitoring_needs",
        session=2,
        condition=_MONITORING,
        level=IntegrationLevel.organisational,
        target_roles=(Role.policymaker, Role.practitioner),
        text=Text(
            en=(
                "Policymakers and practitioners: what do you each need monitoring to tell "
                "you, and where do those needs overlap?"
            ),
            nl=(
                "Beleidsmakers en professionals: wat moet monitoring jullie elk vertellen, en "
                "waar overlappen die behoeften?"
            ),
        ),
        plain_text=Text(
            en="What do you want to learn from the numbers? Do we all want the same?",
            nl="Wat wil je weten uit de cijfers? Willen we allemaal hetzelfde weten?",
        ),
    ),
    QuestionSpec(
        key="s2_shared_result",
        session=2,
        condition=_SHARED_VISION,
        level=IntegrationLevel.organisational,
        text=Text(
            en=(
                "What is the one result for families that every partner in your initiative "
                "would sign?"
            ),
            nl=(
                "Wat is het ene resultaat voor gezinnen dat elke partner in jullie initiatief "
                "zou ondertekenen?"
            ),
        ),
        plain_text=Text(
            en="Which good result for families do all partners agree on?",
            nl="Over welk goed resultaat voor gezinnen zijn alle partners het eens?",
        ),
    ),
    QuestionSpec(
        key="s2_who_led",
        session=2,
        condition=_ROLES,
        level=IntegrationLevel.professional,
        target_roles=(Role.practitioner,),
        text=Text(
            en=(
                "Think of the last family you discussed: who took the lead, and was that "
                "agreed or did it just happen?"
            ),
            nl=(
                "Denk aan het laatste gezin dat jullie bespraken: wie nam de leiding, en was "
                "dat afgesproken of gebeurde het gewoon?"
            ),
        ),
        plain_text=Text(
            en="Who was in charge for the last family? Did we agree on that?",
            nl="Wie had de leiding bij het laatste gezin? Hadden we dat afgesproken?",
        ),
    ),
    QuestionSpec(
        key="s2_unfunded_support",
        session=2,
        condition=_FINANCING,
        level=IntegrationLevel.system,
        target_roles=(Role.policymaker, Role.manager),
        text=Text(
            en="Which part of the support a family needs does not fit any budget right now?",
            nl="Welk deel van de hulp die een gezin nodig heeft, past nu in geen enkel budget?",
        ),
        plain_text=Text(
            en="Which help does a family need that nobody pays for?",
            nl="Welke hulp heeft een gezin nodig waar niemand voor betaalt?",
        ),
    ),
    # Session 3: shared vision and interests
    QuestionSpec(
        key="s3_went_well_when",
        session=3,
        condition=_SHARED_VISION,
        level=IntegrationLevel.professional,
        text=Text(
            en=(
                "Finish the sentence 'This went well for a family when…'. "
                "Where do our answers differ?"
            ),
            nl=(
                "Maak de zin af: 'Het ging goed met een gezin toen…'. "
                "Waar verschillen onze antwoorden?"
            ),
        ),
        plain_text=Text(
            en="Finish this sentence: 'It went well for a family when…'. Do we all say the same?",
            nl=(
                "Maak deze zin af: 'Het ging goed met een gezin toen…'. Zeggen we allemaal "
                "hetzelfde?"
            ),
        ),
    ),
    QuestionSpec(
        key="s3_rewrite_mission",
        session=3,
        condition=_SHARED_VISION,
        level=IntegrationLevel.clinical,
        target_roles=(Role.family_representative, Role.manager),
        text=Text(
            en="What would the family representative rewrite in our mission?",
            nl="Wat zou de ervaringsdeskundige herschrijven in onze missie?",
        ),
        plain_text=Text(
            en="Read our mission. What would you write in a different way?",
            nl="Lees onze missie. Wat zou jij anders opschrijven?",
        ),
    ),
    QuestionSpec(
        key="s3_unspoken_interest",
        session=3,
        condition=_SHARED_VISION,
        level=IntegrationLevel.organisational,
        target_roles=(Role.manager, Role.policymaker),
        text=Text(
            en="Which interest of your own organisation do you rarely say out loud at this table?",
            nl="Welk belang van je eigen organisatie spreek je aan deze tafel zelden uit?",
        ),
        plain_text=Text(
            en="What does your organisation need that it does not often say?",
            nl="Wat heeft jouw organisatie nodig, dat ze niet vaak zegt?",
        ),
    ),
    QuestionSpec(
        key="s3_whose_aim_wins",
        session=3,
        condition=_SHARED_VISION,
        level=IntegrationLevel.system,
        target_roles=(Role.policymaker, Role.family_representative),
        text=Text(
            en=(
                "When the aims of the municipality and the wishes of the family pull in "
                "different directions, whose aim wins in practice?"
            ),
            nl=(
                "Als de doelen van de gemeente en de wensen van het gezin verschillende kanten "
                "op trekken, wiens doel wint dan in de praktijk?"
            ),
        ),
        plain_text=Text(
            en="Sometimes the town wants something else than the family. Who decides then?",
            nl="Soms wil de gemeente iets anders dan het gezin. Wie beslist er dan?",
        ),
    ),
    # Session 3: roles and responsibilities
    QuestionSpec(
        key="s3_single_contact",
        session=3,
        condition=_ROLES,
        level=IntegrationLevel.clinical,
        target_roles=(Role.practitioner, Role.family_representative),
        text=Text(
            en="Who is a family's single contact, and does the family know?",
            nl="Wie is het vaste aanspreekpunt van een gezin, en weet het gezin dat?",
        ),
        plain_text=Text(
            en="Who is the one person a family can call? Does the family know this?",
            nl="Wie is de ene persoon die een gezin kan bellen? Weet het gezin dat?",
        ),
    ),
    QuestionSpec(
        key="s3_someone_else",
        session=3,
        condition=_ROLES,
        level=IntegrationLevel.professional,
        text=Text(
            en="Which task does everyone assume someone else does?",
            nl="Welke taak denkt iedereen dat een ander doet?",
        ),
        plain_text=Text(
            en="Which job does everyone think someone else will do?",
            nl="Welk werk denkt iedereen dat een ander het doet?",
        ),
    ),
    QuestionSpec(
        key="s3_stepping_back",
        session=3,
        condition=_ROLES,
        level=IntegrationLevel.organisational,
        target_roles=(Role.manager, Role.practitioner),
        text=Text(
            en=(
                "When a family is 'stable', who decides that the team steps back, and how is "
                "the hand-over to the neighbourhood team arranged?"
            ),
            nl=(
                "Als een gezin 'stabiel' is, wie besluit dan dat het team een stap terug doet, "
                "en hoe is de overdracht naar het wijkteam geregeld?"
            ),
        ),
        plain_text=Text(
            en=(
                "When things go better, who decides that the team steps back? Who helps the "
                "family next?"
            ),
            nl=(
                "Als het beter gaat, wie besluit dan dat het team minder komt? Wie helpt het "
                "gezin daarna?"
            ),
        ),
    ),
    QuestionSpec(
        key="s3_who_decides_what",
        session=3,
        condition=_ROLES,
        level=IntegrationLevel.system,
        target_roles=(Role.policymaker, Role.manager, Role.practitioner),
        text=Text(
            en=(
                "What does the policymaker in your initiative decide that the practitioners "
                "think the manager decides, and the other way round?"
            ),
            nl=(
                "Wat beslist de beleidsmaker in jullie initiatief waarvan de professionals "
                "denken dat de manager het beslist, en andersom?"
            ),
        ),
        plain_text=Text(
            en="Who decides what? Do we all know who decides?",
            nl="Wie beslist wat? Weten we allemaal wie wat beslist?",
        ),
    ),
    # Session 3: monitoring
    QuestionSpec(
        key="s3_meaningful_figures",
        session=3,
        condition=_MONITORING,
        level=IntegrationLevel.clinical,
        text=Text(
            en="Which of our figures would a family find meaningful?",
            nl="Welke van onze cijfers zou een gezin betekenisvol vinden?",
        ),
        plain_text=Text(
            en="Which of our numbers would a family find useful?",
            nl="Welke van onze cijfers heeft een gezin iets aan?",
        ),
    ),
    QuestionSpec(
        key="s3_results_changed_practice",
        session=3,
        condition=_MONITORING,
        level=IntegrationLevel.organisational,
        target_roles=(Role.manager, Role.practitioner),
        text=Text(
            en="When did shared results last change what we do?",
            nl="Wanneer hebben gedeelde resultaten voor het laatst veranderd wat we doen?",
        ),
        plain_text=Text(
            en="When did our results last make us do something in a new way?",
            nl="Wanneer gingen we voor het laatst iets anders doen door onze resultaten?",
        ),
    ),
    QuestionSpec(
        key="s3_council_needs",
        session=3,
        condition=_MONITORING,
        level=IntegrationLevel.system,
        target_roles=(Role.policymaker,),
        text=Text(
            en=(
                "What does your council or board need to see to keep funding the team, and "
                "do our current figures show it?"
            ),
            nl=(
                "Wat moet je gemeenteraad of bestuur zien om het team te blijven financieren, "
                "en laten onze huidige cijfers dat zien?"
            ),
        ),
        plain_text=Text(
            en="What does the town council need to see to keep paying for the team?",
            nl="Wat wil de gemeenteraad zien om het team te blijven betalen?",
        ),
    ),
    QuestionSpec(
        key="s3_families_own_words",
        session=3,
        condition=_MONITORING,
        level=IntegrationLevel.professional,
        target_roles=(Role.practitioner, Role.practitioner_researcher, Role.family_representative),
        text=Text(
            en=(
                "How could families' own words about what changed become part of our "
                "monitoring, next to the numbers?"
            ),
            nl=(
                "Hoe kunnen de eigen woorden van gezinnen over wat er veranderde een plek "
                "krijgen in onze monitoring, naast de cijfers?"
            ),
        ),
        plain_text=Text(
            en="How can we write down what families say has changed, not only numbers?",
            nl="Hoe schrijven we op wat gezinnen zeggen dat er veranderd is, niet alleen cijfers?",
        ),
    ),
    # Session 3: financing
    QuestionSpec(
        key="s3_draw_funders",
        session=3,
        condition=_FINANCING,
        level=IntegrationLevel.system,
        text=Text(
            en="Draw every funder involved for one family.",
            nl="Teken alle financiers die bij één gezin betrokken zijn.",
        ),
        plain_text=Text(
            en="Draw everyone who pays for the help to one family.",
            nl="Teken iedereen die betaalt voor de hulp aan één gezin.",
        ),
    ),
    QuestionSpec(
        key="s3_pilot_stops",
        session=3,
        condition=_FINANCING,
        level=IntegrationLevel.system,
        target_roles=(Role.policymaker, Role.manager),
        text=Text(
            en="If pilot money stops, what happens, and who decides?",
            nl="Als het pilotgeld stopt, wat gebeurt er dan, en wie beslist?",
        ),
        plain_text=Text(
            en="What happens when the money for a test project stops? Who decides?",
            nl="Wat gebeurt er als het geld voor een proef stopt? Wie beslist dat?",
        ),
    ),
    QuestionSpec(
        key="s3_payment_hinders",
        session=3,
        condition=_FINANCING,
        level=IntegrationLevel.professional,
        target_roles=(Role.practitioner, Role.manager),
        text=Text(
            en=(
                "Which part of the way you are paid makes working together harder, for "
                "instance for joint home visits or for the goals you write down?"
            ),
            nl=(
                "Welk deel van de manier waarop jullie betaald worden maakt samenwerken "
                "moeilijker, bijvoorbeeld bij gezamenlijke huisbezoeken of bij de doelen die "
                "jullie opschrijven?"
            ),
        ),
        plain_text=Text(
            en="Does the way the team gets paid make it harder to work together?",
            nl="Maakt de manier waarop het team betaald wordt samenwerken moeilijker?",
        ),
    ),
    QuestionSpec(
        key="s3_borrow_funding",
        session=3,
        condition=_FINANCING,
        level=IntegrationLevel.organisational,
        target_roles=(Role.policymaker, Role.manager),
        text=Text(
            en=(
                "What could your initiative borrow from another initiative's funding "
                "arrangement, and what would have to change first?"
            ),
            nl=(
                "Wat kan jullie initiatief overnemen van de financiering van een ander "
                "initiatief, en wat moet daarvoor eerst veranderen?"
            ),
        ),
        plain_text=Text(
            en="What can we learn from the way another team is paid?",
            nl="Wat kunnen we leren van hoe een ander team betaald wordt?",
        ),
    ),
)

# --------------------------------------------------------------------------------------
# Dilemmas and good practices
# --------------------------------------------------------------------------------------

DILEMMAS: tuple[ContributionSpec, ...] = (
    ContributionSpec(
        key="zwolle_pilot_ends",
        initiative=ZWOLLE,
        session=2,
        submitted_by=MANAGER_ZWOLLE,
        condition=_FINANCING,
        level=IntegrationLevel.system,
        status=ContributionStatus.discussed,
        title=Text(
            en="Keep the nurse or let her go: the pilot fund ends in December",
            nl="De verpleegkundige houden of laten gaan: het pilotfonds stopt in december",
        ),
        description=Text(
            en=(
                "Our psychiatric nurse is the person most families call first. Her post is "
                "paid from the pilot fund, which ends on 31 December 2026. My organisation has "
                "to decide in September whether to extend her contract at its own risk, while "
                "the municipalities will only decide on structural funding after the "
                "evaluation in spring 2027. If we wait, we may lose her; if we extend, we carry "
                "a cost nobody has promised to cover. What would you do, and who should carry "
                "this risk?"
            ),
            nl=(
                "Onze sociaal-psychiatrisch verpleegkundige is voor de meeste gezinnen de "
                "eerste die ze bellen. Haar functie wordt betaald uit het pilotfonds, dat op "
                "31 december 2026 stopt. Mijn organisatie moet in september besluiten of we "
                "haar contract op eigen risico verlengen, terwijl de gemeenten pas na de "
                "evaluatie in het voorjaar van 2027 over structurele financiering besluiten. "
                "Als we wachten, verliezen we haar misschien; als we verlengen, dragen we "
                "kosten die niemand heeft toegezegd. Wat zou u doen, en wie hoort dit risico "
                "te dragen?"
            ),
        ),
    ),
    ContributionSpec(
        key="drechtsteden_reachable_goals",
        initiative=DRECHTSTEDEN,
        session=2,
        submitted_by=PSYCHOLOGIST_DRECHTSTEDEN,
        condition=_MONITORING,
        level=IntegrationLevel.professional,
        status=ContributionStatus.discussed,
        title=Text(
            en="Goals we can reach, or goals that matter?",
            nl="Doelen die we halen, of doelen die ertoe doen?",
        ),
        description=Text(
            en=(
                "The result fee is paid when a family's goals are reached at closure. We "
                "notice that we write goals we know are achievable within the trajectory and "
                "leave out long-term goals, such as becoming debt-free or repairing the "
                "relationship between a parent and a teenager. The scores look good, but "
                "families tell us the plan does not reflect what matters most to them. Do we "
                "keep the goals 'reachable' to protect the team's income, or write down what "
                "the family wants and accept lower scores?"
            ),
            nl=(
                "De resultaatvergoeding wordt betaald als de doelen van een gezin bij "
                "afsluiting zijn bereikt. We merken dat we doelen opschrijven waarvan we weten "
                "dat ze binnen het traject haalbaar zijn, en langetermijndoelen weglaten, "
                "zoals schuldenvrij worden of het herstel van de relatie tussen een ouder en "
                "een puber. De scores zien er goed uit, maar gezinnen vertellen ons dat het "
                "plan niet laat zien wat voor hen het belangrijkst is. Houden we de doelen "
                "'haalbaar' om de inkomsten van het team te beschermen, of schrijven we op wat "
                "het gezin wil en accepteren we lagere scores?"
            ),
        ),
    ),
    ContributionSpec(
        key="leiden_two_front_doors",
        initiative=LEIDEN,
        session=3,
        submitted_by=MANAGER_LEIDEN,
        condition=_ROLES,
        level=IntegrationLevel.organisational,
        status=ContributionStatus.on_agenda,
        title=Text(en="One team, two front doors", nl="Eén team, twee voordeuren"),
        description=Text(
            en=(
                "The youth-care provider and the mental-health trust agreed to form one team, "
                "but each still runs its own intake and registration. A family referred by the "
                "GP comes in through the trust, a family referred by the school through the "
                "youth-care provider, and their first weeks differ accordingly. Merging the "
                "intakes means one organisation gives up its own procedure and part of its "
                "registration. Which organisation should adapt, and who can decide that when "
                "both boards have to agree?"
            ),
            nl=(
                "De jeugdhulpaanbieder en de ggz-instelling hebben afgesproken één team te "
                "vormen, maar elk heeft nog een eigen intake en registratie. Een gezin dat via "
                "de huisarts komt, komt binnen via de ggz; een gezin dat via school komt, via "
                "de jeugdhulp, en de eerste weken verlopen daardoor anders. De intakes "
                "samenvoegen betekent dat één organisatie een eigen procedure en een deel van "
                "de registratie opgeeft. Welke organisatie past zich aan, en wie kan dat "
                "besluiten als beide besturen moeten instemmen?"
            ),
        ),
    ),
    ContributionSpec(
        key="groningen_double_declarations",
        initiative=GRONINGEN,
        session=3,
        submitted_by=THERAPIST_GRONINGEN,
        condition=_FINANCING,
        level=IntegrationLevel.organisational,
        status=ContributionStatus.on_agenda,
        title=Text(
            en="Joint home visits that are declared twice",
            nl="Gezamenlijke huisbezoeken die dubbel gedeclareerd worden",
        ),
        description=Text(
            en=(
                "With an hourly rate per discipline, a home visit by the family therapist and "
                "the social-support consultant together is declared by both organisations. "
                "The municipality's controllers query these double declarations, and some "
                "colleagues now visit families alone to avoid the discussion, although "
                "families tell us that a joint visit saves them from telling their story "
                "twice. Do we keep visiting together and accept the queries, or adapt our way "
                "of working to the declaration system?"
            ),
            nl=(
                "Met een uurtarief per discipline declareren beide organisaties een huisbezoek "
                "dat de gezinstherapeut en de Wmo-consulent samen afleggen. De controllers van "
                "de gemeente stellen vragen over deze dubbele declaraties, en sommige "
                "collega's gaan nu alleen op huisbezoek om de discussie te vermijden, terwijl "
                "gezinnen ons vertellen dat een gezamenlijk bezoek hun bespaart hun verhaal "
                "twee keer te vertellen. Blijven we samen gaan en accepteren we de vragen, of "
                "passen we onze werkwijze aan het declaratiesysteem aan?"
            ),
        ),
    ),
    ContributionSpec(
        key="tilburg_who_keeps_the_books",
        initiative=TILBURG,
        session=3,
        submitted_by=POLICYMAKER_TILBURG,
        condition=_SHARED_VISION,
        level=IntegrationLevel.system,
        status=ContributionStatus.submitted,
        title=Text(
            en="Who keeps the books of a pooled budget?",
            nl="Wie houdt de boeken bij van een gezamenlijk budget?",
        ),
        description=Text(
            en=(
                "Since the municipalities and the insurer pooled their budgets, nobody has to "
                "prove which pot a conversation belongs to. But the insurer now asks for "
                "figures on adult mental-health care that we no longer register separately, "
                "and the municipalities worry that they are paying for care that used to be "
                "insured. Do we bring back separate registration to reassure the funders, at "
                "the cost of the simplicity that made the pooled budget work?"
            ),
            nl=(
                "Sinds de gemeenten en de zorgverzekeraar hun budgetten hebben samengevoegd, "
                "hoeft niemand meer aan te tonen uit welke pot een gesprek betaald wordt. "
                "Maar de verzekeraar vraagt nu cijfers over volwassenen-ggz die we niet meer "
                "apart registreren, en de gemeenten vrezen dat ze betalen voor zorg die vroeger "
                "verzekerd was. Voeren we de aparte registratie weer in om de financiers gerust "
                "te stellen, ten koste van de eenvoud die het gezamenlijke budget laat werken?"
            ),
        ),
    ),
)

GOOD_PRACTICES: tuple[ContributionSpec, ...] = (
    ContributionSpec(
        key="tilburg_outcomes_first",
        initiative=TILBURG,
        session=2,
        submitted_by=MANAGER_TILBURG,
        condition=_SHARED_VISION,
        level=IntegrationLevel.system,
        status=ContributionStatus.discussed,
        title=Text(
            en="Three outcomes first, money second",
            nl="Eerst drie uitkomsten, dan pas geld",
        ),
        description=Text(
            en=(
                "Before negotiating the pooled budget, the municipalities, the insurer and the "
                "providers agreed on three outcomes for families: children go to school, the "
                "family has a regular daily rhythm, and parents feel they can cope. Only then "
                "did they discuss who pays what. The outcome set is now the first item on "
                "every steering-group agenda and is used in the team's case discussions too."
            ),
            nl=(
                "Voordat over het gezamenlijke budget werd onderhandeld, spraken de gemeenten, "
                "de verzekeraar en de aanbieders drie uitkomsten voor gezinnen af: kinderen "
                "gaan naar school, het gezin heeft een vast dagritme, en ouders hebben het "
                "gevoel dat ze het aankunnen. Pas daarna ging het over wie wat betaalt. De "
                "uitkomstenset staat nu als eerste punt op elke agenda van de stuurgroep en "
                "wordt ook in de casusbesprekingen van het team gebruikt."
            ),
        ),
    ),
    ContributionSpec(
        key="drechtsteden_family_chooses_coordinator",
        initiative=DRECHTSTEDEN,
        session=2,
        submitted_by=ADDICTION_WORKER_DRECHTSTEDEN,
        condition=_ROLES,
        level=IntegrationLevel.clinical,
        status=ContributionStatus.discussed,
        title=Text(en="The family chooses its coordinator", nl="Het gezin kiest zijn coördinator"),
        description=Text(
            en=(
                "In the first conversation we ask the family which problem weighs most heavily "
                "and which team member they trust most. That person becomes the coordinator, "
                "whatever their discipline: in one family it was the debt counsellor, in "
                "another the addiction care worker. The other professionals arrange their "
                "contacts through the coordinator, so the family tells its story only once."
            ),
            nl=(
                "In het eerste gesprek vragen we het gezin welk probleem het zwaarst weegt en "
                "welk teamlid ze het meest vertrouwen. Die persoon wordt de coördinator, welke "
                "discipline hij of zij ook heeft: in het ene gezin was dat de "
                "schuldhulpverlener, in het andere de verslavingszorgmedewerker. De andere "
                "professionals stemmen hun contacten af via de coördinator, zodat het gezin "
                "zijn verhaal maar één keer hoeft te vertellen."
            ),
        ),
    ),
    ContributionSpec(
        key="tilburg_card_on_the_fridge",
        initiative=TILBURG,
        session=3,
        submitted_by=SCHOOL_SOCIAL_WORKER_TILBURG,
        condition=_ROLES,
        level=IntegrationLevel.clinical,
        status=ContributionStatus.submitted,
        title=Text(en="One name and number on the fridge", nl="Eén naam en nummer op de koelkast"),
        description=Text(
            en=(
                "Every family receives a card with the name, photo and phone number of its "
                "single contact, and a line on what to do when that person is away. The card "
                "is discussed at the first home visit and checked at the six-month review. "
                "Families say they no longer wonder whom to call, and the team uses the card in "
                "case discussions to ask: does this family still know who we are?"
            ),
            nl=(
                "Elk gezin krijgt een kaart met de naam, foto en het telefoonnummer van het "
                "vaste aanspreekpunt, en een regel over wat te doen als die persoon afwezig "
                "is. De kaart wordt bij het eerste huisbezoek besproken en bij de "
                "zesmaandsevaluatie nagelopen. Gezinnen zeggen dat ze zich niet meer afvragen "
                "wie ze moeten bellen, en het team gebruikt de kaart in casusbesprekingen om te "
                "vragen: weet dit gezin nog wie wij zijn?"
            ),
        ),
    ),
    ContributionSpec(
        key="leiden_phone_evaluation",
        initiative=LEIDEN,
        session=3,
        submitted_by=PRACTITIONER_LEIDEN,
        condition=_MONITORING,
        level=IntegrationLevel.clinical,
        status=ContributionStatus.submitted,
        title=Text(
            en="A phone call instead of a form at three months",
            nl="Een telefoongesprek in plaats van een formulier na drie maanden",
        ),
        description=Text(
            en=(
                "Since September the family coach phones each family at three months and asks "
                "two open questions: what has changed for you, and what should we do "
                "differently? The answers are written down in the family's own words next to "
                "the usual scores. The response went up from under half to nearly six in ten "
                "families, and the answers are discussed in the quarterly team meeting."
            ),
            nl=(
                "Sinds september belt de gezinscoach elk gezin na drie maanden en stelt twee "
                "open vragen: wat is er voor u veranderd, en wat moeten wij anders doen? De "
                "antwoorden worden in de eigen woorden van het gezin genoteerd, naast de "
                "gebruikelijke scores. De respons steeg van minder dan de helft naar bijna zes "
                "op de tien gezinnen, en de antwoorden worden besproken in het "
                "kwartaaloverleg van het team."
            ),
        ),
    ),
    ContributionSpec(
        key="groningen_bridging_visit",
        initiative=GRONINGEN,
        session=3,
        submitted_by=BEHAVIOURAL_SCIENTIST_GRONINGEN,
        condition=_ROLES,
        level=IntegrationLevel.clinical,
        status=ContributionStatus.submitted,
        title=Text(
            en="A bridging visit while the family waits",
            nl="Een overbruggingsbezoek tijdens het wachten",
        ),
        description=Text(
            en=(
                "Families in Het Hogeland waited up to three months before the team started. "
                "We now plan one visit by the social-support consultant within two weeks of "
                "referral: she explains who will come, arranges urgent practical matters and "
                "leaves her number. Families know what is going to happen, and the first team "
                "visit starts from what she learned instead of from scratch."
            ),
            nl=(
                "Gezinnen in Het Hogeland wachtten tot drie maanden voordat het team begon. "
                "Nu plannen we binnen twee weken na aanmelding één bezoek van de "
                "Wmo-consulent: zij legt uit wie er komt, regelt dringende praktische zaken en "
                "laat haar nummer achter. Gezinnen weten wat er gaat gebeuren, en het eerste "
                "teambezoek begint bij wat zij al weet in plaats van bij nul."
            ),
        ),
    ),
    ContributionSpec(
        key="zwolle_families_at_review",
        initiative=ZWOLLE,
        session=3,
        submitted_by=SOCIAL_WORKER_ZWOLLE,
        condition=_MONITORING,
        level=IntegrationLevel.professional,
        status=ContributionStatus.submitted,
        title=Text(en="Families at their own case review", nl="Gezinnen bij hun eigen casusreview"),
        description=Text(
            en=(
                "Since the summer, parents are invited to the last twenty minutes of their own "
                "six-monthly case review. They hear what the team sees and add what has "
                "changed for them. Eight of the first eleven families invited came. The team "
                "now writes down one sentence from the family in every review, which gives the "
                "municipalities more than case notes alone."
            ),
            nl=(
                "Sinds de zomer nodigen we ouders uit voor de laatste twintig minuten van hun "
                "eigen halfjaarlijkse casusreview. Ze horen wat het team ziet en vullen aan wat "
                "er voor hen veranderd is. Van de eerste elf uitgenodigde gezinnen kwamen er "
                "acht. Het team schrijft nu in elke review één zin van het gezin op, zodat de "
                "gemeenten meer te zien krijgen dan alleen dossiernotities."
            ),
        ),
    ),
)

# --------------------------------------------------------------------------------------
# Actions: one per initiative, opened in session 2 and reviewed in session 3
# --------------------------------------------------------------------------------------

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        initiative=LEIDEN,
        owner=PRACTITIONER_LEIDEN,
        opened_in=2,
        review_in=3,
        condition=_MONITORING,
        level=IntegrationLevel.clinical,
        pdsa_stage=PdsaStage.study,
        due_date=date(2026, 12, 15),
        status=ActionStatus.in_progress,
        title=Text(
            en="Add the family's own words to the three-month evaluation",
            nl="De eigen woorden van het gezin toevoegen aan de evaluatie na drie maanden",
        ),
        description=Text(
            en=(
                "Replace the written form with a phone call and two open questions for every "
                "family that starts after 1 September, and compare the response and the "
                "usefulness of the answers with the old form in the quarterly dashboard."
            ),
            nl=(
                "Het schriftelijke formulier vervangen door een telefoongesprek met twee open "
                "vragen voor elk gezin dat na 1 september start, en de respons en de "
                "bruikbaarheid van de antwoorden in het kwartaaldashboard vergelijken met het "
                "oude formulier."
            ),
        ),
    ),
    ActionSpec(
        initiative=DRECHTSTEDEN,
        owner=MANAGER_DRECHTSTEDEN,
        opened_in=2,
        review_in=3,
        condition=_FINANCING,
        level=IntegrationLevel.system,
        pdsa_stage=PdsaStage.do,
        due_date=date(2027, 1, 8),
        status=ActionStatus.in_progress,
        title=Text(
            en="Propose a separate arrangement for long-term goals to the region",
            nl="Een aparte regeling voor langetermijndoelen voorstellen aan de regio",
        ),
        description=Text(
            en=(
                "Together with the policymaker, draft a proposal to the Drechtsteden region in "
                "which goals that need more than a year, such as paying off debts, are paid "
                "on progress instead of on attainment at closure. Try the proposal out on ten "
                "current families."
            ),
            nl=(
                "Samen met de beleidsmaker een voorstel aan de regio Drechtsteden schrijven "
                "waarin doelen die meer dan een jaar nodig hebben, zoals schulden aflossen, "
                "worden betaald op voortgang in plaats van op het behalen bij afsluiting. Het "
                "voorstel uitproberen bij tien huidige gezinnen."
            ),
        ),
    ),
    ActionSpec(
        initiative=ZWOLLE,
        owner=POLICYMAKER_ZWOLLE,
        opened_in=2,
        review_in=3,
        condition=_FINANCING,
        level=IntegrationLevel.system,
        pdsa_stage=PdsaStage.do,
        due_date=date(2026, 12, 1),
        status=ActionStatus.in_progress,
        title=Text(
            en="Transition plan for the end of the pilot fund",
            nl="Overgangsplan voor het einde van het pilotfonds",
        ),
        description=Text(
            en=(
                "Agree with Zwolle, Kampen and the providers who pays for the team from "
                "January 2027 until the council decides on structural funding, and tell every "
                "family in writing, in plain language, what will happen to their support."
            ),
            nl=(
                "Met Zwolle, Kampen en de aanbieders afspreken wie het team vanaf januari 2027 "
                "betaalt totdat de raad over structurele financiering besluit, en elk gezin "
                "schriftelijk en in eenvoudige taal laten weten wat er met hun hulp gebeurt."
            ),
        ),
    ),
    ActionSpec(
        initiative=GRONINGEN,
        owner=MANAGER_GRONINGEN,
        opened_in=2,
        review_in=3,
        condition=_FINANCING,
        level=IntegrationLevel.organisational,
        pdsa_stage=PdsaStage.plan,
        due_date=date(2026, 10, 31),
        status=ActionStatus.open,
        title=Text(
            en="One declaration code for joint home visits",
            nl="Eén declaratiecode voor gezamenlijke huisbezoeken",
        ),
        description=Text(
            en=(
                "Ask the municipality of Groningen for a single code for home visits by two "
                "disciplines together, so that they are no longer queried as double "
                "declarations. Count the joint visits of the third quarter as input."
            ),
            nl=(
                "De gemeente Groningen vragen om één code voor huisbezoeken door twee "
                "disciplines samen, zodat die niet meer als dubbele declaratie worden "
                "bevraagd. De gezamenlijke bezoeken van het derde kwartaal tellen als "
                "onderbouwing."
            ),
        ),
    ),
    ActionSpec(
        initiative=TILBURG,
        owner=MANAGER_TILBURG,
        opened_in=2,
        review_in=3,
        condition=_MONITORING,
        level=IntegrationLevel.clinical,
        pdsa_stage=PdsaStage.act,
        due_date=date(2026, 10, 1),
        status=ActionStatus.done,
        title=Text(
            en="Share the outcome results with families",
            nl="De uitkomstresultaten delen met gezinnen",
        ),
        description=Text(
            en=(
                "Make a one-page, plain-language summary of the shared outcome set, and "
                "discuss each family's own results with them at the six-month review."
            ),
            nl=(
                "Een samenvatting van één pagina in eenvoudige taal maken van de gedeelde "
                "uitkomstenset, en bij de zesmaandsevaluatie met elk gezin de eigen resultaten "
                "bespreken."
            ),
        ),
    ),
)

# Progress notes during the action period, per initiative's session-2 action, oldest first;
# the last one gives the action's current status and PDSA stage.
ACTION_PROGRESS: dict[str, tuple[ProgressSpec, ...]] = {
    LEIDEN: (
        ProgressSpec(
            author=PRACTITIONER_LEIDEN,
            on=date(2026, 9, 4),
            status=ActionStatus.in_progress,
            pdsa_stage=PdsaStage.do,
            note=Text(
                en="The first eight families got the phone call instead of the form. Most "
                "calls took ten minutes.",
                nl="De eerste acht gezinnen kregen het telefoongesprek in plaats van het "
                "formulier. De meeste gesprekken duurden tien minuten.",
            ),
        ),
        ProgressSpec(
            author=PRACTITIONER_LEIDEN,
            on=date(2026, 11, 2),
            status=ActionStatus.in_progress,
            pdsa_stage=PdsaStage.study,
            note=Text(
                en="Response went from 4 in 10 to 9 in 10 families. We are now comparing "
                "what the answers tell us with the old form.",
                nl="De respons ging van 4 op de 10 naar 9 op de 10 gezinnen. We vergelijken "
                "nu wat de antwoorden ons vertellen met het oude formulier.",
            ),
        ),
    ),
    DRECHTSTEDEN: (
        ProgressSpec(
            author=MANAGER_DRECHTSTEDEN,
            on=date(2026, 10, 12),
            status=ActionStatus.in_progress,
            pdsa_stage=PdsaStage.do,
            note=Text(
                en="The draft proposal is with the region's contract manager. Ten families "
                "with debt goals are selected for the trial.",
                nl="Het conceptvoorstel ligt bij de contractmanager van de regio. Tien "
                "gezinnen met schuldendoelen zijn gekozen voor de proef.",
            ),
        ),
    ),
    ZWOLLE: (
        ProgressSpec(
            author=POLICYMAKER_ZWOLLE,
            on=date(2026, 9, 22),
            status=ActionStatus.in_progress,
            pdsa_stage=PdsaStage.plan,
            note=Text(
                en="Zwolle and Kampen agreed to talk together with the providers; the first "
                "meeting is on 8 October.",
                nl="Zwolle en Kampen spraken af samen met de aanbieders te praten; het eerste "
                "overleg is op 8 oktober.",
            ),
        ),
        ProgressSpec(
            author=POLICYMAKER_ZWOLLE,
            on=date(2026, 11, 16),
            status=ActionStatus.in_progress,
            pdsa_stage=PdsaStage.do,
            note=Text(
                en="The plan is late: Kampen waits for its budget debate. The letter to "
                "families is written in plain language and ready to send.",
                nl="Het plan is te laat: Kampen wacht op het begrotingsdebat. De brief aan "
                "gezinnen is in eenvoudige taal geschreven en klaar om te versturen.",
            ),
        ),
    ),
    TILBURG: (
        ProgressSpec(
            author=MANAGER_TILBURG,
            on=date(2026, 7, 10),
            status=ActionStatus.in_progress,
            pdsa_stage=PdsaStage.do,
            note=Text(
                en="The one-page summary is ready and was tested with two parents.",
                nl="De samenvatting van één pagina is klaar en getest met twee ouders.",
            ),
        ),
        ProgressSpec(
            author=MANAGER_TILBURG,
            on=date(2026, 9, 30),
            status=ActionStatus.done,
            pdsa_stage=PdsaStage.act,
            note=Text(
                en="Every six-month review now discusses the family's own results. We keep "
                "doing it.",
                nl="Bij elke zesmaandsevaluatie bespreken we nu de eigen resultaten van het "
                "gezin. Daar gaan we mee door.",
            ),
        ),
    ),
}

# --------------------------------------------------------------------------------------
# Monitoring indicators and their measurements
# --------------------------------------------------------------------------------------

_PERCENT = Text(en="%", nl="%")
_WEEKS = Text(en="weeks", nl="weken")

INDICATORS: tuple[IndicatorSpec, ...] = (
    IndicatorSpec(
        initiative=LEIDEN,
        name=Text(
            en="Families returning the three-month evaluation",
            nl="Gezinnen die de evaluatie na drie maanden invullen",
        ),
        condition=_MONITORING,
        level=IntegrationLevel.clinical,
        source=Text(en="Family evaluation at three months", nl="Gezinsevaluatie na drie maanden"),
        unit=_PERCENT,
        baseline=45.0,
        target=75.0,
        measurements=(
            (date(2026, 3, 31), 41.0),
            (date(2026, 6, 30), 45.0),
            (date(2026, 9, 30), 58.0),
        ),
    ),
    IndicatorSpec(
        initiative=LEIDEN,
        name=Text(
            en="Median weeks from referral to first home visit",
            nl="Mediaan aantal weken van aanmelding tot eerste huisbezoek",
        ),
        condition=_MONITORING,
        level=IntegrationLevel.organisational,
        source=Text(en="Quarterly caseload dashboard", nl="Kwartaaldashboard caseload"),
        unit=_WEEKS,
        baseline=9.5,
        target=4.0,
        measurements=(
            (date(2026, 3, 31), 9.5),
            (date(2026, 6, 30), 9.0),
            (date(2026, 9, 30), 7.0),
        ),
    ),
    IndicatorSpec(
        initiative=DRECHTSTEDEN,
        name=Text(
            en="Mean goal-attainment T-score at closure",
            nl="Gemiddelde T-score doelrealisatie bij afsluiting",
        ),
        condition=_MONITORING,
        level=IntegrationLevel.professional,
        source=Text(en="Goal-attainment scaling", nl="Goal-attainment scaling"),
        unit=Text(en="T-score", nl="T-score"),
        baseline=50.0,
        target=55.0,
        measurements=(
            (date(2026, 3, 31), 52.0),
            (date(2026, 6, 30), 51.2),
            (date(2026, 9, 30), 53.4),
        ),
    ),
    IndicatorSpec(
        initiative=DRECHTSTEDEN,
        name=Text(en="Mean trajectory length", nl="Gemiddelde trajectduur"),
        condition=_FINANCING,
        level=IntegrationLevel.organisational,
        source=Text(en="Trajectory registration", nl="Trajectregistratie"),
        unit=Text(en="months", nl="maanden"),
        baseline=8.0,
        target=7.0,
        measurements=(
            (date(2026, 3, 31), 7.4),
            (date(2026, 6, 30), 7.9),
            (date(2026, 9, 30), 7.6),
        ),
    ),
    IndicatorSpec(
        initiative=ZWOLLE,
        name=Text(
            en="Planned case reviews held on schedule",
            nl="Geplande casusreviews op tijd gehouden",
        ),
        condition=_MONITORING,
        level=IntegrationLevel.professional,
        source=Text(en="Six-monthly case reviews", nl="Halfjaarlijkse casusreviews"),
        unit=_PERCENT,
        baseline=62.0,
        target=90.0,
        measurements=(
            (date(2025, 12, 31), 62.0),
            (date(2026, 6, 30), 75.0),
        ),
    ),
    IndicatorSpec(
        initiative=GRONINGEN,
        name=Text(
            en="Median waiting time from referral to start",
            nl="Mediane wachttijd van aanmelding tot start",
        ),
        condition=_MONITORING,
        level=IntegrationLevel.system,
        source=Text(en="Municipal records", nl="Gemeentelijke registratie"),
        unit=_WEEKS,
        baseline=11.0,
        target=6.0,
        measurements=(
            (date(2026, 3, 31), 11.0),
            (date(2026, 6, 30), 10.0),
            (date(2026, 9, 30), 8.0),
        ),
    ),
    IndicatorSpec(
        initiative=GRONINGEN,
        name=Text(
            en="Share of declared hours spent on joint home visits",
            nl="Aandeel gedeclareerde uren in gezamenlijke huisbezoeken",
        ),
        condition=_ROLES,
        level=IntegrationLevel.professional,
        source=Text(
            en="Municipal records (declarations)", nl="Gemeentelijke registratie (declaraties)"
        ),
        unit=_PERCENT,
        baseline=14.0,
        target=25.0,
        measurements=(
            (date(2026, 3, 31), 14.0),
            (date(2026, 6, 30), 11.0),
            (date(2026, 9, 30), 9.0),
        ),
    ),
    IndicatorSpec(
        initiative=TILBURG,
        name=Text(
            en="Families improved on at least two of the three shared outcomes",
            nl="Gezinnen vooruitgegaan op minstens twee van de drie gedeelde uitkomsten",
        ),
        condition=_MONITORING,
        level=IntegrationLevel.clinical,
        source=Text(en="Shared outcome set", nl="Gedeelde uitkomstenset"),
        unit=_PERCENT,
        baseline=52.0,
        target=65.0,
        measurements=(
            (date(2026, 3, 31), 54.0),
            (date(2026, 9, 30), 61.0),
        ),
    ),
    IndicatorSpec(
        initiative=TILBURG,
        name=Text(
            en="Professionals who changed their practice based on shared results",
            nl="Professionals die hun werkwijze aanpasten op basis van gedeelde resultaten",
        ),
        condition=_SHARED_VISION,
        level=IntegrationLevel.organisational,
        source=Text(
            en="Yearly survey of professionals", nl="Jaarlijkse enquête onder professionals"
        ),
        unit=_PERCENT,
        baseline=33.0,
        target=60.0,
        measurements=(
            (date(2025, 9, 30), 33.0),
            (date(2026, 9, 30), 41.0),
        ),
    ),
)

# Questions in the bank that no session has used yet: what the suggestions can offer.
BANK_ONLY_QUESTIONS: tuple[QuestionSpec, ...] = (
    QuestionSpec(
        key="bank_roles_step_back",
        session=0,
        condition=_ROLES,
        level=IntegrationLevel.clinical,
        target_roles=(Role.family_representative,),
        text=Text(
            en="When did a professional step back too early, or stay too long, in your family?",
            nl="Wanneer stapte een professional in uw gezin te vroeg terug, of bleef hij te lang?",
        ),
        plain_text=Text(
            en="Did a helper stop too soon, or stay too long?",
            nl="Stopte een hulpverlener te vroeg, of bleef hij te lang?",
        ),
    ),
    QuestionSpec(
        key="bank_monitoring_one_figure",
        session=0,
        condition=_MONITORING,
        level=IntegrationLevel.system,
        target_roles=(Role.policymaker,),
        text=Text(
            en="If the council could ask you for only one figure, which would you give it?",
            nl="Als de raad u maar om één cijfer mocht vragen, welk cijfer zou u geven?",
        ),
        plain_text=Text(
            en="Which one number tells how the help is going?",
            nl="Welk ene getal laat zien hoe het met de hulp gaat?",
        ),
    ),
    QuestionSpec(
        key="bank_vision_family_words",
        session=0,
        condition=_SHARED_VISION,
        level=IntegrationLevel.professional,
        target_roles=(Role.family_representative, Role.practitioner),
        text=Text(
            en="How would a family describe our way of working in one sentence?",
            nl="Hoe zou een gezin onze manier van werken in één zin beschrijven?",
        ),
        plain_text=Text(
            en="How would you tell a friend what this team does?",
            nl="Hoe vertel je een vriend wat dit team doet?",
        ),
    ),
    QuestionSpec(
        key="bank_financing_hidden_costs",
        session=0,
        condition=_FINANCING,
        level=IntegrationLevel.organisational,
        target_roles=(Role.manager, Role.policymaker),
        text=Text(
            en="Which work of the team does no budget pay for, and who carries it now?",
            nl="Welk werk van het team betaalt geen enkel budget, en wie draagt het nu?",
        ),
        plain_text=Text(
            en="Is there help that nobody pays for?",
            nl="Is er hulp waar niemand voor betaalt?",
        ),
    ),
)

# --------------------------------------------------------------------------------------
# Agendas: session 2 as held (with minutes), session 3 as a draft
# --------------------------------------------------------------------------------------

AGENDAS: dict[int, tuple[AgendaItemSpec, ...]] = {
    1: (
        AgendaItemSpec(
            kind=AgendaItemKind.welcome,
            title=Text(en="Welcome and introductions", nl="Welkom en kennismaking"),
            duration_minutes=20,
            owner=CHAIR,
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.findings,
            title=Text(
                en="The four conditions for partnership, and what we observed",
                nl="De vier voorwaarden voor partnerschap, en wat we zagen",
            ),
            duration_minutes=40,
            owner=RESEARCHER,
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.exchange,
            title=Text(
                en="Exchange in mixed-level groups: each initiative in five minutes",
                nl="Uitwisseling in gemengde groepen: elk initiatief in vijf minuten",
            ),
            duration_minutes=50,
            owner=FACILITATOR,
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.break_,
            title=Text(en="Break", nl="Pauze"),
            duration_minutes=15,
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.action_planning,
            title=Text(
                en="What each initiative wants to learn this year",
                nl="Wat elk initiatief dit jaar wil leren",
            ),
            duration_minutes=35,
            owner=FACILITATOR,
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.evaluation,
            title=Text(en="Evaluation", nl="Evaluatie"),
            duration_minutes=10,
            owner=FACILITATOR,
        ),
    ),
    2: (
        AgendaItemSpec(
            kind=AgendaItemKind.findings,
            title=Text(
                en="Findings from the factsheets: monitoring and financing",
                nl="Bevindingen uit de factsheets: monitoring en financiering",
            ),
            duration_minutes=30,
            owner=RESEARCHER,
            minutes=Text(
                en=(
                    "The practitioner-researcher presented the findings across the five "
                    "initiatives: all of them collect figures, but only two ask families what "
                    "changed for them. Policymakers recognised that their councils ask for "
                    "numbers that practitioners hardly use in their work."
                ),
                nl=(
                    "De praktijkonderzoeker presenteerde de bevindingen over de vijf "
                    "initiatieven: ze verzamelen allemaal cijfers, maar slechts twee vragen "
                    "gezinnen wat er voor hen veranderde. Beleidsmakers herkenden dat hun raad "
                    "om cijfers vraagt die professionals in hun werk nauwelijks gebruiken."
                ),
            ),
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.dilemma,
            title=Text(
                en="Dilemma Wijkexpertteam Zwolle-Kampen: the pilot fund ends",
                nl="Dilemma Wijkexpertteam Zwolle-Kampen: het pilotfonds stopt",
            ),
            duration_minutes=30,
            owner=MANAGER_ZWOLLE,
            dilemma="zwolle_pilot_ends",
            minutes=Text(
                en=(
                    "Intervision round in mixed groups. Participants advised not to wait for "
                    "the evaluation but to ask both municipalities for a bridging decision "
                    "before September. The family representative reminded everyone that for "
                    "families the nurse is the team. Agreed: Zwolle-Kampen draws up a "
                    "transition plan."
                ),
                nl=(
                    "Intervisieronde in gemengde groepen. Deelnemers adviseerden niet op de "
                    "evaluatie te wachten, maar beide gemeenten vóór september om een "
                    "overbruggingsbesluit te vragen. De ervaringsdeskundige herinnerde eraan "
                    "dat voor gezinnen de verpleegkundige het team is. Afgesproken: "
                    "Zwolle-Kampen maakt een overgangsplan."
                ),
            ),
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.dilemma,
            title=Text(
                en="Dilemma Samen1Plan Drechtsteden: reachable goals",
                nl="Dilemma Samen1Plan Drechtsteden: haalbare doelen",
            ),
            duration_minutes=25,
            owner=PSYCHOLOGIST_DRECHTSTEDEN,
            dilemma="drechtsteden_reachable_goals",
            minutes=Text(
                en=(
                    "Several initiatives recognised the pull towards 'safe' goals. Groningen "
                    "and Tilburg explained how their funding avoids this. The new manager and "
                    "the policymaker of Samen1Plan will propose a separate arrangement for "
                    "long-term goals to the region."
                ),
                nl=(
                    "Meerdere initiatieven herkenden de neiging tot 'veilige' doelen. Groningen "
                    "en Tilburg lichtten toe hoe hun financiering dat voorkomt. De nieuwe "
                    "manager en de beleidsmaker van Samen1Plan stellen de regio een aparte "
                    "regeling voor langetermijndoelen voor."
                ),
            ),
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.good_practice,
            title=Text(
                en="Good practice Huis van het Gezin: three outcomes first",
                nl="Goed voorbeeld Huis van het Gezin: eerst drie uitkomsten",
            ),
            duration_minutes=15,
            owner=MANAGER_TILBURG,
            good_practice="tilburg_outcomes_first",
            minutes=Text(
                en=(
                    "Tilburg explained how agreeing on three outcomes came before the budget "
                    "negotiations. Leiden and Zwolle-Kampen want to try the same order in "
                    "their own steering groups."
                ),
                nl=(
                    "Tilburg vertelde hoe de afspraak over drie uitkomsten voorafging aan de "
                    "budgetonderhandelingen. Leiden en Zwolle-Kampen willen dezelfde volgorde "
                    "proberen in hun eigen stuurgroep."
                ),
            ),
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.good_practice,
            title=Text(
                en="Good practice Samen1Plan: the family chooses its coordinator",
                nl="Goed voorbeeld Samen1Plan: het gezin kiest zijn coördinator",
            ),
            duration_minutes=15,
            owner=ADDICTION_WORKER_DRECHTSTEDEN,
            good_practice="drechtsteden_family_chooses_coordinator",
            minutes=Text(
                en=(
                    "Questions focused on what happens when the chosen coordinator is away. "
                    "The family representative asked that families may also change their "
                    "choice later."
                ),
                nl=(
                    "De vragen gingen vooral over wat er gebeurt als de gekozen coördinator "
                    "afwezig is. De ervaringsdeskundige vroeg of gezinnen hun keuze later ook "
                    "mogen veranderen."
                ),
            ),
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.exchange,
            title=Text(
                en="Exchange in mixed-level groups: what we need from monitoring",
                nl="Uitwisseling in gemengde groepen: wat we nodig hebben van monitoring",
            ),
            duration_minutes=30,
            owner=CHAIR,
            question="s2_monitoring_needs",
            minutes=Text(
                en=(
                    "Policymakers and practitioners compared what they need from monitoring. "
                    "The overlap: waiting time and whether families feel helped. The family "
                    "representative asked that families see their own results first."
                ),
                nl=(
                    "Beleidsmakers en professionals vergeleken wat ze van monitoring nodig "
                    "hebben. De overlap: wachttijd en of gezinnen zich geholpen voelen. De "
                    "ervaringsdeskundige vroeg dat gezinnen eerst hun eigen resultaten zien."
                ),
            ),
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.action_planning,
            title=Text(en="One action per initiative", nl="Eén actie per initiatief"),
            duration_minutes=20,
            owner=FACILITATOR,
            minutes=Text(
                en=(
                    "Each initiative chose one action for the period until session 3, with an "
                    "owner and a due date; the actions will be reviewed at the start of "
                    "session 3."
                ),
                nl=(
                    "Elk initiatief koos één actie voor de periode tot sessie 3, met een "
                    "eigenaar en een einddatum; de acties worden aan het begin van sessie 3 "
                    "besproken."
                ),
            ),
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.evaluation,
            title=Text(en="Evaluation", nl="Evaluatie"),
            duration_minutes=10,
            owner=FACILITATOR,
            minutes=Text(
                en=(
                    "Participants valued the mixed-level groups. The family voice was strong, "
                    "although one family representative could not come. Request for next "
                    "time: send the questions earlier."
                ),
                nl=(
                    "Deelnemers waardeerden de gemengde groepen. De stem van gezinnen was "
                    "duidelijk aanwezig, al kon één ervaringsdeskundige er niet bij zijn. "
                    "Verzoek voor de volgende keer: stuur de vragen eerder."
                ),
            ),
        ),
    ),
    3: (
        AgendaItemSpec(
            kind=AgendaItemKind.welcome,
            title=Text(en="Welcome and a round of names", nl="Welkom en een voorstelronde"),
            duration_minutes=10,
            owner=CHAIR,
            chair_notes=Text(
                en=(
                    "Start with the family representatives: ask them what they hope to take "
                    "home today. Two new policymakers join; introduce them by initiative."
                ),
                nl=(
                    "Begin bij de gezinsvertegenwoordigers: vraag wat zij vandaag mee naar "
                    "huis willen nemen. Er schuiven twee nieuwe beleidsmakers aan; stel hen "
                    "voor per initiatief."
                ),
            ),
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.review_actions,
            title=Text(
                en="Review of the actions from session 2 and new findings",
                nl="Terugblik op de acties uit sessie 2 en nieuwe bevindingen",
            ),
            duration_minutes=25,
            owner=RESEARCHER,
            question="s3_results_changed_practice",
            chair_notes=Text(
                en=(
                    "Zwolle-Kampen's transition plan is late; ask what help they need rather "
                    "than why it is late."
                ),
                nl=(
                    "Het overgangsplan van Zwolle-Kampen is te laat; vraag welke hulp ze nodig "
                    "hebben, niet waarom het te laat is."
                ),
            ),
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.dilemma,
            title=Text(
                en="Dilemma Gezinsteam Plus: one team, two front doors",
                nl="Dilemma Gezinsteam Plus: één team, twee voordeuren",
            ),
            duration_minutes=30,
            owner=MANAGER_LEIDEN,
            dilemma="leiden_two_front_doors",
            chair_notes=Text(
                en=(
                    "Intervision format: the case holder explains, the group asks questions "
                    "first, advice only in the last ten minutes. Give the family "
                    "representative the first question."
                ),
                nl=(
                    "Intervisievorm: de inbrenger licht toe, de groep stelt eerst vragen, "
                    "advies pas in de laatste tien minuten. Geef de gezinsvertegenwoordiger "
                    "de eerste vraag."
                ),
            ),
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.dilemma,
            title=Text(
                en="Dilemma IST Groningen-Ommelanden: joint visits declared twice",
                nl="Dilemma IST Groningen-Ommelanden: gezamenlijke bezoeken dubbel gedeclareerd",
            ),
            duration_minutes=25,
            owner=THERAPIST_GRONINGEN,
            dilemma="groningen_double_declarations",
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.exchange,
            title=Text(
                en="Exchange in mixed-level groups: who is the family's single contact?",
                nl="Uitwisseling in gemengde groepen: wie is het vaste aanspreekpunt?",
            ),
            duration_minutes=40,
            owner=CHAIR,
            question="s3_single_contact",
            chair_notes=Text(
                en=(
                    "Mix the groups so that no initiative sits alone; Tilburg's card on the "
                    "fridge is a good example to bring in here."
                ),
                nl=(
                    "Meng de groepen zo dat geen initiatief alleen zit; het kaartje op de "
                    "koelkast uit Tilburg is hier een goed voorbeeld om in te brengen."
                ),
            ),
        ),
        AgendaItemSpec(
            kind=AgendaItemKind.action_planning,
            title=Text(
                en="One action per initiative, and the evaluation",
                nl="Eén actie per initiatief, en de evaluatie",
            ),
            duration_minutes=20,
            owner=FACILITATOR,
        ),
    ),
}

# --------------------------------------------------------------------------------------
# Reflections (sessions 2 and 3), evaluations and consents
# --------------------------------------------------------------------------------------

REFLECTIONS: tuple[ReflectionSpec, ...] = (
    ReflectionSpec(
        session=2,
        author=FAMILY,
        perspective=Perspective.family,
        visibility=ReflectionVisibility.community,
        evidence_consent=True,
        question="s2_monitoring_needs",
        submitted_on=date(2026, 6, 15),
        text=Text(
            en=(
                "I have had help from three of these teams. Nobody ever showed me a figure "
                "about my own family. If I could see that the waiting got shorter, or that "
                "other parents felt heard, I would trust the team more. Please show families "
                "their own results first, before they go to the council."
            ),
            nl=(
                "Ik heb hulp gehad van drie van deze teams. Niemand heeft me ooit een cijfer "
                "over mijn eigen gezin laten zien. Als ik kon zien dat het wachten korter werd, "
                "of dat andere ouders zich gehoord voelden, zou ik het team meer vertrouwen. "
                "Laat gezinnen eerst hun eigen resultaten zien, voordat ze naar de raad gaan."
            ),
        ),
    ),
    ReflectionSpec(
        session=2,
        author=FAMILY_LARGE_PRINT,
        perspective=Perspective.family,
        # He has not answered the consent question yet: what he sent reaches the
        # facilitator only, and is never quoted.
        visibility=ReflectionVisibility.private,
        evidence_consent=False,
        dilemma="zwolle_pilot_ends",
        submitted_on=date(2026, 6, 16),
        text=Text(
            en=(
                "I cannot be there, so I am writing this down. For a family, a team that stops "
                "is not a financing question: it means losing the one person who finally "
                "understood you. If the pilot ends, tell the families in time and in plain "
                "words, and do not let them find out when the nurse stops answering the phone."
            ),
            nl=(
                "Ik kan er niet bij zijn, dus ik schrijf het op. Voor een gezin is een team dat "
                "stopt geen financieringsvraag: je verliest de ene persoon die je eindelijk "
                "begreep. Als de pilot stopt, vertel het gezinnen dan op tijd en in gewone "
                "woorden, en laat ze het niet merken doordat de verpleegkundige de telefoon "
                "niet meer opneemt."
            ),
        ),
    ),
    ReflectionSpec(
        session=2,
        author=PRACTITIONER_LEIDEN,
        perspective=Perspective.professional,
        visibility=ReflectionVisibility.session,
        evidence_consent=False,
        question="s2_who_led",
        submitted_on=date(2026, 6, 16),
        text=Text(
            en=(
                "For the last family I discussed, the lead just happened to be me, because I "
                "did the first home visit. Nobody agreed it, and when I was on holiday the "
                "mother called the psychiatrist's secretary. We should make the choice "
                "explicit and tell the family."
            ),
            nl=(
                "Bij het laatste gezin dat ik besprak, had ik toevallig de leiding, omdat ik "
                "het eerste huisbezoek deed. Niemand had dat afgesproken, en toen ik op "
                "vakantie was, belde de moeder het secretariaat van de psychiater. We moeten "
                "die keuze uitspreken en aan het gezin vertellen."
            ),
        ),
    ),
    ReflectionSpec(
        session=2,
        author=POLICYMAKER_DRECHTSTEDEN,
        perspective=Perspective.local_government,
        visibility=ReflectionVisibility.community,
        evidence_consent=True,
        question="s2_unfunded_support",
        submitted_on=date(2026, 6, 17),
        text=Text(
            en=(
                "Debt counselling for the parents is the part nobody pays for within the youth "
                "budget. The region buys a result for the child, while the family's debts are "
                "the main reason that result does not last."
            ),
            nl=(
                "Schuldhulp voor de ouders is het deel waar binnen het jeugdbudget niemand voor "
                "betaalt. De regio koopt een resultaat voor het kind in, terwijl de schulden "
                "van het gezin de belangrijkste reden zijn dat dat resultaat niet blijft."
            ),
        ),
    ),
    # Session 3, in preparation: answered in advance, so the chair's grouped page has
    # something under every condition. Ingrid Smit has one submitted answer and one draft.
    ReflectionSpec(
        session=3,
        author=FAMILY,
        perspective=Perspective.family,
        visibility=ReflectionVisibility.session,
        evidence_consent=True,
        question="s3_single_contact",
        submitted_on=date(2026, 11, 21),
        shows_name=False,
        text=Text(
            en=(
                "For a long time I did not know who to call. There were four people, and "
                "each one said: ask the other one. Now we have one coach, and she picks up "
                "the phone. Please tell every family on the first day who their one person "
                "is, and write the name down for them."
            ),
            nl=(
                "Lang wist ik niet wie ik moest bellen. Er waren vier mensen, en iedereen "
                "zei: vraag het de ander. Nu hebben we één coach, en zij neemt de telefoon "
                "op. Vertel elk gezin op de eerste dag wie hun vaste persoon is, en schrijf "
                "de naam voor ze op."
            ),
        ),
    ),
    ReflectionSpec(
        session=3,
        author=FAMILY,
        perspective=Perspective.family,
        visibility=ReflectionVisibility.session,
        evidence_consent=True,
        question="s3_rewrite_mission",
        status=ReflectionStatus.draft,
        shows_name=False,
        text=Text(
            en=(
                "The mission says 'the family is in charge'. In our house it did not feel "
                "like that. I would write: 'we decide together with the family, and we "
                "explain why'. I want to think about this a bit more."
            ),
            nl=(
                "In de missie staat 'het gezin heeft de regie'. Bij ons thuis voelde dat "
                "niet zo. Ik zou schrijven: 'we beslissen samen met het gezin, en we leggen "
                "uit waarom'. Hier wil ik nog even over nadenken."
            ),
        ),
    ),
    ReflectionSpec(
        session=3,
        author=PRACTITIONER_LEIDEN,
        perspective=Perspective.professional,
        visibility=ReflectionVisibility.session,
        evidence_consent=True,
        question="s3_single_contact",
        submitted_on=date(2026, 11, 19),
        text=Text(
            en=(
                "In our team the single contact is whoever did the intake, and we do not "
                "always tell the family. Since September we write the name on the first "
                "page of the family plan. Two families told us it was the first time they "
                "knew who to call."
            ),
            nl=(
                "In ons team is het vaste aanspreekpunt degene die de intake deed, en dat "
                "vertellen we het gezin niet altijd. Sinds september zetten we de naam op "
                "de eerste pagina van het gezinsplan. Twee gezinnen vertelden dat ze voor "
                "het eerst wisten wie ze moesten bellen."
            ),
        ),
    ),
    ReflectionSpec(
        session=3,
        author=POLICYMAKER_LEIDEN,
        perspective=Perspective.local_government,
        visibility=ReflectionVisibility.community,
        evidence_consent=False,
        question="s3_unspoken_interest",
        submitted_on=date(2026, 11, 20),
        text=Text(
            en=(
                "The municipality's interest we rarely say out loud: the youth care budget "
                "is overspent, and any new arrangement has to cost less within two years. "
                "That shapes what we ask of the teams more than the mission does."
            ),
            nl=(
                "Het belang van de gemeente dat we zelden hardop zeggen: het jeugdbudget is "
                "overschreden, en elke nieuwe afspraak moet binnen twee jaar minder kosten. "
                "Dat bepaalt wat we van de teams vragen, meer dan de missie."
            ),
        ),
    ),
    ReflectionSpec(
        session=3,
        author=NURSE_ZWOLLE,
        perspective=Perspective.professional,
        visibility=ReflectionVisibility.session,
        evidence_consent=True,
        question="s3_meaningful_figures",
        submitted_on=date(2026, 11, 19),
        text=Text(
            en=(
                "Families never ask about our caseload numbers. They ask how long it takes "
                "until someone comes, and whether the same person comes back. Those two "
                "figures we do not even collect."
            ),
            nl=(
                "Gezinnen vragen nooit naar onze caseloadcijfers. Ze vragen hoe lang het "
                "duurt voor er iemand komt, en of dezelfde persoon terugkomt. Die twee "
                "cijfers verzamelen we niet eens."
            ),
        ),
    ),
    ReflectionSpec(
        session=3,
        author=POLICYMAKER_GRONINGEN,
        perspective=Perspective.local_government,
        visibility=ReflectionVisibility.private,
        evidence_consent=False,
        question="s3_council_needs",
        submitted_on=date(2026, 11, 21),
        text=Text(
            en=(
                "Honestly: the council looks at hours and waiting times because those are "
                "the figures we have. I would like the facilitator's advice before I say "
                "this in the group."
            ),
            nl=(
                "Eerlijk gezegd: de raad kijkt naar uren en wachttijden, omdat dat de "
                "cijfers zijn die we hebben. Ik wil hier eerst het advies van de "
                "facilitator over voordat ik dit in de groep zeg."
            ),
        ),
    ),
    ReflectionSpec(
        session=3,
        author=POLICYMAKER_ZWOLLE,
        perspective=Perspective.local_government,
        visibility=ReflectionVisibility.session,
        evidence_consent=True,
        question="s3_pilot_stops",
        submitted_on=date(2026, 11, 18),
        text=Text(
            en=(
                "Our pilot fund ends in June. If nothing is decided by March, the "
                "psychiatric nurse's hours go first. The council decides, but only once the "
                "aldermen of Zwolle and Kampen bring a shared proposal, and they have not "
                "met about it yet."
            ),
            nl=(
                "Ons pilotfonds stopt in juni. Als er in maart niets besloten is, "
                "verdwijnen eerst de uren van de sociaal-psychiatrisch verpleegkundige. De "
                "raad beslist, maar pas als de wethouders van Zwolle en Kampen samen een "
                "voorstel doen, en daarover hebben ze nog niet gesproken."
            ),
        ),
    ),
    ReflectionSpec(
        session=3,
        author=ADDICTION_WORKER_DRECHTSTEDEN,
        perspective=Perspective.professional,
        visibility=ReflectionVisibility.session,
        evidence_consent=False,
        question="s3_payment_hinders",
        submitted_on=date(2026, 11, 20),
        shows_name=False,
        text=Text(
            en=(
                "The per-result contract pays for the child's goal. The hours I spend with "
                "a father on his drinking are not a result anyone buys, so I write them "
                "down under something else. That is not honest, and it hides where the "
                "work is."
            ),
            nl=(
                "Het contract per resultaat betaalt voor het doel van het kind. De uren die "
                "ik met een vader aan zijn drankgebruik besteed, zijn geen resultaat dat "
                "iemand inkoopt, dus schrijf ik ze ergens anders op. Dat is niet eerlijk, "
                "en het verbergt waar het werk zit."
            ),
        ),
    ),
)

EVALUATIONS: tuple[EvaluationSpec, ...] = (
    EvaluationSpec(
        session=2,
        person=FAMILY,
        usefulness=4,
        family_voice=5,
        preparation=4,
        come_again=5,
        comment=Text(
            en=(
                "The phone call beforehand helped me a lot. I felt listened to, especially in "
                "the group about monitoring."
            ),
            nl=(
                "Het telefoontje vooraf hielp me erg. Ik voelde me gehoord, vooral in de groep "
                "over monitoring."
            ),
        ),
    ),
    EvaluationSpec(
        session=2,
        person=POLICYMAKER_LEIDEN,
        usefulness=5,
        family_voice=4,
        preparation=4,
        come_again=5,
        comment=Text(
            en=(
                "Hearing how Tilburg agreed on outcomes before money was the most useful part "
                "of the afternoon for me."
            ),
            nl=(
                "Horen hoe Tilburg eerst uitkomsten en pas daarna geld afsprak, was voor mij "
                "het nuttigste deel van de middag."
            ),
        ),
    ),
    EvaluationSpec(
        session=2,
        person=ADDICTION_WORKER_DRECHTSTEDEN,
        usefulness=4,
        family_voice=4,
        preparation=3,
        come_again=4,
        comment=Text(
            en="Good discussions, but the programme was too full to finish the exchange.",
            nl="Goede gesprekken, maar het programma was te vol om de uitwisseling af te ronden.",
        ),
    ),
    EvaluationSpec(
        session=2,
        person=MANAGER_DRECHTSTEDEN,
        usefulness=3,
        family_voice=4,
        preparation=4,
        come_again=4,
        comment=Text(
            en=(
                "As a new manager I would have liked a short briefing on the earlier session "
                "and on our factsheet beforehand."
            ),
            nl=(
                "Als nieuwe manager had ik vooraf graag een korte toelichting gehad op de "
                "vorige sessie en op onze factsheet."
            ),
        ),
    ),
    EvaluationSpec(
        session=2,
        person=POLICYMAKER_GRONINGEN,
        usefulness=4,
        family_voice=3,
        preparation=5,
        come_again=4,
        comment=Text(
            en=(
                "Well organised. With one family representative absent, the families' view "
                "was less present in the afternoon groups."
            ),
            nl=(
                "Goed georganiseerd. Omdat één ervaringsdeskundige afwezig was, klonk het "
                "perspectief van gezinnen 's middags minder door in de groepen."
            ),
        ),
    ),
)


# Most of the other participants of sessions 1 and 2 answered too (enough for the charts and
# for a breakdown by role): session, person, preparation, usefulness, family voice, come
# again, and a comment in English and Dutch ("" for none).
_MORE_EVALUATIONS: tuple[tuple[int, str, int, int, int, int, str, str], ...] = (
    (
        1,
        FAMILY,
        3,
        4,
        3,
        5,
        "I did not always know when I could speak. A sign from the chair would help.",
        "Ik wist niet altijd wanneer ik iets mocht zeggen. Een teken van de voorzitter zou helpen.",
    ),
    (
        1,
        FAMILY_LARGE_PRINT,
        3,
        3,
        4,
        4,
        "Please send the papers in large print next time.",
        "Stuur de papieren de volgende keer graag in grote letters.",
    ),
    (1, POLICYMAKER_LEIDEN, 4, 4, 3, 5, "", ""),
    (
        1,
        MANAGER_LEIDEN,
        4,
        5,
        3,
        5,
        "Comparing five initiatives side by side was new for us.",
        "Vijf initiatieven naast elkaar zien was nieuw voor ons.",
    ),
    (1, PRACTITIONER_LEIDEN, 3, 4, 4, 4, "", ""),
    (1, PSYCHIATRIST_LEIDEN, 3, 3, 3, 3, "", ""),
    (1, POLICYMAKER_DRECHTSTEDEN, 4, 3, 2, 4, "", ""),
    (1, FORMER_MANAGER_DRECHTSTEDEN, 4, 4, 3, 4, "", ""),
    (1, ADDICTION_WORKER_DRECHTSTEDEN, 3, 4, 3, 5, "", ""),
    (1, POLICYMAKER_ZWOLLE, 5, 4, 3, 5, "", ""),
    (1, MANAGER_ZWOLLE, 4, 4, 4, 4, "", ""),
    (
        1,
        NURSE_ZWOLLE,
        3,
        5,
        4,
        5,
        "The case round was the best part.",
        "De casusronde was het beste deel.",
    ),
    (1, SOCIAL_WORKER_ZWOLLE, 3, 4, 3, 4, "", ""),
    (1, POLICYMAKER_GRONINGEN, 4, 3, 3, 4, "", ""),
    (
        1,
        MANAGER_GRONINGEN,
        4,
        4,
        2,
        3,
        "The families' view came too late in the day.",
        "Het perspectief van gezinnen kwam te laat op de dag aan bod.",
    ),
    (1, THERAPIST_GRONINGEN, 3, 4, 3, 4, "", ""),
    (1, MANAGER_TILBURG, 4, 5, 3, 5, "", ""),
    (
        1,
        SCHOOL_SOCIAL_WORKER_TILBURG,
        2,
        3,
        3,
        3,
        "The invitation came late; I could not read the factsheets.",
        "De uitnodiging kwam laat; ik kon de factsheets niet lezen.",
    ),
    (2, MANAGER_LEIDEN, 5, 4, 4, 5, "", ""),
    (
        2,
        PRACTITIONER_LEIDEN,
        4,
        5,
        5,
        5,
        "Ingrid's story made the monitoring discussion concrete.",
        "Het verhaal van Ingrid maakte het gesprek over monitoring concreet.",
    ),
    (2, PSYCHIATRIST_LEIDEN, 4, 4, 4, 4, "", ""),
    (2, POLICYMAKER_DRECHTSTEDEN, 4, 5, 4, 5, "", ""),
    (2, PSYCHOLOGIST_DRECHTSTEDEN, 3, 4, 4, 4, "", ""),
    (2, POLICYMAKER_ZWOLLE, 5, 5, 4, 5, "", ""),
    (2, MANAGER_ZWOLLE, 4, 4, 5, 5, "", ""),
    (2, NURSE_ZWOLLE, 4, 5, 5, 5, "", ""),
    (2, SOCIAL_WORKER_ZWOLLE, 4, 4, 4, 4, "", ""),
    (2, MANAGER_GRONINGEN, 4, 3, 3, 4, "", ""),
    (2, THERAPIST_GRONINGEN, 5, 4, 4, 5, "", ""),
    (2, BEHAVIOURAL_SCIENTIST_GRONINGEN, 4, 4, 3, 4, "", ""),
    (
        2,
        POLICYMAKER_TILBURG,
        4,
        5,
        4,
        5,
        "Good to catch up after missing the first session.",
        "Fijn om bij te praten na het missen van de eerste sessie.",
    ),
    (2, MANAGER_TILBURG, 5, 4, 4, 5, "", ""),
    (2, SCHOOL_SOCIAL_WORKER_TILBURG, 4, 4, 5, 4, "", ""),
)
EVALUATIONS += tuple(
    EvaluationSpec(
        session=session,
        person=person,
        preparation=preparation,
        usefulness=usefulness,
        family_voice=family_voice,
        come_again=come_again,
        comment=Text(en=en, nl=nl),
    )
    for session, person, preparation, usefulness, family_voice, come_again, en, nl in (
        _MORE_EVALUATIONS
    )
)

# Ingrid Smit answered the consent question on her reflection page (both choices); Ricardo
# Martina has not answered it yet, so his page asks him first.
CONSENTS: tuple[ConsentSpec, ...] = tuple(
    ConsentSpec(
        person=FAMILY,
        purpose=purpose,
        wording_version=WORDING_VERSION,
        given_on=date(2026, 11, 19),
        given_at=time(19, 40),
    )
    for purpose in (READ_BY_PARTICIPANTS, QUOTED_AS_EVIDENCE)
)
