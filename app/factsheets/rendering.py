"""Factsheet documents: a FactsheetView rendered to HTML and to a tagged A4 PDF.

Build one ``FactsheetRenderer`` per process: it parses the print stylesheets and loads the
fonts once (through ``app.printing``, which the session's agendas share), and keeps one Jinja
environment per language. WeasyPrint only ever sees files under ``factsheets/assets/``
through ``AssetFetcher``; every other URL is refused.
"""

import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from app.factsheets import chart
from app.factsheets.document import FactsheetView, MemberView
from app.printing import (
    ASSETS_DIR,
    DATE_LOCALES,
    DOCUMENTS_DIR,
    AssetFetcher,
    AssetRefusedError,
    PrintShop,
    page_label_parts,
)
from app.templating import make_environment
from app.vocabulary import PartnershipCondition, Perspective, Role

# Bump when a template, stylesheet or font changes; stored with every rendered PDF.
TEMPLATE_VERSION = "factsheet-2"

FACTSHEETS_DIR = DOCUMENTS_DIR

Variant = Literal["full", "plain"]
VARIANTS: tuple[Variant, ...] = ("full", "plain")
_STYLESHEETS: dict[Variant, str] = {"full": "factsheet/theme.css", "plain": "plain/theme.css"}
_TEMPLATES: dict[Variant, str] = {"full": "factsheet/template.html", "plain": "plain/template.html"}


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


class FactsheetRenderer:
    """Renders factsheet views; build once per process and share."""

    def __init__(self, *, root: Path = FACTSHEETS_DIR) -> None:
        self.root = root
        self._shop = PrintShop(
            {variant: root / _STYLESHEETS[variant] for variant in VARIANTS}, root=root
        )
        self.fetcher: AssetFetcher = self._shop.fetcher
        self._environments: dict[str, Environment] = {}
        self._lock = threading.Lock()

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
            page_label_parts=page_label_parts,
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

        Header, footer and watermark are artifacts (see ``app.pdf_tagging``).
        """
        return self._shop.write_pdf(self.render_html(view, variant), variant)

    @staticmethod
    def stylesheet_path(variant: Variant) -> Path:
        """The print stylesheet of a variant, for a web preview to serve."""
        return FACTSHEETS_DIR / _STYLESHEETS[variant]


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
    "ASSETS_DIR",
    "TEMPLATE_VERSION",
    "AssetFetcher",
    "AssetRefusedError",
    "FactsheetRenderer",
    "Variant",
    "renderer",
]
