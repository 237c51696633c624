"""The facilitator's account list: who can sign in, and disabling or enabling them."""

from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.accounts.models import Account, UserSession
from app.audit.models import AuditEntry
from app.community.models import LearningCommunity
from app.people.models import Person
from app.vocabulary import AuditAction, Role
from tests import factories
from tests.helpers import sign_in_with_password

PASSWORD = "fietsen langs de Vecht"


def member_with_password(
    db: Session, community: LearningCommunity, name: str = "Joris Smit"
) -> tuple[Person, Account]:
    initiative = factories.initiative(db, community, name=f"Wijkteam van {name}")
    person = factories.person(
        db, community, name=name, email=f"{name.split()[0].lower()}@example.org"
    )
    factories.membership(db, person, Role.practitioner, initiative)
    return person, factories.account(db, person, password=PASSWORD)


def test_accounts_page_lists_people_who_can_sign_in(
    client: TestClient, db: Session, community: LearningCommunity, facilitator: Person
) -> None:
    member_with_password(db, community)
    factories.person(db, community, name="Zonder Account")
    other = factories.community(db)
    factories.person(db, other, name="Elders Iemand")
    factories.account(db, factories.person(db, other, name="Elders Account"))

    response = client.get("/community/accounts")

    assert response.status_code == 200
    html = response.text
    assert "Joris Smit" in html
    assert "joris@example.org" in html
    assert "Practitioner · Wijkteam van Joris Smit" in html
    assert "Marieke Janssen" in html  # the facilitator, signed in
    assert "Your own account" in html
    assert "Zonder Account" not in html
    assert "Elders" not in html


def test_disabling_ends_sessions_and_blocks_sign_in_until_enabled(
    client: TestClient,
    sign_in: Callable[[Person], TestClient],
    app: FastAPI,
    db: Session,
    community: LearningCommunity,
) -> None:
    person, account = member_with_password(db, community)
    joris = sign_in(person)
    assert joris.get("/", follow_redirects=False).status_code == 200

    disabled = client.post(f"/community/accounts/{account.id}/disable", follow_redirects=False)

    assert disabled.status_code == 303
    assert disabled.headers["location"] == "/community/accounts?changed=disabled"
    assert "The account has been disabled" in client.get(disabled.headers["location"]).text
    refused = joris.get("/", follow_redirects=False)
    assert refused.status_code == 303
    assert refused.headers["location"] == "/sign-in"
    assert db.exec(select(UserSession).where(UserSession.account_id == account.id)).all() == []
    _b, blocked = sign_in_with_password(app, "joris@example.org", PASSWORD)
    assert blocked.status_code == 400

    enabled = client.post(f"/community/accounts/{account.id}/enable", follow_redirects=False)

    assert enabled.status_code == 303
    _b, allowed = sign_in_with_password(app, "joris@example.org", PASSWORD)
    assert allowed.status_code == 303
    actions = db.exec(select(AuditEntry.action).where(AuditEntry.subject == "Joris Smit")).all()
    assert AuditAction.account_disabled in actions
    assert AuditAction.account_enabled in actions


def test_facilitator_cannot_disable_own_account(
    client: TestClient, db: Session, facilitator: Person
) -> None:
    account = db.exec(select(Account).where(Account.person_id == facilitator.id)).one()

    response = client.post(f"/community/accounts/{account.id}/disable")

    assert response.status_code == 409
    assert "You cannot disable your own account." in response.text
    db.refresh(account)
    assert account.disabled_at is None
    assert client.get("/", follow_redirects=False).status_code == 200


def test_foreign_and_unknown_accounts_are_404(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    other = factories.community(db)
    stranger = factories.person(db, other, name="Elders Iemand")
    account = factories.account(db, stranger)

    foreign = client.post(f"/community/accounts/{account.id}/disable")
    unknown = client.post("/community/accounts/2147483647/enable")
    impossible = client.post("/community/accounts/9223372036854775808/disable")

    assert foreign.status_code == 404
    assert "Elders Iemand" not in foreign.text
    assert unknown.status_code == 404
    assert impossible.status_code == 422
    db.refresh(account)
    assert account.disabled_at is None


def test_only_facilitators_manage_accounts(
    sign_in: Callable[[Person], TestClient], db: Session, community: LearningCommunity
) -> None:
    person, _account = member_with_password(db, community)
    _other, target = member_with_password(db, community, name="Fatima El Amrani")
    browser = sign_in(person)

    assert browser.get("/community/accounts").status_code == 403
    assert browser.get("/community/outbox").status_code == 403
    assert browser.post(f"/community/accounts/{target.id}/disable").status_code == 403
    db.refresh(target)
    assert target.disabled_at is None


def test_disabling_without_csrf_token_is_refused(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    _person, account = member_with_password(db, community)
    del client.headers["X-CSRF-Token"]

    response = client.post(f"/community/accounts/{account.id}/disable")
    forged = client.post(f"/community/accounts/{account.id}/disable", data={"csrf_token": "forged"})

    assert response.status_code == 403
    assert forged.status_code == 403
    db.refresh(account)
    assert account.disabled_at is None
