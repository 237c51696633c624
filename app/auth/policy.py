"""The access policy, as plain functions of a Principal. Routes and services both use these.

The README's "Who may do what" table is this file in words.
"""

from app.auth.principal import Principal
from app.vocabulary import INITIATIVE_READER_ROLES, Role


def is_member(principal: Principal) -> bool:
    """Anyone signed in to the community: every role, access-link sessions included."""
    return True


def is_facilitator(principal: Principal) -> bool:
    return principal.is_facilitator


def signed_in_with_access_link(principal: Principal) -> bool:
    """Came in with a personal link: only they can say it reached the wrong person."""
    return principal.via_access_link


def reads_people_directory(principal: Principal) -> bool:
    """The chair reads the participants' background; the facilitator manages people."""
    return principal.is_facilitator or principal.is_chair


def reads_person(principal: Principal, person_id: int) -> bool:
    """A person's page and record (roles, sessions attended): the directory's readers, and
    the person themselves."""
    return principal.person_id == person_id or reads_people_directory(principal)


def sees_accessibility_needs(principal: Principal, person_id: int, *, shared: bool) -> bool:
    """Needs are for the facilitator and the person; the chair reads them only when the person
    chose to share them (Person.shares_needs_with_chair)."""
    return (
        principal.is_facilitator
        or principal.person_id == person_id
        or (shared and principal.is_chair)
    )


def session_scope(principal: Principal) -> int | None:
    """The one learning session a session-scoped access link opens; None: no such limit."""
    return principal.session_scope_id


def sees_session(principal: Principal, session_id: int) -> bool:
    """A learning session and everything of it (its page, factsheets, API record)."""
    scope = session_scope(principal)
    return scope is None or scope == session_id


def reads_initiative_drafts(principal: Principal, initiative_id: int) -> bool:
    """Draft factsheets, evidence and members' contact details of one initiative."""
    return principal.is_facilitator or bool(
        principal.roles_in(initiative_id) & INITIATIVE_READER_ROLES
    )


def records_evidence(principal: Principal, initiative_id: int) -> bool:
    return principal.is_facilitator or Role.practitioner_researcher in principal.roles_in(
        initiative_id
    )


def sees_contact_details(
    principal: Principal, person_id: int, person_initiative_ids: set[int]
) -> bool:
    if principal.person_id == person_id or reads_people_directory(principal):
        return True
    return any(reads_initiative_drafts(principal, i) for i in person_initiative_ids)


def prepares_session(principal: Principal, chair_id: int | None) -> bool:
    return principal.is_facilitator or (
        principal.is_chair and chair_id is not None and chair_id == principal.person_id
    )


def uses_password_features(principal: Principal) -> bool:
    """Signed in with a password in a browser: access links and API tokens may not manage
    passwords or mint tokens (a leaked token must not make more)."""
    return principal.access_link_id is None and principal.method == "session"


def records_some_evidence(principal: Principal) -> bool:
    """Records evidence for at least one initiative: the facilitator, a practitioner-researcher."""
    return principal.is_facilitator or any(
        Role.practitioner_researcher in roles for roles in principal.initiative_roles.values()
    )
