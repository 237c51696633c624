"""A small community for the comparison tests: three initiatives with published session-2
sections on financing, a later draft of B with sentences that must never leak, good practices
(one of A that fits B's barriers, one withdrawn, one of C at another level), a policymaker of A
and another community with an initiative and a published section of its own."""

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from app.community.models import LearningCommunity
from app.comparison.models import PracticeLink
from app.contributions.models import GoodPractice
from app.factsheets.models import FactsheetSection
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.vocabulary import (
    ContributionStatus,
    FactsheetStatus,
    FundingArrangement,
    IntegrationLevel,
    PartnershipCondition,
    Role,
    Trend,
)
from tests import factories

FINANCING = PartnershipCondition.financing
DRAFT_ANALYSIS = "Draft only: the alderman wants to stop the pilot quietly."
DRAFT_BARRIER = "Draft only: the insurer withdraws in March."
DRAFT_TREND_REASON = "Draft only: worse since the quarrel."
B_BARRIERS = "- The fund ends before a decision on structural funding.\n- Nobody carries the risk of keeping staff."


@dataclass
class CompareWorld:
    community: LearningCommunity
    a: Initiative
    b: Initiative
    c: Initiative
    held: LearningSession
    section_a: FactsheetSection
    section_b: FactsheetSection
    draft_section_b: FactsheetSection
    practice: GoodPractice
    withdrawn: GoodPractice
    other_level: GoodPractice
    policymaker_a: Person
    foreign_initiative: Initiative
    foreign_section: FactsheetSection
    foreign_session: LearningSession


def _published(
    db: Session, of: Initiative, at: LearningSession, version: int = 1, **section: object
) -> FactsheetSection:
    factsheet = factories.factsheet(
        db, of, at, status=FactsheetStatus.published, version_number=version
    )
    return factories.factsheet_section(db, factsheet, FINANCING, **section)


def compare_world(db: Session, community: LearningCommunity) -> CompareWorld:
    a = factories.initiative(
        db,
        community,
        name="Huis van het Gezin Tilburg",
        funding_arrangement=FundingArrangement.pooled_budget,
        funding_notes="Pooled budget of three municipalities and the insurer.",
        monitoring_approach="Three outcomes for every family, reviewed twice a year.",
        target_group="Families where parents' mental health affects school.",
        disciplines=("school social worker", "youth mental-health nurse"),
    )
    b = factories.initiative(
        db,
        community,
        name="Wijkexpertteam Zwolle-Kampen",
        funding_arrangement=FundingArrangement.pilot_fund,
        funding_notes="Two-year pilot fund that ends on 31 December.",
        monitoring_approach="Case reviews every six weeks.",
        disciplines=("community nurse",),
    )
    c = factories.initiative(db, community, name="IST Groningen-Ommelanden")
    held = factories.learning_session(db, community, number=2, status="held")
    factories.learning_session(db, community, number=3)
    section_a = _published(
        db,
        a,
        held,
        analysis="Tilburg pooled its budgets into one.",
        facilitators="No declarations per discipline.",
        barriers="Less insight into who pays for what.",
        levels=[IntegrationLevel.system],
        trend=Trend.better,
        trend_reason="The pooled budget was signed.",
    )
    section_b = _published(
        db,
        b,
        held,
        analysis="Zwolle-Kampen depends on a pilot fund.",
        barriers=B_BARRIERS,
        levels=[IntegrationLevel.system, IntegrationLevel.organisational],
        trend=Trend.worse,
        trend_reason="The end of the fund is closer.",
    )
    # B's next version of the same session, not published: nothing of it may show.
    draft = factories.factsheet(db, b, held, version_number=2)
    draft_section_b = factories.factsheet_section(
        db,
        draft,
        FINANCING,
        analysis=DRAFT_ANALYSIS,
        barriers=DRAFT_BARRIER,
        levels=[IntegrationLevel.system],
        trend=Trend.worse,
        trend_reason=DRAFT_TREND_REASON,
    )
    _published(db, c, held, analysis="Groningen declares per hour.", barriers="Travel is not paid.")
    practice = factories.good_practice(
        db,
        a,
        title="One pooled budget",
        description="Municipalities and the insurer fund one budget.",
        condition="financing",
        level="system",
    )
    withdrawn = factories.good_practice(
        db,
        a,
        title="A withdrawn practice",
        description="Withdrawn.",
        condition="financing",
        level="system",
        status=ContributionStatus.withdrawn,
    )
    other_level = factories.good_practice(
        db,
        c,
        title="Clinical practice",
        description="At the clinical level.",
        condition="financing",
        level="clinical",
    )
    policymaker_a = factories.person(db, community, name="Linda van Gool")
    factories.membership(db, policymaker_a, Role.policymaker, a)
    elsewhere = factories.community(db)
    foreign_initiative = factories.initiative(db, elsewhere, name="Elders")
    foreign_session = factories.learning_session(db, elsewhere, number=2)
    foreign_section = _published(
        db, foreign_initiative, foreign_session, barriers="A foreign barrier.", levels=["system"]
    )
    return CompareWorld(
        community,
        a,
        b,
        c,
        held,
        section_a,
        section_b,
        draft_section_b,
        practice,
        withdrawn,
        other_level,
        policymaker_a,
        foreign_initiative,
        foreign_section,
        foreign_session,
    )


def compare_path(w: CompareWorld, *ids: int | None, condition: str = "financing") -> str:
    chosen = ids or (w.a.id, w.b.id)
    query = "&".join(f"initiative={i}" for i in chosen)
    return f"/community/compare?condition={condition}&{query}"


def link_form(w: CompareWorld, **overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "condition": "financing",
        "initiative": [str(w.a.id), str(w.b.id)],
        "good_practice_id": str(w.practice.id),
        "section_id": str(w.section_b.id),
        "barrier": "0",
        "reason": "Tilburg's funders committed before the pilot ended.",
    }
    return values | overrides


# -- the permission matrix's comparison (tests/auth/test_permission_matrix.py) ---------------


def matrix_links(db: Session, a: Initiative, held: LearningSession) -> dict[str, int]:
    """An initiative of its own (the matrix deletes B) with a published factsheet of the held
    session with two financing barriers, a good practice of A that addresses them, and the
    confirmed link to the first."""
    community = db.get(LearningCommunity, a.community_id)
    assert community is not None
    b = factories.initiative(db, community, name="Wijkexpertteam Zwolle-Kampen")
    section = _published(
        db,
        b,
        held,
        analysis="Het pilotfonds stopt.",
        barriers="Het fonds stopt voor het besluit.\nNiemand draagt het risico.",
        levels=[IntegrationLevel.system],
    )
    practice = factories.good_practice(
        db,
        a,
        title="Eén gezamenlijk budget",
        description="Gemeenten en verzekeraar vullen één budget.",
        condition="financing",
        level="system",
    )
    link = PracticeLink(
        good_practice_id=practice.id or 0,
        section_id=section.id or 0,
        barrier="Het fonds stopt voor het besluit.",
        reason="De financiers legden zich vroeg vast.",
        confirmed_at=held.starts_at,
    )
    db.add(link)
    db.flush()
    return {
        "compare_initiative": b.id or 0,
        "compare_practice": practice.id or 0,
        "compare_section": section.id or 0,
        "compare_link": link.id or 0,
    }


def _state(ids: dict[str, int]) -> dict[str, object]:
    return {
        "condition": "financing",
        "initiative": [str(ids["initiative_a"]), str(ids["compare_initiative"])],
        "session_id": str(ids["held_session"]),
    }


def matrix_confirm(w: Any, _actor: str) -> tuple[str, dict[str, Any]]:
    data = _state(w.ids) | {
        "good_practice_id": str(w.ids["compare_practice"]),
        "section_id": str(w.ids["compare_section"]),
        "barrier": "1",
        "reason": "Ook het risico wordt gedeeld.",
    }
    return "/community/compare/links", {"data": data}


def matrix_remove(w: Any, _actor: str) -> tuple[str, dict[str, Any]]:
    return f"/community/compare/links/{w.ids['compare_link']}/remove", {"data": _state(w.ids)}
