"""The results page: counts, medians, the sentence, the chart's text alternative and table,
breakdowns only for groups of five, small multiples, constant SQL, and escaped comments."""

import re

from sqlmodel import Session

from app.evaluations import service
from app.evaluations.charts import bar_chart
from app.i18n import LANGUAGE_COOKIE
from app.learning_sessions.models import SessionEvaluation
from app.vocabulary import Role
from tests import factories
from tests.evaluations.world import SignIn, answers, evaluation_world
from tests.helpers import counted_statements


def _results(sign_in: SignIn, w: object, person: object) -> str:
    response = sign_in(person).get(f"/sessions/{w.session.id}/evaluation/results")  # type: ignore[attr-defined]
    assert response.status_code == 200, response.text[:300]
    return response.text


def test_counts_median_sentence_chart_and_table(db: Session, sign_in: SignIn) -> None:
    w = evaluation_world(db)  # three attended
    answers(db, w, Role.practitioner, [5, 4, 4, 2])  # four more attended and answered
    factories.attendance(db, w.session, factories.person(db, w.community), attended=True)
    page = _results(sign_in, w, w.chair)
    assert "4 of the 8 who attended answered the evaluation." in page
    assert "3 of 4 found the session useful (4 or 5)." in page
    assert "Median: 4." in page
    chart = re.search(r'<svg class="bar-chart" role="img"[^>]*>.*?</svg>', page, re.S)
    assert chart is not None
    assert (
        'aria-label="Usefulness: number of answers per score, 1 to 5. 1: 0, 2: 1, 3: 0, 4: 2, 5: 1"'
        in page
    )
    assert '<title id="chart-usefulness-title">' in page
    # values and labels printed on the bars: readable without colour
    assert re.search(r'font-weight="bold"[^>]*>2</text>', chart.group(0))
    assert "<caption>Usefulness: answers per score</caption>" in page
    assert re.search(r"<th scope=\"row\">4</th><td>2</td>", page)


def test_an_even_number_of_answers_has_the_middle_median(db: Session, sign_in: SignIn) -> None:
    assert service.distribution([2, 3, 4, 5]).median == 3.5
    assert service.distribution([]).median is None
    w = evaluation_world(db)
    answers(db, w, Role.practitioner, [2, 3, 4, 5])
    assert "Median: 3.5." in _results(sign_in, w, w.chair)
    browser = sign_in(w.chair)
    browser.cookies.set(LANGUAGE_COOKIE, "nl")
    page = browser.get(f"/sessions/{w.session.id}/evaluation/results").text
    assert "Mediaan: 3,5." in page
    assert (
        "3 van 4 vonden de sessie nuttig" not in page
        and "2 van 4 vonden de sessie nuttig (4 of 5)." in page
    )


def test_a_group_of_four_shows_no_breakdown_and_five_does(db: Session, sign_in: SignIn) -> None:
    w = evaluation_world(db)
    answers(db, w, Role.policymaker, [4, 4, 5, 3])
    answers(db, w, Role.practitioner, [2, 3, 4, 5, 5])
    page = _results(sign_in, w, w.chair)
    assert "Practitioner: median per question (5 answers)" in page
    assert "Policymaker: median per question" not in page
    by_role = page[page.index('id="by-role"') : page.index('id="across"')]
    assert by_role.count("Fewer than 5 answers: no breakdown.") == 1
    results = service.results(db=db, learning_session=w.session)
    groups = {group.role: group for group in results.by_role}
    assert groups[Role.policymaker].questions is None
    assert groups[Role.practitioner].questions is not None


def test_the_same_question_across_sessions_as_small_multiples(db: Session, sign_in: SignIn) -> None:
    w = evaluation_world(db)
    first = factories.learning_session(db, w.community, number=1, status="held")  # type: ignore[arg-type]
    answers(db, w, Role.practitioner, [3, 3], session=first)
    answers(db, w, Role.practitioner, [5, 4, 4])
    page = _results(sign_in, w, w.chair)
    across = page[page.index('id="across"') :]
    assert across.count('<svg class="bar-chart"') == 8  # 4 questions × 2 sessions
    assert 'aria-label="Session 1, Usefulness. 1: 0, 2: 0, 3: 2, 4: 0, 5: 0"' in across
    assert "Session 2: 3 of 3 found the session useful (4 or 5)." in across
    assert across.index("Session 1,") < across.index("Session 2,")


def test_small_multiples_share_one_scale() -> None:
    low = bar_chart([1, 0, 0, 0, 0], scale_max=4)
    high = bar_chart([4, 0, 0, 0, 0], scale_max=4)
    assert low.scale_max == high.scale_max == 4
    assert low.bars[0].height * 4 == high.bars[0].height


def test_the_page_runs_the_same_statements_for_5_and_50_answers(
    db: Session, sign_in: SignIn
) -> None:
    w = evaluation_world(db)
    answers(db, w, Role.practitioner, [4] * 5)
    browser = sign_in(w.chair)
    path = f"/sessions/{w.session.id}/evaluation/results"
    browser.get(path)
    with counted_statements(db) as few:
        assert browser.get(path).status_code == 200
    answers(db, w, Role.manager, [3] * 45)
    with counted_statements(db) as many:
        page = browser.get(path).text
    assert "50 of the 53 who attended" in page
    assert len(few) == len(many)


def test_a_comment_with_script_is_shown_as_text(db: Session, sign_in: SignIn) -> None:
    w = evaluation_world(db)
    db.add(
        SessionEvaluation(
            session_id=w.session.id or 0,
            person_id=w.practitioner.id,
            preparation=3,
            usefulness=3,
            family_voice=3,
            come_again=3,
            comment='<script>alert("x")</script>',
        )
    )
    db.flush()
    page = _results(sign_in, w, w.chair)
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page


def test_only_the_facilitator_and_the_chair_read_the_results(db: Session, sign_in: SignIn) -> None:
    w = evaluation_world(db)
    path = f"/sessions/{w.session.id}/evaluation/results"
    assert sign_in(w.practitioner).get(path).status_code == 403
    assert sign_in(w.family).get(path).status_code == 403
    facilitator = factories.person(db, w.community)  # type: ignore[arg-type]
    factories.membership(db, facilitator, Role.facilitator)
    assert sign_in(facilitator).get(path).status_code == 200


def test_without_answers_the_page_says_so(db: Session, sign_in: SignIn) -> None:
    w = evaluation_world(db)
    page = _results(sign_in, w, w.chair)
    assert "0 of the 3 who attended answered the evaluation." in page
    assert page.count("No answers to this question yet.") == 4
