"""person erasure: when a person's personal data was erased (their record stays, emptied)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 19:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# person is referenced by many tables: a plain column, no table copy on SQLite.
def upgrade() -> None:
    op.add_column("person", sa.Column("erased_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    op.drop_column("person", "erased_at")
