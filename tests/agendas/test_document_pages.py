"""The agenda, plain-language agenda and briefing PDFs over HTTP: who opens them, and caching."""

import io
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.agendas import rendering
from app.community.models import LearningCommunity
from app.config import Settings
from app.people.models import Person
from app.vocabulary import Role
from tests import factories
from tests.agendas.test_documents import FAMILY_PLAIN, NOTES, Agenda, make_agenda, text_of
from tests.helpers import use_session

PUBLISHED = datetime(2027, 1, 7, 9, 0, tzinfo=UTC)


@pytest.fixture
def agenda(db: Session, community: LearningCommunity) -> Agenda:
    return make_agenda(db, community)


def publish(db: Session, agenda: Agenda) -> None:
    agenda.learning_session.agenda_published_at = PUBLISHED
    db.flush()


def paths(agenda: Agenda) -> dict[str, str]:
    base = f"/sessions/{agenda.learning_session.id}"
    return {
        "agenda": f"{base}/agenda.pdf",
        "plain": f"{base}/agenda-plain.pdf",
        "briefing": f"{base}/briefing.pdf",
    }


def test_the_facilitator_gets_the_draft_agenda_with_an_etag_and_304(
    client: TestClient, agenda: Agenda
) -> None:
    response = client.get(paths(agenda)["agenda"])

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == 'inline; filename="session-03-agenda.pdf"'
    assert response.headers["cache-control"] == "private, no-cache"
    assert "Draft" in text_of(response.content)
    etag = response.headers["etag"]
    again = client.get(paths(agenda)["agenda"], headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_the_language_comes_from_the_query_or_the_request(
    client: TestClient, agenda: Agenda
) -> None:
    dutch = client.get(paths(agenda)["plain"], headers={"Accept-Language": "nl"})
    english = client.get(paths(agenda)["plain"] + "?language=en", headers={"Accept-Language": "nl"})

    assert "Het programma" in text_of(dutch.content)
    assert "sessie-03-agenda-eenvoudige-taal.pdf" in dutch.headers["content-disposition"]
    assert "The programme" in text_of(english.content)
    assert client.get(paths(agenda)["agenda"] + "?language=fr").status_code == 422


def test_the_sessions_chair_reads_the_draft_and_the_briefing(
    sign_in: Callable[[Person], TestClient], agenda: Agenda
) -> None:
    chair = sign_in(agenda.chair)

    assert chair.get(paths(agenda)["agenda"]).status_code == 200
    briefing = chair.get(paths(agenda)["briefing"])
    assert briefing.status_code == 200
    assert NOTES in text_of(briefing.content)
    assert "session-03-chairs-briefing.pdf" in briefing.headers["content-disposition"]


def test_a_chair_of_another_session_and_a_policymaker_are_refused(
    db: Session,
    sign_in: Callable[[Person], TestClient],
    community: LearningCommunity,
    agenda: Agenda,
) -> None:
    other_chair = factories.person(db, community, name="Kees Visser")
    factories.membership(db, other_chair, Role.chair)
    factories.learning_session(db, community, number=4, chair_id=other_chair.id)
    policymaker = factories.person(db, community, name="Ilse de Boer")
    factories.membership(db, policymaker, Role.policymaker)

    for person in (other_chair, policymaker):
        browser = sign_in(person)
        assert browser.get(paths(agenda)["briefing"]).status_code in (403, 404)
        for kind in ("agenda", "plain"):
            response = browser.get(paths(agenda)[kind])
            assert response.status_code == 404
            assert NOTES not in response.text

    publish(db, agenda)
    for person in (other_chair, policymaker):
        browser = sign_in(person)
        assert browser.get(paths(agenda)["briefing"]).status_code in (403, 404)
        published = browser.get(paths(agenda)["agenda"])
        assert published.status_code == 200
        assert "Draft" not in text_of(published.content)
        assert "Zwolle speak first" not in text_of(published.content)


def test_a_family_representatives_link_opens_its_sessions_plain_agenda_once_published(
    db: Session,
    app: FastAPI,
    settings: Settings,
    community: LearningCommunity,
    agenda: Agenda,
) -> None:
    family = factories.person(db, community, name="Linda Mulder")
    factories.membership(db, family, Role.family_representative)
    link, _ = factories.access_link(db, family, for_session=agenda.learning_session)
    token = factories.user_session(db, family, access_link=link)
    browser = use_session(TestClient(app), settings.secret_key, token)
    other = factories.learning_session(db, community, number=5, agenda_published_at=PUBLISHED)

    assert browser.get(paths(agenda)["plain"]).status_code == 404
    publish(db, agenda)
    plain = browser.get(paths(agenda)["plain"])
    assert plain.status_code == 200
    assert FAMILY_PLAIN in text_of(plain.content)
    assert browser.get(paths(agenda)["briefing"]).status_code in (403, 404)
    assert browser.get(f"/sessions/{other.id}/agenda-plain.pdf").status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(anonymous: TestClient, agenda: Agenda) -> None:
    for path in paths(agenda).values():
        assert anonymous.get(path, follow_redirects=False).status_code in (303, 401)


def test_the_session_archive_holds_the_agenda_pdfs_and_briefing_once_published(
    client: TestClient, db: Session, agenda: Agenda
) -> None:
    zip_path = f"/sessions/{agenda.learning_session.id}/archive.zip"

    def names() -> list[str]:
        response = client.get(zip_path)
        assert response.status_code == 200
        return zipfile.ZipFile(io.BytesIO(response.content)).namelist()

    assert names() == []
    publish(db, agenda)
    archive = zipfile.ZipFile(io.BytesIO(client.get(zip_path).content))
    assert archive.namelist() == [
        "session-03-agenda.pdf",
        "session-03-agenda-plain-language.pdf",
        "session-03-chairs-briefing.pdf",  # the facilitator prepares the session
    ]
    assert "Dilemma round" in text_of(archive.read("session-03-agenda.pdf"))


def test_a_render_past_the_time_limit_answers_503_and_the_next_one_works(
    client: TestClient, db: Session, monkeypatch: pytest.MonkeyPatch, agenda: Agenda
) -> None:
    # WeasyPrint writes in a worker process: too slow, and the process is ended.
    hurried = rendering.AgendaRenderer(timeout_seconds=0.01)
    monkeypatch.setattr(rendering, "_default", hurried)

    slow = client.get(paths(agenda)["agenda"])

    assert slow.status_code == 503
    assert "took too long" in slow.text
    hurried.timeout_seconds = 60
    again = client.get(paths(agenda)["agenda"])
    assert again.status_code == 200
    assert "Dilemma round" in text_of(again.content)

    # The worker process dies (killed, out of memory): the next render gets a fresh one.
    pool = hurried._pool
    assert pool is not None
    for process in list(pool._processes.values()):  # type: ignore[attr-defined]
        process.kill()
        process.join()
    agenda.items[2].title = "Dilemma round, in two groups"
    db.flush()
    revived = client.get(paths(agenda)["agenda"])
    assert revived.status_code == 200
    assert "Dilemma round, in two groups" in text_of(revived.content)
