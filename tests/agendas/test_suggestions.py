"""Suggested questions: each rule fires on its numbers, says them, and stays silent otherwise."""

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session

from app.agendas.models import BankQuestion
from app.agendas.suggestions import Suggestion, suggest_questions
from app.community.models import LearningCommunity
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.self_assessment.models import SelfAssessment
from app.vocabulary import (
    ActionStatus,
    FactsheetStatus,
    IntegrationLevel,
    PartnershipCondition,
    Role,
)
from tests import factories
from tests.helpers import counted_statements

FINANCING = PartnershipCondition.financing
MONITORING = PartnershipCondition.monitoring
ROLES = PartnershipCondition.roles
SHARED_VISION = PartnershipCondition.shared_vision


def _bank(
    db: Session,
    community: LearningCommunity,
    condition: PartnershipCondition,
    *,
    text: str = "",
    language: str = "en",
    target_roles: Iterable[Role] = (),
) -> BankQuestion:
    question = BankQuestion(
        community_id=community.id or 0,
        text=text or f"Draw every funder involved for one family ({condition}).",
        condition=condition,
        level=IntegrationLevel.system,
        target_roles=list(target_roles),
        language=language,
    )
    db.add(question)
    db.flush()
    return question


def _sessions(db: Session, community: LearningCommunity, count: int) -> list[LearningSession]:
    return [
        factories.learning_session(
            db, community, number=number, starts_at=datetime(2026, number, 10, 13, tzinfo=UTC)
        )
        for number in range(1, count + 1)
    ]


def _barriers(
    db: Session, learning_session: LearningSession, community: LearningCommunity, **by: Any
) -> None:
    """One initiative whose latest factsheet has ``by[condition]`` barrier lines."""
    initiative = factories.initiative(db, community)
    sheet = factories.factsheet(db, initiative, learning_session)
    for condition, lines in by.items():
        factories.factsheet_section(
            db,
            sheet,
            PartnershipCondition(condition),
            barriers="\n".join(f"- barrier {number}" for number in range(lines)),
        )


def _only(suggestions: list[Suggestion], rule: str) -> list[Suggestion]:
    return [suggestion for suggestion in suggestions if suggestion.rule == rule]


def test_most_barriers_names_the_condition_with_the_most_barrier_lines(
    db: Session, community: LearningCommunity
) -> None:
    (learning_session,) = _sessions(db, community, 1)
    _barriers(db, learning_session, community, financing=4, monitoring=2, shared_vision=1)
    _barriers(db, learning_session, community, financing=3)
    # Only the latest version of a factsheet counts: an older one with many barriers does not.
    initiative = factories.initiative(db, community)
    old = factories.factsheet(
        db, initiative, learning_session, status=FactsheetStatus.published, version_number=1
    )
    factories.factsheet_section(db, old, MONITORING, barriers="a\nb\nc\nd\ne\nf\ng\nh\ni")
    latest = factories.factsheet(db, initiative, learning_session, version_number=2)
    factories.factsheet_section(db, latest, MONITORING, barriers="one\ntwo")
    question = _bank(db, community, FINANCING)
    _bank(db, community, MONITORING)

    (suggestion,) = suggest_questions(db=db, learning_session=learning_session, language="en")

    assert (suggestion.rule, suggestion.condition) == ("most_barriers", FINANCING)
    assert suggestion.numbers == {"barriers": 7}
    assert suggestion.reason == (
        "Financing: 7 barriers in this session's factsheets, the most of any condition"
    )
    assert suggestion.bank_question.id == question.id


def test_most_barriers_is_silent_without_barriers_or_when_every_condition_ties(
    db: Session, community: LearningCommunity
) -> None:
    quiet, tied = _sessions(db, community, 2)
    for condition in PartnershipCondition:
        _bank(db, community, condition)
    _barriers(db, quiet, community)
    _barriers(db, tied, community, financing=2, monitoring=2, roles=2, shared_vision=2)

    assert suggest_questions(db=db, learning_session=quiet, language="en") == []
    assert (
        _only(suggest_questions(db=db, learning_session=tied, language="en"), "most_barriers") == []
    )


def test_not_discussed_names_conditions_no_question_of_the_last_two_sessions_was_about(
    db: Session, community: LearningCommunity
) -> None:
    first, second, third, fourth = _sessions(db, community, 4)
    factories.reflective_question(db, first, condition=SHARED_VISION)  # three sessions ago
    factories.reflective_question(db, second, condition=ROLES)
    factories.reflective_question(db, third, condition=MONITORING)
    factories.reflective_question(db, fourth, condition=FINANCING)  # this session's own
    for condition in PartnershipCondition:
        _bank(db, community, condition)

    suggestions = suggest_questions(db=db, learning_session=fourth, language="en")

    (suggestion,) = _only(suggestions, "not_discussed")
    assert suggestion.condition == SHARED_VISION
    assert suggestion.numbers == {"sessions": 2}
    assert suggestion.reason == "Shared vision and interests: not discussed in the last 2 sessions"


def test_not_discussed_is_silent_before_any_earlier_session_and_counts_one_when_one(
    db: Session, community: LearningCommunity
) -> None:
    first, second = _sessions(db, community, 2)
    for condition in (ROLES, MONITORING, FINANCING):
        factories.reflective_question(db, first, condition=condition)
    _bank(db, community, SHARED_VISION)

    assert suggest_questions(db=db, learning_session=first, language="en") == []
    (suggestion,) = suggest_questions(db=db, learning_session=second, language="en")
    assert (suggestion.rule, suggestion.numbers) == ("not_discussed", {"sessions": 1})
    assert suggestion.reason.endswith("not discussed in the last session")


def test_an_invited_role_without_a_question_addressed_to_it_gets_one(
    db: Session, community: LearningCommunity
) -> None:
    (learning_session,) = _sessions(db, community, 1)
    family = factories.person(db, community)
    factories.membership(db, family, Role.family_representative)
    factories.attendance(db, learning_session, family)
    initiative = factories.initiative(db, community)
    for _ in range(2):
        policymaker = factories.person(db, community)
        factories.membership(db, policymaker, Role.policymaker, initiative)
        factories.attendance(db, learning_session, policymaker)
    # A question for everyone is not addressed to them.
    factories.reflective_question(db, learning_session, condition=ROLES)
    for_family = _bank(db, community, SHARED_VISION, target_roles=[Role.family_representative])
    for_policymakers = _bank(db, community, FINANCING, target_roles=[Role.policymaker])
    _bank(db, community, MONITORING)  # for everyone: never the answer to this rule

    suggestions = _only(
        suggest_questions(db=db, learning_session=learning_session, language="en"),
        "no_question_for_role",
    )

    assert [(s.role, s.numbers, s.bank_question.id, s.condition) for s in suggestions] == [
        (Role.policymaker, {"invited": 2}, for_policymakers.id, FINANCING),
        (Role.family_representative, {"invited": 1}, for_family.id, SHARED_VISION),
    ]
    assert suggestions[0].reason == ("The 2 policymakers have no question addressed to them yet")
    assert suggestions[1].reason == (
        "The family representative has no question addressed to them yet"
    )


def test_a_role_with_a_question_or_without_an_invitee_gets_no_suggestion(
    db: Session, community: LearningCommunity
) -> None:
    (learning_session,) = _sessions(db, community, 1)
    family = factories.person(db, community)
    factories.membership(db, family, Role.family_representative)
    factories.attendance(db, learning_session, family)
    factories.reflective_question(
        db, learning_session, condition=ROLES, target_roles=[Role.family_representative]
    )
    _bank(db, community, SHARED_VISION, target_roles=[Role.family_representative])
    _bank(db, community, FINANCING, target_roles=[Role.policymaker])  # none invited

    assert suggest_questions(db=db, learning_session=learning_session, language="en") == []


def test_open_actions_counts_last_sessions_actions_still_open_per_condition(
    db: Session, community: LearningCommunity
) -> None:
    first, second, third, later = _sessions(db, community, 4)
    initiative = factories.initiative(db, community)
    for status in (ActionStatus.open, ActionStatus.open, ActionStatus.in_progress):
        factories.action(db, initiative, second, condition=MONITORING, status=status)
    factories.action(db, initiative, second, condition=MONITORING, status=ActionStatus.done)
    factories.action(db, initiative, second, condition=ROLES, status=ActionStatus.dropped)
    factories.action(db, initiative, second, condition=ROLES, review_session_id=later.id)
    factories.action(db, initiative, first, condition=FINANCING)  # two sessions ago
    for session in (first, second):  # every condition was discussed recently
        for condition in PartnershipCondition:
            factories.reflective_question(db, session, condition=condition)
    for condition in PartnershipCondition:
        _bank(db, community, condition)

    (suggestion,) = suggest_questions(db=db, learning_session=third, language="en")

    assert (suggestion.rule, suggestion.condition) == ("open_actions", MONITORING)
    assert suggestion.numbers == {"open": 3}
    assert suggestion.reason == (
        "Monitoring and evaluation: 3 of last session's actions are still open"
    )


def test_a_picked_bank_question_is_not_suggested_and_unused_ones_come_first(
    db: Session, community: LearningCommunity
) -> None:
    first, second = _sessions(db, community, 2)
    for condition in PartnershipCondition:  # nothing "not discussed" about session 2
        factories.reflective_question(db, first, condition=condition)
    _barriers(db, second, community, financing=3)
    used = _bank(db, community, FINANCING, text="If pilot money stops, who decides?")
    unused = _bank(db, community, FINANCING, text="Draw every funder for one family.")
    factories.reflective_question(db, first, condition=FINANCING, bank_question_id=used.id)

    (suggestion,) = suggest_questions(db=db, learning_session=second, language="en")
    assert suggestion.bank_question.id == unused.id

    factories.reflective_question(db, second, condition=FINANCING, bank_question_id=unused.id)
    (suggestion,) = suggest_questions(db=db, learning_session=second, language="en")
    assert suggestion.bank_question.id == used.id

    factories.reflective_question(db, second, condition=FINANCING, bank_question_id=used.id)
    assert suggest_questions(db=db, learning_session=second, language="en") == []


def test_reasons_and_questions_are_in_the_chosen_language(
    db: Session, community: LearningCommunity
) -> None:
    (learning_session,) = _sessions(db, community, 1)
    _barriers(db, learning_session, community, financing=7)
    _bank(db, community, FINANCING, text="Draw every funder involved for one family.")
    dutch = _bank(
        db, community, FINANCING, text="Teken alle financiers van één gezin.", language="nl"
    )
    family = factories.person(db, community)
    factories.membership(db, family, Role.family_representative)
    factories.attendance(db, learning_session, family)
    _bank(
        db,
        community,
        ROLES,
        text="Wie is het vaste aanspreekpunt van het gezin?",
        language="nl",
        target_roles=[Role.family_representative],
    )

    barriers, family_rule = suggest_questions(
        db=db, learning_session=learning_session, language="nl"
    )

    assert barriers.bank_question.id == dutch.id
    assert barriers.reason == (
        "Financiering: 7 knelpunten in de factsheets van deze sessie, "
        "het hoogste aantal van alle voorwaarden"
    )
    assert family_rule.reason == ("Er is nog geen vraag gericht aan de gezinsvertegenwoordiger")


def test_strongest_first_at_most_six_each_a_different_question(
    db: Session, community: LearningCommunity
) -> None:
    _first, second, third = _sessions(db, community, 3)
    initiative = factories.initiative(db, community)
    for _ in range(4):
        factories.action(db, initiative, second, condition=ROLES)
    _barriers(db, third, community, financing=9, monitoring=1)
    family = factories.person(db, community)
    factories.membership(db, family, Role.family_representative)
    factories.attendance(db, third, family)
    for condition in PartnershipCondition:
        for _ in range(3):
            _bank(db, community, condition, target_roles=[Role.family_representative])

    suggestions = suggest_questions(db=db, learning_session=third, language="en")

    # By their numbers, each rule's strongest before any rule's second.
    assert [(s.rule, s.condition, s.role, s.strength) for s in suggestions] == [
        ("most_barriers", FINANCING, None, 9),
        ("open_actions", ROLES, None, 4),
        ("not_discussed", MONITORING, None, 2),
        ("no_question_for_role", MONITORING, Role.family_representative, 1),
        ("not_discussed", SHARED_VISION, None, 2),
        ("not_discussed", ROLES, None, 2),
    ]
    assert len({s.bank_question.id for s in suggestions}) == 6


def test_suggestions_run_the_same_statements_whatever_the_size(db: Session) -> None:
    counts = []
    for size in (2, 8):
        community = factories.community(db)
        first, second = _sessions(db, community, 2)
        for number in range(size):
            _barriers(db, second, community, financing=number + 1, roles=1)
            initiative = factories.initiative(db, community)
            factories.action(db, initiative, first, condition=MONITORING)
            member = factories.person(db, community)
            factories.membership(db, member, Role.policymaker, initiative)
            factories.attendance(db, second, member)
            factories.reflective_question(db, first, condition=ROLES)
            _scores(db, second, initiative, policymaker=3, practitioner=number % 2 + 1)
        for condition in PartnershipCondition:
            _bank(db, community, condition, target_roles=[Role.policymaker])
        with counted_statements(db) as statements:
            assert suggest_questions(db=db, learning_session=second, language="en")
        counts.append(len(statements))
    assert counts == [7, 7]


def _scores(
    db: Session,
    learning_session: LearningSession,
    initiative: Initiative,
    condition: PartnershipCondition = FINANCING,
    **levels: int,
) -> None:
    """One self-assessment score per role (an anonymous member each), none released."""
    for role, level in levels.items():
        db.add(
            SelfAssessment(
                session_id=learning_session.id or 0,
                initiative_id=initiative.id or 0,
                role=Role(role),
                condition=condition,
                level=level,
            )
        )
    db.flush()


def test_views_differ_fires_where_two_roles_of_an_initiative_score_two_levels_apart(
    db: Session, community: LearningCommunity
) -> None:
    (session,) = _sessions(db, community, 1)
    _bank(db, community, FINANCING, text="What would make the funding last?")
    _bank(db, community, MONITORING)
    for _ in range(2):
        _scores(db, session, factories.initiative(db, community), policymaker=3, practitioner=1)
    _scores(db, session, factories.initiative(db, community), MONITORING, manager=2, practitioner=3)

    suggestions = _only(
        suggest_questions(db=db, learning_session=session, language="en"), "views_differ"
    )

    assert [(s.condition, s.numbers) for s in suggestions] == [(FINANCING, {"initiatives": 2})]
    assert suggestions[0].reason == (
        "Financing: views differ in 2 initiatives "
        "(policymaker and practitioner two levels apart or more)"
    )
    assert suggestions[0].bank_question.text == "What would make the funding last?"


def test_views_differ_is_silent_without_a_split_and_says_two_roles_when_pairs_vary(
    db: Session, community: LearningCommunity
) -> None:
    (session,) = _sessions(db, community, 1)
    _bank(db, community, FINANCING)
    _scores(db, session, factories.initiative(db, community), policymaker=3, practitioner=2)
    assert (
        _only(suggest_questions(db=db, learning_session=session, language="en"), "views_differ")
        == []
    )

    _scores(db, session, factories.initiative(db, community), policymaker=4, practitioner=2)
    _scores(db, session, factories.initiative(db, community), manager=1, practitioner=3)
    (suggestion,) = _only(
        suggest_questions(db=db, learning_session=session, language="en"), "views_differ"
    )
    assert suggestion.reason == (
        "Financing: views differ in 2 initiatives (two roles two levels apart or more)"
    )
