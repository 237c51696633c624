"""Sign-in, server-side sessions, CSRF, rate limits, headers and the audit log."""

from collections.abc import Callable
from datetime import timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, col, func, select

from app.accounts import service as account_service
from app.accounts.models import Account, UserSession
from app.audit.models import AuditEntry
from app.auth.cookies import SECURE_SESSION_COOKIE, SESSION_COOKIE
from app.community.models import LearningCommunity
from app.db import utcnow
from app.initiatives.models import Initiative
from app.people.models import Person
from app.vocabulary import AuditAction, Role
from tests import factories
from tests.helpers import csrf_from

PASSWORD = "een-lang-wachtwoord-2026"


def with_password(db: Session, person: Person, password: str = PASSWORD) -> Account:
    return factories.account(db, person, password=password)


def sign_in_with_form(browser: TestClient, email: str, password: str) -> int:
    token = csrf_from(browser.get("/sign-in").text)
    response = browser.post(
        "/sign-in",
        data={"email": email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    return response.status_code


def test_anonymous_pages_redirect_to_sign_in_and_api_answers_401(anonymous: TestClient) -> None:
    page = anonymous.get("/sessions/1?x=1", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/sign-in?next=/sessions/1%3Fx%3D1"
    api = anonymous.get("/api/v1/initiatives")
    assert api.status_code == 401
    assert api.headers["www-authenticate"].startswith("Bearer")
    fragment = anonymous.get("/", headers={"HX-Request": "true"})
    assert fragment.headers["HX-Redirect"] == "/sign-in"


def test_sign_in_issues_a_new_session_id_and_sign_out_ends_it(
    anonymous: TestClient, db: Session, community: LearningCommunity
) -> None:
    person = factories.person(db, community, email="anouk@leiden.nl")
    factories.membership(db, person, Role.practitioner)
    with_password(db, person)
    anonymous.cookies.set(SESSION_COOKIE, "planted-by-an-attacker", domain="testserver.local")

    assert sign_in_with_form(anonymous, "Anouk@Leiden.nl", PASSWORD) == 303
    cookie = anonymous.cookies.get(SESSION_COOKIE)
    assert cookie and cookie != "planted-by-an-attacker"
    stored = db.exec(select(UserSession.token_hash)).all()
    assert cookie not in stored  # only the hash is stored
    assert anonymous.get("/").status_code == 200

    token = csrf_from(anonymous.get("/").text)
    anonymous.post("/sign-out", data={"csrf_token": token}, follow_redirects=False)

    replay = TestClient(anonymous.app)
    replay.cookies.set(SESSION_COOKIE, cookie)
    assert replay.get("/", follow_redirects=False).status_code == 303


def test_wrong_password_keeps_the_email_and_says_so(
    anonymous: TestClient, db: Session, community: LearningCommunity
) -> None:
    with_password(db, factories.person(db, community, email="sanne@tilburg.nl"))
    token = csrf_from(anonymous.get("/sign-in").text)
    response = anonymous.post(
        "/sign-in",
        data={"email": "sanne@tilburg.nl", "password": "wrong-password-1", "csrf_token": token},
    )
    assert response.status_code == 400
    assert "The email address or password is not right." in response.text
    assert 'value="sanne@tilburg.nl"' in response.text
    assert SESSION_COOKIE not in anonymous.cookies


def test_disabling_an_account_ends_its_sessions_at_once(
    sign_in: Callable[[Person], TestClient], db: Session, community: LearningCommunity
) -> None:
    person = factories.person(db, community)
    factories.membership(db, person, Role.manager)
    browser = sign_in(person)
    assert browser.get("/").status_code == 200

    account = factories.account(db, person)
    account_service.set_disabled(db=db, account=account, disabled=True)

    assert browser.get("/", follow_redirects=False).status_code == 303


def test_idle_and_absolute_timeouts(
    sign_in: Callable[[Person], TestClient], db: Session, community: LearningCommunity
) -> None:
    person = factories.person(db, community)
    factories.membership(db, person, Role.manager)
    idle, absolute = sign_in(person), sign_in(person)
    sessions = db.exec(select(UserSession).order_by(col(UserSession.id))).all()
    sessions[-2].last_seen_at = utcnow() - timedelta(minutes=31)
    sessions[-1].expires_at = utcnow() - timedelta(seconds=1)
    db.flush()

    assert idle.get("/", follow_redirects=False).status_code == 303
    assert absolute.get("/", follow_redirects=False).status_code == 303


def test_csrf_is_required_and_tied_to_the_session(
    sign_in: Callable[[Person], TestClient], facilitator: Person, db: Session
) -> None:
    def initiatives() -> int:
        return db.exec(select(func.count()).select_from(Initiative)).one()

    body = {"name": "Samen1Plan", "funding_arrangement": "per_result_contract"}
    first, second = sign_in(facilitator), sign_in(facilitator)
    before = initiatives()

    missing = first.post("/api/v1/initiatives", json=body, headers={"X-CSRF-Token": ""})
    foreign = first.post(
        "/api/v1/initiatives", json=body, headers={"X-CSRF-Token": second.headers["X-CSRF-Token"]}
    )
    form_without = first.post("/sign-out", data={}, headers={"X-CSRF-Token": ""})

    assert missing.status_code == foreign.status_code == form_without.status_code == 403
    assert initiatives() == before
    assert first.post("/api/v1/initiatives", json=body).status_code == 201


def test_the_eleventh_failed_sign_in_is_429_and_audited_without_password(
    anonymous: TestClient, db: Session, community: LearningCommunity
) -> None:
    with_password(db, factories.person(db, community, email="bram@zwolle.nl"))
    statuses = [
        sign_in_with_form(anonymous, "bram@zwolle.nl", f"not-the-password-{n}") for n in range(11)
    ]

    assert statuses[:10] == [400] * 10
    assert statuses[10] == 429
    limited = anonymous.post(
        "/sign-in",
        data={
            "email": "bram@zwolle.nl",
            "password": PASSWORD,
            "csrf_token": csrf_from(anonymous.get("/sign-in").text),
        },
    )
    assert limited.status_code == 429  # even the right password waits
    assert "try again in" in limited.text
    assert int(limited.headers["retry-after"]) > 0
    failures = db.exec(
        select(AuditEntry).where(AuditEntry.action == AuditAction.sign_in_failed)
    ).all()
    assert len(failures) == 10
    logged = " ".join(f"{e.actor_label} {e.subject} {e.detail}" for e in failures)
    assert "bram@zwolle.nl" in logged
    assert "not-the-password" not in logged


def test_security_headers(client: TestClient, anonymous: TestClient) -> None:
    signed_in = client.get("/")
    csp = signed_in.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert signed_in.headers["x-content-type-options"] == "nosniff"
    assert signed_in.headers["referrer-policy"] == "same-origin"
    assert signed_in.headers["cache-control"] == "no-store"
    assert "no-store" not in anonymous.get("/static/app.css").headers.get("cache-control", "")


def test_https_session_cookie_is_host_prefixed_and_secure(
    app: FastAPI, db: Session, community: LearningCommunity
) -> None:
    with_password(db, factories.person(db, community, email="ilse@kampen.nl"))
    browser = TestClient(app, base_url="https://testserver")
    token = csrf_from(browser.get("/sign-in").text)
    response = browser.post(
        "/sign-in",
        data={"email": "ilse@kampen.nl", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SECURE_SESSION_COOKIE}=")
    assert "Secure" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Path=/" in cookie


def test_audit_log_is_for_facilitators_and_filters(
    client: TestClient,
    sign_in: Callable[[Person], TestClient],
    db: Session,
    community: LearningCommunity,
) -> None:
    from app.audit import service as audit

    audit.record(
        db=db,
        action=AuditAction.sign_in_failed,
        actor_label="evil\r\nsign_in ok",
        ip="10.0.0.1",
    )
    audit.record(db=db, action=AuditAction.sign_in, actor_label="marieke@leerkring.nl")

    page = client.get("/community/audit", params={"action": "sign_in_failed"})
    assert page.status_code == 200
    assert "evil\\r\\nsign_in ok" in page.text
    assert "marieke@leerkring.nl" not in page.text
    assert client.get("/community/audit", params={"action": "nonsense"}).status_code == 422

    policymaker = factories.person(db, community)
    factories.membership(db, policymaker, Role.policymaker, factories.initiative(db, community))
    assert sign_in(policymaker).get("/community/audit").status_code == 403
