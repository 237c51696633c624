from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.community.models import LearningCommunity
from app.factsheets import listing as factsheet_listing
from app.factsheets.models import Factsheet
from app.initiatives.models import Initiative
from app.learning_sessions.composition import composition_gaps, session_composition
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.vocabulary import (
    INITIATIVE_SESSION_ROLES,
    FactsheetStatus,
    InitiativeStatus,
    IntegrationLevel,
    PartnershipCondition,
    Role,
    SessionStatus,
)
from tests import factories
from tests.helpers import counted_statements

SignIn = Callable[[Person], TestClient]


def test_chair_sees_the_session_they_chair(
    sign_in: SignIn, db: Session, community: LearningCommunity
) -> None:
    chair = factories.person(db, community, name="Ingrid Hoekstra")
    factories.membership(db, chair, Role.chair)
    factories.learning_session(
        db, community, number=3, status=SessionStatus.held, chair_id=chair.id
    )
    chaired = factories.learning_session(db, community, number=4, chair_id=chair.id)

    html = sign_in(chair).get("/").text

    assert "What is next for you" in html
    assert "You chair session 4." in html
    assert f'href="/sessions/{chaired.id}/contributions"' in html
    assert "Complete the composition" not in html


def test_researcher_sees_their_draft_and_where_to_start_one(
    sign_in: SignIn, db: Session, community: LearningCommunity
) -> None:
    drafted = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    empty = factories.initiative(db, community, name="Wijkexpertteam Zwolle-Kampen")
    researcher = factories.person(db, community)
    factories.membership(db, researcher, Role.practitioner_researcher, drafted)
    factories.membership(db, researcher, Role.practitioner_researcher, empty)
    upcoming = factories.learning_session(db, community, number=2)
    draft = factories.factsheet(db, drafted, upcoming)

    html = sign_in(researcher).get("/").text

    assert "The factsheet of Gezinsteam Plus Leidse Regio for session 2" in html
    assert f'href="/factsheets/{draft.id}"' in html
    assert "Wijkexpertteam Zwolle-Kampen has no factsheet for session 2 yet." in html
    assert f'href="/initiatives/{empty.id}/factsheets"' in html


def test_policymaker_sees_the_factsheet_to_review(
    sign_in: SignIn, db: Session, community: LearningCommunity
) -> None:
    team = factories.initiative(db, community, name="Huis van het Gezin Tilburg")
    policymaker = factories.person(db, community)
    factories.membership(db, policymaker, Role.policymaker, team)
    upcoming = factories.learning_session(db, community, number=5)
    factsheet = factories.factsheet(db, team, upcoming, status=FactsheetStatus.in_review)

    html = sign_in(policymaker).get("/").text

    assert "is waiting for your review" in html
    assert f'href="/factsheets/{factsheet.id}"' in html
    assert f'href="/initiatives/{team.id}/contributions/new"' in html


def test_family_representative_sees_the_questions_for_them_only(
    sign_in: SignIn, db: Session, community: LearningCommunity
) -> None:
    team = factories.initiative(db, community, name="IST Groningen-Ommelanden")
    family = factories.person(db, community)
    factories.membership(db, family, Role.family_representative)
    upcoming = factories.learning_session(db, community, number=6, place="Forum Groningen")
    for text, plain, roles in [
        ("Which figures matter to families?", "Which numbers matter to you?", []),
        ("What would you rewrite?", "What would you write differently?", ["family_representative"]),
        ("Who decides when pilot money stops?", "", ["policymaker"]),
    ]:
        factories.reflective_question(
            db,
            upcoming,
            text=text,
            plain_text=plain,
            condition=PartnershipCondition.financing,
            level=IntegrationLevel.system,
            target_roles=roles,
        )
    published = factories.factsheet(db, team, upcoming, status=FactsheetStatus.published)

    html = sign_in(family).get("/").text

    assert "Forum Groningen" in html
    assert "Which numbers matter to you?" in html
    assert "What would you write differently?" in html
    assert "pilot money" not in html
    assert f'href="/factsheets/{published.id}/pdf?variant=plain"' in html
    assert "Complete the composition" not in html
    assert "/community/invitations" not in html


def test_facilitator_sees_the_incomplete_composition(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    factories.initiative(db, community)
    upcoming = factories.learning_session(db, community, number=7)

    html = client.get("/").text

    assert "The composition of session 7 is incomplete" in html
    assert f'<a href="/sessions/{upcoming.id}">Complete the composition</a>' in html
    assert "factsheets for session 7 are not published yet" in html


def test_home_statement_count_does_not_grow_with_initiatives(
    sign_in: SignIn, db: Session, community: LearningCommunity
) -> None:
    upcoming = factories.learning_session(db, community, number=1)
    member = factories.person(db, community)
    browser = sign_in(member)

    def add(count: int) -> None:
        for _ in range(count):
            team = factories.initiative(db, community)
            factories.membership(db, member, Role.practitioner_researcher, team)
            factories.membership(db, member, Role.policymaker, team)
            factories.factsheet(db, team, upcoming)
        db.flush()

    add(5)
    browser.get("/")
    with counted_statements(db) as five:
        assert browser.get("/").status_code == 200
    add(195)
    with counted_statements(db) as two_hundred:
        assert browser.get("/").status_code == 200
    assert len(two_hundred) == len(five)


def _python_counts(db: Session, upcoming: LearningSession) -> tuple[int, int]:
    """What the dashboard counted before: the whole composition and every latest factsheet."""
    composition = session_composition(db=db, learning_session=upcoming)
    gaps = sum(1 for entry in composition.initiatives if entry.missing_roles)
    gaps += 0 if composition.family_representative.invited else 1
    latest = {
        factsheet.initiative_id: factsheet
        for factsheet in db.exec(
            select(Factsheet)
            .where(Factsheet.session_id == upcoming.id)
            .order_by(col(Factsheet.version_number))
        )
    }
    unpublished = sum(
        1
        for entry in composition.initiatives
        if entry.initiative.id not in latest
        or latest[entry.initiative.id].status != FactsheetStatus.published
    )
    return gaps, unpublished


@pytest.mark.parametrize("family_invited", [True, False])
def test_facilitator_counts_in_sql_match_the_composition(
    client: TestClient, db: Session, community: LearningCommunity, family_invited: bool
) -> None:
    upcoming = factories.learning_session(db, community, number=9)
    earlier = factories.learning_session(db, community, number=8, status=SessionStatus.held)

    def team(
        name: str, invited: tuple[Role, ...], *, not_invited: tuple[Role, ...] = (), **extra: Any
    ) -> Initiative:
        initiative = factories.initiative(db, community, name=name, **extra)
        for role in invited + not_invited:
            member = factories.person(db, community)
            factories.membership(db, member, role, initiative)
            invitation = factories.attendance(db, upcoming, member)
            invitation.invited = role in invited
        return initiative

    complete = team("A complete", INITIATIVE_SESSION_ROLES)
    factories.factsheet(db, complete, upcoming, status=FactsheetStatus.published)
    no_manager = team("B no manager", (Role.practitioner_researcher, Role.policymaker))
    factories.factsheet(db, no_manager, upcoming, status=FactsheetStatus.published)
    factories.factsheet(db, no_manager, upcoming, version_number=2)  # a newer draft
    uninvited = team(
        "C uninvited manager",
        (Role.practitioner_researcher, Role.policymaker),
        not_invited=(Role.manager,),
    )
    factories.factsheet(db, uninvited, upcoming, status=FactsheetStatus.in_review)
    team("D nobody", ())  # no factsheet at all
    republished = team("E complete", INITIATIVE_SESSION_ROLES)
    factories.factsheet(db, republished, upcoming, status=FactsheetStatus.draft)
    factories.factsheet(
        db, republished, upcoming, version_number=2, status=FactsheetStatus.published
    )
    factories.factsheet(db, republished, earlier, status=FactsheetStatus.draft)  # another session
    team("F archived", (), status=InitiativeStatus.archived)
    family = factories.person(db, community)
    factories.membership(db, family, Role.family_representative)
    invitation = factories.attendance(db, upcoming, family)
    invitation.invited = family_invited
    db.flush()

    gaps = composition_gaps(db=db, learning_session=upcoming)
    unpublished = factsheet_listing.unpublished_count(
        db=db, community_id=community.id or 0, session_id=upcoming.id or 0
    )

    assert (gaps, unpublished) == _python_counts(db, upcoming)
    assert (gaps, unpublished) == ((3 if family_invited else 4), 3)
    html = client.get("/").text
    assert "The composition of session 9 is incomplete" in html
    assert "factsheets for session 9 are not published yet" in html


def test_facilitator_home_statement_count_does_not_grow_with_initiatives(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    upcoming = factories.learning_session(db, community, number=1)

    def add(count: int) -> None:
        for _ in range(count):
            initiative = factories.initiative(db, community)
            member = factories.person(db, community)
            factories.membership(db, member, Role.manager, initiative)
            factories.attendance(db, upcoming, member)
            factories.factsheet(db, initiative, upcoming)
        db.flush()

    add(5)
    client.get("/")
    with counted_statements(db) as five:
        assert client.get("/").status_code == 200
    add(195)
    with counted_statements(db) as two_hundred:
        assert client.get("/").status_code == 200
    assert len(two_hundred) == len(five)
