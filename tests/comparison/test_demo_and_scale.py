"""The demo's comparison (candidates and two confirmed links, in English and Dutch) and the
statement count of the compare page, the same for the demo and a community many times larger."""

import time
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.comparison.models import PracticeLink
from app.demo import content
from app.demo.scale import scale_community
from app.demo.seed import seed_demo
from app.initiatives.models import Initiative
from app.people.models import Person
from tests.helpers import counted_statements

SignIn = Callable[[Person], TestClient]
# The generated community: 1,000 initiatives (about 10 s to generate on SQLite).
SCALE = 1000


def _demo_ids(db: Session) -> dict[str, int]:
    return {
        name: initiative_id or 0
        for initiative_id, name in db.exec(select(Initiative.id, Initiative.name)).all()
    }


def _path(ids: dict[str, int], condition: str, *names: str) -> str:
    chosen = "&".join(f"initiative={ids[name]}" for name in names)
    return f"/community/compare?condition={condition}&{chosen}"


TILBURG = "Huis van het Gezin Tilburg"
ZWOLLE = "Wijkexpertteam Zwolle-Kampen"
LEIDEN = "Gezinsteam Plus Leidse Regio"
DRECHTSTEDEN = "Samen1Plan Drechtsteden"
GRONINGEN = "IST Groningen-Ommelanden"


def test_the_demo_has_candidates_and_two_confirmed_links(sign_in: SignIn, db: Session) -> None:
    seed_demo(db, invitations=False)
    assert len(db.exec(select(PracticeLink)).all()) == 2
    ids = _demo_ids(db)
    policymaker = db.exec(select(Person).where(Person.email == content.POLICYMAKER_ZWOLLE)).one()
    page = sign_in(policymaker).get(_path(ids, "financing", TILBURG, ZWOLLE))
    assert page.status_code == 200
    assert "Financing in session 2" in page.text
    assert "good practice “One budget from the municipalities and the insurer” addresses" in (
        page.text
    )
    assert "Zwolle-Kampen&#39;s pilot fund ends before structural funding is decided." in page.text
    roles = sign_in(policymaker).get(_path(ids, "roles", DRECHTSTEDEN, LEIDEN)).text
    assert "“The family chooses its coordinator” addresses" in roles
    facilitator = db.exec(select(Person).where(Person.email == content.FACILITATOR)).one()
    every = _path(ids, "roles", LEIDEN, DRECHTSTEDEN, GRONINGEN, TILBURG)
    assert sign_in(facilitator).get(every).text.count("may address") >= 3


def test_the_dutch_demo_links_in_dutch(sign_in: SignIn, db: Session) -> None:
    seed_demo(db, language="nl", invitations=False)
    reasons = [link.reason for link in db.exec(select(PracticeLink)).all()]
    assert any(reason.startswith("Het pilotfonds van Zwolle-Kampen") for reason in reasons)


def test_the_page_sends_the_same_statements_for_a_community_many_times_larger(
    sign_in: SignIn, db: Session
) -> None:
    seed_demo(db, invitations=False)
    ids = _demo_ids(db)
    facilitator = db.exec(select(Person).where(Person.email == content.FACILITATOR)).one()
    browser = sign_in(facilitator)
    paths = [
        _path(ids, "financing", TILBURG, ZWOLLE, LEIDEN, GRONINGEN),
        _path(ids, "roles", DRECHTSTEDEN, LEIDEN),
    ]

    def measure() -> list[tuple[int, float]]:
        figures = []
        for path in paths:
            browser.get(path)  # the session's "last used" write happens once, not in the count
            with counted_statements(db) as statements:
                start = time.perf_counter()
                page = browser.get(path)
                elapsed = time.perf_counter() - start
            assert page.status_code == 200
            figures.append((len(statements), elapsed))
        return figures

    small = measure()
    scale_community(db, initiatives=SCALE)
    assert len(db.exec(select(Initiative.id)).all()) == 5 + SCALE
    large = measure()
    assert [count for count, _ in small] == [count for count, _ in large]
    # The form lists every initiative; the comparison itself reads only the chosen ones.
    page = browser.get(paths[0])
    newest = db.exec(select(Initiative.id).order_by(col(Initiative.id).desc())).first()
    assert f'id="initiative-{newest}"' in page.text
    print("compare page statements and ms (demo, scaled):", small, large)
