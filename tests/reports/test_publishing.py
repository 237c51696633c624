"""Publishing the report: the facilitator only, once the session has started, never for a
cancelled session; who reads the page and the PDF before and after; the ZIP; caching."""

import io
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.audit.models import AuditEntry
from app.invitations.models import OutboxMessage
from app.learning_sessions.models import LearningSession
from app.mail.report_mail import report_key
from app.people.models import Person
from app.vocabulary import AuditAction, Role
from tests import factories
from tests.agendas.test_documents import text_of
from tests.reports.world import MINUTES, ReportWorld, report_world

SignIn = Callable[[Person], TestClient]


@pytest.fixture
def world(db: Session, community: object, facilitator: Person) -> ReportWorld:
    return report_world(db, community)  # type: ignore[arg-type]


def base(world: ReportWorld) -> str:
    return f"/sessions/{world.learning_session.id}"


def publish(client: TestClient, world: ReportWorld) -> int:
    return client.post(f"{base(world)}/report/publish", follow_redirects=False).status_code


def report_messages(db: Session, world: ReportWorld) -> list[OutboxMessage]:
    return list(
        db.exec(
            select(OutboxMessage)
            .where(
                col(OutboxMessage.dedupe_key).like("%:report:%"),
                OutboxMessage.session_id == world.learning_session.id,
            )
            .order_by(col(OutboxMessage.recipient))
        ).all()
    )


def test_the_facilitator_previews_then_publishes_and_each_family_representative_gets_one_message(
    client: TestClient, db: Session, world: ReportWorld
) -> None:
    page = client.get(f"{base(world)}/report")
    assert page.status_code == 200
    assert "Not published yet" in page.text and "Publish the report" in page.text
    assert MINUTES in page.text
    assert "&lt;script&gt;" in page.text and "<script>alert" not in page.text

    assert publish(client, world) == 303
    db.refresh(world.learning_session)
    assert world.learning_session.report_published_at is not None
    messages = report_messages(db, world)
    assert [m.recipient for m in messages] == ["ingrid@family.example", "ricardo@family.example"]
    assert [m.dedupe_key for m in messages] == [
        report_key(world.learning_session, world.family.id),
        report_key(world.learning_session, world.family_link.id),
    ]
    # No one else hears about it: not the practitioner, the chair, or the outsider.
    assert db.exec(select(OutboxMessage)).all() == messages

    [audited] = db.exec(select(AuditEntry).where(AuditEntry.action == AuditAction.published)).all()
    assert audited.subject == "report of session 2"

    after = client.get(f"{base(world)}/report")
    assert "Published on" in after.text and "Publish the report" not in after.text

    # Publishing again queues nothing and keeps the first date.
    first = world.learning_session.report_published_at
    assert publish(client, world) == 303
    db.refresh(world.learning_session)
    assert world.learning_session.report_published_at == first
    assert len(report_messages(db, world)) == 2


def test_the_messages_are_in_plain_language_and_the_readers_language_with_the_right_link(
    client: TestClient, db: Session, world: ReportWorld
) -> None:
    publish(client, world)
    ingrid, ricardo = report_messages(db, world)

    # Ingrid has a password: a direct link to her reflections page of the session.
    assert ingrid.subject == "The report of learning session 2 is ready"
    assert "see what was done with what you wrote" in ingrid.body
    assert f"sessions/{world.learning_session.id}/reflect" in ingrid.body
    assert "/access/" not in ingrid.body
    # Ricardo has no password: a personal link to the session, in Dutch.
    assert ricardo.subject == "Het verslag van leersessie 2 is klaar"
    assert "Uw persoonlijke link" in ricardo.body and "/access/" in ricardo.body
    assert "opent uw reflecties voor deze sessie" in ricardo.body


def test_publishing_is_refused_before_the_session_starts_and_for_a_cancelled_session(
    client: TestClient, db: Session, world: ReportWorld
) -> None:
    session: LearningSession = world.learning_session
    session.status = "planned"  # type: ignore[assignment]
    session.starts_at = datetime.now(UTC) + timedelta(days=3)
    db.flush()
    early = client.post(f"{base(world)}/report/publish", follow_redirects=False)
    assert early.status_code == 409
    assert "once the session has started" in early.text
    assert "once the session has started" in client.get(f"{base(world)}/report").text

    session.starts_at = datetime.now(UTC) - timedelta(days=1)
    session.cancelled_at = datetime.now(UTC)
    db.flush()
    cancelled = client.post(f"{base(world)}/report/publish", follow_redirects=False)
    assert cancelled.status_code == 409
    assert "cancelled" in cancelled.text
    db.refresh(session)
    assert session.report_published_at is None
    assert report_messages(db, world) == []


def test_only_the_facilitator_publishes(sign_in: SignIn, db: Session, world: ReportWorld) -> None:
    for person in (world.chair, world.practitioner, world.family):
        assert publish(sign_in(person), world) == 403
    db.refresh(world.learning_session)
    assert world.learning_session.report_published_at is None


def test_participants_read_the_report_only_once_published_others_never(
    client: TestClient, sign_in: SignIn, db: Session, world: ReportWorld
) -> None:
    readers = {
        "chair": sign_in(world.chair),
        "practitioner": sign_in(world.practitioner),
        "absent policymaker": sign_in(world.policymaker),
        "family": sign_in(world.family),
        "came uninvited": sign_in(world.family_link),
    }
    outsider = sign_in(world.outsider)
    for path in (f"{base(world)}/report", f"{base(world)}/report.pdf"):
        for name, reader in readers.items():
            assert reader.get(path).status_code == 404, (name, path)
        assert outsider.get(path).status_code == 404

    publish(client, world)

    for path in (f"{base(world)}/report", f"{base(world)}/report.pdf"):
        for name, reader in readers.items():
            assert reader.get(path).status_code == 200, (name, path)
        assert outsider.get(path).status_code == 403
    family_page = readers["family"].get(f"{base(world)}/report").text
    assert "Publish the report" not in family_page and MINUTES in family_page


def test_a_personal_link_for_the_session_opens_the_published_report(
    client: TestClient, app: object, db: Session, settings: object, world: ReportWorld
) -> None:
    from tests.auth.test_permission_matrix import access_link_browser

    link, _ = factories.access_link(db, world.family_link, for_session=world.learning_session)
    browser = access_link_browser(app, db, settings, world.family_link, link.id or 0)  # type: ignore[arg-type]
    assert browser.get(f"{base(world)}/report").status_code == 404
    publish(client, world)
    assert browser.get(f"{base(world)}/report").status_code == 200
    other = factories.learning_session(db, world.community, number=7)
    other.report_published_at = datetime.now(UTC)
    factories.attendance(db, other, world.family_link)
    db.flush()
    assert browser.get(f"/sessions/{other.id}/report").status_code == 404


def test_the_pdf_answers_not_modified_and_a_change_renders_a_new_version(
    client: TestClient, db: Session, world: ReportWorld
) -> None:
    path = f"{base(world)}/report.pdf?language=en"
    first = client.get(path)
    assert first.status_code == 200
    assert first.headers["content-type"] == "application/pdf"
    assert 'filename="session-02-report.pdf"' in first.headers["content-disposition"]
    etag = first.headers["etag"]

    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304

    world.items[0].minutes = "The chair opened the session and welcomed two new members."
    db.flush()
    changed = client.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert "welcomed two new members" in text_of(changed.content)
    dutch = client.get(f"{base(world)}/report.pdf?language=nl")
    assert 'filename="sessie-02-verslag.pdf"' in dutch.headers["content-disposition"]


def test_the_session_zip_holds_the_report_once_published(
    client: TestClient, db: Session, world: ReportWorld
) -> None:
    zip_path = f"{base(world)}/archive.zip"

    def names(language: str) -> list[str]:
        response = client.get(zip_path, headers={"Accept-Language": language})
        assert response.status_code == 200
        return zipfile.ZipFile(io.BytesIO(response.content)).namelist()

    assert "session-02-report.pdf" not in names("en")
    publish(client, world)
    archive = zipfile.ZipFile(io.BytesIO(client.get(zip_path).content))
    report = [name for name in archive.namelist() if name.endswith("report.pdf")]
    assert report == ["session-02-report.pdf"]
    assert MINUTES in text_of(archive.read("session-02-report.pdf"))


def test_the_session_page_links_the_report_for_the_facilitator_and_once_published(
    client: TestClient, sign_in: SignIn, db: Session, world: ReportWorld
) -> None:
    link = f'href="{base(world)}/report"'
    assert link in client.get(base(world)).text
    practitioner = sign_in(world.practitioner)
    assert link not in practitioner.get(base(world)).text
    publish(client, world)
    assert link in practitioner.get(base(world)).text


def test_the_family_roles_only(db: Session, world: ReportWorld) -> None:
    from app.mail.report_mail import family_representatives

    found = family_representatives(db=db, learning_session=world.learning_session)
    assert [i.person.name for i in found] == ["Ingrid Smit", "Ricardo Martina"]
    assert all(Role.family_representative in i.roles for i in found)


def test_the_minutes_page_links_the_agenda_and_the_report_for_the_facilitator(
    client: TestClient, sign_in: SignIn, world: ReportWorld
) -> None:
    minutes = client.get(f"{base(world)}/minutes").text
    assert f'href="{base(world)}/report"' in minutes and "Preview and publish the report" in minutes
    assert f'href="{base(world)}/agenda"' in minutes
    assert (
        f'href="{base(world)}/report"'
        not in sign_in(world.chair).get(f"{base(world)}/minutes").text
    )
    publish(client, world)
    assert "Read the report" in client.get(f"{base(world)}/minutes").text
