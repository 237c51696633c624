"""The comparison page: published sections and arrangements side by side, the 2–4 rule and
other refused choices, confirmed links with their reason for everyone, candidates and
confirming or removing for the facilitator only, and no draft text anywhere."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.audit.models import AuditEntry
from app.community.models import LearningCommunity
from app.comparison.models import PracticeLink
from app.people.models import Person
from app.vocabulary import AuditAction
from tests import factories
from tests.comparison.world import (
    DRAFT_ANALYSIS,
    DRAFT_BARRIER,
    DRAFT_TREND_REASON,
    CompareWorld,
    compare_path,
    compare_world,
    link_form,
)
from tests.helpers import attributes

SignIn = Callable[[Person], TestClient]
DRAFT_SENTENCES = (DRAFT_ANALYSIS, DRAFT_BARRIER, DRAFT_TREND_REASON)


@pytest.fixture
def w(db: Session, community: LearningCommunity) -> CompareWorld:
    return compare_world(db, community)


def _links(db: Session) -> list[PracticeLink]:
    db.expire_all()
    return list(db.exec(select(PracticeLink)).all())


def _confirm(db: Session, w: CompareWorld, reason: str = "Funders committed early.") -> None:
    assert w.practice.id and w.section_b.id and w.community.id
    db.add(
        PracticeLink(
            good_practice_id=w.practice.id,
            section_id=w.section_b.id,
            barrier="The fund ends before a decision on structural funding.",
            reason=reason,
            confirmed_at=w.held.starts_at,
        )
    )
    db.flush()


# -- what the comparison shows -----------------------------------------------------------------


def test_the_comparison_shows_published_sections_and_arrangements(
    sign_in: SignIn, w: CompareWorld
) -> None:
    page = sign_in(w.policymaker_a).get(compare_path(w))
    assert page.status_code == 200
    text = page.text
    assert "Financing in session 2" in text
    # The link to share names the session shown, so it stays the same comparison.
    shared = f"{compare_path(w)}&session_id={w.held.id}".replace("&", "&amp;")
    assert f'href="{shared}"' in text
    for expected in (
        "Tilburg pooled its budgets into one.",
        "No declarations per discipline.",
        "Less insight into who pays for what.",
        "The pooled budget was signed.",
        "Zwolle-Kampen depends on a pilot fund.",
        "The fund ends before a decision on structural funding.",
        "The end of the fund is closer.",
        "Pooled budget of three municipalities and the insurer.",
        "Two-year pilot fund that ends on 31 December.",
        "Pooled budget",
        "Pilot fund",
    ):
        assert expected in text, expected
    assert "Better" in text and "Worse" in text
    # One column per initiative, each cell named after its initiative for a phone.
    assert text.count('data-label="Wijkexpertteam Zwolle-Kampen"') >= 6
    assert f'href="/factsheets/{w.section_a.factsheet_id}"' in text
    # Initiative C was not chosen.
    assert "Groningen declares per hour." not in text


@pytest.mark.parametrize(
    ("condition", "shown", "hidden"),
    [
        ("monitoring", "Three outcomes for every family, reviewed twice a year.", "Pooled budget"),
        ("roles", "school social worker, youth mental-health nurse", "Case reviews"),
        (
            "shared_vision",
            "Families where parents&#39; mental health affects school.",
            "Pilot fund",
        ),
    ],
)
def test_each_condition_shows_its_arrangement(
    sign_in: SignIn, w: CompareWorld, condition: str, shown: str, hidden: str
) -> None:
    page = sign_in(w.policymaker_a).get(compare_path(w, condition=condition))
    assert page.status_code == 200
    assert shown in page.text
    assert hidden not in page.text
    assert "No published factsheet for this session." in page.text


def test_without_a_condition_the_form_is_shown_with_what_the_link_ticked(
    sign_in: SignIn, w: CompareWorld
) -> None:
    page = sign_in(w.policymaker_a).get(f"/community/compare?initiative={w.b.id}")
    assert page.status_code == 200
    assert "checked" in str(attributes(page.text, f"initiative-{w.b.id}"))
    assert "checked" not in str(attributes(page.text, f"initiative-{w.a.id}"))
    assert "Choose two to four" not in page.text
    assert "Financing in session" not in page.text


# -- refused choices ---------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 5])
def test_fewer_than_two_or_more_than_four_initiatives_are_refused_by_the_field(
    sign_in: SignIn, db: Session, w: CompareWorld, count: int
) -> None:
    more = [factories.initiative(db, w.community).id for _ in range(2)]
    ids = [w.a.id, w.b.id, w.c.id, *more][:count]
    page = sign_in(w.policymaker_a).get(compare_path(w, *ids))
    assert page.status_code == 422
    assert '<p class="error" id="initiative-error">Choose two to four initiatives to compare.' in (
        page.text
    )
    assert "Tilburg pooled its budgets into one." not in page.text
    # What was ticked stays ticked.
    assert "checked" in str(attributes(page.text, f"initiative-{w.a.id}"))


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("condition=weather", "condition"),
        ("condition=", "condition"),
        ("initiative=abc", "initiative"),
        ("session_id=x", "session_id"),
    ],
)
def test_an_unknown_condition_or_a_malformed_id_is_refused_by_its_field(
    sign_in: SignIn, w: CompareWorld, query: str, field: str
) -> None:
    base = f"initiative={w.a.id}&initiative={w.b.id}"
    if not query.startswith("condition"):
        base += "&condition=financing"
    page = sign_in(w.policymaker_a).get(f"/community/compare?{base}&{query}")
    assert page.status_code == 422
    assert f'id="{field}-error"' in page.text


def test_an_initiative_or_session_of_another_community_does_not_exist(
    sign_in: SignIn, w: CompareWorld
) -> None:
    browser = sign_in(w.policymaker_a)
    assert browser.get(compare_path(w, w.a.id, w.foreign_initiative.id)).status_code == 404
    foreign = w.foreign_session.id
    assert browser.get(f"{compare_path(w)}&session_id={foreign}").status_code == 404
    assert browser.get(compare_path(w, w.a.id, 9223372036854775808)).status_code == 422


# -- links -------------------------------------------------------------------------------------


def test_the_facilitator_sees_candidates_with_a_prefilled_reason(
    client: TestClient, w: CompareWorld
) -> None:
    text = client.get(compare_path(w, w.a.id, w.b.id, w.c.id)).text
    assert text.count("may address") == 2  # A's practice × B's two barrier lines
    assert "Same condition (Financing) and level (System)" in text
    assert "A withdrawn practice" not in text
    assert "Clinical practice" not in text  # its level is not among the sections' levels
    assert DRAFT_BARRIER not in text


def test_a_confirmed_link_is_shown_with_its_reason_and_a_candidate_is_not(
    sign_in: SignIn, db: Session, w: CompareWorld
) -> None:
    _confirm(db, w, reason="Funders committed before the pilot ended.")
    text = sign_in(w.policymaker_a).get(compare_path(w)).text
    assert (
        "Huis van het Gezin Tilburg's good practice “One pooled budget” addresses "
        "Wijkexpertteam Zwolle-Kampen's barrier “The fund ends before a decision on "
        "structural funding.”"
    ) in text
    assert "Funders committed before the pilot ended." in text
    assert "may address" not in text and "Confirm this link" not in text
    assert "Remove this link" not in text


def test_the_facilitator_confirms_a_candidate_without_javascript(
    client: TestClient, db: Session, w: CompareWorld
) -> None:
    response = client.post("/community/compare/links", data=link_form(w), follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"{compare_path(w)}#practice-links"
    [link] = _links(db)
    assert (link.good_practice_id, link.section_id) == (w.practice.id, w.section_b.id)
    assert link.barrier == "The fund ends before a decision on structural funding."
    assert link.reason == "Tilburg's funders committed before the pilot ended."
    [entry] = db.exec(select(AuditEntry).where(AuditEntry.action == AuditAction.published)).all()
    assert entry.detail == "link confirmed: The fund ends before a decision on structural funding."
    assert entry.initiative_id == w.b.id
    page = client.get(response.headers["location"])
    assert "The link is confirmed." in page.text
    assert page.text.count("may address") == 1  # the other barrier line is left


def test_confirming_with_htmx_answers_the_links_region(
    client: TestClient, db: Session, w: CompareWorld
) -> None:
    response = client.post(
        "/community/compare/links", data=link_form(w), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="practice-links"')
    assert "Tilburg&#39;s funders committed before the pilot ended." in response.text
    assert "The link is confirmed." in response.text  # the toast, out of band
    # Focus moves to the region's heading; a page read afresh does not move it.
    assert "autofocus" in attributes(response.text, "links-heading")
    assert "autofocus" not in client.get(compare_path(w)).text
    assert len(_links(db)) == 1


def test_an_empty_reason_is_refused_next_to_the_field(
    client: TestClient, db: Session, w: CompareWorld
) -> None:
    response = client.post(
        "/community/compare/links", data=link_form(w, reason="  "), headers={"HX-Request": "true"}
    )
    assert response.status_code == 422
    key = f"{w.practice.id}-{w.section_b.id}-0"
    assert f'id="candidate-{key}-reason-error"' in response.text
    assert attributes(response.text, f"candidate-{key}-reason")["aria-invalid"] == "true"
    assert _links(db) == []


def test_a_forged_link_is_refused_and_nothing_is_stored(
    client: TestClient, db: Session, w: CompareWorld
) -> None:
    forged = [
        ({"section_id": str(w.draft_section_b.id)}, 404),  # a draft
        ({"section_id": str(w.section_a.id)}, 404),  # the practice's own initiative
        ({"section_id": str(w.foreign_section.id)}, 404),  # another community
        ({"barrier": "7"}, 404),  # no such line
        ({"good_practice_id": str(w.withdrawn.id)}, 404),
        ({"good_practice_id": str(w.other_level.id)}, 404),  # not at the section's levels
        ({"good_practice_id": "x"}, 422),
        ({"barrier": "-1"}, 422),
        ({"section_id": "9223372036854775808"}, 422),
        ({"initiative": [str(w.a.id)]}, 422),  # the comparison it came from is not valid
    ]
    for change, status in forged:
        response = client.post("/community/compare/links", data=link_form(w, **change))
        assert response.status_code == status, change
    assert _links(db) == []


def test_only_the_facilitator_confirms_and_removes(
    sign_in: SignIn, client: TestClient, db: Session, w: CompareWorld
) -> None:
    policymaker = sign_in(w.policymaker_a)
    assert policymaker.post("/community/compare/links", data=link_form(w)).status_code == 403
    assert _links(db) == []
    _confirm(db, w)
    [link] = _links(db)
    state = {"condition": "financing", "initiative": [str(w.a.id), str(w.b.id)]}
    path = f"/community/compare/links/{link.id}/remove"
    assert policymaker.post(path, data=state).status_code == 403
    assert len(_links(db)) == 1
    assert client.get(compare_path(w)).text.count("Remove this link") == 1
    response = client.post(path, data=state, follow_redirects=False)
    assert response.status_code == 303
    assert _links(db) == []
    assert client.post(path, data=state).status_code == 404


# -- no draft text ---------------------------------------------------------------------------


def test_no_draft_sentence_reaches_a_policymaker_of_another_initiative(
    sign_in: SignIn, db: Session, w: CompareWorld
) -> None:
    _confirm(db, w)
    browser = sign_in(w.policymaker_a)
    pages = []
    for condition in ("financing", "monitoring", "roles", "shared_vision"):
        path = compare_path(w, w.a.id, w.b.id, w.c.id, condition=condition)
        pages.append(browser.get(path))
        pages.append(browser.get(path, headers={"HX-Request": "true"}))
        pages.append(browser.get(f"{path}&session_id={w.held.id}"))
    pages.append(browser.get(f"/community/compare?initiative={w.b.id}"))
    for page in pages:
        assert page.status_code == 200
        for sentence in DRAFT_SENTENCES:
            assert sentence not in page.text
    assert "Zwolle-Kampen depends on a pilot fund." in pages[0].text  # the published version


def test_the_initiative_page_links_to_a_comparison_with_it_ticked(
    sign_in: SignIn, w: CompareWorld
) -> None:
    browser = sign_in(w.policymaker_a)
    page = browser.get(f"/initiatives/{w.b.id}")
    assert f'href="/community/compare?initiative={w.b.id}"' in page.text
    assert '<a href="/community/compare">Compare</a>' in page.text  # in the header
    assert (
        "Confirmed links of this initiative"
        not in browser.get(f"/community/compare?initiative={w.b.id}").text
    )  # none yet


def test_from_an_initiatives_page_the_form_shows_its_confirmed_links(
    sign_in: SignIn, db: Session, w: CompareWorld
) -> None:
    _confirm(db, w, reason="Funders committed before the pilot ended.")
    browser = sign_in(w.policymaker_a)
    for initiative in (w.a, w.b):
        text = browser.get(f"/community/compare?initiative={initiative.id}").text
        assert f"Confirmed links of {initiative.name}" in text
        assert "good practice “One pooled budget” addresses" in text
        assert "Funders committed before the pilot ended." in text
        assert (
            f'href="/community/compare?condition=financing&amp;initiative={w.a.id}'
            f'&amp;initiative={w.b.id}"'
        ) in text
    for other in (w.c.id, w.foreign_initiative.id, 9223372036854775808):
        page = browser.get(f"/community/compare?initiative={other}")
        assert page.status_code == 200
        assert "Confirmed links of" not in page.text


def test_bad_input_is_a_4xx_never_a_500(client: TestClient, db: Session, w: CompareWorld) -> None:
    state = {"condition": "financing", "initiative": [str(w.a.id), str(w.b.id)]}
    answers = [
        client.get(f"{compare_path(w)}&session_id=%00"),
        client.get(compare_path(w, condition="fin%00ancing")),
        client.get(f"/community/compare?condition=financing&initiative={'9' * 3000}"),
        client.get(compare_path(w) + "".join(f"&initiative={i}" for i in range(1, 1200))),
        client.post("/community/compare/links", data=link_form(w, reason="Nul\x00byte")),
        client.post("/community/compare/links/9223372036854775808/remove", data=state),
        client.post("/community/compare/links/0/remove", data=state),
        client.post("/community/compare/links/1/remove", data={"condition": "x"}),
        client.post("/community/compare/links", json={"reason": "not a form"}),
    ]
    assert all(400 <= answer.status_code < 500 for answer in answers), [
        answer.status_code for answer in answers
    ]
    assert _links(db) == []


def test_in_a_large_community_the_form_finds_an_initiative_by_part_of_its_name(
    db: Session, community: LearningCommunity, w: CompareWorld, client: TestClient
) -> None:
    small = client.get("/community/compare").text
    assert 'name="find"' not in small  # three initiatives: no need to find one
    for number in range(12):
        factories.initiative(db, community, name=f"Wijkteam Oost {number:02d}")

    page = client.get("/community/compare").text
    assert 'name="find"' in page and "Wijkteam Oost 11" in page

    # Find keeps what was ticked and compares nothing yet, even with a condition chosen.
    found = client.get(
        "/community/compare",
        params={"find": "tilburg", "finding": "1", "condition": "financing", "initiative": w.b.id},
    )
    assert found.status_code == 200
    assert "Huis van het Gezin Tilburg" in found.text
    assert "Wijkteam Oost" not in found.text
    assert f'value="{w.b.id}" checked' in found.text
    assert "comparison-heading" not in found.text
    compared = client.get(
        "/community/compare",
        params={"find": "tilburg", "condition": "financing", "initiative": [w.a.id, w.b.id]},
    )
    assert compared.status_code == 200 and "comparison-heading" in compared.text
