"""A person's data export: everything Leerkring holds about them, nothing about anyone else.

One ZIP, built on request and never stored: a JSON file per kind of record (every table the
registry marks as exported, rows that refer to the person), a README explaining the files
and fields, and their reflections as a readable PDF. Other people appear only as their role
("a policymaker of Gezinsteam Plus"): a reference to another person becomes that
description, and another person's name or email inside a text is replaced by it too.
"""

import io
import json
import re
import zipfile
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, col, select

from app.audit import service as audit
from app.auth.principal import Principal
from app.i18n import translations
from app.initiatives.models import Initiative
from app.labels import N_, label_for
from app.learning_sessions.models import LearningSession
from app.people.models import Membership, Person
from app.privacy import reflections_pdf
from app.privacy.registry import PERSONAL
from app.vocabulary import AuditAction, Role

# What each file holds, for the README (and the order the files come in).
FILES: dict[str, str] = {
    "person": N_("Your own record: name, organisation, email, language and needs."),
    "account": N_("Your account: when it was made and when you last signed in."),
    "user_session": N_("Your sign-ins: when, until when, and from which address."),
    "api_token": N_("The API tokens you made (their names and dates; never the token)."),
    "access_link": N_("Your personal links: for which session, until when, when used."),
    "membership": N_("Your roles, per initiative."),
    "consent": N_("Your consent choices, each with its wording version and dates."),
    "attendance": N_("The sessions you were invited to, and whether you came."),
    "learning_session": N_("The sessions you chaired."),
    "session_evaluation": N_("Your answers to the session evaluations."),
    "reflection": N_("Your reflections (also in reflections.pdf)."),
    "action": N_("The actions you own."),
    "action_progress": N_("The progress notes you wrote on actions."),
    "agenda_item": N_("The agenda items you led."),
    "bank_question": N_("The reflective questions you added to the question bank."),
    "dilemma": N_("The dilemmas you submitted."),
    "good_practice": N_("The good practices you submitted."),
    "evidence_item": N_("The evidence you recorded (excerpts are anonymised)."),
    "outbox_message": N_("The emails Leerkring sent or will send you."),
    "audit_entry": N_("What the audit log recorded of what you did."),
}
# Never in an export: secrets, and columns the registry keeps out of it.
_LEFT_OUT = {name for name, rule in PERSONAL.items() if not rule.exported}
_ACCOUNT_TABLES = ("user_session", "api_token")


def _table(name: str) -> sa.Table:
    return SQLModel.metadata.tables[name]


def _person_columns(table: sa.Table) -> list[str]:
    return [
        column.name
        for column in table.columns
        if any(key.target_fullname == "person.id" for key in column.foreign_keys)
    ]


def _exported_references() -> dict[str, list[str]]:
    """table → its exported columns that refer to a person (from the registry)."""
    found: dict[str, list[str]] = {}
    for name, rule in PERSONAL.items():
        table, column = name.split(".")
        if rule.exported and column in _person_columns(_table(table)):
            found.setdefault(table, []).append(column)
    return found


def role_descriptions(*, db: Session, community_id: int, language: str) -> dict[int, str]:
    """person id → their (first) role in words, never their name: "a practitioner of X"."""
    gettext = translations(language).gettext
    initiatives = dict(
        db.exec(
            select(Initiative.id, Initiative.name).where(Initiative.community_id == community_id)
        ).all()
    )
    memberships = db.exec(
        select(Membership.person_id, Membership.role, Membership.initiative_id)
        .where(Membership.community_id == community_id)
        .order_by(col(Membership.id))
    ).all()
    described: dict[int, str] = {}
    for person_id, role, initiative_id in memberships:
        if person_id in described:
            continue
        role_label = gettext(label_for(Role(role)))
        described[person_id] = (
            gettext("a %(role)s of %(initiative)s")
            % {"role": role_label.lower(), "initiative": initiatives.get(initiative_id, "")}
            if initiative_id is not None
            else gettext("a %(role)s of the learning community") % {"role": role_label.lower()}
        )
    return described


class _Roles:
    """Other people of the community as their role, never by name."""

    def __init__(self, db: Session, person: Person, language: str) -> None:
        self.me = person.id
        gettext = translations(language).gettext
        self.described = role_descriptions(
            db=db, community_id=person.community_id, language=language
        )
        self.someone = gettext("another participant")
        self.you = gettext("you")
        others = db.exec(
            select(Person.id, Person.name, Person.email).where(
                Person.community_id == person.community_id, Person.id != person.id
            )
        ).all()
        words: dict[str, str] = {}
        for other_id, name, email in others:
            for text in (name, email):
                if text and len(text.strip()) > 2:
                    words[text.strip()] = self.described.get(other_id or 0, self.someone)
        self._words = words
        ordered = sorted(words, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def of(self, person_id: int | None) -> str | None:
        if person_id is None:
            return None
        if person_id == self.me:
            return self.you
        return self.described.get(person_id, self.someone)

    def clean(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda match: self._words[match.group(0)], text)


def _value(value: Any, roles: _Roles) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    if isinstance(value, str):
        return roles.clean(value)
    if isinstance(value, list):
        return [_value(entry, roles) for entry in value]
    if isinstance(value, dict):
        return {key: _value(entry, roles) for key, entry in value.items()}
    return value


def _rows(db: Session, table: sa.Table, where: Any, roles: _Roles) -> list[dict[str, Any]]:
    people = set(_person_columns(table))
    records = []
    for row in db.execute(sa.select(table).where(where).order_by(*table.primary_key)).mappings():
        record: dict[str, Any] = {}
        for name, value in row.items():
            if f"{table.name}.{name}" in _LEFT_OUT:
                continue
            record[name] = roles.of(value) if name in people else _value(value, roles)
        records.append(record)
    return records


def records(*, db: Session, person: Person, language: str) -> dict[str, list[dict[str, Any]]]:
    """Every record that refers to ``person``, per table, as the export's JSON holds them."""
    assert person.id is not None
    roles = _Roles(db, person, language)
    found: dict[str, list[dict[str, Any]]] = {}
    me = _table("person")
    found["person"] = _rows(db, me, me.c.id == person.id, roles)
    found["person"][0]["name"] = person.name
    found["person"][0]["email"] = person.email
    accounts = _table("account")
    found["account"] = _rows(db, accounts, accounts.c.person_id == person.id, roles)
    account_ids = sa.select(accounts.c.id).where(accounts.c.person_id == person.id)
    for name in _ACCOUNT_TABLES:
        found[name] = _rows(db, _table(name), _table(name).c.account_id.in_(account_ids), roles)
    for name, columns in _exported_references().items():
        if name in found:
            continue
        table = _table(name)
        found[name] = _rows(db, table, sa.or_(*(table.c[c] == person.id for c in columns)), roles)
    return {name: found[name] for name in [*FILES, *sorted(set(found) - set(FILES))]}


def _readme(language: str, found: Mapping[str, list[dict[str, Any]]]) -> str:
    gettext = translations(language).gettext
    lines = [
        gettext("Everything Leerkring holds about you"),
        "",
        gettext(
            "Each .json file holds one kind of record, as a list; dates and times are in "
            "ISO 8601 (UTC). Other people appear only as their role, never by name or "
            "address. Secrets (password and token hashes) are never included."
        ),
        "",
    ]
    for name, rows in found.items():
        lines.append(f"{name}.json ({len(rows)}): {gettext(FILES.get(name, name))}")
    lines += ["", "reflections.pdf: " + gettext("Your reflections, to read or print."), ""]
    return "\n".join(lines)


def _files(db: Session, person: Person, language: str) -> Iterator[tuple[str, bytes]]:
    found = records(db=db, person=person, language=language)
    yield "README.txt", _readme(language, found).encode()
    for name, rows in found.items():
        yield f"{name}.json", json.dumps(rows, ensure_ascii=False, indent=2).encode()
    numbers = dict(
        db.exec(
            select(LearningSession.id, LearningSession.number).where(
                LearningSession.community_id == person.community_id
            )
        ).all()
    )
    yield (
        "reflections.pdf",
        reflections_pdf.render(
            person_name=person.name,
            reflections=[
                {**row, "session_number": numbers.get(row["session_id"])}
                for row in found["reflection"]
            ],
            language=language,
        ),
    )


def export_archive(
    *, db: Session, person: Person, language: str, actor: Principal, ip: str
) -> bytes:
    """The person's data as a ZIP (built now, not stored); the download is audited."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _files(db, person, language):
            archive.writestr(name, data)
    audit.record(
        db=db,
        action=AuditAction.exported,
        actor=actor,
        subject=f"personal data of person #{person.id}",
        ip=ip,
    )
    return buffer.getvalue()
