"""agendas and mail: question bank, chair's notes, time slot and calendar sequence, session
documents, outbox attachments and sending state

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 15:02:53.040867
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

String = sqlmodel.sql.sqltypes.AutoString
KINDS = (
    "findings",
    "dilemma",
    "good_practice",
    "exchange",
    "action_planning",
    "evaluation",
)
NEW_KINDS = ("welcome", "review_actions", *KINDS, "break")


def _kind_check(kinds: Sequence[str]) -> str:
    return "kind IN (" + ", ".join(f"'{kind}'" for kind in kinds) + ")"


# Plain ALTER TABLE where a table is referenced by others: on SQLite a batch copy of
# learning_session or reflective_question would cascade to every row that points at them.
# agenda_item is referenced by nothing, so its kind CHECK is rebuilt with a batch copy.
def upgrade() -> None:
    op.create_table(
        "bank_question",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", String(length=1000), nullable=False),
        sa.Column("plain_text", String(length=1000), nullable=False),
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
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("language", String(length=8), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["learning_community.id"],
            name=op.f("fk_bank_question_community_id_learning_community"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["person.id"],
            name=op.f("fk_bank_question_created_by_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_question")),
    )
    op.create_index(op.f("ix_bank_question_community_id"), "bank_question", ["community_id"])
    op.create_index(op.f("ix_bank_question_condition"), "bank_question", ["condition"])
    op.create_index(op.f("ix_bank_question_language"), "bank_question", ["language"])

    op.create_table(
        "session_document",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("kind", String(length=20), nullable=False),
        sa.Column("language", String(length=8), nullable=False),
        sa.Column("content_hash", String(length=64), nullable=False),
        sa.Column("template_version", String(length=40), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["learning_session.id"],
            name=op.f("fk_session_document_session_id_learning_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_document")),
        sa.UniqueConstraint(
            "session_id",
            "kind",
            "language",
            name=op.f("uq_session_document_session_id_kind_language"),
        ),
    )
    op.create_index(op.f("ix_session_document_session_id"), "session_document", ["session_id"])

    # outbox_message is referenced by nothing yet: a batch copy is safe on SQLite.
    with op.batch_alter_table("outbox_message") as batch_op:
        batch_op.add_column(
            sa.Column(
                "html_body", String(length=100000), server_default=sa.text("''"), nullable=False
            )
        )
        batch_op.add_column(
            sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False)
        )
        batch_op.add_column(
            sa.Column(
                "last_error", String(length=2000), server_default=sa.text("''"), nullable=False
            )
        )
        batch_op.add_column(sa.Column("last_attempt_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("dedupe_key", String(length=200), nullable=True))
        batch_op.add_column(sa.Column("session_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("person_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_outbox_message_dedupe_key"), ["dedupe_key"], unique=True
        )
        batch_op.create_index(batch_op.f("ix_outbox_message_person_id"), ["person_id"])
        batch_op.create_index(batch_op.f("ix_outbox_message_session_id"), ["session_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_outbox_message_session_id_learning_session"),
            "learning_session",
            ["session_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_outbox_message_person_id_person"),
            "person",
            ["person_id"],
            ["id"],
            ondelete="SET NULL",
        )

    op.create_table(
        "outbox_attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("filename", String(length=200), nullable=False),
        sa.Column("content_type", String(length=100), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["outbox_message.id"],
            name=op.f("fk_outbox_attachment_message_id_outbox_message"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_attachment")),
    )
    op.create_index(op.f("ix_outbox_attachment_message_id"), "outbox_attachment", ["message_id"])

    with op.batch_alter_table("agenda_item") as batch_op:
        batch_op.add_column(
            sa.Column(
                "chair_notes", String(length=4000), server_default=sa.text("''"), nullable=False
            )
        )
        batch_op.drop_constraint("agenda_item_kind", type_="check")
        batch_op.create_check_constraint("agenda_item_kind", _kind_check(NEW_KINDS))

    op.add_column("learning_session", sa.Column("ends_at", sa.DateTime(timezone=True)))
    op.add_column(
        "learning_session",
        sa.Column("agenda_version", sa.Integer(), server_default=sa.text("0"), nullable=False),
    )
    op.add_column("learning_session", sa.Column("agenda_published_at", sa.DateTime(timezone=True)))
    op.add_column("learning_session", sa.Column("agenda_published_version", sa.Integer()))
    op.add_column(
        "learning_session",
        sa.Column("calendar_sequence", sa.Integer(), server_default=sa.text("0"), nullable=False),
    )
    op.add_column("learning_session", sa.Column("cancelled_at", sa.DateTime(timezone=True)))

    op.add_column(
        "person",
        sa.Column("language", String(length=8), server_default="nl", nullable=False),
    )
    op.add_column(
        "person",
        sa.Column(
            "shares_needs_with_chair", sa.Boolean(), server_default=sa.text("false"), nullable=False
        ),
    )
    # No foreign key: SQLite cannot add one to a referenced table without a copy (above).
    op.add_column("reflective_question", sa.Column("bank_question_id", sa.Integer()))
    op.create_index(
        op.f("ix_reflective_question_bank_question_id"),
        "reflective_question",
        ["bank_question_id"],
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_reflective_question_bank_question_id"), "reflective_question")
    op.drop_column("reflective_question", "bank_question_id")
    op.drop_column("person", "shares_needs_with_chair")
    op.drop_column("person", "language")
    for column in (
        "cancelled_at",
        "calendar_sequence",
        "agenda_published_version",
        "agenda_published_at",
    ):
        op.drop_column("learning_session", column)
    op.drop_column("learning_session", "agenda_version")
    op.drop_column("learning_session", "ends_at")
    # The new kinds cannot be stored under the old CHECK.
    agenda_item = sa.table("agenda_item", sa.column("kind", sa.String()))
    op.execute(agenda_item.delete().where(agenda_item.c.kind.not_in(KINDS)))
    with op.batch_alter_table("agenda_item") as batch_op:
        batch_op.drop_constraint("agenda_item_kind", type_="check")
        batch_op.create_check_constraint("agenda_item_kind", _kind_check(KINDS))
        batch_op.drop_column("chair_notes")
    op.drop_index(op.f("ix_outbox_attachment_message_id"), "outbox_attachment")
    op.drop_table("outbox_attachment")
    with op.batch_alter_table("outbox_message") as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_outbox_message_person_id_person"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_outbox_message_session_id_learning_session"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_outbox_message_session_id"))
        batch_op.drop_index(batch_op.f("ix_outbox_message_person_id"))
        batch_op.drop_index(batch_op.f("ix_outbox_message_dedupe_key"))
        for column in (
            "person_id",
            "session_id",
            "dedupe_key",
            "last_attempt_at",
            "last_error",
            "attempts",
            "html_body",
        ):
            batch_op.drop_column(column)
    op.drop_index(op.f("ix_session_document_session_id"), "session_document")
    op.drop_table("session_document")
    for index in ("language", "condition", "community_id"):
        op.drop_index(op.f(f"ix_bank_question_{index}"), "bank_question")
    op.drop_table("bank_question")
