"""Every main page, as the role that may see it, at 1280 and 375 px: axe-core finds nothing serious."""

import pytest
from playwright.sync_api import Page

from tests.browser.axe import (
    AXE_SCRIPT,
    MAIN_PAGES,
    WIDTHS,
    MainPage,
    RoleStates,
    describe,
    open_tab,
    serious_violations,
)


@pytest.fixture
def checked_page(
    request: pytest.FixtureRequest,
    live_server: str,
    live_ids: dict[str, int],
    role_states: RoleStates,
    tabs: dict[tuple[str | None, int], Page],
) -> Page:
    assert AXE_SCRIPT.exists(), f"axe-core is not installed ({AXE_SCRIPT}): run `make install-test`"
    main_page: MainPage = request.node.callspec.params["main_page"]
    width: int = request.node.callspec.params["width"]
    page = open_tab(tabs, role_states, main_page.role, width)
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
