"""Build the FactsheetView of one factsheet version: a fixed number of queries, no lazy loads.

A published version's view is its snapshot, stored as it was published: the preview, the PDFs
and the ZIP show exactly what was published, never evidence, members or actions added since.
"""

import dataclasses
import re
from collections import defaultdict

from pydantic import TypeAdapter
from sqlalchemy import func
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, select

from app.actions.models import Action
from app.agendas.models import ReflectiveQuestion
from app.community.models import LearningCommunity
from app.db import utcnow
from app.evidence.models import EvidenceItem
from app.factsheets import plain_text, review, service
from app.factsheets.document import (
    ActionView,
    DiffLine,
    FactsheetView,
    FamilyQuestion,
    MatrixCell,
    MemberView,
    Quote,
    SectionChange,
    SectionView,
    SessionHistoryItem,
)
from app.factsheets.models import Factsheet, FactsheetSnapshot
from app.initiatives import service as initiative_service
from app.learning_sessions.models import Attendance, LearningSession
from app.people import service as people_service
from app.people.models import Membership, Person
from app.vocabulary import ActionStatus, FactsheetStatus, PartnershipCondition, Perspective, Role

KEY_POINT_LENGTH = 140
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(\s|$)")


def key_point(excerpt: str) -> str:
    """The first sentence of an excerpt, shortened to fit a matrix cell."""
    text = " ".join(excerpt.split())
    match = _FIRST_SENTENCE.match(text)
    sentence = match.group(1) if match else text
    if len(sentence) > KEY_POINT_LENGTH:
        sentence = sentence[: KEY_POINT_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return sentence


_SNAPSHOT = TypeAdapter(FactsheetView)
# The snapshot holds no translated text (templates translate labels); any language will do.
_SNAPSHOT_LANGUAGE = "en"


def build_view(*, db: Session, factsheet: Factsheet, language: str) -> FactsheetView:
    """What the version shows: its snapshot once published, today's data while a draft."""
    if factsheet.status != FactsheetStatus.published:
        return _current_view(db=db, factsheet=factsheet, language=language)
    snapshot = db.get(FactsheetSnapshot, factsheet.id)
    if snapshot is None:
        # Published before snapshots were kept: frozen now, on its first reading since.
        view = _current_view(db=db, factsheet=factsheet, language=_SNAPSHOT_LANGUAGE)
        snapshot = _keep_snapshot(db, factsheet, view)
        if snapshot is None:
            return dataclasses.replace(view, language=language)
    return dataclasses.replace(_SNAPSHOT.validate_python(snapshot.view), language=language)


def _as_json(view: FactsheetView) -> dict[str, object]:
    # Enum fields may still hold the plain strings they were set with; their values are right.
    data: dict[str, object] = _SNAPSHOT.dump_python(view, mode="json", warnings=False)
    return data


def freeze(*, db: Session, factsheet: Factsheet) -> None:
    """Store what the version shows as it is published (service.change_status calls this)."""
    view = _current_view(db=db, factsheet=factsheet, language=_SNAPSHOT_LANGUAGE)
    stored = db.get(FactsheetSnapshot, factsheet.id)
    if stored is None:
        db.add(
            FactsheetSnapshot(
                factsheet_id=factsheet.id or 0,
                view=_as_json(view),
                created_at=utcnow(),
            )
        )
    else:
        stored.view = _as_json(view)
    db.flush()


def _keep_snapshot(
    db: Session, factsheet: Factsheet, view: FactsheetView
) -> FactsheetSnapshot | None:
    """Store a late snapshot; if a concurrent reader stored one first, theirs is kept."""
    try:
        with db.begin_nested():
            snapshot = FactsheetSnapshot(
                factsheet_id=factsheet.id or 0,
                view=_as_json(view),
                created_at=utcnow(),
            )
            db.add(snapshot)
            db.flush()
        return snapshot
    except SQLAlchemyError:
        return db.exec(
            select(FactsheetSnapshot).where(FactsheetSnapshot.factsheet_id == factsheet.id)
        ).first()


def _current_view(*, db: Session, factsheet: Factsheet, language: str) -> FactsheetView:
    initiative = initiative_service.get_initiative(db=db, initiative_id=factsheet.initiative_id)
    learning_session = db.get(LearningSession, factsheet.session_id)
    assert learning_session is not None and initiative.id is not None
    community = db.get(LearningCommunity, learning_session.community_id)
    assert community is not None

    evidence = db.exec(
        select(EvidenceItem)
        .where(EvidenceItem.initiative_id == initiative.id)
        .options(selectinload(EvidenceItem.conditions))  # type: ignore[arg-type]
        .order_by(col(EvidenceItem.observed_on).desc(), col(EvidenceItem.id).desc())
    ).all()
    by_id = {item.id: item for item in evidence}
    quotes = service.chosen_quotes(db=db, factsheet=factsheet)
    earlier = service.previous_published(
        db=db, initiative_id=initiative.id, before_session_number=learning_session.number
    )
    earlier_sections = {s.condition: s for s in earlier[0].sections} if earlier else {}

    sections = []
    for condition in PartnershipCondition:
        current = service.section(factsheet, condition)
        change = None
        if earlier is not None and condition in earlier_sections:
            before = earlier_sections[condition].analysis
            change = SectionChange(
                previous_version=earlier[0].version_number,
                previous_session_number=earlier[1].number,
                lines=[DiffLine(k, t) for k, t in review.sentence_diff(before, current.analysis)],
            )
        sections.append(
            SectionView(
                condition=condition,
                analysis=current.analysis,
                facilitators=current.facilitators,
                barriers=current.barriers,
                levels=list(current.levels),
                quotes=[
                    Quote(
                        text=item.excerpt,
                        source=item.source,
                        perspective=item.perspective,
                        level=item.level,
                        observed_on=item.observed_on,
                    )
                    for evidence_id in quotes.get(current.id or 0, [])
                    if (item := by_id.get(evidence_id)) is not None and item.quote_consent
                ],
                change=change,
                plain_text=current.plain_text if plain_text.confirmed(current) else "",
                trend=current.trend,
                trend_reason=current.trend_reason,
            )
        )

    cells: dict[tuple[PartnershipCondition, Perspective], list[EvidenceItem]] = defaultdict(list)
    for item in evidence:
        for tag in item.conditions:
            cells[(tag.condition, item.perspective)].append(item)
    matrix = {
        condition: {
            perspective: MatrixCell(
                count=len(cells[(condition, perspective)]),
                key_point=next(
                    (
                        key_point(i.excerpt)
                        for i in cells[(condition, perspective)]
                        if i.quote_consent
                    ),
                    "",
                ),
            )
            for perspective in Perspective
        }
        for condition in PartnershipCondition
    }

    members = [
        MemberView(name=person.name, role=membership.role, organisation=person.organisation)
        for membership, person in people_service.initiative_members(
            db=db, initiative_id=initiative.id
        )
    ]
    return FactsheetView(
        language=language,
        initiative_name=initiative.name,
        municipalities=[m.name for m in initiative.municipalities],
        target_group=initiative.target_group,
        disciplines=[d.name for d in initiative.disciplines],
        funding=initiative.funding_arrangement.value,
        funding_notes=initiative.funding_notes,
        monitoring_approach=initiative.monitoring_approach,
        community_name=community.name,
        session_number=learning_session.number,
        session_starts_at=learning_session.starts_at,
        session_timezone=learning_session.timezone,
        session_place=learning_session.place,
        version_number=factsheet.version_number,
        status=factsheet.status,
        published_at=factsheet.published_at,
        plain_language_summary=factsheet.plain_language_summary,
        sections=sections,
        matrix=matrix,
        members=members,
        session_history=_history(db, initiative.id, learning_session),
        open_actions=_open_actions(db, initiative.id, learning_session),
        family_questions=[
            FamilyQuestion(text=q.plain_text or q.text, condition=q.condition)
            for q in db.exec(
                select(ReflectiveQuestion)
                .where(ReflectiveQuestion.session_id == learning_session.id)
                .order_by(col(ReflectiveQuestion.position), col(ReflectiveQuestion.id))
            ).all()
            # Addressed to everyone (no target roles) or to family representatives.
            if not q.target_roles or Role.family_representative in q.target_roles
        ],
    )


def _history(db: Session, initiative_id: int, current: LearningSession) -> list[SessionHistoryItem]:
    """Earlier sessions with how many of the initiative's members were invited and came."""
    member_ids = select(Membership.person_id).where(Membership.initiative_id == initiative_id)
    rows = db.exec(
        select(
            LearningSession,
            func.count(col(Attendance.id)),
            func.count(col(Attendance.id)).filter(col(Attendance.attended).is_(True)),
        )
        .outerjoin(
            Attendance,
            (col(Attendance.session_id) == LearningSession.id)
            & col(Attendance.person_id).in_(member_ids),
        )
        .where(
            LearningSession.community_id == current.community_id,
            col(LearningSession.number) < current.number,
        )
        .group_by(col(LearningSession.id))
        .order_by(col(LearningSession.number))
    ).all()
    return [
        SessionHistoryItem(
            number=s.number, starts_at=s.starts_at, status=s.status, invited=invited, attended=came
        )
        for s, invited, came in rows
    ]


def _open_actions(db: Session, initiative_id: int, current: LearningSession) -> list[ActionView]:
    """The initiative's open actions agreed before this session: those it reviews, and older
    ones still open (an action agreed in this session belongs to the next factsheet)."""
    rows = db.exec(
        select(Action, Person.name)
        .join(LearningSession, col(LearningSession.id) == Action.opened_in_session_id)
        .outerjoin(Person, col(Person.id) == Action.owner_id)
        .where(
            Action.initiative_id == initiative_id,
            col(Action.status).in_([ActionStatus.open, ActionStatus.in_progress]),
            col(LearningSession.number) < current.number,
        )
        .order_by(col(Action.due_date), col(Action.id))
    ).all()
    return [
        ActionView(
            title=action.title,
            condition=action.condition,
            pdsa_stage=action.pdsa_stage,
            status=action.status,
            due_date=action.due_date,
            owner=owner or "",
        )
        for action, owner in rows
    ]
