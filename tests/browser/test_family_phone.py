"""Every page a family representative sees, on a phone, through their personal link (home,
the reflection page, its consent part, the agenda, "Not you?" and the page after it): nothing
serious or critical for axe-core at 375 px, targets large enough for a finger, and no
sideways scrolling at 200 % zoom.

Touch targets (WCAG 2.5.5, 44 × 44 CSS px): every visible link, button, input, select, text
area and summary is measured with its bounding box. Two rules decide what counts:
- A radio button or checkbox is measured together with its label (the smallest box around
  both): a tap on the label checks it, so together they are the target.
- A link inside running text is exempt (the "inline" exception of WCAG 2.5.8): a link whose
  display is inline and whose lines hold other words (letters or digits of the same block,
  outside any link, control or label), such as "read <a>the agenda</a> first". A link alone
  on its line, in a list item, a menu or a button row is not in running text and must be
  44 × 44.
Hidden controls (no size, in a closed disclosure, or the skip link parked off screen until
it gets focus) are not targets.

Zoom (WCAG 1.4.10 Reflow): a 1280 px window at 200 % is 640 CSS px wide; a phone at 200 %
would be about 188 CSS px, narrower than any real screen, so the phone is checked at WCAG's
320 CSS px instead. At both widths the page may not scroll sideways.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.axe import describe, serious_violations
from tests.browser.family import (
    HELD_SESSION,
    SESSION_IN_PREPARATION,
    link_state,
    new_family_representative,
    session_id,
)

# The family representative's pages; "unasked" is one who has not given consent yet, so the
# reflection page opens with its consent part; None: signed out.
FAMILY_PAGES = {
    "home": ("/", "consented"),
    "reflect": ("/sessions/{next_session}/reflect", "consented"),
    "consent": ("/sessions/{next_session}/reflect#consent", "unasked"),
    "agenda": ("/sessions/{held_session}/agenda", "consented"),
    "not-you": ("/not-you", "consented"),
    # After "Tell the facilitator": signed out.
    "told": ("/not-you/told", None),
}

MEASURE_TARGETS = """
() => {
  const CONTROLS = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  const blockOf = (node) => {
    let element = node.parentElement;
    while (element && getComputedStyle(element).display.startsWith('inline')) {
      element = element.parentElement;
    }
    return element;
  };
  // Words on the link's own lines: text of the same block, outside any link or control.
  const inRunningText = (link) => {
    if (getComputedStyle(link).display !== 'inline') return false;
    const block = blockOf(link);
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (blockOf(text) !== block || text.parentElement.closest(CONTROLS + ', label')) continue;
      if (/[\\p{L}\\p{N}]/u.test(text.textContent)) return true;
    }
    return false;
  };
  const union = (a, b) => {
    const left = Math.min(a.left, b.left), top = Math.min(a.top, b.top);
    return {width: Math.max(a.right, b.right) - left, height: Math.max(a.bottom, b.bottom) - top};
  };
  const small = [];
  for (const element of document.querySelectorAll(CONTROLS)) {
    const box = element.getBoundingClientRect();
    // Not rendered: display none, visibility hidden, or inside a closed disclosure.
    if (!element.checkVisibility({visibilityProperty: true})) continue;
    if (box.width <= 1 || box.height <= 1) continue;  // visually hidden
    if (box.right <= 0 || box.bottom <= 0) continue;  // parked off screen (the skip link)
    if (element.tagName === 'A' && inRunningText(element)) continue;
    let size = {width: box.width, height: box.height};
    if (['radio', 'checkbox'].includes(element.type) && element.labels.length) {
      size = union(box, element.labels[0].getBoundingClientRect());
    }
    if (size.width < 43.5 || size.height < 43.5) {
      const name = (element.getAttribute('aria-label') || element.textContent || element.name || '').trim();
      small.push(`${element.tagName.toLowerCase()} "${name.slice(0, 40)}" ` +
                 `${Math.round(size.width)}x${Math.round(size.height)}`);
    }
  }
  return small;
}
"""

WIDEST = """
() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .slice(0, 5)
  .map(e => `${e.tagName.toLowerCase()}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`)
"""


@pytest.fixture(scope="module")
def states(browser: Browser, live_server: str, live_database_url: str) -> dict[str, Any]:
    """Two family representatives of session 3, each signed in with a personal link."""
    people = {
        "consented": new_family_representative(live_database_url, "Saskia Meijer", consented=True),
        "unasked": new_family_representative(live_database_url, "Fatima Idrissi", consented=False),
    }
    return {
        who: link_state(browser, live_server, live_database_url, email)
        for who, email in people.items()
    }


@pytest.fixture(scope="module")
def ids(live_database_url: str) -> dict[str, int]:
    return {
        "next_session": session_id(live_database_url, SESSION_IN_PREPARATION),
        "held_session": session_id(live_database_url, HELD_SESSION),
    }


@pytest.fixture
def contexts(browser: Browser) -> Iterator[list[BrowserContext]]:
    opened: list[BrowserContext] = []
    yield opened
    for context in opened:
        context.close()


def open_page(
    browser: Browser,
    contexts: list[BrowserContext],
    state: dict[str, Any] | None,
    width: int,
    *,
    phone: bool,
    bypass_csp: bool = False,
) -> Page:
    context = browser.new_context(
        viewport={"width": width, "height": 740},
        device_scale_factor=2,
        is_mobile=phone,
        has_touch=phone,
        storage_state=state,  # type: ignore[arg-type]
        bypass_csp=bypass_csp,  # only to inject axe-core (tests/browser/axe.py)
    )
    contexts.append(context)
    return context.new_page()


def visit(page: Page, base: str, path: str, ids: dict[str, int], who: str | None) -> None:
    response = page.goto(base + path.format(**ids))
    assert response is not None and response.status == 200, path
    banners = page.get_by_text("You are writing as").count()
    assert banners == (0 if who is None else 1), "a personal-link session shows whose link"


@pytest.mark.parametrize("name", FAMILY_PAGES)
def test_axe_finds_nothing_serious_on_a_phone(
    browser: Browser,
    contexts: list[BrowserContext],
    live_server: str,
    states: dict[str, Any],
    ids: dict[str, int],
    name: str,
) -> None:
    path, who = FAMILY_PAGES[name]
    page = open_page(browser, contexts, states.get(who), 375, phone=True, bypass_csp=True)
    visit(page, live_server, path, ids, who)

    violations = serious_violations(page)

    assert violations == [], f"{name} at 375 px:\n{describe(violations)}"


@pytest.mark.parametrize("name", FAMILY_PAGES)
def test_every_target_is_at_least_44_by_44_on_a_phone(
    browser: Browser,
    contexts: list[BrowserContext],
    live_server: str,
    states: dict[str, Any],
    ids: dict[str, int],
    name: str,
) -> None:
    path, who = FAMILY_PAGES[name]
    page = open_page(browser, contexts, states.get(who), 375, phone=True)
    visit(page, live_server, path, ids, who)

    small = page.evaluate(MEASURE_TARGETS)

    assert small == [], f"{name}: targets under 44 x 44 px at 375 px: {small}"


@pytest.mark.parametrize("width", [640, 320], ids=["1280-at-200", "reflow-320"])
@pytest.mark.parametrize("name", FAMILY_PAGES)
def test_no_sideways_scrolling_at_200_percent_zoom(
    browser: Browser,
    contexts: list[BrowserContext],
    live_server: str,
    states: dict[str, Any],
    ids: dict[str, int],
    name: str,
    width: int,
) -> None:
    path, who = FAMILY_PAGES[name]
    page = open_page(browser, contexts, states.get(who), width, phone=width < 600)
    visit(page, live_server, path, ids, who)

    scroll_width, client_width = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )

    assert scroll_width <= client_width, (
        f"{name} at {width} CSS px scrolls sideways ({scroll_width} > {client_width}): "
        f"{page.evaluate(WIDEST)}"
    )
