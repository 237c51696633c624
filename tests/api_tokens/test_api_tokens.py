"""API tokens: made on the account page, shown once, used as Bearer, revoked."""

import hashlib
import re
from collections.abc import Callable
from datetime import timedelta

import httpx
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.api_tokens.models import ApiToken
from app.audit.models import AuditEntry
from app.auth.cookies import CSRF_HEADER
from app.community.models import LearningCommunity
from app.db import utcnow
from app.people.models import Person
from app.vocabulary import AuditAction, Role
from tests import factories
from tests.helpers import open_access_link

TOKEN = re.compile(r"lk_[A-Za-z0-9_-]{20,}")
SESSION = {"number": 7, "starts_at": "2027-01-21T13:30:00+01:00", "place": "Stadhuis Zwolle"}


def make_token(browser: TestClient, name: str = "monitoring export") -> str:
    response = browser.post("/account/api-tokens", data={"name": name})
    assert response.status_code == 200, response.text
    assert "will not be shown again" in response.text
    found = TOKEN.search(response.text)
    assert found is not None
    return found.group(0)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def revoke(browser: TestClient, api_token: ApiToken) -> httpx.Response:
    return browser.post(f"/account/api-tokens/{api_token.id}/revoke", follow_redirects=False)


def stored(db: Session, token: str) -> ApiToken:
    digest = hashlib.sha256(token.encode()).hexdigest()
    return db.exec(select(ApiToken).where(ApiToken.token_hash == digest)).one()


def test_a_new_token_works_as_bearer_until_revoked(
    client: TestClient, anonymous: TestClient, db: Session, community: LearningCommunity
) -> None:
    token = make_token(client)

    assert anonymous.get("/api/v1/learning-sessions", headers=bearer(token)).status_code == 200
    api_token = stored(db, token)
    assert api_token.name == "monitoring export"
    listing = client.get("/account/api-tokens")
    assert "monitoring export" in listing.text
    assert token not in listing.text

    revoked = revoke(client, api_token)
    assert revoked.status_code == 303
    assert revoked.headers["location"] == "/account/api-tokens"
    assert anonymous.get("/api/v1/learning-sessions", headers=bearer(token)).status_code == 401
    after = client.get("/account/api-tokens").text
    assert "You have no active API tokens." in after
    assert "The token has been revoked." in after  # said once, by the toast
    assert "The token has been revoked." not in client.get("/account/api-tokens").text


def test_the_audit_log_has_the_token_name_never_the_token(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    token = make_token(client, "dashboard")
    revoke(client, stored(db, token))

    entries = db.exec(
        select(AuditEntry).where(
            col(AuditEntry.action).in_(
                [AuditAction.api_token_created, AuditAction.api_token_revoked]
            )
        )
    ).all()
    assert {e.subject for e in entries} == {"dashboard"}
    assert len(entries) == 2
    for entry in db.exec(select(AuditEntry)).all():
        assert token not in f"{entry.actor_label} {entry.subject} {entry.detail}"


def test_writing_through_the_api_with_a_bearer_token_needs_no_csrf(
    client: TestClient,
    anonymous: TestClient,
    sign_in: Callable[[Person], TestClient],
    facilitator: Person,
    community: LearningCommunity,
) -> None:
    token = make_token(client)

    created = anonymous.post("/api/v1/learning-sessions", json=SESSION, headers=bearer(token))

    assert created.status_code == 201, created.text
    # A browser session without the CSRF token is refused the same request.
    browser = sign_in(facilitator)
    del browser.headers[CSRF_HEADER]
    refused = browser.post("/api/v1/learning-sessions", json={**SESSION, "number": 8})
    assert refused.status_code == 403


def test_an_access_link_session_gets_403(
    client: TestClient, anonymous: TestClient, db: Session, community: LearningCommunity
) -> None:
    family = factories.person(db, community)
    factories.membership(db, family, Role.family_representative)
    _link, link_token = factories.access_link(db, family, expires_at=utcnow() + timedelta(days=5))
    assert open_access_link(anonymous, link_token).status_code == 303
    page = anonymous.get("/")
    csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text)
    assert csrf is not None

    assert anonymous.get("/account/api-tokens").status_code == 403
    made = anonymous.post("/account/api-tokens", data={"name": "x", "csrf_token": csrf.group(1)})
    assert made.status_code == 403
    assert db.exec(select(ApiToken)).all() == []


def test_a_bearer_token_cannot_make_more_tokens(
    client: TestClient, anonymous: TestClient, db: Session, community: LearningCommunity
) -> None:
    token = make_token(client)

    assert anonymous.get("/account/api-tokens", headers=bearer(token)).status_code == 403
    made = anonymous.post("/account/api-tokens", headers=bearer(token), data={"name": "more"})
    assert made.status_code == 403
    assert len(db.exec(select(ApiToken)).all()) == 1


def test_the_name_must_be_1_to_100_characters(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    for name in ("", "   ", "x" * 101):
        response = client.post("/account/api-tokens", data={"name": name})
        assert response.status_code == 422
        assert 'id="name-error"' in response.text
        assert "1 to 100 characters" in response.text
    assert db.exec(select(ApiToken)).all() == []
    make_token(client, "x" * 100)


def test_someone_elses_token_cannot_be_revoked(
    client: TestClient,
    sign_in: Callable[[Person], TestClient],
    db: Session,
    community: LearningCommunity,
) -> None:
    token = make_token(client)
    other = factories.person(db, community)
    factories.membership(db, other, Role.chair)

    response = revoke(sign_in(other), stored(db, token))

    assert response.status_code == 404
    assert stored(db, token).revoked_at is None


def test_anonymous_is_sent_to_sign_in(anonymous: TestClient) -> None:
    response = anonymous.get("/account/api-tokens", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/sign-in")
