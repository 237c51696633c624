"""The self-assessment page: scoring (422 by the field, upsert of one's own four), the results
per condition with the spread per role, release and its consequences, and who sees what."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.audit.models import AuditEntry
from app.community.models import LearningCommunity
from app.db import utcnow
from app.people.models import Person
from app.self_assessment.models import SelfAssessment, SelfAssessmentRelease
from app.vocabulary import PartnershipCondition, Role
from tests.self_assessment.world import (
    SECRET_NOTE,
    ScoreWorld,
    release,
    score_world,
    split_on_financing,
)

SignIn = Callable[[Person], TestClient]


@pytest.fixture
def w(db: Session, community: LearningCommunity) -> ScoreWorld:
    return score_world(db, community)


def scores_form(**overrides: str) -> dict[str, str]:
    values = {
        "level_monitoring": "2",
        "level_shared_vision": "3",
        "level_roles": "2",
        "level_financing": "1",
        "note_financing": "The pilot fund ends in June.",
    }
    return values | overrides


def page(w: ScoreWorld) -> str:
    return f"/initiatives/{w.a.id}/self-assessment?session_id={w.session.id}"


def stored(db: Session, w: ScoreWorld) -> dict[tuple[int | None, str], tuple[str, int, str]]:
    db.expire_all()
    rows = db.exec(select(SelfAssessment).where(SelfAssessment.initiative_id == w.a.id)).all()
    return {(r.person_id, r.condition): (r.role, r.level, r.note) for r in rows}


def test_a_member_scores_the_four_conditions_and_saving_again_replaces_them(
    sign_in: SignIn, db: Session, w: ScoreWorld
) -> None:
    browser = sign_in(w.practitioner_a)
    form = browser.get(page(w)).text
    assert "1 — funding ends within a year and nobody decides" in form
    assert "4 — structural, pooled funding agreed by all funders" in form
    assert "<legend>Financing</legend>" in form

    # An extra role or initiative in the form changes nothing.
    saved = browser.post(
        page(w), follow_redirects=False, data=scores_form(role="policymaker", initiative_id="999")
    )
    assert saved.status_code == 303
    again = browser.post(
        page(w),
        follow_redirects=False,
        data=scores_form(level_financing="2", note_financing="Less so."),
    )
    assert again.status_code == 303
    rows = stored(db, w)
    assert len(rows) == 4
    assert rows[(w.practitioner_a.id, "financing")] == ("practitioner", 2, "Less so.")
    assert rows[(w.practitioner_a.id, "shared_vision")] == ("practitioner", 3, "")


def test_a_missing_level_or_a_long_note_is_refused_next_to_the_field(
    sign_in: SignIn, db: Session, w: ScoreWorld
) -> None:
    browser = sign_in(w.practitioner_a)
    refused = browser.post(
        page(w), data=scores_form(level_roles="", level_financing="7", note_monitoring="x" * 501)
    )
    assert refused.status_code == 422
    text = refused.text
    assert 'id="level_roles-error">Choose the level that fits best.' in text
    assert 'id="level_financing-error">Choose the level that fits best.' in text
    assert 'id="note_monitoring-error">Write the note in at most 500 characters.' in text
    assert 'id="level_shared_vision-error"' not in text
    # What was typed stays.
    assert 'value="3" checked' in text
    assert stored(db, w) == {}


def test_only_members_of_the_initiative_score_it(
    sign_in: SignIn, client: TestClient, w: ScoreWorld, db: Session
) -> None:
    assert (
        sign_in(w.policymaker_b)
        .post(page(w), follow_redirects=False, data=scores_form())
        .status_code
        == 403
    )
    assert (
        client.post(page(w), follow_redirects=False, data=scores_form()).status_code == 403
    )  # the facilitator
    assert stored(db, w) == {}


def test_a_cancelled_session_takes_no_scores(sign_in: SignIn, db: Session, w: ScoreWorld) -> None:
    w.session.cancelled_at = utcnow()
    db.add(w.session)
    db.flush()
    browser = sign_in(w.practitioner_a)
    refused = browser.post(page(w), follow_redirects=False, data=scores_form())
    assert refused.status_code == 409
    assert "Session 3 is cancelled: it takes no scores." in refused.text
    assert stored(db, w) == {}
    assert 'name="level_financing"' not in browser.get(page(w)).text


def test_the_results_show_median_spread_per_role_and_views_differ(
    sign_in: SignIn, db: Session, w: ScoreWorld
) -> None:
    split_on_financing(db, w)
    text = sign_in(w.policymaker_a).get(page(w)).text
    row = text[text.index('<th scope="row">Financing') :]
    row = row[: row.index("</tr>")]
    assert "views differ" in row
    assert '<td data-label="Scores">2</td>' in row
    assert '<td data-label="Median">2</td>' in row
    assert "1–3" in row
    assert "Policymaker: 3 (1); Practitioner: 1 (1)" in row
    assert "Financing: views differ. Practitioner scored a median of 1, Policymaker 3" in text
    assert SECRET_NOTE in text
    assert "Not published yet" in text


def test_another_initiative_sees_nothing_until_release_then_numbers_and_notes(
    sign_in: SignIn, db: Session, w: ScoreWorld
) -> None:
    split_on_financing(db, w)
    other = sign_in(w.policymaker_b)
    before = other.get(page(w))
    assert before.status_code == 200
    assert SECRET_NOTE not in before.text
    assert "has not published its self-assessment" in before.text
    assert "Policymaker: 3" not in before.text
    fragment = other.get(page(w), headers={"HX-Request": "true"})
    assert SECRET_NOTE not in fragment.text
    assert "Publish to the community" not in before.text

    release(db, w.session, w.a)
    after = other.get(page(w)).text
    assert SECRET_NOTE in after
    assert "Policymaker: 3 (1); Practitioner: 1 (1)" in after


def test_members_publish_after_confirming_and_then_changes_are_refused(
    sign_in: SignIn, client: TestClient, db: Session, w: ScoreWorld
) -> None:
    browser = sign_in(w.practitioner_a)
    assert "Publish to the community" not in browser.get(page(w)).text  # nothing scored yet
    nothing = browser.post(
        page(w).replace("self-assessment?", "self-assessment/release?"), follow_redirects=False
    )
    assert nothing.status_code == 303
    assert db.exec(select(SelfAssessmentRelease)).all() == []

    browser.post(page(w), follow_redirects=False, data=scores_form())
    assert "Publish to the community" in browser.get(page(w)).text
    confirm = browser.get(page(w).replace("self-assessment?", "self-assessment/release?"))
    assert "Publish the self-assessment for session 3?" in confirm.text
    assert (
        sign_in(w.policymaker_b)
        .post(
            page(w).replace("self-assessment?", "self-assessment/release?"), follow_redirects=False
        )
        .status_code
        == 403
    )
    published = browser.post(
        page(w).replace("self-assessment?", "self-assessment/release?"), follow_redirects=False
    )
    assert published.status_code == 303
    db.expire_all()
    (row,) = db.exec(select(SelfAssessmentRelease)).all()
    assert row.released_by_id == w.practitioner_a.id
    audit = db.exec(select(AuditEntry).where(AuditEntry.action == "published")).all()
    assert [a.subject for a in audit] == ["self-assessment session 3"]

    refused = browser.post(page(w), follow_redirects=False, data=scores_form(level_financing="4"))
    assert refused.status_code == 409
    assert "Ask the facilitator to withdraw the publication first." in refused.text
    assert stored(db, w)[(w.practitioner_a.id, "financing")][1] == 1

    # Only the facilitator withdraws; then the member may change the scores again.
    withdraw = page(w).replace("self-assessment?", "self-assessment/withdraw?")
    assert browser.post(withdraw, follow_redirects=False).status_code == 403
    assert client.post(withdraw, follow_redirects=False).status_code == 303
    assert (
        browser.post(
            page(w), follow_redirects=False, data=scores_form(level_financing="4")
        ).status_code
        == 303
    )
    assert stored(db, w)[(w.practitioner_a.id, "financing")][1] == 4


def test_the_default_session_is_the_one_being_prepared_and_a_foreign_one_is_404(
    sign_in: SignIn, db: Session, w: ScoreWorld
) -> None:
    browser = sign_in(w.practitioner_a)
    text = browser.get(f"/initiatives/{w.a.id}/self-assessment").text
    assert "Results for session 3" in text
    for bad in ("999999", "abc", "9223372036854775808"):
        assert (
            browser.get(f"/initiatives/{w.a.id}/self-assessment?session_id={bad}").status_code
            == 404
        )
    assert (
        browser.get(f"/initiatives/{w.a.id}/self-assessment/release?session_id=abc").status_code
        == 404
    )


def test_an_anonymous_score_keeps_its_role(db: Session, w: ScoreWorld) -> None:
    split_on_financing(db, w)
    rows = db.exec(select(SelfAssessment).where(SelfAssessment.role == Role.practitioner)).all()
    assert [r.condition for r in rows] == [PartnershipCondition.financing]
