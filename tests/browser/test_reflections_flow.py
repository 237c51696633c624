"""The issue's acceptance tests in Chromium: a family representative on a 375 px phone, signed
in with a personal link, gives consent, writes, autosaves (or, without JavaScript, saves with
the button), comes back, edits and submits as "a family representative"; the chair reads it on
the grouped page, under its question and condition, without the name. Two tabs on one draft
get the conflict with both texts. Script-like text stays text on every page and fragment.

Each test makes its own family representative in the live demo database (invited to session
3, the session in preparation), so the demo's Ingrid Smit and Ricardo Martina stay as the
demo has them for the other browser tests.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from app.vocabulary import ReflectionStatus
from tests.browser.axe import RoleStates, new_context
from tests.browser.family import (
    SESSION_IN_PREPARATION,
    continue_with_link,
    issue_link,
    link_state,
    new_family_representative,
    reflections_of,
    session_id,
)

# Session 3's question on roles that is addressed to family representatives: its plain
# wording on the writing page, its professional wording on the chair's page.
PLAIN_QUESTION = "Who is the one person a family can call? Does the family know this?"
QUESTION = "Who is a family's single contact, and does the family know?"
FIRST_ANSWER = "Our family coach is the one we call. She answers the same day."
EDITED_ANSWER = FIRST_ANSWER + "\nBut the school did not know that she was our contact."
SCRIPTS = "<script>alert(1)</script> and <img src=x onerror=alert(1)> stay text"


def as_typed(text: str) -> str:
    """The text with its line breaks as typed: a form posted by the browser sends each as CRLF
    (the HTML standard's form encoding), while htmx sends the text area's value with LF."""
    return text.replace("\r\n", "\n")


@pytest.fixture
def contexts(browser: Browser) -> Iterator[list[BrowserContext]]:
    opened: list[BrowserContext] = []
    yield opened
    for context in opened:
        context.close()


def phone_context(
    browser: Browser,
    contexts: list[BrowserContext],
    state: dict[str, Any] | None = None,
    *,
    javascript: bool = True,
    bypass_csp: bool = False,
) -> BrowserContext:
    context = browser.new_context(
        viewport={"width": 375, "height": 740},
        is_mobile=True,
        has_touch=True,
        java_script_enabled=javascript,
        storage_state=state,  # type: ignore[arg-type]
        bypass_csp=bypass_csp,
    )
    contexts.append(context)
    return context


def slot(page: Page, plain_question: str = PLAIN_QUESTION) -> Locator:
    """The place to answer one question on the writing page."""
    return page.locator("article.slot", has_text=plain_question)


def autosave(page: Page, text: str) -> None:
    """Type into the answer and wait until autosave says it saved (no button pressed)."""
    answer = slot(page).get_by_label("Your answer")
    with page.expect_response(
        lambda r: r.request.method == "POST" and "/reflect" in r.url and r.status == 200
    ):
        answer.fill(text)
    expect(slot(page).locator(".save-status")).to_contain_text("Saved at")


def chairs_reading(
    browser: Browser,
    contexts: list[BrowserContext],
    states: RoleStates,
    path: str,
    dialogs: list[str] | None = None,
) -> Page:
    context = new_context(browser, 1280, states("chair"), bypass_csp=True)
    contexts.append(context)
    page = context.new_page()
    if dialogs is not None:
        watch_dialogs(page, dialogs)
    response = page.goto(path)
    assert response is not None and response.status == 200, path
    return page


@pytest.mark.parametrize("javascript", [True, False], ids=["autosave", "without-javascript"])
def test_a_family_representative_answers_on_a_phone_and_the_chair_reads_it_anonymised(
    browser: Browser,
    contexts: list[BrowserContext],
    live_server: str,
    live_database_url: str,
    role_states: RoleStates,
    javascript: bool,
) -> None:
    name = "Fenna de Wit" if javascript else "Marloes Bos"
    email = new_family_representative(live_database_url, name, consented=False)
    page = phone_context(browser, contexts, javascript=javascript).new_page()

    # The personal link, its Continue button, and the dashboard's way to the questions.
    continue_with_link(page, issue_link(live_database_url, live_server, email))
    expect(page.get_by_text(f"You are writing as {name}.")).to_be_visible()
    page.get_by_role("link", name="Answer the questions").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("what do you think?")

    # Consent: asked once, in plain words; before it there is nowhere to write.
    expect(slot(page).get_by_label("Your answer")).to_have_count(0)
    page.get_by_role(
        "group", name="May the people at this session read your answers?"
    ).get_by_label("Yes").check()
    page.get_by_role(
        "group", name="May we quote your answers, without your name, in later factsheets?"
    ).get_by_label("No").check()
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_text("Your choices are saved.")).to_be_visible()
    expect(page.get_by_text("You said yes: the people at the session may read")).to_be_visible()

    # Write, and let autosave (or the Save button) keep it.
    if javascript:
        autosave(page, FIRST_ANSWER)
    else:
        slot(page).get_by_label("Your answer").fill(FIRST_ANSWER)
        slot(page).get_by_role("button", name="Save", exact=True).click()
        expect(page.get_by_role("status").first).to_contain_text("Saved at")
    (draft,) = reflections_of(live_database_url, email)
    assert (draft.text, draft.status) == (FIRST_ANSWER, ReflectionStatus.draft)

    # Come back later: the draft is there; edit it.
    page.reload()
    expect(slot(page).get_by_label("Your answer")).to_have_value(FIRST_ANSWER)
    expect(slot(page).get_by_text("Draft: only you can see it")).to_be_visible()
    if javascript:
        autosave(page, EDITED_ANSWER)
    else:
        slot(page).get_by_label("Your answer").fill(EDITED_ANSWER)
        slot(page).get_by_role("button", name="Save", exact=True).click()
        expect(page.get_by_role("status").first).to_contain_text("Saved at")
    assert as_typed(reflections_of(live_database_url, email)[0].text) == EDITED_ANSWER

    # Submit it as "a family representative", not by name.
    slot(page).get_by_label("Not my name: show me as a family representative").check()
    slot(page).get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text("Sent at")
    expect(slot(page).locator(".slot-state .badge")).to_have_text("Sent")
    (sent,) = reflections_of(live_database_url, email)
    assert (as_typed(sent.text), sent.status, sent.shows_name) == (
        EDITED_ANSWER,
        ReflectionStatus.submitted,
        False,
    )

    # The chair's grouped page: under the condition and the question, without the name.
    next_session = session_id(live_database_url, SESSION_IN_PREPARATION)
    chair = chairs_reading(
        browser, contexts, role_states, f"{live_server}/sessions/{next_session}/reflections"
    )
    roles = chair.locator("section.reflection-condition", has=chair.locator("#condition-roles"))
    question = roles.locator("article.reflection-question", has_text=QUESTION)
    shown = question.locator(f"li#reflection-{sent.id}")
    expect(shown.locator(".reflection__text")).to_have_text(EDITED_ANSWER)
    expect(shown.locator(".reflection__by")).to_contain_text("A family representative")
    expect(shown.locator(".reflection__by")).to_contain_text("Family perspective")
    expect(shown).not_to_contain_text(name)


def test_two_tabs_on_one_draft_the_second_save_gets_both_texts(
    browser: Browser, contexts: list[BrowserContext], live_server: str, live_database_url: str
) -> None:
    email = new_family_representative(live_database_url, "Iris Kramer", consented=True)
    state = link_state(browser, live_server, live_database_url, email)
    next_session = session_id(live_database_url, SESSION_IN_PREPARATION)
    writing_page = f"{live_server}/sessions/{next_session}/reflect"
    first = phone_context(browser, contexts, state).new_page()
    first.goto(writing_page)
    autosave(first, FIRST_ANSWER)

    # Both tabs open the draft; the first saves again, then the second, which is stale.
    second = phone_context(browser, contexts, state).new_page()
    second.goto(writing_page)
    first.reload()
    autosave(first, FIRST_ANSWER + " Written in the first tab.")
    answer = slot(second).get_by_label("Your answer")
    with second.expect_response(lambda r: r.request.method == "POST" and r.status == 409):
        answer.fill(FIRST_ANSWER + " Written in the second tab.")

    status = slot(second).locator(".save-status")
    expect(status).to_contain_text("Not saved.")
    expect(status).to_contain_text("This reflection was saved somewhere else")
    texts = status.locator(".conflict-text")
    expect(texts).to_have_count(2)
    expect(texts.nth(0)).to_have_text(FIRST_ANSWER + " Written in the first tab.")
    expect(texts.nth(1)).to_have_text(FIRST_ANSWER + " Written in the second tab.")
    # Nothing was overwritten: the first tab's text is the one stored.
    (stored,) = reflections_of(live_database_url, email)
    assert stored.text == FIRST_ANSWER + " Written in the first tab."

    # Without JavaScript the Save button gets the same answer: the page with both texts.
    third = phone_context(browser, contexts, state, javascript=False).new_page()
    third.goto(writing_page)
    autosave(first, FIRST_ANSWER + " Saved once more in the first tab.")
    slot(third).get_by_label("Your answer").fill("Typed in a page without JavaScript.")
    with third.expect_response(lambda r: r.request.method == "POST") as posted:
        slot(third).get_by_role("button", name="Save", exact=True).click()
    assert posted.value.status == 409
    conflict = slot(third).get_by_role("alert")
    expect(conflict).to_contain_text("This reflection was saved somewhere else")
    expect(conflict.locator(".conflict-text").nth(0)).to_have_text(
        FIRST_ANSWER + " Saved once more in the first tab."
    )
    expect(conflict.locator(".conflict-text").nth(1)).to_have_text(
        "Typed in a page without JavaScript."
    )


def watch_dialogs(page: Page, opened: list[str]) -> None:
    """Any alert() is a failure: record it (and close it, so the page goes on)."""

    def seen(dialog: Any) -> None:
        opened.append(f"{page.url}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", seen)


def assert_nothing_injected(page: Page) -> None:
    assert page.locator("img[src='x']").count() == 0, page.url
    assert page.evaluate("[...document.scripts].filter(s => !s.src).length") == 0, page.url


def test_script_like_text_is_shown_as_text_on_every_page_and_fragment(
    browser: Browser,
    contexts: list[BrowserContext],
    live_server: str,
    live_database_url: str,
    role_states: RoleStates,
) -> None:
    """With the CSP bypassed, so that only escaping stands between the text and a dialog."""
    email = new_family_representative(live_database_url, "Lotte Visser", consented=True)
    state = link_state(browser, live_server, live_database_url, email)
    next_session = session_id(live_database_url, SESSION_IN_PREPARATION)
    writing_page = f"{live_server}/sessions/{next_session}/reflect"
    dialogs: list[str] = []
    first = phone_context(browser, contexts, state, bypass_csp=True).new_page()
    watch_dialogs(first, dialogs)

    # The writing page, and the autosave fragment that answers each save.
    first.goto(writing_page)
    autosave(first, SCRIPTS)
    first.reload()
    expect(slot(first).get_by_label("Your answer")).to_have_value(SCRIPTS)
    assert_nothing_injected(first)

    # The fragment with both texts, when a second tab saves over it.
    second = phone_context(browser, contexts, state, bypass_csp=True).new_page()
    watch_dialogs(second, dialogs)
    second.goto(writing_page)
    autosave(first, SCRIPTS + " (first tab)")
    with second.expect_response(lambda r: r.request.method == "POST" and r.status == 409):
        slot(second).get_by_label("Your answer").fill(SCRIPTS + " (second tab)")
    texts = slot(second).locator(".save-status .conflict-text")
    expect(texts.nth(0)).to_have_text(SCRIPTS + " (first tab)")
    expect(texts.nth(1)).to_have_text(SCRIPTS + " (second tab)")
    assert_nothing_injected(second)

    # Submitted, it reaches the chair's grouped page and its printable view as text.
    first.reload()
    slot(first).get_by_role("button", name="Send", exact=True).click()
    expect(first.get_by_role("status").first).to_contain_text("Sent at")
    expect(slot(first).get_by_label("Your answer")).to_have_value(SCRIPTS + " (first tab)")
    assert_nothing_injected(first)
    (sent,) = reflections_of(live_database_url, email)
    assert sent.text == SCRIPTS + " (first tab)"
    for path in ("reflections", "reflections/print"):
        chair = chairs_reading(
            browser,
            contexts,
            role_states,
            f"{live_server}/sessions/{next_session}/{path}",
            dialogs,
        )
        expect(chair.locator(f"#reflection-{sent.id} .reflection__text")).to_have_text(
            SCRIPTS + " (first tab)"
        )
        assert_nothing_injected(chair)

    assert dialogs == []
