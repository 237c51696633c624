"""The spread from counts per role and level (what the database sends) equals the spread of
the scores one by one."""

import random

from app.self_assessment.spread import LEVELS, spread, spread_of_counts
from app.vocabulary import Role


def test_counted_spreads_equal_the_spread_of_every_score() -> None:
    draw = random.Random(16)
    roles = [Role.policymaker, Role.manager, Role.practitioner, Role.practitioner_researcher]
    for _ in range(500):
        scores = [(draw.choice(roles), draw.choice(LEVELS)) for _ in range(draw.randint(0, 9))]
        counts = {
            role: [sum(1 for r, lv in scores if r == role and lv == level) for level in LEVELS]
            for role in roles
        }
        assert spread_of_counts(counts) == spread(scores), scores


def test_an_even_number_of_scores_has_the_middle_two_halved() -> None:
    counted = spread_of_counts({Role.policymaker: [0, 0, 1, 0], Role.practitioner: [1, 0, 0, 0]})
    assert (counted.median, counted.lowest, counted.highest) == (2.0, 1, 3)
    assert counted.views_differ
