"""Exports for researchers: who may export what, and the rows of each kind.

The facilitator exports everything of the community; a practitioner-researcher only the
initiatives they research (where they record evidence). Rows never name a person: owners
appear as their role, reflections only with their author's evidence consent and with the
author's name taken out, evaluations without comments. Every export is audited.
"""

from typing import Any

from sqlmodel import Session, col, select

from app.audit import service as audit
from app.auth import policy
from app.auth.principal import Principal
from app.errors import ForbiddenError, NotFoundError
from app.exports import queries
from app.exports.queries import ExportScope
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.vocabulary import AuditAction

# kind → its label on the page, and the fields of its rows (the CSV header, in order).
KINDS: dict[str, str] = {
    "evidence": N_("Evidence"),
    "reflections": N_("Reflections (only with consent, anonymised)"),
    "actions": N_("Actions"),
    "attendance": N_("Attendance (counts)"),
    "evaluations": N_("Session evaluations (without comments)"),
    "indicators": N_("Monitoring indicators and measurements"),
}
FORMATS = ("csv", "json")
FIELDS: dict[str, tuple[str, ...]] = {
    "evidence": (
        "id",
        "initiative",
        "session",
        "source",
        "observed_on",
        "perspective",
        "level",
        "conditions",
        "quote_consent",
        "excerpt",
    ),
    "reflections": ("id", "session", "initiative", "perspective", "answers", "text"),
    "actions": (
        "id",
        "initiative",
        "session_opened",
        "review_session",
        "title",
        "description",
        "condition",
        "level",
        "pdsa_stage",
        "status",
        "due_date",
        "owner",
    ),
    "attendance": ("session", "initiative", "role", "invited", "attended"),
    "evaluations": (
        "session",
        "role",
        "preparation",
        "usefulness",
        "family_voice",
        "come_again",
    ),
    "indicators": (
        "initiative",
        "name",
        "condition",
        "level",
        "unit",
        "baseline",
        "target",
        "measured_on",
        "value",
    ),
}
UNKNOWN_KIND = N_("There is no export called %(kind)s.")
NOT_RESEARCHED = N_("You export only the initiatives you research.")


def researched_initiatives(*, db: Session, viewer: Principal) -> list[Initiative]:
    """The community's initiatives the viewer exports, by name."""
    rows = db.exec(
        select(Initiative)
        .where(Initiative.community_id == viewer.community_id)
        .order_by(col(Initiative.name))
    ).all()
    return [row for row in rows if policy.records_evidence(viewer, row.id or 0)]


def sessions(*, db: Session, viewer: Principal) -> list[LearningSession]:
    return list(
        db.exec(
            select(LearningSession)
            .where(LearningSession.community_id == viewer.community_id)
            .order_by(col(LearningSession.number))
        ).all()
    )


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise NotFoundError(UNKNOWN_KIND, arguments={"kind": kind})
    return kind


def scope_for(
    *, db: Session, viewer: Principal, session_id: int | None, initiative_id: int | None
) -> ExportScope:
    """The viewer's export scope with the filters checked: an unknown or foreign session or
    initiative does not exist (404); an initiative the viewer does not research: 403."""
    learning_session = db.get(LearningSession, session_id) if session_id is not None else None
    if session_id is not None and (
        learning_session is None or learning_session.community_id != viewer.community_id
    ):
        raise NotFoundError(
            N_("There is no learning session with id %(id)s."), arguments={"id": session_id}
        )
    initiative = db.get(Initiative, initiative_id) if initiative_id is not None else None
    if initiative_id is not None and (
        initiative is None or initiative.community_id != viewer.community_id
    ):
        raise NotFoundError(
            N_("There is no initiative with id %(id)s."), arguments={"id": initiative_id}
        )
    if initiative is not None and not policy.records_evidence(viewer, initiative.id or 0):
        raise ForbiddenError(NOT_RESEARCHED)
    allowed = (
        None
        if viewer.is_facilitator
        else frozenset(i.id or 0 for i in researched_initiatives(db=db, viewer=viewer))
    )
    return ExportScope(
        community_id=viewer.community_id,
        viewer=viewer,
        allowed=allowed,
        learning_session=learning_session,
        initiative=initiative,
    )


def export_rows(
    *, db: Session, kind: str, scope: ExportScope, language: str
) -> list[dict[str, Any]]:
    """The rows of one kind, each with exactly the kind's fields."""
    found = {
        "evidence": queries.evidence,
        "reflections": queries.reflections,
        "actions": queries.actions,
        "attendance": queries.attendance,
        "evaluations": queries.evaluations,
        "indicators": queries.indicators,
    }[check_kind(kind)](db=db, scope=scope, language=language)
    return [{name: row.get(name) for name in FIELDS[kind]} for row in found]


def record_export(
    *, db: Session, kind: str, fmt: str, scope: ExportScope, actor: Principal, ip: str, count: int
) -> None:
    subject = f"research export: {kind} ({fmt})"
    if scope.learning_session is not None:
        subject += f", session {scope.learning_session.number}"
    if scope.initiative is not None:
        subject += f", {scope.initiative.name}"
    audit.record(
        db=db,
        action=AuditAction.exported,
        actor=actor,
        subject=subject,
        detail=f"{count} rows",
        ip=ip,
        initiative_id=None if scope.initiative is None else scope.initiative.id,
    )
