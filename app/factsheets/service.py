"""Factsheets: one version per initiative and session, a section per condition.

Draft → in review → published. Publishing freezes a version; later edits start a new draft
version, copied from the last one. A new session's first draft carries the previous
session's published text forward, so the diff shows what changed.
"""

from dataclasses import dataclass

from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, delete, select

from app.db import utcnow
from app.errors import (
    ConflictError,
    FieldProblem,
    InvalidInputError,
    NotFoundError,
    StaleVersionError,
)
from app.evidence import consent_flags
from app.evidence.models import EvidenceItem
from app.factsheets import plain_text
from app.factsheets.models import Factsheet, FactsheetSection, FactsheetSectionEvidence
from app.factsheets.schemas import SectionUpdate, SummaryUpdate
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.versioning import check_version
from app.vocabulary import (
    FactsheetStatus,
    PartnershipCondition,
)

EDITABLE = (FactsheetStatus.draft, FactsheetStatus.in_review)
NEXT_STATUS: dict[FactsheetStatus, set[FactsheetStatus]] = {
    FactsheetStatus.draft: {FactsheetStatus.in_review},
    FactsheetStatus.in_review: {FactsheetStatus.draft, FactsheetStatus.published},
    FactsheetStatus.published: set(),
}
WITH_SECTIONS = selectinload(Factsheet.sections)  # type: ignore[arg-type]


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
        .options(WITH_SECTIONS)
    ).first()
    return (row[0], row[1]) if row else None


def get_factsheet(*, db: Session, factsheet_id: int) -> Factsheet:
    factsheet = db.exec(
        select(Factsheet).where(Factsheet.id == factsheet_id).options(WITH_SECTIONS)
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


def latest_for(*, db: Session, initiative_id: int, session_id: int) -> Factsheet | None:
    return db.exec(
        select(Factsheet)
        .where(Factsheet.initiative_id == initiative_id, Factsheet.session_id == session_id)
        .options(WITH_SECTIONS)
        .order_by(col(Factsheet.version_number).desc())
        .limit(1)
    ).first()


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
        .options(WITH_SECTIONS)
        .order_by(col(LearningSession.number).desc(), col(Factsheet.version_number).desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else None


def draft_for_session(*, db: Session, initiative: Initiative, session_id: int) -> Factsheet:
    """Start (or open) the initiative's draft for one of its community's sessions."""
    learning_session = db.get(LearningSession, session_id)
    if learning_session is None or learning_session.community_id != initiative.community_id:
        raise NotFoundError(
            N_("There is no learning session with id %(id)s."), arguments={"id": session_id}
        )
    return start_draft(db=db, initiative=initiative, learning_session=learning_session)


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
    # A trend compares with the previous session: a new version of this session keeps it, a
    # new session's first draft starts unjudged.
    same_session = latest is not None
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
            plain_text=old.plain_text if old else "",
            plain_confirmed_at=old.plain_confirmed_at if old else None,
            trend=old.trend if old and same_session else None,
            trend_reason=old.trend_reason if old and same_session else "",
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
    if not data.plain_confirmed:
        stored.plain_confirmed_at = None
    elif stored.plain_confirmed_at is None or stored.plain_text != data.plain_text:
        stored.plain_confirmed_at = utcnow()
    stored.plain_text = data.plain_text
    stored.trend = data.trend
    stored.trend_reason = data.trend_reason if data.trend else ""
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


def unconfirmed_plain_texts(factsheet: Factsheet) -> list[FactsheetSection]:
    """The sections with text whose plain-language text is not confirmed: publishing waits."""
    return [
        s
        for s in factsheet.sections
        if plain_text.needs_plain_text(s) and not plain_text.confirmed(s)
    ]


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
    if status == FactsheetStatus.published and unconfirmed_plain_texts(factsheet):
        raise ConflictError(
            N_(
                "Every section needs a plain-language text that you have read and confirmed "
                "before the factsheet is published. Sections still waiting: %(count)s. Tick "
                "“I have read and confirmed this plain text” in each and save it."
            ),
            arguments={"count": len(unconfirmed_plain_texts(factsheet))},
        )
    if status == FactsheetStatus.published:
        quoted = [i for ids in chosen_quotes(db=db, factsheet=factsheet).values() for i in ids]
        flagged = consent_flags.withdrawn(db=db, evidence_ids=quoted)
        if flagged:
            raise ConflictError(
                N_(
                    "Some quoted evidence comes from reflections whose authors withdrew "
                    "their consent (%(count)s). Remove it from the sections, or re-anonymise "
                    "it on the evidence list, before publishing."
                ),
                arguments={"count": len(flagged)},
            )
    factsheet.status = status
    factsheet.published_at = utcnow() if status == FactsheetStatus.published else None
    factsheet.updated_at = utcnow()
    db.flush()
    if status == FactsheetStatus.published:
        # Imported here: view.py builds on this module.
        from app.factsheets.view import freeze

        freeze(db=db, factsheet=factsheet)
    return factsheet
