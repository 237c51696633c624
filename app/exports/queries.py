"""The rows of each research export, in a fixed number of statements per kind (never one
per row). Values are plain: codes for conditions, levels and statuses, ISO dates, numbers."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, func, true
from sqlalchemy import select as sql_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.actions.models import Action
from app.auth.principal import Principal
from app.contributions.models import Dilemma
from app.evidence.models import EvidenceCondition, EvidenceItem, EvidenceOrigin
from app.evidence.session_excerpts import consent_holds, without_name
from app.factsheets.models import Factsheet
from app.initiatives.models import Initiative
from app.learning_sessions.models import Attendance, LearningSession, SessionEvaluation
from app.monitoring.models import Measurement, MonitoringIndicator
from app.people.models import Membership, Person
from app.privacy.export import role_descriptions
from app.reflections import visibility
from app.reflections.models import Reflection
from app.vocabulary import ReflectionStatus

# Below this many answers, an evaluation's role could point at a person: left out.
SMALL_GROUP = 5
Row = dict[str, Any]


@dataclass(frozen=True)
class ExportScope:
    """What an export covers: the community, the initiatives the viewer may export (None:
    all, for the facilitator), and the chosen filters."""

    community_id: int
    viewer: Principal
    allowed: frozenset[int] | None
    learning_session: LearningSession | None = None
    initiative: Initiative | None = None

    @property
    def initiative_ids(self) -> frozenset[int] | None:
        """The initiatives the rows may belong to (None: every one of the community)."""
        if self.initiative is not None:
            return frozenset({self.initiative.id or 0})
        return self.allowed

    @property
    def session_id(self) -> int | None:
        return None if self.learning_session is None else self.learning_session.id


def _in(column: Any, scope: ExportScope) -> ColumnElement[bool]:
    ids = scope.initiative_ids
    return true() if ids is None else col(column).in_(sorted(ids))


def _session_is(column: Any, scope: ExportScope) -> ColumnElement[bool]:
    return true() if scope.session_id is None else col(column) == scope.session_id


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def evidence(*, db: Session, scope: ExportScope, language: str) -> list[Row]:
    rows = db.exec(
        select(EvidenceItem, Initiative.name, LearningSession.number)
        .join(Initiative, col(Initiative.id) == EvidenceItem.initiative_id)
        .outerjoin(EvidenceOrigin, col(EvidenceOrigin.evidence_item_id) == EvidenceItem.id)
        .outerjoin(LearningSession, col(LearningSession.id) == EvidenceOrigin.session_id)
        .where(
            Initiative.community_id == scope.community_id,
            _in(EvidenceItem.initiative_id, scope),
            _session_is(EvidenceOrigin.session_id, scope),
        )
        .order_by(col(EvidenceItem.id))
    ).all()
    ids = [item.id for item, _, _ in rows]
    conditions: dict[int, list[str]] = defaultdict(list)
    if ids:
        for item_id, condition in db.exec(
            select(EvidenceCondition.evidence_item_id, EvidenceCondition.condition)
            .where(col(EvidenceCondition.evidence_item_id).in_(ids))
            .order_by(col(EvidenceCondition.condition))
        ).all():
            conditions[item_id].append(str(condition))
    return [
        {
            "id": item.id,
            "initiative": initiative,
            "session": number,
            "source": str(item.source),
            "observed_on": _iso(item.observed_on),
            "perspective": str(item.perspective),
            "level": str(item.level),
            "conditions": ";".join(conditions[item.id or 0]),
            "quote_consent": item.quote_consent,
            "excerpt": item.excerpt,
        }
        for item, initiative, number in rows
    ]


def reflections(*, db: Session, scope: ExportScope, language: str) -> list[Row]:
    """Submitted, shown reflections with their author's evidence consent (still holding),
    anonymised; a reflection belongs to the initiative of the dilemma or factsheet it
    answers, or else to its author's initiative."""
    rows = db.execute(
        sql_select(
            Reflection,
            col(Person.name),
            col(LearningSession.number),
            col(Dilemma.initiative_id),
            col(Factsheet.initiative_id),
        )
        .join(LearningSession, col(LearningSession.id) == Reflection.session_id)
        .outerjoin(Person, col(Person.id) == Reflection.author_id)
        .outerjoin(Dilemma, col(Dilemma.id) == Reflection.dilemma_id)
        .outerjoin(Factsheet, col(Factsheet.id) == Reflection.factsheet_id)
        .where(
            col(LearningSession.community_id) == scope.community_id,
            col(Reflection.status) == ReflectionStatus.submitted,
            col(Reflection.hidden_at).is_(None),
            col(Reflection.evidence_consent).is_(True),
            _session_is(Reflection.session_id, scope),
            visibility.readable(scope.viewer),
        )
        .order_by(col(Reflection.id))
    ).all()
    own_initiative = _first_initiatives(db, scope.community_id)
    names = dict(
        db.exec(
            select(Initiative.id, Initiative.name).where(
                Initiative.community_id == scope.community_id
            )
        ).all()
    )
    allowed = scope.initiative_ids
    found: list[Row] = []
    for reflection, author, number, of_dilemma, of_factsheet in rows:
        initiative_id = of_dilemma or of_factsheet or own_initiative.get(reflection.author_id or 0)
        if allowed is not None and initiative_id not in allowed:
            continue
        if not consent_holds(db, reflection):
            continue
        found.append(
            {
                "id": reflection.id,
                "session": number,
                "initiative": names.get(initiative_id or 0, ""),
                "perspective": str(reflection.perspective),
                "answers": _answers(reflection),
                "text": without_name(reflection.text, author),
            }
        )
    return found


def _answers(reflection: Reflection) -> str:
    if reflection.reflective_question_id is not None:
        return "question"
    if reflection.factsheet_id is not None:
        return "factsheet"
    if reflection.dilemma_id is not None:
        return "dilemma"
    return "session"


def _first_initiatives(db: Session, community_id: int) -> dict[int, int]:
    """person id → the first initiative they are a member of."""
    found: dict[int, int] = {}
    for person_id, initiative_id in db.exec(
        select(Membership.person_id, Membership.initiative_id)
        .where(Membership.community_id == community_id, col(Membership.initiative_id).is_not(None))
        .order_by(col(Membership.id))
    ).all():
        found.setdefault(person_id, initiative_id or 0)
    return found


def actions(*, db: Session, scope: ExportScope, language: str) -> list[Row]:
    opened = aliased(LearningSession)
    review = aliased(LearningSession)
    rows = db.exec(
        select(Action, Initiative.name, opened.number, review.number)
        .join(Initiative, col(Initiative.id) == Action.initiative_id)
        .join(opened, col(opened.id) == Action.opened_in_session_id)
        .outerjoin(review, col(review.id) == Action.review_session_id)
        .where(
            Initiative.community_id == scope.community_id,
            _in(Action.initiative_id, scope),
            _session_is(Action.opened_in_session_id, scope),
        )
        .order_by(col(Action.id))
    ).all()
    roles = role_descriptions(db=db, community_id=scope.community_id, language=language)
    return [
        {
            "id": action.id,
            "initiative": initiative,
            "session_opened": opened_number,
            "review_session": review_number,
            "title": action.title,
            "description": action.description,
            "condition": str(action.condition),
            "level": str(action.level),
            "pdsa_stage": str(action.pdsa_stage),
            "status": str(action.status),
            "due_date": _iso(action.due_date),
            "owner": roles.get(action.owner_id or 0, "") if action.owner_id else "",
        }
        for action, initiative, opened_number, review_number in rows
    ]


def attendance(*, db: Session, scope: ExportScope, language: str) -> list[Row]:
    """Per session × initiative × role: how many were invited and how many came."""
    invited = func.sum(case((col(Attendance.invited).is_(True), 1), else_=0))
    attended = func.sum(case((col(Attendance.attended).is_(True), 1), else_=0))
    rows = db.execute(
        sql_select(
            col(LearningSession.number),
            col(Initiative.name),
            col(Membership.role),
            invited,
            attended,
        )
        .select_from(Attendance)
        .join(LearningSession, col(LearningSession.id) == Attendance.session_id)
        .join(Membership, col(Membership.person_id) == Attendance.person_id)
        .outerjoin(Initiative, col(Initiative.id) == Membership.initiative_id)
        .where(
            col(LearningSession.community_id) == scope.community_id,
            _session_is(Attendance.session_id, scope),
            _in(Membership.initiative_id, scope),
        )
        .group_by(col(LearningSession.number), col(Initiative.name), col(Membership.role))
        .order_by(col(LearningSession.number), col(Initiative.name), col(Membership.role))
    ).all()
    return [
        {
            "session": number,
            "initiative": name or "",
            "role": str(role),
            "invited": int(invited_count or 0),
            "attended": int(attended_count or 0),
        }
        for number, name, role, invited_count, attended_count in rows
    ]


def evaluations(*, db: Session, scope: ExportScope, language: str) -> list[Row]:
    """The answers, without the person and without comments (which may name people); the
    answerer's role only where at least SMALL_GROUP of that role answered for the session.
    A researcher's export holds the answers of their initiatives' members."""
    ids = scope.initiative_ids
    members = (
        None
        if ids is None
        else select(Membership.person_id).where(col(Membership.initiative_id).in_(sorted(ids)))
    )
    first_role = (
        select(func.min(Membership.role))
        .where(Membership.person_id == SessionEvaluation.person_id)
        .scalar_subquery()
    )
    rows = db.execute(
        sql_select(
            col(SessionEvaluation.session_id),
            col(LearningSession.number),
            first_role,
            col(SessionEvaluation.preparation),
            col(SessionEvaluation.usefulness),
            col(SessionEvaluation.family_voice),
            col(SessionEvaluation.come_again),
        )
        .join(LearningSession, col(LearningSession.id) == SessionEvaluation.session_id)
        .where(
            col(LearningSession.community_id) == scope.community_id,
            _session_is(SessionEvaluation.session_id, scope),
            true() if members is None else col(SessionEvaluation.person_id).in_(members),
        )
        .order_by(col(LearningSession.number), col(SessionEvaluation.id))
    ).all()
    group_sizes: dict[tuple[int, Any], int] = defaultdict(int)
    for session_id, _, role, *_ in rows:
        group_sizes[(session_id, role)] += 1
    return [
        {
            "session": number,
            "role": str(role) if role and group_sizes[(session_id, role)] >= SMALL_GROUP else "",
            "preparation": preparation,
            "usefulness": usefulness,
            "family_voice": family_voice,
            "come_again": come_again,
        }
        for session_id, number, role, preparation, usefulness, family_voice, come_again in rows
    ]


def indicators(*, db: Session, scope: ExportScope, language: str) -> list[Row]:
    """Each indicator's measurements (an indicator without any: one row without a value).
    Measurements carry no session, so the session filter does not narrow them."""
    rows = db.execute(
        sql_select(
            MonitoringIndicator,
            col(Initiative.name),
            col(Measurement.measured_on),
            col(Measurement.value),
        )
        .join(Initiative, col(Initiative.id) == MonitoringIndicator.initiative_id)
        .outerjoin(Measurement, col(Measurement.indicator_id) == MonitoringIndicator.id)
        .where(
            col(Initiative.community_id) == scope.community_id,
            _in(MonitoringIndicator.initiative_id, scope),
        )
        .order_by(col(Initiative.name), col(MonitoringIndicator.name), col(Measurement.measured_on))
    ).all()
    return [
        {
            "initiative": initiative,
            "name": indicator.name,
            "condition": str(indicator.condition),
            "level": str(indicator.level),
            "unit": indicator.unit,
            "baseline": indicator.baseline,
            "target": indicator.target,
            "measured_on": _iso(measured_on),
            "value": value,
        }
        for indicator, initiative, measured_on, value in rows
    ]
