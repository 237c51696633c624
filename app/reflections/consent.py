"""Consent for reflections: two separate choices, each recorded with the wording's version
and the time, and changeable later (a change withdraws the old row and records a new one).

Without ``READ_BY_PARTICIPANTS`` a person may read but not write reflections; with
``QUOTED_AS_EVIDENCE`` a reflection may be quoted, anonymised, in later factsheets.
"""

from dataclasses import dataclass

from sqlalchemy import update
from sqlmodel import Session, col, select

from app.db import utcnow
from app.people.models import Consent
from app.reflections.models import Reflection
from app.vocabulary import ReflectionVisibility

READ_BY_PARTICIPANTS = "reflections read by the session's participants"
QUOTED_AS_EVIDENCE = "reflections quoted as evidence"
PURPOSES = (READ_BY_PARTICIPANTS, QUOTED_AS_EVIDENCE)
# Raise when the wording on the consent page changes: earlier consents stay on their version.
WORDING_VERSION = "2026-12"


@dataclass(frozen=True)
class ConsentState:
    read_by_participants: bool
    quoted_as_evidence: bool
    asked: bool  # the person has answered the question at least once

    @property
    def may_write(self) -> bool:
        return self.read_by_participants


def consent_state(*, db: Session, person_id: int) -> ConsentState:
    rows = db.exec(
        select(Consent).where(Consent.person_id == person_id, col(Consent.purpose).in_(PURPOSES))
    ).all()
    active = {row.purpose for row in rows if row.withdrawn_at is None}
    return ConsentState(
        read_by_participants=READ_BY_PARTICIPANTS in active,
        quoted_as_evidence=QUOTED_AS_EVIDENCE in active,
        asked=bool(rows),
    )


def record_consent(
    *, db: Session, person_id: int, read_by_participants: bool, quoted_as_evidence: bool
) -> ConsentState:
    """Store the two choices as given now. A "no" is recorded too (given and withdrawn at
    once), so the page knows the question was answered."""
    now = utcnow()
    wanted = {READ_BY_PARTICIPANTS: read_by_participants, QUOTED_AS_EVIDENCE: quoted_as_evidence}
    current = {
        row.purpose: row
        for row in db.exec(
            select(Consent).where(
                Consent.person_id == person_id,
                col(Consent.purpose).in_(PURPOSES),
                col(Consent.withdrawn_at).is_(None),
            )
        ).all()
    }
    for purpose, yes in wanted.items():
        row = current.get(purpose)
        if row is not None and yes and row.wording_version == WORDING_VERSION:
            continue  # unchanged
        if row is not None:
            row.withdrawn_at = now
            db.add(row)
        db.add(
            Consent(
                person_id=person_id,
                purpose=purpose,
                wording_version=WORDING_VERSION,
                given_at=now,
                withdrawn_at=None if yes else now,
            )
        )
    db.flush()
    return consent_state(db=db, person_id=person_id)


def change_consent(
    *, db: Session, person_id: int, read_by_participants: bool, quoted_as_evidence: bool
) -> ConsentState:
    """Record both choices; the person's reflections follow them at once: withdrawing the
    evidence choice stops their use as evidence, withdrawing the first makes them private
    (the author and the facilitator only) until the person chooses again."""
    state = record_consent(
        db=db,
        person_id=person_id,
        read_by_participants=read_by_participants,
        quoted_as_evidence=quoted_as_evidence,
    )
    # A plain UPDATE: the author's open tabs keep their version, no text changes.
    db.execute(
        update(Reflection)
        .where(
            col(Reflection.author_id) == person_id,
            col(Reflection.evidence_consent) != state.quoted_as_evidence,
        )
        .values(evidence_consent=state.quoted_as_evidence)
    )
    if not state.read_by_participants:
        db.execute(
            update(Reflection)
            .where(
                col(Reflection.author_id) == person_id,
                col(Reflection.visibility) != ReflectionVisibility.private,
            )
            .values(visibility=ReflectionVisibility.private)
        )
    return state
