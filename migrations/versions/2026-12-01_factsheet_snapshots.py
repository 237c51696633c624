"""factsheet snapshots: what a published version shows, frozen at publishing

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 09:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Versions published before this table existed are frozen on their next reading.
    op.create_table(
        "factsheet_snapshot",
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("view", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_factsheet_snapshot_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("factsheet_id", name=op.f("pk_factsheet_snapshot")),
    )


def downgrade() -> None:
    op.drop_table("factsheet_snapshot")
