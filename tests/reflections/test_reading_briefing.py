"""The chair's briefing pack holds the reflections after their deadline: submitted, not
hidden, not private, grouped by question, anonymised where the author chose, as text."""

import io
from datetime import UTC, date, datetime

from pypdf import PdfReader
from sqlmodel import Session

from app.agendas import documents
from app.auth.principal import Principal
from app.people.models import Person
from app.reflections import reading
from app.vocabulary import PartnershipCondition, Perspective, ReflectionVisibility, Role
from tests.reflections.reading_world import XSS, question, reading_world, reflection


def _text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def _chair(person: Person) -> Principal:
    return Principal(
        account_id=0,
        person_id=person.id or 0,
        community_id=person.community_id,
        name=person.name,
        email=person.email,
        community_roles=frozenset({Role.chair}),
    )


def _reflections_part(text: str) -> str:
    """The briefing's reflections chapter, up to the next one (who is coming)."""
    start = text.index("Reflections written in advance")
    return text[start : text.index("Who is coming", start)]


def test_after_the_deadline_the_briefing_holds_the_reflections_anonymised_as_text(
    db: Session, facilitator: Person
) -> None:
    w = reading_world(db, facilitator)
    w.session.reflection_deadline = date(2026, 11, 20)
    db.add(w.session)
    asked = question(db, w, PartnershipCondition.roles, text="Who is the family's contact?")
    reflection(
        db,
        w.session,
        w.people["family"],
        perspective=Perspective.family,
        reflective_question_id=asked.id,
        shows_name=False,
        text=f"Nobody told me who to call. {XSS}",
    )
    reflection(db, w.session, w.people["practitioner"], reflective_question_id=asked.id, text="Me.")
    reflection(
        db,
        w.session,
        w.people["policymaker"],
        text="Kept between me and the facilitator.",
        visibility=ReflectionVisibility.private,
    )
    reflection(
        db,
        w.session,
        w.people["policymaker"],
        text="Hidden by the facilitator.",
        hidden_at=datetime(2026, 11, 21, 9, 0, tzinfo=UTC),
        hidden_reason="Names a family.",
    )
    reflection(
        db, w.session, w.people["family"], text="Still a draft.", status="draft", submitted_at=None
    )

    pdf = documents.briefing_pdf(
        db=db, learning_session=w.session, language="en", viewer=_chair(w.people["chair"])
    )

    part = _reflections_part(_text(pdf))
    assert "Who is the family's contact?" in part
    assert "Nobody told me who to call. <script>alert(1)</script>" in part
    assert "<img src=x onerror=alert(1)>" in part
    assert "A family representative · Family perspective" in part
    assert "Ingrid Smit" not in part
    assert "Pieter Mulder" in part  # who chose to show their name
    for kept_out in ("Kept between me", "Hidden by the facilitator", "Still a draft"):
        assert kept_out not in part


def test_before_the_deadline_the_briefing_says_when_they_come(
    db: Session, facilitator: Person
) -> None:
    w = reading_world(db, facilitator)  # reflections due 14 January 2027
    asked = question(db, w, PartnershipCondition.monitoring)
    reflection(
        db, w.session, w.people["practitioner"], reflective_question_id=asked.id, text="Early."
    )
    assert reading.briefing_reflections(db=db, learning_session=w.session) is None

    pdf = documents.briefing_pdf(
        db=db, learning_session=w.session, language="en", viewer=_chair(w.people["chair"])
    )

    part = _reflections_part(_text(pdf))
    assert "added to this pack after their deadline, 14 January 2027" in part
    assert "Early." not in part


def test_the_deadline_ends_with_its_day_in_the_sessions_time_zone(
    db: Session, facilitator: Person
) -> None:
    w = reading_world(db, facilitator)
    w.session.timezone = "Europe/Amsterdam"
    # 14 January ends at 23:00 UTC in Amsterdam.
    assert not reading.reflections_closed(w.session, datetime(2027, 1, 14, 22, 59, tzinfo=UTC))
    assert reading.reflections_closed(w.session, datetime(2027, 1, 14, 23, 0, tzinfo=UTC))
    w.session.reflection_deadline = None
    assert not reading.reflections_closed(w.session, w.session.starts_at.replace(hour=11))
    assert reading.reflections_closed(w.session, w.session.starts_at)
