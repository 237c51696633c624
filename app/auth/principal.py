"""Who is making the request, which roles they hold where, and finding that out.

A request proves who it is with a session cookie or an API token; both resolve here, in one
query each, to a Principal.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlmodel import Session, col, select, update

from app.access_links.models import AccessLink
from app.accounts.models import Account, UserSession
from app.api_tokens.models import ApiToken
from app.auth import secrets
from app.db import utcnow
from app.people.models import Membership, Person
from app.vocabulary import Role

# How stale a "last used" time may get before a request writes it again (saves a write per click).
TOUCH_INTERVAL = timedelta(minutes=1)


@dataclass(frozen=True)
class Principal:
    account_id: int
    person_id: int
    community_id: int
    name: str
    email: str | None
    is_site_admin: bool = False
    community_roles: frozenset[Role] = frozenset()
    initiative_roles: Mapping[int, frozenset[Role]] = field(default_factory=dict)
    # Set when signed in through a personal access link.
    access_link_id: int | None = None
    # Set when that link is limited to one learning session.
    session_scope_id: int | None = None
    # How the request proved who it is: "session" (cookie) or "token" (API bearer).
    method: str = "session"

    @property
    def via_access_link(self) -> bool:
        """Signed in with a personal link: reading published material, nothing more."""
        return self.access_link_id is not None

    @property
    def is_facilitator(self) -> bool:
        if self.via_access_link:
            return False
        return self.is_site_admin or Role.facilitator in self.community_roles

    @property
    def is_chair(self) -> bool:
        return Role.chair in self.community_roles and not self.via_access_link

    @property
    def is_family_representative(self) -> bool:
        return Role.family_representative in self.all_roles

    @property
    def all_roles(self) -> frozenset[Role]:
        roles = set(self.community_roles)
        for initiative_roles in self.initiative_roles.values():
            roles |= initiative_roles
        return frozenset(roles)

    def roles_in(self, initiative_id: int) -> frozenset[Role]:
        if self.via_access_link:
            return frozenset()
        return self.initiative_roles.get(initiative_id, frozenset())

    @property
    def own_initiative_ids(self) -> frozenset[int]:
        return frozenset(self.initiative_roles)


@dataclass(frozen=True)
class SessionTimeouts:
    idle: timedelta
    absolute: timedelta


def load_principal(
    *,
    db: Session,
    account: Account,
    person: Person,
    method: str,
    access_link: AccessLink | None = None,
) -> Principal:
    memberships = db.exec(
        select(Membership.role, Membership.initiative_id).where(Membership.person_id == person.id)
    ).all()
    community_roles: set[Role] = set()
    initiative_roles: dict[int, set[Role]] = {}
    for role, initiative_id in memberships:
        if initiative_id is None:
            community_roles.add(Role(role))
        else:
            initiative_roles.setdefault(initiative_id, set()).add(Role(role))
    assert account.id is not None and person.id is not None
    return Principal(
        account_id=account.id,
        person_id=person.id,
        community_id=person.community_id,
        name=person.name,
        email=person.email,
        is_site_admin=account.is_site_admin,
        community_roles=frozenset(community_roles),
        initiative_roles={k: frozenset(v) for k, v in initiative_roles.items()},
        access_link_id=access_link.id if access_link else None,
        session_scope_id=access_link.session_id if access_link else None,
        method=method,
    )


@dataclass(frozen=True)
class Resolved:
    """Who a cookie or token belongs to, and whether its "last used" time is due a write."""

    principal: Principal
    credential_id: int
    needs_touch: bool


def _roles(rows: Sequence[Any]) -> tuple[frozenset[Role], dict[int, frozenset[Role]]]:
    community_roles: set[Role] = set()
    initiative_roles: dict[int, set[Role]] = {}
    for row in rows:
        if row.role is None:
            continue  # the outer join found no membership
        if row.initiative_id is None:
            community_roles.add(Role(row.role))
        else:
            initiative_roles.setdefault(row.initiative_id, set()).add(Role(row.role))
    return frozenset(community_roles), {k: frozenset(v) for k, v in initiative_roles.items()}


_PRINCIPAL_COLUMNS: tuple[Any, ...] = (
    col(Account.id).label("account_id"),
    col(Account.is_site_admin),
    col(Account.disabled_at),
    col(Person.id).label("person_id"),
    col(Person.community_id),
    col(Person.name),
    col(Person.email),
    col(Membership.role),
    col(Membership.initiative_id),
)


def _principal(rows: Sequence[Any], *, method: str) -> Principal:
    first = rows[0]
    community_roles, initiative_roles = _roles(rows)
    link_id = getattr(first, "link_id", None)
    return Principal(
        account_id=first.account_id,
        person_id=first.person_id,
        community_id=first.community_id,
        name=first.name,
        email=first.email,
        is_site_admin=first.is_site_admin,
        community_roles=community_roles,
        initiative_roles=initiative_roles,
        access_link_id=link_id,
        session_scope_id=first.link_session_id if link_id is not None else None,
        method=method,
    )


def resolve_session(*, db: Session, token: str, timeouts: SessionTimeouts) -> Resolved | None:
    """The live sign-in session for a cookie token, with its roles: one query per request.

    None when expired, idle too long, the account disabled or the access link revoked.
    """
    rows: Sequence[Any] = db.exec(
        select(  # type: ignore[call-overload]
            col(UserSession.id).label("credential_id"),
            col(UserSession.last_seen_at),
            col(UserSession.expires_at),
            col(AccessLink.id).label("link_id"),
            col(AccessLink.session_id).label("link_session_id"),
            col(AccessLink.revoked_at).label("link_revoked_at"),
            col(AccessLink.expires_at).label("link_expires_at"),
            *_PRINCIPAL_COLUMNS,
        )
        .join(Account, col(Account.id) == UserSession.account_id)
        .join(Person, col(Person.id) == Account.person_id)
        .outerjoin(AccessLink, col(AccessLink.id) == UserSession.access_link_id)
        .outerjoin(Membership, col(Membership.person_id) == Person.id)
        .where(UserSession.token_hash == secrets.token_hash(token))
    ).all()
    if not rows:
        return None
    first = rows[0]
    now = utcnow()
    if (
        first.expires_at <= now
        or first.last_seen_at + timeouts.idle <= now
        or first.disabled_at is not None
    ):
        return None
    if first.link_id is not None and (
        first.link_revoked_at is not None or first.link_expires_at <= now
    ):
        return None
    return Resolved(
        principal=_principal(rows, method="session"),
        credential_id=first.credential_id,
        needs_touch=now - first.last_seen_at > TOUCH_INTERVAL,
    )


def touch_session(*, db: Session, credential_id: int) -> None:
    db.execute(
        update(UserSession)
        .where(col(UserSession.id) == credential_id)
        .values(last_seen_at=utcnow())
    )


def touch_api_token(*, db: Session, credential_id: int) -> None:
    db.execute(
        update(ApiToken).where(col(ApiToken.id) == credential_id).values(last_used_at=utcnow())
    )


def resolve_api_token(*, db: Session, token: str) -> Resolved | None:
    """The account behind a bearer token, with its roles; None if revoked or disabled."""
    rows: Sequence[Any] = db.exec(
        select(
            col(ApiToken.id).label("credential_id"),
            col(ApiToken.revoked_at),
            col(ApiToken.last_used_at),
            *_PRINCIPAL_COLUMNS,
        )
        .join(Account, col(Account.id) == ApiToken.account_id)
        .join(Person, col(Person.id) == Account.person_id)
        .outerjoin(Membership, col(Membership.person_id) == Person.id)
        .where(ApiToken.token_hash == secrets.token_hash(token))
    ).all()
    if not rows or rows[0].revoked_at is not None or rows[0].disabled_at is not None:
        return None
    last_used = rows[0].last_used_at
    return Resolved(
        principal=_principal(rows, method="token"),
        credential_id=rows[0].credential_id,
        needs_touch=last_used is None or utcnow() - last_used > TOUCH_INTERVAL,
    )
