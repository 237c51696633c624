"""The median and spread of self-assessment scores, and when views differ: plain numbers, no
database, so the overview, the profiles and the chair's suggestions read the same rule."""

import functools
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from app.vocabulary import Role

LEVELS = (1, 2, 3, 4)
# Two roles whose medians are this many levels apart, or more, see the condition differently
# (the study's example: a policymaker and a practitioner of the same initiative).
VIEWS_DIFFER_AT = 2


@dataclass(frozen=True)
class RoleSpread:
    role: Role
    count: int
    median: float
    lowest: int
    highest: int


@dataclass(frozen=True)
class Spread:
    """The scores of one initiative for one condition in one session."""

    count: int = 0
    median: float | None = None
    lowest: int | None = None
    highest: int | None = None
    by_role: tuple[RoleSpread, ...] = field(default_factory=tuple)

    @property
    def views_differ(self) -> bool:
        medians = [role.median for role in self.by_role]
        return bool(medians) and max(medians) - min(medians) >= VIEWS_DIFFER_AT

    @property
    def differing_roles(self) -> tuple[RoleSpread, RoleSpread] | None:
        """The lowest and highest scoring roles when views differ."""
        if not self.views_differ:
            return None
        ordered = sorted(self.by_role, key=lambda role: role.median)
        return ordered[0], ordered[-1]


def spread(scores: Iterable[tuple[Role, int]]) -> Spread:
    """The spread of (role, level) scores; roles in the vocabulary's order."""
    per_role: defaultdict[Role, list[int]] = defaultdict(list)
    for role, level in scores:
        per_role[Role(role)].append(level)
    levels = [level for values in per_role.values() for level in values]
    if not levels:
        return Spread()
    return Spread(
        count=len(levels),
        median=float(statistics.median(levels)),
        lowest=min(levels),
        highest=max(levels),
        by_role=tuple(
            RoleSpread(
                role, len(values), float(statistics.median(values)), min(values), max(values)
            )
            for role in Role
            if (values := per_role.get(role))
        ),
    )


def median_of_counts(counts: Sequence[int]) -> float:
    """The median of levels given as how many scored each level (LEVELS order; not all 0)."""
    total = sum(counts)
    wanted = (total - 1) // 2, total // 2  # the middle one or two, counted from 0
    found: list[int] = []
    seen = 0
    for level, count in zip(LEVELS, counts, strict=True):
        while len(found) < 2 and wanted[len(found)] < seen + count:
            found.append(level)
        seen += count
    return (found[0] + found[1]) / 2


# Few distinct counts recur across a large community: each is worked out once.
@functools.lru_cache(maxsize=4096)
def _summary(counts: tuple[int, ...]) -> tuple[int, float, int, int]:
    """(how many, median, lowest, highest) of levels counted per level."""
    present = [level for level, count in zip(LEVELS, counts, strict=True) if count]
    return sum(counts), median_of_counts(counts), present[0], present[-1]


@functools.lru_cache(maxsize=4096)
def _role_spread(role: Role, counts: tuple[int, ...]) -> RoleSpread:
    return RoleSpread(role, *_summary(counts))


def spread_of_counts(counts: Mapping[Role, Sequence[int]]) -> Spread:
    """The same as ``spread`` for scores counted per role and level (how many scored 1, 2, 3,
    4): what SQL hands over, without a list of every score."""
    per_role = {role: tuple(values) for role in Role if sum(values := counts.get(role, ())) > 0}
    if not per_role:
        return Spread()
    overall = tuple(sum(values[i] for values in per_role.values()) for i in range(len(LEVELS)))
    count, median, lowest, highest = _summary(overall)
    return Spread(
        count=count,
        median=median,
        lowest=lowest,
        highest=highest,
        by_role=tuple(_role_spread(role, values) for role, values in per_role.items()),
    )
