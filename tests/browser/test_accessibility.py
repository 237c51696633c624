"""Every main page, as the role that may see it, at 1280 and 375 px: axe-core finds nothing serious."""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.axe import (
    AXE_SCRIPT,
    MAIN_PAGES,
    WIDTHS,
    MainPage,
    describe,
    new_context,
    serious_violations,
    signed_in_state,
)


class RoleStates:
    """One sign-in per role for the whole run; contexts reuse its cookies."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.browser, self.base = browser, base
        self.states: dict[str, dict[str, Any]] = {}

    def __call__(self, role: str | None) -> dict[str, Any] | None:
        if role is None:
            return None
        if role not in self.states:
            self.states[role] = signed_in_state(self.browser, self.base, role)
        return self.states[role]


@pytest.fixture(scope="module")
def role_states(browser: Browser, live_server: str) -> RoleStates:
    return RoleStates(browser, live_server)


@pytest.fixture(scope="module")
def tabs(browser: Browser, role_states: RoleStates) -> Iterator[dict[tuple[str | None, int], Page]]:
    """One open tab per role and width for the module; each test navigates it."""
    opened: dict[tuple[str | None, int], Page] = {}
    yield opened
    for tab in opened.values():
        tab.context.close()


@pytest.fixture
def checked_page(
    request: pytest.FixtureRequest,
    browser: Browser,
    live_server: str,
    live_ids: dict[str, int],
    role_states: RoleStates,
    tabs: dict[tuple[str | None, int], Page],
) -> Page:
    assert AXE_SCRIPT.exists(), f"axe-core is not installed ({AXE_SCRIPT}): run `make install-test`"
    main_page: MainPage = request.node.callspec.params["main_page"]
    width: int = request.node.callspec.params["width"]
    key = (main_page.role, width)
    if key not in tabs:
        # bypass_csp: the CSP forbids the injected axe-core script (see tests/browser/axe.py).
        context = new_context(browser, width, role_states(main_page.role), bypass_csp=True)
        tabs[key] = context.new_page()
    page = tabs[key]
    response = page.goto(live_server + main_page.url(live_ids))
    assert response is not None and response.status == 200, (
        f"{main_page.url(live_ids)} as {main_page.role}: HTTP {response.status if response else '-'}"
    )
    return page


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("main_page", MAIN_PAGES, ids=[page.name for page in MAIN_PAGES])
def test_page_is_accessible(checked_page: Page, main_page: MainPage, width: int) -> None:
    where = f"{main_page.path} as {main_page.role or 'a visitor'} at {width}px"

    violations = serious_violations(checked_page)
    assert not violations, f"axe-core on {where}:\n{describe(violations)}"

    headings = checked_page.locator("h1").count()
    assert headings == 1, f"{where} has {headings} h1 elements, expected exactly one"

    if width < 600:
        scroll_width = checked_page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{where} scrolls sideways: {scroll_width}px wide"
