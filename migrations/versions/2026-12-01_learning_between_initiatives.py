"""learning between initiatives: a trend judgement per factsheet section, self-assessment
scores and their release, confirmed links from a good practice to another's barrier, and a
version on monitoring indicators (two keepers editing at once: the second is told)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 22:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLES = (
    "facilitator",
    "chair",
    "policymaker",
    "manager",
    "practitioner",
    "family_representative",
    "practitioner_researcher",
)
CONDITIONS = ("monitoring", "shared_vision", "roles", "financing")


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


# factsheet_section is referenced by other tables: plain columns, no table copy on SQLite,
# which cannot add a CHECK constraint to an existing table (the model still validates).
def upgrade() -> None:
    trend = sa.Enum(
        "better",
        "same",
        "worse",
        name="trend",
        native_enum=False,
        create_constraint=op.get_bind().dialect.name != "sqlite",
    )
    op.add_column("factsheet_section", sa.Column("trend", trend, nullable=True))
    op.add_column(
        "monitoring_indicator",
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
    )
    op.add_column(
        "factsheet_section",
        sa.Column(
            "trend_reason",
            sqlmodel.sql.sqltypes.AutoString(length=200),
            server_default=sa.text("''"),
            nullable=False,
        ),
    )

    op.create_table(
        "self_assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("role", _enum("role", *ROLES), nullable=False),
        sa.Column("condition", _enum("partnership_condition", *CONDITIONS), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("self_assessment", "session_id", "learning_session", "CASCADE"),
        _fk("self_assessment", "initiative_id", "initiative", "RESTRICT"),
        _fk("self_assessment", "person_id", "person", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_self_assessment")),
        sa.UniqueConstraint(
            "session_id",
            "initiative_id",
            "person_id",
            "condition",
            name=op.f("uq_self_assessment_session_id_initiative_id_person_id_condition"),
        ),
    )
    for column in ("session_id", "initiative_id", "person_id"):
        op.create_index(op.f(f"ix_self_assessment_{column}"), "self_assessment", [column])

    op.create_table(
        "self_assessment_release",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("released_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("released_by_id", sa.Integer(), nullable=True),
        _fk("self_assessment_release", "session_id", "learning_session", "CASCADE"),
        _fk("self_assessment_release", "initiative_id", "initiative", "RESTRICT"),
        _fk("self_assessment_release", "released_by_id", "person", "SET NULL"),
        sa.PrimaryKeyConstraint(
            "session_id", "initiative_id", name=op.f("pk_self_assessment_release")
        ),
    )

    op.create_table(
        "practice_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("good_practice_id", sa.Integer(), nullable=False),
        sa.Column("section_id", sa.Integer(), nullable=False),
        sa.Column("barrier", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("confirmed_by_id", sa.Integer(), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=False),
        _fk("practice_link", "good_practice_id", "good_practice", "CASCADE"),
        _fk("practice_link", "section_id", "factsheet_section", "CASCADE"),
        _fk("practice_link", "confirmed_by_id", "person", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_link")),
        sa.UniqueConstraint(
            "good_practice_id",
            "section_id",
            "barrier",
            name=op.f("uq_practice_link_good_practice_id_section_id_barrier"),
        ),
    )
    for column in ("good_practice_id", "section_id"):
        op.create_index(op.f(f"ix_practice_link_{column}"), "practice_link", [column])


def downgrade() -> None:
    op.drop_table("practice_link")
    op.drop_table("self_assessment_release")
    op.drop_table("self_assessment")
    op.drop_column("monitoring_indicator", "version")
    op.drop_column("factsheet_section", "trend_reason")
    op.drop_column("factsheet_section", "trend")
