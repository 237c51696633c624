"""The domain's controlled vocabularies: every enum a column or form can hold.

Values are stable identifiers stored in the database; labels for people live in the
templates (through gettext), never here.
"""

from enum import StrEnum


class PartnershipCondition(StrEnum):
    """The four conditions for partnership that tag almost everything."""

    monitoring = "monitoring"
    shared_vision = "shared_vision"
    roles = "roles"
    financing = "financing"


class Perspective(StrEnum):
    local_government = "local_government"
    organisation = "organisation"
    professional = "professional"
    family = "family"


class IntegrationLevel(StrEnum):
    """Levels of the Rainbow Model of Integrated Care (Valentijn et al. 2013)."""

    system = "system"
    organisational = "organisational"
    professional = "professional"
    clinical = "clinical"


class Role(StrEnum):
    facilitator = "facilitator"
    chair = "chair"
    policymaker = "policymaker"
    manager = "manager"
    practitioner = "practitioner"
    family_representative = "family_representative"
    practitioner_researcher = "practitioner_researcher"


# Where a role is held. Every role is one or the other; the memberships service enforces it.
# The family representative takes part in every session for the whole community.
COMMUNITY_ONLY_ROLES: frozenset[Role] = frozenset(
    {Role.facilitator, Role.chair, Role.family_representative}
)
# In the order the forms offer them.
INITIATIVE_ROLES: tuple[Role, ...] = tuple(r for r in Role if r not in COMMUNITY_ONLY_ROLES)
# An initiative's own members read its drafts.
INITIATIVE_READER_ROLES: frozenset[Role] = frozenset(INITIATIVE_ROLES)
# The roles each initiative must send to every session (composition rule of the study); an
# initiative holding one of them counts as represented on the dashboard.
INITIATIVE_SESSION_ROLES: tuple[Role, ...] = (Role.practitioner, Role.policymaker, Role.manager)
# Who is invited to a session: each initiative's three roles and a family representative.
SESSION_COMPOSITION_ROLES: tuple[Role, ...] = (
    *INITIATIVE_SESSION_ROLES,
    Role.family_representative,
)


class CommunityStatus(StrEnum):
    forming = "forming"
    active = "active"
    closed = "closed"


class InitiativeStatus(StrEnum):
    active = "active"
    archived = "archived"


class FundingArrangement(StrEnum):
    lump_sum_subsidy = "lump_sum_subsidy"
    per_result_contract = "per_result_contract"
    pilot_fund = "pilot_fund"
    hourly_rate = "hourly_rate"
    pooled_budget = "pooled_budget"
    other = "other"


class PreferredFormat(StrEnum):
    standard = "standard"
    plain_language = "plain_language"
    large_print = "large_print"


class SessionStatus(StrEnum):
    planned = "planned"
    prepared = "prepared"
    held = "held"
    followed_up = "followed_up"


class EvidenceSource(StrEnum):
    case_discussion_observation = "case_discussion_observation"
    interview = "interview"
    learning_session_excerpt = "learning_session_excerpt"
    monitoring_data = "monitoring_data"


class FactsheetStatus(StrEnum):
    draft = "draft"
    in_review = "in_review"
    published = "published"


class AgendaItemKind(StrEnum):
    welcome = "welcome"
    review_actions = "review_actions"  # last session's actions, first thing after the welcome
    findings = "findings"
    dilemma = "dilemma"  # a dilemma round, intervision style
    good_practice = "good_practice"
    exchange = "exchange"  # in mixed-level groups
    action_planning = "action_planning"
    evaluation = "evaluation"
    break_ = "break"


class ContributionStatus(StrEnum):
    """Where a dilemma or good practice stands on its way to a session agenda."""

    submitted = "submitted"
    on_agenda = "on_agenda"
    discussed = "discussed"
    withdrawn = "withdrawn"


class ReflectionStatus(StrEnum):
    draft = "draft"  # the author's only, saved to come back to
    submitted = "submitted"


class ReflectionVisibility(StrEnum):
    private = "private"  # the author and the facilitator
    session = "session"  # everyone taking part in the session
    community = "community"  # the whole learning community


class PdsaStage(StrEnum):
    plan = "plan"
    do = "do"
    study = "study"
    act = "act"


class ActionStatus(StrEnum):
    open = "open"
    in_progress = "in_progress"
    done = "done"
    dropped = "dropped"


class OneTimeTokenPurpose(StrEnum):
    invitation = "invitation"
    password_reset = "password_reset"


class AuditAction(StrEnum):
    sign_in = "sign_in"
    sign_in_failed = "sign_in_failed"
    sign_out = "sign_out"
    password_changed = "password_changed"
    password_reset_requested = "password_reset_requested"
    access_link_created = "access_link_created"
    access_link_used = "access_link_used"
    access_link_refused = "access_link_refused"
    access_link_revoked = "access_link_revoked"
    invitation_sent = "invitation_sent"
    role_granted = "role_granted"
    role_changed = "role_changed"
    role_revoked = "role_revoked"
    account_disabled = "account_disabled"
    account_enabled = "account_enabled"
    api_token_created = "api_token_created"
    api_token_revoked = "api_token_revoked"
    rate_limited = "rate_limited"
    published = "published"
    session_prepared_with_override = "session_prepared_with_override"
    exported = "exported"
    erased = "erased"
    reflection_hidden = "reflection_hidden"
    reflection_unhidden = "reflection_unhidden"
    access_link_reported = "access_link_reported"
    reflections_deleted = "reflections_deleted"
    sensitive_read = "sensitive_read"


class Trend(StrEnum):
    """How a condition went since the last session: a researcher's judgement on the section."""

    better = "better"
    same = "same"
    worse = "worse"


class RenderJobStatus(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"
