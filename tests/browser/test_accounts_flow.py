"""Accounts in a real browser: invite, set a password from the outbox, see what the role allows."""

import re
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Page, expect

DEMO_PASSWORD = "leerkring-demo-2026"


def sign_in(page: Page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_invite_a_policymaker_who_then_sees_only_what_the_role_allows(
    page: Page, live_server: str
) -> None:
    sign_in(page, live_server, "facilitator@demo.leerkring.nl", DEMO_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Leerkring")

    page.get_by_role("link", name="Invitations", exact=True).click()
    page.get_by_label("Name").fill("Eva de Boer")
    page.get_by_label("Email address").fill("eva.deboer@leiden.example")
    page.get_by_label("Role").select_option("policymaker")
    page.get_by_label("Initiative").select_option(label="Gezinsteam Plus Leidse Regio")
    page.get_by_label("Perspective").select_option("local_government")
    page.get_by_label("Level of integration").select_option("system")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_role("status")).to_contain_text("The invitation has been written")

    page.get_by_role("link", name="Outbox", exact=True).click()
    message = page.locator("tr", has_text="eva.deboer@leiden.example").first
    link = re.search(r"https?://\S+/set-password/[\w-]+", message.inner_text())
    assert link, "the outbox message has no set-password link"

    page.context.clear_cookies()
    page.goto(link.group(0))
    page.get_by_label("New password", exact=True).fill("beleid-in-leiden-2027")
    page.get_by_label("Repeat the new password").fill("beleid-in-leiden-2027")
    page.get_by_role("button", name="Save password and sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Leerkring")

    # A policymaker: no facilitator pages in the navigation, and 403 when typed in.
    expect(page.get_by_role("link", name="Invitations", exact=True)).to_have_count(0)
    response = page.goto(f"{live_server}/community/audit")
    assert response is not None and response.status == 403
    response = page.goto(f"{live_server}/api/v1/people")
    assert response is not None and response.status == 403

    page.context.clear_cookies()
    sign_in(page, live_server, "eva.deboer@leiden.example", "beleid-in-leiden-2027")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Leerkring")


def test_family_representative_opens_a_personal_link_on_a_phone(
    phone: Page, live_server: str, live_database_url: str
) -> None:
    issued = subprocess.run(
        [
            str(Path(sys.executable).parent / "leerkring"),
            "access-links",
            "--issue",
            "family@demo.leerkring.nl",
            "--base-url",
            live_server,
        ],
        capture_output=True,
        text=True,
        check=True,
        env={"LEERKRING_DATABASE_URL": live_database_url, "PATH": "/usr/bin:/bin"},
    )
    link = re.search(r"https?://\S+/access/[\w-]+", issued.stdout)
    assert link, issued.stdout + issued.stderr

    phone.goto(link.group(0))

    # Opening the link only shows a button (mail scanners open links too); pressing it signs in.
    button = phone.get_by_role("button", name=re.compile(r"^Continue as "))
    expect(button).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the link's page is {width}px wide on a 375px phone"
    box = button.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 300  # easy to tap
    button.click()

    assert "/access/" not in phone.url  # the token left the address bar
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page is {width}px wide on a 375px phone"
    expect(phone.get_by_role("link", name="Invitations")).to_have_count(0)
