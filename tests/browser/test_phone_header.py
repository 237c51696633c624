"""On a phone the header's links fold behind a Menu disclosure and leave room for the page."""

from playwright.sync_api import Browser, expect

from tests.browser.axe import MainPage, RoleStates, new_context


def test_facilitators_home_shows_its_heading_without_scrolling_on_a_phone(
    browser: Browser, live_server: str, role_states: RoleStates
) -> None:
    context = new_context(browser, 375, role_states("facilitator"))
    page = context.new_page()
    page.goto(live_server + MainPage("home", "/", "facilitator").path)

    box = page.locator("h1").bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= 740, f"the h1 is at {box}"
    expect(page.get_by_role("link", name="Audit log")).to_be_hidden()
    context.close()


def test_the_menu_opens_from_the_keyboard_and_its_links_follow(
    browser: Browser, live_server: str, role_states: RoleStates
) -> None:
    context = new_context(browser, 375, role_states("facilitator"))
    page = context.new_page()
    page.goto(live_server + "/")

    menu = page.locator("summary", has_text="Menu")
    for _ in range(10):
        page.keyboard.press("Tab")
        if menu.evaluate("element => element === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached the Menu button")
    page.keyboard.press("Enter")
    audit = page.get_by_role("link", name="Audit log")
    expect(audit).to_be_visible()
    while not audit.evaluate("element => element === document.activeElement"):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/community/audit")
    expect(page.locator("h1")).to_have_text("Audit log")
    context.close()


def test_the_desktop_header_shows_the_links_without_a_menu(
    browser: Browser, live_server: str, role_states: RoleStates
) -> None:
    context = new_context(browser, 1280, role_states("facilitator"))
    page = context.new_page()
    page.goto(live_server + "/")

    expect(page.locator("summary", has_text="Menu")).to_be_hidden()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Audit log")
    ).to_be_visible()
    context.close()
