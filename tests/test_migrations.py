"""Migrations: one head; upgrade → downgrade → upgrade; the result equals the models."""

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

import app.models  # noqa: F401 - the whole metadata
from app.db import create_db_engine, render_item
from tests.conftest import alembic_config


def schema_differences(url: str) -> list[object]:
    engine = create_db_engine(url)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "compare_server_default": True,
                "render_item": render_item,
            },
        )
        differences = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    return differences


def table_names(url: str) -> set[str]:
    engine = create_db_engine(url)
    names = set(sa.inspect(engine).get_table_names())
    engine.dispose()
    return names


def test_single_head() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1


def test_upgrade_downgrade_upgrade_matches_the_models(scratch_database_url: str) -> None:
    config = alembic_config(scratch_database_url)

    command.upgrade(config, "head")
    assert schema_differences(scratch_database_url) == []
    command.downgrade(config, "base")
    assert table_names(scratch_database_url) <= {"alembic_version"}
    command.upgrade(config, "head")

    assert schema_differences(scratch_database_url) == []
    assert set(SQLModel.metadata.tables) <= table_names(scratch_database_url)
