"""Who is making the request, and which roles they hold where."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from app.vocabulary import Role


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
