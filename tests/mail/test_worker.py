"""The mail worker sends what a transaction queued as soon as it commits, in its own
transactions, without waiting for its next poll."""

import time

from alembic import command

from app.config import Settings
from app.db import Database, create_db_engine
from app.emails import Email, queue_email
from app.mail.sending import MailWorker
from tests import factories
from tests.conftest import alembic_config
from tests.mail.conftest import Collector


def test_the_worker_wakes_when_a_transaction_that_queued_mail_commits(
    scratch_database_url: str, mail_settings: Settings, mailbox: Collector
) -> None:
    command.upgrade(alembic_config(scratch_database_url), "head")
    database = Database(create_db_engine(scratch_database_url))
    with database.transaction(write=True) as db:
        community_id = factories.community(db).id or 0
    worker = MailWorker(database, mail_settings, poll_seconds=300)
    worker.start()
    try:
        time.sleep(0.5)  # the worker's first look finds nothing and waits
        with database.transaction(write=True) as db:
            queue_email(
                db=db,
                community_id=community_id,
                recipient="ilse@leiden.example",
                email=Email(subject="Session 3", body="See you on Thursday."),
            )
            time.sleep(0.3)
            assert mailbox.received == []  # nothing before the commit
        deadline = time.monotonic() + 10
        while not mailbox.received and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        worker.stop()
        database.engine.dispose()

    assert [r.recipients for r in mailbox.received] == [["ilse@leiden.example"]]
