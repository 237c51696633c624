"""Minutes per agenda item: written by the facilitator or the session's chair once the
session has started, saved one item at a time against the version read; participants read
them under each item on the agenda page."""

import io
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlmodel import Session

from app.agendas.models import AgendaItem
from app.community.models import LearningCommunity
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.vocabulary import Role
from tests import factories

SignIn = Callable[[Person], TestClient]


@pytest.fixture
def chair(db: Session, community: LearningCommunity) -> Person:
    person = factories.person(db, community, name="Anna de Vries")
    factories.membership(db, person, Role.chair)
    return person


@pytest.fixture
def held(db: Session, community: LearningCommunity, chair: Person) -> LearningSession:
    """A session that started an hour ago, published, chaired by Anna."""
    started = datetime.now(UTC) - timedelta(hours=1)
    return factories.learning_session(
        db,
        community,
        chair_id=chair.id,
        timezone="Europe/Amsterdam",
        starts_at=started,
        agenda_published_at=started - timedelta(days=7),
    )


@pytest.fixture
def items(db: Session, held: LearningSession) -> list[AgendaItem]:
    return [
        factories.agenda_item(db, held, position=0, title="Welcome", duration_minutes=10),
        factories.agenda_item(db, held, position=1, title="The dilemma", duration_minutes=45),
    ]


def _path(learning_session: LearningSession, item: AgendaItem | None = None) -> str:
    base = f"/sessions/{learning_session.id}/minutes"
    return base if item is None else f"{base}/{item.id}"


def _participant(db: Session, community: LearningCommunity, held: LearningSession) -> Person:
    person = factories.person(db, community)
    factories.membership(db, person, Role.practitioner, factories.initiative(db, community))
    factories.attendance(db, held, person)
    return person


def test_the_chair_saves_minutes_that_a_participant_reads_on_the_agenda_page(
    db: Session,
    community: LearningCommunity,
    held: LearningSession,
    items: list[AgendaItem],
    chair: Person,
    sign_in: SignIn,
) -> None:
    browser = sign_in(chair)
    page = browser.get(_path(held))
    assert page.status_code == 200
    assert "Welcome" in page.text and "The dilemma" in page.text
    assert page.text.index("Welcome") < page.text.index("The dilemma")
    start = held.starts_at.astimezone(ZoneInfo("Europe/Amsterdam"))
    assert f"{start:%H:%M}" in page.text
    assert f"{start + timedelta(minutes=10):%H:%M}" in page.text

    saved = browser.post(
        _path(held, items[1]),
        data={"minutes": "We agreed:\r\n- one contact person", "version": str(items[1].version)},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert saved.headers["location"].endswith(f"/minutes#minutes-{items[1].id}")
    db.refresh(items[1])
    assert items[1].minutes == "We agreed:\n- one contact person"
    assert "Saved the minutes of" in browser.get(saved.headers["location"]).text

    reader = sign_in(_participant(db, community, held))
    agenda = reader.get(f"/sessions/{held.id}/agenda")
    assert agenda.status_code == 200
    assert "- one contact person" in agenda.text
    assert reader.get(_path(held)).status_code == 403


def test_the_facilitator_opens_the_page_from_the_session_once_it_started(
    db: Session, held: LearningSession, items: list[AgendaItem], client: TestClient
) -> None:
    assert _path(held) in client.get(f"/sessions/{held.id}").text
    held.starts_at = datetime.now(UTC) + timedelta(days=3)
    db.flush()
    assert _path(held) not in client.get(f"/sessions/{held.id}").text


def test_before_the_session_the_page_says_so_and_a_save_is_refused(
    db: Session, held: LearningSession, items: list[AgendaItem], chair: Person, sign_in: SignIn
) -> None:
    held.starts_at = datetime.now(UTC) + timedelta(days=3)
    db.flush()
    browser = sign_in(chair)
    page = browser.get(_path(held))
    assert page.status_code == 200
    assert "once the session has started" in page.text
    assert 'name="minutes"' not in page.text
    refused = browser.post(
        _path(held, items[0]), data={"minutes": "Too early", "version": str(items[0].version)}
    )
    assert refused.status_code == 409
    db.refresh(items[0])
    assert items[0].minutes == ""


@pytest.mark.parametrize("role", [Role.chair, Role.policymaker])
def test_another_chair_or_a_policymaker_may_not_write_them(
    db: Session,
    community: LearningCommunity,
    held: LearningSession,
    items: list[AgendaItem],
    sign_in: SignIn,
    role: Role,
) -> None:
    other = factories.person(db, community)
    factories.membership(
        db, other, role, factories.initiative(db, community) if role is Role.policymaker else None
    )
    factories.attendance(db, held, other)
    browser = sign_in(other)
    assert browser.get(_path(held)).status_code == 403
    refused = browser.post(
        _path(held, items[0]), data={"minutes": "Mine", "version": str(items[0].version)}
    )
    assert refused.status_code == 403
    db.refresh(items[0])
    assert items[0].minutes == ""


def test_a_stale_save_shows_the_stored_minutes_and_the_typed_text(
    db: Session,
    held: LearningSession,
    items: list[AgendaItem],
    chair: Person,
    client: TestClient,
    sign_in: SignIn,
) -> None:
    read_version = str(items[0].version)
    first = client.post(
        _path(held, items[0]),
        data={"minutes": "The facilitator's notes", "version": read_version},
        follow_redirects=False,
    )
    assert first.status_code == 303
    stale = sign_in(chair).post(
        _path(held, items[0]), data={"minutes": "The chair's own notes", "version": read_version}
    )
    assert stale.status_code == 409
    assert "The facilitator&#39;s notes" in stale.text
    assert "The chair&#39;s own notes" in stale.text
    db.refresh(items[0])
    assert items[0].minutes == "The facilitator's notes"
    # The form now carries the stored version: saving again applies the typed text.
    assert f'name="version" value="{items[0].version}"' in stale.text


def test_over_long_minutes_are_refused_next_to_the_field_and_kept(
    db: Session, held: LearningSession, items: list[AgendaItem], client: TestClient
) -> None:
    text = "a" * 20_001
    refused = client.post(
        _path(held, items[0]), data={"minutes": text, "version": str(items[0].version)}
    )
    assert refused.status_code == 422
    assert "under 20000 characters" in refused.text
    assert f"minutes-{items[0].id}-minutes-error" in refused.text
    assert text in refused.text
    db.refresh(items[0])
    assert items[0].minutes == ""
    kept = client.post(
        _path(held, items[0]),
        data={"minutes": "b" * 20_000, "version": str(items[0].version)},
        follow_redirects=False,
    )
    assert kept.status_code == 303
    db.refresh(items[0])
    assert items[0].minutes == "b" * 20_000


def test_with_htmx_only_the_items_form_comes_back_with_a_saved_status(
    db: Session, held: LearningSession, items: list[AgendaItem], client: TestClient
) -> None:
    saved = client.post(
        _path(held, items[1]),
        data={"minutes": "Short and clear", "version": str(items[1].version)},
        headers={"HX-Request": "true"},
    )
    assert saved.status_code == 200
    assert saved.text.lstrip().startswith(f'<form method="post" action="{_path(held, items[1])}"')
    assert "<html" not in saved.text and "Welcome" not in saved.text
    assert "Short and clear" in saved.text
    assert '<span role="status" class="muted">Saved</span>' in saved.text
    db.refresh(items[1])
    assert f'name="version" value="{items[1].version}"' in saved.text
    assert items[1].minutes == "Short and clear"


def test_minutes_are_shown_escaped(
    db: Session,
    community: LearningCommunity,
    held: LearningSession,
    items: list[AgendaItem],
    client: TestClient,
    sign_in: SignIn,
) -> None:
    script = "<script>alert(1)</script>"
    client.post(
        _path(held, items[0]),
        data={"minutes": script, "version": str(items[0].version)},
        follow_redirects=False,
    )
    db.refresh(items[0])
    assert items[0].minutes == script
    for page in (
        client.get(_path(held)),
        sign_in(_participant(db, community, held)).get(f"/sessions/{held.id}/agenda"),
    ):
        assert script not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_the_agenda_page_shows_no_minutes_before_the_session(
    db: Session, held: LearningSession, items: list[AgendaItem], client: TestClient
) -> None:
    items[0].minutes = "Written ahead"
    held.starts_at = datetime.now(UTC) + timedelta(days=3)
    db.flush()
    assert "Written ahead" not in client.get(f"/sessions/{held.id}/agenda").text


def test_the_agenda_pdf_of_a_held_session_carries_its_minutes(
    db: Session, community: LearningCommunity, client: TestClient
) -> None:
    held = factories.learning_session(
        db, community, starts_at=datetime(2026, 6, 18, 11, 30, tzinfo=UTC), status="held"
    )
    factories.agenda_item(
        db, held, position=0, title="Dilemma round", minutes="Agreed: one contact per family."
    )
    pdf = client.get(f"/sessions/{held.id}/agenda.pdf")
    assert pdf.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Agreed: one contact per family." in text


def test_the_time_an_item_took_is_saved_and_shown_on_the_agenda(
    db: Session,
    community: LearningCommunity,
    held: LearningSession,
    items: list[AgendaItem],
    client: TestClient,
    sign_in: SignIn,
) -> None:
    saved = client.post(
        _path(held, items[1]),
        data={"minutes": "Agreed", "actual_minutes": " 55 ", "version": str(items[1].version)},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    db.refresh(items[1])
    assert items[1].actual_minutes == 55
    assert 'name="actual_minutes" type="number" value="55"' in client.get(_path(held)).text
    agenda = sign_in(_participant(db, community, held)).get(f"/sessions/{held.id}/agenda")
    assert "took 55 of 45 minutes" in agenda.text
    # Emptied: not recorded any more.
    client.post(
        _path(held, items[1]),
        data={"minutes": "Agreed", "actual_minutes": "", "version": str(items[1].version)},
    )
    db.refresh(items[1])
    assert items[1].actual_minutes is None


@pytest.mark.parametrize("typed", ["-5", "601", "half an hour", "1.5"])
def test_an_unreadable_time_is_refused_next_to_its_field_and_the_minutes_kept(
    db: Session, held: LearningSession, items: list[AgendaItem], client: TestClient, typed: str
) -> None:
    refused = client.post(
        _path(held, items[0]),
        data={"minutes": "Typed text", "actual_minutes": typed, "version": str(items[0].version)},
    )
    assert refused.status_code == 422
    assert f"minutes-{items[0].id}-actual_minutes-error" in refused.text
    assert "whole number of minutes" in refused.text
    assert "Typed text" in refused.text
    db.refresh(items[0])
    assert (items[0].minutes, items[0].actual_minutes) == ("", None)
