from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.community.models import LearningCommunity
from app.factsheets import service
from app.factsheets.models import Factsheet, RenderJob
from app.factsheets.schemas import SectionUpdate
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.vocabulary import FactsheetStatus, PartnershipCondition, Role
from tests import factories
from tests.helpers import counted_statements

SECRET_ANALYSIS = "Draft finding only initiative A may read: the debt counsellor left in May."
SECRET_PLAIN = "Only initiative A may read this: the person who helps with money left."


@pytest.fixture
def setting(
    db: Session, community: LearningCommunity
) -> tuple[Initiative, Initiative, LearningSession]:
    a = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    b = factories.initiative(db, community, name="Samen1Plan Drechtsteden")
    return a, b, factories.learning_session(db, community, number=3)


@pytest.fixture
def draft(db: Session, setting: tuple[Initiative, Initiative, LearningSession]) -> Factsheet:
    a, _, learning_session = setting
    factsheet = service.start_draft(db=db, initiative=a, learning_session=learning_session)
    service.update_section(
        db=db,
        factsheet=factsheet,
        condition=PartnershipCondition.financing,
        data=SectionUpdate(
            version=1, analysis=SECRET_ANALYSIS, plain_text=SECRET_PLAIN, plain_confirmed=True
        ),
    )
    return factsheet


def member(
    db: Session, community: LearningCommunity, role: Role, initiative: Initiative | None
) -> Person:
    person = factories.person(db, community)
    factories.membership(db, person, role, initiative)
    return person


def test_researcher_edits_a_section_with_htmx_and_without(
    db: Session,
    community: LearningCommunity,
    setting: tuple[Initiative, Initiative, LearningSession],
    draft: Factsheet,
    sign_in: Callable[[Person], TestClient],
) -> None:
    a = setting[0]
    researcher = sign_in(member(db, community, Role.practitioner_researcher, a))
    page = researcher.get(f"/factsheets/{draft.id}")
    assert page.status_code == 200
    assert SECRET_ANALYSIS in page.text

    fragment = researcher.post(
        f"/factsheets/{draft.id}/sections/roles",
        data={"version": "1", "analysis": "Who is the single contact?", "levels": ["clinical"]},
        headers={"HX-Request": "true"},
    )
    assert fragment.status_code == 200
    assert "<html" not in fragment.text
    assert "Saved." in fragment.text

    plain = researcher.post(
        f"/factsheets/{draft.id}/sections/roles",
        data={"version": "2", "analysis": "The family coach is the single contact."},
        follow_redirects=False,
    )
    assert plain.status_code == 303
    db.expire_all()
    assert (
        service.section(
            service.get_factsheet(db=db, factsheet_id=draft.id or 0),
            PartnershipCondition.roles,
        ).analysis
        == "The family coach is the single contact."
    )


def test_second_save_gets_409_with_both_texts(
    db: Session,
    community: LearningCommunity,
    setting: tuple[Initiative, Initiative, LearningSession],
    draft: Factsheet,
    sign_in: Callable[[Person], TestClient],
) -> None:
    researcher = sign_in(member(db, community, Role.practitioner_researcher, setting[0]))
    first = researcher.post(
        f"/factsheets/{draft.id}/sections/roles",
        data={"version": "1", "analysis": "Mine, first."},
        headers={"HX-Request": "true"},
    )
    second = researcher.post(
        f"/factsheets/{draft.id}/sections/roles",
        data={"version": "1", "analysis": "Theirs, second."},
        headers={"HX-Request": "true"},
    )
    assert first.status_code == 200
    assert second.status_code == 409
    assert "Mine, first." in second.text and "Theirs, second." in second.text


def test_publishing_queues_renders_and_is_audited(
    db: Session,
    community: LearningCommunity,
    setting: tuple[Initiative, Initiative, LearningSession],
    draft: Factsheet,
    client: TestClient,
) -> None:
    assert (
        client.post(f"/factsheets/{draft.id}/status", data={"status": "published"}).status_code
        == 409
    )
    client.post(f"/factsheets/{draft.id}/status", data={"status": "in_review"})
    response = client.post(
        f"/factsheets/{draft.id}/status", data={"status": "published"}, follow_redirects=False
    )
    assert response.status_code == 303
    db.expire_all()
    assert db.get(Factsheet, draft.id).status == FactsheetStatus.published  # type: ignore[union-attr]
    jobs = db.exec(select(RenderJob).where(RenderJob.factsheet_id == draft.id)).all()
    assert {(j.variant, j.language) for j in jobs} == {
        ("full", "en"),
        ("plain", "en"),
        ("full", "nl"),
        ("plain", "nl"),
    }
    audit = client.get("/community/audit", params={"action": "published"})
    assert f"factsheet {draft.id} version 1" in audit.text


def test_another_initiatives_draft_is_not_readable_in_any_form(
    db: Session,
    community: LearningCommunity,
    setting: tuple[Initiative, Initiative, LearningSession],
    draft: Factsheet,
    sign_in: Callable[[Person], TestClient],
) -> None:
    _, b, learning_session = setting
    policymaker_b = sign_in(member(db, community, Role.policymaker, b))
    for path in (
        f"/factsheets/{draft.id}",
        f"/factsheets/{draft.id}/preview",
        f"/factsheets/{draft.id}/preview?variant=plain",
        f"/factsheets/{draft.id}/pdf",
        f"/factsheets/{draft.id}/pdf?variant=plain",
    ):
        response = policymaker_b.get(path)
        assert response.status_code == 404, path
        assert SECRET_ANALYSIS not in response.text
    listing = policymaker_b.get(f"/initiatives/{setting[0].id}/factsheets")
    assert listing.status_code == 200
    assert f"/factsheets/{draft.id}" not in listing.text
    assert policymaker_b.get(f"/sessions/{learning_session.id}/archive.zip").status_code == 403
    edit = policymaker_b.post(
        f"/factsheets/{draft.id}/sections/roles", data={"version": "1", "analysis": "x"}
    )
    assert edit.status_code == 404


def test_published_versions_are_readable_by_every_member_but_not_editable(
    db: Session,
    community: LearningCommunity,
    setting: tuple[Initiative, Initiative, LearningSession],
    draft: Factsheet,
    sign_in: Callable[[Person], TestClient],
) -> None:
    service.change_status(db=db, factsheet=draft, status=FactsheetStatus.in_review)
    service.change_status(db=db, factsheet=draft, status=FactsheetStatus.published)
    family = sign_in(member(db, community, Role.family_representative, None))
    page = family.get(f"/factsheets/{draft.id}")
    assert page.status_code == 200
    assert SECRET_ANALYSIS in page.text
    assert "<textarea" not in page.text
    researcher = sign_in(member(db, community, Role.practitioner_researcher, setting[0]))
    refused = researcher.post(
        f"/factsheets/{draft.id}/sections/roles", data={"version": "1", "analysis": "x"}
    )
    assert refused.status_code == 409
    assert db.exec(select(Factsheet).where(col(Factsheet.id) == draft.id)).one().version_number == 1


def test_members_comment_while_a_version_is_in_review(
    db: Session,
    community: LearningCommunity,
    setting: tuple[Initiative, Initiative, LearningSession],
    draft: Factsheet,
    sign_in: Callable[[Person], TestClient],
) -> None:
    a, b, _ = setting
    manager_a = sign_in(member(db, community, Role.manager, a))
    policymaker_b = sign_in(member(db, community, Role.policymaker, b))
    assert (
        manager_a.post(f"/factsheets/{draft.id}/comments", data={"text": "Too early"}).status_code
        == 409
    )

    service.change_status(db=db, factsheet=draft, status=FactsheetStatus.in_review)
    response = manager_a.post(
        f"/factsheets/{draft.id}/comments", data={"text": "The debt counsellor came back in July."}
    )
    assert response.status_code == 200
    assert "The debt counsellor came back in July." in response.text
    assert "Organisation" in response.text
    assert (
        policymaker_b.post(f"/factsheets/{draft.id}/comments", data={"text": "x"}).status_code
        == 404
    )
    assert (
        manager_a.post(f"/factsheets/{draft.id}/comments", data={"text": "  "}).status_code == 422
    )


def _session_factsheets_statements(
    client: TestClient, db: Session, community: LearningCommunity, initiatives: int
) -> int:
    learning_session = factories.learning_session(db, community)
    for number in range(initiatives):
        initiative = factories.initiative(
            db, community, name=f"Initiative {initiatives}-{number:03}"
        )
        for version in (1, 2):
            factories.factsheet(db, initiative, learning_session, version_number=version)
    db.flush()
    with counted_statements(db) as statements:
        response = client.get(f"/sessions/{learning_session.id}/factsheets")
    assert response.status_code == 200
    assert response.text.count("Initiative ") >= min(initiatives, 50)
    return len(statements)


def test_session_factsheets_statement_count_does_not_grow_with_initiatives(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    few = _session_factsheets_statements(client, db, community, 5)
    many = _session_factsheets_statements(client, db, community, 200)
    assert few == many


def test_session_factsheets_shows_fifty_a_page_and_counts_every_initiative(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    learning_session = factories.learning_session(db, community, number=4)
    for number in range(120):
        initiative = factories.initiative(db, community, name=f"Team {number:03}")
        if number % 3 == 0:
            factories.factsheet(db, initiative, learning_session, version_number=1)
            factories.factsheet(
                db,
                initiative,
                learning_session,
                version_number=2,
                status=FactsheetStatus.published if number % 2 == 0 else FactsheetStatus.draft,
            )
    db.flush()
    url = f"/sessions/{learning_session.id}/factsheets"

    first = client.get(url).text
    last = client.get(url, params={"page": 3}).text

    assert first.count("<tr>") - 1 == 50  # the header row and a page of 50
    assert "Team 000" in first and "Team 049" in first and "Team 050" not in first
    assert "Team 100" in last and "Team 119" in last and "Team 099" not in last
    assert "Page 1 of 3" in first
    assert "Published: 20 · not published yet: 20 · no factsheet yet: 80" in first
    assert "Published: 20 · not published yet: 20 · no factsheet yet: 80" in last
    assert f'{url}?page=2" rel="next"' in first
