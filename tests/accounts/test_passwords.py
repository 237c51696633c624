"""Set-password links, reset requests and changing your own password."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from app.accounts.models import Account, OneTimeToken, UserSession
from app.accounts.passwords import PASSWORD_MESSAGES
from app.audit.models import AuditEntry
from app.auth import rate_limit
from app.auth.cookies import SESSION_COOKIE
from app.auth.secrets import password_problem
from app.community.models import LearningCommunity
from app.config import Settings
from app.db import utcnow
from app.invitations.models import OutboxMessage
from app.main import create_app
from app.people.models import Person
from app.vocabulary import AuditAction, Role
from app.web import TOAST_COOKIE
from tests import factories
from tests.conftest import RolledBackDatabase
from tests.helpers import attributes, csrf_from, set_password_path, sign_in_with_password

GOOD_PASSWORD = "kastanjes in de herfst"
OLD_PASSWORD = "fietsen langs de Vecht"


def invite_eva(client: TestClient) -> str:
    """Invite Eva as chair; the path of the link in her outbox message."""
    client.post(
        "/community/invitations",
        data={
            "name": "Eva de Boer",
            "email": "eva.de.boer@example.org",
            "role": "chair",
            "perspective": "professional",
            "level": "professional",
        },
    )
    outbox = client.get("/community/outbox")
    return set_password_path(outbox.text)


def choose_password(
    browser: TestClient, path: str, password: str, repeat: str | None = None
) -> Response:
    form = browser.get(path)
    return browser.post(
        path,
        data={
            "password": password,
            "repeat": password if repeat is None else repeat,
            "csrf_token": csrf_from(form.text),
        },
        follow_redirects=False,
    )


def person_with_password(db: Session, community: LearningCommunity, **overrides: str) -> Person:
    person = factories.person(db, community, **overrides)
    factories.membership(db, person, Role.chair)
    factories.account(db, person, password=OLD_PASSWORD)
    return person


# -- set-password links ---------------------------------------------------------------------


def test_set_password_through_the_outbox_link(
    client: TestClient, anonymous: TestClient, app: FastAPI, community: LearningCommunity
) -> None:
    path = invite_eva(client)

    form = anonymous.get(path)
    weak = choose_password(anonymous, path, "password1234")
    good = choose_password(anonymous, path, GOOD_PASSWORD)

    assert form.status_code == 200
    assert "Choose your password" in form.text
    assert "Eva de Boer" in form.text
    assert weak.status_code == 422
    assert 'id="password-error"' in weak.text
    assert attributes(weak.text, "password")["aria-invalid"] == "true"
    assert "value" not in attributes(weak.text, "password")  # never sent back
    assert "This password is too common" in weak.text
    assert good.status_code == 303
    assert good.headers["location"] == "/"
    assert anonymous.cookies.get(SESSION_COOKIE)
    home = anonymous.get("/", follow_redirects=False)
    assert home.status_code == 200
    assert "Eva de Boer" in home.text
    _browser, signed_in = sign_in_with_password(app, "eva.de.boer@example.org", GOOD_PASSWORD)
    assert signed_in.status_code == 303


def test_passwords_must_match(client: TestClient, anonymous: TestClient, db: Session) -> None:
    path = invite_eva(client)

    response = choose_password(anonymous, path, GOOD_PASSWORD, repeat=GOOD_PASSWORD + "!")

    assert response.status_code == 422
    assert 'id="repeat-error"' in response.text
    assert "The two passwords are not the same." in response.text
    assert db.exec(select(Account.password_hash)).all() == [None, None]


def test_a_link_works_once(client: TestClient, anonymous: TestClient) -> None:
    path = invite_eva(client)
    choose_password(anonymous, path, GOOD_PASSWORD)

    again = anonymous.get(path)
    posted = anonymous.post(
        path,
        data={
            "password": "een ander wachtwoord",
            "repeat": "een ander wachtwoord",
            "csrf_token": csrf_from(again.text),
        },
    )

    assert again.status_code == 404
    assert "This link has expired or has been used already." in again.text
    assert 'href="/password-reset"' in again.text
    assert posted.status_code == 404


def test_an_expired_link_is_refused(client: TestClient, anonymous: TestClient, db: Session) -> None:
    path = invite_eva(client)
    token = db.exec(select(OneTimeToken)).one()
    token.expires_at = utcnow() - timedelta(seconds=1)
    db.add(token)
    db.flush()

    response = anonymous.get(path)

    assert response.status_code == 404
    assert "This link has expired or has been used already." in response.text


def test_unknown_link_is_a_404_page(anonymous: TestClient, community: LearningCommunity) -> None:
    assert anonymous.get("/set-password/not-a-real-token").status_code == 404
    assert anonymous.get("/set-password/" + "x" * 150).status_code == 404


def test_password_problems_are_marked_for_translation() -> None:
    problems = {
        password_problem(candidate, email="eva@example.org", name="Eva de Boer")
        for candidate in ("short", "x" * 200, "a\x00" * 7, "password1234", "eva de boer rules")
    }
    assert problems <= set(PASSWORD_MESSAGES)


# -- reset requests -------------------------------------------------------------------------


def request_reset(browser: TestClient, email: str, host: str | None = None) -> Response:
    """Fill in the reset form and send it, with a forged Host header if ``host``."""
    headers = {"Host": host} if host else {}
    form = browser.get("/password-reset")
    return browser.post(
        "/password-reset",
        data={"email": email, "csrf_token": csrf_from(form.text)},
        headers=headers,
    )


def test_reset_answers_the_same_for_known_and_unknown_addresses(
    anonymous: TestClient, db: Session, community: LearningCommunity
) -> None:
    person_with_password(db, community, email="joris.smit@example.org")

    known = request_reset(anonymous, "Joris.Smit@example.org")
    unknown = request_reset(anonymous, "nobody@example.org")

    assert known.status_code == unknown.status_code == 200
    assert known.text == unknown.text
    assert "If an account exists for this address" in known.text
    messages = db.exec(select(OutboxMessage)).all()
    assert [m.recipient for m in messages] == ["joris.smit@example.org"]
    assert "/set-password/" in messages[0].body
    labels = db.exec(
        select(AuditEntry.actor_label).where(
            AuditEntry.action == AuditAction.password_reset_requested
        )
    ).all()
    assert sorted(labels) == ["joris.smit@example.org", "nobody@example.org"]


def test_reset_link_sets_a_new_password(
    anonymous: TestClient, app: FastAPI, db: Session, community: LearningCommunity
) -> None:
    person_with_password(db, community, email="joris.smit@example.org")
    request_reset(anonymous, "joris.smit@example.org")
    path = set_password_path(db.exec(select(OutboxMessage)).one().body)

    response = choose_password(anonymous, path, GOOD_PASSWORD)

    assert response.status_code == 303
    _b, old = sign_in_with_password(app, "joris.smit@example.org", OLD_PASSWORD)
    _b, new = sign_in_with_password(app, "joris.smit@example.org", GOOD_PASSWORD)
    assert old.status_code == 400
    assert new.status_code == 303


def test_disabled_accounts_get_no_reset_link(
    anonymous: TestClient, db: Session, community: LearningCommunity
) -> None:
    person = person_with_password(db, community, email="joris.smit@example.org")
    account = db.exec(select(Account).where(Account.person_id == person.id)).one()
    account.disabled_at = utcnow()
    db.add(account)
    db.flush()

    response = request_reset(anonymous, "joris.smit@example.org")

    assert response.status_code == 200
    assert db.exec(select(OutboxMessage)).all() == []


def test_fourth_reset_request_within_the_hour_is_429(
    anonymous: TestClient,
    db: Session,
    community: LearningCommunity,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Mid-window, so the test never straddles the hour.
    monkeypatch.setattr(rate_limit, "utcnow", lambda: datetime(2030, 5, 6, 10, 30, tzinfo=UTC))
    person_with_password(db, community, email="joris.smit@example.org")

    answers = [request_reset(anonymous, "joris.smit@example.org") for _ in range(4)]

    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert "Please wait a moment" in answers[3].text
    assert int(answers[3].headers["Retry-After"]) > 0
    assert len(db.exec(select(OutboxMessage)).all()) == 3


def test_reset_request_needs_an_address(anonymous: TestClient) -> None:
    response = request_reset(anonymous, "  ")
    assert response.status_code == 422
    assert 'id="email-error"' in response.text


def test_reset_request_without_csrf_token_is_refused(
    anonymous: TestClient, db: Session, community: LearningCommunity
) -> None:
    person_with_password(db, community, email="joris.smit@example.org")

    response = anonymous.post("/password-reset", data={"email": "joris.smit@example.org"})

    assert response.status_code == 403
    assert db.exec(select(OutboxMessage)).all() == []


# -- changing your own password -------------------------------------------------------------


def change(browser: TestClient, current: str, new: str, repeat: str | None = None) -> Response:
    return browser.post(
        "/account/password",
        data={"current_password": current, "password": new, "repeat": repeat or new},
        follow_redirects=False,
    )


def test_wrong_current_password_changes_nothing(
    sign_in: Callable[[Person], TestClient],
    app: FastAPI,
    db: Session,
    community: LearningCommunity,
) -> None:
    person = person_with_password(db, community, email="joris.smit@example.org")
    browser = sign_in(person)

    response = change(browser, "not my password", GOOD_PASSWORD)

    assert response.status_code == 400
    assert 'id="current_password-error"' in response.text
    current = attributes(response.text, "current_password")
    assert current["aria-describedby"] == "current_password-error"
    assert "This is not your current password." in response.text
    _b, old = sign_in_with_password(app, "joris.smit@example.org", OLD_PASSWORD)
    assert old.status_code == 303


def test_weak_new_password_is_refused(
    sign_in: Callable[[Person], TestClient], db: Session, community: LearningCommunity
) -> None:
    browser = sign_in(person_with_password(db, community))

    response = change(browser, OLD_PASSWORD, "short")

    assert response.status_code == 422
    assert 'id="password-error"' in response.text
    assert "Use at least 12 characters." in response.text


def test_changing_the_password_ends_other_sessions(
    sign_in: Callable[[Person], TestClient],
    app: FastAPI,
    db: Session,
    community: LearningCommunity,
) -> None:
    person = person_with_password(db, community, email="joris.smit@example.org")
    here = sign_in(person)
    elsewhere = sign_in(person)
    old_cookie = here.cookies.get(SESSION_COOKIE)

    response = change(here, OLD_PASSWORD, GOOD_PASSWORD)

    assert response.status_code == 303
    assert response.headers["location"] == "/account/password"
    new_cookie = response.cookies.get(SESSION_COOKIE)
    assert new_cookie and new_cookie != old_cookie
    # As a browser does: the new cookie replaces the old one.
    toast = response.cookies.get(TOAST_COOKIE)
    assert toast
    here.cookies.clear()
    here.cookies.set(SESSION_COOKIE, new_cookie)
    here.cookies.set(TOAST_COOKIE, toast)
    page = here.get(response.headers["location"], follow_redirects=False)
    assert page.status_code == 200
    assert "Your password has been changed." in page.text
    assert elsewhere.get("/", follow_redirects=False).headers["location"] == "/sign-in"
    account_id = db.exec(select(Account.id).where(Account.person_id == person.id)).one()
    assert len(db.exec(select(UserSession).where(UserSession.account_id == account_id)).all()) == 1
    _b, new = sign_in_with_password(app, "joris.smit@example.org", GOOD_PASSWORD)
    assert new.status_code == 303
    assert db.exec(
        select(AuditEntry).where(col(AuditEntry.action) == AuditAction.password_changed)
    ).first()


def test_change_password_needs_a_password_holder(
    anonymous: TestClient, community: LearningCommunity
) -> None:
    response = anonymous.get("/account/password", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/sign-in")


def reset_messages(db: Session, email: str) -> list[OutboxMessage]:
    return list(db.exec(select(OutboxMessage).where(OutboxMessage.recipient == email)).all())


def app_with(connection: Connection, settings: Settings, **changes: object) -> FastAPI:
    return create_app(settings.model_copy(update=changes), RolledBackDatabase(connection))


@pytest.fixture
def noor(db: Session, community: LearningCommunity) -> Person:
    person = factories.person(db, community, email="noor@leiden.example")
    factories.account(db, person)
    return person


def test_a_forged_host_header_is_refused_and_mails_nothing(
    anonymous: TestClient, db: Session, noor: Person
) -> None:
    forged = request_reset(anonymous, "noor@leiden.example", host="evil.example")

    assert forged.status_code == 400
    assert reset_messages(db, "noor@leiden.example") == []


def test_reset_links_never_come_from_the_host_header(
    connection: Connection, settings: Settings, db: Session, noor: Person
) -> None:
    # Even with the host check switched off, the link points where the settings say.
    with TestClient(app_with(connection, settings, allowed_hosts=["*"])) as browser:
        assert request_reset(browser, "noor@leiden.example", host="evil.example").status_code == 200

    (message,) = reset_messages(db, "noor@leiden.example")
    assert "http://127.0.0.1:8000/set-password/" in message.body
    assert "evil.example" not in message.body


def test_in_development_links_use_the_configured_host_and_port(
    connection: Connection, settings: Settings, db: Session, noor: Person
) -> None:
    app = app_with(connection, settings, host="leerkring.local", port=9000)
    with TestClient(app, base_url="http://leerkring.local:9000") as browser:
        assert request_reset(browser, "noor@leiden.example").status_code == 200
        assert request_reset(browser, "noor@leiden.example", host="evil.example").status_code == 400

    (message,) = reset_messages(db, "noor@leiden.example")
    assert "http://leerkring.local:9000/set-password/" in message.body


def test_links_in_messages_use_the_configured_public_address(
    connection: Connection, settings: Settings, db: Session, noor: Person
) -> None:
    app = app_with(connection, settings, public_url="https://leerkring.example.nl")
    with TestClient(app, base_url="https://leerkring.example.nl") as browser:
        assert request_reset(browser, "noor@leiden.example").status_code == 200

    (message,) = reset_messages(db, "noor@leiden.example")
    assert "https://leerkring.example.nl/set-password/" in message.body


@pytest.mark.parametrize(
    ("language", "subject", "body"),
    [
        (
            "en",
            "Choose a new password for Leerkring",
            "Hello Joris O'Neill & Zn,\n\n"
            "Someone asked for a new password for your Leerkring account.\n\n"
            "Choose a new password with this link. It works once and for 2 hours:\n"
            "{link}\n\n"
            "Did you not ask for this? Then ignore this message; your password stays the same.\n",
        ),
        (
            "nl",
            "Kies een nieuw wachtwoord voor Leerkring",
            "Beste Joris O'Neill & Zn,\n\n"
            "Iemand heeft een nieuw wachtwoord aangevraagd voor je Leerkring-account.\n\n"
            "Kies een nieuw wachtwoord met deze link. Hij werkt één keer en 2 uur lang:\n"
            "{link}\n\n"
            "Heb je dit niet aangevraagd? Negeer dan dit bericht; "
            "je wachtwoord blijft hetzelfde.\n",
        ),
    ],
)
def test_reset_message_speaks_the_requesters_language_and_keeps_the_name_as_typed(
    anonymous: TestClient,
    db: Session,
    community: LearningCommunity,
    language: str,
    subject: str,
    body: str,
) -> None:
    person_with_password(db, community, name="Joris O'Neill & Zn", email="joris@example.org")
    anonymous.headers["Accept-Language"] = language

    request_reset(anonymous, "joris@example.org")

    message = db.exec(select(OutboxMessage)).one()
    link = "http://127.0.0.1:8000" + set_password_path(message.body)
    assert message.subject == subject
    assert message.body == body.format(link=link)
