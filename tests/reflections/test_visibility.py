"""Who reads which reflection: the author, a participant of the session, a policymaker of
another initiative who is not invited, the session's chair and the facilitator, for each
visibility, drafts and hidden ones. The rule for one reflection and the SQL rule for lists
answer the same."""

from datetime import UTC, datetime

import pytest
from sqlmodel import Session, col, select

from app.auth.principal import Principal, load_principal
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Person
from app.reflections import visibility
from app.reflections.models import Reflection
from app.vocabulary import Perspective, ReflectionStatus, ReflectionVisibility
from tests import factories
from tests.reflections.reading_world import ReadingWorld, reading_world, reflection

READERS = ("author", "participant", "outsider", "chair", "facilitator")
# Who reads a submitted reflection of each visibility (the author is the practitioner).
EXPECTED: dict[ReflectionVisibility, set[str]] = {
    ReflectionVisibility.private: {"author", "facilitator"},
    ReflectionVisibility.session: {"author", "participant", "chair", "facilitator"},
    ReflectionVisibility.community: set(READERS),
}


def _principal(db: Session, person: Person) -> Principal:
    return load_principal(
        db=db, account=factories.account(db, person), person=person, method="session"
    )


def _readers(db: Session, w: ReadingWorld) -> dict[str, Principal]:
    people = {
        "author": w.people["practitioner"],
        "participant": w.people["family"],
        "outsider": w.people["outsider"],
        "chair": w.people["chair"],
        "facilitator": w.people["facilitator"],
    }
    return {key: _principal(db, person) for key, person in people.items()}


def _invited(db: Session, learning_session: LearningSession, principal: Principal) -> bool:
    return (
        db.exec(
            select(Attendance.id).where(
                Attendance.session_id == learning_session.id,
                Attendance.person_id == principal.person_id,
            )
        ).first()
        is not None
    )


def _who_reads(db: Session, w: ReadingWorld, row: Reflection) -> tuple[set[str], set[str]]:
    """Who may read ``row`` by the one-reflection rule, and by the SQL rule."""
    one, listed = set(), set()
    for key, principal in _readers(db, w).items():
        takes_part = visibility.takes_part(
            principal, w.session, invited=_invited(db, w.session, principal)
        )
        if visibility.reads_reflection(principal, row, takes_part=takes_part):
            one.add(key)
        found = db.exec(
            select(Reflection.id).where(
                col(Reflection.id) == row.id, visibility.readable(principal)
            )
        ).first()
        if found is not None:
            listed.add(key)
    return one, listed


@pytest.mark.parametrize("chosen", list(ReflectionVisibility))
def test_a_submitted_reflection_is_read_as_its_visibility_says(
    db: Session, facilitator: Person, chosen: ReflectionVisibility
) -> None:
    w = reading_world(db, facilitator)
    row = reflection(db, w.session, w.people["practitioner"], visibility=chosen)
    one, listed = _who_reads(db, w, row)
    assert one == EXPECTED[chosen]
    assert listed == EXPECTED[chosen]


@pytest.mark.parametrize("chosen", list(ReflectionVisibility))
def test_a_draft_is_its_authors_alone(
    db: Session, facilitator: Person, chosen: ReflectionVisibility
) -> None:
    w = reading_world(db, facilitator)
    row = reflection(
        db,
        w.session,
        w.people["practitioner"],
        visibility=chosen,
        status=ReflectionStatus.draft,
        submitted_at=None,
    )
    assert _who_reads(db, w, row) == ({"author"}, {"author"})


@pytest.mark.parametrize("chosen", list(ReflectionVisibility))
def test_a_hidden_reflection_is_read_by_the_facilitator_and_its_author_only(
    db: Session, facilitator: Person, chosen: ReflectionVisibility
) -> None:
    w = reading_world(db, facilitator)
    row = reflection(
        db,
        w.session,
        w.people["practitioner"],
        visibility=chosen,
        hidden_at=datetime(2027, 1, 12, 10, 0, tzinfo=UTC),
        hidden_reason="It names a family.",
        hidden_by_id=facilitator.id,
    )
    assert _who_reads(db, w, row) == ({"author", "facilitator"}, {"author", "facilitator"})
    assert visibility.shows_hidden(_readers(db, w)["facilitator"])
    assert not visibility.shows_hidden(_readers(db, w)["chair"])


def test_the_chair_of_another_session_reads_it_as_a_member_only(
    db: Session, facilitator: Person
) -> None:
    w = reading_world(db, facilitator)
    row = reflection(db, w.session, w.people["practitioner"])
    w.session.chair_id = w.people["facilitator"].id  # the chair no longer chairs this session
    db.add(w.session)
    db.flush()
    one, listed = _who_reads(db, w, row)
    assert "chair" not in one and "chair" not in listed


def test_a_link_for_another_session_reads_none_of_this_session(
    db: Session, facilitator: Person
) -> None:
    w = reading_world(db, facilitator)
    row = reflection(
        db, w.session, w.people["practitioner"], visibility=ReflectionVisibility.community
    )
    other = factories.learning_session(db, w.community, number=4)
    link, _ = factories.access_link(db, w.people["family"], for_session=other)
    family = load_principal(
        db=db,
        account=factories.account(db, w.people["family"]),
        person=w.people["family"],
        method="session",
        access_link=link,
    )
    assert not visibility.reads_reflection(family, row, takes_part=True)
    assert db.exec(select(Reflection.id).where(visibility.readable(family))).first() is None


def test_an_author_who_hides_their_name_appears_by_perspective() -> None:
    named = Reflection(session_id=1, text="x", perspective=Perspective.family, shows_name=True)
    anonymous = Reflection(session_id=1, text="x", perspective=Perspective.family, shows_name=False)
    assert visibility.shown_name(named, "Ingrid Smit") == "Ingrid Smit"
    assert visibility.shown_name(anonymous, "Ingrid Smit") == ""
    assert visibility.anonymous_name(Perspective.family) == "a family representative"
    assert visibility.anonymous_name(Perspective.professional) == "a practitioner"
