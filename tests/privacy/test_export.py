"""A person's data export: every record that refers to them (checked against the registry),
no other person's name or email, their reflections as a readable PDF, and audited."""

import io
import json
import zipfile
from collections.abc import Callable

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlmodel import Session, SQLModel, func, select

from app.accounts.models import Account
from app.audit.models import AuditEntry
from app.auth.principal import Principal, load_principal
from app.demo import content
from app.demo.seed import seed_demo
from app.people.models import Person
from app.privacy import export
from app.privacy.registry import PERSONAL
from app.reflections.models import Reflection
from app.vocabulary import AuditAction

SignIn = Callable[[Person], TestClient]


def _person(db: Session, email: str) -> Person:
    return db.exec(select(Person).where(Person.email == email)).one()


def _principal(db: Session, person: Person) -> Principal:
    account = db.exec(select(Account).where(Account.person_id == person.id)).one()
    return load_principal(db=db, account=account, person=person, method="session")


@pytest.fixture
def demo(db: Session) -> Session:
    # Without the invitations' PDFs (seconds each): the outbox rows that refer to a person
    # are exported by the same registry rule as every other table (the erasure test seeds them).
    assert seed_demo(db, language="en", invitations=False)
    return db


def _archive(db: Session, person: Person) -> dict[str, bytes]:
    data = export.export_archive(
        db=db, person=person, language="en", actor=_principal(db, person), ip="10.0.0.2"
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("email", [content.FAMILY, content.FACILITATOR, content.CHAIR])
def test_the_export_holds_every_record_that_refers_to_them(demo: Session, email: str) -> None:
    db = demo
    person = _person(db, email)
    expected: dict[str, int] = {}
    for name, rule in PERSONAL.items():
        table_name, column = name.split(".")
        table = SQLModel.metadata.tables[table_name]
        refers = any(key.column.table.name == "person" for key in table.c[column].foreign_keys)
        if rule.exported and refers:
            expected[name] = db.execute(
                sa.select(func.count()).select_from(table).where(table.c[column] == person.id)
            ).scalar_one()
    files = _archive(db, person)
    exported_rows = 0
    for name, count in expected.items():
        rows = json.loads(files[f"{name.split('.')[0]}.json"])
        assert len(rows) >= count, name
        exported_rows += len(rows)
    assert exported_rows > 0
    assert json.loads(files["person.json"])[0]["email"] == email
    assert b"reflections.pdf" in files["README.txt"]


def test_the_export_names_nobody_else(demo: Session) -> None:
    db = demo
    ingrid = _person(db, content.FAMILY)
    files = _archive(db, ingrid)
    others = db.exec(select(Person).where(Person.id != ingrid.id)).all()
    everything = b"\n".join(files[name] for name in files if name != "reflections.pdf").decode()
    pdf_text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(files["reflections.pdf"])).pages
    )
    for other in others:
        assert other.name not in everything, other.name
        assert other.name not in pdf_text, other.name
        if other.email:
            assert other.email not in everything, other.email
    # Other people as their role: the facilitator who created her personal link, say.
    assert "of the learning community" in everything or "of Gezinsteam" in everything
    # Her own reflections, readable.
    mine = db.exec(select(Reflection).where(Reflection.author_id == ingrid.id)).all()
    assert mine
    assert mine[0].text.split()[0] in pdf_text
    assert "Ingrid Smit" in pdf_text


def test_the_download_is_audited(demo: Session) -> None:
    db = demo
    ingrid = _person(db, content.FAMILY)
    _archive(db, ingrid)
    entry = db.exec(select(AuditEntry).where(AuditEntry.action == AuditAction.exported)).one()
    assert entry.subject == f"personal data of person #{ingrid.id}"
    assert entry.ip == "10.0.0.2"
