"""actions and evaluations: what led to an action, its progress notes, and the evaluation's
four questions (preparation, usefulness, room for the family perspective, come again)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 16:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True)


# action and session_evaluation are referenced by no table yet (action_progress comes after
# them), so SQLite's batch copy is safe.
def upgrade() -> None:
    with op.batch_alter_table("action") as batch_op:
        for column, target in (
            ("agenda_item_id", "agenda_item"),
            ("dilemma_id", "dilemma"),
            ("reflection_id", "reflection"),
        ):
            batch_op.add_column(sa.Column(column, sa.Integer(), nullable=True))
            batch_op.create_index(batch_op.f(f"ix_action_{column}"), [column])
            batch_op.create_foreign_key(
                batch_op.f(f"fk_action_{column}_{target}"),
                target,
                [column],
                ["id"],
                ondelete="SET NULL",
            )

    op.create_table(
        "action_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            _enum("action_status", "open", "in_progress", "done", "dropped"),
            nullable=False,
        ),
        sa.Column("pdsa_stage", _enum("pdsa_stage", "plan", "do", "study", "act"), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["action.id"],
            name=op.f("fk_action_progress_action_id_action"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["person.id"],
            name=op.f("fk_action_progress_author_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_progress")),
    )
    for column in ("action_id", "author_id", "created_at"):
        op.create_index(op.f(f"ix_action_progress_{column}"), "action_progress", [column])

    # "organisation" asked how well the session was organised: now "preparation".
    with op.batch_alter_table("session_evaluation") as batch_op:
        batch_op.drop_constraint(op.f("ck_session_evaluation_organisation_range"), type_="check")
        batch_op.alter_column("organisation", new_column_name="preparation")
        batch_op.add_column(sa.Column("come_again", sa.Integer(), nullable=True))
        batch_op.create_check_constraint("preparation_range", "preparation BETWEEN 1 AND 5")
        batch_op.create_check_constraint(
            "come_again_range", "come_again IS NULL OR come_again BETWEEN 1 AND 5"
        )


def downgrade() -> None:
    with op.batch_alter_table("session_evaluation") as batch_op:
        batch_op.drop_constraint(op.f("ck_session_evaluation_come_again_range"), type_="check")
        batch_op.drop_constraint(op.f("ck_session_evaluation_preparation_range"), type_="check")
        batch_op.drop_column("come_again")
        batch_op.alter_column("preparation", new_column_name="organisation")
        batch_op.create_check_constraint("organisation_range", "organisation BETWEEN 1 AND 5")
    for column in ("created_at", "author_id", "action_id"):
        op.drop_index(op.f(f"ix_action_progress_{column}"), "action_progress")
    op.drop_table("action_progress")
    with op.batch_alter_table("action") as batch_op:
        for column, target in (
            ("reflection_id", "reflection"),
            ("dilemma_id", "dilemma"),
            ("agenda_item_id", "agenda_item"),
        ):
            batch_op.drop_constraint(batch_op.f(f"fk_action_{column}_{target}"), type_="foreignkey")
            batch_op.drop_index(batch_op.f(f"ix_action_{column}"))
            batch_op.drop_column(column)
