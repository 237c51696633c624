"""Condition profiles as plain geometry: a strip plot of every initiative's median on the 1–4
scale, and one initiative's medians over the sessions. Pure functions; the SVG macros
(templates/self_assessment/_charts.html) draw what these compute.

No ranking: dots with the same median stack in the order the initiatives are named
(alphabetical), the viewer's own first so it is easy to find; nothing is sorted by score.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from app.self_assessment.spread import LEVELS

STRIP_WIDTH = 360
LEFT, RIGHT = 30.0, 330.0
DOT_GAP = 13.0  # between the centres of stacked dots
ROWS = 6  # dots per column before a stack wraps into another column
COLUMNS = 3  # columns per median before the rest is told as "+n"


@dataclass(frozen=True)
class StripDot:
    name: str
    median: float
    x: float
    y: float
    own: bool


@dataclass(frozen=True)
class StripStack:
    median: float
    x: float
    count: int
    hidden: int  # initiatives beyond what the stack draws, told as "+n"
    top: float  # y above the stack's highest dot, for its count


@dataclass(frozen=True)
class StripPlot:
    dots: tuple[StripDot, ...]
    stacks: tuple[StripStack, ...]
    ticks: tuple[tuple[int, float], ...]  # (level, x)
    width: int
    height: int
    axis_y: float
    left: float
    right: float


def level_x(value: float, left: float = LEFT, right: float = RIGHT) -> float:
    return round(left + (right - left) * (value - LEVELS[0]) / (LEVELS[-1] - LEVELS[0]), 2)


def strip_plot(medians: Sequence[tuple[str, float, bool]]) -> StripPlot:
    """(name, median, own) per initiative, in alphabetical order, as stacked dots."""
    by_median: defaultdict[float, list[tuple[str, float, bool]]] = defaultdict(list)
    for entry in medians:
        by_median[entry[1]].append(entry)
    tallest = max((min(len(group), ROWS) for group in by_median.values()), default=1)
    axis_y = 40.0 + tallest * DOT_GAP
    dots: list[StripDot] = []
    stacks: list[StripStack] = []
    capacity = ROWS * COLUMNS
    for median in sorted(by_median):
        group = sorted(by_median[median], key=lambda entry: not entry[2])  # own first
        shown = group if len(group) <= capacity else group[: capacity - 1]
        centre = level_x(median)
        columns = -(-len(shown) // ROWS)
        for index, (name, value, own) in enumerate(shown):
            column, row = divmod(index, ROWS)
            x = centre + (column - (columns - 1) / 2) * DOT_GAP
            dots.append(StripDot(name, value, round(x, 2), axis_y - 10 - row * DOT_GAP, own))
        rows = min(len(shown), ROWS)
        top = axis_y - 10 - (rows - 1) * DOT_GAP - 10
        stacks.append(StripStack(median, centre, len(group), len(group) - len(shown), top))
    ticks = tuple((level, level_x(level)) for level in LEVELS)
    return StripPlot(
        tuple(dots), tuple(stacks), ticks, STRIP_WIDTH, int(axis_y + 28), axis_y, LEFT, RIGHT
    )


PROFILE_WIDTH, PROFILE_HEIGHT = 320, 170
P_LEFT, P_RIGHT, P_TOP, P_BOTTOM = 34.0, 306.0, 22.0, 136.0


@dataclass(frozen=True)
class ProfilePoint:
    session_number: int
    median: float
    x: float
    y: float


@dataclass(frozen=True)
class ProfileChart:
    points: tuple[ProfilePoint, ...]
    segments: tuple[tuple[ProfilePoint, ...], ...]  # runs of consecutive sessions with scores
    x_labels: tuple[tuple[int, float], ...]  # (session number, x)
    ticks: tuple[tuple[int, float], ...]  # (level, y)
    width: int
    height: int
    left: float
    right: float
    bottom: float


def level_y(value: float) -> float:
    span = LEVELS[-1] - LEVELS[0]
    return round(P_BOTTOM - (P_BOTTOM - P_TOP) * (value - LEVELS[0]) / span, 2)


def profile_chart(session_numbers: Sequence[int], medians: dict[int, float]) -> ProfileChart:
    """One condition's median per session (``medians`` by session number; a session without
    published scores is a gap in the line)."""
    count = len(session_numbers)
    step = (P_RIGHT - P_LEFT) / max(count - 1, 1)

    def x_of(index: int) -> float:
        return round(P_LEFT + index * step if count > 1 else (P_LEFT + P_RIGHT) / 2, 2)

    points: list[ProfilePoint] = []
    segments: list[list[ProfilePoint]] = []
    previous_index = -2
    for index, number in enumerate(session_numbers):
        if number not in medians:
            continue
        point = ProfilePoint(number, medians[number], x_of(index), level_y(medians[number]))
        points.append(point)
        if index == previous_index + 1 and segments:
            segments[-1].append(point)
        else:
            segments.append([point])
        previous_index = index
    return ProfileChart(
        tuple(points),
        tuple(tuple(segment) for segment in segments),
        tuple((number, x_of(index)) for index, number in enumerate(session_numbers)),
        tuple((level, level_y(level)) for level in LEVELS),
        PROFILE_WIDTH,
        PROFILE_HEIGHT,
        P_LEFT,
        P_RIGHT,
        P_BOTTOM,
    )
