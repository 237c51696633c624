"""The four written levels of each partnership condition: what a member picks when scoring.

Concrete and short, so that a policymaker and a practitioner reading the same line mean the
same thing; level 1 is where many initiatives start, level 4 what the study saw work.
"""

from app.labels import N_
from app.self_assessment.spread import LEVELS
from app.vocabulary import PartnershipCondition

LEVEL_TEXTS: dict[PartnershipCondition, tuple[str, str, str, str]] = {
    PartnershipCondition.monitoring: (
        N_("1 — nobody collects figures about the families we work with"),
        N_("2 — each organisation counts its own cases, nobody puts them together"),
        N_("3 — a few shared indicators are collected, but rarely discussed"),
        N_("4 — shared figures are discussed with all partners and change what we do"),
    ),
    PartnershipCondition.shared_vision: (
        N_("1 — each partner works from its own goals; we have never compared them"),
        N_("2 — we have written down a shared aim, but daily work does not follow it"),
        N_("3 — the shared aim guides most decisions, with some partners still apart"),
        N_("4 — all partners, families included, agree on the aim and act on it together"),
    ),
    PartnershipCondition.roles: (
        N_("1 — it is unclear who does what for a family; tasks fall through the gaps"),
        N_("2 — tasks are divided per organisation, with overlap and hand-overs"),
        N_("3 — one coordinator per family is agreed, but not always respected"),
        N_("4 — roles are agreed, known by families and reviewed together"),
    ),
    PartnershipCondition.financing: (
        N_("1 — funding ends within a year and nobody decides"),
        N_("2 — each funder pays its own part, year by year"),
        N_("3 — funders agree on a multi-year budget, still paid from separate pots"),
        N_("4 — structural, pooled funding agreed by all funders"),
    ),
}


def level_text(condition: PartnershipCondition, level: int) -> str:
    """The written level (untranslated, N_-marked) of a condition."""
    return LEVEL_TEXTS[condition][LEVELS.index(level)]


def level_options(condition: PartnershipCondition) -> list[tuple[str, str]]:
    """(value, N_-marked text) pairs for the radio group of one condition."""
    return [(str(level), text) for level, text in zip(LEVELS, LEVEL_TEXTS[condition], strict=True)]
