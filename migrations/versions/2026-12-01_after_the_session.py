"""after the session: the time an agenda item took, break-out groups, the published report,
what was done with a reflection, and where a learning-session excerpt came from

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 19:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# agenda_item, attendance and learning_session get plain columns without a foreign key, so
# SQLite needs no table copy (a copy of a referenced table would cascade on the old one).
def upgrade() -> None:
    op.add_column("agenda_item", sa.Column("actual_minutes", sa.Integer(), nullable=True))
    op.add_column(
        "attendance",
        sa.Column(
            "group_name",
            sqlmodel.sql.sqltypes.AutoString(length=100),
            server_default=sa.text("''"),
            nullable=False,
        ),
    )
    op.add_column("learning_session", sa.Column("report_published_at", sa.DateTime(timezone=True)))

    op.create_table(
        "reflection_follow_up",
        sa.Column("reflection_id", sa.Integer(), nullable=False),
        sa.Column("discussed_in_item_id", sa.Integer(), nullable=True),
        sa.Column("revised_section_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["reflection_id"],
            ["reflection.id"],
            name=op.f("fk_reflection_follow_up_reflection_id_reflection"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["discussed_in_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_reflection_follow_up_discussed_in_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["revised_section_id"],
            ["factsheet_section.id"],
            name=op.f("fk_reflection_follow_up_revised_section_id_factsheet_section"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["person.id"],
            name=op.f("fk_reflection_follow_up_recorded_by_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("reflection_id", name=op.f("pk_reflection_follow_up")),
    )
    for column in ("discussed_in_item_id", "revised_section_id", "recorded_by_id"):
        op.create_index(op.f(f"ix_reflection_follow_up_{column}"), "reflection_follow_up", [column])

    op.create_table(
        "evidence_origin",
        sa.Column("evidence_item_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("reflection_id", sa.Integer(), nullable=True),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["evidence_item_id"],
            ["evidence_item.id"],
            name=op.f("fk_evidence_origin_evidence_item_id_evidence_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["learning_session.id"],
            name=op.f("fk_evidence_origin_session_id_learning_session"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reflection_id"],
            ["reflection.id"],
            name=op.f("fk_evidence_origin_reflection_id_reflection"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_evidence_origin_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("evidence_item_id", name=op.f("pk_evidence_origin")),
    )
    for column in ("session_id", "reflection_id", "agenda_item_id"):
        op.create_index(op.f(f"ix_evidence_origin_{column}"), "evidence_origin", [column])


def downgrade() -> None:
    op.drop_table("evidence_origin")
    op.drop_table("reflection_follow_up")
    op.drop_column("learning_session", "report_published_at")
    op.drop_column("attendance", "group_name")
    op.drop_column("agenda_item", "actual_minutes")
