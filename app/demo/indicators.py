"""Demo: enough measurements for readable run charts (a year of monthly figures for every
demo indicator, around the quarterly ones in content.INDICATORS), and one indicator three
initiatives share, for the comparison across initiatives.

The series are written to show the run rules: shifts of six or more points on one side of
the median, trends of five or more points, and (Groningen's waiting time) five points below
the median that are not yet a shift.
"""

from datetime import date

from sqlmodel import Session, col, select

from app.demo import content
from app.demo.content import GRONINGEN, LEIDEN, ZWOLLE, Text
from app.monitoring.models import Measurement, MonitoringIndicator
from app.vocabulary import IntegrationLevel, PartnershipCondition

MONTH_ENDS: tuple[date, ...] = (
    date(2025, 10, 31),
    date(2025, 11, 30),
    date(2025, 12, 31),
    date(2026, 1, 31),
    date(2026, 2, 28),
    date(2026, 3, 31),
    date(2026, 4, 30),
    date(2026, 5, 31),
    date(2026, 6, 30),
    date(2026, 7, 31),
    date(2026, 8, 31),
    date(2026, 9, 30),
    date(2026, 10, 31),
)
QUARTER_ENDS: tuple[date, ...] = (
    date(2024, 6, 30),
    date(2024, 9, 30),
    date(2024, 12, 31),
    date(2025, 3, 31),
    date(2025, 6, 30),
    date(2025, 9, 30),
    date(2025, 12, 31),
    date(2026, 3, 31),
    date(2026, 6, 30),
    date(2026, 9, 30),
)

# By the English name of the indicator in content.INDICATORS; dates already there are skipped.
SERIES: dict[str, tuple[tuple[date, ...], tuple[float, ...]]] = {
    "Families returning the three-month evaluation": (
        MONTH_ENDS,
        (43, 40, 44, 42, 39, 41, 46, 49, 45, 52, 55, 58, 61),
    ),
    "Median weeks from referral to first home visit": (
        MONTH_ENDS,
        (10, 9.5, 10.5, 9.5, 10, 9.5, 9.5, 9, 9, 8, 7.5, 7, 6.5),
    ),
    "Mean goal-attainment T-score at closure": (
        MONTH_ENDS,
        (51.5, 52.4, 50.8, 51.9, 52.6, 52, 51.4, 52.8, 51.2, 52.1, 51.7, 53.4, 52.3),
    ),
    "Mean trajectory length": (
        MONTH_ENDS,
        (8.1, 7.8, 8.0, 7.7, 7.5, 7.4, 7.7, 8.0, 7.9, 7.6, 7.8, 7.6, 7.5),
    ),
    "Planned case reviews held on schedule": (
        MONTH_ENDS,
        (60, 64, 62, 66, 68, 71, 70, 73, 75, 78, 80, 82, 84),
    ),
    "Median waiting time from referral to start": (
        MONTH_ENDS,
        (11.5, 12, 11, 11.5, 12, 11, 10.5, 10.5, 10, 9, 8.5, 8, 8),
    ),
    "Share of declared hours spent on joint home visits": (
        MONTH_ENDS,
        (15, 14, 16, 15, 14, 14, 13, 12, 11, 10, 10, 9, 9),
    ),
    "Families improved on at least two of the three shared outcomes": (
        MONTH_ENDS,
        (52, 53, 51, 54, 53, 54, 56, 55, 57, 58, 60, 61, 60),
    ),
    "Professionals who changed their practice based on shared results": (
        QUARTER_ENDS,
        (30, 31, 29, 32, 31, 33, 35, 36, 38, 41),
    ),
}

SHARED_NAME = Text(en="Families with one shared plan", nl="Gezinnen met één gezamenlijk plan")
SHARED_SOURCE = Text(en="Case files, monthly count", nl="Dossiers, maandelijkse telling")
SHARED: dict[str, tuple[float, float, tuple[float, ...]]] = {
    LEIDEN: (30, 80, (30, 32, 31, 35, 38, 40, 44, 47, 50, 52, 55, 57, 60)),
    ZWOLLE: (45, 80, (45, 47, 44, 48, 46, 49, 47, 50, 52, 51, 53, 55, 54)),
    GRONINGEN: (20, 60, (20, 22, 21, 20, 23, 25, 24, 26, 25, 28, 27, 30, 31)),
}


def add_demo_indicators(db: Session, *, initiatives: dict[str, int], language: str) -> None:
    names = {spec.name.pick(language): spec.name.en for spec in content.INDICATORS}
    indicators = db.exec(
        select(MonitoringIndicator).where(
            col(MonitoringIndicator.initiative_id).in_(list(initiatives.values()))
        )
    ).all()
    stored = {
        (m.indicator_id, m.measured_on)
        for m in db.exec(
            select(Measurement).where(col(Measurement.indicator_id).in_([i.id for i in indicators]))
        )
    }
    for indicator in indicators:
        english = names.get(indicator.name)
        if english not in SERIES or indicator.id is None:
            continue
        dates, values = SERIES[english]
        db.add_all(
            Measurement(indicator_id=indicator.id, measured_on=day, value=value)
            for day, value in zip(dates, values, strict=True)
            if (indicator.id, day) not in stored
        )
    for key, (baseline, target, values) in SHARED.items():
        shared = MonitoringIndicator(
            initiative_id=initiatives[key],
            name=SHARED_NAME.pick(language),
            condition=PartnershipCondition.roles,
            level=IntegrationLevel.professional,
            source=SHARED_SOURCE.pick(language),
            unit="%",
            baseline=baseline,
            target=target,
        )
        db.add(shared)
        db.flush()
        assert shared.id is not None
        db.add_all(
            Measurement(indicator_id=shared.id, measured_on=day, value=value)
            for day, value in zip(MONTH_ENDS, values, strict=True)
        )
    db.flush()
