"""With LEERKRING_SMTP_USER set the sender logs in with that user and password."""

from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from pydantic import SecretStr
from sqlmodel import Session

from app.community.models import LearningCommunity
from app.config import Settings
from app.emails import Email, queue_email
from app.mail.sending import send_pending
from tests.conftest import RolledBackDatabase
from tests.mail.conftest import Collector, free_port


class Logins:
    """The server's authenticator: remembers each login, accepts one."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []

    def __call__(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        if not isinstance(data, LoginPassword):
            return AuthResult(success=False)
        login, password = data.login.decode(), data.password.decode()
        self.seen.append((login, password))
        return AuthResult(success=(login, password) == ("leerkring", "geheim-2027"))


# Plain AUTH is fine on the loopback interface of a test.
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_the_sender_logs_in_with_the_configured_user(
    db: Session, community: LearningCommunity, database: RolledBackDatabase, settings: Settings
) -> None:
    queue_email(
        db=db,
        community_id=community.id or 0,
        recipient="ilse@leiden.example",
        email=Email(subject="Session 3", body="See you on Thursday."),
    )
    db.commit()
    mailbox, logins, port = Collector(), Logins(), free_port()
    controller = Controller(
        mailbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=logins,
        auth_require_tls=False,
        auth_required=True,
    )
    controller.start()
    try:
        report = send_pending(
            database,
            settings.model_copy(
                update={
                    "smtp_host": "127.0.0.1",
                    "smtp_port": port,
                    "smtp_starttls": False,
                    "smtp_user": "leerkring",
                    "smtp_password": SecretStr("geheim-2027"),
                    "smtp_timeout_seconds": 5,
                }
            ),
        )
    finally:
        controller.stop()

    assert (report.sent, report.failed) == (1, 0)
    assert logins.seen == [("leerkring", "geheim-2027")]
    assert [r.recipients for r in mailbox.received] == [["ilse@leiden.example"]]
