"""Publishing the report over HTTP, and the in-process SMTP server receiving exactly one
message per family representative, in their language, whatever is published again."""

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.community.models import LearningCommunity
from app.config import Settings
from app.mail.sending import send_pending
from tests.conftest import RolledBackDatabase
from tests.mail.conftest import (  # noqa: F401 - the mail room's fixtures
    Collector,
    database,
    mail_client,
    mail_settings,
    mailbox,
    smtp_server,
    wired,
)
from tests.reports.world import report_world


def test_one_message_per_family_representative_arrives_and_publishing_again_sends_none(
    db: Session,
    community: LearningCommunity,
    mail_client: TestClient,  # noqa: F811
    database: RolledBackDatabase,  # noqa: F811
    mail_settings: Settings,  # noqa: F811
    mailbox: Collector,  # noqa: F811
) -> None:
    world = report_world(db, community)
    path = f"/sessions/{world.learning_session.id}/report/publish"

    assert mail_client.post(path, follow_redirects=False).status_code == 303
    db.commit()
    assert send_pending(database, mail_settings).failed == 0

    assert sorted(r.recipients[0] for r in mailbox.received) == [
        "ingrid@family.example",
        "ricardo@family.example",
    ]
    [ingrid] = mailbox.to("ingrid@family.example")
    assert ingrid.message["Subject"] == "The report of learning session 2 is ready"
    body = ingrid.message.get_body(("plain",))
    assert body is not None
    assert f"sessions/{world.learning_session.id}/reflect" in body.get_content()
    [ricardo] = mailbox.to("ricardo@family.example")
    assert ricardo.message["Subject"] == "Het verslag van leersessie 2 is klaar"
    html = ricardo.message.get_body(("html",))
    assert html is not None and "Uw persoonlijke link" in html.get_content()
    # No attachment: the message only says the report is there.
    assert list(ingrid.message.iter_attachments()) == []

    assert mail_client.post(path, follow_redirects=False).status_code == 303
    db.commit()
    send_pending(database, mail_settings)
    assert len(mailbox.received) == 2
