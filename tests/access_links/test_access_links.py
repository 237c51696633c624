"""Personal access links: made by the facilitator, shown once, opened, refused, revoked."""

import hashlib
import re
from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlmodel import Session, SQLModel, col, select

from app.access_links.models import AccessLink
from app.access_links.service import local_today
from app.accounts import service as account_service
from app.accounts.models import Account
from app.audit.models import AuditEntry
from app.auth.cookies import SESSION_COOKIE
from app.community.models import LearningCommunity
from app.db import utcnow
from app.people.models import Person
from app.vocabulary import AuditAction, Role
from tests import factories
from tests.helpers import open_access_link

LINK = re.compile(r"http://127\.0\.0\.1:8000/access/([A-Za-z0-9_-]+)")


@pytest.fixture
def family(db: Session, community: LearningCommunity) -> Person:
    person = factories.person(db, community, name="Ingrid Smit")
    factories.membership(db, person, Role.family_representative)
    return person


def make_link(
    client: TestClient,
    person: Person,
    *,
    scope: str = "community",
    expires_on: str | None = None,
) -> str:
    """The facilitator makes a link through the page; its token, read from the result page."""
    response = client.post(
        "/community/access-links",
        data={
            "person_id": str(person.id),
            "scope": scope,
            "expires_on": expires_on or (local_today() + timedelta(days=60)).isoformat(),
        },
    )
    assert response.status_code == 200, response.text
    found = LINK.search(response.text)
    assert found is not None
    return found.group(1)


def stored_link(db: Session, token: str) -> AccessLink:
    return db.exec(
        select(AccessLink).where(
            AccessLink.token_hash == hashlib.sha256(token.encode()).hexdigest()
        )
    ).one()


def revoke(browser: TestClient, link: AccessLink) -> httpx.Response:
    return browser.post(f"/community/access-links/{link.id}/revoke", follow_redirects=False)


def assert_signed_out(browser: TestClient) -> None:
    home = browser.get("/", follow_redirects=False)
    assert home.status_code == 303
    assert home.headers["location"].startswith("/sign-in")


def test_facilitator_makes_a_link_shown_once_and_stored_only_as_a_hash(
    client: TestClient, db: Session, family: Person
) -> None:
    token = make_link(client, family)

    link = stored_link(db, token)
    assert link.person_id == family.id
    assert len(link.token_hash) == 64 and token not in link.token_hash
    # The token is nowhere in the database: not in any column of any table.
    for table in SQLModel.metadata.sorted_tables:
        for row in db.connection().execute(sa.select(table)).all():
            assert not any(token in str(value) for value in row), table.name
    listing = client.get("/community/access-links")
    assert listing.status_code == 200
    assert family.name in listing.text
    assert token not in listing.text
    created = db.exec(
        select(AuditEntry).where(AuditEntry.action == AuditAction.access_link_created)
    ).one()
    assert created.subject == family.name


def test_result_page_says_the_link_is_shown_once(client: TestClient, family: Person) -> None:
    response = client.post(
        "/community/access-links",
        data={"person_id": str(family.id), "scope": "community", "expires_on": ""},
    )
    assert response.status_code == 422  # no expiry date given
    response = client.post(
        "/community/access-links",
        data={
            "person_id": str(family.id),
            "scope": "community",
            "expires_on": local_today().isoformat(),
        },
    )
    assert response.status_code == 200
    assert "will not be shown again" in response.text
    assert 'class="copy-box"' in response.text
    assert len(LINK.findall(response.text)) == 1


def test_opening_a_link_shows_a_button_and_changes_nothing(
    client: TestClient, anonymous: TestClient, db: Session, family: Person
) -> None:
    token = make_link(client, family)
    entries_before = len(db.exec(select(AuditEntry)).all())

    page = anonymous.get(f"/access/{token}", follow_redirects=False)

    # Mail scanners and other sites open links: a GET only shows the button.
    assert page.status_code == 200
    assert "Continue as Ingrid Smit" in page.text
    assert f'<form method="post" action="/access/{token}"' in page.text
    assert 'name="csrf_token"' in page.text
    assert page.headers["cache-control"] == "no-store"
    assert SESSION_COOKIE not in page.cookies
    assert_signed_out(anonymous)
    link = stored_link(db, token)
    db.refresh(link)
    assert link.first_used_at is None and link.last_used_at is None
    assert len(db.exec(select(AuditEntry)).all()) == entries_before


def test_opening_someone_elses_link_keeps_you_signed_in_as_yourself(
    client: TestClient, db: Session, facilitator: Person, family: Person
) -> None:
    token = make_link(client, family)

    assert client.get(f"/access/{token}").status_code == 200

    home = client.get("/")
    assert home.status_code == 200
    assert facilitator.name in home.text
    assert client.get("/community/access-links").status_code == 200


def test_continuing_signs_in_and_drops_the_token_from_the_address(
    client: TestClient, anonymous: TestClient, db: Session, family: Person
) -> None:
    token = make_link(client, family)

    opened = open_access_link(anonymous, token)

    assert opened.status_code == 303
    assert opened.headers["location"] == "/"
    assert token not in opened.headers["location"]
    assert SESSION_COOKIE in opened.cookies
    home = anonymous.get("/", follow_redirects=False)
    assert home.status_code == 200
    assert family.name in home.text
    link = stored_link(db, token)
    db.refresh(link)
    assert link.first_used_at is not None and link.last_used_at is not None


def test_continuing_starts_a_new_session_and_ends_the_one_before(
    client: TestClient, anonymous: TestClient, db: Session, family: Person
) -> None:
    token = make_link(client, family)
    open_access_link(anonymous, token)
    first = anonymous.cookies.get(SESSION_COOKIE)

    again = open_access_link(anonymous, token)

    assert again.status_code == 303
    second = anonymous.cookies.get(SESSION_COOKIE)
    assert first and second and first != second
    replayed = TestClient(anonymous.app)
    replayed.cookies.set(SESSION_COOKIE, first)
    assert_signed_out(replayed)
    assert anonymous.get("/", follow_redirects=False).status_code == 200


def test_continuing_without_the_forms_csrf_token_is_refused(
    client: TestClient, anonymous: TestClient, db: Session, family: Person
) -> None:
    token = make_link(client, family)
    anonymous.get(f"/access/{token}")

    forged = anonymous.post(f"/access/{token}", data={}, follow_redirects=False)

    assert forged.status_code == 403
    assert SESSION_COOKIE not in forged.cookies
    assert_signed_out(anonymous)
    link = stored_link(db, token)
    db.refresh(link)
    assert link.first_used_at is None


def test_a_second_opening_keeps_first_used(
    client: TestClient, anonymous: TestClient, db: Session, family: Person
) -> None:
    token = make_link(client, family)
    open_access_link(anonymous, token)
    link = stored_link(db, token)
    db.refresh(link)
    first = link.first_used_at

    assert open_access_link(anonymous, token).status_code == 303
    db.refresh(link)
    assert link.first_used_at == first
    assert link.last_used_at is not None and first is not None and link.last_used_at >= first


def _expired(client: TestClient, db: Session, person: Person) -> str:
    _link, token = factories.access_link(db, person, expires_at=utcnow() - timedelta(minutes=1))
    return token


def _revoked(client: TestClient, db: Session, person: Person) -> str:
    token = make_link(client, person)
    link = stored_link(db, token)
    assert revoke(client, link).status_code == 303
    return token


def _tampered(client: TestClient, db: Session, person: Person) -> str:
    token = make_link(client, person)
    return token[:10] + ("A" if token[10] != "A" else "B") + token[11:]


def _empty(client: TestClient, db: Session, person: Person) -> str:
    make_link(client, person)
    return ""


@pytest.mark.parametrize(
    ("make_token", "status", "heading"),
    [
        (_expired, 410, "This link has expired"),
        (_revoked, 410, "This link has been switched off"),
        (_tampered, 404, "This link does not work"),
        (_empty, 404, "This link does not work"),
    ],
)
def test_unusable_links_get_a_clear_page_and_no_session(
    client: TestClient,
    anonymous: TestClient,
    db: Session,
    family: Person,
    make_token: Callable[[TestClient, Session, Person], str],
    status: int,
    heading: str,
) -> None:
    token = make_token(client, db, family)

    responses = [anonymous.get(f"/access/{token}", follow_redirects=False)]
    if token:  # "/access/" has no button to press
        responses.append(open_access_link(anonymous, token))

    for response in responses:
        assert response.status_code == status
        assert heading in response.text
        assert "Ask the facilitator" in response.text
        assert "Continue as" not in response.text
        assert SESSION_COOKIE not in response.cookies
    assert_signed_out(anonymous)


def test_a_disabled_account_cannot_open_its_link(
    client: TestClient, anonymous: TestClient, db: Session, family: Person
) -> None:
    token = make_link(client, family)
    account = db.exec(select(Account).where(Account.person_id == family.id)).one()
    account_service.set_disabled(db=db, account=account, disabled=True)

    response = open_access_link(anonymous, token)

    assert response.status_code == 403
    assert anonymous.get(f"/access/{token}").status_code == 403
    assert "Ask the facilitator" in response.text
    assert SESSION_COOKIE not in response.cookies
    assert_signed_out(anonymous)


def test_revoking_ends_the_session_opened_with_the_link(
    client: TestClient, anonymous: TestClient, db: Session, family: Person
) -> None:
    token = make_link(client, family)
    open_access_link(anonymous, token)
    assert anonymous.get("/", follow_redirects=False).status_code == 200

    link = stored_link(db, token)
    revoked = revoke(client, link)
    assert revoked.status_code == 303
    assert revoked.headers["location"] == "/community/access-links"

    assert_signed_out(anonymous)
    again = open_access_link(anonymous, token)
    assert again.status_code == 410
    assert SESSION_COOKIE not in again.cookies
    assert_signed_out(anonymous)
    after = client.get("/community/access-links").text
    assert "There are no active links." in after
    assert "The link has been revoked." in after  # said once, by the toast
    revoked_entry = db.exec(
        select(AuditEntry).where(AuditEntry.action == AuditAction.access_link_revoked)
    ).one()
    assert revoked_entry.subject == family.name


def test_revoking_twice_or_a_foreign_link_is_404(
    client: TestClient, db: Session, family: Person
) -> None:
    other_community = factories.community(db)
    stranger = factories.person(db, other_community)
    foreign, _ = factories.access_link(db, stranger, expires_at=utcnow() + timedelta(days=1))
    assert revoke(client, foreign).status_code == 404
    assert foreign.revoked_at is None
    link = stored_link(db, make_link(client, family))
    assert revoke(client, link).status_code == 303
    assert revoke(client, link).status_code == 404


def test_a_session_scoped_link_opens_only_its_session(
    client: TestClient,
    anonymous: TestClient,
    db: Session,
    community: LearningCommunity,
    family: Person,
) -> None:
    own = factories.learning_session(db, community)
    other = factories.learning_session(db, community)
    token = make_link(client, family, scope=str(own.id))

    opened = open_access_link(anonymous, token)

    assert opened.status_code == 303
    # A family representative lands where the messages ask them to go: their reflections.
    assert opened.headers["location"] == f"/sessions/{own.id}/reflect"
    assert anonymous.get(f"/sessions/{own.id}/reflect").status_code == 200
    assert anonymous.get(f"/sessions/{own.id}").status_code == 200
    practitioner = factories.person(db, community, name="Pim Praktijk")
    factories.membership(db, practitioner, Role.practitioner, factories.initiative(db, community))
    _, other_token = factories.access_link(db, practitioner, for_session=own)
    assert open_access_link(TestClient(anonymous.app), other_token).headers["location"] == (
        f"/sessions/{own.id}"
    )
    assert anonymous.get(f"/sessions/{other.id}").status_code == 404
    assert anonymous.get(f"/api/v1/learning-sessions/{other.id}").status_code == 404


def test_the_audit_log_records_use_and_refusal_without_the_token(
    client: TestClient, anonymous: TestClient, db: Session, family: Person
) -> None:
    token = make_link(client, family)
    open_access_link(anonymous, token)
    open_access_link(anonymous, token[:-1])

    used = db.exec(
        select(AuditEntry).where(AuditEntry.action == AuditAction.access_link_used)
    ).one()
    refused = db.exec(
        select(AuditEntry).where(AuditEntry.action == AuditAction.access_link_refused)
    ).one()
    assert used.actor_person_id == family.id
    assert used.subject == family.name
    assert "unknown" in refused.detail
    for entry in db.exec(select(AuditEntry)).all():
        fields = (entry.actor_label, entry.subject, entry.detail)
        assert not any(token[:-1] in field for field in fields)


def test_expiry_in_the_past_or_beyond_a_year_is_refused_next_to_the_field(
    client: TestClient, db: Session, family: Person
) -> None:
    past = client.post(
        "/community/access-links",
        data={
            "person_id": str(family.id),
            "scope": "community",
            "expires_on": (local_today() - timedelta(days=1)).isoformat(),
        },
    )
    far = client.post(
        "/community/access-links",
        data={
            "person_id": str(family.id),
            "scope": "community",
            "expires_on": (local_today() + timedelta(days=400)).isoformat(),
        },
    )

    assert past.status_code == far.status_code == 422
    assert "This date has passed" in past.text
    assert "one year at most" in far.text
    assert 'id="expires_on-error"' in past.text
    assert f'<option value="{family.id}" selected>' in past.text  # what was chosen is kept
    assert db.exec(select(AccessLink)).all() == []


def test_people_and_sessions_of_another_community_are_refused(
    client: TestClient, db: Session, family: Person
) -> None:
    other_community = factories.community(db)
    stranger = factories.person(db, other_community)
    foreign_session = factories.learning_session(db, other_community)
    expires_on = (local_today() + timedelta(days=5)).isoformat()

    wrong_person = client.post(
        "/community/access-links",
        data={"person_id": str(stranger.id), "scope": "community", "expires_on": expires_on},
    )
    wrong_session = client.post(
        "/community/access-links",
        data={
            "person_id": str(family.id),
            "scope": str(foreign_session.id),
            "expires_on": expires_on,
        },
    )

    assert wrong_person.status_code == wrong_session.status_code == 422
    assert "Choose the person the link is for." in wrong_person.text
    assert "Choose the whole community or one learning session." in wrong_session.text
    assert stranger.name not in wrong_person.text
    assert db.exec(select(AccessLink)).all() == []


def test_the_form_lists_family_representatives_first(
    client: TestClient, db: Session, community: LearningCommunity, family: Person
) -> None:
    factories.person(db, community, name="Aart Aalders")
    page = client.get("/community/access-links")

    assert page.status_code == 200
    assert page.text.index(family.name) < page.text.index("Aart Aalders")
    assert 'name="csrf_token"' in page.text
    assert '<label for="expires_on">' in page.text
    default_day = (local_today() + timedelta(days=60)).isoformat()
    assert f'value="{default_day}"' in page.text


def test_only_the_facilitator_manages_links(
    sign_in: Callable[[Person], TestClient],
    anonymous: TestClient,
    client: TestClient,
    db: Session,
    community: LearningCommunity,
    family: Person,
) -> None:
    link = stored_link(db, make_link(client, family))
    chair = factories.person(db, community)
    factories.membership(db, chair, Role.chair)
    practitioner = factories.person(db, community)
    factories.membership(db, practitioner, Role.practitioner, factories.initiative(db, community))
    expires_on = (local_today() + timedelta(days=5)).isoformat()

    for person in (chair, practitioner, family):
        browser = sign_in(person)
        assert browser.get("/community/access-links").status_code == 403
        made = browser.post(
            "/community/access-links",
            data={"person_id": str(family.id), "scope": "community", "expires_on": expires_on},
        )
        assert made.status_code == 403
        assert revoke(browser, link).status_code == 403
    assert anonymous.get("/community/access-links", follow_redirects=False).status_code == 303
    assert len(db.exec(select(AccessLink)).all()) == 1
    assert link.revoked_at is None


def test_an_api_token_cannot_make_access_links(
    client: TestClient, anonymous: TestClient, db: Session, facilitator: Person, family: Person
) -> None:
    _api_token, token = factories.api_token(db, factories.account(db, facilitator), name="script")
    bearer = {"Authorization": f"Bearer {token}"}

    page = anonymous.get("/community/access-links", headers=bearer)
    made = anonymous.post(
        "/community/access-links",
        headers=bearer,
        data={
            "person_id": str(family.id),
            "scope": "community",
            "expires_on": local_today().isoformat(),
        },
    )

    assert page.status_code == made.status_code == 403
    assert db.exec(select(AccessLink)).all() == []


def test_the_21st_refused_opening_from_one_address_is_429(
    client: TestClient, anonymous: TestClient, db: Session, family: Person
) -> None:
    token = make_link(client, family)
    for attempt in range(20):
        assert open_access_link(anonymous, f"wrong-{attempt}").status_code == 404

    blocked = open_access_link(anonymous, "wrong-20")
    assert blocked.status_code == 429
    assert "Retry-After" in blocked.headers
    # A good link does not count, and is held back while the address is blocked.
    assert anonymous.get(f"/access/{token}").status_code == 429
    assert open_access_link(anonymous, token).status_code == 429
    assert SESSION_COOKIE not in anonymous.cookies
    limited = db.exec(
        select(AuditEntry).where(col(AuditEntry.action) == AuditAction.rate_limited)
    ).all()
    assert limited


def test_good_openings_do_not_count_towards_the_limit(
    client: TestClient, anonymous: TestClient, family: Person
) -> None:
    token = make_link(client, family)
    for _ in range(25):
        assert open_access_link(anonymous, token).status_code == 303


def test_the_continue_page_speaks_plainly_with_one_big_button(
    client: TestClient, anonymous: TestClient, family: Person
) -> None:
    page = anonymous.get(f"/access/{make_link(client, family)}")

    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page.text
    assert page.text.count("<h1") == 1
    assert page.text.count('type="submit" class="button button--primary button--large"') == 1
    assert "Are you not Ingrid Smit? Then close this page." in page.text


def test_the_refused_page_fits_a_phone(anonymous: TestClient) -> None:
    page = anonymous.get("/access/not-a-real-link")
    assert page.status_code == 404
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page.text
    assert page.text.count("<h1") == 1
    assert 'href="/sign-in"' in page.text
