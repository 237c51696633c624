"""Family representatives in the live demo database, signed in the way they really are: with
a personal link opened in the browser and its Continue button pressed."""

from datetime import timedelta
from typing import Any

from playwright.sync_api import Browser, Page
from sqlmodel import col, select

from app.access_links.service import link_url, local_today, make_access_link
from app.db import Database, create_db_engine
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.reflections.consent import record_consent
from app.reflections.models import Reflection
from app.vocabulary import Role
from tests import factories
from tests.browser.axe import ROLE_EMAILS

FAMILY_EMAIL = ROLE_EMAILS["family"]
HELD_SESSION = 2  # held, with its agenda published
SESSION_IN_PREPARATION = 3  # reflections are due before it


def _database(url: str) -> Database:
    return Database(create_db_engine(url))


def issue_link(database_url: str, base: str, email: str = FAMILY_EMAIL) -> str:
    """A new personal link (the whole community, 30 days) for the person with this email."""
    database = _database(database_url)
    try:
        with database.transaction(write=True) as db:
            person = db.exec(select(Person).where(Person.email == email)).one()
            made = make_access_link(
                db=db,
                community_id=person.community_id,
                created_by=None,
                person_id=person.id or 0,
                session_id=None,
                last_day=local_today() + timedelta(days=30),
            )
            return link_url(base, made.token)
    finally:
        database.engine.dispose()


def new_family_representative(database_url: str, name: str, *, consented: bool) -> str:
    """A family representative invited to sessions 2 (held, its agenda published) and 3 (in
    preparation), who consented to be read or was never asked; their email. Tests that write
    answers or give consent use one of these, so the demo's people stay as the demo has them."""
    database = _database(database_url)
    try:
        with database.transaction(write=True) as db:
            demo_family = db.exec(select(Person).where(Person.email == FAMILY_EMAIL)).one()
            community = demo_family.community_id
            sessions = db.exec(
                select(LearningSession).where(
                    LearningSession.community_id == community,
                    col(LearningSession.number).in_([HELD_SESSION, SESSION_IN_PREPARATION]),
                )
            ).all()
            email = f"{name.lower().replace(' ', '.')}@family.example"
            person = Person(name=name, email=email, community_id=community, language="en")
            db.add(person)
            db.flush()
            factories.membership(db, person, Role.family_representative)
            for learning_session in sessions:
                factories.attendance(db, learning_session, person)
            if consented:
                record_consent(
                    db=db,
                    person_id=person.id or 0,
                    read_by_participants=True,
                    quoted_as_evidence=False,
                )
            return email
    finally:
        database.engine.dispose()


def continue_with_link(page: Page, url: str) -> None:
    """Open the personal link and press its Continue button, as its holder does."""
    page.goto(url)
    page.get_by_role("button", name="Continue as ", exact=False).click()
    page.wait_for_url(lambda address: "/access/" not in address)


def link_state(browser: Browser, base: str, database_url: str, email: str) -> dict[str, Any]:
    """The cookies of a browser that came in with a new personal link of ``email``."""
    context = browser.new_context()
    try:
        continue_with_link(context.new_page(), issue_link(database_url, base, email))
        state: dict[str, Any] = context.storage_state()  # type: ignore[assignment]
        return state
    finally:
        context.close()


def session_id(database_url: str, number: int = SESSION_IN_PREPARATION) -> int:
    database = _database(database_url)
    try:
        with database.transaction(write=False) as db:
            found = db.exec(
                select(LearningSession.id).where(LearningSession.number == number)
            ).first()
            assert found is not None
            return found
    finally:
        database.engine.dispose()


def reflections_of(database_url: str, email: str) -> list[Reflection]:
    """The reflections the person with this email wrote, as stored (oldest first)."""
    database = _database(database_url)
    try:
        with database.transaction(write=False) as db:
            author = db.exec(select(Person.id).where(Person.email == email)).one()
            found = db.exec(
                select(Reflection)
                .where(Reflection.author_id == author)
                .order_by(col(Reflection.id))
            ).all()
            db.expunge_all()
            return list(found)
    finally:
        database.engine.dispose()
