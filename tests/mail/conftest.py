"""A real SMTP server in this process (aiosmtpd), and a session whose agenda goes out.

The server keeps every envelope it accepts; ``refuse`` makes it answer 550 instead.
"""

import email
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import default
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient
from sqlalchemy.engine import Connection
from sqlmodel import Session

from app.auth.dependencies import timeouts
from app.community.models import LearningCommunity
from app.config import Settings
from app.learning_sessions.models import LearningSession
from app.main import create_app
from app.people.models import Person
from app.vocabulary import AgendaItemKind, Role
from app.wiring import wire
from tests import factories
from tests.conftest import RolledBackDatabase
from tests.helpers import use_session


@dataclass
class Received:
    sender: str
    recipients: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.raw, policy=default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class Collector:
    """The server's handler: what arrived, and whether to refuse what comes."""

    received: list[Received] = field(default_factory=list)
    refuse: bool = False

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if self.refuse:
            return "550 5.7.1 Mailbox unavailable for this sender"
        self.received.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content)
        )
        return "250 OK"

    def to(self, address: str) -> list[Received]:
        return [r for r in self.received if address in r.recipients]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[Collector, int]]:
    collector = Collector()
    port = free_port()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield collector, port
    finally:
        controller.stop()


@pytest.fixture
def mailbox(smtp_server: tuple[Collector, int]) -> Collector:
    return smtp_server[0]


@pytest.fixture
def mail_settings(settings: Settings, smtp_server: tuple[Collector, int]) -> Settings:
    return settings.model_copy(
        update={
            "smtp_host": "127.0.0.1",
            "smtp_port": smtp_server[1],
            "smtp_starttls": False,
            "smtp_sender": "Leerkring <leerkring@example.nl>",
            "mail_in_background": False,
        }
    )


@pytest.fixture
def database(connection: Connection) -> RolledBackDatabase:
    """The sender's own transactions, on the test's connection (what the worker uses)."""
    return RolledBackDatabase(connection)


@pytest.fixture(autouse=True)
def wired() -> None:
    wire()


@pytest.fixture
def mail_client(
    mail_settings: Settings, database: RolledBackDatabase, db: Session, facilitator: Person
) -> TestClient:
    """The facilitator's browser, on an app with a mail server set up."""
    app = create_app(mail_settings, database=database)
    token = factories.user_session(db, facilitator, timeouts=timeouts(mail_settings))
    return use_session(TestClient(app), mail_settings.secret_key, token)


@dataclass
class Invited:
    learning_session: LearningSession
    practitioner: Person  # of the initiative with a published factsheet
    policymaker: Person  # the same initiative, reads Dutch
    manager: Person  # of an initiative without a factsheet
    family: Person  # the family representative: plain language and a personal link

    @property
    def everyone(self) -> list[Person]:
        return [self.practitioner, self.policymaker, self.manager, self.family]


PUBLISHED_PDF = b"%PDF-1.7 the published factsheet"
PLAIN_PDF = b"%PDF-1.7 the plain-language factsheet"


@pytest.fixture
def invited(db: Session, community: LearningCommunity) -> Invited:
    leiden = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    zwolle = factories.initiative(db, community, name="Wijkexpertteam Zwolle-Kampen")
    practitioner = factories.person(
        db, community, name="Pieter de Vries", email="pieter@leiden.example", language="en"
    )
    policymaker = factories.person(
        db, community, name="Ilse Vermeer", email="ilse@leiden.example", language="nl"
    )
    manager = factories.person(
        db, community, name="Mark Jansen", email="mark@zwolle.example", language="en"
    )
    family = factories.person(
        db, community, name="Fatima el Amrani", email="fatima@family.example", language="en"
    )
    factories.membership(db, practitioner, Role.practitioner, leiden)
    factories.membership(db, policymaker, Role.policymaker, leiden)
    factories.membership(db, manager, Role.manager, zwolle)
    factories.membership(db, family, Role.family_representative)
    # 13:30–16:30 in Amsterdam (winter time: UTC+1).
    learning_session = factories.learning_session(
        db,
        community,
        number=3,
        starts_at=datetime(2027, 1, 21, 12, 30, tzinfo=UTC),
        ends_at=datetime(2027, 1, 21, 15, 30, tzinfo=UTC),
        timezone="Europe/Amsterdam",
        place="Stadhuis Leiden",
        focus="Roles and responsibilities",
    )
    for person in (practitioner, policymaker, manager, family):
        factories.attendance(db, learning_session, person)
    factories.agenda_item(
        db,
        learning_session,
        position=0,
        kind=AgendaItemKind.welcome,
        title="Welcome",
        duration_minutes=15,
    )
    factories.agenda_item(db, learning_session, position=1, title="Findings", duration_minutes=45)
    factsheet = factories.published_factsheet(
        db, leiden, learning_session, analysis="The pilot money ends in June."
    )
    for language in ("en", "nl"):
        factories.factsheet_document(db, factsheet, language=language, pdf=PUBLISHED_PDF)
        factories.factsheet_document(
            db, factsheet, language=language, variant="plain", pdf=PLAIN_PDF
        )
    learning_session.agenda_published_at = datetime(2027, 1, 7, 9, 0, tzinfo=UTC)
    learning_session.agenda_version = 2
    db.add(learning_session)
    db.flush()
    return Invited(learning_session, practitioner, policymaker, manager, family)
