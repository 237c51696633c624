"""Erasing a person: after erasing the demo's family representative Ingrid Smit, no text
column of any table holds her name or email, her reflections are kept only anonymised (she
consented to their use as evidence), her sign-ins end, and every main page still serves."""

from collections.abc import Callable

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlmodel import Session, SQLModel, func, select

from app.accounts.models import Account
from app.audit.models import AuditEntry
from app.auth.principal import Principal, load_principal
from app.demo import content
from app.demo.seed import seed_demo
from app.errors import ConflictError
from app.learning_sessions.models import Attendance
from app.people.models import Membership, Person
from app.privacy import erasure
from app.privacy.registry import holds_text
from app.reflections import consent
from app.reflections.models import Reflection
from app.vocabulary import AuditAction
from tests.browser.axe import MAIN_PAGES, ROLE_EMAILS, demo_ids

SignIn = Callable[[Person], TestClient]
NAME = "Ingrid Smit"


def _person(db: Session, email: str) -> Person:
    return db.exec(select(Person).where(Person.email == email)).one()


def _texts_holding(db: Session, needle: str) -> list[str]:
    """Every text column of every table in which ``needle`` occurs."""
    found = []
    for table in SQLModel.metadata.tables.values():
        for column in table.columns:
            if not holds_text(column):
                continue
            as_text = sa.cast(column, sa.Text)
            hits = db.execute(
                sa.select(func.count()).select_from(table).where(as_text.contains(needle))
            ).scalar_one()
            if hits:
                found.append(f"{table.name}.{column.name}")
    return found


@pytest.fixture
def demo(db: Session) -> Session:
    """The full demo, invitations and reports included: the outbox names her too."""
    assert seed_demo(db, language="en")
    return db


@pytest.fixture
def quiet_demo(db: Session) -> Session:
    """The demo without the invitations' PDFs, where the outbox is not what is tested."""
    assert seed_demo(db, language="en", invitations=False)
    return db


def _facilitator(db: Session) -> Principal:
    person = _person(db, ROLE_EMAILS["facilitator"])
    account = db.exec(select(Account).where(Account.person_id == person.id)).one()
    return load_principal(db=db, account=account, person=person, method="session")


def test_after_erasure_no_text_holds_her_name_or_email(demo: Session) -> None:
    db = demo
    ingrid = _person(db, content.FAMILY)
    assert _texts_holding(db, NAME), "the demo names her (person, outbox, audit)"
    reflections = db.exec(select(func.count()).where(Reflection.author_id == ingrid.id)).one()
    attended = db.exec(select(func.count()).where(Attendance.person_id == ingrid.id)).one()
    assert reflections > 0 and attended > 0

    plan = erasure.erase_person(db=db, person=ingrid, actor=_facilitator(db), ip="10.0.0.1")

    assert _texts_holding(db, NAME) == []
    assert _texts_holding(db, content.FAMILY) == []
    db.expire_all()
    # She consented to the use as evidence: her reflections stay, without her.
    assert plan.reflections_kept_anonymised and plan.reflections == reflections
    assert db.exec(select(func.count()).where(Reflection.author_id == ingrid.id)).one() == 0
    # Attendance counts stay as numbers; sign-ins, memberships end.
    assert db.exec(select(func.count()).where(Attendance.person_id == ingrid.id)).one() == attended
    assert db.exec(select(Account).where(Account.person_id == ingrid.id)).first() is None
    assert db.exec(select(Membership).where(Membership.person_id == ingrid.id)).first() is None
    erased = db.get(Person, ingrid.id)
    assert erased is not None and erased.erased_at is not None
    assert (erased.name, erased.email) == (f"person #{ingrid.id}", None)
    entry = db.exec(select(AuditEntry).where(AuditEntry.action == AuditAction.erased)).one()
    assert entry.subject == f"person #{ingrid.id}"
    assert NAME not in entry.detail and entry.actor_label == ROLE_EMAILS["facilitator"]


def test_without_evidence_consent_her_reflections_are_removed(quiet_demo: Session) -> None:
    db = quiet_demo
    ingrid = _person(db, content.FAMILY)
    consent.change_consent(
        db=db, person_id=ingrid.id or 0, read_by_participants=True, quoted_as_evidence=False
    )
    plan = erasure.erase_person(db=db, person=ingrid, actor=_facilitator(db), ip="")
    assert not plan.reflections_kept_anonymised
    texts = [r.text for r in db.exec(select(Reflection)).all()]
    assert plan.reflections > 0
    assert db.exec(select(func.count()).select_from(Reflection)).one() == len(texts)
    assert all(NAME not in text for text in texts)


def test_every_main_page_still_serves_after_the_erasure(demo: Session, sign_in: SignIn) -> None:
    db = demo
    ingrid = _person(db, content.FAMILY)
    ids = demo_ids(db)
    erasure.erase_person(db=db, person=ingrid, actor=_facilitator(db), ip="")
    browsers = {
        role: sign_in(_person(db, email)) for role, email in ROLE_EMAILS.items() if role != "family"
    }
    for page in MAIN_PAGES:
        if page.role is None or page.role == "family":
            continue
        response = browsers[page.role].get(page.url(ids))
        assert response.status_code == 200, (page.name, response.status_code)
    person_page = browsers["facilitator"].get(f"/people/{ingrid.id}")
    assert person_page.status_code == 200
    assert NAME not in person_page.text


def test_erasing_twice_or_oneself_is_refused(quiet_demo: Session) -> None:
    db = quiet_demo
    facilitator = _facilitator(db)
    me = _person(db, ROLE_EMAILS["facilitator"])
    with pytest.raises(ConflictError):
        erasure.erase_person(db=db, person=me, actor=facilitator, ip="")
    ingrid = _person(db, content.FAMILY)
    erasure.erase_person(db=db, person=ingrid, actor=facilitator, ip="")
    with pytest.raises(ConflictError):
        erasure.erase_person(db=db, person=ingrid, actor=facilitator, ip="")
