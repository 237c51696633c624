"""The trend judgement on a factsheet section: chosen with a one-line reason in the section
editor (refused by the field, 422, keeping what was typed), stored, shown in the preview."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.community.models import LearningCommunity
from app.factsheets import service
from app.factsheets.models import Factsheet
from app.factsheets.schemas import SectionUpdate
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.vocabulary import FactsheetStatus, PartnershipCondition, Role, Trend
from tests import factories
from tests.helpers import attributes

REASON = "The single contact is now named in every new family plan."


@pytest.fixture
def draft(db: Session, community: LearningCommunity) -> Factsheet:
    initiative = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    learning_session = factories.learning_session(db, community, number=3)
    return service.start_draft(db=db, initiative=initiative, learning_session=learning_session)


@pytest.fixture
def researcher(
    db: Session,
    community: LearningCommunity,
    draft: Factsheet,
    sign_in: Callable[[Person], TestClient],
) -> TestClient:
    person = factories.person(db, community)
    initiative = db.get(Initiative, draft.initiative_id)
    factories.membership(db, person, Role.practitioner_researcher, initiative)
    return sign_in(person)


def _stored(db: Session, draft: Factsheet) -> tuple[Trend | None, str]:
    db.expire_all()
    section = service.section(
        service.get_factsheet(db=db, factsheet_id=draft.id or 0), PartnershipCondition.roles
    )
    return section.trend, section.trend_reason


def test_a_trend_without_a_reason_is_refused_by_the_field_and_the_text_is_kept(
    db: Session, draft: Factsheet, researcher: TestClient
) -> None:
    page = researcher.post(
        f"/factsheets/{draft.id}/sections/roles",
        data={"version": "1", "analysis": "Typed, not yet saved.", "trend": "better"},
    )

    assert page.status_code == 422
    assert attributes(page.text, "roles-trend_reason")["aria-invalid"] == "true"
    error = attributes(page.text, "roles-trend_reason-error")
    assert error is not None
    assert "Give a one-line reason for the trend, in 200 characters at most." in page.text
    assert "Typed, not yet saved." in page.text  # the analysis as typed
    assert "checked" in attributes(page.text, "roles-trend-better")
    assert _stored(db, draft) == (None, "")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"trend": "worse", "trend_reason": "x" * 201}, "trend_reason"),
        ({"trend": "worse", "trend_reason": "   "}, "trend_reason"),
        ({"trend": "sideways", "trend_reason": REASON}, "trend"),
    ],
)
def test_a_long_or_blank_reason_and_an_unknown_trend_are_refused_with_htmx_too(
    db: Session, draft: Factsheet, researcher: TestClient, data: dict[str, str], field: str
) -> None:
    fragment = researcher.post(
        f"/factsheets/{draft.id}/sections/roles",
        data={"version": "1", **data},
        headers={"HX-Request": "true"},
    )

    assert fragment.status_code == 422
    assert "<html" not in fragment.text
    ids = {"trend": "roles-trend-error", "trend_reason": "roles-trend_reason-error"}
    attributes(fragment.text, ids[field])  # the message sits by the field
    assert _stored(db, draft) == (None, "")


def test_a_trend_with_its_reason_is_stored_shown_in_the_preview_and_cleared_when_not_judged(
    db: Session, draft: Factsheet, researcher: TestClient
) -> None:
    saved = researcher.post(
        f"/factsheets/{draft.id}/sections/roles",
        data={"version": "1", "analysis": "Roles.", "trend": "better", "trend_reason": REASON},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert _stored(db, draft) == (Trend.better, REASON)

    editor = researcher.get(f"/factsheets/{draft.id}").text
    assert "checked" in attributes(editor, "roles-trend-better")
    assert f'value="{REASON}"' in editor
    preview = researcher.get(f"/factsheets/{draft.id}/preview").text
    assert "Since last session:" in preview and REASON in preview
    assert "<strong>Better</strong>" in preview

    researcher.post(
        f"/factsheets/{draft.id}/sections/roles",
        data={"version": "2", "analysis": "Roles.", "trend": "", "trend_reason": REASON},
    )
    assert _stored(db, draft) == (None, "")  # a reason for no judgement says nothing
    assert REASON not in researcher.get(f"/factsheets/{draft.id}/preview").text


def test_a_new_version_of_the_session_keeps_the_trend_and_the_next_session_starts_unjudged(
    db: Session, community: LearningCommunity, draft: Factsheet
) -> None:
    service.update_section(
        db=db,
        factsheet=draft,
        condition=PartnershipCondition.roles,
        data=SectionUpdate(
            version=1,
            analysis="Roles.",
            plain_text="Roles.",
            plain_confirmed=True,
            trend=Trend.worse,
            trend_reason=REASON,
        ),
    )
    for status in (FactsheetStatus.in_review, FactsheetStatus.published):
        service.change_status(db=db, factsheet=draft, status=status)
    initiative = db.get(Initiative, draft.initiative_id)
    learning_session = db.get(LearningSession, draft.session_id)
    assert initiative is not None and learning_session is not None

    again = service.start_draft(db=db, initiative=initiative, learning_session=learning_session)
    following = service.start_draft(
        db=db,
        initiative=initiative,
        learning_session=factories.learning_session(db, community, number=4),
    )

    assert again.version_number == 2
    kept = service.section(again, PartnershipCondition.roles)
    assert (kept.trend, kept.trend_reason) == (Trend.worse, REASON)
    fresh = service.section(following, PartnershipCondition.roles)
    assert (fresh.trend, fresh.trend_reason, fresh.analysis) == (None, "", "Roles.")
