"""Giving someone a role and taking it away: the one place every page, the API, invitations
and the command line go through.

A role fits its scope (community-only roles have no initiative, initiative roles need one),
a person holds a role in one place once, every grant and removal is audited with the same
words, and a learning community always keeps a facilitator.
"""

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, select

from app.audit import service as audit_service
from app.auth.principal import Principal
from app.db import utcnow
from app.errors import ConflictError, FieldProblem, InvalidInputError, NotFoundError
from app.initiatives.models import Initiative
from app.labels import N_
from app.people.models import Membership, Person
from app.people.schemas import MembershipCreate, MembershipUpdate
from app.vocabulary import COMMUNITY_ONLY_ROLES, AuditAction, Role

INITIATIVE_NEEDED = N_("This role is held in an initiative: choose which one.")
INITIATIVE_NOT_ALLOWED = N_("This role is held in the whole community: leave the initiative empty.")
ROLE_HELD_ALREADY = N_("This person has this role here already.")


def scope_problem(role: Role, initiative_id: int | None) -> str | None:
    """Why this role cannot be held there (a message to translate), or None when it can."""
    if role in COMMUNITY_ONLY_ROLES:
        return INITIATIVE_NOT_ALLOWED if initiative_id is not None else None
    return INITIATIVE_NEEDED if initiative_id is None else None


def check_grant(
    *, db: Session, person_id: int | None, initiative_id: int | None, role: Role
) -> None:
    """Refuse a role that does not fit its scope or that the person holds there already."""
    problem = scope_problem(role, initiative_id)
    if problem is not None:
        raise InvalidInputError(problem, [FieldProblem("initiative_id", problem)])
    if person_id is not None and _holds(
        db=db, person_id=person_id, initiative_id=initiative_id, role=role
    ):
        raise ConflictError(ROLE_HELD_ALREADY, [FieldProblem("role", ROLE_HELD_ALREADY)])


def grant_role(
    *,
    db: Session,
    community_id: int,
    data: MembershipCreate,
    actor: Principal | None = None,
    actor_label: str = "",
    ip: str = "",
) -> Membership:
    """Add a membership and record who granted it."""
    person = _person(db=db, community_id=community_id, person_id=data.person_id)
    initiative = _initiative(db=db, community_id=community_id, data=data)
    check_grant(db=db, person_id=person.id, initiative_id=data.initiative_id, role=data.role)
    membership = Membership(community_id=community_id, **data.model_dump())
    db.add(membership)
    db.flush()
    _audit(
        db=db,
        action=AuditAction.role_granted,
        membership=membership,
        person=person,
        initiative=initiative,
        actor=actor,
        actor_label=actor_label,
        ip=ip,
    )
    return membership


def change_role(
    *,
    db: Session,
    membership: Membership,
    data: MembershipUpdate,
    actor: Principal | None = None,
    ip: str = "",
) -> Membership:
    """Change a membership's role, perspective or level; a new role passes the grant's checks."""
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    new_role = changes.get("role")
    if new_role is not None and new_role != membership.role:
        check_grant(
            db=db,
            person_id=membership.person_id,
            initiative_id=membership.initiative_id,
            role=new_role,
        )
        if membership.role == Role.facilitator:
            _keep_a_facilitator_after_removing(db=db, membership=membership)
    for field, value in changes.items():
        setattr(membership, field, value)
    membership.updated_at = utcnow()
    db.flush()
    if new_role is not None:
        _audit(
            db=db,
            action=AuditAction.role_changed,
            membership=membership,
            actor=actor,
            ip=ip,
        )
    return membership


def revoke_role(
    *,
    db: Session,
    membership: Membership,
    actor: Principal | None = None,
    actor_label: str = "",
    ip: str = "",
) -> None:
    """Remove a membership and record who removed it; never the community's last facilitator."""
    if membership.role == Role.facilitator:
        _keep_a_facilitator_after_removing(db=db, membership=membership)
    _audit(
        db=db,
        action=AuditAction.role_revoked,
        membership=membership,
        actor=actor,
        actor_label=actor_label,
        ip=ip,
    )
    db.delete(membership)
    db.flush()


def keep_a_facilitator(
    *, db: Session, community_id: int, leaving: ColumnElement[bool], name: str
) -> None:
    """A community always keeps a facilitator: without one, only the command line can help."""
    remaining = db.exec(
        select(Membership.id)
        .where(
            Membership.community_id == community_id,
            Membership.role == Role.facilitator,
            ~leaving,
        )
        .limit(1)
    ).first()
    if remaining is None:
        raise ConflictError(
            N_(
                "%(name)s is the only facilitator of the learning community. Give someone else "
                "the facilitator role first; then this role can be removed or changed."
            ),
            arguments={"name": name},
        )


def _keep_a_facilitator_after_removing(*, db: Session, membership: Membership) -> None:
    person = db.get(Person, membership.person_id)
    keep_a_facilitator(
        db=db,
        community_id=membership.community_id,
        leaving=col(Membership.id) == membership.id,
        name=person.name if person else "",
    )


def _holds(*, db: Session, person_id: int, initiative_id: int | None, role: Role) -> bool:
    held = db.exec(
        select(Membership.id).where(
            Membership.person_id == person_id,
            Membership.initiative_id == initiative_id,
            Membership.role == role,
        )
    ).first()
    return held is not None


def _person(*, db: Session, community_id: int, person_id: int) -> Person:
    person = db.get(Person, person_id)
    if person is None or person.community_id != community_id:
        raise NotFoundError(N_("There is no person with id %(id)s."), arguments={"id": person_id})
    return person


def _initiative(*, db: Session, community_id: int, data: MembershipCreate) -> Initiative | None:
    if data.initiative_id is None:
        return None
    initiative = db.get(Initiative, data.initiative_id)
    if initiative is None or initiative.community_id != community_id:
        raise NotFoundError(
            N_("There is no initiative with id %(id)s."), arguments={"id": data.initiative_id}
        )
    return initiative


def role_detail(role: Role, initiative: Initiative | None) -> str:
    """The audit log's words for a role and where it is held, the same for every way in."""
    where = f"initiative: {initiative.name}" if initiative else "community-wide"
    return f"role: {role.value}; {where}"


def _audit(
    *,
    db: Session,
    action: AuditAction,
    membership: Membership,
    person: Person | None = None,
    initiative: Initiative | None = None,
    actor: Principal | None,
    actor_label: str = "",
    ip: str,
) -> None:
    if person is None:
        person = db.get(Person, membership.person_id)
    if initiative is None and membership.initiative_id is not None:
        initiative = db.get(Initiative, membership.initiative_id)
    audit_service.record(
        db=db,
        action=action,
        actor=actor,
        actor_label=actor_label,
        subject=person.name if person else "",
        detail=role_detail(membership.role, initiative),
        ip=ip,
        initiative_id=membership.initiative_id,
    )
