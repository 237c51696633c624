"""8 writers × 50 read-modify-write transactions: every one commits, no update is lost."""

import threading

from alembic import command
from sqlmodel import select

from app.db import Database, create_db_engine
from app.factsheets.models import FactsheetSection
from tests import factories
from tests.conftest import alembic_config

WRITERS, TRANSACTIONS = 8, 50


def test_concurrent_read_modify_write_loses_nothing(scratch_database_url: str) -> None:
    command.upgrade(alembic_config(scratch_database_url), "head")
    database = Database(create_db_engine(scratch_database_url))
    with database.transaction(write=True) as db:
        community = factories.community(db)
        factsheet = factories.factsheet(
            db,
            factories.initiative(db, community),
            factories.learning_session(db, community),
        )
        section_id = factories.factsheet_section(db, factsheet).id

    committed: list[int] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def writer(number: int) -> None:
        for step in range(TRANSACTIONS):
            try:
                with database.transaction(write=True) as db:
                    row = db.exec(
                        select(FactsheetSection)
                        .where(FactsheetSection.id == section_id)
                        .with_for_update()
                    ).one()
                    row.analysis += f"{number}.{step}\n"
                with lock:
                    committed.append(number)
            except BaseException as error:
                with lock:
                    failures.append(error)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    with database.transaction(write=False) as db:
        final = db.get(FactsheetSection, section_id)
        assert final is not None
        lines = final.analysis.splitlines()
        version = final.version
    database.engine.dispose()

    assert failures == []
    assert len(committed) == WRITERS * TRANSACTIONS
    assert len(lines) == len(set(lines)) == WRITERS * TRANSACTIONS
    assert version == 1 + WRITERS * TRANSACTIONS
