"""Every column that holds or points at personal data, and what export and erasure do with it.

``PERSONAL`` lists each column that refers to a person (a foreign key to ``person`` or
``account``) or holds their words or details; ``FREE_TEXT`` the texts others write, in which
an erasure replaces the erased person's name and email; ``NOT_PERSONAL`` every other text
column, with why. ``tests/privacy/test_registry.py`` walks the metadata: a new column that
refers to a person, or a new text column, fails until it is declared here.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import sqlalchemy as sa

import app.models  # noqa: F401  (the registry spans every table, so all are loaded)


class OnErasure(StrEnum):
    removed = "removed"  # the row is deleted
    blanked = "blanked"  # the field is emptied; the row stays
    unlinked = "unlinked"  # the reference becomes empty; the row stays, without them
    anonymised = "anonymised"  # kept without their name where they consented, else removed
    scrubbed = "scrubbed"  # their name and email in the text become "person #N"
    kept = "kept"  # stays as it is, for the reason given


@dataclass(frozen=True)
class PersonalColumn:
    exported: bool
    on_erasure: OnErasure
    why: str = ""  # required when kept, or when not exported


def holds_text(column: "sa.Column[Any]") -> bool:
    """A string, text or JSON column (also behind a type decorator such as AutoString)."""
    kind = column.type
    if isinstance(kind, sa.types.TypeDecorator):
        kind = kind.impl_instance
    return isinstance(kind, sa.String | sa.JSON)


_ = PersonalColumn
E, R, B, U, A, S, K = (
    True,
    OnErasure.removed,
    OnErasure.blanked,
    OnErasure.unlinked,
    OnErasure.anonymised,
    OnErasure.scrubbed,
    OnErasure.kept,
)

PERSONAL: dict[str, PersonalColumn] = {
    # The person themselves: their record stays as an empty "person #N" so counts hold.
    "person.name": _(E, B),
    "person.organisation": _(E, B),
    "person.email": _(E, B),
    "person.accessibility_needs": _(E, B),
    "person.preferred_format": _(E, K, "a format choice says nothing about who they were"),
    "person.language": _(E, K, "a language choice says nothing about who they were"),
    # Signing in.
    "account.person_id": _(E, R),
    "account.password_hash": _(False, R, "a password hash is no use to anyone to read"),
    "user_session.account_id": _(E, R),
    "user_session.ip": _(E, R),
    "user_session.token_hash": _(False, R, "a hash of the cookie, never shown"),
    "api_token.account_id": _(E, R),
    "api_token.name": _(E, R),
    "api_token.token_hash": _(False, R, "a hash of the token, never shown"),
    "one_time_token.account_id": _(False, R, "reset and invitation links live an hour"),
    "one_time_token.token_hash": _(False, R, "a hash of the link, never shown"),
    "access_link.person_id": _(E, R),
    "access_link.token_hash": _(False, R, "a hash of the link, never shown"),
    "access_link.created_by_id": _(False, U, "the link belongs to the person it is for"),
    "rate_limit_counter.key": _(False, S, "counters of failed sign-ins live 15 minutes"),
    # Taking part.
    "membership.person_id": _(E, R),
    "consent.person_id": _(E, R),
    "attendance.person_id": _(
        E, K, "attendance counts stay as numbers; the row points at the emptied record"
    ),
    "attendance.group_name": _(E, K, "a table name such as 'Table 2' names nobody"),
    "learning_session.chair_id": _(E, U),
    "session_evaluation.person_id": _(E, U),
    "session_evaluation.comment": _(E, S),
    # What they wrote or owned.
    "reflection.author_id": _(E, A),
    "reflection.text": _(E, A),
    "reflection.hidden_by_id": _(
        False,
        U,
        "the reflection is another person's; the hiding is in the audit log, which is exported",
    ),
    "reflection_follow_up.recorded_by_id": _(False, U, "about another person's reflection"),
    "action.owner_id": _(E, U),
    "action_progress.author_id": _(E, U),
    "action_progress.note": _(E, S),
    "agenda_item.owner_id": _(E, U),
    "bank_question.created_by_id": _(E, U),
    "dilemma.submitted_by_id": _(E, U),
    "good_practice.submitted_by_id": _(E, U),
    "evidence_item.recorded_by_id": _(E, U),
    "self_assessment.person_id": _(E, U),
    "self_assessment.note": _(E, S),
    "self_assessment_release.released_by_id": _(E, U),
    "practice_link.confirmed_by_id": _(E, U),
    # Mail to them, and the log of what they did.
    "outbox_message.person_id": _(E, R),
    "outbox_message.recipient": _(E, R),
    "outbox_message.subject": _(E, R),
    "outbox_message.body": _(E, R),
    "outbox_message.html_body": _(False, R, "the same message as the text body"),
    "audit_entry.actor_person_id": _(E, U),
    "audit_entry.actor_label": _(E, S),
    "audit_entry.ip": _(E, B),
}

# Texts others write, which may name the person: an erasure replaces their name and email.
FREE_TEXT: frozenset[str] = frozenset(
    {
        "action.title",
        "action.description",
        "agenda_item.title",
        "agenda_item.minutes",
        "agenda_item.chair_notes",
        "audit_entry.subject",
        "audit_entry.detail",
        "bank_question.text",
        "bank_question.plain_text",
        "dilemma.title",
        "dilemma.description",
        "evidence_item.excerpt",
        "factsheet.plain_language_summary",
        "factsheet_section.analysis",
        "factsheet_section.facilitators",
        "factsheet_section.barriers",
        "factsheet_section.plain_text",
        "factsheet_snapshot.view",
        "good_practice.title",
        "good_practice.description",
        "initiative.funding_notes",
        "initiative.monitoring_approach",
        "learning_session.focus",
        "learning_session.place",
        "learning_session.prepared_override_reason",
        "outbox_message.last_error",
        "reflection.hidden_reason",
        "reflective_question.text",
        "reflective_question.plain_text",
        "render_job.error",
        "monitoring_indicator.source",
        "factsheet_section.trend_reason",
        "practice_link.barrier",
        "practice_link.reason",
    }
)

_CODE = "a code from the app's vocabulary"
_NAME = "the name of an organisation, place or team, not of a person"
_FILE = "a file's name, type or fingerprint"
_CODES = (
    "action.condition",
    "action.level",
    "action.pdsa_stage",
    "action.status",
    "action_progress.status",
    "action_progress.pdsa_stage",
    "agenda_item.kind",
    "audit_entry.action",
    "bank_question.condition",
    "bank_question.level",
    "bank_question.language",
    "bank_question.target_roles",
    "consent.purpose",
    "consent.wording_version",
    "dilemma.condition",
    "dilemma.level",
    "dilemma.status",
    "evidence_condition.condition",
    "evidence_item.source",
    "evidence_item.perspective",
    "evidence_item.level",
    "factsheet.status",
    "factsheet_section.condition",
    "factsheet_section.levels",
    "factsheet_section.trend",
    "self_assessment.role",
    "self_assessment.condition",
    "good_practice.condition",
    "good_practice.level",
    "good_practice.status",
    "initiative.status",
    "learning_community.status",
    "learning_session.timezone",
    "learning_session.status",
    "membership.role",
    "membership.perspective",
    "membership.level",
    "monitoring_indicator.condition",
    "monitoring_indicator.level",
    "monitoring_indicator.unit",
    "one_time_token.purpose",
    "reflection.perspective",
    "reflection.visibility",
    "reflection.status",
    "reflective_question.condition",
    "reflective_question.level",
    "reflective_question.target_roles",
    "render_job.variant",
    "render_job.language",
    "render_job.status",
    "factsheet_document.variant",
    "factsheet_document.language",
    "session_document.kind",
    "session_document.language",
)
_NAMES = (
    "initiative.name",
    "initiative.target_group",
    "initiative.funding_arrangement",
    "initiative_discipline.name",
    "initiative_municipality.name",
    "learning_community.name",
    "learning_community.aims",
    "learning_session.online_url",
    "monitoring_indicator.name",
)
_FILES = (
    "evidence_item.fingerprint",
    "factsheet_document.content_hash",
    "factsheet_document.template_version",
    "session_document.content_hash",
    "session_document.template_version",
    "outbox_attachment.filename",
    "outbox_attachment.content_type",
    "outbox_message.dedupe_key",
)
NOT_PERSONAL: dict[str, str] = {
    **dict.fromkeys(_CODES, _CODE),
    **dict.fromkeys(_NAMES, _NAME),
    **dict.fromkeys(_FILES, _FILE),
}
