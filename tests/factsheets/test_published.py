"""A published version shows exactly what was published: preview and PDFs alike."""

import io
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlmodel import Session, delete

from app.community.models import LearningCommunity
from app.config import Settings
from app.factsheets.models import FactsheetSnapshot
from app.people.models import Person
from app.vocabulary import PartnershipCondition, Role
from tests import factories
from tests.auth.test_session_scope import link_browser

PUBLISHED_QUOTE = "The mother now has one coordinator who calls her back."
LATER_QUOTE = "Zorgverzekeraar stopte de vergoeding voor het gezinsteam na de zomer."


def evidence_form(excerpt: str) -> dict[str, object]:
    return {
        "source": "interview",
        "observed_on": "2026-10-01",
        "perspective": "family",
        "level": "clinical",
        "conditions": ["financing"],
        "quote_consent": "on",
        "excerpt": excerpt,
    }


def text_of(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_evidence_recorded_after_publishing_stays_out_of_the_published_version(
    app: FastAPI,
    db: Session,
    settings: Settings,
    community: LearningCommunity,
    sign_in: Callable[[Person], TestClient],
) -> None:
    ist = factories.initiative(db, community, name="IST Groningen-Ommelanden")
    other = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    learning_session = factories.learning_session(db, community, number=3)
    researcher = factories.person(db, community)
    factories.membership(db, researcher, Role.practitioner_researcher, ist)
    policymaker = factories.person(db, community)
    factories.membership(db, policymaker, Role.policymaker, other)
    family = factories.person(db, community, name="Ingrid Smit")
    factories.membership(db, family, Role.family_representative)
    as_researcher = sign_in(researcher)
    recorded = as_researcher.post(
        f"/initiatives/{ist.id}/evidence",
        data=evidence_form(PUBLISHED_QUOTE),
        follow_redirects=False,
    )
    assert recorded.status_code == 303, recorded.text
    factsheet = factories.published_factsheet(
        db, ist, learning_session, analysis="Pooled budget from January."
    )
    readers = {
        "policymaker of another initiative": sign_in(policymaker),
        "access link": link_browser(app, db, settings, family, None),
    }
    preview = f"/factsheets/{factsheet.id}/preview"
    as_published = {who: browser.get(preview).text for who, browser in readers.items()}
    assert all(PUBLISHED_QUOTE[:30] in page for page in as_published.values())

    # Later: new consented evidence, a member who joined, the next day.
    later = as_researcher.post(
        f"/initiatives/{ist.id}/evidence", data=evidence_form(LATER_QUOTE), follow_redirects=False
    )
    assert later.status_code == 303, later.text
    factories.membership(
        db, factories.person(db, community, name="Nieuwe Collega"), Role.manager, ist
    )
    for who, browser in readers.items():
        page = browser.get(preview)
        assert page.status_code == 200, who
        assert "Zorgverzekeraar" not in page.text, who
        assert "Nieuwe Collega" not in page.text, who
        assert page.text == as_published[who], f"{who}: the perspectives table changed"

    # The PDF, first rendered only now, is made from the same frozen content.
    pdf = readers["policymaker of another initiative"].get(f"/factsheets/{factsheet.id}/pdf")
    assert pdf.status_code == 200
    pdf_text = text_of(pdf.content)
    assert "Pooled budget from January." in pdf_text
    assert "Zorgverzekeraar" not in pdf_text
    assert "Nieuwe Collega" not in pdf_text


def test_a_version_published_before_snapshots_is_frozen_on_its_next_reading(
    db: Session, community: LearningCommunity, sign_in: Callable[[Person], TestClient]
) -> None:
    ist = factories.initiative(db, community, name="IST Groningen-Ommelanden")
    researcher = factories.person(db, community)
    factories.membership(db, researcher, Role.practitioner_researcher, ist)
    factsheet = factories.published_factsheet(
        db,
        ist,
        factories.learning_session(db, community),
        analysis="One coordinator per family.",
        condition=PartnershipCondition.roles,
    )
    db.exec(delete(FactsheetSnapshot))  # as if published before snapshots were kept
    browser = sign_in(researcher)

    first = browser.get(f"/factsheets/{factsheet.id}/preview")
    assert db.get(FactsheetSnapshot, factsheet.id) is not None
    later = browser.post(
        f"/initiatives/{ist.id}/evidence", data=evidence_form(LATER_QUOTE), follow_redirects=False
    )
    assert later.status_code == 303
    assert browser.get(f"/factsheets/{factsheet.id}/preview").text == first.text
