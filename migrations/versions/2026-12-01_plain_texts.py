"""plain texts: each factsheet section's plain-language text and when it was confirmed

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 13:03:51.137824
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE, no batch: SQLite (3.35+) adds and drops these columns in place, and a
# batch copy would drop factsheet_section, cascading to the quotes of every section.
def upgrade() -> None:
    # Existing sections get an empty, unconfirmed plain text: the editor suggests one.
    op.add_column(
        "factsheet_section",
        sa.Column(
            "plain_text",
            sqlmodel.sql.sqltypes.AutoString(length=4000),
            server_default=sa.text("''"),
            nullable=False,
        ),
    )
    op.add_column(
        "factsheet_section",
        sa.Column("plain_confirmed_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_column("factsheet_section", "plain_confirmed_at")
    op.drop_column("factsheet_section", "plain_text")
