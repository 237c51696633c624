"""Exports for researchers: CSV that opens cleanly (BOM, one header, formulas neutralised),
JSON with the same fields, the rows each kind holds, who may export what, and the audit."""

import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.audit.models import AuditEntry
from app.community.models import LearningCommunity
from app.exports.formats import safe_cell
from app.people.models import Person
from app.reflections.models import Reflection
from app.vocabulary import (
    AuditAction,
    Perspective,
    ReflectionStatus,
    ReflectionVisibility,
    Role,
)
from tests import factories

BOM = b"\xef\xbb\xbf"


def _csv(body: bytes) -> list[list[str]]:
    assert body.startswith(BOM)
    return list(csv.reader(io.StringIO(body[len(BOM) :].decode("utf-8"), newline="")))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_starts_like_a_formula_is_text(start: str) -> None:
    assert safe_cell(f"{start}1+1") == f"'{start}1+1"
    assert safe_cell("1+1") == "1+1"
    assert safe_cell(-3) == -3  # numbers are ours, not typed text
    assert safe_cell(None) == ""


def test_a_hyperlink_formula_in_an_excerpt_exports_as_text_after_the_bom(
    db: Session, community: LearningCommunity, client: TestClient
) -> None:
    initiative = factories.initiative(db, community, name="Gezinsteam Plus")
    factories.evidence_item(db, initiative, excerpt='=HYPERLINK("http://x","y")')

    response = client.get("/community/exports/evidence.csv")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith(BOM)
    assert b"\r\n" in response.content
    header, *rows = _csv(response.content)
    assert header[0] == "id" and "excerpt" in header
    assert [row[header.index("excerpt")] for row in rows] == ['\'=HYPERLINK("http://x","y")']
    assert response.content.count(b"\r\n") == 2  # the header and one row


def test_json_holds_the_same_fields_as_the_csv(
    db: Session, community: LearningCommunity, client: TestClient
) -> None:
    initiative = factories.initiative(db, community, name="Gezinsteam Plus")
    factories.evidence_item(db, initiative, excerpt="Eén plan voor het gezin.")

    rows = client.get("/community/exports/evidence.json").json()
    header = _csv(client.get("/community/exports/evidence.csv").content)[0]

    assert [list(row) for row in rows] == [header]
    assert rows[0]["excerpt"] == "Eén plan voor het gezin."
    assert rows[0]["conditions"] == "roles"
    assert "recorded_by" not in json.dumps(rows)


def test_every_export_is_audited(
    db: Session, community: LearningCommunity, client: TestClient
) -> None:
    session = factories.learning_session(db, community, number=2)

    assert client.get(f"/community/exports/actions.csv?session_id={session.id}").status_code == 200

    entry = db.exec(select(AuditEntry).where(AuditEntry.action == AuditAction.exported)).one()
    assert entry.subject == "research export: actions (csv), session 2"


@pytest.mark.parametrize(
    "query",
    [
        "session_id=999999",
        "initiative_id=999999",
        "session_id=abc",
        "initiative_id=9223372036854775808",
        "session_id=0",
    ],
)
def test_a_bad_filter_is_refused_with_a_message(client: TestClient, query: str) -> None:
    response = client.get(f"/community/exports/evidence.csv?{query}")
    assert response.status_code in (404, 422)


def test_an_unknown_kind_or_format_does_not_exist(client: TestClient) -> None:
    assert client.get("/community/exports/people.csv").status_code == 404
    assert client.get("/community/exports/evidence.xlsx").status_code == 404
    assert client.get("/community/exports/download?kind=people").status_code == 404


def test_the_form_leads_to_the_file(
    db: Session, community: LearningCommunity, client: TestClient
) -> None:
    session = factories.learning_session(db, community, number=2)
    page = client.get("/community/exports")
    assert page.status_code == 200
    assert 'action="/community/exports/download"' in page.text

    answer = client.get(
        f"/community/exports/download?kind=attendance&format=json&session_id={session.id}"
        "&initiative_id=",
        follow_redirects=False,
    )

    assert answer.status_code == 303
    assert (
        answer.headers["location"] == f"/community/exports/attendance.json?session_id={session.id}"
    )


def test_the_page_in_dutch(db: Session, community: LearningCommunity, client: TestClient) -> None:
    page = client.get("/community/exports", headers={"Accept-Language": "nl"})
    assert "Exports voor onderzoek" in page.text


# --- who may export what -------------------------------------------------------------------


@pytest.fixture
def two_initiatives(
    db: Session, community: LearningCommunity, sign_in: Callable[[Person], TestClient]
) -> dict[str, object]:
    a = factories.initiative(db, community, name="Gezinsteam Plus")
    b = factories.initiative(db, community, name="IST Groningen")
    factories.evidence_item(db, a, excerpt="Uit initiatief A.")
    factories.evidence_item(db, b, excerpt="Uit initiatief B.")
    researcher = factories.person(db, community, name="Rik Onderzoeker")
    factories.membership(db, researcher, Role.practitioner_researcher, a)
    policymaker = factories.person(db, community, name="Paula Beleid")
    factories.membership(db, policymaker, Role.policymaker, a)
    return {"a": a, "b": b, "researcher": sign_in(researcher), "policymaker": sign_in(policymaker)}


def test_a_researcher_exports_only_the_initiatives_they_research(
    two_initiatives: dict[str, object],
) -> None:
    researcher = two_initiatives["researcher"]
    assert isinstance(researcher, TestClient)
    b = two_initiatives["b"]

    everything = researcher.get("/community/exports/evidence.json").json()
    assert [row["excerpt"] for row in everything] == ["Uit initiatief A."]
    foreign = researcher.get(f"/community/exports/evidence.csv?initiative_id={b.id}")  # type: ignore[attr-defined]
    assert foreign.status_code == 403
    assert "Uit initiatief B." not in foreign.text
    page = researcher.get("/community/exports")
    assert "Gezinsteam Plus" in page.text and "IST Groningen" not in page.text


def test_a_policymaker_is_refused(two_initiatives: dict[str, object]) -> None:
    policymaker = two_initiatives["policymaker"]
    assert isinstance(policymaker, TestClient)
    assert policymaker.get("/community/exports").status_code == 403
    response = policymaker.get("/community/exports/evidence.csv")
    assert response.status_code == 403
    assert "Uit initiatief" not in response.text


def test_reflections_only_submitted_shown_and_consented_without_the_authors_name(
    db: Session, community: LearningCommunity, client: TestClient
) -> None:
    session = factories.learning_session(db, community, number=2)
    author = factories.person(db, community, name="Ingrid Smit")
    factories.membership(db, author, Role.family_representative)
    texts = {
        "consented": ("Ik, Ingrid, wil mijn eigen cijfers zien.", {"evidence_consent": True}),
        "no consent": ("Zonder toestemming geschreven.", {"evidence_consent": False}),
        "draft": (
            "Een concept dat niemand leest.",
            {"evidence_consent": True, "status": ReflectionStatus.draft},
        ),
        "hidden": (
            "Verborgen door de facilitator.",
            {
                "evidence_consent": True,
                "hidden_at": datetime(2026, 11, 30, tzinfo=UTC),
                "hidden_reason": "Noemt een gezin.",
            },
        ),
    }
    for text, values in texts.values():
        db.add(
            Reflection(
                session_id=session.id or 0,
                author_id=author.id,
                perspective=Perspective.family,
                text=text,
                visibility=ReflectionVisibility.community,
                **values,
            )
        )
    db.flush()

    body = client.get("/community/exports/reflections.csv").content.decode("utf-8")
    rows = client.get("/community/exports/reflections.json").json()

    assert [row["text"] for row in rows] == ["Ik, […], wil mijn eigen cijfers zien."]
    assert rows[0]["session"] == 2 and rows[0]["answers"] == "session"
    for text, _ in list(texts.values())[1:]:
        assert text not in body
    assert "Ingrid" not in body and "Smit" not in body
