"""Bar charts as plain data: the bars, the scale and the labels, computed once, so the page's
SVG macro (templates/evaluations/_chart.html) and a PDF draw the same chart.

Every bar carries its label and its value as text, so the chart reads without colour.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from app.evaluations.schemas import SCORES

SCORE_LABELS: tuple[str, ...] = tuple(map(str, SCORES))


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class BarChart:
    """A vertical bar chart with a value above every bar and its label below."""

    bars: tuple[Bar, ...]
    scale_max: int  # the value a full-height bar stands for
    width: int
    height: int
    baseline: float  # y of the axis
    ticks: tuple[tuple[int, float], ...]  # (value, y) of the scale's lines


def bar_chart(
    counts: Sequence[int],
    labels: Sequence[str] = SCORE_LABELS,
    *,
    width: int = 320,
    height: int = 180,
    scale_max: int | None = None,
) -> BarChart:
    """``counts`` drawn against ``scale_max`` (the largest count, at least 1): small multiples
    pass one shared maximum so their bars compare."""
    top, bottom, left, right = 18.0, 24.0, 28.0, 8.0
    maximum = max(scale_max or 0, max(counts, default=0), 1)
    plot_height = height - top - bottom
    slot = (width - left - right) / max(len(counts), 1)
    baseline = top + plot_height
    bars = tuple(
        Bar(
            label=label,
            value=value,
            x=round(left + index * slot + slot * 0.15, 2),
            y=round(baseline - plot_height * value / maximum, 2),
            width=round(slot * 0.7, 2),
            height=round(plot_height * value / maximum, 2),
        )
        for index, (label, value) in enumerate(zip(labels, counts, strict=True))
    )
    step = max(1, -(-maximum // 4))
    ticks = tuple(
        (value, round(baseline - plot_height * value / maximum, 2))
        for value in range(0, maximum + 1, step)
    )
    return BarChart(bars, maximum, width, height, baseline, ticks)
