"""API tokens: made, listed and revoked by their holder (resolving one is app.auth.principal)."""

from collections.abc import Sequence

from sqlmodel import Session, col, select

from app.api_tokens.models import ApiToken
from app.audit import service as audit_service
from app.auth import secrets
from app.auth.principal import Principal
from app.db import utcnow
from app.errors import NotFoundError
from app.labels import N_
from app.vocabulary import AuditAction


def create_api_token(*, db: Session, account_id: int, name: str) -> tuple[ApiToken, str]:
    token = "lk_" + secrets.new_token()
    api_token = ApiToken(
        account_id=account_id, name=name, token_hash=secrets.token_hash(token), created_at=utcnow()
    )
    db.add(api_token)
    db.flush()
    return api_token, token


def list_api_tokens(*, db: Session, account_id: int) -> Sequence[ApiToken]:
    return db.exec(
        select(ApiToken)
        .where(ApiToken.account_id == account_id, col(ApiToken.revoked_at).is_(None))
        .order_by(col(ApiToken.created_at).desc())
    ).all()


def issue_api_token(
    *, db: Session, holder: Principal, name: str, ip: str = ""
) -> tuple[ApiToken, str]:
    """A new token for the signed-in person, recorded in the audit log (never the token)."""
    api_token, token = create_api_token(db=db, account_id=holder.account_id, name=name)
    audit_service.record(
        db=db,
        action=AuditAction.api_token_created,
        actor=holder,
        subject=api_token.name,
        detail=f"token {api_token.id}",
        ip=ip,
    )
    return api_token, token


def revoke_api_token(*, db: Session, holder: Principal, token_id: int, ip: str = "") -> ApiToken:
    api_token = db.get(ApiToken, token_id)
    if api_token is None or api_token.account_id != holder.account_id or api_token.revoked_at:
        raise NotFoundError(N_("There is no API token with id %(id)s."), arguments={"id": token_id})
    api_token.revoked_at = utcnow()
    db.flush()
    audit_service.record(
        db=db,
        action=AuditAction.api_token_revoked,
        actor=holder,
        subject=api_token.name,
        detail=f"token {api_token.id}",
        ip=ip,
    )
    return api_token
