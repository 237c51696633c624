"""The session archive: one ZIP with everything a session produced, each file numbered by
session (and initiative), for the facilitator only."""

import csv
import io
import zipfile

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.db import utcnow
from app.initiatives.models import Initiative
from app.people.models import Person
from tests import factories
from tests.agendas.test_documents import text_of
from tests.reports.test_publishing import SignIn
from tests.reports.world import CHAIR_NOTES, MINUTES, ReportWorld, report_world

FINDING = "The pilot fund ends and no funder has taken it over yet."


@pytest.fixture
def world(db: Session, community: object, facilitator: Person) -> ReportWorld:
    world = report_world(db, community)  # type: ignore[arg-type]
    zwolle = db.exec(select(Initiative).where(col(Initiative.name).startswith("Wijkexpert"))).one()
    factories.published_factsheet(db, zwolle, world.learning_session, analysis=FINDING)
    world.learning_session.agenda_published_at = utcnow()
    db.flush()
    return world


def archive(client: TestClient, world: ReportWorld, language: str = "en") -> zipfile.ZipFile:
    response = client.get(
        f"/sessions/{world.learning_session.id}/archive.zip", headers={"Accept-Language": language}
    )
    assert response.status_code == 200
    assert 'filename="session-02-archive.zip"' in response.headers["content-disposition"]
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_the_archive_holds_factsheets_agenda_briefing_report_and_evaluation_results(
    client: TestClient, db: Session, world: ReportWorld
) -> None:
    published = client.post(
        f"/sessions/{world.learning_session.id}/report/publish", follow_redirects=False
    )
    assert published.status_code == 303

    zipped = archive(client, world)

    zwolle = db.exec(select(Initiative).where(col(Initiative.name).startswith("Wijkexpert"))).one()
    number = f"initiative-{zwolle.id:02d}"
    assert zipped.namelist() == [
        f"session-02-{number}-wijkexpertteam-zwolle-kampen-v1.pdf",
        f"session-02-{number}-wijkexpertteam-zwolle-kampen-v1-plain-language.pdf",
        "session-02-agenda.pdf",
        "session-02-agenda-plain-language.pdf",
        "session-02-chairs-briefing.pdf",
        "session-02-report.pdf",
        "session-02-evaluation-results.csv",
    ]
    assert FINDING in text_of(zipped.read(zipped.namelist()[0]))
    assert CHAIR_NOTES in text_of(zipped.read("session-02-chairs-briefing.pdf"))
    assert MINUTES in text_of(zipped.read("session-02-report.pdf"))

    results = zipped.read("session-02-evaluation-results.csv").decode("utf-8")
    assert results.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(results.removeprefix("\ufeff"))))
    usefulness = next(row for row in rows if row["Question"] == "Usefulness")
    # Three answered: 5, 4 and 2; too few for a breakdown by role.
    assert usefulness["Group"] == "Everyone who attended"
    assert (usefulness["Answers"], usefulness["Score 2"], usefulness["Score 4"]) == ("3", "1", "1")
    assert usefulness["Score 5"] == "1" and usefulness["Median"] == "4"
    assert {row["Group"] for row in rows} == {"Everyone who attended"}
    assert len(rows) == 4


def test_the_archive_in_dutch_and_before_the_report_is_published(
    client: TestClient, world: ReportWorld
) -> None:
    names = archive(client, world, "nl").namelist()
    assert "sessie-02-agenda.pdf" in names
    assert "sessie-02-briefing-voorzitter.pdf" in names
    assert "sessie-02-evaluatie-resultaten.csv" in names
    assert not any("verslag" in name for name in names)


def test_only_the_facilitator_downloads_the_archive(sign_in: SignIn, world: ReportWorld) -> None:
    chair = sign_in(world.chair)
    assert chair.get(f"/sessions/{world.learning_session.id}/archive.zip").status_code == 403
