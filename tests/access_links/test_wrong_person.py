"""A link that reached the wrong person: "Not you?" tells the facilitators, who replace the
link in one click; and opening a link stays harmless however often it is opened."""

import hashlib
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, SQLModel, col, select

from app.access_links.models import AccessLink
from app.audit.models import AuditEntry
from app.auth.cookies import SESSION_COOKIE
from app.community.models import LearningCommunity
from app.db import utcnow
from app.invitations.models import OutboxMessage
from app.people.models import Person
from app.time_zone import community_zone
from app.vocabulary import AuditAction, Role
from tests import factories
from tests.helpers import csrf_from, open_access_link

LINK = re.compile(r"http://127\.0\.0\.1:8000/access/([A-Za-z0-9_-]+)")


def family_person(db: Session, community: LearningCommunity) -> Person:
    person = factories.person(db, community, name="Ingrid Smit")
    factories.membership(db, person, Role.family_representative)
    return person


def link_browser(app: FastAPI, db: Session, person: Person, **link: Any) -> TestClient:
    """A browser signed in with a new personal link of ``person``, as its holder does."""
    _link, token = factories.access_link(db, person, **link)
    browser = TestClient(app)
    assert open_access_link(browser, token).status_code == 303
    return browser


def stored(db: Session, token: str) -> AccessLink:
    return db.exec(
        select(AccessLink).where(
            AccessLink.token_hash == hashlib.sha256(token.encode()).hexdigest()
        )
    ).one()


def entries(db: Session, action: AuditAction) -> list[AuditEntry]:
    return list(db.exec(select(AuditEntry).where(AuditEntry.action == action)).all())


def row_counts(db: Session) -> dict[str, int]:
    return {
        table.name: db.connection().execute(sa.select(sa.func.count()).select_from(table)).one()[0]
        for table in SQLModel.metadata.sorted_tables
    }


def report(browser: TestClient) -> None:
    """Press "Tell the facilitator" on the "Not you?" page."""
    page = browser.get("/not-you")
    assert page.status_code == 200
    told = browser.post(
        "/not-you", data={"csrf_token": csrf_from(page.text)}, follow_redirects=False
    )
    assert told.status_code == 303 and told.headers["location"] == "/not-you/told"


# -- whose link: on every page of the link ----------------------------------------------------


def test_every_page_of_a_link_session_says_whose_link_it_is(
    app: FastAPI, db: Session, community: LearningCommunity
) -> None:
    learning_session = factories.learning_session(db, community, number=3)
    browser = link_browser(app, db, family_person(db, community))

    pages = ("/", f"/sessions/{learning_session.id}", f"/sessions/{learning_session.id}/reflect")
    for path in (*pages, "/not-you"):
        page = browser.get(path)
        assert page.status_code == 200, path
        assert "You are writing as Ingrid Smit." in page.text, path
        assert '<a class="whose-link__report" href="/not-you">Not you?</a>' in page.text, path


def test_a_password_sign_in_shows_no_banner_and_has_no_not_you_page(
    db: Session,
    community: LearningCommunity,
    sign_in: Callable[[Person], TestClient],
    client: TestClient,
) -> None:
    family = sign_in(family_person(db, community))

    for browser in (family, client):
        assert "You are writing as" not in browser.get("/").text
        assert browser.get("/not-you").status_code == 403
        assert browser.post("/not-you").status_code == 403
    assert entries(db, AuditAction.access_link_reported) == []


def test_the_banner_is_escaped(app: FastAPI, db: Session, community: LearningCommunity) -> None:
    person = factories.person(db, community, name="<b>Ingrid</b> & Smit")
    factories.membership(db, person, Role.family_representative)

    page = link_browser(app, db, person).get("/")

    assert "You are writing as &lt;b&gt;Ingrid&lt;/b&gt; &amp; Smit." in page.text


def test_the_dutch_banner_speaks_plainly(
    app: FastAPI, db: Session, community: LearningCommunity
) -> None:
    browser = link_browser(app, db, family_person(db, community))

    page = browser.get("/", headers={"Accept-Language": "nl"})

    assert "U schrijft als Ingrid Smit." in page.text
    assert "Bent u dit niet?" in page.text


# -- "Not you?" -------------------------------------------------------------------------------


def test_opening_not_you_changes_nothing(
    app: FastAPI, db: Session, community: LearningCommunity, facilitator: Person
) -> None:
    browser = link_browser(app, db, family_person(db, community))
    before = row_counts(db)

    page = browser.get("/not-you")

    assert page.status_code == 200
    assert "Are you not Ingrid Smit?" in page.text
    assert '<form method="post" action="/not-you"' in page.text
    assert row_counts(db) == before
    assert browser.get("/", follow_redirects=False).status_code == 200  # still signed in


def test_not_you_tells_the_facilitators_signs_out_and_keeps_the_link(
    app: FastAPI, db: Session, community: LearningCommunity, facilitator: Person
) -> None:
    english = factories.person(db, community, name="Anna Clark", language="en")
    factories.membership(db, english, Role.facilitator)
    no_email = factories.person(db, community, name="Zonder Adres", email=None)
    factories.membership(db, no_email, Role.facilitator)
    chair = factories.person(db, community, name="De Voorzitter")
    factories.membership(db, chair, Role.chair)
    person = family_person(db, community)
    learning_session = factories.learning_session(db, community, number=3)
    link, token = factories.access_link(db, person, for_session=learning_session)
    browser = TestClient(app)
    open_access_link(browser, token)
    cookie = browser.cookies.get(SESSION_COOKIE)

    report(browser)

    # Recorded, without the token, naming the link.
    (entry,) = entries(db, AuditAction.access_link_reported)
    assert entry.subject == "Ingrid Smit" and entry.detail == f"link {link.id}"
    assert entry.actor_person_id == person.id
    assert token not in f"{entry.detail}{entry.subject}{entry.actor_label}"
    # One email to each facilitator with an address, in their language; nobody else.
    messages = db.exec(select(OutboxMessage).order_by(col(OutboxMessage.id))).all()
    assert sorted(m.recipient for m in messages) == sorted([facilitator.email, english.email])
    en = next(m for m in messages if m.recipient == english.email)
    assert en.subject == "The personal link of Ingrid Smit may have reached the wrong person"
    assert "Hello Anna Clark," in en.body
    assert "for session 3" in en.body
    assert "http://127.0.0.1:8000/community/access-links" in en.body
    assert all(token not in m.body for m in messages)
    nl = next(m for m in messages if m.recipient == facilitator.email)  # Dutch by default
    assert nl.subject.startswith("De persoonlijke link van Ingrid Smit")
    assert "Beste Marieke Janssen," in nl.body and "voor sessie 3" in nl.body
    # This browser is signed out; a replayed cookie is anonymous too.
    home = browser.get("/", follow_redirects=False)
    assert home.status_code == 303 and home.headers["location"].startswith("/sign-in")
    replayed = TestClient(app)
    replayed.cookies.set(SESSION_COOKIE, cookie or "")
    assert replayed.get("/", follow_redirects=False).status_code == 303
    told = browser.get("/not-you/told")
    assert "Thank you, the facilitator has been told" in told.text
    assert "You are writing as" not in told.text
    # Anyone could press it, so the link itself still works.
    db.refresh(link)
    assert link.revoked_at is None
    assert open_access_link(TestClient(app), token).status_code == 303


def test_reporting_again_is_recorded_but_mails_each_facilitator_once(
    app: FastAPI, db: Session, community: LearningCommunity, facilitator: Person
) -> None:
    person = family_person(db, community)
    _link, token = factories.access_link(db, person)
    browser = TestClient(app)
    for _ in range(2):
        open_access_link(browser, token)
        report(browser)

    assert len(entries(db, AuditAction.access_link_reported)) == 2
    assert len(db.exec(select(OutboxMessage)).all()) == 1


def test_not_you_without_the_forms_csrf_token_is_refused_and_stores_nothing(
    app: FastAPI, db: Session, community: LearningCommunity, facilitator: Person
) -> None:
    browser = link_browser(app, db, family_person(db, community))
    before = row_counts(db)

    forged = browser.post("/not-you", data={}, follow_redirects=False)

    assert forged.status_code == 403
    assert row_counts(db) == before
    assert browser.get("/", follow_redirects=False).status_code == 200


def test_not_you_speaks_dutch_plainly(
    app: FastAPI, db: Session, community: LearningCommunity
) -> None:
    browser = link_browser(app, db, family_person(db, community))

    page = browser.get("/not-you", headers={"Accept-Language": "nl"})

    assert "Bent u niet Ingrid Smit?" in page.text
    assert "Laat het de facilitator weten" in page.text


# -- the facilitator's one-click reissue ------------------------------------------------------


def test_the_links_page_marks_a_reported_link_and_offers_the_reissue(
    app: FastAPI,
    client: TestClient,
    db: Session,
    community: LearningCommunity,
    facilitator: Person,
) -> None:
    person = family_person(db, community)
    reported, token = factories.access_link(db, person)
    other = factories.person(db, community, name="Ricardo Martina")
    factories.access_link(db, other)
    browser = TestClient(app)
    open_access_link(browser, token)
    report(browser)

    page = client.get("/community/access-links")

    assert page.status_code == 200
    rows = re.findall(r"<tr>.*?</tr>", page.text, flags=re.S)
    ingrid = next(row for row in rows if "Ingrid Smit" in row)
    ricardo = next(row for row in rows if "Ricardo Martina" in row)
    assert "Reported: reached the wrong person" in ingrid
    assert "Reported: reached the wrong person" not in ricardo
    assert f'action="/community/access-links/{reported.id}/reissue"' in ingrid
    assert "Revoke and issue a new link" in ingrid


def test_reissue_revokes_the_old_link_and_shows_the_new_one_once(
    app: FastAPI,
    client: TestClient,
    db: Session,
    community: LearningCommunity,
    facilitator: Person,
) -> None:
    person = family_person(db, community)
    learning_session = factories.learning_session(db, community, number=3)
    old, old_token = factories.access_link(db, person, for_session=learning_session)
    holder = TestClient(app)
    open_access_link(holder, old_token)

    page = client.post(f"/community/access-links/{old.id}/reissue")

    assert page.status_code == 200
    assert "The personal link for Ingrid Smit is ready" in page.text
    assert "The old link has been revoked" in page.text
    found = LINK.findall(page.text)
    assert len(found) == 1
    new = stored(db, found[0])
    db.refresh(old)
    assert old.revoked_at is not None
    assert (new.person_id, new.session_id) == (old.person_id, old.session_id)
    # Through the same last day, in the community's time zone.
    zone = community_zone()
    assert new.expires_at.astimezone(zone).date() == old.expires_at.astimezone(zone).date()
    assert new.expires_at >= old.expires_at
    assert new.created_by_id == facilitator.id
    # The old link's session ends at once; the old link is switched off, the new one works.
    assert holder.get("/", follow_redirects=False).status_code == 303
    assert TestClient(app).get(f"/access/{old_token}").status_code == 410
    assert open_access_link(TestClient(app), found[0]).status_code == 303
    # Both halves are in the audit log, neither with a token.
    (revoked,) = entries(db, AuditAction.access_link_revoked)
    assert revoked.detail == f"link {old.id}"
    (created,) = entries(db, AuditAction.access_link_created)
    assert created.detail.startswith(f"link {new.id}; session 3; works until ")
    assert created.detail.endswith(f"; replaces link {old.id}")
    assert found[0] not in created.detail and old_token not in revoked.detail
    # The listing shows only the new link, and never its token.
    listing = client.get("/community/access-links")
    assert f"/community/access-links/{new.id}/reissue" in listing.text
    assert f"/community/access-links/{old.id}/reissue" not in listing.text
    assert found[0] not in listing.text


def test_reissue_keeps_the_last_day(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    person = family_person(db, community)
    made = client.post(
        "/community/access-links",
        data={"person_id": str(person.id), "scope": "community", "expires_on": "2027-01-31"},
    )
    match = LINK.search(made.text)
    assert match is not None
    old = stored(db, match.group(1))

    page = client.post(f"/community/access-links/{old.id}/reissue")

    match = LINK.search(page.text)
    assert match is not None
    new = stored(db, match.group(1))
    assert new.expires_at == old.expires_at
    assert new.session_id is None
    assert "January 31, 2027" in page.text


def test_reissuing_a_revoked_expired_or_foreign_link_is_404_and_changes_nothing(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    person = family_person(db, community)
    revoked, _ = factories.access_link(db, person)
    revoking = client.post(f"/community/access-links/{revoked.id}/revoke", follow_redirects=False)
    assert revoking.status_code == 303
    expired, _ = factories.access_link(db, person, expires_at=utcnow() - timedelta(minutes=1))
    elsewhere = factories.community(db)
    foreign, _ = factories.access_link(db, factories.person(db, elsewhere, name="Ver Weg"))
    before = row_counts(db)

    for link in (revoked, expired, foreign):
        refused = client.post(f"/community/access-links/{link.id}/reissue")
        assert refused.status_code == 404, link
        assert "There is no active access link" in refused.text
    assert client.post("/community/access-links/9223372036854775808/reissue").status_code == 422
    assert row_counts(db) == before


def test_reissue_without_the_forms_csrf_token_is_refused(
    app: FastAPI,
    db: Session,
    community: LearningCommunity,
    facilitator: Person,
    sign_in: Callable[[Person], TestClient],
) -> None:
    link, _ = factories.access_link(db, family_person(db, community))
    browser = sign_in(facilitator)
    del browser.headers["X-CSRF-Token"]

    assert browser.post(f"/community/access-links/{link.id}/reissue").status_code == 403
    db.refresh(link)
    assert link.revoked_at is None


# -- opening a link is harmless -------------------------------------------------------------


def test_a_link_opened_twice_then_continued_still_works_and_the_gets_store_nothing(
    app: FastAPI, db: Session, community: LearningCommunity
) -> None:
    person = family_person(db, community)
    _link, token = factories.access_link(db, person)
    scanner, holder = TestClient(app), TestClient(app)
    before = row_counts(db)

    # A mail scanner opens the link first, then its holder does.
    assert scanner.get(f"/access/{token}").status_code == 200
    page = holder.get(f"/access/{token}")

    assert page.status_code == 200
    assert row_counts(db) == before
    link = stored(db, token)
    db.refresh(link)
    assert link.first_used_at is None and link.last_used_at is None
    assert SESSION_COOKIE not in scanner.cookies and SESSION_COOKIE not in holder.cookies
    continued = holder.post(
        f"/access/{token}", data={"csrf_token": csrf_from(page.text)}, follow_redirects=False
    )
    assert continued.status_code == 303
    home = holder.get("/")
    assert home.status_code == 200 and "You are writing as Ingrid Smit." in home.text
    # And it is not single-use: opened and continued again later, it still signs in.
    assert open_access_link(TestClient(app), token).status_code == 303
