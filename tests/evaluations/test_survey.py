"""The participant's survey: who answers, when, one answer per person, and refused input."""

from datetime import UTC, date, datetime, timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.evaluations import service
from app.i18n import LANGUAGE_COOKIE
from app.learning_sessions.models import LearningSession, SessionEvaluation
from tests import factories
from tests.evaluations.world import GOOD, SignIn, evaluation_world
from tests.helpers import csrf_from, open_access_link


def _stored(db: Session) -> list[SessionEvaluation]:
    db.expire_all()
    return list(db.exec(select(SessionEvaluation).order_by(col(SessionEvaluation.id))).all())


def test_the_survey_has_four_questions_as_radio_groups_and_says_when_it_closes(
    db: Session, sign_in: SignIn
) -> None:
    w = evaluation_world(db)
    page = sign_in(w.practitioner).get(f"/sessions/{w.session.id}/evaluation")
    assert page.status_code == 200
    assert page.text.count("<fieldset") == 4
    assert page.text.count('type="radio"') == 20
    assert "<legend>How useful was the session for your work?</legend>" in page.text
    assert "1 — not at all" in page.text and "5 — very much" in page.text
    assert "You can change your answers until" in page.text


@pytest.mark.parametrize(
    ("field", "value"),
    [("usefulness", "6"), ("usefulness", ""), ("come_again", "0"), ("preparation", "vier")],
)
def test_an_out_of_range_or_missing_answer_is_refused_next_to_its_field(
    db: Session, sign_in: SignIn, field: str, value: str
) -> None:
    w = evaluation_world(db)
    data = GOOD | {field: value, "comment": "Mijn tekst blijft staan"}
    response = sign_in(w.practitioner).post(f"/sessions/{w.session.id}/evaluation", data=data)
    assert response.status_code == 422
    assert f'<p class="error" id="{field}-error">Choose a number from 1 to 5.</p>' in response.text
    assert "Mijn tekst blijft staan" in response.text  # what was typed comes back
    assert _stored(db) == []


def test_a_missing_field_altogether_is_refused(db: Session, sign_in: SignIn) -> None:
    w = evaluation_world(db)
    data = {k: v for k, v in GOOD.items() if k != "come_again"}
    response = sign_in(w.practitioner).post(f"/sessions/{w.session.id}/evaluation", data=data)
    assert response.status_code == 422
    assert 'id="come_again-error"' in response.text
    assert _stored(db) == []


def test_a_second_answer_replaces_the_first(db: Session, sign_in: SignIn) -> None:
    w = evaluation_world(db)
    browser = sign_in(w.practitioner)
    path = f"/sessions/{w.session.id}/evaluation"
    first = browser.post(path, data=GOOD | {"comment": "Eerst"}, follow_redirects=False)
    assert first.status_code == 303
    browser.post(path, data=GOOD | {"usefulness": "2", "comment": "Later"})
    rows = _stored(db)
    assert len(rows) == 1
    assert (rows[0].usefulness, rows[0].comment, rows[0].come_again) == (2, "Later", 4)
    page = browser.get(path).text
    assert 'name="usefulness" value="2" checked' in page
    assert "Your answers are saved" in page


def test_before_the_session_starts_the_survey_is_refused(db: Session, sign_in: SignIn) -> None:
    w = evaluation_world(db, started=datetime.now(UTC) + timedelta(hours=2))
    browser = sign_in(w.practitioner)
    path = f"/sessions/{w.session.id}/evaluation"
    page = browser.get(path)
    assert page.status_code == 200
    assert "The evaluation opens when the session starts" in page.text
    assert "<fieldset" not in page.text
    assert browser.post(path, data=GOOD).status_code == 409
    assert _stored(db) == []


def test_after_closing_the_survey_is_refused(db: Session, sign_in: SignIn) -> None:
    w = evaluation_world(db, started=datetime.now(UTC) - timedelta(days=23))
    browser = sign_in(w.practitioner)
    path = f"/sessions/{w.session.id}/evaluation"
    db.add(
        SessionEvaluation(
            session_id=w.session.id or 0,
            person_id=w.practitioner.id,
            preparation=2,
            usefulness=5,
            family_voice=3,
            come_again=4,
            comment="Eerder gegeven",
        )
    )
    db.flush()
    page = browser.get(path)
    assert page.status_code == 200
    closed_on = service.last_day(w.session)  # the session's day where it is held, + 21
    assert f"The evaluation of this session closed on {closed_on:%B} {closed_on.day}, " in page.text
    assert "<fieldset" not in page.text  # no form any more
    assert "Eerder gegeven" in page.text  # what they answered stays readable
    assert browser.post(path, data=GOOD | {"comment": "Te laat"}).status_code == 409
    assert [row.comment for row in _stored(db)] == ["Eerder gegeven"]


def test_the_survey_is_open_until_the_end_of_the_21st_day(db: Session, sign_in: SignIn) -> None:
    w = evaluation_world(db, started=datetime.now(UTC) - timedelta(days=20))
    assert sign_in(w.family).get(f"/sessions/{w.session.id}/evaluation").status_code == 200


def test_someone_not_invited_is_refused(db: Session, sign_in: SignIn) -> None:
    w = evaluation_world(db)
    browser = sign_in(w.outsider)
    path = f"/sessions/{w.session.id}/evaluation"
    assert browser.get(path).status_code == 403
    assert browser.post(path, data=GOOD).status_code == 403
    assert _stored(db) == []


def test_an_invited_person_who_did_not_come_may_answer(db: Session, sign_in: SignIn) -> None:
    w = evaluation_world(db)
    factories.attendance(db, w.session, w.outsider, attended=False)
    response = sign_in(w.outsider).post(f"/sessions/{w.session.id}/evaluation", data=GOOD)
    assert response.status_code == 200
    assert len(_stored(db)) == 1


def test_the_family_representative_reads_plain_words_and_large_choices(
    db: Session, sign_in: SignIn
) -> None:
    w = evaluation_world(db)
    page = sign_in(w.family).get(f"/sessions/{w.session.id}/evaluation").text
    assert "Pick a number for each question" in page
    assert 'class="choice"' in page  # 44 px targets (reflect.css .choice)
    assert "/static/reflect.css" in page


def test_the_survey_in_dutch(db: Session, sign_in: SignIn) -> None:
    w = evaluation_world(db)
    browser = sign_in(w.practitioner)
    browser.cookies.set(LANGUAGE_COOKIE, "nl")
    page = browser.get(f"/sessions/{w.session.id}/evaluation").text
    assert "Hoe nuttig was de sessie voor uw werk?" in page
    refused = browser.post(f"/sessions/{w.session.id}/evaluation", data=GOOD | {"usefulness": "6"})
    assert "Kies een getal van 1 tot en met 5." in refused.text


def test_the_held_session_page_links_the_survey_and_for_the_chair_the_results(
    db: Session, sign_in: SignIn
) -> None:
    w = evaluation_world(db)
    survey = f'href="/sessions/{w.session.id}/evaluation"'
    results = f'href="/sessions/{w.session.id}/evaluation/results"'
    page = sign_in(w.practitioner).get(f"/sessions/{w.session.id}").text
    assert survey in page and results not in page
    page = sign_in(w.chair).get(f"/sessions/{w.session.id}").text
    assert survey in page and results in page
    w.session.status = "planned"  # type: ignore[assignment]
    db.add(w.session)
    db.flush()
    assert survey not in sign_in(w.practitioner).get(f"/sessions/{w.session.id}").text


def test_the_family_representative_answers_through_a_personal_link(
    app: FastAPI, db: Session
) -> None:
    """A browser as it is: cookies from the link, the CSRF token from the page's form."""
    w = evaluation_world(db)
    _link, token = factories.access_link(db, w.family, for_session=w.session)
    browser = TestClient(app)
    assert open_access_link(browser, token).status_code == 303
    path = f"/sessions/{w.session.id}/evaluation"
    page = browser.get(path)
    assert page.status_code == 200
    data = GOOD | {"comment": "Fijn", "csrf_token": csrf_from(page.text)}
    assert browser.post(path, data=data, follow_redirects=False).status_code == 303
    (row,) = _stored(db)
    assert (row.person_id, row.comment) == (w.family.id, "Fijn")


def test_the_survey_is_open_from_the_start_to_the_end_of_the_21st_day_where_it_is_held() -> None:
    held = LearningSession(
        number=2,
        community_id=1,
        starts_at=datetime(2026, 6, 18, 11, 30, tzinfo=UTC),
        timezone="Europe/Amsterdam",
    )
    assert service.last_day(held) == date(2026, 7, 9)
    assert not service.is_open(held, now=datetime(2026, 6, 18, 11, 29, tzinfo=UTC))
    assert service.is_open(held, now=datetime(2026, 6, 18, 11, 30, tzinfo=UTC))
    assert service.is_open(held, now=datetime(2026, 7, 9, 21, 59, tzinfo=UTC))
    assert not service.is_open(held, now=datetime(2026, 7, 9, 22, 0, tzinfo=UTC))  # midnight
    held.cancelled_at = datetime(2026, 6, 1, tzinfo=UTC)
    assert not service.is_open(held, now=datetime(2026, 6, 20, tzinfo=UTC))


def test_a_comment_over_4000_characters_is_refused_next_to_it(db: Session, sign_in: SignIn) -> None:
    w = evaluation_world(db)
    data = GOOD | {"comment": "x" * 4001}
    response = sign_in(w.practitioner).post(f"/sessions/{w.session.id}/evaluation", data=data)
    assert response.status_code == 422
    assert 'id="comment-error">Write your comment in up to 4000 characters.' in response.text
    assert _stored(db) == []
    accepted = sign_in(w.practitioner).post(
        f"/sessions/{w.session.id}/evaluation", data=GOOD | {"comment": "x" * 4000}
    )
    assert accepted.status_code == 200
    assert len(_stored(db)[0].comment) == 4000
