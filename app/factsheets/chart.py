"""The geometry of the factsheets' SVG bar chart: numbers and labels, no markup.

``factsheets/factsheet/chart.svg`` draws a ``BarChart`` (autoescaped, like every
document template). Colours and text use SVG presentation attributes, never ``style``, so
the chart also passes the web app's Content-Security-Policy when it is shown in a preview.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from app.factsheets.document import MatrixCell
from app.vocabulary import PartnershipCondition, Perspective

TEMPLATE = "factsheet/chart.svg"
FONT_FAMILY = "Atkinson Hyperlegible, DejaVu Sans, sans-serif"
TEXT_COLOUR = "#1d2b2a"
MUTED_COLOUR = "#5b6968"
GRID_COLOUR = "#d9e1e0"

# One colour per perspective: the app's deep teal, a light teal, a warm ochre and a plum,
# told apart by lightness as well as hue.
PERSPECTIVE_COLOURS: dict[Perspective, str] = {
    Perspective.local_government: "#1f5f5b",
    Perspective.organisation: "#7fb8b1",
    Perspective.professional: "#c47f2c",
    Perspective.family: "#7a3f63",
}


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    colour: str


@dataclass(frozen=True)
class Category:
    key: str
    label: str


# Layout in SVG user units (the chart scales to the width of its container).
WIDTH = 640
LABEL_WIDTH = 176
RIGHT_PAD = 28
TOP = 16
BAR = 11
BAR_GAP = 2
GROUP_GAP = 14
LEGEND_ROW = 20
FONT_SIZE = 11
LINE_HEIGHT = 13


@dataclass(frozen=True)
class LegendEntry:
    x: float
    label: str
    colour: str


@dataclass(frozen=True)
class Tick:
    x: float
    value: int


@dataclass(frozen=True)
class Bar:
    """One (category, series) value; a zero has no rectangle, only its number."""

    y: int
    width: float
    colour: str
    value: int
    label_x: float


@dataclass(frozen=True)
class Group:
    label_lines: list[str]
    label_y: float
    bars: list[Bar]


@dataclass(frozen=True)
class BarChart:
    """Everything ``chart.svg`` draws, in SVG user units."""

    title: str
    description: str
    x_label: str
    y_label: str
    width: int
    height: int
    legend_top: int
    legend: list[LegendEntry]
    plot_left: int
    plot_top: int
    plot_bottom: int
    plot_centre: float
    grid_path: str
    ticks: list[Tick]
    groups: list[Group]
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR
    font_family: str = FONT_FAMILY
    font_size: int = FONT_SIZE
    line_height: int = LINE_HEIGHT
    text_colour: str = TEXT_COLOUR
    muted_colour: str = MUTED_COLOUR
    grid_colour: str = GRID_COLOUR


def _nice_step(maximum: int) -> int:
    """A tick step of 1, 2 or 5 × 10^n giving at most six ticks."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if maximum / (step * factor) <= 5:
                return step * factor
        step *= 10


def _wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by characters; good enough for short axis labels."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and len(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


def grouped_bar_chart(
    *,
    title: str,
    description: str,
    x_label: str,
    y_label: str,
    categories: Sequence[Category],
    series: Sequence[Series],
    values: Mapping[tuple[str, str], int],
) -> BarChart:
    """A horizontal grouped bar chart: one group per category, one bar per non-zero value.

    ``values`` maps (category key, series key) to a count; missing keys count as zero.
    Zero values get a "0" at the baseline instead of a bar, so absence reads as data.
    """
    maximum = max([values.get((c.key, s.key), 0) for c in categories for s in series] + [1])
    step = _nice_step(maximum)
    axis_max = -(-maximum // step) * step
    plot_left = LABEL_WIDTH + 8
    plot_width = WIDTH - plot_left - RIGHT_PAD

    def x_for(value: int) -> float:
        return plot_left + plot_width * value / axis_max

    legend_top = TOP
    plot_top = legend_top + LEGEND_ROW + 10
    group_height = len(series) * (BAR + BAR_GAP) - BAR_GAP
    plot_height = len(categories) * (group_height + GROUP_GAP) + GROUP_GAP
    plot_bottom = plot_top + plot_height

    # Legend: swatch and name per series, in the order the bars are drawn.
    legend: list[LegendEntry] = []
    legend_x = float(plot_left)
    for item in series:
        legend.append(LegendEntry(legend_x, item.label, item.colour))
        legend_x += 14 + len(item.label) * FONT_SIZE * 0.52 + 16

    ticks = [Tick(x_for(tick), tick) for tick in range(0, axis_max + 1, step)]
    # One path for the grid lines: fewer elements render faster.
    grid_path = " ".join(f"M{tick.x:.1f} {plot_top}V{plot_bottom}" for tick in ticks if tick.value)

    groups: list[Group] = []
    for index, category in enumerate(categories):
        group_top = plot_top + GROUP_GAP + index * (group_height + GROUP_GAP)
        label_lines = _wrap(category.label, 26)
        bars = []
        for position, item in enumerate(series):
            value = values.get((category.key, item.key), 0)
            bars.append(
                Bar(
                    y=group_top + position * (BAR + BAR_GAP),
                    width=x_for(value) - plot_left,
                    colour=item.colour,
                    value=value,
                    label_x=x_for(value) + 4,
                )
            )
        groups.append(
            Group(
                label_lines=label_lines,
                label_y=group_top + group_height / 2 - (len(label_lines) - 1) * 6.5 + 4,
                bars=bars,
            )
        )

    return BarChart(
        title=title,
        description=description,
        x_label=x_label,
        y_label=y_label,
        width=WIDTH,
        height=plot_bottom + 44,
        legend_top=legend_top,
        legend=legend,
        plot_left=plot_left,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        plot_centre=plot_left + plot_width / 2,
        grid_path=grid_path,
        ticks=ticks,
        groups=groups,
    )


def evidence_chart(
    matrix: Mapping[PartnershipCondition, Mapping[Perspective, MatrixCell]],
    *,
    label: Callable[[str], str],
    title: str,
    description: str,
    x_label: str,
    y_label: str,
) -> BarChart:
    """Evidence items per partnership condition, a bar per perspective.

    ``label`` turns a vocabulary value into the (translated) word people read.
    """
    categories = [Category(condition.value, label(condition)) for condition in PartnershipCondition]
    series = [
        Series(perspective.value, label(perspective), PERSPECTIVE_COLOURS[perspective])
        for perspective in Perspective
    ]
    values = {
        (condition.value, perspective.value): cell.count
        for condition, row in matrix.items()
        for perspective, cell in row.items()
    }
    return grouped_bar_chart(
        title=title,
        description=description,
        x_label=x_label,
        y_label=y_label,
        categories=categories,
        series=series,
        values=values,
    )
