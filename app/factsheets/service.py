"""Factsheets: one version per initiative and session, a section per condition.

Draft → in review → published. Publishing freezes a version; later edits start a new draft
version, copied from the last one. A new session's first draft carries the previous
session's published text forward, so the diff shows what changed.
"""

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Subquery, or_
from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, delete, func, select

from app.db import utcnow
from app.errors import (
    ConflictError,
    FieldProblem,
    InvalidInputError,
    NotFoundError,
    StaleVersionError,
)
from app.evidence.models import EvidenceItem
from app.factsheets.models import Factsheet, FactsheetSection, FactsheetSectionEvidence
from app.factsheets.schemas import SectionUpdate, SummaryUpdate
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.reflections.models import Reflection
from app.versioning import check_version
from app.vocabulary import (
    FactsheetStatus,
    InitiativeStatus,
    PartnershipCondition,
    Perspective,
    ReflectionVisibility,
)

EDITABLE = (FactsheetStatus.draft, FactsheetStatus.in_review)
NEXT_STATUS: dict[FactsheetStatus, set[FactsheetStatus]] = {
    FactsheetStatus.draft: {FactsheetStatus.in_review},
    FactsheetStatus.in_review: {FactsheetStatus.draft, FactsheetStatus.published},
    FactsheetStatus.published: set(),
}
_WITH_SECTIONS = selectinload(Factsheet.sections)  # type: ignore[arg-type]


@dataclass
class SectionConflictError(StaleVersionError):
    """Someone saved the section first: both texts go back to the editor, nothing is lost."""

    stored: FactsheetSection | None = None
    attempted: SectionUpdate | None = None


def factsheet_and_community(*, db: Session, factsheet_id: int) -> tuple[Factsheet, int] | None:
    """A factsheet with its sections, and the community its initiative belongs to (one query
    and the sections'), for the access check every factsheet route makes."""
    row = db.exec(
        select(Factsheet, Initiative.community_id)
        .join(Initiative, col(Initiative.id) == Factsheet.initiative_id)
        .where(Factsheet.id == factsheet_id)
        .options(_WITH_SECTIONS)
    ).first()
    return (row[0], row[1]) if row else None


def get_factsheet(*, db: Session, factsheet_id: int) -> Factsheet:
    factsheet = db.exec(
        select(Factsheet).where(Factsheet.id == factsheet_id).options(_WITH_SECTIONS)
    ).first()
    if factsheet is None:
        raise NotFoundError(
            N_("There is no factsheet with id %(id)s."), arguments={"id": factsheet_id}
        )
    return factsheet


def document_title(*, db: Session, factsheet: Factsheet) -> tuple[int, str]:
    """The session number and the initiative's name, for a document's file name."""
    initiative_name = (
        select(Initiative.name).where(Initiative.id == factsheet.initiative_id).scalar_subquery()
    )
    row = db.exec(
        select(LearningSession.number, initiative_name).where(
            LearningSession.id == factsheet.session_id
        )
    ).one()
    return row[0], row[1]


def versions(*, db: Session, initiative_id: int) -> Sequence[tuple[Factsheet, LearningSession]]:
    """Every version of the initiative's factsheets, newest session and version first."""
    return db.exec(
        select(Factsheet, LearningSession)
        .join(LearningSession, col(LearningSession.id) == Factsheet.session_id)
        .where(Factsheet.initiative_id == initiative_id)
        .order_by(col(LearningSession.number).desc(), col(Factsheet.version_number).desc())
    ).all()


def latest_for(*, db: Session, initiative_id: int, session_id: int) -> Factsheet | None:
    return db.exec(
        select(Factsheet)
        .where(Factsheet.initiative_id == initiative_id, Factsheet.session_id == session_id)
        .options(_WITH_SECTIONS)
        .order_by(col(Factsheet.version_number).desc())
        .limit(1)
    ).first()


def latest_per_initiative(
    *, db: Session, community_id: int, session_id: int, with_sections: bool = False
) -> list[tuple[Initiative, Factsheet | None]]:
    """Every initiative of the community, by name, with its newest factsheet for the session.

    Two statements whatever the community's size (three with the sections).
    """
    newest = (
        select(
            col(Factsheet.initiative_id).label("initiative_id"),
            func.max(Factsheet.version_number).label("version_number"),
        )
        .where(Factsheet.session_id == session_id)
        .group_by(col(Factsheet.initiative_id))
        .subquery()
    )
    query = (
        select(Factsheet)
        .join(
            newest,
            (col(Factsheet.initiative_id) == newest.c.initiative_id)
            & (col(Factsheet.version_number) == newest.c.version_number),
        )
        .where(Factsheet.session_id == session_id)
    )
    if with_sections:
        query = query.options(_WITH_SECTIONS)
    by_initiative = {factsheet.initiative_id: factsheet for factsheet in db.exec(query)}
    initiatives = db.exec(
        select(Initiative)
        .where(Initiative.community_id == community_id)
        .order_by(col(Initiative.name))
    ).all()
    return [(initiative, by_initiative.get(initiative.id or 0)) for initiative in initiatives]


def _newest_for_session(session_id: int) -> Subquery:
    """Each initiative's newest factsheet for the session: (initiative_id, id, status)."""
    newest = (
        select(
            col(Factsheet.initiative_id).label("initiative_id"),
            func.max(Factsheet.version_number).label("version_number"),
        )
        .where(Factsheet.session_id == session_id)
        .group_by(col(Factsheet.initiative_id))
        .subquery()
    )
    return (
        select(
            col(Factsheet.initiative_id).label("initiative_id"),
            col(Factsheet.id).label("id"),
            col(Factsheet.status).label("status"),
        )
        .join(
            newest,
            (col(Factsheet.initiative_id) == newest.c.initiative_id)
            & (col(Factsheet.version_number) == newest.c.version_number),
        )
        .where(Factsheet.session_id == session_id)
        .subquery()
    )


def latest_page(
    *, db: Session, community_id: int, session_id: int, offset: int, limit: int
) -> tuple[list[tuple[Initiative, Factsheet | None]], int]:
    """A page of the community's initiatives, by name, each with its newest factsheet for the
    session, and how many initiatives there are in all: one statement (a window count)."""
    newest = _newest_for_session(session_id)
    query = (
        select(Initiative, Factsheet, func.count().over())
        .outerjoin(newest, newest.c.initiative_id == col(Initiative.id))
        .outerjoin(Factsheet, col(Factsheet.id) == newest.c.id)
        .where(Initiative.community_id == community_id)
        .order_by(col(Initiative.name), col(Initiative.id))
        .offset(offset)
        .limit(limit)
    )
    rows = db.exec(query).all()
    if rows:
        return [(initiative, factsheet) for initiative, factsheet, _ in rows], int(rows[0][2])
    if offset == 0:
        return [], 0
    total = db.exec(
        select(func.count()).select_from(Initiative).where(Initiative.community_id == community_id)
    ).one()
    return [], int(total)


def unpublished_count(*, db: Session, community_id: int, session_id: int) -> int:
    """Active initiatives whose newest factsheet for the session is missing or not published."""
    newest = _newest_for_session(session_id)
    return int(
        db.exec(
            select(func.count())
            .select_from(Initiative)
            .outerjoin(newest, newest.c.initiative_id == col(Initiative.id))
            .where(
                Initiative.community_id == community_id,
                Initiative.status == InitiativeStatus.active,
                or_(
                    newest.c.id.is_(None),
                    newest.c.status != FactsheetStatus.published,
                ),
            )
        ).one()
    )


@dataclass(frozen=True)
class SessionFactsheetSummary:
    """How many of the community's initiatives have a newest factsheet for the session that is
    published, one that is not published yet, or none."""

    published: int
    unpublished: int
    missing: int


def session_summary(*, db: Session, community_id: int, session_id: int) -> SessionFactsheetSummary:
    """Counted in SQL over every initiative of the community: one statement."""
    newest = _newest_for_session(session_id)
    total, with_factsheet, published = db.exec(
        select(
            func.count(col(Initiative.id)),
            func.count(newest.c.id),
            func.count(newest.c.id).filter(newest.c.status == FactsheetStatus.published),
        )
        .select_from(Initiative)
        .outerjoin(newest, newest.c.initiative_id == col(Initiative.id))
        .where(Initiative.community_id == community_id)
    ).one()
    return SessionFactsheetSummary(
        published=int(published),
        unpublished=int(with_factsheet) - int(published),
        missing=int(total) - int(with_factsheet),
    )


def previous_published(
    *, db: Session, initiative_id: int, before_session_number: int
) -> tuple[Factsheet, LearningSession] | None:
    """The newest published factsheet of an earlier session: what this one is compared with."""
    row = db.exec(
        select(Factsheet, LearningSession)
        .join(LearningSession, col(LearningSession.id) == Factsheet.session_id)
        .where(
            Factsheet.initiative_id == initiative_id,
            Factsheet.status == FactsheetStatus.published,
            col(LearningSession.number) < before_session_number,
        )
        .options(_WITH_SECTIONS)
        .order_by(col(LearningSession.number).desc(), col(Factsheet.version_number).desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else None


def start_draft(
    *, db: Session, initiative: Initiative, learning_session: LearningSession
) -> Factsheet:
    """The working draft for this initiative and session, created when there is none."""
    assert initiative.id is not None and learning_session.id is not None
    latest = latest_for(db=db, initiative_id=initiative.id, session_id=learning_session.id)
    if latest is not None and latest.status in EDITABLE:
        return latest
    source = latest
    if source is None:
        earlier = previous_published(
            db=db,
            initiative_id=initiative.id,
            before_session_number=learning_session.number,
        )
        source = earlier[0] if earlier else None
    draft = Factsheet(
        initiative_id=initiative.id,
        session_id=learning_session.id,
        version_number=(latest.version_number + 1) if latest else 1,
        plain_language_summary=source.plain_language_summary if source else "",
    )
    db.add(draft)
    db.flush()
    by_condition = {s.condition: s for s in source.sections} if source else {}
    quotes = _quotes_by_section(db, [s.id for s in by_condition.values() if s.id])
    for condition in PartnershipCondition:
        old = by_condition.get(condition)
        section = FactsheetSection(
            factsheet_id=draft.id or 0,
            condition=condition,
            analysis=old.analysis if old else "",
            facilitators=old.facilitators if old else "",
            barriers=old.barriers if old else "",
            levels=list(old.levels) if old else [],
        )
        db.add(section)
        db.flush()
        for position, evidence_id in enumerate(quotes.get(old.id or 0, []) if old else []):
            db.add(
                FactsheetSectionEvidence(
                    section_id=section.id or 0, evidence_item_id=evidence_id, position=position
                )
            )
    db.flush()
    db.expire(draft)
    return get_factsheet(db=db, factsheet_id=draft.id or 0)


def _quotes_by_section(db: Session, section_ids: list[int]) -> dict[int, list[int]]:
    if not section_ids:
        return {}
    rows = db.exec(
        select(FactsheetSectionEvidence.section_id, FactsheetSectionEvidence.evidence_item_id)
        .where(col(FactsheetSectionEvidence.section_id).in_(section_ids))
        .order_by(col(FactsheetSectionEvidence.position))
    ).all()
    chosen: dict[int, list[int]] = {}
    for section_id, evidence_id in rows:
        chosen.setdefault(section_id, []).append(evidence_id)
    return chosen


def chosen_quotes(*, db: Session, factsheet: Factsheet) -> dict[int, list[int]]:
    """Evidence ids quoted in each section of the factsheet (section id → ids in order)."""
    return _quotes_by_section(db, [s.id for s in factsheet.sections if s.id])


def _require_editable(factsheet: Factsheet) -> None:
    if factsheet.status not in EDITABLE:
        raise ConflictError(
            N_("Version %(version)s is published and cannot change. Start a new draft to edit it."),
            arguments={"version": factsheet.version_number},
        )


def section(factsheet: Factsheet, condition: PartnershipCondition) -> FactsheetSection:
    for candidate in factsheet.sections:
        if candidate.condition == condition:
            return candidate
    raise NotFoundError(
        N_("This factsheet has no section %(condition)s."), arguments={"condition": condition}
    )


def update_section(
    *, db: Session, factsheet: Factsheet, condition: PartnershipCondition, data: SectionUpdate
) -> FactsheetSection:
    _require_editable(factsheet)
    stored = section(factsheet, condition)
    if stored.version != data.version:
        raise SectionConflictError(
            N_(
                "Someone else saved this section while you were editing. Both texts are shown "
                "below: copy what you need into the current text and save again."
            ),
            current_version=stored.version,
            stored=stored,
            attempted=data,
        )
    usable = set(
        db.exec(
            select(EvidenceItem.id).where(
                col(EvidenceItem.id).in_(data.evidence_ids),
                EvidenceItem.initiative_id == factsheet.initiative_id,
                col(EvidenceItem.quote_consent).is_(True),
            )
        ).all()
    )
    refused = [i for i in data.evidence_ids if i not in usable]
    if refused:
        raise InvalidInputError(
            N_("Only this initiative's evidence with consent to quote can be quoted."),
            [FieldProblem("evidence_ids", f"cannot quote evidence {', '.join(map(str, refused))}")],
        )
    stored.analysis = data.analysis
    stored.facilitators = data.facilitators
    stored.barriers = data.barriers
    stored.levels = list(dict.fromkeys(data.levels))
    stored.updated_at = utcnow()
    db.exec(
        delete(FactsheetSectionEvidence).where(
            col(FactsheetSectionEvidence.section_id) == stored.id
        )
    )
    for position, evidence_id in enumerate(dict.fromkeys(data.evidence_ids)):
        db.add(
            FactsheetSectionEvidence(
                section_id=stored.id or 0, evidence_item_id=evidence_id, position=position
            )
        )
    factsheet.updated_at = utcnow()  # the document's content changed
    db.flush()
    return stored


def update_summary(*, db: Session, factsheet: Factsheet, data: SummaryUpdate) -> Factsheet:
    _require_editable(factsheet)
    check_version(factsheet, data.version, "factsheet")
    factsheet.plain_language_summary = data.plain_language_summary
    factsheet.updated_at = utcnow()
    db.flush()
    return factsheet


def change_status(*, db: Session, factsheet: Factsheet, status: FactsheetStatus) -> Factsheet:
    if status not in NEXT_STATUS[factsheet.status]:
        raise ConflictError(
            N_(
                "A factsheet goes from draft to review to published; it cannot go from "
                "%(current)s to %(new)s."
            ),
            arguments={
                "current": factsheet.status.replace("_", " "),
                "new": status.replace("_", " "),
            },
        )
    if status == FactsheetStatus.published and not any(
        s.analysis.strip() for s in factsheet.sections
    ):
        raise ConflictError(N_("Write the analysis of at least one condition before publishing."))
    factsheet.status = status
    factsheet.published_at = utcnow() if status == FactsheetStatus.published else None
    factsheet.updated_at = utcnow()
    db.flush()
    if status == FactsheetStatus.published:
        # Imported here: view.py builds on this module.
        from app.factsheets.view import freeze

        freeze(db=db, factsheet=factsheet)
    return factsheet


# -- what changed --------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentence_diff(before: str, after: str) -> list[tuple[str, str]]:
    """A readable diff by sentence: (kind, text) with kind "same", "added" or "removed"."""
    old = [s for s in _SENTENCE_END.split(before.strip()) if s]
    new = [s for s in _SENTENCE_END.split(after.strip()) if s]
    lines: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            lines.extend(("same", s) for s in old[i1:i2])
        else:
            lines.extend(("removed", s) for s in old[i1:i2])
            lines.extend(("added", s) for s in new[j1:j2])
    return lines


# -- review comments ------------------------------------------------------------------------


def review_comments(*, db: Session, factsheet: Factsheet) -> Sequence[tuple[Reflection, str]]:
    """Comments on this version, oldest first, with their authors' names."""
    return db.exec(
        select(Reflection, Person.name)
        .outerjoin(Person, col(Person.id) == Reflection.author_id)
        .where(Reflection.factsheet_id == factsheet.id)
        .order_by(col(Reflection.created_at), col(Reflection.id))
    ).all()


def add_review_comment(
    *, db: Session, factsheet: Factsheet, author_id: int, perspective: Perspective, text: str
) -> Reflection:
    """Members comment while a version is in review; the researcher reads them before publishing."""
    if factsheet.status != FactsheetStatus.in_review:
        raise ConflictError(N_("Comments are collected while a factsheet is in review."))
    if not text.strip():
        raise InvalidInputError(N_("Write a comment first."), [FieldProblem("text", "is empty")])
    comment = Reflection(
        author_id=author_id,
        session_id=factsheet.session_id,
        factsheet_id=factsheet.id,
        perspective=perspective,
        visibility=ReflectionVisibility.session,
        text=text.strip(),
    )
    db.add(comment)
    db.flush()
    return comment
