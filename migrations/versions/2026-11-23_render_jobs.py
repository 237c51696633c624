"""render jobs

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 19:34:21.031119
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "render_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("variant", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "queued",
                "running",
                "done",
                "failed",
                name="render_job_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("batch_session_id", sa.Integer(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_session_id"],
            ["learning_session.id"],
            name=op.f("fk_render_job_batch_session_id_learning_session"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_render_job_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_render_job")),
    )
    with op.batch_alter_table("render_job", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_render_job_batch_session_id"), ["batch_session_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_render_job_factsheet_id"), ["factsheet_id"], unique=False
        )
        batch_op.create_index("ix_render_job_status_id", ["status", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("render_job", schema=None) as batch_op:
        batch_op.drop_index("ix_render_job_status_id")
        batch_op.drop_index(batch_op.f("ix_render_job_factsheet_id"))
        batch_op.drop_index(batch_op.f("ix_render_job_batch_session_id"))

    op.drop_table("render_job")
