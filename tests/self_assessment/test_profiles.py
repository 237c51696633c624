"""Condition profiles: the strip plots (own initiative by shape and label, unreleased others
left out, no ranking), one initiative's profile over the sessions, the text alternatives,
leakage of unreleased notes, and statement counts that do not grow with the community."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.community.models import LearningCommunity
from app.demo.scale import scale_community
from app.demo.self_assessment import score_generated
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.self_assessment.charts import profile_chart, strip_plot
from app.vocabulary import PartnershipCondition, Role, SessionStatus
from tests import factories
from tests.helpers import counted_statements
from tests.self_assessment.world import (
    SECRET_NOTE,
    ScoreWorld,
    release,
    score,
    score_world,
    split_on_financing,
)

SignIn = Callable[[Person], TestClient]
FINANCING = PartnershipCondition.financing


@pytest.fixture
def w(db: Session, community: LearningCommunity) -> ScoreWorld:
    world = score_world(db, community)
    split_on_financing(db, world)
    return world


def profiles(w: ScoreWorld) -> str:
    return f"/community/profiles?session_id={w.session.id}"


def strip(text: str, condition: str) -> str:
    start = text.index(f'<svg class="profile-chart" role="img" aria-labelledby="strip-{condition}')
    return text[start : text.index("</svg>", start)]


def test_the_strip_plot_shows_released_and_own_initiatives_with_the_own_one_labelled(
    sign_in: SignIn, db: Session, w: ScoreWorld
) -> None:
    text = sign_in(w.policymaker_b).get(profiles(w)).text
    svg = strip(text, "financing")
    # B's own median (2) as a filled square labelled "Yours"; A is not released: no dot.
    assert svg.count("<rect ") == 1 and svg.count("<circle ") == 0
    assert ">Yours</text>" in svg
    assert (
        "Financing: 1 initiative's median for session 3, at 2. "
        "Yours, Gezinsteam Plus Leidse Regio: 2."
    ) in text
    assert '<title id="strip-financing-title">' in svg and '<desc id="strip-financing-desc">' in svg

    release(db, w.session, w.a)
    text = sign_in(w.policymaker_b).get(profiles(w)).text
    svg = strip(text, "financing")
    assert svg.count("<rect ") == 1 and svg.count("<circle ") == 1
    assert "2 initiatives' medians for session 3, between 2 and 2." in text


def test_the_table_lists_initiatives_alphabetically_with_their_medians(
    sign_in: SignIn, db: Session, w: ScoreWorld
) -> None:
    release(db, w.session, w.a)
    text = sign_in(w.policymaker_b).get(profiles(w)).text
    table = text[text.index("<table") :]
    leiden, zwolle = table.index("Gezinsteam Plus Leidse Regio"), table.index("Wijkexpertteam")
    assert leiden < zwolle  # alphabetical, whatever the scores
    zwolle_row = table[zwolle : table.index("</tr>", zwolle)]
    assert '<td data-label="Financing">2 <span class="badge badge--views-differ">' in zwolle_row
    assert "none published" in zwolle_row  # A scored financing only


def test_a_policymaker_of_another_initiative_never_sees_an_unreleased_note(
    sign_in: SignIn, db: Session, w: ScoreWorld
) -> None:
    other = sign_in(w.policymaker_b)
    pages = [
        profiles(w),
        f"/initiatives/{w.a.id}/profile",
        f"/initiatives/{w.a.id}/self-assessment?session_id={w.session.id}",
        f"/initiatives/{w.a.id}/self-assessment",
    ]
    for path in pages:
        for headers in ({}, {"HX-Request": "true"}):
            answer = other.get(path, headers=headers)
            assert answer.status_code == 200
            assert SECRET_NOTE not in answer.text, path
    # Nor A's numbers: A's profile shows none for the session.
    profile = other.get(f"/initiatives/{w.a.id}/profile").text
    assert profile.count("none published") == 4 and "views differ" not in profile
    assert "<circle " not in profile
    assert SECRET_NOTE in sign_in(w.practitioner_a).get(pages[2]).text
    release(db, w.session, w.a)
    assert SECRET_NOTE in other.get(pages[2]).text


def test_the_initiative_profile_shows_the_median_per_session_with_gaps(
    sign_in: SignIn, db: Session, w: ScoreWorld
) -> None:
    earlier = factories.learning_session(db, w.community, number=1, status=SessionStatus.held)
    factories.learning_session(db, w.community, number=2, status=SessionStatus.held)
    score(db, earlier, w.a, w.policymaker_a, Role.policymaker, FINANCING, 1)
    score(db, earlier, w.a, w.practitioner_a, Role.practitioner, FINANCING, 2)
    release(db, earlier, w.a)
    release(db, w.session, w.a)
    text = sign_in(w.policymaker_b).get(f"/initiatives/{w.a.id}/profile").text
    assert "Financing, median per session: session 1 1.5, session 3 2." in text
    assert "Monitoring and evaluation: no self-assessment to show yet." in text
    start = text.index('aria-labelledby="profile-financing-title"')
    svg = text[start : text.index("</svg>", start)]
    assert svg.count("<circle ") == 2 and "<polyline" not in svg  # session 2 is a gap
    assert ">S1</text>" in svg and ">S2</text>" in svg and ">S3</text>" in svg


def test_strip_plot_geometry_stacks_equal_medians_and_tells_the_rest() -> None:
    plot = strip_plot([(f"I{n:03}", 2.0, n == 5) for n in range(40)] + [("Z", 4.0, False)])
    two = next(s for s in plot.stacks if s.median == 2.0)
    assert (two.count, two.hidden) == (40, 40 - 17)
    assert plot.dots[0].own and plot.dots[0].name == "I005"  # own first in its stack
    assert {d.x for d in plot.dots if d.median == 4.0} == {330.0}
    chart = profile_chart([1, 2, 3, 4], {1: 1.0, 2: 2.5, 4: 4.0})
    assert [len(s) for s in chart.segments] == [2, 1]


def first_three(db: Session, community: LearningCommunity) -> list[int]:
    """The ids of the community's first three sessions."""
    return list(
        db.exec(
            select(col(LearningSession.id))
            .where(LearningSession.community_id == community.id)
            .order_by(col(LearningSession.number))
            .limit(3)
        ).all()
    )


def _scaled(db: Session, community: LearningCommunity, initiatives: int) -> LearningSession:
    scale_community(db, initiatives=initiatives)
    session_ids = first_three(db, community)
    score_generated(db, community_id=community.id or 0, session_ids=session_ids)
    first = db.get(LearningSession, session_ids[0])
    assert first is not None
    return first


def test_the_profile_pages_send_the_same_statements_for_more_initiatives(
    sign_in: SignIn, db: Session, community: LearningCommunity
) -> None:
    # 20 and then 80 generated initiatives (1,000 take minutes here; bench/pages.py times them).
    viewer = factories.person(db, community, name="Vera Viewer")
    counts: list[tuple[int, int]] = []
    browser = sign_in(viewer)
    first = _scaled(db, community, 20)
    for more in (0, 60):
        if more:
            scale_community(db, initiatives=more)
            score_generated(
                db, community_id=community.id or 0, session_ids=first_three(db, community)
            )
        initiative_id = db.exec(
            select(col(Initiative.id)).where(Initiative.community_id == community.id).limit(1)
        ).first()
        assert initiative_id
        with counted_statements(db) as strips:
            page = browser.get(f"/community/profiles?session_id={first.id}")
        assert page.status_code == 200 and "none published" not in page.text
        with counted_statements(db) as over_time:
            profile = browser.get(f"/initiatives/{initiative_id}/profile")
        assert profile.status_code == 200 and "<circle " in profile.text
        counts.append((len(strips), len(over_time)))
    assert counts[0] == counts[1]


def test_the_table_shows_fifty_initiatives_a_page_in_alphabetical_order(
    sign_in: SignIn, db: Session, w: ScoreWorld
) -> None:
    for number in range(55):
        factories.initiative(db, w.community, name=f"Initiatief {number:02}")
    browser = sign_in(w.policymaker_b)
    first = browser.get(profiles(w)).text
    second = browser.get(profiles(w) + "&page=2").text
    assert first.count('<th scope="row"><a href="/initiatives/') == 50
    assert second.count('<th scope="row"><a href="/initiatives/') == 7
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    assert "Gezinsteam Plus Leidse Regio" in first and "Initiatief 48" in first
    assert "Initiatief 49" in second and "Wijkexpertteam Zwolle-Kampen" in second
    assert browser.get(profiles(w) + "&page=0").status_code == 422
