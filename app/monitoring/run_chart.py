"""Run charts as plain data: the points over time, the median, the target and the baseline,
and the run rules that say a change is more than noise. Pure functions; the SVG macro
(templates/monitoring/_run_chart.html) draws what these compute.

The rules (as in improvement science's run charts):
- a *shift*: 6 or more consecutive points all above or all below the median; points on the
  median neither break a shift nor count towards it;
- a *trend*: 5 or more consecutive points all going up or all going down; a point equal to
  the one before neither breaks a trend nor counts towards it.
"""

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from statistics import median

SHIFT_LENGTH = 6
TREND_LENGTH = 5


@dataclass(frozen=True)
class Run:
    kind: str  # "shift" or "trend"
    direction: str  # "above"/"below" for a shift, "up"/"down" for a trend
    indices: tuple[int, ...]  # the points that count, in time order
    start: date
    end: date

    @property
    def length(self) -> int:
        return len(self.indices)


def _shifts_by_sign(signs: Sequence[int], dates: Sequence[date]) -> list[Run]:
    """Maximal stretches of the same side of the median (0, on it, neither breaks nor counts)."""
    found: list[Run] = []
    current: list[int] = []
    side = 0

    def close() -> None:
        if len(current) >= SHIFT_LENGTH:
            direction = "above" if side > 0 else "below"
            found.append(
                Run("shift", direction, tuple(current), dates[current[0]], dates[current[-1]])
            )

    for index, sign in enumerate(signs):
        if sign == 0:
            continue
        if sign != side:
            close()
            current = []
            side = sign
        current.append(index)
    close()
    return found


def shifts(values: Sequence[float], dates: Sequence[date]) -> list[Run]:
    """Every shift in ``values`` (in time order) around their median."""
    if not values:
        return []
    middle = median(values)
    signs = [(value > middle) - (value < middle) for value in values]
    return _shifts_by_sign(signs, dates)


def trends(values: Sequence[float], dates: Sequence[date]) -> list[Run]:
    """Every trend in ``values``: each point counts with the step that reaches it, and the
    first point of a trend is the one it starts from."""
    found: list[Run] = []
    if len(values) < 2:
        return found
    steps = [(b > a) - (b < a) for a, b in itertools.pairwise(values)]
    stretch: list[int] = []
    sign = 0
    previous = 0  # the last point that counted

    def close() -> None:
        if len(stretch) >= TREND_LENGTH:
            direction = "up" if sign > 0 else "down"
            found.append(
                Run("trend", direction, tuple(stretch), dates[stretch[0]], dates[stretch[-1]])
            )

    for index, step in enumerate(steps, start=1):
        if step == 0:
            continue
        if step != sign:
            close()
            stretch = [previous]
            sign = step
        stretch.append(index)
        previous = index
    close()
    return found


@dataclass(frozen=True)
class ChartPoint:
    measured_on: date
    value: float
    x: float
    y: float
    marker: str  # "point", "shift" or "trend" (shift wins where both apply)


@dataclass(frozen=True)
class RunChart:
    points: tuple[ChartPoint, ...]
    median: float | None
    shifts: tuple[Run, ...]
    trends: tuple[Run, ...]
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float  # y of the axis
    ticks: tuple[tuple[float, float], ...]  # (value, y)
    median_y: float | None
    target_y: float | None
    baseline_y: float | None
    shift_y: float  # the row of the shifts' brackets
    trend_y: float  # the row of the trends' brackets


def _scale(value: float, low: float, high: float, top: float, bottom: float) -> float:
    if high == low:
        return round((top + bottom) / 2, 2)
    return round(bottom - (bottom - top) * (value - low) / (high - low), 2)


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round scale values from at or below ``low`` to at or above ``high``."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    ticks = [round(math.floor(low / step) * step, 6)]
    while ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 6))
    return ticks


def run_chart(
    measurements: Sequence[tuple[date, float]],
    *,
    target: float | None = None,
    baseline: float | None = None,
    width: int = 640,
    height: int = 260,
) -> RunChart:
    """The chart of ``measurements`` (any order), points evenly spaced in time order."""
    ordered = sorted(measurements)
    dates = [day for day, _ in ordered]
    values = [value for _, value in ordered]
    found_shifts = shifts(values, dates)
    found_trends = trends(values, dates)
    middle = median(values) if values else None
    # Two rows above the plot hold the runs' brackets and labels, clear of the data.
    small = height < 200
    shift_y, trend_y = (12.0, 26.0) if small else (14.0, 30.0)
    left, right, top, bottom = 44.0, 28.0, trend_y + 10, float(height - 40)
    reference = [v for v in (*values, target, baseline) if v is not None]
    ticks = nice_ticks(min(reference, default=0.0), max(reference, default=1.0))
    low, high = ticks[0], ticks[-1]
    span = width - left - right
    slot = span / max(len(values) - 1, 1)
    in_shift = {i for run in found_shifts for i in run.indices}
    in_trend = {i for run in found_trends for i in run.indices}
    points = tuple(
        ChartPoint(
            measured_on=day,
            value=value,
            x=round(left + (index * slot if len(values) > 1 else span / 2), 2),
            y=_scale(value, low, high, top, bottom),
            marker="shift" if index in in_shift else "trend" if index in in_trend else "point",
        )
        for index, (day, value) in enumerate(ordered)
    )

    def y_or_none(value: float | None) -> float | None:
        return None if value is None else _scale(value, low, high, top, bottom)

    return RunChart(
        points=points,
        median=middle,
        shifts=tuple(found_shifts),
        trends=tuple(found_trends),
        width=width,
        height=height,
        left=left,
        right=width - right,
        top=top,
        bottom=bottom,
        ticks=tuple((tick, _scale(tick, low, high, top, bottom)) for tick in ticks),
        median_y=y_or_none(middle),
        target_y=y_or_none(target),
        baseline_y=y_or_none(baseline),
        shift_y=shift_y,
        trend_y=trend_y,
    )


MARKERS: tuple[str, ...] = ("circle", "square", "triangle", "diamond", "cross")
DASHES: tuple[str, ...] = ("", "6 3", "2 3", "8 3 2 3", "1 5")


@dataclass(frozen=True)
class Series:
    label: str
    marker: str
    dash: str
    points: tuple[ChartPoint, ...]


@dataclass(frozen=True)
class CompareChart:
    series: tuple[Series, ...]
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    ticks: tuple[tuple[float, float], ...]
    first: date | None
    last: date | None


def compare_chart(
    named_series: Sequence[tuple[str, Sequence[tuple[date, float]]]],
    *,
    width: int = 640,
    height: int = 280,
) -> CompareChart:
    """Several series on one time axis (x by date, so series measured on different days
    line up), each with its own marker and line style so they read without colour."""
    left, right, top, bottom = 44.0, 28.0, 16.0, float(height - 40)
    days = [day for _, series in named_series for day, _ in series]
    values = [value for _, series in named_series for _, value in series]
    ticks = nice_ticks(min(values, default=0.0), max(values, default=1.0))
    low, high = ticks[0], ticks[-1]
    first, last = (min(days), max(days)) if days else (None, None)
    span_days = (last - first).days if first and last else 0

    def x_of(day: date) -> float:
        if not first or span_days == 0:
            return round(left + (width - left - right) / 2, 2)
        return round(left + (width - left - right) * (day - first).days / span_days, 2)

    return CompareChart(
        series=tuple(
            Series(
                label=label,
                marker=MARKERS[index % len(MARKERS)],
                dash=DASHES[index % len(DASHES)],
                points=tuple(
                    ChartPoint(
                        day, value, x_of(day), _scale(value, low, high, top, bottom), "point"
                    )
                    for day, value in sorted(series)
                ),
            )
            for index, (label, series) in enumerate(named_series)
        ),
        width=width,
        height=height,
        left=left,
        right=width - right,
        top=top,
        bottom=bottom,
        ticks=tuple((tick, _scale(tick, low, high, top, bottom)) for tick in ticks),
        first=first,
        last=last,
    )
