"""The median and spread of self-assessment scores, and when views differ: plain numbers, no
database, so the overview, the profiles and the chair's suggestions read the same rule."""

import statistics
from collections import defaultdict
from collections.abc import Iterable
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
