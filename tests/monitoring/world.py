"""A small community for the indicator tests: two initiatives with a member each, and an
indicator with a year of measurements whose last six lie above the median."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from app.community.models import LearningCommunity
from app.initiatives.models import Initiative
from app.monitoring.models import Measurement, MonitoringIndicator
from app.people.models import Person
from app.vocabulary import IntegrationLevel, PartnershipCondition, Role
from tests import factories

# median 12: the six values from July to December lie above it, a shift
SHIFT_SERIES = (10, 12, 9, 12, 10, 12, 20, 21, 20, 22, 21, 23, 12)


@dataclass
class IndicatorWorld:
    a: Initiative
    b: Initiative
    member_a: Person
    member_b: Person
    indicator: MonitoringIndicator


def indicator(
    db: Session,
    of: Initiative,
    name: str = "Families with one plan",
    values: tuple[float, ...] = (),
) -> MonitoringIndicator:
    assert of.id is not None
    row = MonitoringIndicator(
        initiative_id=of.id,
        name=name,
        condition=PartnershipCondition.roles,
        level=IntegrationLevel.professional,
        source="Case files",
        unit="%",
        baseline=10,
        target=25,
    )
    db.add(row)
    db.flush()
    assert row.id is not None
    db.add_all(
        Measurement(indicator_id=row.id, measured_on=date(2026 + m // 12, m % 12 + 1, 1), value=v)
        for m, v in enumerate(values)
    )
    db.flush()
    return row


def indicator_world(db: Session, community: LearningCommunity) -> IndicatorWorld:
    a = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    b = factories.initiative(db, community, name="IST Groningen-Ommelanden")
    member_a = factories.person(db, community, name="Pieter Praktijk")
    factories.membership(db, member_a, Role.practitioner, a)
    member_b = factories.person(db, community, name="Bea Beleid")
    factories.membership(db, member_b, Role.policymaker, b)
    return IndicatorWorld(a, b, member_a, member_b, indicator(db, a, values=SHIFT_SERIES))


def indicator_form(**overrides: str) -> dict[str, str]:
    values = {
        "name": "Waiting weeks",
        "condition": "monitoring",
        "level": "organisational",
        "source": "Dashboard",
        "unit": "weeks",
        "baseline": "9,5",
        "target": "4",
    }
    return values | overrides
