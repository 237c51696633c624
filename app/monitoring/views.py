"""What the indicator pages show besides the rows: numbers and dates in the page's language,
the run chart of an indicator, and the vocabularies of the form."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from app.monitoring.run_chart import CompareChart, RunChart, run_chart
from app.monitoring.service import IndicatorRow
from app.vocabulary import IntegrationLevel, PartnershipCondition


def number(value: float | None, language: str) -> str:
    return "–" if value is None else format_decimal(value, format="#,##0.##", locale=language)


def month(value: date, language: str) -> str:
    return format_date(value, "MMM y", locale=language)


@dataclass(frozen=True)
class IndicatorView:
    row: IndicatorRow
    chart: RunChart
    x_labels: tuple[tuple[float, str], ...]  # (x, text) under the axis

    @property
    def indicator(self) -> Any:
        return self.row.indicator


def indicator_view(row: IndicatorRow, language: str, *, small: bool = False) -> IndicatorView:
    width, height = (320, 150) if small else (640, 280)
    chart = run_chart(
        row.measurements,
        target=row.indicator.target,
        baseline=row.indicator.baseline,
        width=width,
        height=height,
    )
    points = chart.points
    every = max(1, -(-len(points) // (4 if small else 8)))
    labels = tuple(
        (point.x, month(point.measured_on, language))
        for index, point in enumerate(points)
        if index % every == 0 or index == len(points) - 1
    )
    return IndicatorView(row, chart, labels)


def time_labels(chart: CompareChart, language: str) -> list[tuple[float, str]]:
    """Month labels under a time axis, at least 60 units apart so they do not overlap."""
    points = sorted({(p.x, p.measured_on) for s in chart.series for p in s.points})
    labels: list[tuple[float, str]] = []
    for x, day in points:
        if not labels or x - labels[-1][0] >= 60:
            labels.append((x, month(day, language)))
    return labels


def compare_table(rows: list[IndicatorRow]) -> list[tuple[date, list[float | None]]]:
    """One line per date any initiative measured, one value (or None) per initiative."""
    values = [dict(row.measurements) for row in rows]
    days = sorted({day for row in rows for day, _ in row.measurements})
    return [(day, [by_day.get(day) for by_day in values]) for day in days]


def helpers(language: str) -> dict[str, Any]:
    return {
        "number": lambda value: number(value, language),
        "month": lambda value: month(value, language),
    }


def vocabularies() -> dict[str, Any]:
    return {"conditions": list(PartnershipCondition), "levels": list(IntegrationLevel)}
