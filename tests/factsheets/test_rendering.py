"""Factsheet PDFs: what a reader finds in them, how they are numbered, and what they refuse."""

import gettext
import io
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import weasyprint
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from app import templating
from app.factsheets.rendering import (
    ASSETS_DIR,
    TEMPLATE_VERSION,
    AssetFetcher,
    AssetRefusedError,
    FactsheetRenderer,
    Variant,
)
from app.vocabulary import FactsheetStatus
from tests.factsheets.sample_view import HOSTILE_EXCERPT, sample_view

CONDITION_HEADINGS = [
    "Monitoring and evaluation",
    "Shared vision and interests",
    "Roles and responsibilities",
    "Financing",
]
FONT_FILES = {
    "atkinson-hyperlegible-latin-400-normal.woff2",
    "atkinson-hyperlegible-latin-400-italic.woff2",
    "atkinson-hyperlegible-latin-700-normal.woff2",
    "atkinson-hyperlegible-latin-700-italic.woff2",
}


@pytest.fixture(scope="module")
def renderer() -> FactsheetRenderer:
    return FactsheetRenderer()


RenderPdf = Callable[..., bytes]


@pytest.fixture(scope="module")
def render_pdf(renderer: FactsheetRenderer) -> RenderPdf:
    """Render the sample view once per combination; tests only read the bytes."""
    cache: dict[tuple[Variant, str, FactsheetStatus], bytes] = {}

    def render(
        variant: Variant = "full",
        language: str = "en",
        status: FactsheetStatus = FactsheetStatus.draft,
    ) -> bytes:
        key = (variant, language, status)
        if key not in cache:
            cache[key] = renderer.render_pdf(sample_view(language=language, status=status), variant)
        return cache[key]

    return render


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_full_factsheet_shows_the_initiative_its_conditions_and_quotes(
    render_pdf: RenderPdf,
) -> None:
    pages = page_texts(render_pdf())
    text = flat(" ".join(pages))

    assert "Wijkexpertteam Zwolle-Kampen" in pages[0]
    assert "Leerkring Integrale Zorg Oost-Nederland" in pages[0]
    for heading in CONDITION_HEADINGS:
        assert heading in text
    quote_page = next(flat(p) for p in pages if "If the money stops in December" in flat(p))
    assert "Learning-session excerpt" in quote_page
    assert "Organisation perspective, 12 June 2025" in quote_page
    assert "Perspectives" in text and "Evidence items per condition and perspective" in text
    assert "Number of evidence items" in text  # the chart's axis is real text
    assert "REMOVED" in text and "Municipalities expect to decide on funding in spring." in text
    assert "Marieke Dijkstra" in text and "Practitioner-researcher" in text
    assert "5 of 6 invited" in text
    assert "Tell every family the name of their case coordinator" in text


def test_every_page_after_the_cover_says_page_x_of_n(render_pdf: RenderPdf) -> None:
    pages = page_texts(render_pdf())
    total = len(pages)

    assert total >= 8
    assert "Page 1 of" not in pages[0]  # the cover has no header or footer
    for number, text in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in text


def test_plain_version_starts_at_page_1_of_n(render_pdf: RenderPdf) -> None:
    pages = page_texts(render_pdf("plain"))

    assert f"Page 1 of {len(pages)}" in pages[0]


def test_contents_page_numbers_are_the_pages_where_chapters_start(
    render_pdf: RenderPdf,
) -> None:
    pages = page_texts(render_pdf())
    contents_index = next(i for i, text in enumerate(pages) if "Contents" in text.splitlines())
    contents = flat(pages[contents_index])
    chapters = [*CONDITION_HEADINGS, "Perspectives", "Team and members"]
    chapters.append("Sessions and open actions")

    for chapter in chapters:
        listed = re.search(re.escape(chapter) + r"\W*(\d+)", contents)
        assert listed, f"{chapter} is not in the contents"
        starts_on = next(
            index + 1
            for index, text in enumerate(pages)
            if index > contents_index and chapter in [line.strip() for line in text.splitlines()]
        )
        assert int(listed.group(1)) == starts_on, chapter


def test_drafts_carry_a_watermark_on_every_page_and_published_versions_none(
    render_pdf: RenderPdf,
) -> None:
    draft = page_texts(render_pdf(status=FactsheetStatus.draft))
    published = page_texts(render_pdf(status=FactsheetStatus.published))
    plain_draft = page_texts(render_pdf("plain", status=FactsheetStatus.draft))

    assert all("DRAFT" in text for text in draft)
    assert all("DRAFT" in text for text in plain_draft)
    assert not any("DRAFT" in text or "Draft" in text for text in published)
    assert "Published on 6 November 2025" in published[0]


def test_dutch_output_uses_dutch_headings_labels_and_dates(render_pdf: RenderPdf) -> None:
    pdf = render_pdf(language="nl")
    text = flat(" ".join(page_texts(pdf)))

    for heading in ["Monitoring en evaluatie", "Gedeelde visie en belangen", "Financiering"]:
        assert heading in text
    assert "Gemeente" in text  # perspective label in the matrix
    assert "20 november 2025" in text
    assert "Shared vision and interests" not in text
    assert str(PdfReader(io.BytesIO(pdf)).root_object["/Lang"]) == "nl"


class _Catalogue(gettext.NullTranslations):
    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self.messages = messages

    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.messages.get(singular if n == 1 else plural, singular if n == 1 else plural)


def test_page_numbers_and_watermark_are_translated_through_the_catalogue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dutch = _Catalogue({"Page %(page)s of %(pages)s": "Pagina %(page)s van %(pages)s"})
    dutch.messages["DRAFT"] = "CONCEPT"
    monkeypatch.setattr(templating, "translations", lambda language: dutch)

    pages = page_texts(FactsheetRenderer().render_pdf(sample_view(language="nl"), "plain"))

    assert f"Pagina 1 van {len(pages)}" in pages[0]
    assert all("CONCEPT" in text and "DRAFT" not in text for text in pages)


def test_plain_version_is_shorter_and_has_no_matrix(render_pdf: RenderPdf) -> None:
    full = page_texts(render_pdf("full"))
    plain = page_texts(render_pdf("plain"))
    plain_text = flat(" ".join(plain))

    assert len(plain) < len(full)
    assert len(plain_text) < len(flat(" ".join(full))) / 2
    assert "Perspectives" not in plain_text
    assert "Evidence items per condition" not in plain_text
    assert "Do you know who your one contact person is?" in plain_text
    assert "The money for the team stops at the end of this year." in plain_text
    assert "Stadskantoor Zwolle" in plain_text


def test_pdf_is_tagged_with_language_title_and_author(render_pdf: RenderPdf) -> None:
    reader = PdfReader(io.BytesIO(render_pdf()))
    catalog = reader.root_object
    mark_info = catalog["/MarkInfo"].get_object()

    assert "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]) == "en"
    assert isinstance(mark_info, DictionaryObject) and mark_info["/Marked"]
    assert reader.metadata is not None
    assert reader.metadata.title == "Factsheet Wijkexpertteam Zwolle-Kampen — session 3"
    assert reader.metadata.author == "Leerkring Integrale Zorg Oost-Nederland"


def test_same_view_renders_to_the_same_bytes_at_any_time(
    renderer: FactsheetRenderer, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = sample_view(status=FactsheetStatus.published)
    first = renderer.render_pdf(view, "plain")
    assert renderer.render_pdf(view, "plain") == first

    # A new process a day later (WOFF 1 fonts would be re-saved with a fresh timestamp).
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    later = time.time() + 86_400
    monkeypatch.setattr(time, "time", lambda: later)
    assert FactsheetRenderer().render_pdf(view, "plain") == first
    assert TEMPLATE_VERSION


@pytest.fixture
def fetched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every URL WeasyPrint asks the asset fetcher for, served or refused."""
    urls: list[str] = []
    fetch = AssetFetcher.fetch

    def spy(self: AssetFetcher, url: str, headers: object = None) -> object:
        urls.append(url)
        return fetch(self, url, headers)

    monkeypatch.setattr(AssetFetcher, "fetch", spy)
    return urls


def test_hostile_evidence_is_printed_as_text_and_nothing_is_fetched_for_it(
    fetched: list[str],
) -> None:
    renderer = FactsheetRenderer()  # fonts are fetched while its stylesheets are parsed
    view = sample_view(hostile_excerpt=True)

    html = renderer.render_html(view, "full")
    pdf = renderer.render_pdf(view, "full")

    assert "<script>" not in html and "<img" not in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    text = flat(" ".join(page_texts(pdf)))
    assert flat(HOSTILE_EXCERPT) in text
    assert {Path(url).name for url in fetched} == FONT_FILES | {"common.css"}
    assert all(url.startswith(ASSETS_DIR.as_uri()) for url in fetched)
    assert not any("passwd" in url for url in fetched)


def test_markup_that_reaches_weasyprint_still_fetches_nothing_outside_assets(
    fetched: list[str], renderer: FactsheetRenderer
) -> None:
    html = weasyprint.HTML(
        string='<p>x</p><img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png">'
        '<img src="data:image/png;base64,iVBORw0KGgo="><link rel="stylesheet" '
        'href="../factsheet/theme.css"><img src="assets/../../../etc/passwd">',
        base_url=renderer.root.as_uri() + "/",
        url_fetcher=renderer.fetcher,
    )

    pdf = html.write_pdf()

    assert len(fetched) == 5  # each was asked for, and each was refused
    assert "root:" not in flat(" ".join(page_texts(pdf)))


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.org/font.woff",
        "https://example.org/font.woff",
        "data:text/plain,hello",
        "ftp://example.org/x",
        "file://evil.example/" + str(ASSETS_DIR / "fonts" / "OFL.txt"),
        (ASSETS_DIR / "fonts").as_uri() + "/../../factsheet/theme.css",
        (ASSETS_DIR / "fonts").as_uri() + "/",
        (ASSETS_DIR / "fonts").as_uri() + "/missing.woff",
    ],
)
def test_asset_fetcher_refuses_everything_but_our_assets(url: str) -> None:
    with pytest.raises(AssetRefusedError):
        AssetFetcher().fetch(url)


def test_asset_fetcher_serves_our_fonts() -> None:
    font = ASSETS_DIR / "fonts" / "atkinson-hyperlegible-latin-400-normal.woff2"

    response = AssetFetcher().fetch(font.as_uri())

    assert response.read() == font.read_bytes()
    assert response.content_type == "font/woff2"
