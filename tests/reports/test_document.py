"""The report PDF: what it says (attendance, minutes, actions, the evaluation), in both
languages, user text as text, and rendered once per content version."""

import pytest
from sqlmodel import Session, select

from app.agendas.models import SessionDocument
from app.agendas.rendering import AgendaRenderer
from app.community.models import LearningCommunity
from app.reports import service
from app.reports.view import build_report_view
from tests.agendas.test_documents import text_of
from tests.factsheets.test_pdf_structure import (
    assert_id_tree_resolves_headers,
    assert_tree_holds_every_mcid,
)
from tests.reports.world import (
    ACTION_TITLE,
    CHAIR_NOTES,
    MINUTES,
    NEEDS,
    ReportWorld,
    report_world,
)


@pytest.fixture
def world(db: Session, community: LearningCommunity) -> ReportWorld:
    return report_world(db, community)


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    rendered: list[str] = []
    render = AgendaRenderer.render_pdf

    def counting(self: AgendaRenderer, kind: str, language: str, **views: object) -> bytes:
        rendered.append(f"{kind}:{language}")
        return render(self, kind, language, **views)  # type: ignore[arg-type]

    monkeypatch.setattr(AgendaRenderer, "render_pdf", counting)
    return rendered


def report_text(db: Session, world: ReportWorld, language: str = "en") -> str:
    document = service.report_document(
        db=db, learning_session=world.learning_session, language=language
    )
    return text_of(document.pdf)


def test_the_report_has_attendance_minutes_actions_and_the_evaluation(
    db: Session, world: ReportWorld
) -> None:
    text = report_text(db, world)

    assert "Report of learning session 2" in text and "Learning session 2" in text
    assert "Dordrecht City Office" in text and "Marjolein van Dijk" in text
    # Attendance: 5 of the 6 on the list came (one came without an invitation).
    assert "5 of the 6 invited attended" in text
    assert "Wijkexpertteam Zwolle-Kampen" in text and "Gezinsteam Plus Leidse Regio" in text
    assert "0 of 1" in text  # Zwolle's policymaker stayed away
    assert "Family representative 2 of 1" not in text
    assert "Family representative 2 of 2" in text  # both family representatives came
    assert "Table 1 2" in text and "Table 2 1" in text  # the break-out groups
    # The minutes per item, with clock times, planned and actual minutes.
    assert MINUTES in text
    assert "13:45–14:15" in text
    assert "Planned 30 min" in text and "Took 35 min" in text
    assert "Planned: 65 minutes in all." in text  # the findings' time was not recorded
    # The dilemma discussed, and the action agreed with its owner and due date.
    assert "Keep the nurse or let her go" in text and "The pilot fund ends in December." in text
    assert ACTION_TITLE in text
    assert "Gert-Jan Brinkman" in text and "1 December 2026" in text and "PDSA: Do" in text
    # The evaluation: its count and its sentence.
    assert "3 of the 5 who attended answered the evaluation." in text
    assert "2 of 3 found the session useful (4 or 5)." in text
    assert "3 of 3 would come again (4 or 5)." in text
    # Never the chair's notes or anyone's accessibility needs.
    assert CHAIR_NOTES not in text and NEEDS not in text
    # Not published yet: a draft.
    assert "Draft" in text


def test_user_text_with_markup_appears_as_text(db: Session, world: ReportWorld) -> None:
    html = AgendaRenderer().render_html(
        "report",
        "en",
        view=build_report_view(db=db, learning_session=world.learning_session, language="en"),
    )
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;minutes&#39;)&lt;/script&gt; kept as text" in html

    text = report_text(db, world)
    assert "<script>alert('minutes')</script> kept as text" in text


def test_the_dutch_report_speaks_dutch(db: Session, world: ReportWorld) -> None:
    text = report_text(db, world, "nl")

    assert "Verslag van leersessie 2" in text
    assert "5 van de 6 genodigden waren aanwezig" in text
    assert "Afgesproken acties" in text and "1 december 2026" in text
    assert "2 van 3 vonden de sessie nuttig (4 of 5)." in text


def test_the_pdf_is_tagged(db: Session, world: ReportWorld) -> None:
    import io

    import pikepdf

    pdf = service.report_document(db=db, learning_session=world.learning_session, language="en")
    with pikepdf.open(io.BytesIO(pdf.pdf)) as document:
        assert "/StructTreeRoot" in document.Root
    assert_tree_holds_every_mcid(pdf.pdf)
    assert assert_id_tree_resolves_headers(pdf.pdf) > 0  # the tables' cells name their headers


def test_the_pdf_is_rendered_once_per_content_version(
    db: Session, world: ReportWorld, renders: list[str]
) -> None:
    session = world.learning_session
    first = service.report_document(db=db, learning_session=session, language="en")
    first_hash = first.content_hash
    again = service.report_document(db=db, learning_session=session, language="en")

    assert renders == ["report:en"]
    assert again.content_hash == first_hash
    rows = db.exec(select(SessionDocument).where(SessionDocument.kind == "report")).all()
    assert len(rows) == 1

    world.items[1].minutes = MINUTES + " Agreed: a transition plan."
    db.flush()
    changed = service.report_document(db=db, learning_session=session, language="en")

    assert renders == ["report:en", "report:en"]
    assert changed.content_hash != first_hash
    assert "Agreed: a transition plan." in text_of(changed.pdf)
    service.report_document(db=db, learning_session=session, language="nl")
    assert renders[-1] == "report:nl"
