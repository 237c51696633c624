"""Erasing a person: what goes, what stays and why, and doing it in one transaction.

The person's record stays, emptied to "person #N", so attendance counts, evaluations and
actions keep adding up. The registry (``app.privacy.registry``) says per column what
happens; this module carries it out: rows that are only about them are deleted, references
to them emptied, their name and email replaced in every text anyone wrote, and their
reflections kept anonymised only where they consented to their use as evidence.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, func, select

from app.audit import service as audit
from app.auth.principal import Principal
from app.db import utcnow
from app.errors import ConflictError
from app.labels import N_
from app.people.models import Person
from app.privacy.registry import FREE_TEXT, PERSONAL, OnErasure
from app.reflections import consent
from app.vocabulary import AuditAction

# Person rows are deleted with their account, access links, memberships, consents and mail;
# these go first because they point at the account, not at the person.
_ACCOUNT_ROWS = ("user_session", "api_token", "one_time_token")
# Cached PDFs may print the person's name; they are rendered again on the next download.
_CACHED_DOCUMENTS = ("factsheet_document", "session_document")


def erased_label(person_id: int) -> str:
    """What an erased person is called everywhere from now on."""
    return f"person #{person_id}"


@dataclass(frozen=True)
class ErasurePlan:
    """What an erasure of one person will remove and keep, for the confirmation page."""

    person_id: int
    reflections: int
    reflections_kept_anonymised: bool  # they consented to their use as evidence
    memberships: int
    attendances: int
    evaluations: int
    actions: int
    has_account: bool

    @property
    def label(self) -> str:
        return erased_label(self.person_id)


def _table(name: str) -> sa.Table:
    return SQLModel.metadata.tables[name]


def _count(db: Session, table: str, column: str, person_id: int) -> int:
    target = _table(table)
    return int(
        db.execute(
            select(func.count()).select_from(target).where(target.c[column] == person_id)
        ).scalar_one()
    )


def erasure_plan(*, db: Session, person: Person) -> ErasurePlan:
    assert person.id is not None
    return ErasurePlan(
        person_id=person.id,
        reflections=_count(db, "reflection", "author_id", person.id),
        reflections_kept_anonymised=consent.consent_state(
            db=db, person_id=person.id
        ).quoted_as_evidence,
        memberships=_count(db, "membership", "person_id", person.id),
        attendances=_count(db, "attendance", "person_id", person.id),
        evaluations=_count(db, "session_evaluation", "person_id", person.id),
        actions=_count(db, "action", "owner_id", person.id),
        has_account=_count(db, "account", "person_id", person.id) > 0,
    )


def _references(handling: OnErasure) -> Iterator[tuple[str, str]]:
    """(table, column) of the registry's foreign keys to a person with this handling."""
    for name, rule in PERSONAL.items():
        table, column = name.split(".")
        keys = _table(table).c[column].foreign_keys
        if rule.on_erasure is handling and any(k.target_fullname == "person.id" for k in keys):
            yield table, column


def _scrubbed_columns() -> Iterator[tuple[str, str]]:
    scrubbed = {n for n, rule in PERSONAL.items() if rule.on_erasure is OnErasure.scrubbed}
    for name in sorted(FREE_TEXT | scrubbed | {"reflection.text"}):
        table, column = name.split(".")
        yield table, column


def _replace_in(value: Any, needles: list[str], label: str) -> Any:
    if isinstance(value, str):
        for needle in needles:
            value = value.replace(needle, label)
        return value
    if isinstance(value, list):
        return [_replace_in(entry, needles, label) for entry in value]
    if isinstance(value, dict):
        return {key: _replace_in(entry, needles, label) for key, entry in value.items()}
    return value


def _scrub(db: Session, needles: list[str], label: str) -> None:
    """Replace the person's name and email in every text anyone wrote about them."""
    for table_name, column_name in _scrubbed_columns():
        table = _table(table_name)
        column = table.c[column_name]
        if isinstance(column.type, sa.JSON):
            # JSON may escape characters, so it is walked here rather than in SQL.
            keys = list(table.primary_key.columns)
            for row in db.execute(sa.select(*keys, column)).all():
                found = json.dumps(row[-1], ensure_ascii=False)
                if any(needle in found for needle in needles):
                    db.execute(
                        table.update()
                        .where(*(key == row[i] for i, key in enumerate(keys)))
                        .values({column_name: _replace_in(row[-1], needles, label)})
                    )
            continue
        for needle in needles:
            db.execute(
                table.update()
                .where(column.contains(needle, autoescape=True))
                .values({column_name: func.replace(column, needle, label)})
            )


def erase_person(*, db: Session, person: Person, actor: Principal, ip: str) -> ErasurePlan:
    """Erase ``person``'s personal data everywhere (see the module's docstring); audited as
    "person #N erased", without the erased data."""
    assert person.id is not None
    if person.erased_at is not None:
        raise ConflictError(N_("This person's data has been erased already."))
    if person.id == actor.person_id:
        raise ConflictError(N_("You cannot erase yourself; ask another facilitator."))
    plan = erasure_plan(db=db, person=person)
    label = erased_label(person.id)
    needles = [text for text in (person.name.strip(), (person.email or "").strip()) if text]

    reflections = _table("reflection")
    if plan.reflections_kept_anonymised:
        db.execute(
            reflections.update()
            .where(reflections.c.author_id == person.id)
            .values(author_id=None, shows_name=False)
        )
    else:
        db.execute(reflections.delete().where(reflections.c.author_id == person.id))

    accounts = select(_table("account").c.id).where(_table("account").c.person_id == person.id)
    for name in _ACCOUNT_ROWS:
        db.execute(_table(name).delete().where(_table(name).c.account_id.in_(accounts)))
    for table, column in _references(OnErasure.removed):
        db.execute(_table(table).delete().where(_table(table).c[column] == person.id))
    if person.email:
        outbox = _table("outbox_message")
        db.execute(outbox.delete().where(outbox.c.recipient == person.email))
        counters = _table("rate_limit_counter")
        db.execute(counters.delete().where(counters.c.key.contains(person.email.lower())))
    audit_log = _table("audit_entry")
    db.execute(
        audit_log.update()
        .where(audit_log.c.actor_person_id == person.id)
        .values(actor_label=label, ip="")
    )
    for table, column in _references(OnErasure.unlinked):
        db.execute(
            _table(table)
            .update()
            .where(_table(table).c[column] == person.id)
            .values({column: None})
        )
    _scrub(db, needles, label)
    for name in _CACHED_DOCUMENTS:
        db.execute(_table(name).delete())

    person.name = label
    person.email = None
    person.organisation = ""
    person.accessibility_needs = ""
    person.shares_needs_with_chair = False
    person.erased_at = utcnow()
    db.add(person)
    db.flush()
    audit.record(
        db=db,
        action=AuditAction.erased,
        actor=actor,
        subject=label,
        detail=(
            f"reflections {'kept anonymised' if plan.reflections_kept_anonymised else 'removed'}"
            f": {plan.reflections}; memberships removed: {plan.memberships}"
        ),
        ip=ip,
    )
    return plan


def delete_reflections(*, db: Session, person: Person, actor: Principal, ip: str) -> int:
    """Delete every reflection ``person`` wrote (at their own request); how many. Actions
    that followed from one stay, without the link; audited without the texts."""
    assert person.id is not None
    reflections = _table("reflection")
    deleted = db.execute(reflections.delete().where(reflections.c.author_id == person.id))
    count = int(deleted.rowcount or 0)  # type: ignore[attr-defined]
    audit.record(
        db=db,
        action=AuditAction.reflections_deleted,
        actor=actor,
        subject=f"reflections of person #{person.id}",
        detail=f"deleted: {count}",
        ip=ip,
    )
    return count
