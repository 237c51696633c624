"""The action-research trail of a factsheet's findings: per section (one partnership
condition of the initiative), the evidence that came from a learning session → the session
and agenda item that discussed it, with the reflections → the actions that followed → the
revised finding in a later version.

Three statements for all sections together. Reflections appear only as
``app.reflections.visibility`` lets the viewer read them, by name only where the author chose
to show it. The trail is for the editor and the web preview, never the PDF (a published
version's document is its frozen snapshot).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import case, false, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.actions.models import Action
from app.agendas.models import AgendaItem
from app.auth import policy
from app.auth.principal import Principal
from app.evidence.models import EvidenceCondition, EvidenceItem, EvidenceOrigin
from app.factsheets.models import Factsheet, FactsheetSection
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.reflections import visibility
from app.reflections.models import Reflection, ReflectionFollowUp
from app.vocabulary import ActionStatus, PartnershipCondition, Perspective, ReflectionStatus

EXCERPT = 240


@dataclass(frozen=True)
class TrailReflection:
    reflection_id: int
    text: str  # "" when the viewer may not read it
    shown_name: str  # "" when the author appears by perspective
    anonymous_as: str  # N_-marked
    perspective: Perspective


@dataclass(frozen=True)
class TrailAction:
    action_id: int
    title: str
    status: ActionStatus


@dataclass(frozen=True)
class RevisedFinding:
    factsheet_id: int
    version_number: int
    session_number: int
    condition: PartnershipCondition
    is_this_version: bool


@dataclass
class TrailThread:
    """One line of the trail, from the evidence (if any) to the revised finding (if any)."""

    evidence_id: int | None = None
    evidence_excerpt: str = ""
    session_number: int | None = None
    discussed_in: str = ""
    reflections: list[TrailReflection] = field(default_factory=list)
    actions: list[TrailAction] = field(default_factory=list)
    revised: list[RevisedFinding] = field(default_factory=list)
    _reflection_ids: set[int] = field(default_factory=set)
    _item_id: int | None = None


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1].rstrip() + "…"


def trails_for(
    *, db: Session, factsheet: Factsheet, viewer: Principal
) -> dict[PartnershipCondition, list[TrailThread]]:
    """The trail for those who read the initiative's evidence and drafts; nothing for others."""
    if not policy.reads_initiative_drafts(viewer, factsheet.initiative_id):
        return {}
    return section_trails(db=db, factsheet=factsheet, viewer=viewer)


def section_trails(
    *, db: Session, factsheet: Factsheet, viewer: Principal
) -> dict[PartnershipCondition, list[TrailThread]]:
    """Each condition's trail threads for ``factsheet``'s initiative, across its versions."""
    initiative_id = factsheet.initiative_id
    origin_session = aliased(LearningSession)
    origin_item = aliased(AgendaItem)
    origins = db.exec(
        select(  # type: ignore[call-overload]
            EvidenceOrigin,
            EvidenceItem.excerpt,
            EvidenceCondition.condition,
            origin_session.number,
            origin_item.title,
        )
        .join(EvidenceItem, col(EvidenceItem.id) == EvidenceOrigin.evidence_item_id)
        .join(EvidenceCondition, col(EvidenceCondition.evidence_item_id) == EvidenceItem.id)
        .join(origin_session, col(origin_session.id) == EvidenceOrigin.session_id)
        .outerjoin(origin_item, col(origin_item.id) == EvidenceOrigin.agenda_item_id)
        .where(EvidenceItem.initiative_id == initiative_id)
        .order_by(col(origin_session.number), col(EvidenceOrigin.evidence_item_id))
    ).all()
    threads: dict[int, TrailThread] = {}
    by_condition: dict[PartnershipCondition, list[TrailThread]] = {
        c: [] for c in PartnershipCondition
    }
    for origin, excerpt, condition, number, item_title in origins:
        thread = threads.get(origin.evidence_item_id)
        if thread is None:
            thread = threads[origin.evidence_item_id] = TrailThread(
                evidence_id=origin.evidence_item_id,
                evidence_excerpt=_short(excerpt),
                session_number=number,
                discussed_in=item_title or "",
                _item_id=origin.agenda_item_id,
            )
            if origin.reflection_id is not None:
                thread._reflection_ids.add(origin.reflection_id)
        by_condition[PartnershipCondition(condition)].append(thread)
    _add_reflections(db, initiative_id, factsheet, viewer, list(threads.values()), by_condition)
    _add_actions(db, [t for ts in by_condition.values() for t in ts])
    return {condition: found for condition, found in by_condition.items() if found}


def _add_reflections(
    db: Session,
    initiative_id: int,
    factsheet: Factsheet,
    viewer: Principal,
    evidence_threads: list[TrailThread],
    by_condition: dict[PartnershipCondition, list[TrailThread]],
) -> None:
    """The reflections of the evidence (its own, or discussed in its agenda item) and those
    that revised a finding of the initiative, each with its discussion and revised finding."""
    reflection_ids = {i for t in evidence_threads for i in t._reflection_ids}
    item_ids = {t._item_id for t in evidence_threads if t._item_id is not None}
    revised_sheet = aliased(Factsheet)
    revised_session = aliased(LearningSession)
    reflection_session = aliased(LearningSession)
    readable = case((visibility.readable(viewer), True), else_=False)
    rows = db.exec(
        select(  # type: ignore[call-overload]
            Reflection,
            ReflectionFollowUp,
            Person.name,
            AgendaItem.title,
            reflection_session.number,
            FactsheetSection.condition,
            revised_sheet.id,
            revised_sheet.version_number,
            revised_session.number,
            readable.label("readable"),
        )
        .join(reflection_session, col(reflection_session.id) == Reflection.session_id)
        .outerjoin(ReflectionFollowUp, col(ReflectionFollowUp.reflection_id) == Reflection.id)
        .outerjoin(Person, col(Person.id) == Reflection.author_id)
        .outerjoin(AgendaItem, col(AgendaItem.id) == ReflectionFollowUp.discussed_in_item_id)
        .outerjoin(
            FactsheetSection, col(FactsheetSection.id) == ReflectionFollowUp.revised_section_id
        )
        .outerjoin(revised_sheet, col(revised_sheet.id) == FactsheetSection.factsheet_id)
        .outerjoin(revised_session, col(revised_session.id) == revised_sheet.session_id)
        .where(
            Reflection.status == ReflectionStatus.submitted,
            or_(
                col(Reflection.id).in_(reflection_ids) if reflection_ids else false(),
                col(ReflectionFollowUp.discussed_in_item_id).in_(item_ids) if item_ids else false(),
                col(revised_sheet.initiative_id) == initiative_id,
            ),
        )
        .order_by(col(Reflection.id))
    ).all()
    for (
        reflection,
        follow_up,
        name,
        item_title,
        number,
        condition,
        sheet_id,
        version,
        later,
        can_read,
    ) in rows:
        rid = reflection.id or 0
        shown = TrailReflection(
            reflection_id=rid,
            text=_short(reflection.text) if can_read else "",
            shown_name=visibility.shown_name(reflection, name) if can_read else "",
            anonymous_as=visibility.anonymous_name(reflection.perspective),
            perspective=Perspective(reflection.perspective),
        )
        revised = (
            RevisedFinding(
                sheet_id, version, later, PartnershipCondition(condition), sheet_id == factsheet.id
            )
            if follow_up is not None and condition is not None
            else None
        )
        homes = [
            t
            for t in evidence_threads
            if rid in t._reflection_ids
            or (
                follow_up is not None
                and t._item_id is not None
                and follow_up.discussed_in_item_id == t._item_id
            )
        ]
        if not homes and revised is not None:
            # A revised finding without evidence from the session: a thread of its own.
            home = TrailThread(session_number=number, discussed_in=item_title or "")
            by_condition[revised.condition].append(home)
            homes = [home]
        for home in homes:
            home._reflection_ids.add(rid)
            if not home.discussed_in and item_title:
                home.discussed_in = item_title
            if all(known.reflection_id != rid for known in home.reflections):
                home.reflections.append(shown)
            if revised is not None and revised not in home.revised:
                home.revised.append(revised)


def _add_actions(db: Session, threads: Iterable[TrailThread]) -> None:
    """The actions that followed a thread's reflections or its agenda item. One statement."""
    threads = list({id(t): t for t in threads}.values())
    reflection_ids = {i for t in threads for i in t._reflection_ids}
    item_ids = {t._item_id for t in threads if t._item_id is not None}
    rows = db.exec(
        select(  # type: ignore[call-overload]
            Action.id, Action.title, Action.status, Action.reflection_id, Action.agenda_item_id
        )
        .where(
            or_(
                col(Action.reflection_id).in_(reflection_ids) if reflection_ids else false(),
                col(Action.agenda_item_id).in_(item_ids) if item_ids else false(),
            )
        )
        .order_by(col(Action.id))
    ).all()
    for action_id, title, status, reflection_id, item_id in rows:
        action = TrailAction(action_id or 0, title, ActionStatus(status))
        for thread in threads:
            follows = reflection_id in thread._reflection_ids or (
                item_id is not None and item_id == thread._item_id
            )
            if follows and action not in thread.actions:
                thread.actions.append(action)
