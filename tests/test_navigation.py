"""The header shows each role the pages its access rules open, and no others."""

import re
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.auth.dependencies import timeouts
from app.community.models import LearningCommunity
from app.config import Settings
from app.people.models import Person
from app.vocabulary import Role
from tests import factories
from tests.helpers import use_browser_id, use_session

MEMBER = ["/", "/initiatives", "/community/overview", "/community/compare", "/community/profiles"]
DIRECTORY = ["/people", "/continuity"]
FACILITATOR = [
    "/community/invitations",
    "/community/access-links",
    "/community/accounts",
    "/community/outbox",
    "/community/audit",
]
RESEARCHER = ["/community/exports"]
PASSWORD_HOLDER = ["/account/password", "/account/api-tokens"]


def _hrefs(html: str, pattern: str) -> list[str]:
    found = re.search(pattern, html, re.S)
    return re.findall(r'href="([^"]+)"', found.group(0)) if found else []


def _navigation(html: str) -> list[str]:
    return _hrefs(html, r'<nav class="site-nav site-nav--bar".*?</nav>')


def _account_menu(html: str) -> list[str]:
    return _hrefs(html, r'<details class="account-menu">.*?</details>')


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.facilitator, MEMBER + DIRECTORY + FACILITATOR + RESEARCHER),
        (Role.chair, MEMBER + DIRECTORY),
        (Role.policymaker, MEMBER),
        (Role.manager, MEMBER),
        (Role.practitioner, MEMBER),
        (Role.practitioner_researcher, MEMBER + RESEARCHER),
        (Role.family_representative, MEMBER),
    ],
)
def test_each_role_sees_the_links_its_access_rules_allow(
    db: Session,
    community: LearningCommunity,
    sign_in: Callable[[Person], TestClient],
    role: Role,
    expected: list[str],
) -> None:
    initiative = factories.initiative(db, community)
    person = factories.person(db, community, name="Ada Visser")
    community_wide = role in (Role.facilitator, Role.chair, Role.family_representative)
    factories.membership(db, person, role, None if community_wide else initiative)

    response = sign_in(person).get("/initiatives")

    assert response.status_code == 200
    assert _navigation(response.text) == expected
    assert '<a href="/initiatives" aria-current="page">' in response.text
    assert _account_menu(response.text) == [*PASSWORD_HOLDER, f"/people/{person.id}/privacy"]


def test_a_family_representative_with_an_access_link_has_no_password_links(
    app: FastAPI, db: Session, community: LearningCommunity, settings: Settings
) -> None:
    person = factories.person(db, community, name="Fatima El Amrani")
    factories.membership(db, person, Role.family_representative)
    link, _ = factories.access_link(db, person)
    token = factories.user_session(db, person, timeouts=timeouts(settings), access_link=link)
    browser = use_session(TestClient(app), settings.secret_key, token)

    response = browser.get("/")

    assert response.status_code == 200
    assert _navigation(response.text) == MEMBER
    assert "/community/audit" not in response.text
    # Their own data, and no password links.
    assert _account_menu(response.text) == [f"/people/{person.id}/privacy"]
    assert "Sign out" in response.text


def test_a_visitor_who_has_not_signed_in_sees_no_navigation(
    app: FastAPI, settings: Settings
) -> None:
    visitor = use_browser_id(
        TestClient(app), settings.secret_key, "a-browser-id-of-32-characters-xx"
    )

    response = visitor.get("/sign-in")

    assert response.status_code == 200
    assert 'class="site-nav' not in response.text
    assert '<details class="account-menu">' not in response.text


@pytest.mark.parametrize(
    ("role", "shows_directory"),
    [(Role.facilitator, True), (Role.chair, True), (Role.practitioner, False)],
)
def test_a_persons_breadcrumb_links_the_people_directory_only_for_its_readers(
    db: Session,
    community: LearningCommunity,
    sign_in: Callable[[Person], TestClient],
    role: Role,
    shows_directory: bool,
) -> None:
    initiative = factories.initiative(db, community)
    person = factories.person(db, community, name="Ada Visser")
    factories.membership(db, person, role, initiative if role is Role.practitioner else None)

    response = sign_in(person).get(f"/people/{person.id}")

    assert response.status_code == 200
    breadcrumb = _hrefs(response.text, r'<nav class="breadcrumbs".*?</nav>')
    assert breadcrumb == (["/", "/people"] if shows_directory else ["/"])
