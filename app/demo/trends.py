"""Demo: the researchers' trend judgements — better, the same or worse since the initiative's
previous session, each with a one-line reason — on session 2's published sections, and a few
on session 3's drafts (visible only to their own initiative until they are published).

Session 2's factsheets were frozen when they were published; they are frozen again here, as
if the judgement had been written before publishing, so the preview shows it too.
"""

from dataclasses import dataclass

from sqlmodel import Session, select

from app.demo import content
from app.demo.content import DRECHTSTEDEN, GRONINGEN, LEIDEN, TILBURG, ZWOLLE, Text
from app.factsheets import service
from app.factsheets.models import Factsheet
from app.factsheets.view import freeze
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.vocabulary import FactsheetStatus, PartnershipCondition, Trend

_MONITORING = PartnershipCondition.monitoring
_SHARED_VISION = PartnershipCondition.shared_vision
_ROLES = PartnershipCondition.roles
_FINANCING = PartnershipCondition.financing


@dataclass(frozen=True, slots=True)
class TrendSpec:
    initiative: str  # an initiative key of app.demo.content
    condition: PartnershipCondition
    trend: Trend
    reason: Text  # one line, at most 200 characters


# Session 2 compared with session 1. Two sections are left unjudged: not every researcher
# judges every condition.
PUBLISHED: tuple[TrendSpec, ...] = (
    TrendSpec(LEIDEN, _MONITORING, Trend.same, Text(
        en="The dashboard still counts cases and waiting time; the family evaluation is not yet redesigned.",
        nl="Het dashboard telt nog steeds casussen en wachttijd; de gezinsevaluatie is nog niet vernieuwd.",
    )),
    TrendSpec(LEIDEN, _SHARED_VISION, Trend.better, Text(
        en="Case discussions now start from the whole family, also when the child psychiatrist leads.",
        nl="Casusbesprekingen beginnen nu bij het hele gezin, ook als de kinderpsychiater de leiding heeft.",
    )),
    TrendSpec(LEIDEN, _ROLES, Trend.worse, Text(
        en="Three team members each saw themselves as the lead in one family; the coach's role blurred.",
        nl="Drie teamleden zagen zichzelf elk als regiehouder bij één gezin; de rol van de coach vervaagde.",
    )),
    TrendSpec(LEIDEN, _FINANCING, Trend.same, Text(
        en="The lump sum still covers coordination; the adult psychiatrist's hours remain outside it.",
        nl="De lumpsum dekt nog steeds de coördinatie; de uren van de volwassenenpsychiater vallen erbuiten.",
    )),
    TrendSpec(DRECHTSTEDEN, _MONITORING, Trend.better, Text(
        en="Goal-attainment scores are now recorded at start and closure for every family.",
        nl="Doelrealisatiescores worden nu bij start en afsluiting voor elk gezin vastgelegd.",
    )),
    TrendSpec(DRECHTSTEDEN, _SHARED_VISION, Trend.same, Text(
        en="'One family, one plan' holds, but the partners' interests still pull apart behind it.",
        nl="'Eén gezin, één plan' staat nog, maar de belangen van de partners lopen erachter nog uiteen.",
    )),
    TrendSpec(DRECHTSTEDEN, _ROLES, Trend.worse, Text(
        en="Two workers planned visits to the same father in one week; contacts are not yet shared.",
        nl="Twee hulpverleners planden in één week een bezoek bij dezelfde vader; afspraken zijn nog niet gedeeld.",
    )),
    TrendSpec(DRECHTSTEDEN, _FINANCING, Trend.better, Text(
        en="The result fee now also counts goals reached after a family's relapse.",
        nl="De resultaatvergoeding telt nu ook doelen die na een terugval van een gezin zijn bereikt.",
    )),
    TrendSpec(ZWOLLE, _MONITORING, Trend.worse, Text(
        en="Two of the six-monthly case reviews were not held; nothing else measures progress.",
        nl="Twee van de halfjaarlijkse casusreviews gingen niet door; verder meet niets de voortgang.",
    )),
    TrendSpec(ZWOLLE, _SHARED_VISION, Trend.better, Text(
        en="The GPs now refer with the team's own criteria, so the vision reaches the practice.",
        nl="De huisartsen verwijzen nu met de criteria van het team, dus de visie bereikt de praktijk.",
    )),
    TrendSpec(ZWOLLE, _FINANCING, Trend.worse, Text(
        en="The pilot fund ends in December and no decision on structural funding is planned before spring.",
        nl="Het pilotfonds stopt in december en een besluit over structurele financiering volgt pas in het voorjaar.",
    )),
    TrendSpec(GRONINGEN, _MONITORING, Trend.same, Text(
        en="Monitoring is still hours declared and waiting time; no outcomes for families yet.",
        nl="De monitoring is nog steeds gedeclareerde uren en wachttijd; nog geen uitkomsten voor gezinnen.",
    )),
    TrendSpec(GRONINGEN, _SHARED_VISION, Trend.better, Text(
        en="A joint case discussion format lets psychiatry and disability care weigh each other's view.",
        nl="Een gezamenlijke vorm voor casusbesprekingen laat psychiatrie en gehandicaptenzorg elkaars blik wegen.",
    )),
    TrendSpec(GRONINGEN, _ROLES, Trend.same, Text(
        en="Roles still follow the disciplines; joint home visits are declared twice or not at all.",
        nl="Rollen volgen nog de disciplines; gezamenlijke huisbezoeken worden dubbel of niet gedeclareerd.",
    )),
    TrendSpec(GRONINGEN, _FINANCING, Trend.worse, Text(
        en="The hourly rates per discipline now keep professionals from joint visits.",
        nl="De uurtarieven per discipline houden professionals nu af van gezamenlijke bezoeken.",
    )),
    TrendSpec(TILBURG, _MONITORING, Trend.better, Text(
        en="The shared outcome set is measured for every family at start and after six months.",
        nl="De gedeelde uitkomstenset wordt voor elk gezin bij de start en na zes maanden gemeten.",
    )),
    TrendSpec(TILBURG, _SHARED_VISION, Trend.same, Text(
        en="The three agreed outcomes still guide the partners; nothing new was added.",
        nl="De drie afgesproken uitkomsten sturen de partners nog steeds; er kwam niets bij.",
    )),
    TrendSpec(TILBURG, _FINANCING, Trend.better, Text(
        en="The insurer joined the pooled budget for a second year, without declarations per discipline.",
        nl="De zorgverzekeraar doet een tweede jaar mee aan het gedeelde budget, zonder declaraties per discipline.",
    )),
)  # fmt: skip

# Session 3's drafts, compared with session 2: their own members read these, nobody else yet.
DRAFTS: tuple[TrendSpec, ...] = (
    TrendSpec(LEIDEN, _ROLES, Trend.better, Text(
        en="The family coach is named as lead in every new family plan since September.",
        nl="De gezinscoach staat sinds september in elk nieuw gezinsplan als regiehouder.",
    )),
    TrendSpec(DRECHTSTEDEN, _MONITORING, Trend.same, Text(
        en="Scores are recorded, but families have not yet seen their own results.",
        nl="Scores worden vastgelegd, maar gezinnen hebben hun eigen resultaten nog niet gezien.",
    )),
    TrendSpec(ZWOLLE, _FINANCING, Trend.worse, Text(
        en="The councils postponed the decision on structural funding to after the summer of 2027.",
        nl="De gemeenteraden stelden het besluit over structurele financiering uit tot na de zomer van 2027.",
    )),
    TrendSpec(TILBURG, _MONITORING, Trend.better, Text(
        en="Families now see their own outcome scores in the six-month conversation.",
        nl="Gezinnen zien hun eigen uitkomstscores nu in het gesprek na zes maanden.",
    )),
)  # fmt: skip


def add_demo_trends(db: Session, *, language: str) -> None:
    """Judge session 2's published sections and some of session 3's drafts."""
    names = {spec.key: spec.name for spec in content.INITIATIVES}
    initiatives = dict(db.exec(select(Initiative.name, Initiative.id)).all())
    sessions = dict(db.exec(select(LearningSession.number, LearningSession.id)).all())
    for specs, number, published in (
        (PUBLISHED, 2, True),
        (DRAFTS, content.SESSION_IN_PREPARATION, False),
    ):
        touched: dict[int, Factsheet] = {}
        for spec in specs:
            initiative_id = initiatives[names[spec.initiative]] or 0
            factsheet = service.latest_for(
                db=db, initiative_id=initiative_id, session_id=sessions[number] or 0
            )
            assert factsheet is not None
            assert (factsheet.status == FactsheetStatus.published) == published
            section = service.section(factsheet, spec.condition)
            section.trend = spec.trend
            section.trend_reason = spec.reason.pick(language)
            db.add(section)
            touched[factsheet.id or 0] = factsheet
        db.flush()
        if published:
            for factsheet in sorted(touched.values(), key=lambda f: f.id or 0):
                freeze(db=db, factsheet=factsheet)
    db.flush()
