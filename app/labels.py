"""Words people read for each vocabulary value; translated where they are shown."""

from enum import StrEnum


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext no-op marker
    """Mark a string for extraction; it is translated when shown."""
    return message


LABELS: dict[str, str] = {
    # PartnershipCondition
    "monitoring": N_("Monitoring and evaluation"),
    "shared_vision": N_("Shared vision and interests"),
    "roles": N_("Roles and responsibilities"),
    "financing": N_("Financing"),
    # Perspective
    "local_government": N_("Local government"),
    "organisation": N_("Organisation"),
    "family": N_("Family"),
    # IntegrationLevel ("professional" serves both perspective and level)
    "system": N_("System"),
    "organisational": N_("Organisational"),
    "professional": N_("Professional"),
    "clinical": N_("Clinical"),
    # Role
    "facilitator": N_("Facilitator"),
    "chair": N_("Chair"),
    "policymaker": N_("Policymaker"),
    "manager": N_("Manager"),
    "practitioner": N_("Practitioner"),
    "family_representative": N_("Family representative"),
    "practitioner_researcher": N_("Practitioner-researcher"),
    # FundingArrangement
    "lump_sum_subsidy": N_("Lump-sum subsidy"),
    "per_result_contract": N_("Per-result contract"),
    "pilot_fund": N_("Pilot fund"),
    "hourly_rate": N_("Hourly rate"),
    "pooled_budget": N_("Pooled budget"),
    "other": N_("Other"),
    # SessionStatus
    "planned": N_("Planned"),
    "prepared": N_("Prepared"),
    "held": N_("Held"),
    "followed_up": N_("Followed up"),
    # CommunityStatus / InitiativeStatus
    "forming": N_("Forming"),
    "active": N_("Active"),
    "closed": N_("Closed"),
    "archived": N_("Archived"),
    # PreferredFormat
    "standard": N_("Standard"),
    "plain_language": N_("Plain language"),
    "large_print": N_("Large print"),
    # EvidenceSource
    "case_discussion_observation": N_("Case-discussion observation"),
    "interview": N_("Interview"),
    "learning_session_excerpt": N_("Learning-session excerpt"),
    "monitoring_data": N_("Monitoring data"),
    # FactsheetStatus
    "draft": N_("Draft"),
    "in_review": N_("In review"),
    # PdsaStage
    "plan": N_("Plan"),
    "do": N_("Do"),
    "study": N_("Study"),
    "act": N_("Act"),
    # ActionStatus
    "open": N_("Open"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "dropped": N_("Dropped"),
    # Trend
    "better": N_("Better"),
    "same": N_("Same"),
    "worse": N_("Worse"),
    # RenderJobStatus
    "queued": N_("Waiting"),
    "running": N_("Rendering"),
    "failed": N_("Failed"),
    # AgendaItemKind
    "welcome": N_("Welcome"),
    "review_actions": N_("Review of last session's actions"),
    "findings": N_("Findings"),
    "dilemma": N_("Dilemma"),
    "good_practice": N_("Good practice"),
    "exchange": N_("Exchange in mixed-level groups"),
    "break": N_("Break"),
    "action_planning": N_("Action planning"),
    "evaluation": N_("Evaluation"),
    # ContributionStatus
    "submitted": N_("Submitted"),
    "on_agenda": N_("On the agenda"),
    "discussed": N_("Discussed"),
    "withdrawn": N_("Withdrawn"),
    # AuditAction
    "sign_in": N_("Signed in"),
    "sign_in_failed": N_("Sign-in failed"),
    "sign_out": N_("Signed out"),
    "password_changed": N_("Password changed"),
    "password_reset_requested": N_("Password reset requested"),
    "access_link_created": N_("Access link made"),
    "access_link_used": N_("Access link used"),
    "access_link_refused": N_("Access link refused"),
    "access_link_revoked": N_("Access link revoked"),
    "invitation_sent": N_("Invitation sent"),
    "role_granted": N_("Role granted"),
    "role_changed": N_("Role changed"),
    "role_revoked": N_("Role revoked"),
    "account_disabled": N_("Account disabled"),
    "account_enabled": N_("Account enabled"),
    "api_token_created": N_("API token made"),
    "api_token_revoked": N_("API token revoked"),
    "rate_limited": N_("Too many attempts"),
    "published": N_("Published"),
    "session_prepared_with_override": N_("Session prepared despite gaps"),
    "exported": N_("Exported"),
    "erased": N_("Erased"),
    "reflection_hidden": N_("Reflection hidden"),
    "reflection_unhidden": N_("Reflection shown again"),
    "access_link_reported": N_("Access link reported as reaching the wrong person"),
    "reflections_deleted": N_("Reflections deleted by their author"),
    "sensitive_read": N_("Sensitive data read"),
}


def label_for(value: StrEnum | str) -> str:
    """The untranslated label of a vocabulary value (the value itself if it has none)."""
    return LABELS.get(str(value), str(value))
