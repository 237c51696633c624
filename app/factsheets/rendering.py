"""Factsheet documents: a FactsheetView rendered to HTML and to a tagged A4 PDF.

Build one ``FactsheetRenderer`` per process: it parses the print stylesheets and loads the
fonts once, and keeps one Jinja environment per language. WeasyPrint only ever sees files
under ``factsheets/assets/`` through ``AssetFetcher``; every other URL is refused.
"""

import atexit
import gc
import mimetypes
import re
import threading
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import weasyprint
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcherResponse

from app.config import PROJECT_ROOT
from app.factsheets import chart, tagging
from app.factsheets.document import FactsheetView, MemberView
from app.templating import make_environment
from app.vocabulary import PartnershipCondition, Perspective, Role

# Bump when a template, stylesheet or font changes; stored with every rendered PDF.
TEMPLATE_VERSION = "factsheet-2"

FACTSHEETS_DIR = PROJECT_ROOT / "factsheets"
ASSETS_DIR = FACTSHEETS_DIR / "assets"

Variant = Literal["full", "plain"]
# Day-month-year for English readers in the Netherlands, not babel's US default for "en".
DATE_LOCALES: dict[str, str] = {"en": "en_GB"}
VARIANTS: tuple[Variant, ...] = ("full", "plain")
_STYLESHEETS: dict[Variant, str] = {"full": "factsheet/theme.css", "plain": "plain/theme.css"}
_TEMPLATES: dict[Variant, str] = {"full": "factsheet/template.html", "plain": "plain/template.html"}

# Vocabulary labels the factsheet shows that app/labels.py does not have yet.


class AssetRefusedError(ValueError):
    """A document asked for something outside factsheets/assets/."""


class AssetFetcher(weasyprint.URLFetcher):
    """Serves files under one folder to WeasyPrint; refuses every other URL.

    No network, no ``data:``, no ``file://`` outside the folder (also not through ``..``
    or symlinks). A refusal is an exception, which WeasyPrint logs and skips.
    """

    def __init__(self, root: Path = ASSETS_DIR) -> None:
        super().__init__(timeout=1, allowed_protocols=("file",), allow_redirects=False)
        self.root = root.resolve()

    def resolve(self, url: str) -> Path:
        """The file a URL names, if it is one of ours; AssetRefusedError otherwise."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise AssetRefusedError(f"not a factsheet asset: {url[:200]}")
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise AssetRefusedError(f"not a factsheet asset: {url[:200]}")
        return path

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        path = self.resolve(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type}
        )


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain-text field: separated by blank lines."""
    return [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]


def _lines(text: str) -> list[str]:
    """Items of a one-per-line field, without bullets people may have typed."""
    items = (line.strip().lstrip("-*\u2022").strip() for line in text.splitlines())
    return [item for item in items if item]


def _by_role(members: Iterable[MemberView]) -> list[tuple[Role, list[MemberView]]]:
    """Members grouped by role, in the vocabulary's order of roles."""
    groups: dict[Role, list[MemberView]] = {}
    for member in members:
        groups.setdefault(member.role, []).append(member)
    return [(role, groups[role]) for role in Role if role in groups]


def _page_label_parts(template: str) -> tuple[str, str, str]:
    """Split a translated "Page %(page)s of %(pages)s" around its two numbers."""
    before, _, rest = template.partition("%(page)s")
    middle, _, after = rest.partition("%(pages)s")
    return before, middle, after


class FactsheetRenderer:
    """Renders factsheet views; build once per process and share."""

    def __init__(self, *, root: Path = FACTSHEETS_DIR) -> None:
        self.root = root
        self.fetcher = AssetFetcher(root / "assets")
        self._font_config = FontConfiguration()
        _living.add(self)
        # The fonts are fetched (through the fetcher) while these are parsed.
        self._stylesheets = {
            variant: weasyprint.CSS(
                filename=str(root / _STYLESHEETS[variant]),
                url_fetcher=self.fetcher,
                font_config=self._font_config,
            )
            for variant in VARIANTS
        }
        self._environments: dict[str, Environment] = {}
        self._lock = threading.Lock()  # Pango's font map is not safe across threads

    @property
    def template_version(self) -> str:
        return TEMPLATE_VERSION

    # -- HTML -------------------------------------------------------------------------

    def environment(self, language: str) -> Environment:
        with self._lock:
            if language not in self._environments:
                self._environments[language] = self._new_environment(language)
            return self._environments[language]

    def _new_environment(self, language: str) -> Environment:
        env = make_environment(
            FileSystemLoader(self.root), language, date_locale=DATE_LOCALES.get(language)
        )
        label = env.filters["label"]

        def evidence_chart(view: FactsheetView, **texts: str) -> chart.BarChart:
            """The chart's geometry, for ``{% include "factsheet/chart.svg" %}`` to draw."""
            # gettext gives Markup under autoescape; the chart template escapes plain text.
            plain = {
                key: text.unescape() if isinstance(text, Markup) else str(text)
                for key, text in texts.items()
            }
            return chart.evidence_chart(view.matrix, label=label, **plain)

        env.filters.update(
            paragraphs=_paragraphs,
            lines=_lines,
            by_role=_by_role,
        )
        env.globals.update(
            evidence_chart=evidence_chart,
            page_label_parts=_page_label_parts,
            template_version=TEMPLATE_VERSION,
            conditions=list(PartnershipCondition),
            perspectives=list(Perspective),
        )
        return env

    def render_html(
        self, view: FactsheetView, variant: Variant, *, stylesheet_href: str | None = None
    ) -> str:
        """The document's HTML; with ``stylesheet_href`` it links a stylesheet (previews)."""
        template = self.environment(view.language).get_template(_TEMPLATES[variant])
        return template.render(view=view, variant=variant, stylesheet_href=stylesheet_href)

    # -- PDF --------------------------------------------------------------------------

    def render_pdf(self, view: FactsheetView, variant: Variant) -> bytes:
        """A tagged (PDF/UA-1) A4 PDF; the same view gives the same bytes.

        Header, footer and watermark are artifacts (see ``tagging``).
        """
        html = weasyprint.HTML(
            string=self.render_html(view, variant),
            base_url=self.root.as_uri() + "/",
            url_fetcher=self.fetcher,
        )
        with self._lock:
            pdf: bytes = html.write_pdf(
                stylesheets=[self._stylesheets[variant]],
                font_config=self._font_config,
                pdf_variant="pdf/ua-1",
                pdf_identifier=True,  # derived from the content, so still reproducible
            )
        return tagging.finish(pdf)

    @staticmethod
    def stylesheet_path(variant: Variant) -> Path:
        """The print stylesheet of a variant, for a web preview to serve."""
        return FACTSHEETS_DIR / _STYLESHEETS[variant]


_living: "weakref.WeakSet[FactsheetRenderer]" = weakref.WeakSet()


@atexit.register
def _release_fonts() -> None:
    # FontConfiguration cleans up in __del__, which fails once modules are torn down at exit;
    # let it run while they still exist.
    for living in list(_living):
        living.__dict__.pop("_font_config", None)
        living.__dict__.pop("_stylesheets", None)
    gc.collect()


_default: FactsheetRenderer | None = None
_default_lock = threading.Lock()


def renderer() -> FactsheetRenderer:
    """The process-wide renderer, built on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = FactsheetRenderer()
        return _default


__all__: list[str] = [
    "TEMPLATE_VERSION",
    "AssetFetcher",
    "AssetRefusedError",
    "FactsheetRenderer",
    "Variant",
    "renderer",
]
