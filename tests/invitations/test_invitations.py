"""Facilitators invite people: person, role, account and a set-password link in the outbox."""

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.accounts.models import Account, OneTimeToken
from app.audit.models import AuditEntry
from app.community.models import LearningCommunity
from app.db import utcnow
from app.initiatives.models import Initiative
from app.invitations.models import OutboxMessage
from app.people.models import Membership, Person
from app.vocabulary import AuditAction, OneTimeTokenPurpose, Role
from tests import factories
from tests.helpers import attributes, set_password_path


def eva(initiative: Initiative | None, **overrides: str) -> dict[str, str]:
    return {
        "name": "Eva de Boer",
        "email": "Eva.de.Boer@Example.org",
        "role": "policymaker",
        "initiative_id": str(initiative.id) if initiative else "",
        "perspective": "local_government",
        "level": "system",
        **overrides,
    }


def people_named(db: Session, name: str) -> list[Person]:
    return list(db.exec(select(Person).where(Person.name == name)).all())


def test_facilitator_invites_a_policymaker(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community, name="Samen1Plan Drechtsteden")

    response = client.post("/community/invitations", data=eva(initiative), follow_redirects=False)

    assert response.status_code == 303
    assert response.headers["location"] == "/community/invitations"
    # The next page says so once, with the way to the outbox; a reload no longer does.
    written = client.get("/community/invitations")
    assert attributes(written.text, "toasts")["role"] == "status"
    toast = re.search(r'<div id="toasts".*?</div>', written.text, re.S)
    assert toast is not None
    assert "The invitation has been written." in toast.group()
    assert '<a href="/community/outbox">Read and forward it in the outbox.</a>' in toast.group()
    again = client.get("/community/invitations").text
    assert "The invitation has been written." not in again
    person = db.exec(select(Person).where(Person.email == "eva.de.boer@example.org")).one()
    assert person.name == "Eva de Boer"
    assert person.community_id == community.id
    membership = db.exec(select(Membership).where(Membership.person_id == person.id)).one()
    assert (membership.role, membership.initiative_id) == (Role.policymaker, initiative.id)
    account = db.exec(select(Account).where(Account.person_id == person.id)).one()
    assert account.password_hash is None
    token = db.exec(select(OneTimeToken).where(OneTimeToken.account_id == account.id)).one()
    assert token.purpose == OneTimeTokenPurpose.invitation
    message = db.exec(
        select(OutboxMessage).where(OutboxMessage.recipient == "eva.de.boer@example.org")
    ).one()
    assert set_password_path(message.body).startswith("/set-password/")
    assert "Samen1Plan Drechtsteden" in message.body
    assert "http://127.0.0.1:8000/set-password/" in message.body
    assert "Eva de Boer" in written.text  # among the pending invitations
    assert "/set-password/" not in written.text  # the link is only in the outbox


def test_invitation_is_audited_without_the_token(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)

    client.post("/community/invitations", data=eva(initiative))

    entries = db.exec(select(AuditEntry).order_by(col(AuditEntry.id))).all()
    actions = [e.action for e in entries]
    assert AuditAction.invitation_sent in actions
    granted = next(e for e in entries if e.action == AuditAction.role_granted)
    assert granted.subject == "Eva de Boer"
    assert "policymaker" in granted.detail
    assert granted.initiative_id == initiative.id
    link = set_password_path(db.exec(select(OutboxMessage)).one().body)
    secret = link.rsplit("/", 1)[1]
    for entry in entries:
        assert secret not in f"{entry.actor_label} {entry.subject} {entry.detail}"


def test_invitation_in_dutch_is_written_in_dutch(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    client.post(
        "/community/invitations",
        data=eva(None, role="chair", perspective="professional", level="professional"),
        headers={"Accept-Language": "nl"},
    )

    message = db.exec(select(OutboxMessage)).one()
    assert message.body.startswith("Beste Eva de Boer")
    assert "Kies je wachtwoord" in message.body


def test_invalid_invitation_shows_messages_next_to_fields_and_stores_nothing(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    response = client.post("/community/invitations", data=eva(None, email="eva-at-example.org"))

    assert response.status_code == 422
    html = response.text
    assert 'id="email-error"' in html
    assert "Enter an email address, like name@example.org." in html
    email = attributes(html, "email")
    assert email["aria-invalid"] == "true"
    assert email["aria-describedby"] == "email-hint email-error"
    assert email["value"] == "eva-at-example.org"  # what was typed stays
    assert 'id="initiative_id-error"' in html
    assert "This role is held in an initiative: choose which one." in html
    initiative = attributes(html, "initiative_id")
    assert initiative["aria-invalid"] == "true"
    assert initiative["aria-describedby"] == "initiative_id-hint initiative_id-error"
    assert html.count('aria-invalid="true"') == 2
    assert attributes(html, "name")["value"] == "Eva de Boer"
    assert "aria-invalid" not in attributes(html, "name")
    assert people_named(db, "Eva de Boer") == []
    assert db.exec(select(OutboxMessage)).all() == []


def test_community_roles_take_no_initiative(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)

    response = client.post(
        "/community/invitations",
        data=eva(initiative, role="family_representative", perspective="family"),
    )

    assert response.status_code == 422
    assert "This role is held in the whole community: leave the initiative empty." in (
        response.text
    )
    assert people_named(db, "Eva de Boer") == []


def test_another_communitys_initiative_is_refused(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    elsewhere = factories.initiative(db, factories.community(db), name="Elders")

    response = client.post("/community/invitations", data=eva(elsewhere))

    assert response.status_code == 422
    assert "Choose one of the community's initiatives." in response.text
    assert "Elders" not in response.text
    assert people_named(db, "Eva de Boer") == []


def test_inviting_an_existing_member_adds_the_role_once(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)
    member = factories.person(db, community, name="Eva de Boer", email="eva.de.boer@example.org")
    factories.membership(db, member, Role.practitioner, initiative)

    added = client.post("/community/invitations", data=eva(initiative), follow_redirects=False)
    again = client.post("/community/invitations", data=eva(initiative))

    assert added.status_code == 303
    assert len(people_named(db, "Eva de Boer")) == 1
    roles = db.exec(select(Membership.role).where(Membership.person_id == member.id)).all()
    assert sorted(roles) == [Role.policymaker, Role.practitioner]
    assert again.status_code == 409
    assert "This person has this role here already." in again.text
    assert len(db.exec(select(OutboxMessage)).all()) == 1


def test_extra_fields_change_nothing(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    other = factories.community(db)
    initiative = factories.initiative(db, community)

    client.post(
        "/community/invitations",
        data={**eva(initiative), "community_id": str(other.id), "is_site_admin": "true"},
    )

    person = db.exec(select(Person).where(Person.name == "Eva de Boer")).one()
    assert person.community_id == community.id
    account = db.exec(select(Account).where(Account.person_id == person.id)).one()
    assert account.is_site_admin is False


def test_pending_invitations_leave_out_used_and_expired_links(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    for name, email in (("Eva de Boer", "eva@example.org"), ("Joris Smit", "joris@example.org")):
        client.post(
            "/community/invitations",
            data=eva(None, name=name, email=email, role="chair"),
        )
    joris = db.exec(select(Person).where(Person.name == "Joris Smit")).one()
    account = db.exec(select(Account).where(Account.person_id == joris.id)).one()
    token = db.exec(select(OneTimeToken).where(OneTimeToken.account_id == account.id)).one()
    token.expires_at = utcnow() - timedelta(minutes=1)
    db.add(token)
    db.flush()

    page = client.get("/community/invitations")

    assert "eva@example.org" in page.text
    assert "joris@example.org" not in page.text


def test_only_facilitators_invite(
    sign_in: Callable[[Person], TestClient], db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)
    practitioner = factories.person(db, community)
    factories.membership(db, practitioner, Role.practitioner, initiative)
    browser = sign_in(practitioner)

    page = browser.get("/community/invitations")
    posted = browser.post("/community/invitations", data=eva(initiative))

    assert page.status_code == 403
    assert posted.status_code == 403
    assert people_named(db, "Eva de Boer") == []


def test_anonymous_is_sent_to_sign_in(anonymous: TestClient, community: LearningCommunity) -> None:
    for path in ("/community/invitations", "/community/outbox"):
        response = anonymous.get(path, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/sign-in")


def test_invitation_without_csrf_token_is_refused(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    del client.headers["X-CSRF-Token"]

    response = client.post("/community/invitations", data=eva(None, role="chair"))

    assert response.status_code == 403
    assert people_named(db, "Eva de Boer") == []
    assert db.exec(select(OutboxMessage)).all() == []


def test_outbox_shows_messages_newest_first_twenty_a_page(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    start = utcnow() - timedelta(hours=1)
    for number in range(1, 23):
        factories.outbox_message(
            db,
            community,
            recipient=f"person{number}@example.org",
            subject=f"Message number {number:02d}",
            body=f"Choose a password: http://testserver/set-password/link{number:02d}",
            created_at=start + timedelta(minutes=number),
        )
    factories.outbox_message(
        db,
        factories.community(db),
        recipient="someone@elsewhere.org",
        subject="Another community",
        body="not for us",
    )

    first = client.get("/community/outbox")
    second = client.get("/community/outbox?page=2")

    assert first.status_code == 200
    assert first.text.index("Message number 22") < first.text.index("Message number 21")
    assert "http://testserver/set-password/link22" in first.text
    assert "Message number 03" in first.text
    assert "Message number 02" not in first.text
    assert "Page 1 of 2" in first.text
    assert "Message number 02" in second.text
    assert "Message number 01" in second.text
    assert "Another community" not in first.text + second.text
    assert client.get("/community/outbox?page=0").status_code == 422


@pytest.mark.parametrize(
    ("language", "subject", "body"),
    [
        (
            "en",
            "Invitation to the learning community Drecht & Co's",
            "Hello Anne-Marie O'Brien & Zn,\n\n"
            "{inviter} invites you to the learning community Drecht & Co's in Leerkring, "
            'as policymaker in Kaats & "Zuid" <Noord>.\n\n'
            "Choose your password with this link. It works once and for 7 days:\n"
            "{link}\n\n"
            "Did you not expect this message? Then you can ignore it.\n",
        ),
        (
            "nl",
            "Uitnodiging voor de leerkring Drecht & Co's",
            "Beste Anne-Marie O'Brien & Zn,\n\n"
            "{inviter} nodigt je uit voor de leerkring Drecht & Co's in Leerkring, "
            'als beleidsmaker bij Kaats & "Zuid" <Noord>.\n\n'
            "Kies je wachtwoord met deze link. Hij werkt één keer en 7 dagen lang:\n"
            "{link}\n\n"
            "Had je dit bericht niet verwacht? Dan kun je het negeren.\n",
        ),
    ],
)
def test_invitation_speaks_the_requesters_language_and_keeps_names_as_typed(
    client: TestClient,
    db: Session,
    community: LearningCommunity,
    facilitator: Person,
    language: str,
    subject: str,
    body: str,
) -> None:
    community.name = "Drecht & Co's"
    db.add(community)
    db.flush()
    initiative = factories.initiative(db, community, name='Kaats & "Zuid" <Noord>')

    client.post(
        "/community/invitations",
        data=eva(initiative, name="Anne-Marie O'Brien & Zn"),
        headers={"Accept-Language": language},
    )

    message = db.exec(select(OutboxMessage)).one()
    link = "http://127.0.0.1:8000" + set_password_path(message.body)
    assert message.subject == subject
    assert message.body == body.format(inviter=facilitator.name, link=link)
