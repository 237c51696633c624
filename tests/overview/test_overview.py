"""The community overview on the demo: five initiatives × four conditions, every number
recomputed here with queries of the test's own; the all-sessions view; a cell read in full."""

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.actions.models import Action
from app.auth.dependencies import timeouts
from app.config import Settings
from app.demo import content
from app.evidence.models import EvidenceItem
from app.factsheets.models import Factsheet, FactsheetSection, FactsheetSectionEvidence
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.vocabulary import ActionStatus, FactsheetStatus, PartnershipCondition
from tests import factories
from tests.helpers import use_session
from tests.overview.world import SignIn, cell_html, demo, figure, person

CONDITIONS = [condition.value for condition in PartnershipCondition]


def _lines(text: str) -> int:
    """Non-empty lines that are more than a bullet: how the test counts barriers."""
    return sum(1 for line in text.splitlines() if line.strip().strip("-*•–—·").strip())


def _expected(db: Session, session_number: int) -> dict[tuple[int, str], dict[str, object]]:
    """Each initiative's latest published section of the session, read the plain way."""
    learning_session = db.exec(
        select(LearningSession).where(LearningSession.number == session_number)
    ).one()
    expected: dict[tuple[int, str], dict[str, object]] = {}
    for initiative in db.exec(select(Initiative)).all():
        versions = db.exec(
            select(Factsheet).where(
                Factsheet.initiative_id == initiative.id,
                Factsheet.session_id == learning_session.id,
                Factsheet.status == FactsheetStatus.published,
            )
        ).all()
        latest = max(versions, key=lambda f: f.version_number, default=None)
        for condition in CONDITIONS:
            actions = [
                a
                for a, number in db.exec(
                    select(Action, LearningSession.number)
                    .join(LearningSession, col(LearningSession.id) == Action.opened_in_session_id)
                    .where(Action.initiative_id == initiative.id)
                ).all()
                if a.condition == condition
                and a.status in (ActionStatus.open, ActionStatus.in_progress)
                and number <= session_number
            ]
            entry: dict[str, object] = {"open_actions": len(actions), "published": False}
            if latest is not None:
                section = db.exec(
                    select(FactsheetSection).where(
                        FactsheetSection.factsheet_id == latest.id,
                        FactsheetSection.condition == condition,
                    )
                ).one()
                quoted = db.exec(
                    select(EvidenceItem)
                    .join(
                        FactsheetSectionEvidence,
                        col(FactsheetSectionEvidence.evidence_item_id) == EvidenceItem.id,
                    )
                    .where(FactsheetSectionEvidence.section_id == section.id)
                ).all()
                entry |= {
                    "published": True,
                    "evidence": sum(1 for item in quoted if item.quote_consent),
                    "perspectives": sorted(i.perspective.value for i in quoted if i.quote_consent),
                    "barriers": _lines(section.barriers),
                    "facilitators": _lines(section.facilitators),
                    "trend": section.trend,
                    "reason": section.trend_reason,
                }
            expected[(initiative.id or 0, condition)] = entry
    return expected


@pytest.mark.parametrize("email", [content.POLICYMAKER_LEIDEN, content.FACILITATOR])
def test_the_demo_overview_shows_five_initiatives_by_four_conditions_as_the_database_has_them(
    db: Session, sign_in: SignIn, email: str
) -> None:
    ids = demo(db)
    browser = sign_in(person(db, email))

    page = browser.get("/community/overview")

    assert page.status_code == 200
    html = page.text
    assert "Session 2: initiatives and the four conditions" in html  # the latest published
    assert len(re.findall(r'<td id="cell-\d+-', html)) == 5 * 4
    assert len(re.findall(r'<th scope="row">', html)) == 5 + 1  # and the totals' row
    expected = _expected(db, 2)
    judged = 0
    for (initiative_id, condition), want in expected.items():
        cell = cell_html(html, initiative_id, condition)
        assert want["published"], "every demo initiative published session 2's factsheet"
        assert figure(cell, "barriers") == str(want["barriers"])
        assert figure(cell, "facilitators") == str(want["facilitators"])
        assert figure(cell, "open_actions") == str(want["open_actions"])
        evidence = figure(cell, "evidence")
        assert evidence.split(" ")[0] == str(want["evidence"])
        for perspective in set(want["perspectives"]):  # type: ignore[call-overload]
            count = want["perspectives"].count(perspective)  # type: ignore[attr-defined]
            label = perspective.replace("_", " ")
            assert f"{label} {count}" in evidence, (evidence, perspective)
        if want["trend"]:
            judged += 1
            word = {"better": "Better", "same": "Same", "worse": "Worse"}[str(want["trend"])]
            assert f"</span> {word}</span>" in cell
            assert str(want["reason"]).replace("'", "&#39;") in cell
        else:
            assert "Not judged" in cell
    assert judged == 18  # the demo judges 18 of session 2's 20 sections
    assert all(w["barriers"] and w["facilitators"] for w in expected.values())
    assert sum(int(str(w["evidence"])) for w in expected.values()) > 20  # real numbers
    assert any(w["open_actions"] for w in expected.values())
    assert f"/community/overview/{ids['leiden']}/roles?session_id={ids['session_2']}" in html


def test_a_session_is_chosen_with_the_picker_and_one_without_factsheets_says_so(
    db: Session, sign_in: SignIn
) -> None:
    ids = demo(db)
    browser = sign_in(person(db, content.POLICYMAKER_LEIDEN))

    first = browser.get(f"/community/overview?session_id={ids['session_1']}").text
    preparing = browser.get(f"/community/overview?session_id={ids['session_3']}").text

    assert "Session 1 (no published factsheets)" in first
    assert first.count("No published section") == 20
    # Session 3's factsheets are drafts: nobody sees them here, not even their own members.
    assert preparing.count("No published section") == 20
    assert "Judged better: 0" in preparing


def test_the_all_sessions_view_shows_each_cells_trend_per_session_and_totals(
    db: Session, sign_in: SignIn
) -> None:
    ids = demo(db)
    browser = sign_in(person(db, content.POLICYMAKER_ZWOLLE))

    html = browser.get("/community/overview/all-sessions").text

    zwolle_financing = cell_html(html, ids["zwolle"], "financing")
    assert "S2 <span" in zwolle_financing and "</span> Worse</span>" in zwolle_financing
    assert "Better 0 · Same 0 · Worse 1" in zwolle_financing
    assert "Better 1 · Same 0 · Worse 0" in cell_html(html, ids["tilburg"], "monitoring")
    assert "Not judged" in cell_html(html, ids["zwolle"], "roles")
    # The totals: 18 judgements over the community, 7 better, 6 the same, 5 worse.
    assert "Judged better: 7, the same: 6, worse: 5." in html
    assert len(re.findall(r'<td id="cell-\d+-', html)) == 5 * 4


def test_a_cell_reads_the_published_section_with_its_quotes_in_place_or_as_a_page(
    db: Session, sign_in: SignIn
) -> None:
    ids = demo(db)
    browser = sign_in(person(db, content.POLICYMAKER_LEIDEN))
    path = f"/community/overview/{ids['zwolle']}/financing?session_id={ids['session_2']}"
    section = db.exec(
        select(FactsheetSection)
        .join(Factsheet, col(Factsheet.id) == FactsheetSection.factsheet_id)
        .where(
            Factsheet.initiative_id == ids["zwolle"],
            Factsheet.session_id == ids["session_2"],
            FactsheetSection.condition == "financing",
        )
    ).one()
    quoted = db.exec(
        select(EvidenceItem.excerpt)
        .join(
            FactsheetSectionEvidence,
            col(FactsheetSectionEvidence.evidence_item_id) == EvidenceItem.id,
        )
        .where(FactsheetSectionEvidence.section_id == section.id)
    ).all()

    page = browser.get(path)
    fragment = browser.get(path, headers={"HX-Request": "true"})

    assert page.status_code == fragment.status_code == 200
    assert "<html" in page.text and "<html" not in fragment.text
    assert fragment.headers["Vary"].startswith("HX-Request")
    assert 'tabindex="-1" autofocus' in fragment.text  # htmx moves the focus to it
    assert "autofocus" not in page.text
    for html in (page.text, fragment.text):
        assert section.analysis.split(".")[0].replace("'", "&#39;") in html
        assert "Worse</span> — The pilot fund ends in December" in html
        assert all(excerpt[:60].replace("'", "&#39;") in html for excerpt in quoted)
    assert quoted, "the demo section quotes evidence"


def test_bad_input_answers_4xx(db: Session, sign_in: SignIn) -> None:
    ids = demo(db)
    browser = sign_in(person(db, content.POLICYMAKER_LEIDEN))

    assert browser.get("/community/overview?session_id=abc").status_code == 422
    assert browser.get("/community/overview?session_id=9223372036854775808").status_code == 422
    assert browser.get("/community/overview?session_id=999999").status_code == 404
    assert browser.get("/community/overview?page=0").status_code == 422
    assert browser.get(f"/community/overview/{ids['zwolle']}/weather").status_code == 422
    assert browser.get("/community/overview/999999/roles").status_code == 404
    cell = f"/community/overview/{ids['zwolle']}/roles?session_id=999999"
    assert browser.get(cell).status_code == 404


def test_a_session_scoped_link_reads_the_overview_of_its_session_only(
    app: FastAPI, db: Session, settings: Settings
) -> None:
    ids = demo(db)
    family = person(db, content.FAMILY)
    held = db.get(LearningSession, ids["session_2"])
    link, _ = factories.access_link(db, family, for_session=held)
    token = factories.user_session(db, family, timeouts=timeouts(settings), access_link=link)
    browser = use_session(TestClient(app), settings.secret_key, token)

    overview = browser.get("/community/overview")
    history = browser.get("/community/overview/all-sessions")

    assert overview.status_code == history.status_code == 200
    assert "Session 2: initiatives and the four conditions" in overview.text
    assert '<option value="' + str(ids["session_3"]) not in overview.text
    assert browser.get(f"/community/overview?session_id={ids['session_3']}").status_code == 404
    cell = f"/community/overview/{ids['zwolle']}/financing?session_id={ids['session_1']}"
    assert browser.get(cell).status_code == 404
