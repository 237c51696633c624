"""A session with a family representative and a practitioner who write reflections, for the
writing, consent and page tests."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.agendas.models import ReflectiveQuestion
from app.community.models import LearningCommunity
from app.learning_sessions.models import LearningSession
from app.people.models import Consent, Person
from app.reflections import consent, service
from app.reflections.models import Reflection
from app.vocabulary import ReflectionStatus, Role
from tests import factories

SignIn = Callable[[Person], TestClient]
XSS = "<script>alert(1)</script> <img src=x onerror=alert(1)>"


@dataclass
class WritingWorld:
    community: LearningCommunity
    session: LearningSession
    family: Person
    practitioner: Person
    family_question: ReflectiveQuestion
    practitioner_question: ReflectiveQuestion


def writing_world(db: Session, *, consented: bool = True) -> WritingWorld:
    community = factories.community(db)
    initiative = factories.initiative(db, community)
    # Tomorrow and a bit: open for reflections (no deadline: until the session starts).
    learning_session = factories.learning_session(
        db, community, starts_at=datetime.now(UTC) + timedelta(days=2)
    )
    family = factories.person(db, community, name="Ingrid Smit")
    factories.membership(db, family, Role.family_representative)
    practitioner = factories.person(db, community, name="Youssef Amrani")
    factories.membership(db, practitioner, Role.practitioner, initiative)
    family_question = factories.reflective_question(
        db,
        learning_session,
        target_roles=[Role.family_representative],
        text="Who is the family's single point of contact?",
        plain_text="Who do you call when you need help?",
    )
    practitioner_question = factories.reflective_question(
        db, learning_session, target_roles=[Role.practitioner], text="Which task falls between us?"
    )
    if consented:
        for person in (family, practitioner):
            assert person.id is not None
            consent.record_consent(
                db=db, person_id=person.id, read_by_participants=True, quoted_as_evidence=False
            )
    return WritingWorld(
        community, learning_session, family, practitioner, family_question, practitioner_question
    )


def past_deadline(db: Session, learning_session: LearningSession) -> None:
    learning_session.reflection_deadline = date.today() - timedelta(days=1)
    db.add(learning_session)
    db.flush()


def count(db: Session, model: Any) -> int:
    return db.exec(select(func.count()).select_from(model)).one()


def rows(db: Session) -> tuple[int, int]:
    """How many reflections and consent rows are stored."""
    return count(db, Reflection), count(db, Consent)


def new_answer(
    w: WritingWorld, text: str, *, question: ReflectiveQuestion | None = None, **extra: str
) -> dict[str, str]:
    target = question or w.family_question
    return {"target": f"question:{target.id}", "text": text, "version": "0", **extra}


def stored(db: Session, author: Person) -> list[Reflection]:
    db.expire_all()
    return list(db.exec(select(Reflection).where(Reflection.author_id == author.id)).all())


def reflection_drafts(
    db: Session, learning_session: LearningSession, people: dict[str, Person]
) -> dict[str, int]:
    """For the permission matrix: each person consents and keeps a draft answer to a
    question of their own (``draft_of_<name>``); and a question nobody answered yet."""
    drafts = {"open_question": factories.reflective_question(db, learning_session).id or 0}
    question_id = factories.reflective_question(db, learning_session).id
    for name, person in people.items():
        assert person.id is not None and learning_session.id is not None
        consent.record_consent(
            db=db, person_id=person.id, read_by_participants=True, quoted_as_evidence=True
        )
        draft = Reflection(
            author_id=person.id,
            session_id=learning_session.id,
            reflective_question_id=question_id,
            text="Een eerste gedachte.",
            perspective=service.perspective_of(db=db, person_id=person.id),
            status=ReflectionStatus.draft,
            shows_name=False,
        )
        db.add(draft)
        db.flush()
        drafts[f"draft_of_{name}"] = draft.id or 0
    return drafts
