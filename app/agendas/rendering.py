"""A session's agenda documents rendered to HTML and to tagged A4 PDFs, as the factsheets are.

The agenda, the plain-language agenda and the chair's briefing pack are laid out from
``factsheets/agenda/`` and share the factsheets' fonts, asset fetcher and PDF tagging
(``app.printing``). Build one ``AgendaRenderer`` per process; ``renderer()`` gives it.
"""

import threading
from typing import Any

from jinja2 import Environment, FileSystemLoader

from app.agendas.document import KINDS, DocumentKind
from app.printing import DATE_LOCALES, DOCUMENTS_DIR, PrintShop, page_label_parts
from app.templating import make_environment
from app.vocabulary import PartnershipCondition, Role

# Bump when a template or stylesheet under factsheets/agenda/ changes; stored with each PDF.
TEMPLATE_VERSION = "agenda-2"

_TEMPLATES: dict[DocumentKind, str] = {
    "agenda": "agenda/template.html",
    "plain_agenda": "agenda/plain.html",
    "briefing": "agenda/briefing.html",
}
_STYLESHEETS: dict[DocumentKind, str] = {
    "agenda": "agenda/theme.css",
    "plain_agenda": "agenda/plain.css",
    "briefing": "agenda/theme.css",
}


def _lines(text: str) -> list[str]:
    """Lines of a notes field, without bullets people may have typed."""
    items = (line.strip().lstrip("-*\u2022").strip() for line in text.splitlines())
    return [item for item in items if item]


class AgendaRenderer:
    """Renders agenda views (and the briefing pack); build once per process and share."""

    def __init__(self) -> None:
        self._shop = PrintShop(
            {kind: DOCUMENTS_DIR / _STYLESHEETS[kind] for kind in KINDS}, root=DOCUMENTS_DIR
        )
        self._environments: dict[str, Environment] = {}
        self._lock = threading.Lock()

    @property
    def template_version(self) -> str:
        return TEMPLATE_VERSION

    def environment(self, language: str) -> Environment:
        with self._lock:
            if language not in self._environments:
                env = make_environment(
                    FileSystemLoader(DOCUMENTS_DIR),
                    language,
                    date_locale=DATE_LOCALES.get(language),
                )
                env.filters.update(lines=_lines)
                env.globals.update(
                    page_label_parts=page_label_parts,
                    template_version=TEMPLATE_VERSION,
                    conditions=list(PartnershipCondition),
                    family_representative=Role.family_representative,
                )
                self._environments[language] = env
            return self._environments[language]

    def render_html(self, kind: DocumentKind, language: str, **context: Any) -> str:
        """The document's HTML from its view(s): ``view`` (an AgendaView), for the briefing
        also ``background`` (app.agendas.background.Background)."""
        template = self.environment(language).get_template(_TEMPLATES[kind])
        return template.render(kind=kind, **context)

    def render_pdf(self, kind: DocumentKind, language: str, **context: Any) -> bytes:
        """A tagged (PDF/UA-1) A4 PDF; the same views give the same bytes."""
        return self._shop.write_pdf(self.render_html(kind, language, **context), kind)


_default: AgendaRenderer | None = None
_default_lock = threading.Lock()


def renderer() -> AgendaRenderer:
    """The process-wide renderer, built on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = AgendaRenderer()
        return _default
