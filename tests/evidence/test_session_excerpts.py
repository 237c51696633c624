"""Evidence from a session: a discussed reflection with its author's evidence consent, or an
excerpt of an item's minutes, becomes a learning-session excerpt with its origin; never
without consent, never with the author's name."""

from collections.abc import Callable
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.evidence.models import EvidenceItem, EvidenceOrigin
from app.evidence.session_excerpts import NAME_REPLACEMENT, without_name
from app.people.models import Person
from app.reflections import consent
from app.reflections.models import Reflection, ReflectionFollowUp
from app.vocabulary import EvidenceSource, Perspective, Role
from tests import factories
from tests.reflections.reading_world import ReadingWorld, reading_world, reflection

SignIn = Callable[[Person], TestClient]
TEXT = (
    "I am Ingrid Smit and nobody showed me a figure about my own family. "
    "Ingrid wants to see the results first, says ingrid."
)


@pytest.fixture
def world(db: Session, facilitator: Person) -> ReadingWorld:
    w = reading_world(db, facilitator)
    researcher = factories.person(db, w.community, name="Femke Bakker")
    factories.membership(db, researcher, Role.practitioner_researcher, w.own)
    factories.attendance(db, w.session, researcher)
    w.people["researcher"] = researcher
    return w


def _discussed(db: Session, w: ReadingWorld, *, evidence_consent: bool) -> Reflection:
    item = factories.agenda_item(db, w.session, position=1, title="Exchange on monitoring")
    written = reflection(
        db,
        w.session,
        w.people["family"],
        perspective=Perspective.family,
        text=TEXT,
        evidence_consent=evidence_consent,
    )
    db.add(ReflectionFollowUp(reflection_id=written.id, discussed_in_item_id=item.id))
    db.flush()
    return written


def _path(w: ReadingWorld, written: Reflection) -> str:
    return f"/sessions/{w.session.id}/evidence/reflections/{written.id}"


def _stored(db: Session) -> tuple[int, int]:
    db.expire_all()
    items = db.exec(select(func.count()).select_from(EvidenceItem)).one()
    origins = db.exec(select(func.count()).select_from(EvidenceOrigin)).one()
    return items, origins


def _form(w: ReadingWorld) -> dict[str, str]:
    return {"initiative_id": str(w.own.id), "conditions": "monitoring", "level": "organisational"}


def test_a_consented_discussed_reflection_becomes_anonymised_evidence(
    db: Session, world: ReadingWorld, sign_in: SignIn
) -> None:
    written = _discussed(db, world, evidence_consent=True)
    browser = sign_in(world.people["researcher"])
    grouped = browser.get(f"/sessions/{world.session.id}/reflections").text
    assert f'href="{_path(world, written)}"' in grouped and "Use as evidence" in grouped
    form = browser.get(_path(world, written))
    assert form.status_code == 200
    assert "Ingrid" not in form.text.split("<h2>")[1].split("</blockquote>")[0]
    saved = browser.post(_path(world, written), data=_form(world), follow_redirects=False)
    assert saved.status_code == 303
    db.expire_all()
    item = db.exec(select(EvidenceItem)).one()
    assert item.source == EvidenceSource.learning_session_excerpt
    assert item.perspective == Perspective.family
    assert item.observed_on == date(2027, 1, 21)  # the session's day
    assert item.quote_consent
    assert item.initiative_id == world.own.id
    assert "ingrid" not in item.excerpt.lower() and "smit" not in item.excerpt.lower()
    assert "nobody showed me a figure about my own family" in item.excerpt
    origin = db.get(EvidenceOrigin, item.id)
    assert origin is not None
    assert (origin.session_id, origin.reflection_id) == (world.session.id, written.id)
    # The same excerpt twice is one item; the session's evidence page says it is used.
    browser.post(_path(world, written), data=_form(world))
    assert _stored(db) == (1, 1)
    hub = browser.get(f"/sessions/{world.session.id}/evidence").text
    assert "Recorded as evidence already" in hub


def test_without_consent_it_is_not_offered_and_a_forged_post_stores_nothing(
    db: Session, world: ReadingWorld, sign_in: SignIn
) -> None:
    written = _discussed(db, world, evidence_consent=False)
    for key in ("researcher", "facilitator"):
        browser = sign_in(world.people[key])
        grouped = browser.get(f"/sessions/{world.session.id}/reflections").text
        assert "Use as evidence" not in grouped
        hub = browser.get(f"/sessions/{world.session.id}/evidence").text
        assert _path(world, written) not in hub
        assert browser.get(_path(world, written)).status_code == 403
        forged = browser.post(_path(world, written), data=_form(world))
        assert forged.status_code == 403
        assert "has not allowed this reflection to be used as evidence" in forged.text
    assert _stored(db) == (0, 0)


def test_consent_withdrawn_since_is_refused(
    db: Session, world: ReadingWorld, sign_in: SignIn
) -> None:
    written = _discussed(db, world, evidence_consent=True)
    consent.record_consent(
        db=db,
        person_id=world.people["family"].id or 0,
        read_by_participants=True,
        quoted_as_evidence=False,
    )
    refused = sign_in(world.people["facilitator"]).post(_path(world, written), data=_form(world))
    assert refused.status_code == 403
    assert _stored(db) == (0, 0)


def test_an_undiscussed_reflection_waits_for_the_discussion(
    db: Session, world: ReadingWorld, sign_in: SignIn
) -> None:
    written = reflection(
        db, world.session, world.people["family"], text=TEXT, evidence_consent=True
    )
    refused = sign_in(world.people["facilitator"]).post(_path(world, written), data=_form(world))
    assert refused.status_code == 422
    assert "Mark the reflection as discussed in the session first." in refused.text
    assert _stored(db) == (0, 0)


def test_a_minutes_excerpt_is_picked_and_edited_before_saving(
    db: Session, world: ReadingWorld, sign_in: SignIn
) -> None:
    item = factories.agenda_item(
        db,
        world.session,
        position=2,
        title="Dilemma",
        minutes="Pieter said the form is too long. Families want one plan.",
    )
    browser = sign_in(world.people["researcher"])
    path = f"/sessions/{world.session.id}/evidence/items/{item.id}"
    form = browser.get(path).text
    assert ">Pieter said the form is too long. Families want one plan.</textarea>" in form
    empty = browser.post(path, data={**_form(world), "excerpt": "  "})
    assert empty.status_code == 422 and 'id="excerpt-error"' in empty.text
    saved = browser.post(
        path,
        data={**_form(world), "excerpt": "Families want one plan.", "perspective": "professional"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    db.expire_all()
    stored = db.exec(select(EvidenceItem)).one()
    assert stored.excerpt == "Families want one plan."
    assert not stored.quote_consent
    origin = db.get(EvidenceOrigin, stored.id)
    assert origin is not None and origin.agenda_item_id == item.id and origin.reflection_id is None


def test_only_those_who_record_evidence_and_only_for_their_initiative(
    db: Session, world: ReadingWorld, sign_in: SignIn
) -> None:
    written = _discussed(db, world, evidence_consent=True)
    for key in ("practitioner", "chair", "family"):
        browser = sign_in(world.people[key])
        assert browser.get(f"/sessions/{world.session.id}/evidence").status_code == 403
        assert browser.post(_path(world, written), data=_form(world)).status_code == 403
    other = {**_form(world), "initiative_id": str(world.other.id)}
    refused = sign_in(world.people["researcher"]).post(_path(world, written), data=other)
    assert refused.status_code == 422
    assert 'id="initiative_id-error"' in refused.text
    assert _stored(db) == (0, 0)


def test_the_name_is_taken_out_whole_words_in_any_case() -> None:
    cleaned = without_name("Ingrid Smit said: INGRID knows. Smitty stays.", "Ingrid Smit")
    assert cleaned == f"{NAME_REPLACEMENT} said: {NAME_REPLACEMENT} knows. Smitty stays."
