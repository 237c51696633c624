"""Reading sensitive data is audited: a page that shows it asks for ``SensitiveReadDep`` and
calls it with what was read. The entry is written once the response has gone out, in its
own transaction (``write_after_response``), so a read request stays a read."""

from collections.abc import Callable
from typing import Annotated

from fastapi import BackgroundTasks, Depends, Request
from sqlmodel import Session

from app.audit import service
from app.auth.dependencies import OptionalPrincipal
from app.deps import write_after_response
from app.vocabulary import AuditAction
from app.web import client_ip

RecordRead = Callable[..., None]


def sensitive_read(
    request: Request, background: BackgroundTasks, principal: OptionalPrincipal
) -> RecordRead:
    ip = client_ip(request)

    def record(subject: str, *, initiative_id: int | None = None) -> None:
        if principal is None:
            return
        actor = principal

        def write(db: Session) -> None:
            service.record(
                db=db,
                action=AuditAction.sensitive_read,
                actor=actor,
                subject=subject,
                ip=ip,
                initiative_id=initiative_id,
            )

        write_after_response(request, background, write)

    return record


SensitiveReadDep = Annotated[RecordRead, Depends(sensitive_read)]
