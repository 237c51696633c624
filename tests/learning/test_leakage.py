"""Issue 16's leakage test: for every page, fragment, chart and export of learning between
initiatives, a policymaker of initiative A finds none of initiative B's draft sentences, nor
B's unreleased self-assessment notes.

The routes are read from the app (every GET under the issue's paths), so a new page of the
issue is covered the day it is added, or fails here for a path parameter this test cannot
fill. A positive control publishes the draft: the same pages then show it, so the test can
see a leak when there is one.
"""

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import product

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.community.models import LearningCommunity
from app.factsheets import service as factsheet_service
from app.factsheets.schemas import SectionUpdate
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.routing import iter_routes
from app.self_assessment.models import SelfAssessment, SelfAssessmentRelease
from app.vocabulary import FactsheetStatus, PartnershipCondition, Role, SessionStatus, Trend
from tests import factories
from tests.monitoring.world import indicator

SignIn = Callable[[Person], TestClient]
# Unique words, so a hit can only come from the draft or the unreleased note.
DRAFT = "Zebracrossing funders quietly withdrew in October"
DRAFT_REASON = "Quokka reasons the draft gives"
NOTE = "Narwhal note nobody outside B may read"
PUBLISHED = "The municipal lump sum covers the team until 2027."
# The pages: every GET whose path starts with one of these.
PREFIXES = (
    "/community/overview",
    "/community/profiles",
    "/community/compare",
    "/community/exports",
    "/indicators",
    "/initiatives/{initiative_id}/indicators",
    "/initiatives/{initiative_id}/profile",
    "/initiatives/{initiative_id}/self-assessment",
)


@dataclass
class World:
    a: Initiative
    b: Initiative
    policymaker_a: Person
    held: LearningSession
    next_session: LearningSession
    draft_id: int
    indicator_id: int


def _section(db: Session, factsheet_id: int, condition: PartnershipCondition, text: str) -> None:
    factsheet = factsheet_service.get_factsheet(db=db, factsheet_id=factsheet_id)
    factsheet_service.update_section(
        db=db,
        factsheet=factsheet,
        condition=condition,
        data=SectionUpdate(
            version=1,
            analysis=text,
            facilitators=text,
            barriers=text,
            plain_text=text,
            plain_confirmed=True,
            trend=Trend.worse,
            trend_reason=DRAFT_REASON if text == DRAFT else "Steady since last time.",
        ),
    )


@pytest.fixture
def w(db: Session, community: LearningCommunity, facilitator: Person) -> World:
    a = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    b = factories.initiative(db, community, name="Wijkexpertteam Zwolle-Kampen")
    policymaker_a = factories.person(db, community, name="Annet Beleid")
    factories.membership(db, policymaker_a, Role.policymaker, a)
    practitioner_b = factories.person(db, community, name="Bas Praktijk")
    factories.membership(db, practitioner_b, Role.practitioner, b)
    held = factories.learning_session(
        db,
        community,
        number=1,
        status=SessionStatus.held,
        starts_at=datetime(2026, 10, 1, 12, 0, tzinfo=UTC),
    )
    next_session = factories.learning_session(
        db, community, number=2, starts_at=datetime(2027, 1, 21, 12, 0, tzinfo=UTC)
    )
    for initiative in (a, b):
        published = factsheet_service.start_draft(
            db=db, initiative=initiative, learning_session=held
        )
        for condition in PartnershipCondition:
            _section(db, published.id or 0, condition, PUBLISHED)
        for status in (FactsheetStatus.in_review, FactsheetStatus.published):
            factsheet_service.change_status(db=db, factsheet=published, status=status)
    # B's newer version of session 1 and its session-2 draft hold the draft sentence.
    newer = factsheet_service.start_draft(db=db, initiative=b, learning_session=held)
    upcoming = factsheet_service.start_draft(db=db, initiative=b, learning_session=next_session)
    for draft in (newer, upcoming):
        for condition in PartnershipCondition:
            _section(db, draft.id or 0, condition, DRAFT)
    for session_ in (held, next_session):
        for condition in PartnershipCondition:
            db.add(
                SelfAssessment(
                    session_id=session_.id or 0,
                    initiative_id=b.id or 0,
                    person_id=practitioner_b.id,
                    role=Role.practitioner,
                    condition=condition,
                    level=2,
                    note=NOTE,
                )
            )
    factories.good_practice(db, b, session_id=held.id, condition=PartnershipCondition.financing)
    b_indicator = indicator(db, b, values=(3, 4, 5))
    db.flush()
    return World(a, b, policymaker_a, held, next_session, newer.id or 0, b_indicator.id or 0)


def _routes(app: FastAPI) -> list[str]:
    return sorted(
        route.path
        for route in iter_routes(app)
        if "GET" in route.methods and route.path.startswith(PREFIXES)
    )


def _urls(path: str, w: World) -> Iterator[str]:
    """Every way to fill the path, with the query strings the issue's pages read."""
    values: dict[str, list[str]] = {
        "initiative_id": [str(w.a.id), str(w.b.id)],
        "session_id": [str(w.held.id), str(w.next_session.id)],
        "condition": [c.value for c in PartnershipCondition],
        "indicator_id": [str(w.indicator_id)],
        "kind": ["evidence", "reflections", "actions", "attendance", "evaluations", "indicators"],
        "fmt": ["csv", "json"],
    }
    names = re.findall(r"\{(\w+)\}", path)
    unknown = [name for name in names if name not in values]
    assert not unknown, f"{path}: add values for {unknown} to this test"
    queries = [""]
    for session_id in values["session_id"]:
        queries.append(f"session_id={session_id}")
        queries.append(
            f"session_id={session_id}&condition=financing&initiative={w.a.id}&initiative={w.b.id}"
        )
    queries.append(f"name=Families with one plan&initiative_id={w.b.id}")
    for filled in product(*(values[name] for name in names)):
        url = path
        for name, value in zip(names, filled, strict=True):
            url = url.replace("{" + name + "}", value, 1)
        for query in queries:
            yield f"{url}?{query}" if query else url


def _texts(response: object) -> str:
    content: bytes = response.content  # type: ignore[attr-defined]
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return content.decode("utf-8", "replace")


def _seen(client: TestClient, app: FastAPI, w: World) -> dict[str, str]:
    """Every URL's text, as a page and as an htmx fragment."""
    seen: dict[str, str] = {}
    for path in _routes(app):
        for url in _urls(path, w):
            for headers in ({}, {"HX-Request": "true"}):
                response = client.get(url, headers=headers)
                assert response.status_code < 500, url
                seen[f"{url} {headers}"] = _texts(response)
    return seen


def test_a_policymaker_of_another_initiative_never_reads_a_draft_or_an_unreleased_note(
    sign_in: SignIn, app: FastAPI, db: Session, w: World
) -> None:
    routes = _routes(app)
    for expected in ("/community/overview", "/community/compare", "/community/profiles"):
        assert expected in routes
    policymaker = sign_in(w.policymaker_a)

    seen = _seen(policymaker, app, w)

    leaks = sorted(
        url for url, text in seen.items() if DRAFT in text or DRAFT_REASON in text or NOTE in text
    )
    assert leaks == []
    # The pages did show B's published section: what was left out was only the draft.
    assert any(PUBLISHED in text for url, text in seen.items() if "overview/" in url)

    # The positive control: once published (and released), the same pages show them.
    newer = factsheet_service.get_factsheet(db=db, factsheet_id=w.draft_id)
    for status in (FactsheetStatus.in_review, FactsheetStatus.published):
        factsheet_service.change_status(db=db, factsheet=newer, status=status)
    db.flush()
    for session_ in (w.held, w.next_session):
        db.add(
            SelfAssessmentRelease(
                session_id=session_.id or 0,
                initiative_id=w.b.id or 0,
                released_at=datetime.now(UTC),
            )
        )
    db.flush()
    shown = _seen(policymaker, app, w)
    assert any(DRAFT in text for url, text in shown.items() if "/community/overview/" in url)
    assert any(DRAFT in text for url, text in shown.items() if "/community/compare" in url)
    assert any(DRAFT_REASON in text for text in shown.values())
    assert any(NOTE in text for url, text in shown.items() if "self-assessment" in url)
