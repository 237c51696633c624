"""Leakage: a unique sentence in initiative B's draft (analysis, barriers, trend reason) never
reaches a policymaker of initiative A through the overview, the all-sessions view, a cell
page or its htmx fragment; once the same sentence is in a published section, it does."""

from sqlmodel import Session, col, select

from app.demo import content
from app.factsheets.models import Factsheet, FactsheetSection
from app.vocabulary import FactsheetStatus, PartnershipCondition, Trend
from tests.overview.world import SignIn, demo, person

SECRET = "Only Samen1Plan may read this: the alderman will stop the result fee in March."


def _paths(ids: dict[str, int], initiative_id: int) -> list[str]:
    paths = ["/community/overview", "/community/overview/all-sessions"]
    for number in (1, 2, 3, 4):
        session_id = ids[f"session_{number}"]
        paths.append(f"/community/overview?session_id={session_id}")
        for condition in PartnershipCondition:
            paths.append(f"/community/overview/{initiative_id}/{condition}?session_id={session_id}")
    paths += [f"/community/overview/{initiative_id}/{c}" for c in PartnershipCondition]
    return paths


def _section(db: Session, initiative_id: int, session_id: int) -> FactsheetSection:
    return db.exec(
        select(FactsheetSection)
        .join(Factsheet, col(Factsheet.id) == FactsheetSection.factsheet_id)
        .where(
            Factsheet.initiative_id == initiative_id,
            Factsheet.session_id == session_id,
            FactsheetSection.condition == PartnershipCondition.financing,
        )
        .order_by(col(Factsheet.version_number).desc())
    ).first()  # type: ignore[return-value]


def test_a_policymaker_of_a_never_sees_the_draft_of_b_in_any_overview_page_or_fragment(
    db: Session, sign_in: SignIn
) -> None:
    ids = demo(db)
    b = ids["drechtsteden"]
    draft = _section(db, b, ids["session_3"])
    factsheet = db.get(Factsheet, draft.factsheet_id)
    assert factsheet is not None and factsheet.status == FactsheetStatus.draft
    draft.analysis = f"{draft.analysis} {SECRET}"
    draft.barriers = f"{draft.barriers}\n{SECRET}"
    draft.trend, draft.trend_reason = Trend.worse, SECRET
    db.add(draft)
    db.flush()
    policymaker_a = sign_in(person(db, content.POLICYMAKER_LEIDEN))
    b_member = sign_in(person(db, content.POLICYMAKER_DRECHTSTEDEN))

    checked = 0
    for path in _paths(ids, b):
        for headers in ({}, {"HX-Request": "true"}):
            for browser in (policymaker_a, b_member):
                response = browser.get(path, headers=headers)
                assert response.status_code == 200, path
                assert SECRET not in response.text, path
                assert "Only Samen1Plan" not in response.text, path
                checked += 1
    assert checked == 2 * 2 * (2 + 4 * (1 + 4) + 4)

    # The control: the same sentence in B's published section reaches A on the same pages.
    published = _section(db, b, ids["session_2"])
    published.trend_reason = SECRET
    published.barriers = f"{published.barriers}\n{SECRET}"
    db.add(published)
    db.flush()
    cell = f"/community/overview/{b}/financing?session_id={ids['session_2']}"
    assert SECRET in policymaker_a.get(cell).text
    assert SECRET in policymaker_a.get(cell, headers={"HX-Request": "true"}).text
    assert SECRET in policymaker_a.get("/community/overview").text
