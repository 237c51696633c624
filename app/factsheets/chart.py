"""Server-rendered SVG bar charts for factsheets: plain markup, real text, no scripts.

Every label is escaped here, because the result is inserted into templates as markup.
Colours and text use SVG presentation attributes, never ``style``, so the chart also
passes the web app's Content-Security-Policy when it is shown in a preview.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from app.factsheets.document import MatrixCell
from app.vocabulary import PartnershipCondition, Perspective

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


def _attr(value: str) -> str:
    return escape(value, quote=True)


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
) -> str:
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
    legend_height = LEGEND_ROW
    plot_top = legend_top + legend_height + 10
    group_height = len(series) * (BAR + BAR_GAP) - BAR_GAP
    plot_height = len(categories) * (group_height + GROUP_GAP) + GROUP_GAP
    plot_bottom = plot_top + plot_height
    height = plot_bottom + 44

    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-labelledby="chart-title chart-desc" font-family="{_attr(FONT_FAMILY)}" '
        f'font-size="{FONT_SIZE}" fill="{TEXT_COLOUR}">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(description)}</desc>',
    ]

    # Legend: swatch and name per series, in the order the bars are drawn.
    legend_x = float(plot_left)
    for item in series:
        out.append(
            f'<rect class="swatch" x="{legend_x:.1f}" y="{legend_top}" width="10" height="10" '
            f'fill="{_attr(item.colour)}"/>'
        )
        out.append(
            f'<text class="legend" x="{legend_x + 14:.1f}" y="{legend_top + 9}">'
            f"{escape(item.label)}</text>"
        )
        legend_x += 14 + len(item.label) * FONT_SIZE * 0.52 + 16

    # Grid lines (one path: fewer elements render faster) and tick labels.
    ticks = range(0, axis_max + 1, step)
    grid = " ".join(f"M{x_for(tick):.1f} {plot_top}V{plot_bottom}" for tick in ticks if tick)
    out.append(f'<path d="{grid}" stroke="{GRID_COLOUR}" stroke-width="0.6" fill="none"/>')
    out.append(
        f'<path d="M{plot_left} {plot_top}V{plot_bottom}" stroke="{MUTED_COLOUR}" '
        f'stroke-width="1" fill="none"/>'
    )
    for tick in ticks:
        out.append(
            f'<text class="tick" x="{x_for(tick):.1f}" y="{plot_bottom + 14}" '
            f'text-anchor="middle" fill="{MUTED_COLOUR}">{tick}</text>'
        )

    # Bars, one group per category.
    for index, category in enumerate(categories):
        group_top = plot_top + GROUP_GAP + index * (group_height + GROUP_GAP)
        label_lines = _wrap(category.label, 26)
        first_baseline = group_top + group_height / 2 - (len(label_lines) - 1) * 6.5 + 4
        tspans = "".join(
            f'<tspan x="{LABEL_WIDTH}" dy="{0 if number == 0 else 13}">{escape(line)}</tspan>'
            for number, line in enumerate(label_lines)
        )
        out.append(
            f'<text class="category" x="{LABEL_WIDTH}" y="{first_baseline:.1f}" '
            f'text-anchor="end" font-weight="bold">{tspans}</text>'
        )
        for position, item in enumerate(series):
            value = values.get((category.key, item.key), 0)
            bar_top = group_top + position * (BAR + BAR_GAP)
            if value > 0:
                bar_width = x_for(value) - plot_left
                out.append(
                    f'<rect class="bar" x="{plot_left}" y="{bar_top}" width="{bar_width:.1f}" '
                    f'height="{BAR}" fill="{_attr(item.colour)}" data-value="{value}"/>'
                )
            label_x = x_for(value) + 4
            out.append(
                f'<text class="value" x="{label_x:.1f}" y="{bar_top + BAR - 2}" '
                f'font-size="{FONT_SIZE - 1}">{value}</text>'
            )

    # Axis titles.
    out.append(
        f'<text class="axis-label" x="{plot_left + plot_width / 2:.1f}" y="{plot_bottom + 34}" '
        f'text-anchor="middle" fill="{MUTED_COLOUR}">{escape(x_label)}</text>'
    )
    out.append(
        f'<text class="axis-label" x="{LABEL_WIDTH}" y="{legend_top + 9}" text-anchor="end" '
        f'fill="{MUTED_COLOUR}">{escape(y_label)}</text>'
    )
    out.append("</svg>")
    return "\n".join(out)


def evidence_chart(
    matrix: Mapping[PartnershipCondition, Mapping[Perspective, MatrixCell]],
    *,
    label: Callable[[str], str],
    title: str,
    description: str,
    x_label: str,
    y_label: str,
) -> str:
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
