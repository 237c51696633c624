"""Demo: good practices of one initiative linked to a barrier of another.

Huis van het Gezin Tilburg brought its pooled budget to session 2 as a good practice
(financing, system level); with the demo's other good practices and the published session-2
factsheets, the comparison suggests a few candidates. The facilitator confirmed two of them:
Tilburg's pooled budget for Wijkexpertteam Zwolle-Kampen's ending pilot fund, and
Samen1Plan Drechtsteden's "the family chooses its coordinator" for Gezinsteam Plus Leidse
Regio's lead that depends on who happens to visit first.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from app.agendas.background_queries import barrier_lines
from app.comparison.models import PracticeLink
from app.contributions.models import GoodPractice
from app.demo import content
from app.demo.content import DRECHTSTEDEN, LEIDEN, TILBURG, ZWOLLE, Text
from app.factsheets.models import Factsheet, FactsheetSection
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.vocabulary import (
    ContributionStatus,
    FactsheetStatus,
    IntegrationLevel,
    PartnershipCondition,
)

SESSION = 2
# After session 2's factsheets went out and before the session: the facilitator read them.
CONFIRMED_AT = datetime(2026, 6, 10, 9, 0, tzinfo=UTC)

POOLED_BUDGET_TITLE = Text(
    en="One budget from the municipalities and the insurer",
    nl="Eén budget van de gemeenten en de zorgverzekeraar",
)
POOLED_BUDGET = Text(
    en=(
        "Before the pilot money ran out, the three municipalities and the regional health "
        "insurer agreed to put what each spent on these families into one budget for three "
        "years, managed jointly by the steering group. The team no longer asks which funder "
        "pays for a visit. Twice a year the steering group reviews the spending against the "
        "three outcomes agreed for families, and any funder may ask for a review in between. "
        "Because the agreement was signed six months before the pilot ended, nobody in the "
        "team had to leave while the decision was pending."
    ),
    nl=(
        "Voordat het pilotgeld op was, spraken de drie gemeenten en de regionale "
        "zorgverzekeraar af om wat ieder aan deze gezinnen uitgaf drie jaar lang in één budget "
        "te stoppen, dat de stuurgroep samen beheert. Het team vraagt niet meer welke "
        "financier een bezoek betaalt. Twee keer per jaar legt de stuurgroep de uitgaven naast "
        "de drie uitkomsten die voor gezinnen zijn afgesproken, en elke financier kan "
        "tussentijds om een evaluatie vragen. Omdat de afspraak een half jaar voor het einde "
        "van de pilot werd getekend, hoefde niemand uit het team te vertrekken terwijl het "
        "besluit nog niet was genomen."
    ),
)


@dataclass(frozen=True, slots=True)
class LinkSpec:
    practice_initiative: str
    condition: PartnershipCondition
    level: IntegrationLevel
    barrier_initiative: str
    reason: Text


LINKS: tuple[LinkSpec, ...] = (
    LinkSpec(
        practice_initiative=TILBURG,
        condition=PartnershipCondition.financing,
        level=IntegrationLevel.system,
        barrier_initiative=ZWOLLE,
        reason=Text(
            en=(
                "Zwolle-Kampen's pilot fund ends before structural funding is decided. Tilburg's "
                "funders committed to a pooled budget for three years while the pilot still "
                "ran, which is the decision Zwolle-Kampen's municipalities have yet to take."
            ),
            nl=(
                "Het pilotfonds van Zwolle-Kampen stopt voordat over structurele financiering "
                "is besloten. De financiers in Tilburg legden zich nog tijdens de pilot voor "
                "drie jaar vast op een gezamenlijk budget: precies het besluit dat de "
                "gemeenten van Zwolle-Kampen nog moeten nemen."
            ),
        ),
    ),
    LinkSpec(
        practice_initiative=DRECHTSTEDEN,
        condition=PartnershipCondition.roles,
        level=IntegrationLevel.clinical,
        barrier_initiative=LEIDEN,
        reason=Text(
            en=(
                "In Leiden who leads depends on who happens to make the first visit. In "
                "Drechtsteden the family chooses its coordinator in the first conversation, so "
                "the lead is agreed with the family instead of left to chance."
            ),
            nl=(
                "In Leiden hangt het van het eerste bezoek af wie de regie heeft. In de "
                "Drechtsteden kiest het gezin in het eerste gesprek zijn coördinator, zodat de "
                "regie met het gezin wordt afgesproken in plaats van aan het toeval overgelaten."
            ),
        ),
    ),
)


def _section(
    db: Session, initiative_id: int, session_id: int, condition: PartnershipCondition
) -> FactsheetSection:
    return db.exec(
        select(FactsheetSection)
        .join(Factsheet, col(Factsheet.id) == FactsheetSection.factsheet_id)
        .where(
            Factsheet.initiative_id == initiative_id,
            Factsheet.session_id == session_id,
            Factsheet.status == FactsheetStatus.published,
            FactsheetSection.condition == condition,
        )
        .order_by(col(Factsheet.version_number).desc())
    ).first() or _missing(f"the published {condition} section of initiative {initiative_id}")


def _missing(what: str) -> FactsheetSection:
    raise RuntimeError(f"the demo has no {what}")


def add_demo_practice_links(db: Session, *, initiatives: dict[str, int], language: str) -> None:
    """Tilburg's pooled budget as a good practice of session 2, and two confirmed links."""
    session_id: int = (
        db.exec(select(LearningSession.id).where(LearningSession.number == SESSION)).one() or 0
    )
    facilitator = db.exec(select(Person.id).where(Person.email == content.FACILITATOR)).one()
    manager = db.exec(select(Person.id).where(Person.email == content.MANAGER_TILBURG)).one()
    db.add(
        GoodPractice(
            initiative_id=initiatives[TILBURG],
            session_id=session_id,
            submitted_by_id=manager,
            title=POOLED_BUDGET_TITLE.pick(language),
            description=POOLED_BUDGET.pick(language),
            condition=PartnershipCondition.financing,
            level=IntegrationLevel.system,
            status=ContributionStatus.discussed,
        )
    )
    db.flush()
    for spec in LINKS:
        practice = db.exec(
            select(GoodPractice).where(
                GoodPractice.initiative_id == initiatives[spec.practice_initiative],
                GoodPractice.session_id == session_id,
                GoodPractice.condition == spec.condition,
                GoodPractice.level == spec.level,
            )
        ).one()
        section = _section(db, initiatives[spec.barrier_initiative], session_id, spec.condition)
        db.add(
            PracticeLink(
                good_practice_id=practice.id or 0,
                section_id=section.id or 0,
                barrier=barrier_lines(section.barriers)[0],
                reason=spec.reason.pick(language),
                confirmed_by_id=facilitator,
                confirmed_at=CONFIRMED_AT,
            )
        )
    db.flush()
