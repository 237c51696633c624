"""reflections: drafts, the author's name or perspective, hidden by the facilitator with a
reason, and reflections on the session in general

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 15:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TARGETS = (
    "(CASE WHEN factsheet_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN reflective_question_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN dilemma_id IS NULL THEN 0 ELSE 1 END)"
)


# reflection is referenced by no table, so SQLite's batch copy is safe here.
def upgrade() -> None:
    with op.batch_alter_table("reflection") as batch_op:
        batch_op.add_column(
            sa.Column(
                "status",
                sa.Enum(
                    "draft",
                    "submitted",
                    name="reflection_status",
                    native_enum=False,
                    create_constraint=True,
                ),
                server_default="submitted",
                nullable=False,
            )
        )
        batch_op.add_column(sa.Column("submitted_at", sa.DateTime(timezone=True)))
        batch_op.add_column(
            sa.Column("shows_name", sa.Boolean(), server_default=sa.text("true"), nullable=False)
        )
        batch_op.add_column(sa.Column("hidden_at", sa.DateTime(timezone=True)))
        batch_op.add_column(
            sa.Column(
                "hidden_reason",
                sqlmodel.sql.sqltypes.AutoString(length=1000),
                server_default=sa.text("''"),
                nullable=False,
            )
        )
        batch_op.add_column(sa.Column("hidden_by_id", sa.Integer()))
        batch_op.create_index(batch_op.f("ix_reflection_hidden_by_id"), ["hidden_by_id"])
        batch_op.create_index(batch_op.f("ix_reflection_status"), ["status"])
        batch_op.create_foreign_key(
            batch_op.f("fk_reflection_hidden_by_id_person"),
            "person",
            ["hidden_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.drop_constraint(op.f("ck_reflection_answers_exactly_one"), type_="check")
        batch_op.create_check_constraint("answers_at_most_one", f"{TARGETS} <= 1")
        batch_op.create_check_constraint(
            "hidden_with_a_reason", "hidden_at IS NULL OR hidden_reason <> ''"
        )
    # Rows written before: submitted when they were written.
    reflection = sa.table(
        "reflection",
        sa.column("submitted_at", sa.DateTime(timezone=True)),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    op.execute(reflection.update().values(submitted_at=reflection.c.created_at))


def downgrade() -> None:
    reflection = sa.table(
        "reflection",
        sa.column("factsheet_id", sa.Integer()),
        sa.column("reflective_question_id", sa.Integer()),
        sa.column("dilemma_id", sa.Integer()),
    )
    # General reflections cannot be stored under the old CHECK.
    op.execute(
        reflection.delete().where(
            reflection.c.factsheet_id.is_(None),
            reflection.c.reflective_question_id.is_(None),
            reflection.c.dilemma_id.is_(None),
        )
    )
    with op.batch_alter_table("reflection") as batch_op:
        batch_op.drop_constraint(op.f("ck_reflection_reflection_status"), type_="check")
        batch_op.drop_constraint(op.f("ck_reflection_hidden_with_a_reason"), type_="check")
        batch_op.drop_constraint(op.f("ck_reflection_answers_at_most_one"), type_="check")
        batch_op.create_check_constraint("answers_exactly_one", f"{TARGETS} = 1")
        batch_op.drop_constraint(
            batch_op.f("fk_reflection_hidden_by_id_person"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_reflection_status"))
        batch_op.drop_index(batch_op.f("ix_reflection_hidden_by_id"))
        for column in (
            "hidden_by_id",
            "hidden_reason",
            "hidden_at",
            "shows_name",
            "submitted_at",
            "status",
        ):
            batch_op.drop_column(column)
