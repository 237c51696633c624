"""Plain-language texts: suggested, confirmed before publishing, measured, and all the plain
PDF says about each condition."""

import io
import re
from collections.abc import Callable

import pytest
import sqlalchemy as sa
from alembic import command
from fastapi.testclient import TestClient
from pydantic import ValidationError
from pypdf import PdfReader
from sqlmodel import Session

from app.community.models import LearningCommunity
from app.db import create_db_engine
from app.errors import ConflictError
from app.factsheets import service
from app.factsheets.models import Factsheet, FactsheetSection, FactsheetSectionEvidence
from app.factsheets.plain_text import suggestion
from app.factsheets.readability import readability, syllables, with_longest_marked
from app.factsheets.rendering import FactsheetRenderer
from app.factsheets.schemas import SectionForm, SectionUpdate
from app.factsheets.view import build_view
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.vocabulary import FactsheetStatus, PartnershipCondition, Role
from tests import factories
from tests.conftest import alembic_config
from tests.helpers import counted_statements

MONITORING = PartnershipCondition.monitoring
ROLES = PartnershipCondition.roles
ANALYSIS = (
    "Gezinsteam Plus has two monitoring instruments: a quarterly caseload dashboard (number "
    "of families, waiting time, case mix) and a written family evaluation. Practitioners "
    "rarely look at the dashboard; they see it as a report for the municipalities."
)
PLAIN = "The team counts how many families it helps. Families wait about nine weeks."
# The editor page's statements before plain texts existed (commit 05f3054), measured as below.
# 12, and three for the trail of the findings (app.factsheets.trail), whatever its length.
EDITOR_STATEMENTS_BEFORE = 15


@pytest.fixture
def setting(db: Session, community: LearningCommunity) -> tuple[Initiative, LearningSession]:
    initiative = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    return initiative, factories.learning_session(db, community, number=3)


@pytest.fixture
def draft(db: Session, setting: tuple[Initiative, LearningSession]) -> Factsheet:
    initiative, learning_session = setting
    factsheet = service.start_draft(db=db, initiative=initiative, learning_session=learning_session)
    service.update_section(
        db=db,
        factsheet=factsheet,
        condition=MONITORING,
        data=SectionUpdate(version=1, analysis=ANALYSIS),
    )
    return factsheet


def save(db: Session, factsheet: Factsheet, **values: object) -> FactsheetSection:
    stored = service.section(factsheet, MONITORING)
    data = SectionUpdate.model_validate({"version": stored.version, "analysis": ANALYSIS, **values})
    return service.update_section(db=db, factsheet=factsheet, condition=MONITORING, data=data)


def researcher(db: Session, community: LearningCommunity, initiative: Initiative) -> Person:
    person = factories.person(db, community)
    factories.membership(db, person, Role.practitioner_researcher, initiative)
    return person


# -- readability -------------------------------------------------------------------------


def test_flesch_reading_ease_of_a_known_english_text() -> None:
    # Families(3) tell(1) us(1) one(1) team(1) helps(1) / They(1) do(1) not(1) repeat(2)
    # their(1) story(2): 12 words, 2 sentences, 16 syllables.
    # 206.835 - 1.015 * 12/2 - 84.6 * 16/12 = 206.835 - 6.09 - 112.8 = 87.945
    figure = readability("Families tell us one team helps. They do not repeat their story.", "en")
    assert figure is not None
    assert (figure.words, figure.sentences, figure.syllables) == (12, 2, 16)
    assert figure.score == 87.9
    assert not figure.hard


def test_flesch_douma_of_a_known_dutch_text() -> None:
    # Het(1) gezin(2) heeft(1) één(1) contactpersoon(4) / Die(1) persoon(2) belt(1) elke(2)
    # week(1): 10 words, 2 sentences, 16 syllables.
    # 206.835 - 0.93 * 10/2 - 77 * 16/10 = 206.835 - 4.65 - 123.2 = 78.985
    figure = readability("Het gezin heeft één contactpersoon. Die persoon belt elke week.", "nl")
    assert figure is not None
    assert (figure.words, figure.sentences, figure.syllables) == (10, 2, 16)
    assert figure.score == 79.0


def test_syllables_are_vowel_groups_without_a_silent_english_e() -> None:
    assert [syllables(w, "en") for w in ("one", "care", "table", "families", "a")] == [
        1,
        1,
        2,
        3,
        1,
    ]
    assert [syllables(w, "nl") for w in ("huisbezoek", "één", "gezinscoach")] == [3, 1, 3]


def test_a_professional_sentence_is_hard_to_read() -> None:
    figure = readability(ANALYSIS, "en")
    assert figure is not None and figure.hard  # below 60


def test_the_longest_sentence_is_marked_and_everything_is_escaped() -> None:
    text = "Short one. This <script>alert(1)</script> sentence is the longest one! Ok."
    figure = readability(text, "en")
    assert figure is not None
    assert str(with_longest_marked(text, figure)) == (
        "Short one. <mark>This &lt;script&gt;alert(1)&lt;/script&gt; sentence is the "
        "longest one!</mark> Ok."
    )


# -- the suggestion ----------------------------------------------------------------------


def test_the_suggestion_takes_first_sentences_without_brackets_in_short_sentences() -> None:
    section = FactsheetSection(
        condition=MONITORING,
        analysis=ANALYSIS,
        facilitators="The dashboard arrives every quarter. It is reliable.",
        barriers="Fewer than half of the families return the form (41%); it asks for a score.",
    )
    assert suggestion(section) == (
        "Gezinsteam Plus has two monitoring instruments. A quarterly caseload dashboard and a "
        "written family evaluation. The dashboard arrives every quarter. Fewer than half of "
        "the families return the form. It asks for a score."
    )
    assert suggestion(FactsheetSection(condition=MONITORING)) == ""


# -- confirming and publishing -----------------------------------------------------------


def test_publishing_waits_for_every_plain_text_to_be_confirmed(
    db: Session, draft: Factsheet
) -> None:
    service.change_status(db=db, factsheet=draft, status=FactsheetStatus.in_review)
    save(db, draft, plain_text=PLAIN)  # written, not confirmed
    with pytest.raises(ConflictError) as refused:
        service.change_status(db=db, factsheet=draft, status=FactsheetStatus.published)
    assert "read and confirmed" in str(refused.value)
    assert "Sections still waiting: 1." in str(refused.value)
    assert draft.status == FactsheetStatus.in_review

    confirmed = save(db, draft, plain_text=PLAIN, plain_confirmed=True)
    assert confirmed.plain_confirmed_at is not None
    service.change_status(db=db, factsheet=draft, status=FactsheetStatus.published)
    assert draft.status == FactsheetStatus.published


def test_confirming_needs_a_text_and_saving_unticked_withdraws_it(
    db: Session, draft: Factsheet
) -> None:
    with pytest.raises(ValidationError) as refused:
        SectionForm(version="1", plain_text="  ", plain_confirmed="yes").to_update()
    assert [e["loc"] for e in refused.value.errors()] == [("plain_confirmed",)]

    first = save(db, draft, plain_text=PLAIN, plain_confirmed=True).plain_confirmed_at
    assert save(db, draft, plain_text=PLAIN, plain_confirmed=True).plain_confirmed_at == first
    assert save(db, draft, plain_text=PLAIN).plain_confirmed_at is None


def test_a_new_draft_carries_the_confirmed_plain_text_forward(
    db: Session, draft: Factsheet, setting: tuple[Initiative, LearningSession]
) -> None:
    save(db, draft, plain_text=PLAIN, plain_confirmed=True)
    for status in (FactsheetStatus.in_review, FactsheetStatus.published):
        service.change_status(db=db, factsheet=draft, status=status)
    initiative, learning_session = setting
    second = service.start_draft(db=db, initiative=initiative, learning_session=learning_session)
    assert second.version_number == 2
    carried = service.section(second, MONITORING)
    assert carried.plain_text == PLAIN and carried.plain_confirmed_at is not None


def test_the_snapshot_and_the_document_hash_follow_the_plain_text(
    db: Session, draft: Factsheet
) -> None:
    from app.factsheets.documents import content_hash

    before = content_hash(build_view(db=db, factsheet=draft, language="en"), "plain", "t")
    save(db, draft, plain_text=PLAIN, plain_confirmed=True)
    view = build_view(db=db, factsheet=draft, language="en")
    assert content_hash(view, "plain", "t") != before
    assert view.sections[0].plain_text == PLAIN
    for status in (FactsheetStatus.in_review, FactsheetStatus.published):
        service.change_status(db=db, factsheet=draft, status=status)
    db.expire_all()
    published = service.get_factsheet(db=db, factsheet_id=draft.id or 0)
    assert build_view(db=db, factsheet=published, language="nl").sections[0].plain_text == PLAIN


# -- the plain PDF -----------------------------------------------------------------------


def test_the_plain_pdf_says_only_the_confirmed_plain_texts(db: Session, draft: Factsheet) -> None:
    save(db, draft, plain_text=PLAIN, plain_confirmed=True)
    roles = service.section(draft, ROLES)
    service.update_section(
        db=db,
        factsheet=draft,
        condition=ROLES,
        data=SectionUpdate(
            version=roles.version,
            analysis="Three team members each described themselves as the main contact.",
            plain_text="Not confirmed, so never printed.",
        ),
    )
    view = build_view(db=db, factsheet=draft, language="en")
    pdf = FactsheetRenderer().render_pdf(view, "plain")
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    assert PLAIN in text
    assert "Not confirmed, so never printed." not in text
    assert "This part is not ready yet." in text  # roles: written, its plain text unconfirmed
    assert "monitoring instruments" not in text
    assert "caseload dashboard" not in text
    assert "Three team members" not in text


# -- the editor --------------------------------------------------------------------------


def test_the_editor_suggests_measures_and_saves_the_plain_text(
    db: Session,
    community: LearningCommunity,
    setting: tuple[Initiative, LearningSession],
    draft: Factsheet,
    sign_in: Callable[[Person], TestClient],
) -> None:
    browser = sign_in(researcher(db, community, setting[0]))
    page = browser.get(f"/factsheets/{draft.id}").text
    assert "Suggestion, not yet confirmed" in page
    assert "Gezinsteam Plus has two monitoring instruments. A quarterly caseload" in page
    assert "Hard to read: Flesch reading ease" in page
    assert "Sections whose plain-language text is not confirmed yet: 1." in page
    assert 'id="monitoring-plain_text"' in page and 'id="monitoring-plain_confirmed"' in page

    hostile = "Families wait. We <script>alert(1)</script> write down how long every family waits."
    fragment = browser.post(
        f"/factsheets/{draft.id}/sections/monitoring",
        data={
            "version": "2",
            "analysis": ANALYSIS,
            "plain_text": hostile,
            "plain_confirmed": "yes",
        },
        headers={"HX-Request": "true"},
    )
    assert fragment.status_code == 200
    assert "<html" not in fragment.text
    assert "Confirmed on" in fragment.text
    assert "<script>alert(1)</script>" not in fragment.text
    assert re.search(
        r"<mark>We &lt;script&gt;alert\(1\)&lt;/script&gt; write down .*?</mark>", fragment.text
    )
    assert "Easy enough to read: Flesch reading ease" in fragment.text
    assert re.search(r'id="monitoring-plain_confirmed"[^>]* checked', fragment.text)

    without_js = browser.post(
        f"/factsheets/{draft.id}/sections/monitoring",
        data={"version": "3", "analysis": ANALYSIS, "plain_text": PLAIN},
        follow_redirects=False,
    )
    assert without_js.status_code == 303
    db.expire_all()
    stored = service.section(service.get_factsheet(db=db, factsheet_id=draft.id or 0), MONITORING)
    assert (stored.plain_text, stored.plain_confirmed_at) == (PLAIN, None)


def test_the_editor_refuses_confirming_an_empty_plain_text_by_the_field(
    db: Session,
    community: LearningCommunity,
    setting: tuple[Initiative, LearningSession],
    draft: Factsheet,
    sign_in: Callable[[Person], TestClient],
) -> None:
    browser = sign_in(researcher(db, community, setting[0]))
    refused = browser.post(
        f"/factsheets/{draft.id}/sections/monitoring",
        data={"version": "2", "analysis": ANALYSIS, "plain_text": "", "plain_confirmed": "yes"},
        headers={"HX-Request": "true"},
    )
    assert refused.status_code == 422
    assert 'id="monitoring-plain_confirmed-error"' in refused.text
    assert "Write the plain text before you confirm it." in refused.text


def test_publishing_from_the_page_says_why_it_waits(
    db: Session,
    community: LearningCommunity,
    setting: tuple[Initiative, LearningSession],
    draft: Factsheet,
    sign_in: Callable[[Person], TestClient],
) -> None:
    service.change_status(db=db, factsheet=draft, status=FactsheetStatus.in_review)
    browser = sign_in(researcher(db, community, setting[0]))
    refused = browser.post(f"/factsheets/{draft.id}/status", data={"status": "published"})
    assert refused.status_code == 409
    assert "read and confirmed" in refused.text


def test_the_editor_statement_count_does_not_grow(
    db: Session,
    community: LearningCommunity,
    setting: tuple[Initiative, LearningSession],
    draft: Factsheet,
    sign_in: Callable[[Person], TestClient],
) -> None:
    browser = sign_in(researcher(db, community, setting[0]))
    browser.get(f"/factsheets/{draft.id}")  # warm: the sign-in's own bookkeeping
    with counted_statements(db) as suggested:
        assert browser.get(f"/factsheets/{draft.id}").status_code == 200
    save(db, draft, plain_text=PLAIN, plain_confirmed=True)
    with counted_statements(db) as confirmed:
        assert browser.get(f"/factsheets/{draft.id}").status_code == 200
    assert len(suggested) == len(confirmed) == EDITOR_STATEMENTS_BEFORE


# -- the migration -----------------------------------------------------------------------


def test_the_migration_keeps_sections_and_quotes_and_starts_them_unconfirmed(
    scratch_database_url: str,
) -> None:
    config = alembic_config(scratch_database_url)
    command.upgrade(config, "head")
    engine = create_db_engine(scratch_database_url)
    with Session(engine) as scratch:
        community = factories.community(scratch)
        initiative = factories.initiative(scratch, community)
        learning_session = factories.learning_session(scratch, community)
        evidence = factories.evidence_item(scratch, initiative, quote_consent=True)
        factsheet = factories.factsheet(scratch, initiative, learning_session)
        section = factories.factsheet_section(
            scratch, factsheet, analysis=ANALYSIS, plain_text=PLAIN, plain_confirmed_at=None
        )
        scratch.add(
            FactsheetSectionEvidence(section_id=section.id or 0, evidence_item_id=evidence.id or 0)
        )
        scratch.commit()
    engine.dispose()

    command.downgrade(config, "0004")
    command.upgrade(config, "head")

    engine = create_db_engine(scratch_database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT analysis, plain_text, plain_confirmed_at FROM factsheet_section")
        ).all()
        quotes = connection.execute(
            sa.text("SELECT count(*) FROM factsheet_section_evidence")
        ).scalar_one()
    engine.dispose()
    assert [tuple(row) for row in rows] == [(ANALYSIS, "", None)]
    assert quotes == 1
