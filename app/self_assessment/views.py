"""What the self-assessment pages show besides the rows: the session asked for, numbers in
the page's language, and the results of one initiative per condition."""

from dataclasses import dataclass

from babel.numbers import format_decimal

from app.db import MAX_ID
from app.errors import NotFoundError
from app.labels import N_
from app.self_assessment.levels import LEVEL_TEXTS, level_options
from app.self_assessment.spread import Spread
from app.vocabulary import PartnershipCondition


def number(value: float | None, language: str) -> str:
    return "–" if value is None else format_decimal(value, format="0.#", locale=language)


def session_id_from(text: str) -> int | None:
    """The ``session_id`` query value: empty is none; anything but an id answers 404."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= MAX_ID:
        raise NotFoundError(
            N_("There is no learning session with id %(id)s."), arguments={"id": text[:20]}
        )
    return int(text)


@dataclass(frozen=True)
class ConditionResult:
    condition: PartnershipCondition
    spread: Spread


def results(spreads: dict[PartnershipCondition, Spread]) -> list[ConditionResult]:
    """Every condition in the vocabulary's order, with its spread (empty when unscored)."""
    return [
        ConditionResult(condition, spreads.get(condition, Spread()))
        for condition in PartnershipCondition
    ]


def helpers(language: str) -> dict[str, object]:
    return {
        "number": lambda value: number(value, language),
        "conditions": list(PartnershipCondition),
        "level_options": level_options,
        "level_texts": LEVEL_TEXTS,
    }
