"""The facilitator's walk through a learning community, in one browser, as issue 4 accepts it."""

import re

from playwright.sync_api import Page, expect

from tests.browser.axe import ROLE_EMAILS, sign_in

FAMILY_MEMBER = "Yara El Amrani"
DEMO_INITIATIVE = "Gezinsteam Plus Leidse Regio"


def visit(page: Page, url: str) -> None:
    """Open ``url``; a page that does not answer 200 fails the test."""
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url}: {response and response.status}"


def test_facilitator_builds_a_session_from_initiative_to_attendance(
    page: Page, live_server: str
) -> None:
    sign_in(page, live_server, ROLE_EMAILS["facilitator"])

    # An initiative: the invalid form says what is wrong next to the field, the valid one saves.
    page.goto(f"{live_server}/initiatives/new")
    page.get_by_role("button", name="Create initiative").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("#name-error")).to_be_visible()
    expect(page.get_by_label("Name", exact=True)).to_have_attribute("aria-invalid", "true")

    page.get_by_label("Name", exact=True).fill("Buurtgezinsteam Delft")
    page.get_by_label("Target group").fill(
        "Families in Delft where parenting, debts and a parent's mental health meet."
    )
    page.get_by_label("Municipalities").fill("Delft")
    page.get_by_label("Team disciplines").fill("youth care, adult mental health, debt counselling")
    page.get_by_label("Funding arrangement").select_option(index=1)
    page.get_by_label("Monitoring approach").fill("Goal attainment per family, every quarter.")
    page.get_by_role("button", name="Create initiative").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Buurtgezinsteam Delft")

    # A person, then a role for them: family representative of the whole learning community.
    page.goto(f"{live_server}/people/new")
    page.get_by_label("Name", exact=True).fill(FAMILY_MEMBER)
    page.get_by_label("Organisation").fill("Family panel of the learning community")
    page.get_by_label("Email address").fill("yara.elamrani@delft.example")
    page.get_by_label("Preferred format").select_option(index=1)
    page.get_by_role("button", name="Add person").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(FAMILY_MEMBER)

    roles = page.locator("#roles")
    roles.get_by_label("Initiative", exact=True).select_option(label="Whole learning community")
    roles.get_by_label("Role", exact=True).select_option("family_representative")
    roles.get_by_label("Perspective").select_option("family")
    roles.get_by_label("Level of integration").select_option("clinical")
    roles.get_by_role("button", name="Add role").click()
    expect(page.locator("#roles table")).to_contain_text("Family representative")

    # A session that has already taken place, so that attendance can be recorded afterwards.
    page.goto(f"{live_server}/sessions/new")
    page.get_by_label("Session number").fill("9")
    page.get_by_label("Date", exact=True).fill("2026-02-05")
    page.get_by_label("Start time").fill("13:30")
    page.get_by_label("Place").fill("Stadskantoor Delft")
    page.get_by_label("Focus").fill("Roles and responsibilities around one family plan.")
    page.get_by_label("Chair").select_option(label="Marjolein van Dijk")
    page.get_by_role("button", name="Schedule session").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Session 9")
    session_url = page.url.split("#")[0]

    # Invite: the practitioners of every initiative, then the family representative.
    composition = page.locator("#composition")
    family = composition.locator(".presence-family")
    expect(family).to_contain_text("nobody invited yet")
    expect(page.locator(".shortfalls")).to_contain_text("No family representative invited")

    invite_by_role = composition.locator("form", has_text="Invite by initiative and role")
    invite_by_role.get_by_label("Initiative", exact=True).select_option("all")
    invite_by_role.get_by_label("Role", exact=True).select_option("practitioner")
    invite_by_role.get_by_role("button", name="Invite everyone who matches").click()
    expect(composition.get_by_role("status")).to_contain_text("Invited")

    composition = page.locator("#composition")
    composition.get_by_label("Family representative to invite").select_option(label=FAMILY_MEMBER)
    composition.get_by_role("button", name="Invite a family representative").click()
    family = page.locator("#composition .presence-family")
    expect(family).not_to_contain_text("nobody invited yet")
    expect(family).to_contain_text("invited")
    expect(family).not_to_have_class(re.compile(r"\bwarning\b"))

    page.goto(session_url)  # the status panel lists what is missing; the family is not
    expect(page.locator("#composition .presence-family")).to_contain_text("invited")
    expect(page.locator("body")).not_to_contain_text("No family representative invited")

    # Attendance, and the session page shows it.
    page.get_by_role("link", name="Record attendance").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Attendance at session 9")
    page.get_by_role("checkbox", name=FAMILY_MEMBER).check()
    page.get_by_role("button", name="Save attendance").click()
    participant = page.locator("#participants li", has_text=FAMILY_MEMBER)
    expect(participant).to_contain_text("attended")
    expect(page.locator("#participants li", has_text="absent").first).to_be_visible()


def test_recorded_attendance_changes_the_continuity_grid(page: Page, live_server: str) -> None:
    sign_in(page, live_server, ROLE_EMAILS["facilitator"])
    visit(page, f"{live_server}/continuity")

    # Demo session 2 was held (the grid links to it); toggle the first participant's attendance.
    grid_head = page.locator("table.continuity-grid thead")
    session_path = grid_head.get_by_role("link", name="Session 2", exact=True).get_attribute("href")
    assert session_path and re.fullmatch(r"/sessions/\d+", session_path), session_path
    attendance_url = f"{live_server}{session_path}/attendance"
    visit(page, attendance_url)
    checkbox = page.get_by_role("checkbox").first
    person = page.locator(f"label[for='{checkbox.get_attribute('id')}']").inner_text()
    person = person.split(" (")[0].strip()
    now_attended = not checkbox.is_checked()

    def cell_text() -> str:
        page.goto(f"{live_server}/continuity")
        headers = page.locator("table.continuity-grid thead th")
        column = next(
            index
            for index in range(headers.count())
            if headers.nth(index).inner_text().strip() == "Session 2"
        )
        row = page.locator(
            "table.continuity-grid tbody tr", has=page.get_by_role("link", name=person, exact=True)
        ).first
        return row.locator("th, td").nth(column).inner_text()

    before = cell_text()
    visit(page, attendance_url)
    page.get_by_role("checkbox").first.set_checked(now_attended)
    page.get_by_role("button", name="Save attendance").click()
    after = cell_text()

    assert after != before, f"the grid's cell for {person} in session 2 did not change: {after!r}"
    assert ("attended" if now_attended else "absent") in after


def test_practitioner_submits_a_dilemma_the_chair_sees(page: Page, live_server: str) -> None:
    sign_in(page, live_server, ROLE_EMAILS["practitioner"])
    # The practitioner's initiative, as the home page links to it.
    page.get_by_role("link", name=DEMO_INITIATIVE, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(DEMO_INITIATIVE)
    page.get_by_role("link", name="Submit a dilemma or good practice").click()
    expect(page).to_have_url(re.compile(r"/initiatives/\d+/contributions/new$"))

    page.get_by_label("Dilemma").check()
    page.get_by_label("Title", exact=True).fill("Who holds the family plan when the GP steps out?")
    page.get_by_label("Description").fill(
        "The general practitioner left the team; nobody now signs off the medication part."
    )
    page.get_by_label("Partnership condition").select_option(index=1)
    page.get_by_label("Level of integration").select_option(index=1)
    session_choice = page.get_by_label("Learning session")
    session_choice.select_option(index=1)
    session_id = session_choice.input_value()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("alert")).to_have_count(0)

    page.context.clear_cookies()
    sign_in(page, live_server, ROLE_EMAILS["chair"])
    visit(page, f"{live_server}/sessions/{session_id}/contributions")
    expect(page.get_by_role("main")).to_contain_text(
        "Who holds the family plan when the GP steps out?"
    )
