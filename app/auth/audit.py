"""The audit log: sign-ins, access links, invitations, roles, publishing, exports, erasures."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from app.auth.models import AuditEntry
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
