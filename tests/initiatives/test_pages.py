"""Initiative pages: list with search and filters, create and edit forms, archive, delete."""

from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.community.models import LearningCommunity
from app.initiatives.models import Initiative
from app.people.models import Person
from app.vocabulary import (
    FundingArrangement,
    InitiativeStatus,
    IntegrationLevel,
    PartnershipCondition,
    Role,
)
from tests import factories
from tests.helpers import attributes, counted_statements

VALID_FORM = {
    "name": "Gezinsteam Plus Leidse Regio",
    "target_group": "Families with problems in several life domains",
    "municipalities": "Leiden, Oegstgeest\nLeiderdorp",
    "disciplines": "family coach\nchild psychiatrist",
    "funding_arrangement": "pooled_budget",
    "funding_notes": "Three municipalities share one budget.",
    "monitoring_approach": "Quarterly dashboard",
}


def count_initiatives(db: Session) -> int:
    return db.exec(select(func.count()).select_from(Initiative)).one()


def names_listed(client: TestClient, **params: str) -> set[str]:
    response = client.get("/initiatives", params=params)
    assert response.status_code == 200, response.text
    names = set()
    for name in ("Jeugdteam Leiden", "Wijkteam Katwijk", "Gezinsplein Alphen"):
        if f">{name}</a>" in response.text:
            names.add(name)
    return names


def member(db: Session, community: LearningCommunity, role: Role) -> Person:
    person = factories.person(db, community)
    initiative = factories.initiative(db, community)
    factories.membership(db, person, role, initiative)
    return person


def test_create_with_an_invalid_then_a_valid_form(client: TestClient, db: Session) -> None:
    form_page = client.get("/initiatives/new")
    assert form_page.status_code == 200
    assert 'name="csrf_token"' in form_page.text
    before = count_initiatives(db)

    invalid = client.post(
        "/initiatives",
        data={**VALID_FORM, "name": "   ", "funding_arrangement": "gift"},
    )

    assert invalid.status_code == 422
    assert count_initiatives(db) == before
    html = invalid.text
    assert 'id="name-error">Enter a name (at most 200 characters).</p>' in html
    assert 'id="funding_arrangement-error">Choose a funding arrangement.</p>' in html
    assert attributes(html, "name")["aria-invalid"] == "true"
    assert attributes(html, "name")["aria-describedby"] == "name-error"
    assert (
        attributes(html, "funding_arrangement")["aria-describedby"] == "funding_arrangement-error"
    )
    assert "aria-invalid" not in attributes(html, "target_group")
    # What was typed is kept.
    assert "Leiden, Oegstgeest\nLeiderdorp</textarea>" in html
    assert "Quarterly dashboard</textarea>" in html

    valid = client.post("/initiatives", data=VALID_FORM, follow_redirects=False)

    assert valid.status_code == 303
    assert count_initiatives(db) == before + 1
    page = client.get(valid.headers["location"])
    assert page.status_code == 200
    assert "<h1>Gezinsteam Plus Leidse Regio" in page.text
    assert "Leiden, Oegstgeest, Leiderdorp" in page.text
    assert "family coach, child psychiatrist" in page.text
    assert "Pooled budget" in page.text


def test_a_duplicate_name_is_shown_next_to_the_name(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    factories.initiative(db, community, name="Jeugdteam Leiden")
    before = count_initiatives(db)

    response = client.post("/initiatives", data={**VALID_FORM, "name": "jeugdteam leiden"})

    assert response.status_code == 409
    assert 'id="name-error">Another initiative in this community has this name.' in response.text
    assert count_initiatives(db) == before


def test_edit_saves_and_a_stale_version_is_409_without_overwriting(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community, name="Jeugdteam Leiden")
    edit = client.get(f"/initiatives/{initiative.id}/edit")
    assert edit.status_code == 200
    assert attributes(edit.text, "name")["value"] == "Jeugdteam Leiden"

    saved = client.post(
        f"/initiatives/{initiative.id}/edit",
        data={**VALID_FORM, "name": "Jeugdteam Leiden Noord", "version": "1"},
        follow_redirects=False,
    )
    assert saved.status_code == 303

    stale = client.post(
        f"/initiatives/{initiative.id}/edit",
        data={**VALID_FORM, "name": "Somebody else's name", "version": "1"},
    )

    assert stale.status_code == 409
    assert "Someone else changed this initiative" in stale.text
    assert attributes(stale.text, "name")["value"] == "Somebody else's name"
    db.expire_all()
    stored = db.get(Initiative, initiative.id)
    assert stored is not None
    assert stored.name == "Jeugdteam Leiden Noord"
    assert stored.version == 2


def test_search_and_each_filter_narrow_the_list_and_htmx_gets_only_the_results(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    factories.initiative(
        db,
        community,
        name="Jeugdteam Leiden",
        municipalities=("Leiden",),
        disciplines=("family coach",),
        funding_arrangement=FundingArrangement.lump_sum_subsidy,
    )
    factories.initiative(
        db,
        community,
        name="Wijkteam Katwijk",
        municipalities=("Katwijk", "Noordwijk"),
        disciplines=("debt counsellor",),
        funding_arrangement=FundingArrangement.pilot_fund,
    )
    factories.initiative(
        db,
        community,
        name="Gezinsplein Alphen",
        municipalities=("Alphen aan den Rijn",),
        disciplines=("family coach", "social worker"),
        funding_arrangement=FundingArrangement.pilot_fund,
    )
    everyone = {"Jeugdteam Leiden", "Wijkteam Katwijk", "Gezinsplein Alphen"}

    assert names_listed(client) == everyone
    assert names_listed(client, q="TEAM") == {"Jeugdteam Leiden", "Wijkteam Katwijk"}
    assert names_listed(client, municipality="Noordwijk") == {"Wijkteam Katwijk"}
    assert names_listed(client, funding_arrangement="pilot_fund") == {
        "Wijkteam Katwijk",
        "Gezinsplein Alphen",
    }
    assert names_listed(client, discipline="family coach") == {
        "Jeugdteam Leiden",
        "Gezinsplein Alphen",
    }
    assert names_listed(client, q="team", funding_arrangement="pilot_fund") == {"Wijkteam Katwijk"}

    page = client.get("/initiatives")
    assert '<option value="Noordwijk"' in page.text
    assert 'data-hx-get="/initiatives"' in page.text

    fragment = client.get("/initiatives", params={"q": "katwijk"}, headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert "<h1>" not in fragment.text and "<form" not in fragment.text
    assert "Initiatives found: 1" in fragment.text
    assert ">Wijkteam Katwijk</a>" in fragment.text
    assert "HX-Request" in fragment.headers["vary"]

    invalid = client.get("/initiatives", params={"funding_arrangement": "gift"})
    assert invalid.status_code == 422
    assert 'id="filter-funding_arrangement-error"' in invalid.text


def test_archive_hides_from_the_list_and_unarchive_restores(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community, name="Jeugdteam Leiden")

    archived = client.post(f"/initiatives/{initiative.id}/archive", follow_redirects=False)

    assert archived.status_code == 303
    db.expire_all()
    assert db.get(Initiative, initiative.id).status == InitiativeStatus.archived  # type: ignore[union-attr]
    assert names_listed(client) == set()
    assert names_listed(client, show_archived="yes") == {"Jeugdteam Leiden"}
    assert "Archived" in client.get(f"/initiatives/{initiative.id}").text

    restored = client.post(f"/initiatives/{initiative.id}/unarchive", follow_redirects=False)

    assert restored.status_code == 303
    assert names_listed(client) == {"Jeugdteam Leiden"}


def test_delete_only_when_nothing_depends_on_it(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    empty = factories.initiative(db, community)
    used = factories.initiative(db, community)
    empty_id = empty.id
    factories.dilemma(db, used, title="Who pays the family coach?")
    db.flush()

    assert "Delete initiative" in client.get(f"/initiatives/{empty.id}/edit").text
    assert "Delete initiative" not in client.get(f"/initiatives/{used.id}/edit").text

    refused = client.post(f"/initiatives/{used.id}/delete", follow_redirects=False)
    assert refused.status_code == 409
    assert db.get(Initiative, used.id) is not None

    deleted = client.post(f"/initiatives/{empty.id}/delete", follow_redirects=False)
    assert deleted.status_code == 303
    assert deleted.headers["location"] == "/initiatives"
    db.expire_all()
    assert db.get(Initiative, empty_id) is None


def test_the_initiative_page_shows_contributions_actions_and_the_add_member_form(
    client: TestClient,
    db: Session,
    community: LearningCommunity,
    sign_in: Callable[[Person], TestClient],
) -> None:
    initiative = factories.initiative(db, community, name="Jeugdteam Leiden")
    outsider = factories.person(db, community, name="Fatima El Amrani")
    learning_session = factories.learning_session(db, community)
    factories.dilemma(db, initiative, title="Who pays the family coach?")
    factories.action(
        db,
        initiative,
        learning_session,
        title="Agree on one contact per family",
        condition=PartnershipCondition.roles,
        level=IntegrationLevel.professional,
        due_date=date(2027, 3, 1),
    )

    page = client.get(f"/initiatives/{initiative.id}")

    assert page.status_code == 200
    assert "Who pays the family coach?" in page.text
    assert "Agree on one contact per family" in page.text
    assert f'action="/initiatives/{initiative.id}/members"' in page.text
    assert f'<option value="{outsider.id}">Fatima El Amrani' in page.text
    assert f'name="next" value="/initiatives/{initiative.id}"' in page.text
    assert f'href="/initiatives/{initiative.id}/edit"' in page.text

    practitioner = sign_in(member(db, community, Role.practitioner))
    as_member = practitioner.get(f"/initiatives/{initiative.id}")
    assert as_member.status_code == 200
    assert "Who pays the family coach?" in as_member.text
    assert "/members" not in as_member.text
    assert "/edit" not in as_member.text


def test_non_facilitators_may_not_create_edit_or_archive(
    db: Session, community: LearningCommunity, sign_in: Callable[[Person], TestClient]
) -> None:
    initiative = factories.initiative(db, community, name="Jeugdteam Leiden")
    policymaker = sign_in(member(db, community, Role.policymaker))
    before = count_initiatives(db)

    requests: list[tuple[str, str, dict[str, Any]]] = [
        ("GET", "/initiatives/new", {}),
        ("POST", "/initiatives", VALID_FORM),
        ("GET", f"/initiatives/{initiative.id}/edit", {}),
        ("POST", f"/initiatives/{initiative.id}/edit", {**VALID_FORM, "version": "1"}),
        ("POST", f"/initiatives/{initiative.id}/archive", {}),
        ("POST", f"/initiatives/{initiative.id}/unarchive", {}),
        ("POST", f"/initiatives/{initiative.id}/delete", {}),
    ]
    for method, path, data in requests:
        response = policymaker.request(method, path, data=data or None)
        assert response.status_code == 403, (method, path)

    assert policymaker.get("/initiatives").status_code == 200
    assert "/initiatives/new" not in policymaker.get("/initiatives").text
    assert count_initiatives(db) == before
    db.expire_all()
    stored = db.get(Initiative, initiative.id)
    assert stored is not None and stored.name == "Jeugdteam Leiden"
    assert stored.status == InitiativeStatus.active


def test_anonymous_visitors_are_sent_to_sign_in(
    anonymous: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)
    for path in ("/initiatives", "/initiatives/new", f"/initiatives/{initiative.id}/edit"):
        response = anonymous.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/sign-in")
    missing = anonymous.get("/initiatives/999999/edit", follow_redirects=False)
    assert missing.status_code == 303


def test_the_list_needs_the_same_number_of_statements_for_5_and_200_initiatives(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    def statements_for_list() -> int:
        client.get("/initiatives", params={"per_page": "50"})  # warm up: sessions touched once
        with counted_statements(db) as statements:
            response = client.get("/initiatives", params={"per_page": "50"})
        assert response.status_code == 200
        return len(statements)

    def add(count: int) -> None:
        for _ in range(count):
            initiative = factories.initiative(
                db, community, municipalities=("Leiden", "Katwijk"), disciplines=("coach",)
            )
            factories.membership(db, factories.person(db, community), Role.manager, initiative)

    add(5)
    with_5 = statements_for_list()
    add(195)
    with_200 = statements_for_list()

    assert "Members: 1" in client.get("/initiatives").text
    assert with_5 == with_200


def _grow(db: Session, community: LearningCommunity, count: int) -> None:
    """``count`` more initiatives with three members each, none in the shown initiative."""
    for _ in range(count):
        initiative = factories.initiative(db, community)
        for role in (Role.practitioner, Role.policymaker, Role.manager):
            factories.membership(db, factories.person(db, community), role, initiative)


def test_the_initiative_page_needs_the_same_number_of_statements_for_5_and_200_initiatives(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    shown = factories.initiative(db, community, name="Jeugdteam Leiden")
    factories.membership(db, factories.person(db, community), Role.manager, shown)

    def statements_for_page() -> int:
        client.get(f"/initiatives/{shown.id}")  # warm up: sessions touched once
        with counted_statements(db) as statements:
            response = client.get(f"/initiatives/{shown.id}")
        assert response.status_code == 200
        return len(statements)

    _grow(db, community, 5)
    with_5 = statements_for_page()
    _grow(db, community, 195)
    with_200 = statements_for_page()

    assert with_5 == with_200


def test_add_a_member_is_a_search_field_that_keeps_the_page_small(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    shown = factories.initiative(db, community, name="Jeugdteam Leiden")
    already = factories.person(db, community, name="Zeynep Aydin", organisation="Wijkteam Noord")
    factories.membership(db, already, Role.manager, shown)
    wanted = factories.person(db, community, name="Zeynep Yilmaz", organisation="Wijkteam Noord")
    _grow(db, community, 60)

    page = client.get(f"/initiatives/{shown.id}")
    assert page.status_code == 200
    # The first 20 people who are not members yet, and a field to find anyone else.
    assert page.text.count("<option") < 40
    assert "Only the first 20 are listed" in page.text
    assert 'id="member-q" name="member_q"' in page.text
    assert f'data-hx-get="/initiatives/{shown.id}/member-search"' in page.text

    live = client.get(
        f"/initiatives/{shown.id}/member-search",
        params={"member_q": "wijkteam noord"},
        headers={"HX-Request": "true"},
    )
    assert live.status_code == 200
    assert live.text.lstrip().startswith('<div id="member-choices"')
    assert "<html" not in live.text
    assert f'<option value="{wanted.id}">Zeynep Yilmaz (Wijkteam Noord)</option>' in live.text
    assert "Zeynep Aydin" not in live.text  # a member already
    nobody = client.get(
        f"/initiatives/{shown.id}/member-search",
        params={"member_q": "nobody-like-this"},
        headers={"HX-Request": "true"},
    )
    assert "Nobody found for “nobody-like-this” who is not a member yet." in nobody.text

    # Without JavaScript: the search answers with the initiative page showing the results.
    fallback = client.get(
        f"/initiatives/{shown.id}/member-search",
        params={"member_q": "Yilmaz"},
        follow_redirects=False,
    )
    assert fallback.status_code == 303
    assert fallback.headers["location"] == f"/initiatives/{shown.id}?member_q=Yilmaz#add-member"
    plain = client.get(fallback.headers["location"])
    assert '<details class="add-member" id="add-member" open>' in plain.text
    assert f'<option value="{wanted.id}">Zeynep Yilmaz (Wijkteam Noord)</option>' in plain.text
    assert plain.text.count('<option value="') - page.text.count('<option value="') == 1 - 20

    added = client.post(
        f"/initiatives/{shown.id}/members",
        data={
            "person_id": str(wanted.id),
            "role": "practitioner",
            "perspective": "professional",
            "level": "professional",
            "next": f"/initiatives/{shown.id}",
        },
        follow_redirects=False,
    )
    assert added.status_code == 303
    assert "Zeynep Yilmaz" in client.get(f"/initiatives/{shown.id}").text
