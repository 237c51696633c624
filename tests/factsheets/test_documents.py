"""PDFs: rendered once per content version, frozen once published, served with an ETag."""

import io
import zipfile

from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlmodel import Session, select

from app.community.models import LearningCommunity
from app.db import Database
from app.factsheets import jobs, service
from app.factsheets.models import FactsheetDocument, RenderJob
from app.factsheets.rendering import renderer
from app.factsheets.schemas import SectionUpdate
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.vocabulary import FactsheetStatus, PartnershipCondition, RenderJobStatus
from tests import factories
from tests.helpers import counted_statements


def make_factsheet(
    db: Session, community: LearningCommunity, analysis: str
) -> tuple[Initiative, int]:
    initiative = factories.initiative(db, community, name="Huis van het Gezin Tilburg")
    learning_session = factories.learning_session(db, community, number=3)
    draft = service.start_draft(db=db, initiative=initiative, learning_session=learning_session)
    service.update_section(
        db=db,
        factsheet=draft,
        condition=PartnershipCondition.financing,
        data=SectionUpdate(
            version=1, analysis=analysis, plain_text="In plain words.", plain_confirmed=True
        ),
    )
    return initiative, draft.id or 0


def text_of(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_draft_renders_once_per_content_version(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    _, factsheet_id = make_factsheet(db, community, "The pooled budget covers all disciplines.")

    first = client.get(f"/factsheets/{factsheet_id}/pdf")
    assert first.status_code == 200
    assert first.headers["content-type"] == "application/pdf"
    assert "Huis van het Gezin Tilburg" in text_of(first.content)
    etag = first.headers["etag"]
    assert (
        client.get(f"/factsheets/{factsheet_id}/pdf", headers={"If-None-Match": etag}).status_code
        == 304
    )

    again = client.get(f"/factsheets/{factsheet_id}/pdf")
    assert again.content == first.content
    assert again.headers["etag"] == etag
    assert "private" in again.headers["cache-control"]

    factsheet = service.get_factsheet(db=db, factsheet_id=factsheet_id)
    service.update_section(
        db=db,
        factsheet=factsheet,
        condition=PartnershipCondition.financing,
        data=SectionUpdate(version=2, analysis="The insurer now pays half of the budget."),
    )
    changed = client.get(f"/factsheets/{factsheet_id}/pdf")
    assert changed.headers["etag"] != etag
    assert "insurer now pays half" in text_of(changed.content)


def test_published_bytes_never_change_after_later_edits(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative, factsheet_id = make_factsheet(db, community, "Published finding about funding.")
    client.post(f"/factsheets/{factsheet_id}/status", data={"status": "in_review"})
    client.post(f"/factsheets/{factsheet_id}/status", data={"status": "published"})
    queued = db.exec(select(RenderJob).where(RenderJob.factsheet_id == factsheet_id)).all()
    assert len(queued) == 4

    database = client.app.state.database  # type: ignore[attr-defined]
    assert isinstance(database, Database)
    assert jobs.run_pending(database, renderer()) == 4
    db.expire_all()
    assert {j.status for j in db.exec(select(RenderJob)).all()} == {RenderJobStatus.done}
    published = client.get(f"/factsheets/{factsheet_id}/pdf?language=en").content
    stored = db.exec(
        select(FactsheetDocument).where(FactsheetDocument.factsheet_id == factsheet_id)
    ).all()
    assert len(stored) == 4

    # Later: the initiative is renamed and a new draft version is edited.
    initiative.name = "Huis van het Gezin Hart van Brabant"
    db.flush()
    learning_session_id = service.get_factsheet(db=db, factsheet_id=factsheet_id).session_id

    draft = service.start_draft(
        db=db,
        initiative=initiative,
        learning_session=db.get(LearningSession, learning_session_id),  # type: ignore[arg-type]
    )
    assert draft.version_number == 2

    assert client.get(f"/factsheets/{factsheet_id}/pdf?language=en").content == published
    assert "Huis van het Gezin Tilburg" in text_of(published)
    assert (
        service.get_factsheet(db=db, factsheet_id=factsheet_id).status == FactsheetStatus.published
    )


def test_session_zip_holds_every_initiatives_factsheets(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    _, factsheet_id = make_factsheet(db, community, "Something worth reading.")
    factsheet = service.get_factsheet(db=db, factsheet_id=factsheet_id)

    response = client.get(f"/sessions/{factsheet.session_id}/archive.zip")

    assert response.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    # Numbered by session and initiative, so archives of several sessions sort together.
    number = f"{factsheet.initiative_id:02d}"
    assert names == [
        f"session-03-initiative-{number}-huis-van-het-gezin-tilburg-v1.pdf",
        f"session-03-initiative-{number}-huis-van-het-gezin-tilburg-v1-plain-language.pdf",
    ]


def test_batch_progress_counts_rendered_jobs(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    _, factsheet_id = make_factsheet(db, community, "Text.")
    learning_session_id = service.get_factsheet(db=db, factsheet_id=factsheet_id).session_id
    client.post(f"/sessions/{learning_session_id}/factsheets/render")
    page = client.get(f"/sessions/{learning_session_id}/factsheets")
    assert "Rendered 0 of 4 documents" in page.text
    assert 'data-hx-trigger="every 1s"' in page.text

    jobs.run_pending(client.app.state.database, renderer())  # type: ignore[attr-defined]
    fragment = client.get(
        f"/sessions/{learning_session_id}/factsheets",
        headers={"HX-Request": "true", "HX-Target": "render-progress"},
    )
    assert "Rendered 4 of 4 documents" in fragment.text
    assert "<html" not in fragment.text
    assert "every 1s" not in fragment.text


def test_a_published_pdf_is_served_without_rebuilding_it_and_304_never_reads_the_bytes(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    _, factsheet_id = make_factsheet(db, community, "Published finding about funding.")
    client.post(f"/factsheets/{factsheet_id}/status", data={"status": "in_review"})
    client.post(f"/factsheets/{factsheet_id}/status", data={"status": "published"})
    pdf = b"%PDF-1.7 stored bytes of the published version"
    factories.factsheet_document(
        db,
        service.get_factsheet(db=db, factsheet_id=factsheet_id),
        content_hash="f" * 64,
        template_version="stored",
        pdf=pdf,
    )
    with counted_statements(db) as statements:
        first = client.get(f"/factsheets/{factsheet_id}/pdf")
    assert first.content == pdf
    assert first.headers["etag"] == f'"{"f" * 64}"'
    # No view is built for a published version: no evidence, members or actions are read.
    assert not [s for s in statements if "FROM evidence_item" in s or "FROM action" in s]
    with counted_statements(db) as statements:
        unchanged = client.get(
            f"/factsheets/{factsheet_id}/pdf", headers={"If-None-Match": first.headers["etag"]}
        )
    assert unchanged.status_code == 304
    assert not [s for s in statements if "factsheet_document.pdf" in s]
