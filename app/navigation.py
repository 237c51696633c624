"""The site's header links: the pages a principal may open, decided by the access policy."""

from dataclasses import dataclass

from app.auth import policy
from app.auth.principal import Principal
from app.labels import N_


@dataclass(frozen=True)
class NavLink:
    href: str
    label: str  # marked with N_; base.html translates it


# The rule of each entry is the rule of the route it opens (see the route's dependency).
MEMBER_LINKS = (
    NavLink("/", N_("Learning community")),
    NavLink("/initiatives", N_("Initiatives")),
    NavLink("/community/overview", N_("Overview")),
    NavLink("/community/compare", N_("Compare")),
    NavLink("/community/profiles", N_("Profiles")),
)
PEOPLE_DIRECTORY_LINKS = (
    NavLink("/people", N_("People")),
    NavLink("/continuity", N_("Continuity")),
)
FACILITATOR_LINKS = (
    NavLink("/community/invitations", N_("Invitations")),
    NavLink("/community/access-links", N_("Access links")),
    NavLink("/community/accounts", N_("Accounts")),
    NavLink("/community/outbox", N_("Outbox")),
    NavLink("/community/audit", N_("Audit log")),
)

RESEARCHER_LINKS = (NavLink("/community/exports", N_("Exports")),)

ACCOUNT_LINKS = (
    NavLink("/account/password", N_("Change password")),
    NavLink("/account/api-tokens", N_("API tokens")),
)


def navigation(principal: Principal | None) -> list[NavLink]:
    """The links of the site's header; none for a visitor who has not signed in."""
    if principal is None:
        return []
    links: list[NavLink] = []
    if policy.is_member(principal):
        links += MEMBER_LINKS
    if policy.reads_people_directory(principal):
        links += PEOPLE_DIRECTORY_LINKS
    if policy.is_facilitator(principal):
        links += FACILITATOR_LINKS
    if policy.records_some_evidence(principal):
        links += RESEARCHER_LINKS
    return links


def account_links(principal: Principal | None) -> list[NavLink]:
    """The account menu's links above "Sign out": everyone's own data page; password and
    tokens need a password holder."""
    if principal is None:
        return []
    own_data = NavLink(f"/people/{principal.person_id}/privacy", N_("My data"))
    if not policy.uses_password_features(principal):
        return [own_data]
    return [*ACCOUNT_LINKS, own_data]
