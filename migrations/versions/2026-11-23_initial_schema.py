"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23 19:11:49.334116
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "learning_community",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("aims", sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "forming",
                "active",
                "closed",
                name="community_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learning_community")),
    )
    op.create_table(
        "initiative",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("target_group", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column(
            "funding_arrangement",
            sa.Enum(
                "lump_sum_subsidy",
                "per_result_contract",
                "pilot_fund",
                "hourly_rate",
                "pooled_budget",
                "other",
                name="funding_arrangement",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("funding_notes", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column(
            "monitoring_approach", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False
        ),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "archived",
                name="initiative_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["learning_community.id"],
            name=op.f("fk_initiative_community_id_learning_community"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative")),
        sa.UniqueConstraint("community_id", "name", name=op.f("uq_initiative_community_id_name")),
    )
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_initiative_community_id"), ["community_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_initiative_funding_arrangement"), ["funding_arrangement"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_initiative_status"), ["status"], unique=False)

    op.create_table(
        "person",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("organisation", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True),
        sa.Column(
            "accessibility_needs", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False
        ),
        sa.Column(
            "preferred_format",
            sa.Enum(
                "standard",
                "plain_language",
                "large_print",
                name="preferred_format",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["learning_community.id"],
            name=op.f("fk_person_community_id_learning_community"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("email", name=op.f("uq_person_email")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_community_id"), ["community_id"], unique=False)

    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("wording_version", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "withdrawn_at IS NULL OR withdrawn_at >= given_at",
            name=op.f("ck_consent_withdrawn_after_given"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_consent_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_person_id"), ["person_id"], unique=False)

    op.create_table(
        "evidence_item",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "source",
            sa.Enum(
                "case_discussion_observation",
                "interview",
                "learning_session_excerpt",
                "monitoring_data",
                name="evidence_source",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("observed_on", sa.Date(), nullable=False),
        sa.Column(
            "perspective",
            sa.Enum(
                "local_government",
                "organisation",
                "professional",
                "family",
                name="perspective",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "level",
            sa.Enum(
                "system",
                "organisational",
                "professional",
                "clinical",
                name="integration_level",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("quote_consent", sa.Boolean(), nullable=False),
        sa.Column("excerpt", sqlmodel.sql.sqltypes.AutoString(length=8000), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_evidence_item_initiative_id_initiative"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["person.id"],
            name=op.f("fk_evidence_item_recorded_by_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_item")),
        sa.UniqueConstraint(
            "initiative_id", "fingerprint", name=op.f("uq_evidence_item_initiative_id_fingerprint")
        ),
    )
    with op.batch_alter_table("evidence_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evidence_item_initiative_id"), ["initiative_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_evidence_item_level"), ["level"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_evidence_item_observed_on"), ["observed_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_evidence_item_perspective"), ["perspective"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_evidence_item_recorded_by_id"), ["recorded_by_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_evidence_item_source"), ["source"], unique=False)

    op.create_table(
        "initiative_discipline",
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_discipline_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("initiative_id", "name", name=op.f("pk_initiative_discipline")),
    )
    with op.batch_alter_table("initiative_discipline", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_initiative_discipline_name"), ["name"], unique=False)

    op.create_table(
        "initiative_municipality",
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_municipality_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("initiative_id", "name", name=op.f("pk_initiative_municipality")),
    )
    with op.batch_alter_table("initiative_municipality", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_initiative_municipality_name"), ["name"], unique=False)

    op.create_table(
        "learning_session",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("timezone", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("place", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("online_url", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("focus", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("reflection_deadline", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("chair_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "prepared",
                "held",
                "followed_up",
                name="session_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "prepared_override_reason", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["chair_id"],
            ["person.id"],
            name=op.f("fk_learning_session_chair_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["learning_community.id"],
            name=op.f("fk_learning_session_community_id_learning_community"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learning_session")),
        sa.UniqueConstraint(
            "community_id", "number", name=op.f("uq_learning_session_community_id_number")
        ),
    )
    with op.batch_alter_table("learning_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_learning_session_chair_id"), ["chair_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_learning_session_community_id"), ["community_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_learning_session_starts_at"), ["starts_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_learning_session_status"), ["status"], unique=False)

    op.create_table(
        "membership",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "facilitator",
                "chair",
                "policymaker",
                "manager",
                "practitioner",
                "family_representative",
                "practitioner_researcher",
                name="role",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "perspective",
            sa.Enum(
                "local_government",
                "organisation",
                "professional",
                "family",
                name="perspective",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "level",
            sa.Enum(
                "system",
                "organisational",
                "professional",
                "clinical",
                name="integration_level",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["learning_community.id"],
            name=op.f("fk_membership_community_id_learning_community"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_membership_initiative_id_initiative"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_membership_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership")),
        sa.UniqueConstraint(
            "person_id",
            "initiative_id",
            "role",
            name=op.f("uq_membership_person_id_initiative_id_role"),
        ),
    )
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_membership_community_id"), ["community_id"], unique=False
        )
        batch_op.create_index(
            "ix_membership_community_id_role", ["community_id", "role"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_membership_initiative_id"), ["initiative_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_membership_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_membership_role"), ["role"], unique=False)

    op.create_table(
        "monitoring_indicator",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column(
            "condition",
            sa.Enum(
                "monitoring",
                "shared_vision",
                "roles",
                "financing",
                name="partnership_condition",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "level",
            sa.Enum(
                "system",
                "organisational",
                "professional",
                "clinical",
                name="integration_level",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_monitoring_indicator_initiative_id_initiative"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitoring_indicator")),
        sa.UniqueConstraint(
            "initiative_id", "name", name=op.f("uq_monitoring_indicator_initiative_id_name")
        ),
    )
    with op.batch_alter_table("monitoring_indicator", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_monitoring_indicator_initiative_id"), ["initiative_id"], unique=False
        )

    op.create_table(
        "action",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
        sa.Column(
            "condition",
            sa.Enum(
                "monitoring",
                "shared_vision",
                "roles",
                "financing",
                name="partnership_condition",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "level",
            sa.Enum(
                "system",
                "organisational",
                "professional",
                "clinical",
                name="integration_level",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "pdsa_stage",
            sa.Enum(
                "plan",
                "do",
                "study",
                "act",
                name="pdsa_stage",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "in_progress",
                "done",
                "dropped",
                name="action_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("opened_in_session_id", sa.Integer(), nullable=False),
        sa.Column("review_session_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_action_initiative_id_initiative"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["opened_in_session_id"],
            ["learning_session.id"],
            name=op.f("fk_action_opened_in_session_id_learning_session"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["person.id"], name=op.f("fk_action_owner_id_person"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["review_session_id"],
            ["learning_session.id"],
            name=op.f("fk_action_review_session_id_learning_session"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action")),
    )
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_condition"), ["condition"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_action_initiative_id"), ["initiative_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_opened_in_session_id"), ["opened_in_session_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_action_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_action_review_session_id"), ["review_session_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_action_status"), ["status"], unique=False)

    op.create_table(
        "attendance",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("invited", sa.Boolean(), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_attendance_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["learning_session.id"],
            name=op.f("fk_attendance_session_id_learning_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint(
            "session_id", "person_id", name=op.f("uq_attendance_session_id_person_id")
        ),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendance_session_id"), ["session_id"], unique=False)

    op.create_table(
        "dilemma",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=8000), nullable=False),
        sa.Column(
            "condition",
            sa.Enum(
                "monitoring",
                "shared_vision",
                "roles",
                "financing",
                name="partnership_condition",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "level",
            sa.Enum(
                "system",
                "organisational",
                "professional",
                "clinical",
                name="integration_level",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("submitted_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "submitted",
                "on_agenda",
                "discussed",
                "withdrawn",
                name="contribution_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_dilemma_initiative_id_initiative"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["learning_session.id"],
            name=op.f("fk_dilemma_session_id_learning_session"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by_id"],
            ["person.id"],
            name=op.f("fk_dilemma_submitted_by_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dilemma")),
    )
    with op.batch_alter_table("dilemma", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dilemma_condition"), ["condition"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_dilemma_initiative_id"), ["initiative_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_dilemma_session_id"), ["session_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dilemma_status"), ["status"], unique=False)

    op.create_table(
        "evidence_condition",
        sa.Column("evidence_item_id", sa.Integer(), nullable=False),
        sa.Column(
            "condition",
            sa.Enum(
                "monitoring",
                "shared_vision",
                "roles",
                "financing",
                name="partnership_condition",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["evidence_item_id"],
            ["evidence_item.id"],
            name=op.f("fk_evidence_condition_evidence_item_id_evidence_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "evidence_item_id", "condition", name=op.f("pk_evidence_condition")
        ),
    )
    with op.batch_alter_table("evidence_condition", schema=None) as batch_op:
        batch_op.create_index("ix_evidence_condition_condition", ["condition"], unique=False)

    op.create_table(
        "factsheet",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("version_number", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "in_review",
                "published",
                name="factsheet_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "plain_language_summary", sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False
        ),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_factsheet_initiative_id_initiative"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["learning_session.id"],
            name=op.f("fk_factsheet_session_id_learning_session"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_factsheet")),
        sa.UniqueConstraint(
            "initiative_id",
            "session_id",
            "version_number",
            name=op.f("uq_factsheet_initiative_id_session_id_version_number"),
        ),
    )
    with op.batch_alter_table("factsheet", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_factsheet_initiative_id"), ["initiative_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_factsheet_session_id"), ["session_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_factsheet_status"), ["status"], unique=False)

    op.create_table(
        "good_practice",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=8000), nullable=False),
        sa.Column(
            "condition",
            sa.Enum(
                "monitoring",
                "shared_vision",
                "roles",
                "financing",
                name="partnership_condition",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "level",
            sa.Enum(
                "system",
                "organisational",
                "professional",
                "clinical",
                name="integration_level",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("submitted_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "submitted",
                "on_agenda",
                "discussed",
                "withdrawn",
                name="contribution_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_good_practice_initiative_id_initiative"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["learning_session.id"],
            name=op.f("fk_good_practice_session_id_learning_session"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by_id"],
            ["person.id"],
            name=op.f("fk_good_practice_submitted_by_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_good_practice")),
    )
    with op.batch_alter_table("good_practice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_good_practice_condition"), ["condition"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_good_practice_initiative_id"), ["initiative_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_good_practice_session_id"), ["session_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_good_practice_status"), ["status"], unique=False)

    op.create_table(
        "measurement",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["monitoring_indicator.id"],
            name=op.f("fk_measurement_indicator_id_monitoring_indicator"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurement")),
        sa.UniqueConstraint(
            "indicator_id", "measured_on", name=op.f("uq_measurement_indicator_id_measured_on")
        ),
    )
    with op.batch_alter_table("measurement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measurement_indicator_id"), ["indicator_id"], unique=False
        )

    op.create_table(
        "reflective_question",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("plain_text", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column(
            "condition",
            sa.Enum(
                "monitoring",
                "shared_vision",
                "roles",
                "financing",
                name="partnership_condition",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "level",
            sa.Enum(
                "system",
                "organisational",
                "professional",
                "clinical",
                name="integration_level",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("target_roles", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["learning_session.id"],
            name=op.f("fk_reflective_question_session_id_learning_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reflective_question")),
    )
    with op.batch_alter_table("reflective_question", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reflective_question_condition"), ["condition"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reflective_question_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "session_evaluation",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("usefulness", sa.Integer(), nullable=False),
        sa.Column("family_voice", sa.Integer(), nullable=False),
        sa.Column("organisation", sa.Integer(), nullable=False),
        sa.Column("comment", sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
        sa.CheckConstraint(
            "family_voice BETWEEN 1 AND 5", name=op.f("ck_session_evaluation_family_voice_range")
        ),
        sa.CheckConstraint(
            "organisation BETWEEN 1 AND 5", name=op.f("ck_session_evaluation_organisation_range")
        ),
        sa.CheckConstraint(
            "usefulness BETWEEN 1 AND 5", name=op.f("ck_session_evaluation_usefulness_range")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_session_evaluation_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["learning_session.id"],
            name=op.f("fk_session_evaluation_session_id_learning_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_evaluation")),
        sa.UniqueConstraint(
            "session_id", "person_id", name=op.f("uq_session_evaluation_session_id_person_id")
        ),
    )
    with op.batch_alter_table("session_evaluation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_session_evaluation_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_session_evaluation_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "agenda_item",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "findings",
                "dilemma",
                "good_practice",
                "exchange",
                "action_planning",
                "evaluation",
                name="agenda_item_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("minutes", sqlmodel.sql.sqltypes.AutoString(length=20000), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("dilemma_id", sa.Integer(), nullable=True),
        sa.Column("good_practice_id", sa.Integer(), nullable=True),
        sa.Column("reflective_question_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["dilemma_id"],
            ["dilemma.id"],
            name=op.f("fk_agenda_item_dilemma_id_dilemma"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["good_practice_id"],
            ["good_practice.id"],
            name=op.f("fk_agenda_item_good_practice_id_good_practice"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["person.id"],
            name=op.f("fk_agenda_item_owner_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["reflective_question_id"],
            ["reflective_question.id"],
            name=op.f("fk_agenda_item_reflective_question_id_reflective_question"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["learning_session.id"],
            name=op.f("fk_agenda_item_session_id_learning_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
        sa.UniqueConstraint(
            "session_id", "position", name=op.f("uq_agenda_item_session_id_position")
        ),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_item_session_id"), ["session_id"], unique=False)

    op.create_table(
        "factsheet_document",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("variant", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("content_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("template_version", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_factsheet_document_factsheet_id_factsheet"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_factsheet_document")),
        sa.UniqueConstraint(
            "factsheet_id",
            "variant",
            "language",
            name=op.f("uq_factsheet_document_factsheet_id_variant_language"),
        ),
    )
    with op.batch_alter_table("factsheet_document", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_factsheet_document_content_hash"), ["content_hash"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_factsheet_document_factsheet_id"), ["factsheet_id"], unique=False
        )

    op.create_table(
        "factsheet_section",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column(
            "condition",
            sa.Enum(
                "monitoring",
                "shared_vision",
                "roles",
                "financing",
                name="partnership_condition",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("analysis", sqlmodel.sql.sqltypes.AutoString(length=20000), nullable=False),
        sa.Column("facilitators", sqlmodel.sql.sqltypes.AutoString(length=8000), nullable=False),
        sa.Column("barriers", sqlmodel.sql.sqltypes.AutoString(length=8000), nullable=False),
        sa.Column("levels", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_factsheet_section_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_factsheet_section")),
        sa.UniqueConstraint(
            "factsheet_id", "condition", name=op.f("uq_factsheet_section_factsheet_id_condition")
        ),
    )
    with op.batch_alter_table("factsheet_section", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_factsheet_section_factsheet_id"), ["factsheet_id"], unique=False
        )

    op.create_table(
        "reflection",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=8000), nullable=False),
        sa.Column(
            "perspective",
            sa.Enum(
                "local_government",
                "organisation",
                "professional",
                "family",
                name="perspective",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "session",
                "community",
                name="reflection_visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=True),
        sa.Column("reflective_question_id", sa.Integer(), nullable=True),
        sa.Column("dilemma_id", sa.Integer(), nullable=True),
        sa.Column("evidence_consent", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "(CASE WHEN factsheet_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN reflective_question_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN dilemma_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_reflection_answers_exactly_one"),
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["person.id"],
            name=op.f("fk_reflection_author_id_person"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["dilemma_id"],
            ["dilemma.id"],
            name=op.f("fk_reflection_dilemma_id_dilemma"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_reflection_factsheet_id_factsheet"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reflective_question_id"],
            ["reflective_question.id"],
            name=op.f("fk_reflection_reflective_question_id_reflective_question"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["learning_session.id"],
            name=op.f("fk_reflection_session_id_learning_session"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reflection")),
    )
    with op.batch_alter_table("reflection", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reflection_author_id"), ["author_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reflection_dilemma_id"), ["dilemma_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_reflection_factsheet_id"), ["factsheet_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reflection_reflective_question_id"),
            ["reflective_question_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_reflection_session_id"), ["session_id"], unique=False)

    op.create_table(
        "factsheet_section_evidence",
        sa.Column("section_id", sa.Integer(), nullable=False),
        sa.Column("evidence_item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_item_id"],
            ["evidence_item.id"],
            name=op.f("fk_factsheet_section_evidence_evidence_item_id_evidence_item"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["section_id"],
            ["factsheet_section.id"],
            name=op.f("fk_factsheet_section_evidence_section_id_factsheet_section"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "section_id", "evidence_item_id", name=op.f("pk_factsheet_section_evidence")
        ),
    )
    with op.batch_alter_table("factsheet_section_evidence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_factsheet_section_evidence_evidence_item_id"),
            ["evidence_item_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("factsheet_section_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_factsheet_section_evidence_evidence_item_id"))

    op.drop_table("factsheet_section_evidence")
    with op.batch_alter_table("reflection", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reflection_session_id"))
        batch_op.drop_index(batch_op.f("ix_reflection_reflective_question_id"))
        batch_op.drop_index(batch_op.f("ix_reflection_factsheet_id"))
        batch_op.drop_index(batch_op.f("ix_reflection_dilemma_id"))
        batch_op.drop_index(batch_op.f("ix_reflection_author_id"))

    op.drop_table("reflection")
    with op.batch_alter_table("factsheet_section", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_factsheet_section_factsheet_id"))

    op.drop_table("factsheet_section")
    with op.batch_alter_table("factsheet_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_factsheet_document_factsheet_id"))
        batch_op.drop_index(batch_op.f("ix_factsheet_document_content_hash"))

    op.drop_table("factsheet_document")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_session_id"))

    op.drop_table("agenda_item")
    with op.batch_alter_table("session_evaluation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_evaluation_session_id"))
        batch_op.drop_index(batch_op.f("ix_session_evaluation_person_id"))

    op.drop_table("session_evaluation")
    with op.batch_alter_table("reflective_question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reflective_question_session_id"))
        batch_op.drop_index(batch_op.f("ix_reflective_question_condition"))

    op.drop_table("reflective_question")
    with op.batch_alter_table("measurement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measurement_indicator_id"))

    op.drop_table("measurement")
    with op.batch_alter_table("good_practice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_good_practice_status"))
        batch_op.drop_index(batch_op.f("ix_good_practice_session_id"))
        batch_op.drop_index(batch_op.f("ix_good_practice_initiative_id"))
        batch_op.drop_index(batch_op.f("ix_good_practice_condition"))

    op.drop_table("good_practice")
    with op.batch_alter_table("factsheet", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_factsheet_status"))
        batch_op.drop_index(batch_op.f("ix_factsheet_session_id"))
        batch_op.drop_index(batch_op.f("ix_factsheet_initiative_id"))

    op.drop_table("factsheet")
    with op.batch_alter_table("evidence_condition", schema=None) as batch_op:
        batch_op.drop_index("ix_evidence_condition_condition")

    op.drop_table("evidence_condition")
    with op.batch_alter_table("dilemma", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dilemma_status"))
        batch_op.drop_index(batch_op.f("ix_dilemma_session_id"))
        batch_op.drop_index(batch_op.f("ix_dilemma_initiative_id"))
        batch_op.drop_index(batch_op.f("ix_dilemma_condition"))

    op.drop_table("dilemma")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_session_id"))
        batch_op.drop_index(batch_op.f("ix_attendance_person_id"))

    op.drop_table("attendance")
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_status"))
        batch_op.drop_index(batch_op.f("ix_action_review_session_id"))
        batch_op.drop_index(batch_op.f("ix_action_owner_id"))
        batch_op.drop_index(batch_op.f("ix_action_opened_in_session_id"))
        batch_op.drop_index(batch_op.f("ix_action_initiative_id"))
        batch_op.drop_index(batch_op.f("ix_action_condition"))

    op.drop_table("action")
    with op.batch_alter_table("monitoring_indicator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_monitoring_indicator_initiative_id"))

    op.drop_table("monitoring_indicator")
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_membership_role"))
        batch_op.drop_index(batch_op.f("ix_membership_person_id"))
        batch_op.drop_index(batch_op.f("ix_membership_initiative_id"))
        batch_op.drop_index("ix_membership_community_id_role")
        batch_op.drop_index(batch_op.f("ix_membership_community_id"))

    op.drop_table("membership")
    with op.batch_alter_table("learning_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_learning_session_status"))
        batch_op.drop_index(batch_op.f("ix_learning_session_starts_at"))
        batch_op.drop_index(batch_op.f("ix_learning_session_community_id"))
        batch_op.drop_index(batch_op.f("ix_learning_session_chair_id"))

    op.drop_table("learning_session")
    with op.batch_alter_table("initiative_municipality", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_initiative_municipality_name"))

    op.drop_table("initiative_municipality")
    with op.batch_alter_table("initiative_discipline", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_initiative_discipline_name"))

    op.drop_table("initiative_discipline")
    with op.batch_alter_table("evidence_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_item_source"))
        batch_op.drop_index(batch_op.f("ix_evidence_item_recorded_by_id"))
        batch_op.drop_index(batch_op.f("ix_evidence_item_perspective"))
        batch_op.drop_index(batch_op.f("ix_evidence_item_observed_on"))
        batch_op.drop_index(batch_op.f("ix_evidence_item_level"))
        batch_op.drop_index(batch_op.f("ix_evidence_item_initiative_id"))

    op.drop_table("evidence_item")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_person_id"))

    op.drop_table("consent")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_community_id"))

    op.drop_table("person")
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_initiative_status"))
        batch_op.drop_index(batch_op.f("ix_initiative_funding_arrangement"))
        batch_op.drop_index(batch_op.f("ix_initiative_community_id"))

    op.drop_table("initiative")
    op.drop_table("learning_community")
