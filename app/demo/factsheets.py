"""The demo factsheets: for every initiative, a published one for session 2 and a draft for session 3.

Session 2 has been held, so its factsheet was published two weeks before the session day
(T-2 in the session cycle). Session 3 is being prepared: its draft carries session 2's text
forward and revises two or three sections, so "what changed since session 2" shows real,
readable differences. Three drafts are still with the practitioner-researcher; two are
being checked by their initiative (in review).

The texts are pure data, every one a ``Text(en, nl)``. The quotes are not: they are chosen
in the database after the evidence has been seeded, by one rule a practitioner-researcher
would follow: for each section, the (at most two) newest excerpts of the initiative's own
evidence that are tagged with the section's condition, have consent to be quoted and were
observed before the factsheet went out. A condition without such an excerpt gets no quote.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from app.community.models import LearningCommunity
from app.demo import content
from app.demo.content import DRECHTSTEDEN, GRONINGEN, LEIDEN, TILBURG, ZWOLLE, Text
from app.evidence.models import EvidenceCondition, EvidenceItem
from app.factsheets import service
from app.factsheets.models import Factsheet
from app.factsheets.schemas import SectionUpdate, SummaryUpdate
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.vocabulary import FactsheetStatus, IntegrationLevel, PartnershipCondition

PUBLISHED_SESSION = 2
DRAFT_SESSION = content.SESSION_IN_PREPARATION
MAX_QUOTES = 2
# Factsheets go out two weeks before the session (step 6 of the session cycle).
PUBLISHED_BEFORE_SESSION = timedelta(weeks=2)
PUBLISHED_AT = time(10, 0)  # local time in content.TIMEZONE

_MONITORING = PartnershipCondition.monitoring
_SHARED_VISION = PartnershipCondition.shared_vision
_ROLES = PartnershipCondition.roles
_FINANCING = PartnershipCondition.financing

_SYSTEM = IntegrationLevel.system
_ORGANISATIONAL = IntegrationLevel.organisational
_PROFESSIONAL = IntegrationLevel.professional
_CLINICAL = IntegrationLevel.clinical


# --------------------------------------------------------------------------------------
# Shapes
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """The analysis of one partnership condition in the published factsheet."""

    condition: PartnershipCondition
    analysis: Text  # 4-7 sentences
    facilitators: Text  # 2-3 sentences: what helps
    barriers: Text  # 2-3 sentences: what hinders
    levels: tuple[IntegrationLevel, ...]  # 1-3 levels the section touches


@dataclass(frozen=True, slots=True)
class Edit:
    """One passage of the earlier text (usually a sentence) and what it becomes."""

    before: Text
    after: Text


def replace(before: Text, after: Text) -> Edit:
    return Edit(before=before, after=after)


def add_after(anchor: Text, sentence: Text) -> Edit:
    """Keep ``anchor`` and add ``sentence`` right after it."""
    return Edit(
        before=anchor,
        after=Text(en=f"{anchor.en} {sentence.en}", nl=f"{anchor.nl} {sentence.nl}"),
    )


@dataclass(frozen=True, slots=True)
class RevisionSpec:
    """How one section changed between the published factsheet and the next session's draft."""

    condition: PartnershipCondition
    edits: tuple[Edit, ...]  # applied to the analysis
    facilitators: Text | None = None  # None: unchanged
    barriers: Text | None = None
    levels: tuple[IntegrationLevel, ...] | None = None


@dataclass(frozen=True, slots=True)
class FactsheetSpec:
    initiative: str  # an initiative key of app.demo.content
    summary: Text  # plain language (B1), 4-6 short sentences, for family representatives
    sections: tuple[SectionSpec, ...]  # one per condition
    revisions: tuple[RevisionSpec, ...]  # two or three sections revised for the next session
    draft_status: FactsheetStatus  # where the next session's factsheet stands
    summary_edits: tuple[Edit, ...] = ()

    def __post_init__(self) -> None:
        conditions = [section.condition for section in self.sections]
        if sorted(conditions) != sorted(PartnershipCondition):
            raise ValueError(f"{self.initiative}: one section per condition, got {conditions}")
        revised = [revision.condition for revision in self.revisions]
        if len(set(revised)) != len(revised) or not 2 <= len(revised) <= 3:
            raise ValueError(f"{self.initiative}: revise two or three sections, got {revised}")
        if self.draft_status not in service.EDITABLE:
            raise ValueError(f"{self.initiative}: the next factsheet is a draft or in review")


# --------------------------------------------------------------------------------------
# Gezinsteam Plus Leidse Regio
# --------------------------------------------------------------------------------------

_LEIDEN_WAITING = Text(
    en=(
        "The municipalities of Leiden, Oegstgeest and Leiderdorp use the dashboard to account "
        "for the lump-sum subsidy; in the first quarter of 2026 the median time from referral "
        "to the first home visit was 9.5 weeks."
    ),
    nl=(
        "De gemeenten Leiden, Oegstgeest en Leiderdorp gebruiken het dashboard als "
        "verantwoording voor de lumpsumsubsidie; in het eerste kwartaal van 2026 was de "
        "mediane tijd van aanmelding tot het eerste huisbezoek 9,5 week."
    ),
)
_LEIDEN_FORM = Text(
    en=(
        "Only 41% of families returned the three-month evaluation, and the interviews suggest "
        "why: the form asks for a score on contact and satisfaction, while families value not "
        "having to repeat their story and having one plan for parent and child."
    ),
    nl=(
        "Slechts 41% van de gezinnen vulde de evaluatie na drie maanden in, en de interviews "
        "laten zien waarom: het formulier vraagt om een cijfer voor contact en tevredenheid, "
        "terwijl gezinnen vooral waarderen dat ze hun verhaal niet opnieuw hoeven te vertellen "
        "en dat er één plan is voor ouder en kind."
    ),
)
_LEIDEN_COORDINATOR = Text(
    en=(
        "What is missing is an explicit choice of one coordinator per family, recorded in the "
        "plan and known to the family, including who takes over during holidays and sick leave."
    ),
    nl=(
        "Wat ontbreekt, is een uitgesproken keuze voor één coördinator per gezin, vastgelegd in "
        "het plan en bekend bij het gezin, inclusief wie het overneemt tijdens vakanties en "
        "ziekte."
    ),
)
_LEIDEN_SUMMARY_FORM = Text(
    en="The form after three months does not ask what families find important.",
    nl="Het formulier na drie maanden vraagt niet naar wat gezinnen belangrijk vinden.",
)

LEIDEN_FACTSHEET = FactsheetSpec(
    initiative=LEIDEN,
    summary=Text(
        en=(
            "Gezinsteam Plus helps families in Leiden, Oegstgeest and Leiderdorp where a parent "
            "and a child both have problems. One team works with the whole family. Parents tell "
            "us they no longer have to tell their story again and again. But it is not always "
            f"clear who the family's contact person is. {_LEIDEN_SUMMARY_FORM.en} Help for a "
            "parent without a diagnosis is hard to pay for."
        ),
        nl=(
            "Gezinsteam Plus helpt gezinnen in Leiden, Oegstgeest en Leiderdorp waarin een ouder "
            "en een kind allebei problemen hebben. Eén team werkt met het hele gezin. Ouders "
            "vertellen dat ze hun verhaal niet steeds opnieuw hoeven te vertellen. Maar het is "
            "niet altijd duidelijk wie de contactpersoon van het gezin is. "
            f"{_LEIDEN_SUMMARY_FORM.nl} Hulp aan een ouder zonder diagnose is moeilijk te "
            "betalen."
        ),
    ),
    sections=(
        SectionSpec(
            condition=_MONITORING,
            analysis=Text(
                en=(
                    "Gezinsteam Plus has two monitoring instruments: a quarterly caseload "
                    "dashboard (number of families, waiting time, case mix) and a written family "
                    "evaluation three months after the start of support. "
                    f"{_LEIDEN_WAITING.en} {_LEIDEN_FORM.en} Practitioners rarely look at the "
                    "dashboard in case discussions; they experience it as a report for the "
                    "municipalities rather than a tool for the team. The adult psychiatrist's "
                    "work is registered in the health insurer's system and does not appear in "
                    "the dashboard at all, so the figures show only part of what the team does."
                ),
                nl=(
                    "Gezinsteam Plus heeft twee monitoringinstrumenten: een kwartaaldashboard van "
                    "de caseload (aantal gezinnen, wachttijd, samenstelling) en een schriftelijke "
                    "gezinsevaluatie drie maanden na de start van de hulp. "
                    f"{_LEIDEN_WAITING.nl} {_LEIDEN_FORM.nl} Professionals kijken in "
                    "casusbesprekingen zelden naar het dashboard; ze ervaren het als een "
                    "rapportage voor de gemeenten en niet als een instrument voor het team. Het "
                    "werk van de volwassenenpsychiater wordt geregistreerd in het systeem van de "
                    "zorgverzekeraar en komt in het dashboard helemaal niet voor, zodat de "
                    "cijfers maar een deel laten zien van wat het team doet."
                ),
            ),
            facilitators=Text(
                en=(
                    "The dashboard is delivered reliably every quarter and is discussed by the "
                    "municipalities and the team manager. The family coach already has a natural "
                    "moment to speak with every family three months after the start."
                ),
                nl=(
                    "Het dashboard is elk kwartaal betrouwbaar beschikbaar en wordt door de "
                    "gemeenten en de teammanager besproken. De gezinscoach heeft na drie maanden "
                    "al een vanzelfsprekend moment om elk gezin te spreken."
                ),
            ),
            barriers=Text(
                en=(
                    "The family evaluation asks about things families do not see as important, "
                    "and fewer than half of the families return it. Two registration systems, the "
                    "municipal dashboard and the insurer's declarations, each show only half of "
                    "the picture."
                ),
                nl=(
                    "De gezinsevaluatie vraagt naar zaken die gezinnen zelf niet belangrijk "
                    "vinden, en minder dan de helft van de gezinnen vult haar in. Twee "
                    "registratiesystemen, het gemeentelijke dashboard en de declaraties bij de "
                    "verzekeraar, laten elk maar de helft van het beeld zien."
                ),
            ),
            levels=(_ORGANISATIONAL, _CLINICAL),
        ),
        SectionSpec(
            condition=_SHARED_VISION,
            analysis=Text(
                en=(
                    "The partners share a clear starting point: a family in which a parent and a "
                    "child both have mental-health problems needs one team that looks at the "
                    "whole family, not two separate treatment trajectories. In case discussions, "
                    "the child psychiatrist and the adult psychiatrist increasingly formulate one "
                    "goal for the family, and the ID behavioural scientist is involved early when "
                    "a parent's intellectual disability affects how the plan is understood. Below "
                    "that shared starting point, the organisations' interests differ: the "
                    "youth-care provider accounts to the three municipalities for the lump sum, "
                    "while the mental-health trust has to show the insurer care based on a "
                    "diagnosis. These interests have not yet been discussed openly in the "
                    "steering group, so each partner assumes the other's constraints rather than "
                    "knowing them. Families describe the added value in their own words, such as "
                    "not having to tell their story again, but this is not yet part of how the "
                    "partners define success."
                ),
                nl=(
                    "De partners delen een helder vertrekpunt: een gezin waarin een ouder en een "
                    "kind allebei psychische problemen hebben, heeft één team nodig dat naar het "
                    "hele gezin kijkt, niet twee losse behandeltrajecten. In casusbesprekingen "
                    "formuleren de kinder- en jeugdpsychiater en de volwassenenpsychiater steeds "
                    "vaker één doel voor het gezin, en de gedragswetenschapper wordt vroeg "
                    "betrokken als de verstandelijke beperking van een ouder bepaalt hoe het plan "
                    "wordt begrepen. Onder dat gedeelde vertrekpunt lopen de belangen van de "
                    "organisaties uiteen: de jeugdhulpaanbieder legt aan de drie gemeenten "
                    "verantwoording af over de lumpsum, terwijl de ggz-instelling aan de "
                    "verzekeraar zorg op basis van een diagnose moet laten zien. Over die belangen "
                    "is in de stuurgroep nog niet open gesproken, zodat elke partner de "
                    "beperkingen van de ander veronderstelt in plaats van kent. Gezinnen "
                    "beschrijven de meerwaarde in hun eigen woorden, bijvoorbeeld dat ze hun "
                    "verhaal niet opnieuw hoeven te vertellen, maar dat maakt nog geen deel uit "
                    "van hoe de partners succes omschrijven."
                ),
            ),
            facilitators=Text(
                en=(
                    "All partners recognise why the team was formed: several families had stalled "
                    "between separate services. Joint case discussions with both psychiatrists at "
                    "the table make differences in view visible and open to discussion."
                ),
                nl=(
                    "Alle partners herkennen waarom het team is opgericht: meerdere gezinnen "
                    "liepen vast tussen losse aanbieders. Gezamenlijke casusbesprekingen met "
                    "beide psychiaters aan tafel maken verschillen in visie zichtbaar en "
                    "bespreekbaar."
                ),
            ),
            barriers=Text(
                en=(
                    "The organisations' different lines of accountability, to the municipalities "
                    "and to the insurer, are not discussed openly. Success is described in terms "
                    "of production and waiting time, not in terms families recognise."
                ),
                nl=(
                    "De verschillende verantwoordingslijnen van de organisaties, naar de "
                    "gemeenten en naar de verzekeraar, worden niet open besproken. Succes wordt "
                    "omschreven in productie en wachttijd, niet in termen die gezinnen herkennen."
                ),
            ),
            levels=(_ORGANISATIONAL, _PROFESSIONAL),
        ),
        SectionSpec(
            condition=_ROLES,
            analysis=Text(
                en=(
                    "The team agreed that the family coach is a family's first point of contact, "
                    "but in practice whoever makes the first home visit becomes the lead. In a "
                    "case discussion in February, three team members each described themselves "
                    "as the mother's main contact, and nobody could say whom the family would "
                    "call when the 15-year-old was suspended from school. Between the two "
                    "psychiatrists the division of roles is clearer: the child psychiatrist leads "
                    "on the child's treatment, the adult psychiatrist on the parent's, and they "
                    "coordinate in the weekly team meeting. "
                    f"{_LEIDEN_COORDINATOR.en}"
                ),
                nl=(
                    "Het team heeft afgesproken dat de gezinscoach het eerste aanspreekpunt van "
                    "een gezin is, maar in de praktijk krijgt degene die het eerste huisbezoek "
                    "doet de regie. In een casusbespreking in februari noemden drie teamleden "
                    "zichzelf het belangrijkste aanspreekpunt van de moeder, en niemand kon "
                    "zeggen wie het gezin zou bellen toen de 15-jarige van school werd geschorst. "
                    "Tussen de twee psychiaters is de rolverdeling duidelijker: de kinder- en "
                    "jeugdpsychiater heeft de regie over de behandeling van het kind, de "
                    "volwassenenpsychiater over die van de ouder, en zij stemmen af in het "
                    f"wekelijkse teamoverleg. {_LEIDEN_COORDINATOR.nl}"
                ),
            ),
            facilitators=Text(
                en=(
                    "A weekly team meeting in which all four disciplines take part. The family "
                    "coach role was designed from the start as a coordinating role."
                ),
                nl=(
                    "Een wekelijks teamoverleg waaraan alle vier de disciplines deelnemen. De rol "
                    "van gezinscoach is vanaf het begin als coördinerende rol bedoeld."
                ),
            ),
            barriers=Text(
                en=(
                    "Who leads depends on who happens to make the first visit, not on an "
                    "agreement. There is no arrangement for absence, so families fall back on the "
                    "organisations' switchboards."
                ),
                nl=(
                    "Wie de regie heeft, hangt af van wie toevallig het eerste bezoek doet, niet "
                    "van een afspraak. Er is geen regeling voor afwezigheid, waardoor gezinnen "
                    "terugvallen op de centrale telefoonnummers van de organisaties."
                ),
            ),
            levels=(_PROFESSIONAL, _CLINICAL),
        ),
        SectionSpec(
            condition=_FINANCING,
            analysis=Text(
                en=(
                    "The municipalities of Leiden, Oegstgeest and Leiderdorp fund the team with a "
                    "lump-sum subsidy, which gives it room for coordination, home visits and "
                    "consultation without declaring each activity separately. The adult "
                    "psychiatrist's time, however, is billed to the health insurer under a "
                    "diagnosis of the parent. When a parent has no diagnosis, or does not want "
                    "one, that part of the support falls outside both budgets: the lump sum is "
                    "meant for youth support and the insurer only pays for care linked to a "
                    "diagnosis. The team currently solves this informally, which relies on the "
                    "psychiatrist's goodwill and on trust between the organisations rather than "
                    "on an agreement. The subsidy is granted per calendar year, and the "
                    "municipalities have indicated that the decision for 2027 will draw on the "
                    "dashboard figures, which do not show the parents' side of the work."
                ),
                nl=(
                    "De gemeenten Leiden, Oegstgeest en Leiderdorp financieren het team met een "
                    "lumpsumsubsidie, die ruimte geeft voor coördinatie, huisbezoeken en "
                    "consultatie zonder elke activiteit apart te declareren. De tijd van de "
                    "volwassenenpsychiater wordt echter op basis van een diagnose van de ouder "
                    "bij de zorgverzekeraar gedeclareerd. Heeft een ouder geen diagnose, of wil "
                    "hij of zij die niet, dan valt dat deel van de hulp buiten beide budgetten: "
                    "de lumpsum is bedoeld voor jeugdhulp en de verzekeraar betaalt alleen zorg "
                    "die aan een diagnose is gekoppeld. Het team lost dit nu informeel op, wat "
                    "leunt op de goodwill van de psychiater en op vertrouwen tussen de "
                    "organisaties in plaats van op een afspraak. De subsidie wordt per "
                    "kalenderjaar verleend, en de gemeenten hebben aangegeven dat het besluit "
                    "voor 2027 mede op de dashboardcijfers steunt, terwijl die het werk met "
                    "ouders niet laten zien."
                ),
            ),
            facilitators=Text(
                en=(
                    "The lump sum leaves room for coordination and joint home visits. The "
                    "policymaker of Leiden recognises the gap and takes an active part in the "
                    "learning community."
                ),
                nl=(
                    "De lumpsum laat ruimte voor coördinatie en gezamenlijke huisbezoeken. De "
                    "beleidsmaker van Leiden herkent het gat en neemt actief deel aan de "
                    "leerkring."
                ),
            ),
            barriers=Text(
                en=(
                    "Two funding streams with different logics: a subsidy for the team and "
                    "insured care per diagnosis for parents. Support for parents without a "
                    "diagnosis is invisible in both budgets."
                ),
                nl=(
                    "Twee geldstromen met een verschillende logica: een subsidie voor het team en "
                    "verzekerde zorg per diagnose voor ouders. Hulp aan ouders zonder diagnose is "
                    "in beide budgetten onzichtbaar."
                ),
            ),
            levels=(_SYSTEM, _ORGANISATIONAL),
        ),
    ),
    revisions=(
        RevisionSpec(
            condition=_MONITORING,
            edits=(
                replace(
                    _LEIDEN_WAITING,
                    Text(
                        en=(
                            "The municipalities of Leiden, Oegstgeest and Leiderdorp use the "
                            "dashboard to account for the lump-sum subsidy; the median time from "
                            "referral to the first home visit fell from 9.5 weeks in the first "
                            "quarter of 2026 to 7 weeks in the third."
                        ),
                        nl=(
                            "De gemeenten Leiden, Oegstgeest en Leiderdorp gebruiken het "
                            "dashboard als verantwoording voor de lumpsumsubsidie; de mediane tijd "
                            "van aanmelding tot het eerste huisbezoek daalde van 9,5 week in het "
                            "eerste kwartaal van 2026 naar 7 weken in het derde."
                        ),
                    ),
                ),
                replace(
                    _LEIDEN_FORM,
                    Text(
                        en=(
                            "Because families did not recognise what mattered to them in the "
                            "form's scores, the family coach has phoned every family at three "
                            "months since September, asking what has changed for them and what "
                            "the team should do differently; the response rose from 45% in the "
                            "second quarter to 58% in the third, and the answers are discussed "
                            "in the quarterly team meeting."
                        ),
                        nl=(
                            "Omdat gezinnen in de cijfers van het formulier niet terugzagen wat "
                            "voor hen telde, belt de gezinscoach sinds september elk gezin na drie "
                            "maanden, met de vragen wat er voor hen veranderd is en wat het team "
                            "anders moet doen; de respons steeg van 45% in het tweede kwartaal "
                            "naar 58% in het derde, en de antwoorden worden besproken in het "
                            "kwartaaloverleg van het team."
                        ),
                    ),
                ),
            ),
            facilitators=Text(
                en=(
                    "The phone call at three months gives families room to say in their own "
                    "words what has changed. The dashboard is delivered reliably every quarter "
                    "and is discussed by the municipalities and the team manager."
                ),
                nl=(
                    "Het telefoongesprek na drie maanden geeft gezinnen ruimte om in hun eigen "
                    "woorden te zeggen wat er veranderd is. Het dashboard is elk kwartaal "
                    "betrouwbaar beschikbaar en wordt door de gemeenten en de teammanager "
                    "besproken."
                ),
            ),
            barriers=Text(
                en=(
                    "The dashboard is still experienced as a report for the municipalities rather "
                    "than a tool for the team. Two registration systems, the municipal dashboard "
                    "and the insurer's declarations, each show only half of the picture."
                ),
                nl=(
                    "Het dashboard wordt nog steeds ervaren als rapportage voor de gemeenten en "
                    "niet als instrument voor het team. Twee registratiesystemen, het "
                    "gemeentelijke dashboard en de declaraties bij de verzekeraar, laten elk maar "
                    "de helft van het beeld zien."
                ),
            ),
        ),
        RevisionSpec(
            condition=_ROLES,
            edits=(
                add_after(
                    _LEIDEN_COORDINATOR,
                    Text(
                        en=(
                            "Since session 2 the manager has brought a related question to the "
                            "learning community: the youth-care provider and the mental-health "
                            "trust still run separate intakes, so a family referred by the GP "
                            "enters through the trust and a family referred by the school through "
                            "the youth-care provider, and their first weeks differ accordingly."
                        ),
                        nl=(
                            "Sinds sessie 2 heeft de manager een verwante vraag ingebracht in de "
                            "leerkring: de jeugdhulpaanbieder en de ggz-instelling hebben nog elk "
                            "een eigen intake, zodat een gezin dat via de huisarts komt bij de ggz "
                            "binnenkomt en een gezin dat via school komt bij de jeugdhulp, en de "
                            "eerste weken daardoor anders verlopen."
                        ),
                    ),
                ),
            ),
            levels=(_PROFESSIONAL, _CLINICAL, _ORGANISATIONAL),
        ),
    ),
    summary_edits=(
        replace(
            _LEIDEN_SUMMARY_FORM,
            Text(
                en=(
                    "Since September, the family coach phones after three months instead of "
                    "sending a form, and more families now say what they think."
                ),
                nl=(
                    "Sinds september belt de gezinscoach na drie maanden in plaats van een "
                    "formulier te sturen, en nu zeggen meer gezinnen wat ze ervan vinden."
                ),
            ),
        ),
    ),
    draft_status=FactsheetStatus.in_review,
)

# --------------------------------------------------------------------------------------
# Samen1Plan Drechtsteden
# --------------------------------------------------------------------------------------

_DRECHTSTEDEN_FIRST_QUARTER = Text(
    en=(
        "In the first quarter of 2026, 38 trajectories were closed with a mean T-score of 52 and "
        "a mean length of 7.4 months."
    ),
    nl=(
        "In het eerste kwartaal van 2026 werden 38 trajecten afgesloten, met een gemiddelde "
        "T-score van 52 en een gemiddelde duur van 7,4 maanden."
    ),
)
_DRECHTSTEDEN_SAFE_GOALS = Text(
    en=(
        "Goals that take longer than one trajectory, such as becoming debt-free, are often left "
        "out, so the scores look good while the plan misses what weighs most on the family."
    ),
    nl=(
        "Doelen die langer duren dan één traject, zoals schuldenvrij worden, blijven vaak buiten "
        "het plan, zodat de scores er goed uitzien terwijl het plan mist wat het zwaarst weegt "
        "voor het gezin."
    ),
)
_DRECHTSTEDEN_NEW_MANAGER = Text(
    en=(
        "The change of manager in May 2026 means that the agreements made in session 1 have to "
        "be made again with someone new."
    ),
    nl=(
        "Door de wisseling van manager in mei 2026 moeten de afspraken uit sessie 1 opnieuw "
        "worden gemaakt met iemand die er toen niet bij was."
    ),
)
_DRECHTSTEDEN_REGION_OPEN = Text(
    en=(
        "The region has said it is willing to look at the conditions of the contract if the "
        "partners come with a concrete proposal."
    ),
    nl=(
        "De regio heeft laten weten bereid te zijn naar de voorwaarden van het contract te kijken "
        "als de partners met een concreet voorstel komen."
    ),
)
_DRECHTSTEDEN_SUMMARY_DEBTS = Text(
    en="Debts are often left out of the plan, while they worry families most.",
    nl=(
        "Schulden blijven vaak buiten het plan, terwijl gezinnen zich daar de meeste zorgen over "
        "maken."
    ),
)

DRECHTSTEDEN_FACTSHEET = FactsheetSpec(
    initiative=DRECHTSTEDEN,
    summary=Text(
        en=(
            "Samen1Plan gives a family one plan and one team. Families like that they no longer "
            "get separate plans. The family chooses its own coordinator. The team is paid more "
            "when goals are reached. Because of that, goals are sometimes chosen that are easy "
            f"to reach. {_DRECHTSTEDEN_SUMMARY_DEBTS.en}"
        ),
        nl=(
            "Samen1Plan geeft een gezin één plan en één team. Gezinnen vinden het fijn dat ze "
            "geen losse plannen meer krijgen. Het gezin kiest zelf zijn coördinator. Het team "
            "krijgt meer geld als doelen gehaald worden. Daardoor worden soms doelen gekozen die "
            f"makkelijk te halen zijn. {_DRECHTSTEDEN_SUMMARY_DEBTS.nl}"
        ),
    ),
    sections=(
        SectionSpec(
            condition=_MONITORING,
            analysis=Text(
                en=(
                    "Samen1Plan monitors every family with goal-attainment scaling at the start "
                    "and at closure, and records the length of each trajectory. "
                    f"{_DRECHTSTEDEN_FIRST_QUARTER.en} Because the result fee depends on the "
                    "score at closure, the same figures are used both to learn and to pay, and "
                    "practitioners say this influences which goals are written down. "
                    f"{_DRECHTSTEDEN_SAFE_GOALS.en} The figures are reported to the Drechtsteden "
                    "region but hardly discussed within the team, where they are seen as the "
                    "region's figures rather than the team's own."
                ),
                nl=(
                    "Samen1Plan volgt elk gezin met goal-attainment scaling bij de start en bij "
                    "afsluiting, en registreert de duur van elk traject. "
                    f"{_DRECHTSTEDEN_FIRST_QUARTER.nl} Omdat de resultaatvergoeding afhangt van de "
                    "score bij afsluiting, dienen dezelfde cijfers zowel om te leren als om te "
                    "betalen, en professionals zeggen dat dit bepaalt welke doelen er worden "
                    f"opgeschreven. {_DRECHTSTEDEN_SAFE_GOALS.nl} De cijfers gaan naar de regio "
                    "Drechtsteden, maar worden in het team nauwelijks besproken; daar gelden ze "
                    "als cijfers van de regio en niet als die van het team zelf."
                ),
            ),
            facilitators=Text(
                en=(
                    "Goal-attainment scaling makes the family's goals explicit and measurable "
                    "from the first conversation. The quarterly report gives the team and the "
                    "region a regular moment to talk about results."
                ),
                nl=(
                    "Goal-attainment scaling maakt de doelen van het gezin vanaf het eerste "
                    "gesprek expliciet en meetbaar. De kwartaalrapportage geeft het team en de "
                    "regio een vast moment om over resultaten te praten."
                ),
            ),
            barriers=Text(
                en=(
                    "Linking the result fee to the score at closure invites 'safe' goals. What "
                    "families themselves find most important, and goals that need more than one "
                    "trajectory, are not captured."
                ),
                nl=(
                    "Door de resultaatvergoeding aan de score bij afsluiting te koppelen, ligt de "
                    "keuze voor 'veilige' doelen voor de hand. Wat gezinnen zelf het belangrijkst "
                    "vinden, en doelen die meer dan één traject nodig hebben, worden niet "
                    "vastgelegd."
                ),
            ),
            levels=(_PROFESSIONAL, _SYSTEM),
        ),
        SectionSpec(
            condition=_SHARED_VISION,
            analysis=Text(
                en=(
                    "All partners subscribe to 'one family, one plan, one team', and families "
                    "recognise it: they no longer receive separate plans from youth care, "
                    "addiction care and debt counselling. Under that shared slogan, the partners' "
                    "interests differ more than is said out loud. The addiction-care provider and "
                    "the youth-care provider each have to cover their own staff costs from the "
                    "fixed fee and the result fee, and the debt counsellor's work with parents "
                    "does not fit the youth budget from which the contract is paid. Practitioners "
                    "experience a tension between what the family wants and what earns a result "
                    "fee, and they feel they have to resolve it on their own in each plan. "
                    f"{_DRECHTSTEDEN_NEW_MANAGER.en}"
                ),
                nl=(
                    "Alle partners onderschrijven 'één gezin, één plan, één team', en gezinnen "
                    "herkennen dat: ze krijgen geen losse plannen meer van jeugdhulp, "
                    "verslavingszorg en schuldhulpverlening. Onder die gedeelde slogan lopen de "
                    "belangen van de partners verder uiteen dan hardop wordt gezegd. De "
                    "verslavingszorgaanbieder en de jeugdhulpaanbieder moeten elk hun eigen "
                    "personeelskosten dekken uit het vaste tarief en de resultaatvergoeding, en "
                    "het werk van de schuldhulpverlener met ouders past niet in het jeugdbudget "
                    "waaruit het contract wordt betaald. Professionals ervaren een spanning "
                    "tussen wat het gezin wil en wat een resultaatvergoeding oplevert, en hebben "
                    "het gevoel dat ze die in elk plan zelf moeten oplossen. "
                    f"{_DRECHTSTEDEN_NEW_MANAGER.nl}"
                ),
            ),
            facilitators=Text(
                en=(
                    "'One family, one plan' is a principle that practitioners, the region and "
                    "families all recognise. All four disciplines discuss families together."
                ),
                nl=(
                    "'Eén gezin, één plan' is een principe dat professionals, de regio en "
                    "gezinnen allemaal herkennen. Alle vier de disciplines bespreken gezinnen "
                    "samen."
                ),
            ),
            barriers=Text(
                en=(
                    "The partners have not made their financial interests in the contract "
                    "transparent to each other. The change of manager interrupted the continuity "
                    "of the steering group."
                ),
                nl=(
                    "De partners hebben hun financiële belangen in het contract niet voor elkaar "
                    "inzichtelijk gemaakt. De wisseling van manager heeft de continuïteit in de "
                    "stuurgroep onderbroken."
                ),
            ),
            levels=(_ORGANISATIONAL, _SYSTEM),
        ),
        SectionSpec(
            condition=_ROLES,
            analysis=Text(
                en=(
                    "The four disciplines work from one plan, but in practice they still schedule "
                    "their own contacts. In May the addiction care worker and the parenting coach "
                    "both planned a home visit to the same father in one week, and he said he had "
                    "to tell everything twice. The team then agreed that the debt counsellor "
                    "would coordinate, because the debts worried the father most. From this "
                    "experience the team developed a way of working in which the family chooses "
                    "its coordinator in the first conversation, whatever that person's "
                    "discipline. The approach fits the families' perspective well, but there is "
                    "no arrangement yet for when the chosen coordinator is away."
                ),
                nl=(
                    "De vier disciplines werken vanuit één plan, maar plannen in de praktijk nog "
                    "hun eigen contacten. In mei hadden de verslavingszorgmedewerker en de "
                    "opvoedcoach allebei in dezelfde week een huisbezoek bij dezelfde vader "
                    "gepland, en hij zei dat hij alles twee keer moest vertellen. Het team sprak "
                    "daarop af dat de schuldhulpverlener zou coördineren, omdat de schulden de "
                    "vader de meeste zorgen gaven. Vanuit die ervaring ontwikkelde het team een "
                    "werkwijze waarin het gezin in het eerste gesprek zelf zijn coördinator "
                    "kiest, ongeacht diens discipline. Die aanpak sluit goed aan bij het "
                    "perspectief van gezinnen, maar er is nog geen regeling voor als de gekozen "
                    "coördinator afwezig is."
                ),
            ),
            facilitators=Text(
                en=(
                    "The family chooses its coordinator, based on which problem weighs most and "
                    "whom it trusts. The other professionals arrange their contacts through the "
                    "coordinator."
                ),
                nl=(
                    "Het gezin kiest zijn coördinator, op basis van welk probleem het zwaarst "
                    "weegt en wie het vertrouwt. De andere professionals stemmen hun contacten af "
                    "via de coördinator."
                ),
            ),
            barriers=Text(
                en=(
                    "There is no arrangement yet for the coordinator's absence. The coordinating "
                    "role is not reflected in caseloads or fees, so the coordinator does extra "
                    "work that is not paid separately."
                ),
                nl=(
                    "Er is nog geen regeling voor afwezigheid van de coördinator. De "
                    "coördinerende rol is niet terug te zien in de caseload of de tarieven, "
                    "waardoor de coördinator extra werk doet dat niet apart wordt betaald."
                ),
            ),
            levels=(_PROFESSIONAL, _CLINICAL),
        ),
        SectionSpec(
            condition=_FINANCING,
            analysis=Text(
                en=(
                    "The Drechtsteden region pays Samen1Plan a fixed fee per family plus a result "
                    "fee when the agreed goals are reached at closure. This per-result contract "
                    "rewards focus and keeps trajectories short: the mean length was 7.4 months "
                    "in the first quarter of 2026. It also has side effects: the result fee was "
                    "paid for 29 of the 38 closed trajectories, and practitioners report choosing "
                    "goals with the fee in mind. Debt counselling for parents falls outside the "
                    "youth budget from which the contract is paid, although debts are often the "
                    f"main reason a result does not last. {_DRECHTSTEDEN_REGION_OPEN.en}"
                ),
                nl=(
                    "De regio Drechtsteden betaalt Samen1Plan een vast tarief per gezin plus een "
                    "resultaatvergoeding als de afgesproken doelen bij afsluiting zijn bereikt. "
                    "Deze resultaatgerichte bekostiging beloont focus en houdt trajecten kort: de "
                    "gemiddelde duur was 7,4 maanden in het eerste kwartaal van 2026. Ze heeft "
                    "ook bijwerkingen: de resultaatvergoeding werd betaald voor 29 van de 38 "
                    "afgesloten trajecten, en professionals vertellen dat ze doelen kiezen met de "
                    "vergoeding in het achterhoofd. Schuldhulp voor ouders valt buiten het "
                    "jeugdbudget waaruit het contract wordt betaald, terwijl schulden vaak de "
                    "belangrijkste reden zijn dat een resultaat niet beklijft. "
                    f"{_DRECHTSTEDEN_REGION_OPEN.nl}"
                ),
            ),
            facilitators=Text(
                en=(
                    "Clear agreements on what the region pays for. The region's policymaker is "
                    "open to changing the conditions."
                ),
                nl=(
                    "Heldere afspraken over waarvoor de regio betaalt. De beleidsmaker van de "
                    "regio staat open voor andere voorwaarden."
                ),
            ),
            barriers=Text(
                en=(
                    "The result fee invites goals that can be reached within one trajectory. "
                    "Debt counselling for parents does not fit the budget."
                ),
                nl=(
                    "De resultaatvergoeding nodigt uit tot doelen die binnen één traject haalbaar "
                    "zijn. Schuldhulp voor ouders past niet in het budget."
                ),
            ),
            levels=(_SYSTEM, _ORGANISATIONAL),
        ),
    ),
    revisions=(
        RevisionSpec(
            condition=_MONITORING,
            edits=(
                replace(
                    _DRECHTSTEDEN_FIRST_QUARTER,
                    Text(
                        en=(
                            "Over the first three quarters of 2026, the mean T-score at closure "
                            "varied between 51.2 and 53.4, and the mean trajectory length between "
                            "7.4 and 7.9 months."
                        ),
                        nl=(
                            "In de eerste drie kwartalen van 2026 schommelde de gemiddelde "
                            "T-score bij afsluiting tussen 51,2 en 53,4, en de gemiddelde "
                            "trajectduur tussen 7,4 en 7,9 maanden."
                        ),
                    ),
                ),
                add_after(
                    _DRECHTSTEDEN_SAFE_GOALS,
                    Text(
                        en=(
                            "An interview in September showed the same gap from the family's "
                            "side: a 17-year-old scored the goals as asked, but what mattered "
                            "most, being able to talk with their mother again, was not one of "
                            "them."
                        ),
                        nl=(
                            "Een interview in september liet hetzelfde gat zien vanuit het gezin: "
                            "een 17-jarige gaf de doelen netjes een score, maar het "
                            "belangrijkste, weer met moeder kunnen praten, was geen doel."
                        ),
                    ),
                ),
            ),
        ),
        RevisionSpec(
            condition=_SHARED_VISION,
            edits=(
                replace(
                    _DRECHTSTEDEN_NEW_MANAGER,
                    Text(
                        en=(
                            "The new manager, who started in May 2026, has used the proposal on "
                            "long-term goals to reopen the conversation in the steering group "
                            "about what each partner needs to break even."
                        ),
                        nl=(
                            "De nieuwe manager, die in mei 2026 begon, heeft het voorstel over "
                            "langetermijndoelen gebruikt om in de stuurgroep opnieuw het gesprek "
                            "te openen over wat elke partner nodig heeft om quitte te spelen."
                        ),
                    ),
                ),
            ),
            barriers=Text(
                en=(
                    "The partners' financial interests in the contract are only now being "
                    "discussed, and not yet in writing. Debt counselling for parents still falls "
                    "outside the youth budget."
                ),
                nl=(
                    "Over de financiële belangen van de partners in het contract wordt pas nu "
                    "gesproken, en nog niet op papier. Schuldhulp voor ouders valt nog steeds "
                    "buiten het jeugdbudget."
                ),
            ),
        ),
        RevisionSpec(
            condition=_FINANCING,
            edits=(
                replace(
                    _DRECHTSTEDEN_REGION_OPEN,
                    Text(
                        en=(
                            "After session 2, the manager and the policymaker drafted a proposal "
                            "in which goals that need more than a year, such as paying off "
                            "debts, are paid on progress instead of on attainment at closure; it "
                            "is being tried out with ten current families and goes to the region "
                            "in January."
                        ),
                        nl=(
                            "Na sessie 2 schreven de manager en de beleidsmaker een voorstel "
                            "waarin doelen die meer dan een jaar nodig hebben, zoals schulden "
                            "aflossen, worden betaald op voortgang in plaats van op het behalen "
                            "bij afsluiting; het wordt uitgeprobeerd bij tien huidige gezinnen en "
                            "gaat in januari naar de regio."
                        ),
                    ),
                ),
            ),
            facilitators=Text(
                en=(
                    "Clear agreements on what the region pays for. A concrete proposal, written "
                    "by the manager and the policymaker together, to pay long-term goals on "
                    "progress."
                ),
                nl=(
                    "Heldere afspraken over waarvoor de regio betaalt. Een concreet voorstel, door "
                    "de manager en de beleidsmaker samen geschreven, om langetermijndoelen op "
                    "voortgang te betalen."
                ),
            ),
        ),
    ),
    summary_edits=(
        replace(
            _DRECHTSTEDEN_SUMMARY_DEBTS,
            Text(
                en=(
                    "The team now asks the region to also pay for progress on debts, which worry "
                    "families most."
                ),
                nl=(
                    "Het team vraagt de regio nu om ook te betalen voor vooruitgang bij schulden, "
                    "waar gezinnen zich de meeste zorgen over maken."
                ),
            ),
        ),
    ),
    draft_status=FactsheetStatus.draft,
)

# --------------------------------------------------------------------------------------
# Wijkexpertteam Zwolle-Kampen
# --------------------------------------------------------------------------------------

_ZWOLLE_REVIEWS_HELD = Text(
    en=(
        "Practitioners value the reviews as a moment to step back, but they are not always held: "
        "at the end of 2025, 62% of the planned reviews took place on schedule."
    ),
    nl=(
        "Professionals waarderen de reviews als moment om afstand te nemen, maar ze gaan niet "
        "altijd door: eind 2025 werd 62% van de geplande reviews op tijd gehouden."
    ),
)
_ZWOLLE_FAMILIES_ABSENT = Text(
    en="Families are not involved in the reviews and do not hear what the team concludes about them.",
    nl=(
        "Gezinnen zijn niet bij de reviews betrokken en horen niet wat het team over hen "
        "concludeert."
    ),
)
_ZWOLLE_NO_DECISION = Text(
    en=(
        "The municipalities will only decide on structural funding after the evaluation of the "
        "pilot in spring 2027, so nothing has been arranged for the first months of 2027."
    ),
    nl=(
        "De gemeenten besluiten pas na de evaluatie van de pilot in het voorjaar van 2027 over "
        "structurele financiering, zodat er voor de eerste maanden van 2027 niets geregeld is."
    ),
)
_ZWOLLE_CONTINUITY = Text(
    en=(
        "This gap threatens the team's continuity before the fund ends: the mental-health trust "
        "cannot keep the psychiatric nurse on the team without knowing who pays from January."
    ),
    nl=(
        "Dat gat bedreigt de continuïteit van het team al vóór het einde van het fonds: de "
        "ggz-instelling kan de sociaal-psychiatrisch verpleegkundige niet in het team houden "
        "zonder te weten wie vanaf januari betaalt."
    ),
)
_ZWOLLE_FAMILIES_NOT_TOLD = Text(
    en="Families have not been told that the team is funded for a limited period.",
    nl="Gezinnen is niet verteld dat het team voor een beperkte periode wordt gefinancierd.",
)
_ZWOLLE_SUMMARY_UNCLEAR = Text(
    en="It is not yet clear what happens after that.",
    nl="Het is nog niet duidelijk wat er daarna gebeurt.",
)
_ZWOLLE_SUMMARY_NOT_WRITTEN = Text(
    en="The team does not yet write down what changes for families.",
    nl="Het team schrijft nog niet op wat er voor gezinnen verandert.",
)

ZWOLLE_FACTSHEET = FactsheetSpec(
    initiative=ZWOLLE,
    summary=Text(
        en=(
            "The Wijkexpertteam helps families in Zwolle and Kampen when the neighbourhood team "
            "cannot help them alone. The team works close to the family and the GP. The money "
            f"for the team stops at the end of 2026. {_ZWOLLE_SUMMARY_UNCLEAR.en} It is also not "
            "clear when the team stops and the neighbourhood team takes over again. "
            f"{_ZWOLLE_SUMMARY_NOT_WRITTEN.en}"
        ),
        nl=(
            "Het Wijkexpertteam helpt gezinnen in Zwolle en Kampen als het wijkteam het niet "
            "alleen kan. Het team werkt dicht bij het gezin en de huisarts. Het geld voor het "
            f"team stopt eind 2026. {_ZWOLLE_SUMMARY_UNCLEAR.nl} Het is ook niet duidelijk "
            "wanneer het team stopt en het wijkteam het weer overneemt. "
            f"{_ZWOLLE_SUMMARY_NOT_WRITTEN.nl}"
        ),
    ),
    sections=(
        SectionSpec(
            condition=_MONITORING,
            analysis=Text(
                en=(
                    "The Wijkexpertteam monitors its work only through six-monthly case reviews, "
                    "in which the team discusses every family twice a year. "
                    f"{_ZWOLLE_REVIEWS_HELD.en} Apart from the case notes, nothing is recorded "
                    "about the families' situation, waiting time or the involvement of the "
                    "neighbourhood teams. The municipalities of Zwolle and Kampen will decide on "
                    "structural funding on the basis of an evaluation, and the policymaker has "
                    "said that stories from case reviews alone will not convince the councils. "
                    f"{_ZWOLLE_FAMILIES_ABSENT.en}"
                ),
                nl=(
                    "Het Wijkexpertteam volgt zijn werk alleen via halfjaarlijkse casusreviews, "
                    "waarin het team elk gezin twee keer per jaar bespreekt. "
                    f"{_ZWOLLE_REVIEWS_HELD.nl} Behalve de dossiernotities wordt er niets "
                    "vastgelegd over de situatie van gezinnen, de wachttijd of de betrokkenheid "
                    "van de wijkteams. De gemeenten Zwolle en Kampen besluiten op basis van een "
                    "evaluatie over structurele financiering, en de beleidsmaker heeft gezegd dat "
                    "verhalen uit casusreviews alleen de raden niet zullen overtuigen. "
                    f"{_ZWOLLE_FAMILIES_ABSENT.nl}"
                ),
            ),
            facilitators=Text(
                en=(
                    "The case reviews are an established routine in which all four disciplines "
                    "take part. The policymaker's clear request for results gives monitoring "
                    "urgency."
                ),
                nl=(
                    "De casusreviews zijn een vaste routine waaraan alle vier de disciplines "
                    "deelnemen. De duidelijke vraag van de beleidsmaker naar resultaten geeft "
                    "monitoring urgentie."
                ),
            ),
            barriers=Text(
                en=(
                    "Without outcome measures, the pilot cannot show its results when the "
                    "funding decision is made. Reviews are postponed when a family is in crisis, "
                    "precisely when reflection is most needed."
                ),
                nl=(
                    "Zonder uitkomstmaten kan de pilot zijn resultaten niet laten zien wanneer "
                    "over de financiering wordt besloten. Reviews worden uitgesteld als een gezin "
                    "in crisis is, juist wanneer reflectie het hardst nodig is."
                ),
            ),
            levels=(_PROFESSIONAL, _SYSTEM),
        ),
        SectionSpec(
            condition=_SHARED_VISION,
            analysis=Text(
                en=(
                    "The team shares a strong professional vision: families whose problems go "
                    "beyond what the neighbourhood team can handle need specialist expertise "
                    "brought into the neighbourhood, close to the family and the GP. The "
                    "mental-health trust, the social-work provider in Kampen and the GP practices "
                    "agree on this as a principle. Where the vision has not yet been worked out "
                    "is the relationship with the neighbourhood teams: is the expert team a "
                    "temporary addition, or does it stay involved as long as the family needs "
                    "it? A case discussion in April showed that team members and the "
                    "neighbourhood team answer this question differently. For the "
                    "municipalities, the pilot is also a test of whether specialist support in "
                    "the neighbourhood prevents referrals to more expensive care, an expectation "
                    "that has not been discussed explicitly with the team."
                ),
                nl=(
                    "Het team deelt een sterke professionele visie: gezinnen bij wie de problemen "
                    "verder gaan dan wat het wijkteam aankan, hebben specialistische expertise "
                    "nodig die de wijk in komt, dicht bij het gezin en de huisarts. De "
                    "ggz-instelling, de welzijnsorganisatie in Kampen en de huisartsenpraktijken "
                    "onderschrijven dat als principe. Wat nog niet is uitgewerkt, is de "
                    "verhouding tot de wijkteams: is het expertteam een tijdelijke aanvulling, of "
                    "blijft het betrokken zolang het gezin dat nodig heeft? Een casusbespreking "
                    "in april liet zien dat teamleden en het wijkteam die vraag verschillend "
                    "beantwoorden. Voor de gemeenten is de pilot ook een toets of "
                    "specialistische ondersteuning in de wijk verwijzingen naar duurdere zorg "
                    "voorkomt, een verwachting die niet expliciet met het team is besproken."
                ),
            ),
            facilitators=Text(
                en=(
                    "Practitioners from four disciplines share a clear idea of why the team "
                    "exists. The GP practices are closely involved through the GP mental-health "
                    "assistant."
                ),
                nl=(
                    "Professionals uit vier disciplines delen een helder beeld van waarom het "
                    "team bestaat. De huisartsenpraktijken zijn nauw betrokken via de "
                    "praktijkondersteuner ggz."
                ),
            ),
            barriers=Text(
                en=(
                    "There is no shared view with the neighbourhood teams on when the expert team "
                    "steps back. The municipalities' expectations of the pilot have not been made "
                    "explicit to the team."
                ),
                nl=(
                    "Er is geen gedeelde visie met de wijkteams op wanneer het expertteam een "
                    "stap terug doet. De gemeenten hebben hun verwachtingen van de pilot niet "
                    "expliciet met het team gedeeld."
                ),
            ),
            levels=(_ORGANISATIONAL, _PROFESSIONAL),
        ),
        SectionSpec(
            condition=_ROLES,
            analysis=Text(
                en=(
                    "Within the team, roles are fairly clear: the psychiatric nurse supports "
                    "parents with psychiatric problems, the ID counsellor supports parents and "
                    "children with an intellectual disability, the youth social worker works with "
                    "the children, and the GP mental-health assistant links the team to the GP "
                    "practice. The boundary with the neighbourhood teams of Zwolle and Kampen is "
                    "unclear, especially once a family is 'stable': in April, the ID counsellor "
                    "assumed the neighbourhood team would take over, while the neighbourhood team "
                    "assumed the expert team stayed involved. There is no agreed moment or "
                    "criterion for handing a family back, and no written hand-over. In practice, "
                    "the psychiatric nurse becomes the person many families call about "
                    "everything, which makes the team vulnerable if that post ends with the "
                    "pilot."
                ),
                nl=(
                    "Binnen het team zijn de rollen redelijk helder: de sociaal-psychiatrisch "
                    "verpleegkundige ondersteunt ouders met psychiatrische problemen, de "
                    "begeleider verstandelijke beperking ondersteunt ouders en kinderen met een "
                    "verstandelijke beperking, de jeugdmaatschappelijk werker werkt met de "
                    "kinderen, en de praktijkondersteuner ggz verbindt het team met de "
                    "huisartsenpraktijk. De grens met de wijkteams van Zwolle en Kampen is "
                    "onduidelijk, vooral zodra een gezin 'stabiel' is: in april ging de "
                    "begeleider verstandelijke beperking ervan uit dat het wijkteam het zou "
                    "overnemen, terwijl het wijkteam ervan uitging dat het expertteam betrokken "
                    "bleef. Er is geen afgesproken moment of criterium om een gezin terug te "
                    "geven, en geen schriftelijke overdracht. In de praktijk wordt de "
                    "sociaal-psychiatrisch verpleegkundige voor veel gezinnen degene die ze over "
                    "alles bellen, wat het team kwetsbaar maakt als die functie met de pilot "
                    "verdwijnt."
                ),
            ),
            facilitators=Text(
                en=(
                    "A small team with short lines, in which each discipline's task is clear to "
                    "colleagues. The GP mental-health assistant connects the team to primary "
                    "care."
                ),
                nl=(
                    "Een klein team met korte lijnen, waarin de taak van elke discipline helder "
                    "is voor collega's. De praktijkondersteuner ggz verbindt het team met de "
                    "huisartsenzorg."
                ),
            ),
            barriers=Text(
                en=(
                    "There is no agreement with the neighbourhood teams about the hand-over. Many "
                    "families depend on one person whose post is funded by the pilot."
                ),
                nl=(
                    "Er zijn geen afspraken met de wijkteams over de overdracht. Veel gezinnen "
                    "zijn afhankelijk van één persoon, van wie de functie uit de pilot wordt "
                    "betaald."
                ),
            ),
            levels=(_PROFESSIONAL, _ORGANISATIONAL),
        ),
        SectionSpec(
            condition=_FINANCING,
            analysis=Text(
                en=(
                    "The team is funded by a two-year pilot fund of the municipalities of Zwolle "
                    "and Kampen, which ends on 31 December 2026. "
                    f"{_ZWOLLE_NO_DECISION.en} {_ZWOLLE_CONTINUITY.en} The uncertainty affects "
                    "trust between the partners: the providers feel they carry a risk the "
                    "municipalities created, while the municipalities need results they cannot "
                    f"yet see. {_ZWOLLE_FAMILIES_NOT_TOLD.en} Financing and monitoring are "
                    "closely linked here: what the team can show in spring 2027 will largely "
                    "decide whether it continues."
                ),
                nl=(
                    "Het team wordt betaald uit een tweejarig pilotfonds van de gemeenten Zwolle "
                    "en Kampen, dat op 31 december 2026 stopt. "
                    f"{_ZWOLLE_NO_DECISION.nl} {_ZWOLLE_CONTINUITY.nl} De onzekerheid raakt het "
                    "vertrouwen tussen de partners: de aanbieders hebben het gevoel dat zij een "
                    "risico dragen dat de gemeenten hebben veroorzaakt, terwijl de gemeenten "
                    "resultaten nodig hebben die ze nog niet kunnen zien. "
                    f"{_ZWOLLE_FAMILIES_NOT_TOLD.nl} Financiering en monitoring hangen hier nauw "
                    "samen: wat het team in het voorjaar van 2027 kan laten zien, bepaalt "
                    "grotendeels of het doorgaat."
                ),
            ),
            facilitators=Text(
                en=(
                    "The pilot fund gave room to build the team without declaring each activity. "
                    "Both municipalities take part in the learning community and acknowledge the "
                    "problem."
                ),
                nl=(
                    "Het pilotfonds gaf ruimte om het team op te bouwen zonder elke activiteit te "
                    "declareren. Beide gemeenten nemen deel aan de leerkring en erkennen het "
                    "probleem."
                ),
            ),
            barriers=Text(
                en=(
                    "The fund ends before a decision on structural funding can be made. Nobody "
                    "has agreed who carries the risk of keeping staff in the meantime."
                ),
                nl=(
                    "Het fonds stopt voordat over structurele financiering besloten kan worden. "
                    "Niemand heeft afgesproken wie intussen het risico draagt van het behouden "
                    "van personeel."
                ),
            ),
            levels=(_SYSTEM, _ORGANISATIONAL),
        ),
    ),
    revisions=(
        RevisionSpec(
            condition=_MONITORING,
            edits=(
                replace(
                    _ZWOLLE_REVIEWS_HELD,
                    Text(
                        en=(
                            "Practitioners value the reviews as a moment to step back, but they "
                            "are not always held: in the first half of 2026, 27 of the 36 "
                            "planned reviews took place, and the other nine were postponed "
                            "because the family was in crisis at the time."
                        ),
                        nl=(
                            "Professionals waarderen de reviews als moment om afstand te nemen, "
                            "maar ze gaan niet altijd door: in de eerste helft van 2026 werden 27 "
                            "van de 36 geplande reviews gehouden, en de andere negen werden "
                            "uitgesteld omdat het gezin op dat moment in crisis was."
                        ),
                    ),
                ),
                replace(
                    _ZWOLLE_FAMILIES_ABSENT,
                    Text(
                        en=(
                            "Since the summer, parents have been invited to the last twenty "
                            "minutes of their own review; eight of the first eleven families "
                            "came, and the team now records one sentence from the family in every "
                            "review."
                        ),
                        nl=(
                            "Sinds de zomer worden ouders uitgenodigd voor de laatste twintig "
                            "minuten van hun eigen review; van de eerste elf gezinnen kwamen er "
                            "acht, en het team legt nu in elke review één zin van het gezin vast."
                        ),
                    ),
                ),
            ),
            facilitators=Text(
                en=(
                    "Parents now join the last part of their own case review, and their words "
                    "are recorded. The policymaker's clear request for results gives monitoring "
                    "urgency."
                ),
                nl=(
                    "Ouders schuiven nu aan bij het laatste deel van hun eigen casusreview, en "
                    "hun woorden worden vastgelegd. De duidelijke vraag van de beleidsmaker naar "
                    "resultaten geeft monitoring urgentie."
                ),
            ),
            levels=(_PROFESSIONAL, _SYSTEM, _CLINICAL),
        ),
        RevisionSpec(
            condition=_FINANCING,
            edits=(
                replace(
                    _ZWOLLE_NO_DECISION,
                    Text(
                        en=(
                            "The municipalities will only decide on structural funding after the "
                            "evaluation of the pilot in spring 2027; in November they agreed on "
                            "a bridging arrangement that funds the team at its current size from "
                            "1 January to 1 July 2027."
                        ),
                        nl=(
                            "De gemeenten besluiten pas na de evaluatie van de pilot in het "
                            "voorjaar van 2027 over structurele financiering; in november "
                            "spraken ze een overbruggingsregeling af die het team in de huidige "
                            "omvang financiert van 1 januari tot 1 juli 2027."
                        ),
                    ),
                ),
                replace(
                    _ZWOLLE_CONTINUITY,
                    Text(
                        en=(
                            "With that commitment the mental-health trust has extended the "
                            "psychiatric nurse's contract, so the team stays intact for now, but "
                            "the same question returns in July if the councils have not decided "
                            "by then."
                        ),
                        nl=(
                            "Met die toezegging heeft de ggz-instelling het contract van de "
                            "sociaal-psychiatrisch verpleegkundige verlengd, zodat het team "
                            "voorlopig compleet blijft; maar dezelfde vraag komt in juli terug "
                            "als de raden dan nog niet hebben besloten."
                        ),
                    ),
                ),
                add_after(
                    _ZWOLLE_FAMILIES_NOT_TOLD,
                    Text(
                        en=(
                            "A letter in plain language explaining what the bridging arrangement "
                            "means for each family's support is being prepared."
                        ),
                        nl=(
                            "Een brief in eenvoudige taal over wat de overbruggingsregeling voor "
                            "de hulp aan elk gezin betekent, is in voorbereiding."
                        ),
                    ),
                ),
            ),
            facilitators=Text(
                en=(
                    "Following the advice from session 2, the municipalities did not wait for the "
                    "evaluation but agreed on a bridging arrangement. The pilot fund gave room to "
                    "build the team without declaring each activity."
                ),
                nl=(
                    "Op advies uit sessie 2 wachtten de gemeenten niet op de evaluatie, maar "
                    "spraken ze een overbruggingsregeling af. Het pilotfonds gaf ruimte om het "
                    "team op te bouwen zonder elke activiteit te declareren."
                ),
            ),
            barriers=Text(
                en=(
                    "The bridging arrangement moves the deadline to July 2027 but does not remove "
                    "it. Families do not yet know what the arrangement means for their support."
                ),
                nl=(
                    "De overbruggingsregeling verschuift de deadline naar juli 2027, maar neemt "
                    "haar niet weg. Gezinnen weten nog niet wat de regeling voor hun hulp "
                    "betekent."
                ),
            ),
        ),
    ),
    summary_edits=(
        replace(
            _ZWOLLE_SUMMARY_UNCLEAR,
            Text(
                en=(
                    "The municipalities have promised to keep paying until July 2027 and will "
                    "then decide if the team can stay."
                ),
                nl=(
                    "De gemeenten hebben beloofd tot juli 2027 door te betalen en besluiten dan "
                    "of het team mag blijven."
                ),
            ),
        ),
        replace(
            _ZWOLLE_SUMMARY_NOT_WRITTEN,
            Text(
                en="Parents can now join the last part of the meeting about their family.",
                nl="Ouders kunnen nu aanschuiven bij het laatste deel van het overleg over hun gezin.",
            ),
        ),
    ),
    draft_status=FactsheetStatus.draft,
)

# --------------------------------------------------------------------------------------
# IST Groningen-Ommelanden
# --------------------------------------------------------------------------------------

_GRONINGEN_REGIONAL_WAIT = Text(
    en=(
        "Behind that median lie large regional differences: 7 weeks in the city of Groningen "
        "against 14 weeks in Het Hogeland."
    ),
    nl=(
        "Achter die mediaan gaan grote regionale verschillen schuil: 7 weken in de stad "
        "Groningen tegenover 14 weken in Het Hogeland."
    ),
)
_GRONINGEN_NOT_USED = Text(
    en=(
        "The team does not use the figures in its own meetings, and families are not asked "
        "about their experience at all."
    ),
    nl=(
        "Het team gebruikt de cijfers niet in het eigen overleg, en gezinnen wordt helemaal niet "
        "naar hun ervaring gevraagd."
    ),
)
_GRONINGEN_OWN_BOARDS = Text(
    en=(
        "At the organisational level, each consortium partner accounts to its own board, and "
        "the shared mission is described mainly in terms of available expertise rather than "
        "results for families."
    ),
    nl=(
        "Op organisatieniveau legt elke partner in het consortium verantwoording af aan het eigen "
        "bestuur, en de gedeelde missie wordt vooral beschreven in beschikbare expertise en niet "
        "in resultaten voor gezinnen."
    ),
)
_GRONINGEN_QUERIED = Text(
    en=(
        "Joint home visits are declared twice and then queried, which costs time and creates "
        "friction between the team and the municipality's controllers."
    ),
    nl=(
        "Gezamenlijke huisbezoeken worden dubbel gedeclareerd en daarna bevraagd, wat tijd kost "
        "en wrijving geeft tussen het team en de controllers van de gemeente."
    ),
)
_GRONINGEN_SUMMARY_WAIT = Text(
    en=(
        "Families in the countryside wait longer than families in the city: 14 weeks instead of 7."
    ),
    nl=(
        "Gezinnen op het platteland wachten langer dan gezinnen in de stad: 14 weken in plaats "
        "van 7."
    ),
)

GRONINGEN_FACTSHEET = FactsheetSpec(
    initiative=GRONINGEN,
    summary=Text(
        en=(
            "IST helps families in and around Groningen with big problems that last a long "
            "time. The team has experts in child psychiatry, family therapy, intellectual "
            f"disability and local support. {_GRONINGEN_SUMMARY_WAIT.en} The team is paid per "
            "hour for each expert. Because of that, a visit by two experts together is hard to "
            "pay for. Nobody asks families yet what they think of the help."
        ),
        nl=(
            "IST helpt gezinnen in en rond Groningen met grote problemen die lang duren. In het "
            "team zitten deskundigen in kinderpsychiatrie, gezinstherapie, verstandelijke "
            f"beperking en hulp in de gemeente. {_GRONINGEN_SUMMARY_WAIT.nl} Het team wordt per "
            "uur betaald voor elke deskundige. Daardoor is een bezoek van twee deskundigen samen "
            "moeilijk te betalen. Niemand vraagt gezinnen nog wat ze van de hulp vinden."
        ),
    ),
    sections=(
        SectionSpec(
            condition=_MONITORING,
            analysis=Text(
                en=(
                    "IST's monitoring consists of what the municipal records show: hours declared "
                    "per discipline and the waiting time from referral to start. In the first "
                    "quarter of 2026, 1,212 hours were declared, 61% of them for child psychiatry "
                    "and family therapy, and the median wait was 11 weeks. "
                    f"{_GRONINGEN_REGIONAL_WAIT.en} These figures tell the municipalities what "
                    "the team costs and how accessible it is, but nothing about what changes for "
                    "families or how well the disciplines work together. "
                    f"{_GRONINGEN_NOT_USED.en}"
                ),
                nl=(
                    "De monitoring van IST bestaat uit wat de gemeentelijke registratie laat "
                    "zien: gedeclareerde uren per discipline en de wachttijd van aanmelding tot "
                    "start. In het eerste kwartaal van 2026 werden 1.212 uren gedeclareerd, "
                    "waarvan 61% voor kinder- en jeugdpsychiatrie en gezinstherapie, en de "
                    f"mediane wachttijd was 11 weken. {_GRONINGEN_REGIONAL_WAIT.nl} Deze cijfers "
                    "vertellen de gemeenten wat het team kost en hoe toegankelijk het is, maar "
                    "niets over wat er voor gezinnen verandert of hoe goed de disciplines "
                    f"samenwerken. {_GRONINGEN_NOT_USED.nl}"
                ),
            ),
            facilitators=Text(
                en=(
                    "Reliable data from the municipal records, without extra registration work "
                    "for the team. The figures make regional differences in waiting time visible."
                ),
                nl=(
                    "Betrouwbare gegevens uit de gemeentelijke registratie, zonder extra "
                    "registratielast voor het team. De cijfers maken regionale verschillen in "
                    "wachttijd zichtbaar."
                ),
            ),
            barriers=Text(
                en=(
                    "Only input (hours) and access (waiting time) are measured, no outcomes. "
                    "Families' experience is not part of the monitoring."
                ),
                nl=(
                    "Alleen inzet (uren) en toegang (wachttijd) worden gemeten, geen uitkomsten. "
                    "De ervaring van gezinnen maakt geen deel uit van de monitoring."
                ),
            ),
            levels=(_SYSTEM, _ORGANISATIONAL),
        ),
        SectionSpec(
            condition=_SHARED_VISION,
            analysis=Text(
                en=(
                    "IST brings together child and adolescent psychiatry, intellectual-disability "
                    "care and the municipalities' social-support consultants, each with its own "
                    "professional frame. In case discussions these frames sometimes compete: in "
                    "one family, the child psychiatrist focused on the child's diagnosis while "
                    "the behavioural scientist argued that the mother, who has a mild "
                    "intellectual disability, first needed to understand the plan, and the team "
                    "did not reach a shared goal. Such differences are valuable when they are "
                    "discussed, but there is no agreed way to decide which perspective leads. "
                    f"{_GRONINGEN_OWN_BOARDS.en} The city and the rural municipalities also have "
                    "different expectations, for instance about travel time and reach in Het "
                    "Hogeland and Westerkwartier."
                ),
                nl=(
                    "IST brengt kinder- en jeugdpsychiatrie, zorg voor mensen met een "
                    "verstandelijke beperking en de Wmo-consulenten van de gemeenten samen, elk "
                    "met een eigen professioneel kader. In casusbesprekingen concurreren die "
                    "kaders soms: bij één gezin richtte de kinderpsychiater zich op de diagnose "
                    "van het kind, terwijl de gedragswetenschapper vond dat de moeder, die een "
                    "licht verstandelijke beperking heeft, eerst het plan moest begrijpen, en het "
                    "team kwam niet tot een gezamenlijk doel. Zulke verschillen zijn waardevol "
                    "als ze besproken worden, maar er is geen afgesproken manier om te bepalen "
                    f"welk perspectief leidend is. {_GRONINGEN_OWN_BOARDS.nl} De stad en de "
                    "plattelandsgemeenten hebben bovendien verschillende verwachtingen, "
                    "bijvoorbeeld over reistijd en bereik in Het Hogeland en Westerkwartier."
                ),
            ),
            facilitators=Text(
                en=(
                    "The combination of psychiatry, intellectual-disability expertise and social "
                    "support is rare and valued by all partners. Case discussions make "
                    "differences in professional views visible."
                ),
                nl=(
                    "De combinatie van psychiatrie, expertise op het gebied van verstandelijke "
                    "beperking en maatschappelijke ondersteuning is zeldzaam en wordt door alle "
                    "partners gewaardeerd. Casusbesprekingen maken verschillen in professionele "
                    "visie zichtbaar."
                ),
            ),
            barriers=Text(
                en=(
                    "There is no shared family goal when professional frames compete. The "
                    "partners account to their own boards, and the shared mission has not been "
                    "translated into results for families."
                ),
                nl=(
                    "Als professionele kaders botsen, is er geen gezamenlijk gezinsdoel. De "
                    "partners leggen verantwoording af aan hun eigen bestuur, en de gedeelde "
                    "missie is niet vertaald in resultaten voor gezinnen."
                ),
            ),
            levels=(_PROFESSIONAL, _ORGANISATIONAL),
        ),
        SectionSpec(
            condition=_ROLES,
            analysis=Text(
                en=(
                    "Roles in the team follow the disciplines, and each professional declares the "
                    "hours of their own discipline. This directly affects collaboration: a joint "
                    "home visit by the family therapist and the social-support consultant is "
                    "declared by both organisations and queried by the municipality as a double "
                    "declaration. Some practitioners now visit families alone to avoid the "
                    "discussion, even though a joint visit saves the family from telling its "
                    "story twice. In the first quarter of 2026, 14% of the declared hours were "
                    "spent on joint home visits. Who coordinates a family's support has not been "
                    "agreed explicitly; in practice it is whoever spends the most hours with the "
                    "family."
                ),
                nl=(
                    "De rollen in het team volgen de disciplines, en elke professional declareert "
                    "de uren van de eigen discipline. Dat raakt de samenwerking direct: een "
                    "gezamenlijk huisbezoek van de gezinstherapeut en de Wmo-consulent wordt door "
                    "beide organisaties gedeclareerd en door de gemeente als dubbele declaratie "
                    "bevraagd. Sommige professionals gaan nu alleen op huisbezoek om de discussie "
                    "te vermijden, terwijl een gezamenlijk bezoek het gezin bespaart zijn verhaal "
                    "twee keer te vertellen. In het eerste kwartaal van 2026 ging 14% van de "
                    "gedeclareerde uren naar gezamenlijke huisbezoeken. Wie de hulp aan een gezin "
                    "coördineert, is niet expliciet afgesproken; in de praktijk is dat degene die "
                    "de meeste uren bij het gezin maakt."
                ),
            ),
            facilitators=Text(
                en=(
                    "Clear professional roles and a shared case discussion. The social-support "
                    "consultant knows the local services in each of the three municipalities."
                ),
                nl=(
                    "Heldere professionele rollen en een gezamenlijke casusbespreking. De "
                    "Wmo-consulent kent de lokale voorzieningen in elk van de drie gemeenten."
                ),
            ),
            barriers=Text(
                en=(
                    "The declaration system discourages joint home visits. No coordinator is "
                    "agreed per family."
                ),
                nl=(
                    "Het declaratiesysteem ontmoedigt gezamenlijke huisbezoeken. Er is per gezin "
                    "geen coördinator afgesproken."
                ),
            ),
            levels=(_PROFESSIONAL, _CLINICAL),
        ),
        SectionSpec(
            condition=_FINANCING,
            analysis=Text(
                en=(
                    "The municipalities of Groningen, Het Hogeland and Westerkwartier pay the "
                    "team an hourly rate per discipline, and each professional declares at the "
                    "rate of their own discipline and organisation. This makes costs transparent "
                    "and lets the team grow with demand, but it rewards individual contacts "
                    "rather than coordination or joint work. Consultation between disciplines, "
                    "travel in the rural municipalities and the team meeting itself are only "
                    f"partly covered. {_GRONINGEN_QUERIED.en} Because each organisation declares "
                    "separately, nobody has an overview of the total cost of the support for one "
                    "family."
                ),
                nl=(
                    "De gemeenten Groningen, Het Hogeland en Westerkwartier betalen het team een "
                    "uurtarief per discipline, en elke professional declareert tegen het tarief "
                    "van de eigen discipline en organisatie. Dat maakt de kosten inzichtelijk en "
                    "laat het team meegroeien met de vraag, maar het beloont losse contacten en "
                    "geen coördinatie of gezamenlijk werk. Overleg tussen disciplines, reistijd "
                    "in de plattelandsgemeenten en het teamoverleg zelf worden maar gedeeltelijk "
                    f"vergoed. {_GRONINGEN_QUERIED.nl} Omdat elke organisatie apart declareert, "
                    "heeft niemand zicht op de totale kosten van de hulp aan één gezin."
                ),
            ),
            facilitators=Text(
                en=(
                    "Costs are transparent, and funding grows with the number of families "
                    "referred. The municipal records are complete and available every quarter."
                ),
                nl=(
                    "De kosten zijn inzichtelijk, en de financiering groeit mee met het aantal "
                    "aangemelde gezinnen. De gemeentelijke registratie is volledig en elk "
                    "kwartaal beschikbaar."
                ),
            ),
            barriers=Text(
                en=(
                    "Coordination, consultation and travel are barely covered. Double "
                    "declarations of joint visits are queried."
                ),
                nl=(
                    "Coördinatie, overleg en reistijd worden nauwelijks vergoed. Dubbele "
                    "declaraties van gezamenlijke bezoeken worden bevraagd."
                ),
            ),
            levels=(_SYSTEM, _ORGANISATIONAL),
        ),
    ),
    revisions=(
        RevisionSpec(
            condition=_MONITORING,
            edits=(
                add_after(
                    _GRONINGEN_REGIONAL_WAIT,
                    Text(
                        en=(
                            "By the third quarter the median had fallen to 8 weeks, and since the "
                            "autumn families in Het Hogeland get a bridging visit from the "
                            "social-support consultant within two weeks of referral."
                        ),
                        nl=(
                            "In het derde kwartaal was de mediaan gedaald naar 8 weken, en sinds "
                            "het najaar krijgen gezinnen in Het Hogeland binnen twee weken na "
                            "aanmelding een overbruggingsbezoek van de Wmo-consulent."
                        ),
                    ),
                ),
                replace(
                    _GRONINGEN_NOT_USED,
                    Text(
                        en=(
                            "The team does not use the figures in its own meetings, and families "
                            "are still not asked about their experience; a father interviewed in "
                            "August summed up what is missing: the team counts hours and waiting "
                            "time, but nobody asked whether the family now knows whom to call."
                        ),
                        nl=(
                            "Het team gebruikt de cijfers niet in het eigen overleg, en gezinnen "
                            "wordt nog steeds niet naar hun ervaring gevraagd; een vader die in "
                            "augustus werd geïnterviewd, vatte samen wat er ontbreekt: het team "
                            "telt uren en wachttijd, maar niemand vroeg of het gezin nu weet wie "
                            "het moet bellen."
                        ),
                    ),
                ),
            ),
            levels=(_SYSTEM, _ORGANISATIONAL, _CLINICAL),
        ),
        RevisionSpec(
            condition=_SHARED_VISION,
            edits=(
                add_after(
                    _GRONINGEN_OWN_BOARDS,
                    Text(
                        en=(
                            "This became concrete in the autumn: when the municipality cut the "
                            "hours for family therapy, the other partners did not see it as their "
                            "problem."
                        ),
                        nl=(
                            "Dat werd dit najaar concreet: toen de gemeente de uren voor "
                            "gezinstherapie verlaagde, zagen de andere partners dat niet als hun "
                            "probleem."
                        ),
                    ),
                ),
            ),
        ),
        RevisionSpec(
            condition=_FINANCING,
            edits=(
                add_after(
                    _GRONINGEN_QUERIED,
                    Text(
                        en=(
                            "The share of declared hours spent on joint home visits fell from 14% "
                            "in the first quarter to 9% in the third, and the request for a "
                            "single declaration code for joint visits, agreed as the action after "
                            "session 2 and due at the end of October, has not yet been submitted."
                        ),
                        nl=(
                            "Het aandeel gedeclareerde uren in gezamenlijke huisbezoeken daalde "
                            "van 14% in het eerste kwartaal naar 9% in het derde, en het verzoek "
                            "om één declaratiecode voor gezamenlijke bezoeken, de actie uit sessie "
                            "2 die eind oktober klaar moest zijn, is nog niet ingediend."
                        ),
                    ),
                ),
            ),
            barriers=Text(
                en=(
                    "Double declarations of joint visits are still queried, and the share of "
                    "joint visits keeps falling. The action to ask for a single declaration code "
                    "is overdue."
                ),
                nl=(
                    "Dubbele declaraties van gezamenlijke bezoeken worden nog steeds bevraagd, en "
                    "het aandeel gezamenlijke bezoeken blijft dalen. De actie om één "
                    "declaratiecode aan te vragen loopt achter."
                ),
            ),
        ),
    ),
    summary_edits=(
        replace(
            _GRONINGEN_SUMMARY_WAIT,
            Text(
                en=(
                    "Families in the countryside waited longest, so they now get a first visit "
                    "within two weeks that explains what will happen."
                ),
                nl=(
                    "Gezinnen op het platteland wachtten het langst, daarom krijgen ze nu binnen "
                    "twee weken een eerste bezoek waarin wordt uitgelegd wat er gaat gebeuren."
                ),
            ),
        ),
    ),
    draft_status=FactsheetStatus.draft,
)

# --------------------------------------------------------------------------------------
# Huis van het Gezin Tilburg
# --------------------------------------------------------------------------------------

_TILBURG_SURVEY = Text(
    en=(
        "A yearly survey asks professionals whether the results help them, and in 2025 a third "
        "said they had used the results to change their own way of working."
    ),
    nl=(
        "Een jaarlijkse enquête vraagt professionals of de resultaten hen helpen, en in 2025 zei "
        "een derde de resultaten te hebben gebruikt om de eigen werkwijze te veranderen."
    ),
)
_TILBURG_FAMILIES_VIEW = Text(
    en=(
        "What is still missing is the families' own view of their results: they answer the "
        "questions, but the results are not discussed with them."
    ),
    nl=(
        "Wat nog ontbreekt, is de blik van gezinnen op hun eigen resultaten: ze beantwoorden de "
        "vragen, maar de resultaten worden niet met hen besproken."
    ),
)
_TILBURG_BOOKS = Text(
    en=(
        "The manager warns of a new risk: because costs are no longer registered by source, each "
        "partner may think another is keeping the books."
    ),
    nl=(
        "De manager waarschuwt voor een nieuw risico: omdat kosten niet meer per bron worden "
        "geregistreerd, kan elke partner denken dat een ander de boekhouding bijhoudt."
    ),
)
_TILBURG_SUMMARY_RESULTS = Text(
    en="Families do not yet see their own results.",
    nl="Gezinnen zien hun eigen resultaten nog niet.",
)

TILBURG_FACTSHEET = FactsheetSpec(
    initiative=TILBURG,
    summary=Text(
        en=(
            "Huis van het Gezin helps families in Tilburg, Goirle and Oisterwijk. Help for "
            "parents and children comes from one place and through school. Every family has one "
            "contact person, with a name and a phone number. The team looks at three things: "
            "going to school, a regular day, and whether parents can cope. The municipalities "
            "and the health insurer pay together, so nobody has to ask who pays. "
            f"{_TILBURG_SUMMARY_RESULTS.en}"
        ),
        nl=(
            "Huis van het Gezin helpt gezinnen in Tilburg, Goirle en Oisterwijk. Hulp voor "
            "ouders en kinderen komt uit één huis en via school. Elk gezin heeft één vaste "
            "contactpersoon, met een naam en een telefoonnummer. Het team let op drie dingen: "
            "naar school gaan, een vast dagritme, en of ouders het aankunnen. De gemeenten en de "
            "zorgverzekeraar betalen samen, dus niemand hoeft te vragen wie betaalt. "
            f"{_TILBURG_SUMMARY_RESULTS.nl}"
        ),
    ),
    sections=(
        SectionSpec(
            condition=_MONITORING,
            analysis=Text(
                en=(
                    "Huis van het Gezin works with a shared outcome set that the municipalities, "
                    "the insurer and the providers agreed on: school attendance, a regular daily "
                    "rhythm and parents' sense that they can cope. The outcomes are measured at "
                    "the start, after six months and at closure; in March 2026, 54% of families "
                    f"had improved on at least two of the three. {_TILBURG_SURVEY.en} The "
                    "outcome set is used both in the steering group and in case discussions, "
                    "which makes it one of the few examples in the learning community of "
                    "monitoring that is shared across levels. "
                    f"{_TILBURG_FAMILIES_VIEW.en}"
                ),
                nl=(
                    "Huis van het Gezin werkt met een gedeelde uitkomstenset die de gemeenten, de "
                    "verzekeraar en de aanbieders samen hebben afgesproken: schoolgang, een vast "
                    "dagritme en het gevoel van ouders dat ze het aankunnen. De uitkomsten worden "
                    "gemeten bij de start, na zes maanden en bij afsluiting; in maart 2026 was "
                    "54% van de gezinnen vooruitgegaan op minstens twee van de drie. "
                    f"{_TILBURG_SURVEY.nl} De uitkomstenset wordt zowel in de stuurgroep als in "
                    "casusbesprekingen gebruikt, waarmee het een van de weinige voorbeelden in de "
                    "leerkring is van monitoring die over de niveaus heen wordt gedeeld. "
                    f"{_TILBURG_FAMILIES_VIEW.nl}"
                ),
            ),
            facilitators=Text(
                en=(
                    "The outcomes were agreed by all partners before the budget was negotiated. "
                    "The same outcome set is used in the steering group and in case discussions."
                ),
                nl=(
                    "De uitkomsten zijn door alle partners afgesproken voordat over het budget "
                    "werd onderhandeld. Dezelfde uitkomstenset wordt in de stuurgroep en in "
                    "casusbesprekingen gebruikt."
                ),
            ),
            barriers=Text(
                en=(
                    "Families do not see or discuss their own results. Only a third of "
                    "professionals use the results to change their work."
                ),
                nl=(
                    "Gezinnen zien en bespreken hun eigen resultaten niet. Slechts een derde van "
                    "de professionals gebruikt de resultaten om het eigen werk te veranderen."
                ),
            ),
            levels=(_ORGANISATIONAL, _CLINICAL),
        ),
        SectionSpec(
            condition=_SHARED_VISION,
            analysis=Text(
                en=(
                    "The partners of Huis van het Gezin built their shared vision before they "
                    "built the budget: the municipalities of Tilburg, Goirle and Oisterwijk, the "
                    "regional insurer and the providers first agreed on three outcomes for "
                    "families, and only then on who pays. The negotiations took eighteen months, "
                    "but policymakers and practitioners now refer to the same three outcomes when "
                    "they explain what the initiative is for. Working from one location and from "
                    "schools reinforces the idea of one team around the family rather than a "
                    "collection of services. The vision is less explicit about interests: the "
                    "insurer's interest in adult mental-health care and the municipalities' "
                    "interest in youth support and school attendance are assumed to coincide, but "
                    "this has not yet been tested in a difficult case."
                ),
                nl=(
                    "De partners van Huis van het Gezin bouwden eerst hun gedeelde visie en pas "
                    "daarna het budget: de gemeenten Tilburg, Goirle en Oisterwijk, de regionale "
                    "zorgverzekeraar en de aanbieders spraken eerst drie uitkomsten voor gezinnen "
                    "af, en pas daarna wie wat betaalt. De onderhandelingen duurden achttien "
                    "maanden, maar beleidsmakers en professionals verwijzen nu naar dezelfde drie "
                    "uitkomsten als ze uitleggen waar het initiatief voor is. Het werken vanuit "
                    "één locatie en vanuit scholen versterkt het idee van één team rond het gezin "
                    "in plaats van een verzameling voorzieningen. Over belangen is de visie "
                    "minder expliciet: het belang van de verzekeraar bij volwassenen-ggz en het "
                    "belang van de gemeenten bij jeugdhulp en schoolgang worden verondersteld "
                    "samen te vallen, maar dat is nog niet getoetst in een moeilijke casus."
                ),
            ),
            facilitators=Text(
                en=(
                    "Three outcomes first, money second. One location, and a presence in the "
                    "schools."
                ),
                nl=(
                    "Eerst drie uitkomsten, dan pas geld. Eén locatie, en aanwezigheid op de "
                    "scholen."
                ),
            ),
            barriers=Text(
                en=(
                    "The partners' separate interests are assumed to coincide rather than "
                    "discussed. The vision depends strongly on the current policymaker and "
                    "manager, and it is not yet clear whether it would survive a change of "
                    "people."
                ),
                nl=(
                    "De afzonderlijke belangen van de partners worden verondersteld samen te "
                    "vallen in plaats van besproken. De visie leunt sterk op de huidige "
                    "beleidsmaker en manager, en het is nog niet duidelijk of ze een wisseling "
                    "van personen zou overleven."
                ),
            ),
            levels=(_SYSTEM, _ORGANISATIONAL),
        ),
        SectionSpec(
            condition=_ROLES,
            analysis=Text(
                en=(
                    "Every family has a single contact, chosen from the discipline closest to the "
                    "family's main concern; often this is the school social worker. In a case "
                    "discussion in May, the school social worker named herself as a family's "
                    "single contact; the mother had been told so in writing and kept the number "
                    "on the fridge, and the team decided to use the case as an example for the "
                    "other schools. Practitioners from adult mental health, youth mental health "
                    "and parenting support know each other well and consult each other "
                    "informally on site. Roles are less clear at the organisational level: with "
                    "a pooled budget, nobody has to prove which pot a conversation belongs to, "
                    "but each partner may assume that another is keeping track of spending and "
                    "results."
                ),
                nl=(
                    "Elk gezin heeft één vast aanspreekpunt, gekozen uit de discipline die het "
                    "dichtst bij de belangrijkste zorg van het gezin staat; vaak is dat de "
                    "schoolmaatschappelijk werker. In een casusbespreking in mei noemde de "
                    "schoolmaatschappelijk werker zichzelf het vaste aanspreekpunt van een gezin; "
                    "de moeder had dat schriftelijk gekregen en had het nummer op de koelkast "
                    "hangen, en het team besloot de casus als voorbeeld voor de andere scholen te "
                    "gebruiken. Professionals uit de volwassenen-ggz, de jeugd-ggz en de "
                    "opvoedondersteuning kennen elkaar goed en overleggen informeel op de "
                    "locatie. Op organisatieniveau zijn de rollen minder helder: met een "
                    "gezamenlijk budget hoeft niemand aan te tonen uit welke pot een gesprek "
                    "komt, maar elke partner kan ervan uitgaan dat een ander de uitgaven en "
                    "resultaten bijhoudt."
                ),
            ),
            facilitators=Text(
                en=(
                    "A single contact per family, agreed and confirmed in writing. Short lines "
                    "between disciplines working in one location."
                ),
                nl=(
                    "Eén vast aanspreekpunt per gezin, afgesproken en schriftelijk bevestigd. "
                    "Korte lijnen tussen disciplines die op één locatie werken."
                ),
            ),
            barriers=Text(
                en=(
                    "Not every school applies the single-contact arrangement in the same way. It "
                    "is unclear which partner is responsible for the financial administration of "
                    "the pooled budget."
                ),
                nl=(
                    "Niet elke school past de afspraak over het vaste aanspreekpunt op dezelfde "
                    "manier toe. Het is onduidelijk welke partner verantwoordelijk is voor de "
                    "financiële administratie van het gezamenlijke budget."
                ),
            ),
            levels=(_CLINICAL, _ORGANISATIONAL),
        ),
        SectionSpec(
            condition=_FINANCING,
            analysis=Text(
                en=(
                    "Tilburg, Goirle, Oisterwijk and the regional health insurer have pooled "
                    "their budgets into one, managed jointly, with no declarations per "
                    "discipline. This removes a barrier that other initiatives in the learning "
                    "community struggle with: adult and youth mental-health care, parenting "
                    "support and school social work can be combined for one family without "
                    "anyone having to prove which budget pays for which conversation. The price "
                    "was eighteen months of negotiation, and the arrangement depends on continued "
                    f"trust between the funders. {_TILBURG_BOOKS.en} How the insurer and the "
                    "municipalities will evaluate the arrangement at the end of the current "
                    "agreement has not yet been decided."
                ),
                nl=(
                    "Tilburg, Goirle, Oisterwijk en de regionale zorgverzekeraar hebben hun "
                    "budgetten samengevoegd tot één budget, dat ze samen beheren, zonder "
                    "declaraties per discipline. Daarmee verdwijnt een drempel waar andere "
                    "initiatieven in de leerkring mee worstelen: volwassenen-ggz, jeugd-ggz, "
                    "opvoedondersteuning en schoolmaatschappelijk werk kunnen voor één gezin "
                    "worden gecombineerd zonder dat iemand hoeft aan te tonen uit welk budget "
                    "welk gesprek wordt betaald. De prijs was achttien maanden onderhandelen, en "
                    "de regeling is afhankelijk van blijvend vertrouwen tussen de financiers. "
                    f"{_TILBURG_BOOKS.nl} Hoe de verzekeraar en de gemeenten de regeling aan het "
                    "einde van de huidige overeenkomst gaan evalueren, is nog niet besloten."
                ),
            ),
            facilitators=Text(
                en=(
                    "No declarations per discipline, so joint work and consultation are never a "
                    "financial question. The shared outcome set gives the funders a common basis "
                    "for accountability."
                ),
                nl=(
                    "Geen declaraties per discipline, zodat gezamenlijk werk en overleg nooit een "
                    "financiële kwestie zijn. De gedeelde uitkomstenset geeft de financiers een "
                    "gemeenschappelijke basis voor verantwoording."
                ),
            ),
            barriers=Text(
                en=(
                    "There is less insight into who pays for what, which may erode the funders' "
                    "trust over time. No agreement yet on how the arrangement will be evaluated."
                ),
                nl=(
                    "Er is minder zicht op wie wat betaalt, wat het vertrouwen van de financiers "
                    "op termijn kan aantasten. Er is nog geen afspraak over hoe de regeling wordt "
                    "geëvalueerd."
                ),
            ),
            levels=(_SYSTEM, _ORGANISATIONAL),
        ),
    ),
    revisions=(
        RevisionSpec(
            condition=_MONITORING,
            edits=(
                replace(
                    _TILBURG_SURVEY,
                    Text(
                        en=(
                            "In the 2026 survey of professionals, 79% said the outcome set helps "
                            "them discuss progress with colleagues, and 41% had used the results "
                            "to change their own way of working, up from 33% the year before."
                        ),
                        nl=(
                            "In de enquête van 2026 zei 79% van de professionals dat de "
                            "uitkomstenset helpt om voortgang met collega's te bespreken, en 41% "
                            "had de resultaten gebruikt om de eigen werkwijze te veranderen, "
                            "tegen 33% een jaar eerder."
                        ),
                    ),
                ),
                replace(
                    _TILBURG_FAMILIES_VIEW,
                    Text(
                        en=(
                            "Following session 2, the team made a one-page summary of the outcome "
                            "set in plain language, and it now discusses each family's own "
                            "results with them at the six-month review."
                        ),
                        nl=(
                            "Na sessie 2 maakte het team een samenvatting van één pagina in "
                            "eenvoudige taal van de uitkomstenset, en bij de zesmaandsevaluatie "
                            "worden nu met elk gezin de eigen resultaten besproken."
                        ),
                    ),
                ),
            ),
            facilitators=Text(
                en=(
                    "The outcomes were agreed by all partners before the budget was negotiated. "
                    "Families now receive a plain-language summary and discuss their own results "
                    "at the six-month review."
                ),
                nl=(
                    "De uitkomsten zijn door alle partners afgesproken voordat over het budget "
                    "werd onderhandeld. Gezinnen krijgen nu een samenvatting in eenvoudige taal "
                    "en bespreken hun eigen resultaten bij de zesmaandsevaluatie."
                ),
            ),
            barriers=Text(
                en=(
                    "Fewer than half of the professionals use the results to change their own "
                    "work. It is not yet known whether discussing results with families changes "
                    "how they experience the support."
                ),
                nl=(
                    "Minder dan de helft van de professionals gebruikt de resultaten om het eigen "
                    "werk te veranderen. Nog onbekend is of het bespreken van resultaten met "
                    "gezinnen verandert hoe zij de hulp ervaren."
                ),
            ),
        ),
        RevisionSpec(
            condition=_FINANCING,
            edits=(
                add_after(
                    _TILBURG_BOOKS,
                    Text(
                        en=(
                            "That risk has since become concrete: the insurer now asks for "
                            "figures on adult mental-health care that are no longer registered "
                            "separately, and the municipalities worry that they are paying for "
                            "care that used to be insured."
                        ),
                        nl=(
                            "Dat risico is inmiddels concreet geworden: de verzekeraar vraagt nu "
                            "cijfers over volwassenen-ggz die niet meer apart worden "
                            "geregistreerd, en de gemeenten vrezen dat ze betalen voor zorg die "
                            "vroeger verzekerd was."
                        ),
                    ),
                ),
            ),
            barriers=Text(
                en=(
                    "The insurer's request for separate figures threatens the simplicity that "
                    "makes the pooled budget work. No agreement yet on how the arrangement will "
                    "be evaluated."
                ),
                nl=(
                    "De vraag van de verzekeraar om aparte cijfers bedreigt de eenvoud die het "
                    "gezamenlijke budget laat werken. Er is nog geen afspraak over hoe de "
                    "regeling wordt geëvalueerd."
                ),
            ),
        ),
    ),
    summary_edits=(
        replace(
            _TILBURG_SUMMARY_RESULTS,
            Text(
                en="After six months, the team now talks with each family about its own results.",
                nl="Na zes maanden bespreekt het team nu met elk gezin de eigen resultaten.",
            ),
        ),
    ),
    draft_status=FactsheetStatus.in_review,
)

# --------------------------------------------------------------------------------------
# Plain-language texts: what the plain-language factsheet says for each section
# --------------------------------------------------------------------------------------

# Written for family representatives (B1): short sentences, everyday words. The researcher
# confirmed each one before session 2's factsheet was published; the drafts carry them forward.
PLAIN_TEXTS: dict[tuple[str, PartnershipCondition], Text] = {
    (LEIDEN, _MONITORING): Text(
        en=(
            "The team keeps figures on how many families it helps and how long they wait. "
            "Families wait about nine weeks for the first home visit. After three months, "
            "families get a form. Fewer than half send it back. The form asks for a mark, but "
            "families care most about one plan and not telling their story again."
        ),
        nl=(
            "Het team houdt bij hoeveel gezinnen het helpt en hoe lang ze wachten. Gezinnen "
            "wachten ongeveer negen weken op het eerste huisbezoek. Na drie maanden krijgen "
            "gezinnen een formulier. Minder dan de helft stuurt het terug. Het formulier vraagt "
            "om een cijfer, maar gezinnen vinden één plan en hun verhaal niet opnieuw vertellen "
            "het belangrijkst."
        ),
    ),
    (LEIDEN, _SHARED_VISION): Text(
        en=(
            "Everyone agrees: when a parent and a child both have problems, one team should "
            "help the whole family. The doctors for the child and for the parent now often set "
            "one goal together. But the organisations are paid in different ways. They have "
            "not talked about this openly yet."
        ),
        nl=(
            "Iedereen is het eens: als een ouder en een kind allebei problemen hebben, helpt "
            "één team het hele gezin. De artsen van het kind en van de ouder kiezen nu vaak samen "
            "één doel. Maar de organisaties worden op verschillende manieren betaald. Daar "
            "hebben ze nog niet open over gepraat."
        ),
    ),
    (LEIDEN, _ROLES): Text(
        en=(
            "The family coach should be your first contact. In practice, the person who visits "
            "first often takes the lead. Sometimes three people think they are your main "
            "contact. The team wants to choose one contact per family, and tell the family who "
            "it is."
        ),
        nl=(
            "De gezinscoach hoort uw eerste contactpersoon te zijn. In de praktijk neemt vaak "
            "degene die het eerst langskomt de leiding. Soms denken drie mensen dat zij uw "
            "contactpersoon zijn. Het team wil per gezin één contactpersoon kiezen en het gezin "
            "vertellen wie dat is."
        ),
    ),
    (LEIDEN, _FINANCING): Text(
        en=(
            "The three towns pay for the team. The health insurer pays for the parent's "
            "doctor, but only when the parent has a diagnosis. Help for a parent without a "
            "diagnosis is paid by no one. The team helps anyway, but there is no agreement "
            "about it."
        ),
        nl=(
            "De drie gemeenten betalen het team. De zorgverzekeraar betaalt de arts van de "
            "ouder, maar alleen als de ouder een diagnose heeft. Hulp aan een ouder zonder "
            "diagnose betaalt niemand. Het team helpt toch, maar daar is geen afspraak over."
        ),
    ),
    (DRECHTSTEDEN, _MONITORING): Text(
        en=(
            "At the start, each family sets goals with the team. At the end, the team checks "
            "how far the family got. The team gets extra money when goals are reached. So "
            "goals that take a long time, like paying off debts, are often left out."
        ),
        nl=(
            "Aan het begin kiest elk gezin samen met het team doelen. Aan het eind kijkt het "
            "team hoe ver het gezin is gekomen. Het team krijgt extra geld als doelen gehaald "
            "zijn. Daarom blijven doelen die lang duren, zoals schulden aflossen, vaak weg."
        ),
    ),
    (DRECHTSTEDEN, _SHARED_VISION): Text(
        en=(
            "Everyone says: one family, one plan, one team. Families notice this. They no "
            "longer get three separate plans. But the organisations each have their own money "
            "worries. They do not talk about them enough."
        ),
        nl=(
            "Iedereen zegt: één gezin, één plan, één team. Gezinnen merken dat. Ze krijgen "
            "geen drie losse plannen meer. Maar de organisaties hebben elk hun eigen zorgen "
            "over geld. Daar praten ze te weinig over."
        ),
    ),
    (DRECHTSTEDEN, _ROLES): Text(
        en=(
            "Once, two helpers visited the same father in one week. He had to tell everything "
            "twice. Now the family chooses one contact person in the first talk. There is no "
            "plan yet for when that person is away."
        ),
        nl=(
            "Eén keer kwamen twee hulpverleners in dezelfde week bij dezelfde vader. Hij moest "
            "alles twee keer vertellen. Nu kiest het gezin in het eerste gesprek één "
            "contactpersoon. Er is nog geen plan voor als die persoon weg is."
        ),
    ),
    (DRECHTSTEDEN, _FINANCING): Text(
        en=(
            "The region pays a fixed amount per family. It pays extra when the goals are "
            "reached. Help with a parent's debts does not fit in this money. The region is "
            "willing to talk about changing the rules."
        ),
        nl=(
            "De regio betaalt een vast bedrag per gezin. Er komt geld bij als de doelen gehaald "
            "zijn. Hulp bij de schulden van een ouder past niet in dit geld. De regio wil praten "
            "over andere regels."
        ),
    ),
    (ZWOLLE, _MONITORING): Text(
        en=(
            "Twice a year, the team talks about every family. These talks do not always take "
            "place. Nothing else is written down about how families are doing. Families are "
            "not part of these talks. They do not hear what the team decides."
        ),
        nl=(
            "Twee keer per jaar praat het team over elk gezin. Die gesprekken gaan niet altijd "
            "door. Verder wordt niets opgeschreven over hoe het met gezinnen gaat. Gezinnen "
            "zitten niet bij deze gesprekken. Ze horen niet wat het team besluit."
        ),
    ),
    (ZWOLLE, _SHARED_VISION): Text(
        en=(
            "The team brings expert help close to home, near the family and the family "
            "doctor. All partners agree with this. But it is not clear how long the team "
            "stays with a family. The team and the local teams answer this in different ways."
        ),
        nl=(
            "Het team brengt hulp van experts dicht bij huis, bij het gezin en de huisarts. "
            "Alle partners vinden dat goed. Maar het is niet duidelijk hoe lang het team bij "
            "een gezin blijft. Het team en de wijkteams denken daar verschillend over."
        ),
    ),
    (ZWOLLE, _ROLES): Text(
        en=(
            "Inside the team, everyone knows their task. It is not clear when a family goes "
            "back to the local team. Many families call one nurse about everything. Her job "
            "is paid by the trial money."
        ),
        nl=(
            "In het team weet iedereen wat zijn taak is. Het is niet duidelijk wanneer een "
            "gezin teruggaat naar het wijkteam. Veel gezinnen bellen één verpleegkundige over "
            "alles. Haar baan wordt betaald uit het geld voor de proef."
        ),
    ),
    (ZWOLLE, _FINANCING): Text(
        en=(
            "The team is a trial. The money stops at the end of 2026. The towns decide later "
            "whether the team goes on. Nobody knows who pays in the months in between. "
            "Families have not been told."
        ),
        nl=(
            "Het team is een proef. Het geld stopt eind 2026. De gemeenten beslissen later of "
            "het team doorgaat. Niemand weet wie de maanden daartussen betaalt. Gezinnen weten "
            "dit nog niet."
        ),
    ),
    (GRONINGEN, _MONITORING): Text(
        en=(
            "The team counts the hours it works and how long families wait. Families in the "
            "city wait about seven weeks. In the country, they wait twice as long. Nobody asks "
            "families how the help went."
        ),
        nl=(
            "Het team telt de uren die het werkt en hoe lang gezinnen wachten. Gezinnen in de "
            "stad wachten ongeveer zeven weken. Op het platteland wachten ze twee keer zo lang. "
            "Niemand vraagt gezinnen hoe de hulp ging."
        ),
    ),
    (GRONINGEN, _SHARED_VISION): Text(
        en=(
            "The team has many kinds of experts. They do not always agree on what comes "
            "first. In one family, they could not agree on one goal. Each organisation also "
            "answers to its own board."
        ),
        nl=(
            "Het team heeft veel soorten experts. Ze zijn het niet altijd eens over wat eerst "
            "moet. Bij één gezin kwamen ze niet tot één doel. Elke organisatie legt ook "
            "verantwoording af aan haar eigen bestuur."
        ),
    ),
    (GRONINGEN, _ROLES): Text(
        en=(
            "When two helpers visit a family together, both send a bill. The town then asks "
            "questions about it. So some helpers now go alone. Then the family has to tell "
            "its story twice. No one is chosen as the family's contact."
        ),
        nl=(
            "Als twee hulpverleners samen bij een gezin komen, sturen ze allebei een rekening. "
            "De gemeente stelt daar dan vragen over. Daarom gaan sommigen nu alleen. Dan moet "
            "het gezin zijn verhaal twee keer vertellen. Niemand is gekozen als contactpersoon "
            "van het gezin."
        ),
    ),
    (GRONINGEN, _FINANCING): Text(
        en=(
            "The towns pay the team for every hour of work. Time to talk together and travel "
            "time are hardly paid. Nobody knows what all the help for one family costs."
        ),
        nl=(
            "De gemeenten betalen het team voor elk uur werk. Tijd om samen te overleggen en "
            "reistijd worden bijna niet betaald. Niemand weet wat alle hulp voor één gezin "
            "kost."
        ),
    ),
    (TILBURG, _MONITORING): Text(
        en=(
            "The partners agreed on three goals for families: going to school, a regular day, "
            "and parents who feel they can cope. More than half of the families got better on "
            "two of these goals. Families answer the questions, but nobody talks the results "
            "through with them."
        ),
        nl=(
            "De partners kozen drie doelen voor gezinnen: naar school gaan, een vast "
            "dagritme, en ouders die het aankunnen. Meer dan de helft van de gezinnen ging "
            "vooruit op twee van die doelen. Gezinnen vullen de vragen in, maar niemand "
            "bespreekt de uitkomsten met hen."
        ),
    ),
    (TILBURG, _SHARED_VISION): Text(
        en=(
            "The partners first agreed on what families need. Only then did they talk about "
            "money. That took a year and a half. Now everyone tells the same story about why "
            "the team is there."
        ),
        nl=(
            "De partners spraken eerst af wat gezinnen nodig hebben. Pas daarna praatten ze "
            "over geld. Dat duurde anderhalf jaar. Nu vertelt iedereen hetzelfde verhaal over "
            "waarom het team er is."
        ),
    ),
    (TILBURG, _ROLES): Text(
        en=(
            "Every family has one contact person. Often this is the social worker at school. "
            "The family gets the name and number on paper. Not every school does this in the "
            "same way yet."
        ),
        nl=(
            "Elk gezin heeft één contactpersoon. Vaak is dat de schoolmaatschappelijk werker. "
            "Het gezin krijgt de naam en het nummer op papier. Nog niet elke school doet dit op "
            "dezelfde manier."
        ),
    ),
    (TILBURG, _FINANCING): Text(
        en=(
            "The towns and the health insurer put their money in one pot. So helpers can work "
            "together without asking who pays. But now it is less clear who keeps track of "
            "the money."
        ),
        nl=(
            "De gemeenten en de zorgverzekeraar doen hun geld in één pot. Zo kunnen "
            "hulpverleners samenwerken zonder te vragen wie betaalt. Maar nu is minder "
            "duidelijk wie het geld bijhoudt."
        ),
    ),
}
# The next session's plain texts where a revision changed what a family should hear; the other
# sections carry their confirmed plain text forward unchanged.
REVISED_PLAIN_TEXTS: dict[tuple[str, PartnershipCondition], Text] = {
    (LEIDEN, _MONITORING): Text(
        en=(
            "Families now wait about seven weeks for the first home visit. That is shorter "
            "than before. After three months, the family coach now calls every family. She "
            "asks what has changed and what the team can do better. More families answer "
            "than with the old form."
        ),
        nl=(
            "Gezinnen wachten nu ongeveer zeven weken op het eerste huisbezoek. Dat is korter "
            "dan eerst. Na drie maanden belt de gezinscoach nu elk gezin. Ze vraagt wat er is "
            "veranderd en wat het team beter kan doen. Meer gezinnen geven antwoord dan met "
            "het oude formulier."
        ),
    ),
    (DRECHTSTEDEN, _FINANCING): Text(
        en=(
            "The region pays extra when goals are reached. Goals that take long, like paying "
            "off debts, did not fit. Now the team tries a new way with ten families: it is "
            "paid for each step forward. The region hears about it in January."
        ),
        nl=(
            "De regio betaalt extra als doelen gehaald zijn. Doelen die lang duren, zoals "
            "schulden aflossen, pasten daar niet in. Nu probeert het team met tien gezinnen een "
            "nieuwe manier: het krijgt geld voor elke stap vooruit. De regio hoort er in "
            "januari over."
        ),
    ),
    (ZWOLLE, _MONITORING): Text(
        en=(
            "Twice a year, the team talks about every family. Most of these talks now take "
            "place. Since the summer, parents may join the last part of the talk about their "
            "family. The team now writes down what the family says."
        ),
        nl=(
            "Twee keer per jaar praat het team over elk gezin. De meeste gesprekken gaan nu "
            "door. Sinds de zomer mogen ouders bij het laatste deel van het gesprek over hun "
            "gezin zijn. Het team schrijft nu op wat het gezin zegt."
        ),
    ),
    (GRONINGEN, _MONITORING): Text(
        en=(
            "The team counts the hours it works and how long families wait. Families now "
            "wait about eight weeks. In the country, someone visits within two weeks to help "
            "while you wait. Still, nobody asks families how the help went."
        ),
        nl=(
            "Het team telt de uren die het werkt en hoe lang gezinnen wachten. Gezinnen "
            "wachten nu ongeveer acht weken. Op het platteland komt er binnen twee weken "
            "iemand langs om te helpen tijdens het wachten. Toch vraagt niemand gezinnen hoe de "
            "hulp ging."
        ),
    ),
    (TILBURG, _MONITORING): Text(
        en=(
            "The partners agreed on three goals for families: going to school, a regular day, "
            "and parents who feel they can cope. There is now a short page about these goals "
            "in plain words. After six months, the team talks the results through with each "
            "family."
        ),
        nl=(
            "De partners kozen drie doelen voor gezinnen: naar school gaan, een vast "
            "dagritme, en ouders die het aankunnen. Er is nu een korte pagina over die doelen in "
            "gewone woorden. Na zes maanden bespreekt het team de uitkomsten met elk gezin."
        ),
    ),
}
# One revised section of a draft still with the researcher whose plain text is left empty:
# the editor shows the suggestion, so a new user sees the confirm step.
SUGGESTION_LEFT_IN = (ZWOLLE, _FINANCING)

FACTSHEETS: tuple[FactsheetSpec, ...] = (
    LEIDEN_FACTSHEET,
    DRECHTSTEDEN_FACTSHEET,
    ZWOLLE_FACTSHEET,
    GRONINGEN_FACTSHEET,
    TILBURG_FACTSHEET,
)

# --------------------------------------------------------------------------------------
# Insertion
# --------------------------------------------------------------------------------------


def add_demo_factsheets(db: Session, *, language: str) -> None:
    """Publish session 2's factsheets and prepare session 3's drafts for the seeded demo."""
    community = db.exec(
        select(LearningCommunity).where(
            LearningCommunity.name == content.COMMUNITY.name.pick(language)
        )
    ).one()
    sessions = {
        learning_session.number: learning_session
        for learning_session in db.exec(
            select(LearningSession).where(LearningSession.community_id == community.id)
        ).all()
    }
    initiatives = {
        initiative.name: initiative
        for initiative in db.exec(
            select(Initiative).where(Initiative.community_id == community.id)
        ).all()
    }
    names = {spec.key: spec.name for spec in content.INITIATIVES}
    for spec in FACTSHEETS:
        _add_factsheets(
            db,
            spec,
            initiative=initiatives[names[spec.initiative]],
            held=sessions[PUBLISHED_SESSION],
            preparing=sessions[DRAFT_SESSION],
            language=language,
        )
    db.flush()


def _add_factsheets(
    db: Session,
    spec: FactsheetSpec,
    *,
    initiative: Initiative,
    held: LearningSession,
    preparing: LearningSession,
    language: str,
) -> None:
    """One initiative's published factsheet for the held session and its revised next draft."""
    published = service.start_draft(db=db, initiative=initiative, learning_session=held)
    held_out = _published_on(held.number)
    for section_spec in spec.sections:
        _save_section(
            db,
            published,
            section_spec.condition,
            analysis=section_spec.analysis.pick(language),
            facilitators=section_spec.facilitators.pick(language),
            barriers=section_spec.barriers.pick(language),
            levels=section_spec.levels,
            evidence_ids=_quotable(db, initiative, section_spec.condition, held_out),
            plain_text=PLAIN_TEXTS[(spec.initiative, section_spec.condition)].pick(language),
            plain_confirmed=True,
        )
    _save_summary(db, published, spec.summary.pick(language))
    service.change_status(db=db, factsheet=published, status=FactsheetStatus.in_review)
    service.change_status(db=db, factsheet=published, status=FactsheetStatus.published)
    # The demo's history: it went out two weeks before the session, not at seeding time.
    published.published_at = datetime.combine(
        held_out, PUBLISHED_AT, tzinfo=ZoneInfo(content.TIMEZONE)
    )

    draft = service.start_draft(db=db, initiative=initiative, learning_session=preparing)
    draft_out = _published_on(preparing.number)
    for revision in spec.revisions:
        earlier = service.section(draft, revision.condition)
        # The confirmed plain text carries forward, except where a suggestion waits.
        suggested = (spec.initiative, revision.condition) == SUGGESTION_LEFT_IN
        _save_section(
            db,
            draft,
            revision.condition,
            analysis=_revise(earlier.analysis, revision.edits, language),
            facilitators=_pick(revision.facilitators, language) or earlier.facilitators,
            barriers=_pick(revision.barriers, language) or earlier.barriers,
            levels=revision.levels or tuple(earlier.levels),
            evidence_ids=_quotable(db, initiative, revision.condition, draft_out),
            plain_text=""
            if suggested
            else _pick(REVISED_PLAIN_TEXTS.get((spec.initiative, revision.condition)), language)
            or earlier.plain_text,
            plain_confirmed=not suggested,
        )
    if spec.summary_edits:
        summary = _revise(draft.plain_language_summary, spec.summary_edits, language)
        _save_summary(db, draft, summary)
    if spec.draft_status == FactsheetStatus.in_review:
        service.change_status(db=db, factsheet=draft, status=FactsheetStatus.in_review)


def _save_section(
    db: Session,
    factsheet: Factsheet,
    condition: PartnershipCondition,
    *,
    analysis: str,
    facilitators: str,
    barriers: str,
    levels: Sequence[IntegrationLevel],
    evidence_ids: list[int],
    plain_text: str,
    plain_confirmed: bool,
) -> None:
    stored = service.section(factsheet, condition)
    service.update_section(
        db=db,
        factsheet=factsheet,
        condition=condition,
        data=SectionUpdate(
            version=stored.version,
            analysis=analysis,
            facilitators=facilitators,
            barriers=barriers,
            levels=list(levels),
            evidence_ids=evidence_ids,
            plain_text=plain_text,
            plain_confirmed=plain_confirmed,
        ),
    )


def _save_summary(db: Session, factsheet: Factsheet, summary: str) -> None:
    service.update_summary(
        db=db,
        factsheet=factsheet,
        data=SummaryUpdate(version=factsheet.version, plain_language_summary=summary),
    )


def _published_on(session_number: int) -> date:
    """The day the session's factsheets go out: two weeks before the session."""
    day = next(spec.day for spec in content.SESSIONS if spec.number == session_number)
    return day - PUBLISHED_BEFORE_SESSION


def _quotable(
    db: Session, initiative: Initiative, condition: PartnershipCondition, before: date
) -> list[int]:
    """The newest quotable excerpts on the condition that were known before ``before``."""
    ids = db.exec(
        select(EvidenceItem.id)
        .join(EvidenceCondition, col(EvidenceCondition.evidence_item_id) == EvidenceItem.id)
        .where(
            EvidenceItem.initiative_id == initiative.id,
            col(EvidenceItem.quote_consent).is_(True),
            EvidenceCondition.condition == condition,
            col(EvidenceItem.observed_on) < before,
        )
        .order_by(col(EvidenceItem.observed_on).desc(), col(EvidenceItem.id).desc())
        .limit(MAX_QUOTES)
    ).all()
    return [evidence_id for evidence_id in ids if evidence_id is not None]


def _revise(text: str, edits: Sequence[Edit], language: str) -> str:
    for edit in edits:
        before = edit.before.pick(language)
        if text.count(before) != 1:
            raise ValueError(f"an edit expects {before!r} exactly once in {text!r}")
        text = text.replace(before, edit.after.pick(language))
    return text


def _pick(text: Text | None, language: str) -> str | None:
    return None if text is None else text.pick(language)
