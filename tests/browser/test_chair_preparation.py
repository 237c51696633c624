"""The chair prepares session 3 in one browser, as issue 12 accepts it: questions from the
suggestions and her own, an agenda of six items, a move with the keyboard only, the clock
times following, and the overrun warning."""

import re

from playwright.sync_api import Page, expect
from sqlmodel import delete, select

from app.agendas.models import AgendaItem
from app.db import Database, create_db_engine
from app.learning_sessions.models import LearningSession
from tests.browser.axe import ROLE_EMAILS, sign_in

AGENDA = [
    ("welcome", "Welcome", "10"),
    ("review_actions", "Actions from session 2", "20"),
    ("findings", "Findings from the factsheets", "30"),
    ("dilemma", "Dilemma round", "30"),
    ("exchange", "Mixed-level groups", "30"),
    ("evaluation", "Evaluation", "10"),
]


def empty_agenda_of_session_3(url: str) -> None:
    """Start from an empty agenda (the demo's draft would otherwise be there already)."""
    database = Database(create_db_engine(url))
    with database.transaction(write=True) as db:
        session = db.exec(select(LearningSession).where(LearningSession.number == 3)).one()
        db.exec(delete(AgendaItem).where(AgendaItem.session_id == session.id))  # type: ignore[call-overload]
    database.engine.dispose()


def add_item(page: Page, kind: str, title: str, minutes: str) -> None:
    agenda = page.locator("#agenda")
    agenda.locator("details.add-item > summary").click()
    form = agenda.locator("details.add-item form")
    form.get_by_label("Kind").select_option(kind)
    form.get_by_label("Title").fill(title)
    form.get_by_label("Minutes").fill(minutes)
    form.get_by_role("button", name="Add to the agenda").click()
    expect(page.locator("#toasts")).to_contain_text(f"Added '{title}' to the agenda.")
    expect(agenda.locator(".agenda-item__title", has_text=title)).to_be_visible()


def test_the_chair_prepares_questions_and_an_agenda(
    page: Page, live_server: str, live_database_url: str
) -> None:
    empty_agenda_of_session_3(live_database_url)
    sign_in(page, live_server, ROLE_EMAILS["chair"])

    # From the dashboard to the workspace.
    page.get_by_role("link", name=re.compile("Prepare session 3")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Prepare session 3")

    # Two suggested questions, each with the rule that found it.
    questions = page.locator("#questions")
    chosen = questions.locator(".chosen-questions > li")
    before = chosen.count()
    for _ in range(2):
        suggestion = questions.locator(".suggestion").first
        expect(suggestion.locator(".suggestion__reason")).to_contain_text(re.compile(r"\d"))
        text = suggestion.locator(".suggestion__question").inner_text()
        suggestion.get_by_role("button", name=re.compile("Add this question")).click()
        expect(page.locator("#toasts")).to_contain_text("Added the question to this session.")
        expect(questions.locator(".chosen-questions")).to_contain_text(text)
    expect(chosen).to_have_count(before + 2)

    # One of her own.
    questions.locator("details.write-question > summary").click()
    own = questions.locator("details.write-question form")
    own.get_by_label("Question", exact=True).fill(
        "Which promise to a family did we break last month, and who noticed first?"
    )
    own.get_by_label("In plain language").fill("Did we forget something we promised you?")
    own.get_by_label("Partnership condition").select_option("roles")
    own.get_by_label("Level").select_option("clinical")
    own.get_by_label("Family representative").check()
    own.get_by_role("button", name="Add my question").click()
    expect(page.locator("#toasts")).to_contain_text("Added your question")
    expect(chosen).to_have_count(before + 3)

    # An agenda of six items, each added in place.
    for kind, title, minutes in AGENDA:
        add_item(page, kind, title, minutes)
    items = page.locator(".agenda-item")
    expect(items).to_have_count(6)
    fourth = items.nth(3)
    expect(fourth.locator(".agenda-item__time")).to_contain_text("14:30–15:00")

    # Move the fourth item up with the keyboard only: Tab from the item to its button.
    fourth.focus()
    up = fourth.get_by_role("button", name="Move 'Dilemma round' up")
    for _ in range(10):
        page.keyboard.press("Tab")
        if up.evaluate("button => button === document.activeElement"):
            break
    assert up.evaluate("button => button === document.activeElement")
    page.keyboard.press("Enter")
    expect(page.locator("#toasts")).to_contain_text("Moved 'Dilemma round' to 3 of 6.")
    third = page.locator(".agenda-item").nth(2)
    expect(third.locator(".agenda-item__title")).to_contain_text("Dilemma round")
    expect(third.locator(".agenda-item__time")).to_contain_text("14:00–14:30")
    expect(page.locator(".agenda-item").nth(3).locator(".agenda-item__time")).to_contain_text(
        "14:30–15:00"
    )
    # Focus stayed on the moved item's button, so the next Enter moves it again.
    expect(page.get_by_role("button", name="Move 'Dilemma round' up")).to_be_focused()

    # 130 minutes from 13:30 fits the slot until 16:30; a long item does not.
    expect(page.locator(".agenda-overrun")).to_have_count(0)
    add_item(page, "good_practice", "Good practices from every initiative", "75")
    expect(page.locator(".agenda-overrun")).to_have_text(
        "Ends 16:55, 25 minutes over the time slot (until 16:30)."
    )
