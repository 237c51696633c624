"""Every tab stop of the main pages shows a focus indicator of at least 3:1 (WCAG 2.2 SC 1.4.11).

The pages of the facilitator, chair, researcher and family representative (and the signed-out
ones) at 1280 and 375 px; each page is loaded once and tabbed through to the end.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.axe import MAIN_PAGES, WIDTHS, MainPage, RoleStates, open_tab

FOCUS_SCRIPT = (Path(__file__).parent / "focus.js").read_text()
MINIMUM = 3.0
MAX_STOPS = 200  # the factsheet editor has about 75; a page that never ends is a bug of its own

FOCUS_PAGES = [
    *MAIN_PAGES,
    MainPage("home-chair", "/", "chair"),
    MainPage("session-chair", "/sessions/{next_session}", "chair"),
    MainPage("initiatives-family", "/initiatives", "family"),
]

# The lowest ratio of each page, printed at the end of the module (shown with -s).
LOWEST: dict[str, float] = {}


@pytest.fixture(scope="module", autouse=True)
def lowest_contrast() -> Iterator[None]:
    yield
    if LOWEST:
        where = min(LOWEST, key=LOWEST.__getitem__)
        print(f"\nlowest focus contrast: {LOWEST[where]:.2f}:1 ({where}, {len(LOWEST)} pages)")


def tab_stops(page: Page) -> list[dict[str, str | float]]:
    page.evaluate("() => { window.focusSeen = new WeakSet(); document.activeElement?.blur(); }")
    stops = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_SCRIPT)
        if stop is None:
            break
        stops.append(stop)
    return stops


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("main_page", FOCUS_PAGES, ids=[page.name for page in FOCUS_PAGES])
def test_every_tab_stop_shows_a_visible_focus(
    main_page: MainPage,
    width: int,
    live_server: str,
    live_ids: dict[str, int],
    role_states: RoleStates,
    tabs: dict[tuple[str | None, int], Page],
) -> None:
    page = open_tab(tabs, role_states, main_page.role, width)
    response = page.goto(live_server + main_page.url(live_ids))
    assert response is not None and response.status == 200
    where = f"{main_page.path} as {main_page.role or 'a visitor'} at {width}px"

    stops = tab_stops(page)
    assert stops, f"{where}: no tab stops"
    LOWEST[f"{main_page.name}@{width}"] = min(float(stop["ratio"]) for stop in stops)
    faint = [stop for stop in stops if float(stop["ratio"]) < MINIMUM]
    assert not faint, f"{where}: {len(faint)} of {len(stops)} tab stops under {MINIMUM}:1\n" + (
        "\n".join(
            f"  {stop['ratio']:.2f}:1 {stop['element']} ({stop['indicator']} on {stop['background']})"
            for stop in faint[:15]
        )
    )
