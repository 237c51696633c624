"""Issue 14's acceptance, in Chromium: after a session the facilitator records the minutes
of two agenda items and two actions, one of them following a family representative's
reflection, and publishes the report; the family representative's page (through their
personal link, on a phone) then says what was done with that reflection, and exactly one
message about the report waits for them.

The session (number 12, held this morning; the community flow test makes a session 9) and
the family representative are made for this test, so the demo stays as the other browser
tests expect it.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlmodel import select

from app.db import Database, create_db_engine
from app.invitations.models import OutboxMessage
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.reflections.models import Reflection
from app.vocabulary import (
    AgendaItemKind,
    Perspective,
    ReflectionStatus,
    ReflectionVisibility,
    SessionStatus,
)
from tests import factories
from tests.browser.axe import DEMO_INITIATIVE, RoleStates, new_context
from tests.browser.family import link_state, new_family_representative

REFLECTION = "Nobody asked my son what he wanted. Ask the children too, before the plan is made."
ITEMS = ("Welcome and the actions of last time", "Listening to children in the family plan")


@dataclass(frozen=True)
class HeldSession:
    id: int
    reflection_id: int
    person_id: int


def _held_session(database_url: str, email: str) -> HeldSession:
    """Session 12, held this morning with two agenda items; the family representative came
    and wrote a reflection on it."""
    database = Database(create_db_engine(database_url))
    try:
        with database.transaction(write=True) as db:
            person = db.exec(select(Person).where(Person.email == email)).one()
            started = datetime.now(UTC) - timedelta(hours=3)
            held = LearningSession(
                community_id=person.community_id,
                number=12,
                starts_at=started,
                ends_at=started + timedelta(hours=2),
                status=SessionStatus.held,
                place="Stadhuis Leiden",
                agenda_published_at=started - timedelta(days=14),
            )
            db.add(held)
            db.flush()
            for position, title in enumerate(ITEMS):
                factories.agenda_item(
                    db, held, position=position, title=title, kind=AgendaItemKind.exchange
                )
            factories.attendance(db, held, person, attended=True)
            reflection = Reflection(
                session_id=held.id or 0,
                author_id=person.id,
                perspective=Perspective.family,
                visibility=ReflectionVisibility.session,
                status=ReflectionStatus.submitted,
                submitted_at=started + timedelta(hours=2, minutes=30),
                text=REFLECTION,
            )
            db.add(reflection)
            db.flush()
            return HeldSession(held.id or 0, reflection.id or 0, person.id or 0)
    finally:
        database.engine.dispose()


def _messages_for(database_url: str, held: HeldSession) -> list[OutboxMessage]:
    database = Database(create_db_engine(database_url))
    try:
        with database.transaction(write=False) as db:
            found = db.exec(
                select(OutboxMessage).where(
                    OutboxMessage.person_id == held.person_id,
                    OutboxMessage.session_id == held.id,
                )
            ).all()
            db.expunge_all()
            return list(found)
    finally:
        database.engine.dispose()


@pytest.fixture
def contexts(browser: Browser) -> Iterator[list[BrowserContext]]:
    opened: list[BrowserContext] = []
    yield opened
    for context in opened:
        context.close()


def _write_minutes(page: Page, base: str, held: HeldSession) -> None:
    page.goto(f"{base}/sessions/{held.id}/minutes")
    for title, text, took in (
        (ITEMS[0], "Each initiative said where its action stands.", "20"),
        (ITEMS[1], "We agreed: the children are asked before the plan is made.", "50"),
    ):
        item = page.locator("li.agenda-item", has_text=title)
        item.get_by_label("Minutes: what was said and agreed").fill(text)
        item.get_by_label("Time it took (minutes)").fill(took)
        item.get_by_role("button", name="Save").click()
        expect(item.get_by_role("status")).to_have_text("Saved")


def _add_action(page: Page, base: str, held: HeldSession, title: str, led_to: str) -> None:
    page.goto(f"{base}/sessions/{held.id}/actions")
    form = page.locator("#new-action")
    form.get_by_label("Initiative").select_option(label=DEMO_INITIATIVE)
    form.get_by_label("Title").fill(title)
    form.get_by_label("Partnership condition").select_option(index=1)
    form.get_by_label("Level of integration").select_option(index=1)
    form.get_by_label("Due date").fill("2027-03-01")
    if led_to:
        form.get_by_label("What led to it").select_option(label=led_to)
    form.get_by_role("button", name="Add the action").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)


def test_minutes_actions_and_the_report_come_back_to_the_family_representative(
    browser: Browser,
    contexts: list[BrowserContext],
    live_server: str,
    live_database_url: str,
    role_states: RoleStates,
) -> None:
    email = new_family_representative(live_database_url, "Noor Jansen", consented=True)
    held = _held_session(live_database_url, email)

    context = new_context(browser, 1280, role_states("facilitator"))
    contexts.append(context)
    page = context.new_page()
    _write_minutes(page, live_server, held)
    _add_action(page, live_server, held, "One contact person per family", "")
    page.goto(f"{live_server}/sessions/{held.id}/actions")
    options = page.locator("#new-action").get_by_label("What led to it").locator("option")
    reflection_option = options.filter(has_text="Nobody asked my son").first.inner_text()
    _add_action(page, live_server, held, "Ask the children before the plan", reflection_option)

    page.goto(f"{live_server}/sessions/{held.id}/report")
    page.get_by_role("button", name="Publish the report").click()
    expect(page.locator("main")).to_contain_text("Published on")
    assert [m.subject for m in _messages_for(live_database_url, held)] == [
        "The report of learning session 12 is ready"
    ]

    phone = browser.new_context(
        viewport={"width": 375, "height": 740},
        is_mobile=True,
        has_touch=True,
        storage_state=link_state(browser, live_server, live_database_url, email),  # type: ignore[arg-type]
    )
    contexts.append(phone)
    mine = phone.new_page()
    mine.goto(f"{live_server}/sessions/{held.id}/reflect")
    outcome = mine.locator(f"#input-{held.reflection_id}")
    expect(outcome).to_contain_text("This led to an action: 'Ask the children before the plan'")
    assert mine.evaluate("document.documentElement.scrollWidth") <= 375

    # Publishing again sends nothing more.
    page.goto(f"{live_server}/sessions/{held.id}/report")
    assert page.get_by_role("button", name="Publish the report").count() == 0
    assert len(_messages_for(live_database_url, held)) == 1
