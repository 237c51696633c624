"""What was done with your input, in Chromium: the facilitator marks a family
representative's session-2 reflection as discussed, with the revised finding, in place on
the grouped page (htmx: no page load); the family representative, signed in with their
personal link on a 375 px phone, reads on their page of session 2 that it was discussed and
that the factsheet is being changed. Without their evidence consent "Use as evidence" is not
offered.

The family representative is made for this test, so the demo's Ingrid Smit stays as the demo
has her for the other browser tests.
"""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Browser, BrowserContext, expect
from sqlmodel import select

from app.db import Database, create_db_engine
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.reflections.models import Reflection
from app.vocabulary import Perspective, ReflectionStatus, ReflectionVisibility
from tests.browser.axe import RoleStates, new_context
from tests.browser.family import HELD_SESSION, link_state, new_family_representative

TEXT = "The school never heard what the team agreed with us. Tell the school too."


def _written(database_url: str, email: str) -> tuple[int, int]:
    """A submitted session-2 reflection of the person, without evidence consent; its id and
    the session's."""
    database = Database(create_db_engine(database_url))
    try:
        with database.transaction(write=True) as db:
            person = db.exec(select(Person).where(Person.email == email)).one()
            held = db.exec(
                select(LearningSession).where(LearningSession.number == HELD_SESSION)
            ).one()
            row = Reflection(
                session_id=held.id or 0,
                author_id=person.id,
                perspective=Perspective.family,
                visibility=ReflectionVisibility.session,
                status=ReflectionStatus.submitted,
                submitted_at=datetime(2026, 6, 16, 18, 0, tzinfo=UTC),
                text=TEXT,
            )
            db.add(row)
            db.flush()
            return row.id or 0, held.id or 0
    finally:
        database.engine.dispose()


@pytest.fixture
def contexts(browser: Browser) -> Iterator[list[BrowserContext]]:
    opened: list[BrowserContext] = []
    yield opened
    for context in opened:
        context.close()


def test_the_facilitator_marks_it_discussed_and_the_family_representative_reads_it(
    browser: Browser,
    contexts: list[BrowserContext],
    live_server: str,
    live_database_url: str,
    role_states: RoleStates,
) -> None:
    email = new_family_representative(live_database_url, "Sanne de Boer", consented=True)
    reflection_id, session_id = _written(live_database_url, email)

    context = new_context(browser, 1280, role_states("facilitator"))
    contexts.append(context)
    page = context.new_page()
    page.goto(f"{live_server}/sessions/{session_id}/reflections")
    block = page.locator(f"#follow-up-{reflection_id}")
    expect(block).to_contain_text("Not marked as discussed yet.")
    expect(block.get_by_role("link", name="Use as evidence")).to_have_count(0)
    block.get_by_text("Record what was done with it").click()
    item = block.get_by_label("Discussed in which agenda item?")
    item.select_option(label="Exchange in mixed-level groups: what we need from monitoring")
    finding = block.get_by_label("Which finding was revised because of it?")
    finding.select_option(index=1)
    page.evaluate("window.notReloaded = true")
    block.get_by_role("button", name="Save").click()
    saved = page.locator(f"#follow-up-{reflection_id}")
    expect(saved.get_by_role("status")).to_have_text("Saved")
    expect(saved).to_contain_text(
        "in 'Exchange in mixed-level groups: what we need from monitoring'"
    )
    expect(saved).to_contain_text("Revised finding:")
    assert page.evaluate("window.notReloaded") is True  # swapped in place, no page load
    expect(saved.get_by_role("link", name="Use as evidence")).to_have_count(0)

    phone = browser.new_context(
        viewport={"width": 375, "height": 740},
        is_mobile=True,
        has_touch=True,
        storage_state=link_state(browser, live_server, live_database_url, email),  # type: ignore[arg-type]
    )
    contexts.append(phone)
    mine = phone.new_page()
    mine.goto(f"{live_server}/sessions/{session_id}/reflect")
    outcome = mine.locator(f"#input-{reflection_id}")
    expect(outcome).to_contain_text(
        "Discussed in the session, in 'Exchange in mixed-level groups: what we need from "
        "monitoring'."
    )
    expect(outcome).to_contain_text("is being changed")
    # Nothing wider than the phone.
    assert mine.evaluate("document.documentElement.scrollWidth") <= 375
