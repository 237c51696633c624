"""The audit log: sign-ins, access links, invitations, roles, publishing, exports, erasures."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from app.audit.models import AuditEntry
from app.auth import rate_limit
from app.auth.principal import Principal
from app.db import fetch_page, utcnow
from app.vocabulary import AuditAction


def _one_line(value: str, limit: int) -> str:
    # CR/LF escaped so one entry can never pose as several in a log or export.
    escaped = value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")
    return escaped.replace("\x00", "\\0")[:limit]  # PostgreSQL refuses NUL in text


def record(
    *,
    db: Session,
    action: AuditAction,
    actor: Principal | None = None,
    actor_label: str = "",
    subject: str = "",
    detail: str = "",
    ip: str = "",
    initiative_id: int | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        at=utcnow(),
        action=action,
        actor_person_id=actor.person_id if actor else None,
        actor_label=_one_line(actor_label or (actor.email or actor.name if actor else ""), 254),
        subject=_one_line(subject, 300),
        detail=_one_line(detail, 2000),
        ip=_one_line(ip, 64),
        initiative_id=initiative_id,
    )
    db.add(entry)
    db.flush()
    return entry


def refused_by_rate_limit(
    *,
    db: Session,
    limits: list[rate_limit.Limit],
    subject: str,
    ip: str,
    actor: Principal | None = None,
    actor_label: str = "",
) -> rate_limit.Exceeded | None:
    """The limit already used up, with the refusal recorded; None: the attempt may go on.

    The caller answers with a response, not an exception, so that the entry is committed.
    """
    blocked = rate_limit.exceeded(db=db, limits=limits)
    if blocked is not None:
        record(
            db=db,
            action=AuditAction.rate_limited,
            actor=actor,
            actor_label=actor_label,
            subject=subject,
            ip=ip,
        )
    return blocked


@dataclass(frozen=True)
class AuditFilter:
    action: AuditAction | None = None
    actor: str = ""
    since: datetime | None = None
    until: datetime | None = None


def list_entries(
    *, db: Session, audit_filter: AuditFilter, offset: int = 0, limit: int = 50
) -> tuple[Sequence[AuditEntry], int]:
    conditions: list[ColumnElement[bool]] = []
    if audit_filter.action is not None:
        conditions.append(col(AuditEntry.action) == audit_filter.action)
    if audit_filter.actor:
        conditions.append(
            func.lower(AuditEntry.actor_label).contains(audit_filter.actor.lower(), autoescape=True)
        )
    if audit_filter.since is not None:
        conditions.append(col(AuditEntry.at) >= audit_filter.since)
    if audit_filter.until is not None:
        conditions.append(col(AuditEntry.at) < audit_filter.until)
    query = (
        select(AuditEntry)
        .where(*conditions)
        .order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
    )
    return fetch_page(db, query, offset=offset, limit=limit)
