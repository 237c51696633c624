"""seed-demo --scale: a generated community of many initiatives, inserted in bulk."""

from collections.abc import Iterator

import pytest
from sqlmodel import Session, col, func, select
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from app.db import Database, create_db_engine
from app.demo.scale import EVIDENCE_PER_INITIATIVE, PEOPLE_PER_INITIATIVE, SESSIONS, scale_community
from app.demo.seed import seed_demo
from app.evidence.models import EvidenceCondition, EvidenceItem
from app.factsheets.models import Factsheet, FactsheetSection
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Membership, Person
from app.vocabulary import FactsheetStatus, PartnershipCondition, Role, SessionStatus

runner = CliRunner()


def count(db: Session, model: type) -> int:
    return db.exec(select(func.count()).select_from(model)).one()


def held_sessions(db: Session) -> int:
    return db.exec(
        select(func.count()).where(
            col(LearningSession.status).in_([SessionStatus.held, SessionStatus.followed_up])
        )
    ).one()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_scale_adds_initiatives_with_people_evidence_and_factsheets(
    db: Session, language: str
) -> None:
    seed_demo(db, language=language, invitations=False)
    before = {model: count(db, model) for model in (Initiative, Person, EvidenceItem, Factsheet)}
    community_family = select(func.count()).where(
        Membership.role == Role.family_representative, col(Membership.initiative_id).is_(None)
    )
    family_before = db.exec(community_family).one()

    counts = scale_community(db, initiatives=3, language=language)

    held = held_sessions(db)
    assert held == 2
    assert count(db, Initiative) == before[Initiative] + 3
    assert count(db, Person) == before[Person] + 3 * PEOPLE_PER_INITIATIVE
    assert count(db, EvidenceItem) == before[EvidenceItem] + 3 * EVIDENCE_PER_INITIATIVE
    assert count(db, Factsheet) == before[Factsheet] + 3 * held
    assert count(db, LearningSession) == SESSIONS
    assert (counts.initiatives, counts.people, counts.factsheets) == (3, 30, 3 * held)
    assert db.exec(community_family).one() == family_before + 3

    new = db.exec(select(Initiative).order_by(col(Initiative.id).desc()).limit(3)).all()
    for initiative in new:
        roles = db.exec(
            select(Membership.role).where(Membership.initiative_id == initiative.id)
        ).all()
        # Nine in the team; the tenth, a family representative, is held community-wide.
        assert len(roles) == PEOPLE_PER_INITIATIVE - 1
        assert {
            Role.policymaker,
            Role.manager,
            Role.practitioner,
            Role.practitioner_researcher,
        } == set(roles)
        factsheets = db.exec(
            select(Factsheet).where(Factsheet.initiative_id == initiative.id)
        ).all()
        assert {f.status for f in factsheets} == {FactsheetStatus.published}
        sections = db.exec(
            select(FactsheetSection.condition).where(
                col(FactsheetSection.factsheet_id).in_([f.id for f in factsheets])
            )
        ).all()
        assert sorted(sections) == sorted(list(PartnershipCondition) * held)
        # Published, so every section's plain text is written and confirmed (the plain PDF).
        unconfirmed = db.exec(
            select(FactsheetSection.id).where(
                col(FactsheetSection.factsheet_id).in_([f.id for f in factsheets]),
                (FactsheetSection.plain_text == "")
                | col(FactsheetSection.plain_confirmed_at).is_(None),
            )
        ).all()
        assert unconfirmed == []
        conditions = db.exec(
            select(EvidenceCondition.condition)
            .join(EvidenceItem, col(EvidenceItem.id) == EvidenceCondition.evidence_item_id)
            .where(EvidenceItem.initiative_id == initiative.id)
        ).all()
        assert set(conditions) == set(PartnershipCondition)

    emails = db.exec(select(Person.email)).all()
    assert all(email == email.lower() for email in emails if email)


def test_scale_twice_adds_more_with_unique_names_and_emails(db: Session) -> None:
    seed_demo(db, invitations=False)
    scale_community(db, initiatives=3)
    counts = scale_community(db, initiatives=3)

    assert counts.sessions_added == 0
    assert count(db, Initiative) == 5 + 6
    names = db.exec(select(Initiative.name)).all()
    assert len(set(names)) == len(names)


@pytest.fixture
def cli_database(scratch_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("LEERKRING_DATABASE_URL", scratch_database_url)
    get_settings.cache_clear()
    yield scratch_database_url
    get_settings.cache_clear()


def test_seed_demo_scale_seeds_the_demo_first_on_an_empty_database(cli_database: str) -> None:
    assert runner.invoke(cli, ["migrate"]).exit_code == 0
    result = runner.invoke(cli, ["seed-demo", "--scale", "3"])

    assert result.exit_code == 0, result.output
    assert "Demo learning community added." in result.output
    assert "Added 3 initiatives" in result.output
    database = Database(create_db_engine(cli_database))
    with database.transaction(write=False) as db:
        assert count(db, Initiative) == 5 + 3
        assert count(db, LearningSession) == SESSIONS
    database.engine.dispose()
