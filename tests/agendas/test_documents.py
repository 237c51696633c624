"""A session's agenda PDFs and the chair's briefing pack: what they say, and rendered once."""

import io
from dataclasses import dataclass
from datetime import UTC, datetime

import pikepdf
import pytest
from pypdf import PdfReader
from sqlmodel import Session, select

from app.agendas import documents, rendering
from app.agendas.models import AgendaItem, ReflectiveQuestion, SessionDocument
from app.agendas.rendering import AgendaRenderer
from app.auth.principal import Principal
from app.community.models import LearningCommunity
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.vocabulary import AgendaItemKind, PartnershipCondition, Role
from tests import factories
from tests.factsheets.test_pdf_structure import (
    assert_id_tree_resolves_headers,
    assert_tree_holds_every_mcid,
    split_text,
)

FAMILY_QUESTION = "Who is the single contact for a family, and does the family know it?"
FAMILY_PLAIN = "Who is your one contact person?"
POLICY_QUESTION = "If the pilot money stops, what happens, and who decides?"
EVERYONE_QUESTION = "Which task does everyone assume someone else does?"
NOTES = "Let Zwolle speak first: their pilot fund ends in June."


@dataclass
class Agenda:
    learning_session: LearningSession
    chair: Person
    items: list[AgendaItem]
    questions: list[ReflectiveQuestion]


def make_agenda(db: Session, community: LearningCommunity) -> Agenda:
    """Session 3 at 13:30 in Amsterdam with a chair, three items and three questions."""
    chair = factories.person(db, community, name="Anna de Vries")
    factories.membership(db, chair, Role.chair)
    learning_session = factories.learning_session(
        db,
        community,
        number=3,
        chair_id=chair.id,
        timezone="Europe/Amsterdam",
        starts_at=datetime(2027, 1, 21, 12, 30, tzinfo=UTC),
        ends_at=datetime(2027, 1, 21, 13, 30, tzinfo=UTC),
    )
    family = factories.reflective_question(
        db,
        learning_session,
        text=FAMILY_QUESTION,
        plain_text=FAMILY_PLAIN,
        target_roles=[Role.family_representative],
        position=0,
    )
    policy = factories.reflective_question(
        db,
        learning_session,
        text=POLICY_QUESTION,
        plain_text="Who pays when the pilot money stops?",
        condition=PartnershipCondition.financing,
        target_roles=[Role.policymaker],
        position=1,
    )
    everyone = factories.reflective_question(
        db, learning_session, text=EVERYONE_QUESTION, position=2
    )
    initiative = factories.initiative(db, community, name="Wijkexpertteam Zwolle-Kampen")
    dilemma = factories.dilemma(
        db, initiative, title="Who coordinates when three teams are involved?"
    )
    items = [
        factories.agenda_item(
            db,
            learning_session,
            position=0,
            kind=AgendaItemKind.welcome,
            title="Welcome and introductions",
            duration_minutes=15,
            owner_id=chair.id,
        ),
        factories.agenda_item(
            db,
            learning_session,
            position=1,
            kind=AgendaItemKind.findings,
            title="Findings on financing",
            duration_minutes=30,
            reflective_question_id=policy.id,
            chair_notes=NOTES,
        ),
        factories.agenda_item(
            db,
            learning_session,
            position=2,
            kind=AgendaItemKind.dilemma,
            title="Dilemma round",
            duration_minutes=40,
            dilemma_id=dilemma.id,
            reflective_question_id=family.id,
        ),
    ]
    return Agenda(learning_session, chair, items, [family, policy, everyone])


def text_of(pdf: bytes) -> str:
    """The PDF's text with every run of whitespace (line breaks too) as one space."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def facilitator_principal(person: Person) -> Principal:
    return Principal(
        account_id=0,
        person_id=person.id or 0,
        community_id=person.community_id,
        name=person.name,
        email=person.email,
        community_roles=frozenset({Role.facilitator}),
    )


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The kinds rendered during the test, in order."""
    rendered: list[str] = []
    render = AgendaRenderer.render_pdf

    def counting(self: AgendaRenderer, kind: str, language: str, **views: object) -> bytes:
        rendered.append(kind)
        return render(self, kind, language, **views)  # type: ignore[arg-type]

    monkeypatch.setattr(AgendaRenderer, "render_pdf", counting)
    return rendered


def test_the_agenda_lists_items_in_order_with_their_clock_times_and_questions(
    db: Session, community: LearningCommunity
) -> None:
    agenda = make_agenda(db, community)

    text = text_of(
        documents.agenda_pdf(db=db, learning_session=agenda.learning_session, language="en")
    )

    assert "Learning session 3" in text and "Stadhuis Leiden" in text and "Anna de Vries" in text
    order = [
        text.index("13:30–13:45"),
        text.index("Welcome and introductions"),
        text.index("13:45–14:15"),
        text.index("Findings on financing"),
        text.index("14:15–14:55"),
        text.index("Dilemma round"),
    ]
    assert order == sorted(order)
    assert "Who coordinates when three teams are involved?" in text
    assert "Wijkexpertteam Zwolle-Kampen" in text
    for question in (POLICY_QUESTION, FAMILY_QUESTION, EVERYONE_QUESTION):
        assert question in text
    assert "Draft" in text
    assert "25 minutes over the time slot" in text

    # The dilemma round moves to the front and runs longer: the text follows.
    welcome, findings, dilemma = agenda.items
    for item, position in ((dilemma, 99), (findings, 2), (welcome, 1), (dilemma, 0)):
        item.position = position
        db.flush()  # one at a time: positions are unique within the session
    dilemma.duration_minutes = 20
    db.flush()
    moved = text_of(
        documents.agenda_pdf(db=db, learning_session=agenda.learning_session, language="en")
    )
    order = [
        moved.index("13:30–13:50"),
        moved.index("Dilemma round"),
        moved.index("13:50–14:05"),
        moved.index("Welcome and introductions"),
        moved.index("14:05–14:35"),
        moved.index("Findings on financing"),
    ]
    assert order == sorted(order)
    assert "13:30–13:45" not in moved
    assert "5 minutes over the time slot" in moved


def test_the_plain_agenda_is_shorter_and_holds_only_the_family_representatives_questions(
    db: Session, community: LearningCommunity
) -> None:
    agenda = make_agenda(db, community)
    full = text_of(
        documents.agenda_pdf(db=db, learning_session=agenda.learning_session, language="en")
    )

    pdf = documents.agenda_pdf(
        db=db, learning_session=agenda.learning_session, language="en", plain=True
    )
    plain = text_of(pdf)

    assert len(plain) < len(full) * 0.75
    assert FAMILY_PLAIN in plain
    assert FAMILY_QUESTION not in plain  # the plain wording, not the professional one
    assert POLICY_QUESTION not in plain and "Who pays" not in plain
    assert EVERYONE_QUESTION not in plain
    assert "13:30" in plain and "Dilemma round" in plain
    assert "Anna de Vries" not in plain.split("Dilemma round")[1]  # no owners, no details

    # Body text is set at 14 pt or more.
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], fonts: object, size: float) -> None:
        if text.strip() and "Page" not in text and "session 3 " not in text:
            sizes.append(size * tm[0])

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    assert sizes and min(sizes) >= 13.9


def test_a_question_without_a_plain_wording_appears_in_its_own_words(
    db: Session, community: LearningCommunity
) -> None:
    agenda = make_agenda(db, community)
    agenda.questions[0].plain_text = ""
    db.flush()

    plain = text_of(
        documents.agenda_pdf(
            db=db, learning_session=agenda.learning_session, language="en", plain=True
        )
    )

    assert FAMILY_QUESTION in plain


def test_the_chairs_notes_are_in_the_briefing_and_in_neither_agenda(
    db: Session, community: LearningCommunity, facilitator: Person
) -> None:
    agenda = make_agenda(db, community)
    learning_session = agenda.learning_session

    briefing = text_of(
        documents.briefing_pdf(
            db=db,
            learning_session=learning_session,
            language="en",
            viewer=facilitator_principal(facilitator),
        )
    )
    assert NOTES in briefing
    assert "Findings on financing" in briefing and "14:15–14:55" in briefing
    assert "Wijkexpertteam Zwolle-Kampen" in briefing  # its initiative page
    for plain in (False, True):
        pdf = documents.agenda_pdf(
            db=db, learning_session=learning_session, language="en", plain=plain
        )
        assert "Zwolle speak first" not in text_of(pdf)
        assert b"Zwolle speak first" not in pdf


def test_a_second_request_is_served_from_the_store_and_a_change_renders_again(
    db: Session, community: LearningCommunity, renders: list[str]
) -> None:
    agenda = make_agenda(db, community)
    learning_session = agenda.learning_session

    first = documents.agenda_pdf(db=db, learning_session=learning_session, language="en")
    again = documents.agenda_pdf(db=db, learning_session=learning_session, language="en")

    assert again == first
    assert renders == ["agenda"]
    stored = db.exec(
        select(SessionDocument).where(SessionDocument.session_id == learning_session.id)
    ).one()
    assert (stored.kind, stored.language, stored.template_version) == (
        "agenda",
        "en",
        rendering.TEMPLATE_VERSION,
    )
    first_hash = stored.content_hash

    # Chair's notes are not in the agenda: changing them renders nothing.
    agenda.items[1].chair_notes = "Something else entirely."
    db.flush()
    documents.agenda_pdf(db=db, learning_session=learning_session, language="en")
    assert renders == ["agenda"]

    agenda.items[0].title = "Coffee and welcome"
    db.flush()
    changed = documents.agenda_pdf(db=db, learning_session=learning_session, language="en")

    assert renders == ["agenda", "agenda"]
    assert "Coffee and welcome" in text_of(changed)
    db.refresh(stored)
    assert stored.content_hash != first_hash
    assert len(db.exec(select(SessionDocument)).all()) == 1


def test_publishing_drops_the_draft_mark(db: Session, community: LearningCommunity) -> None:
    agenda = make_agenda(db, community)
    agenda.learning_session.agenda_published_at = datetime(2027, 1, 7, 9, 0, tzinfo=UTC)
    db.flush()

    text = text_of(
        documents.agenda_pdf(db=db, learning_session=agenda.learning_session, language="en")
    )

    assert "Draft" not in text and "DRAFT" not in text


def test_pdfs_are_tagged_with_their_language_and_title_and_speak_dutch(
    db: Session, community: LearningCommunity
) -> None:
    agenda = make_agenda(db, community)

    pdf = documents.agenda_pdf(db=db, learning_session=agenda.learning_session, language="nl")

    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert str(document.Root.Lang) == "nl"
        assert "/StructTreeRoot" in document.Root
        assert str(document.docinfo["/Title"]) == "Agenda, leersessie 3"
    text = text_of(pdf)
    assert "Programma" in text and "WELKOM" in text and "Reflectievragen" in text
    assert "Programme" not in text
    english = documents.agenda_pdf(db=db, learning_session=agenda.learning_session, language="en")
    with pikepdf.open(io.BytesIO(english)) as document:
        assert str(document.Root.Lang) == "en"
        assert str(document.docinfo["/Title"]) == "Agenda, learning session 3"


def test_file_names_and_languages(db: Session, community: LearningCommunity) -> None:
    learning_session = factories.learning_session(db, community, number=3)

    assert documents.agenda_file_name(learning_session, "en", False) == "session-03-agenda.pdf"
    assert (
        documents.agenda_file_name(learning_session, "nl", True)
        == "sessie-03-agenda-eenvoudige-taal.pdf"
    )
    with pytest.raises(documents.InvalidInputError):
        documents.agenda_pdf(db=db, learning_session=learning_session, language="fr")


def chair_principal(person: Person) -> Principal:
    return Principal(
        account_id=0,
        person_id=person.id or 0,
        community_id=person.community_id,
        name=person.name,
        email=person.email,
        community_roles=frozenset({Role.chair}),
    )


def test_the_briefing_has_the_participants_a_page_per_initiative_and_last_sessions_actions(
    db: Session, community: LearningCommunity, facilitator: Person
) -> None:
    agenda = make_agenda(db, community)
    learning_session = agenda.learning_session
    initiative = factories.initiative(db, community, name="Samen1Plan Drechtsteden")
    practitioner = factories.person(
        db, community, name="Mehmet Yildiz", accessibility_needs="Hearing loop, please"
    )
    factories.membership(db, practitioner, Role.practitioner, initiative)
    factories.attendance(db, learning_session, practitioner)
    previous = factories.learning_session(db, community, number=2)
    factories.action(db, initiative, previous, title="One plan per family, one coordinator")

    pdf = documents.briefing_pdf(
        db=db,
        learning_session=learning_session,
        language="en",
        viewer=chair_principal(agenda.chair),
    )

    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]
    text = " ".join(pages)
    assert "Who is coming" in text and "Mehmet Yildiz" in text
    assert "Hearing loop" not in text  # not shared with the chair
    initiative_pages = [page for page in pages if "INITIATIVE Samen1Plan Drechtsteden" in page]
    assert len(initiative_pages) == 1
    assert "Mehmet Yildiz (Practitioner)" in initiative_pages[0]
    assert "One plan per family, one coordinator" in initiative_pages[0]
    assert "Last session's actions" in pages[-1]
    assert "One plan per family, one coordinator" in pages[-1]
    assert NOTES in text

    for_facilitator = documents.briefing_pdf(
        db=db,
        learning_session=learning_session,
        language="en",
        viewer=facilitator_principal(facilitator),
    )
    assert "Hearing loop, please" in text_of(for_facilitator)
    # The chair asks again: the chair's version, not the facilitator's.
    again = documents.briefing_pdf(
        db=db,
        learning_session=learning_session,
        language="en",
        viewer=chair_principal(agenda.chair),
    )
    assert "Hearing loop" not in text_of(again)


def test_running_headers_page_numbers_and_the_watermark_are_artifacts(
    db: Session, community: LearningCommunity, facilitator: Person
) -> None:
    agenda = make_agenda(db, community)
    for index in range(3, 12):  # enough items for a second page, with its running header
        factories.agenda_item(
            db, agenda.learning_session, position=index, title=f"Exchange round {index}"
        )

    pdf = documents.briefing_pdf(
        db=db,
        learning_session=agenda.learning_session,
        language="en",
        viewer=facilitator_principal(facilitator),
    )

    assert_tree_holds_every_mcid(pdf)
    assert_id_tree_resolves_headers(pdf)
    pages = split_text(pdf)
    assert len(pages) > 2
    assert "DRAFT" in pages[0].artifact_text and "DRAFT" not in pages[0].tagged_text
    assert "Page 2 of" in pages[1].artifact_text
    assert "Chair's briefing pack, learning session 3" in pages[1].artifact_text
    assert "Page 2 of" not in pages[1].tagged_text


def test_a_document_another_request_stored_meanwhile_is_replaced_not_refused(
    db: Session, community: LearningCommunity, monkeypatch: pytest.MonkeyPatch
) -> None:
    agenda = make_agenda(db, community)
    learning_session = agenda.learning_session
    db.add(
        SessionDocument(
            session_id=learning_session.id or 0,
            kind="agenda",
            language="en",
            content_hash="0" * 64,
            template_version="older",
            pdf=b"%PDF stored by the other request",
        )
    )
    db.flush()
    stored = documents.stored
    calls: list[int] = []

    def read_before_the_other_request_wrote(**where: object) -> SessionDocument | None:
        calls.append(1)
        return None if len(calls) == 1 else stored(**where)  # type: ignore[arg-type]

    monkeypatch.setattr(documents, "stored", read_before_the_other_request_wrote)

    pdf = documents.agenda_pdf(db=db, learning_session=learning_session, language="en")

    assert "Dilemma round" in text_of(pdf)
    rows = db.exec(select(SessionDocument)).all()
    assert len(rows) == 1
    assert rows[0].template_version == rendering.TEMPLATE_VERSION
