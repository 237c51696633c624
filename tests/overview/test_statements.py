"""The overview, the all-sessions view and a cell send the same SQL statements for the
demo's five initiatives as after 1,000 generated ones (app.demo.scale)."""

from sqlmodel import Session

from app.demo import content
from app.demo.scale import scale_community
from tests.helpers import counted_statements
from tests.overview.world import SignIn, demo, person


def test_the_statement_count_does_not_grow_with_the_number_of_initiatives(
    db: Session, sign_in: SignIn
) -> None:
    ids = demo(db)
    browser = sign_in(person(db, content.POLICYMAKER_LEIDEN))
    cell = f"/community/overview/{ids['tilburg']}/financing"
    pages = [
        "/community/overview",
        f"/community/overview?session_id={ids['session_2']}",
        "/community/overview/all-sessions",
        f"{cell}?session_id={ids['session_2']}",
        cell,
    ]

    def counts() -> dict[str, int]:
        found = {}
        for page in pages:
            browser.get(page)  # the session's "last seen" write goes first
            with counted_statements(db) as statements:
                assert browser.get(page).status_code == 200
            found[page] = len(statements)
        return found

    demo_size = counts()
    scale_community(db, initiatives=1000)
    large = counts()

    assert large == demo_size
    assert max(demo_size.values()) <= 15
    # The large community really shows: 1,005 initiatives, 50 to a page.
    html = browser.get("/community/overview").text
    assert "All 1005 initiatives" in html
    assert html.count('<th scope="row">') == 50 + 1
