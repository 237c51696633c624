"""Factsheet PDFs as a screen reader meets them: the structure tree, artifacts, the /IDTree.

A screen reader reads the tagged content through the structure tree and skips artifacts.
So every marked-content sequence with an MCID must be reachable from the tree, and what is
decoration or repetition (running header, page numbers, the draft watermark) must be an
artifact.
"""

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name
from pypdf import PdfReader
from sqlmodel import Session

from app.community.models import LearningCommunity
from app.factsheets import service
from app.factsheets.rendering import FactsheetRenderer, Variant, renderer
from app.factsheets.schemas import SectionUpdate
from app.factsheets.view import build_view
from app.vocabulary import FactsheetStatus, PartnershipCondition
from tests import factories
from tests.factsheets.sample_view import sample_view

INITIATIVE = "Gezinsteam Leiden-Noord"


def _kids(element: pikepdf.Object) -> list[pikepdf.Object]:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def tree_content(pdf: pikepdf.Pdf) -> tuple[set[tuple[tuple[int, int], int]], list[Dictionary]]:
    """(page, MCID) pairs the tree reaches from /StructTreeRoot /K, and its elements."""
    reached: set[tuple[tuple[int, int], int]] = set()
    elements: list[Dictionary] = []
    seen: set[tuple[int, int]] = set()

    def walk(node: pikepdf.Object, page: tuple[int, int] | None) -> None:
        if isinstance(node, int):
            assert page is not None, "an MCID without a page"
            reached.add((page, int(node)))
        elif isinstance(node, Dictionary) and node.get("/Type") == Name.MCR:
            reached.add((node.Pg.objgen if "/Pg" in node else page, int(node.MCID)))  # type: ignore[arg-type]
        elif isinstance(node, Dictionary) and "/S" in node:
            if node.objgen in seen:
                return
            seen.add(node.objgen)
            elements.append(node)
            for kid in _kids(node):
                walk(kid, node.Pg.objgen if "/Pg" in node else page)

    for kid in _kids(pdf.Root.StructTreeRoot):
        walk(kid, None)
    return reached, elements


def marked_content(page: pikepdf.Page) -> list[tuple[str, int | None]]:
    """Each BDC/BMC sequence on a page: its tag and MCID (None without one)."""
    found = []
    for instruction in pikepdf.parse_content_stream(page, "BDC BMC"):
        operands = instruction.operands
        properties = operands[1] if len(operands) > 1 else None
        mcid = (
            int(properties.MCID)
            if isinstance(properties, Dictionary) and "/MCID" in properties
            else None
        )
        found.append((str(operands[0]), mcid))
    return found


@dataclass
class PageText:
    """A page's extracted text, split into what is inside /Artifact and what is tagged."""

    artifact: list[str] = field(default_factory=list)
    tagged: list[str] = field(default_factory=list)
    stack: list[str] = field(default_factory=list)

    def before(self, operator: bytes, args: list[object], *_: object) -> None:
        if operator in (b"BDC", b"BMC"):
            self.stack.append(str(args[0]))
        elif operator == b"EMC" and self.stack:
            self.stack.pop()

    def visit(self, piece: str, *_: object) -> None:
        (self.artifact if "/Artifact" in self.stack else self.tagged).append(piece)

    @property
    def artifact_text(self) -> str:
        return " ".join("".join(self.artifact).split())

    @property
    def tagged_text(self) -> str:
        return " ".join("".join(self.tagged).split())


def split_text(pdf: bytes) -> list[PageText]:
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        text = PageText()
        page.extract_text(visitor_operand_before=text.before, visitor_text=text.visit)
        pages.append(text)
    return pages


@dataclass
class Rendered:
    pdf: bytes
    variant: Variant
    is_draft: bool
    initiative: str
    version: int


KINDS = [("full", True), ("plain", True), ("full", False), ("plain", False)]


@pytest.fixture(params=KINDS, ids=[f"{v}-{'draft' if d else 'published'}" for v, d in KINDS])
def rendered(request: pytest.FixtureRequest, db: Session, community: LearningCommunity) -> Rendered:
    """A factsheet made as the pages make it, rendered as the download renders it."""
    variant, is_draft = request.param
    initiative = factories.initiative(db, community, name=INITIATIVE)
    learning_session = factories.learning_session(db, community, number=2)
    if is_draft:
        factsheet = service.start_draft(
            db=db, initiative=initiative, learning_session=learning_session
        )
        service.update_section(
            db=db,
            factsheet=factsheet,
            condition=PartnershipCondition.financing,
            data=SectionUpdate(version=1, analysis="The pooled budget covers all disciplines."),
        )
    else:
        factsheet = factories.published_factsheet(
            db, initiative, learning_session, analysis="The pooled budget covers every team."
        )
    view = build_view(db=db, factsheet=factsheet, language="en")
    return Rendered(
        renderer().render_pdf(view, variant), variant, is_draft, INITIATIVE, view.version_number
    )


@pytest.fixture(scope="module")
def sample_draft() -> bytes:
    """The sample view (every table, rowspans included) as a full draft."""
    return FactsheetRenderer().render_pdf(sample_view(status=FactsheetStatus.draft), "full")


def assert_tree_holds_every_mcid(pdf_bytes: bytes) -> None:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        reached, _ = tree_content(pdf)
        tree_root = pdf.Root.StructTreeRoot
        nums = tree_root.ParentTree.Nums
        parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        for number, page in enumerate(pdf.pages, start=1):
            sequences = marked_content(page)
            mcids = [mcid for _, mcid in sequences if mcid is not None]
            assert len(mcids) == len(set(mcids)), f"page {number}: an MCID used twice"
            if mcids:
                mapping = parent_tree[int(page.obj.StructParents)]
            for tag, mcid in sequences:
                if mcid is None:
                    assert tag == "/Artifact", f"page {number}: untagged {tag} sequence"
                    continue
                assert tag != "/Artifact", f"page {number}: an artifact with MCID {mcid}"
                assert (page.obj.objgen, mcid) in reached, (
                    f"page {number}: MCID {mcid} ({tag}) is outside the structure tree"
                )
                element = mapping[mcid]
                assert isinstance(element, Dictionary), f"page {number}: MCID {mcid} unmapped"
                assert mcid in [int(k) for k in _kids(element) if isinstance(k, int)]


def assert_id_tree_resolves_headers(pdf_bytes: bytes) -> int:
    """Every /Headers ID resolves through /IDTree to the element with that /ID."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        _, elements = tree_content(pdf)
        referenced = [
            bytes(identifier)
            for element in elements
            if isinstance(element.get("/A"), Dictionary) and "/Headers" in element.A
            for identifier in element.A.Headers
        ]
        tree_root = pdf.Root.StructTreeRoot
        if not referenced:
            return 0
        assert "/IDTree" in tree_root, "/Headers are used but there is no /IDTree"
        names = tree_root.IDTree.Names
        id_tree = {bytes(names[i]): names[i + 1] for i in range(0, len(names), 2)}
        keys = list(id_tree)
        assert keys == sorted(keys), "/IDTree names are not in order"
        for identifier in referenced:
            assert identifier in id_tree, f"header {identifier!r} is not in the /IDTree"
            assert bytes(id_tree[identifier].ID) == identifier
            assert id_tree[identifier].objgen in {e.objgen for e in elements}
        return len(referenced)


def test_every_mcid_is_in_the_tree_and_headers_footers_watermark_are_artifacts(
    rendered: Rendered,
) -> None:
    assert_tree_holds_every_mcid(rendered.pdf)
    pages = split_text(rendered.pdf)
    total = len(pages)
    status = f" · Draft, version {rendered.version}" if rendered.is_draft else ""

    for number, page in enumerate(pages, start=1):
        if rendered.variant == "full" and number == 1:
            assert "Page 1 of" not in page.artifact_text + page.tagged_text  # the cover has none
        else:
            assert f"Page {number} of {total}" in page.artifact_text
            assert f"Page {number} of {total}" not in page.tagged_text
        if number > 1:
            assert f"{rendered.initiative}{status}" in page.artifact_text
            assert f"{rendered.initiative}{status}" not in page.tagged_text
        assert "DRAFT" not in page.tagged_text
        if rendered.is_draft:
            assert page.artifact_text.count("DRAFT") == 1, f"page {number}: {page.artifact_text!r}"
        else:
            assert "DRAFT" not in page.artifact_text

    headers = assert_id_tree_resolves_headers(rendered.pdf)
    assert (headers > 0) == (rendered.variant == "full")  # the matrix names its headers


def test_the_sample_factsheet_with_every_table_is_tagged_cleanly(sample_draft: bytes) -> None:
    assert_tree_holds_every_mcid(sample_draft)
    assert assert_id_tree_resolves_headers(sample_draft) > 20
    assert all(
        "DRAFT" not in page.tagged_text and page.artifact_text.count("DRAFT") == 1
        for page in split_text(sample_draft)
    )


@pytest.fixture(scope="module")
def extractors() -> Callable[[bytes], list[str]]:
    """The text as pypdf and as poppler's pdftotext (as copy and paste) extract it."""
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext comes with poppler-utils (.ci/apt-test.txt)"

    def both(pdf: bytes) -> list[str]:
        pypdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        poppler = subprocess.run(
            [pdftotext, "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        raw = subprocess.run(
            [pdftotext, "-raw", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        return [pypdf_text, poppler, raw]

    return both


SPACED_CAPITALS = re.compile(r"\b(?:[A-Z] ){2,}[A-Z]\b")  # "F A C T", "C O N DI T"


def test_labels_and_watermark_extract_as_words(
    sample_draft: bytes, extractors: Callable[[bytes], list[str]]
) -> None:
    cover = split_text(sample_draft)[0]
    assert "D A R F T" not in cover.artifact_text + cover.tagged_text
    assert "FACTSHEET" in cover.tagged_text

    for text in extractors(sample_draft):
        flat = " ".join(text.split())
        assert not SPACED_CAPITALS.search(flat), SPACED_CAPITALS.findall(flat)
        assert "FACTSHEET" in flat
        for number in range(1, 5):
            assert f"CONDITION {number} OF 4" in flat
