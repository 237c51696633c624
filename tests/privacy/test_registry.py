"""The personal-data registry covers the whole model: every column that refers to a person
and every text column is declared, and every declaration names a real column."""

import sqlalchemy as sa
from sqlmodel import SQLModel

import app.models  # noqa: F401  (every table in the metadata)
from app.privacy.registry import FREE_TEXT, NOT_PERSONAL, PERSONAL, OnErasure, holds_text

PERSON_TABLES = {"person", "account"}
DECLARED = [*PERSONAL, *FREE_TEXT, *NOT_PERSONAL]


def _columns(metadata: sa.MetaData) -> dict[str, sa.Column[object]]:
    return {
        f"{table.name}.{column.name}": column
        for table in metadata.tables.values()
        for column in table.columns
    }


def _undeclared(metadata: sa.MetaData) -> list[str]:
    """Columns that refer to a person, or hold text, and are not in the registry."""
    found = []
    for name, column in _columns(metadata).items():
        refers = any(key.column.table.name in PERSON_TABLES for key in column.foreign_keys)
        if (refers and name not in PERSONAL) or (holds_text(column) and name not in DECLARED):
            found.append(name)
    return sorted(found)


def test_every_column_that_refers_to_a_person_or_holds_text_is_declared() -> None:
    assert _undeclared(SQLModel.metadata) == [], "declare these in app/privacy/registry.py"


def test_declarations_are_single_and_name_real_columns() -> None:
    assert len(DECLARED) == len(set(DECLARED)), "a column is declared twice"
    assert sorted(set(DECLARED) - set(_columns(SQLModel.metadata))) == []


def test_what_is_kept_or_not_exported_says_why() -> None:
    unexplained = [
        name
        for name, rule in PERSONAL.items()
        if (rule.on_erasure is OnErasure.kept or not rule.exported) and not rule.why
    ]
    assert unexplained == []
    assert all(NOT_PERSONAL.values())


def test_a_new_undeclared_column_fails_the_check() -> None:
    copy = sa.MetaData()
    for table in SQLModel.metadata.tables.values():
        table.to_metadata(copy)
    sa.Table(
        "visit",
        copy,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("visitor_id", sa.Integer, sa.ForeignKey("person.id")),
        sa.Column("note", sa.String(200)),
    )
    assert _undeclared(copy) == ["visit.note", "visit.visitor_id"]
