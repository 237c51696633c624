"""A session's agenda documents rendered to HTML and to tagged A4 PDFs, as the factsheets are.

The agenda, the plain-language agenda and the chair's briefing pack are laid out from
``factsheets/agenda/`` and share the factsheets' fonts, asset fetcher and PDF tagging
(``app.printing``). ``renderer()`` gives the process's renderer: it lays the HTML out here
and has WeasyPrint write the PDF in a worker process with a time limit, since WeasyPrint
cannot be interrupted inside a process (an agenda can have any number of items).
"""

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader

from app.agendas.document import KINDS, DocumentKind
from app.config import get_settings
from app.factsheets.jobs import RenderTooSlowError
from app.labels import N_
from app.printing import DATE_LOCALES, DOCUMENTS_DIR, PrintShop, page_label_parts
from app.templating import TEMPLATES_DIR, make_environment
from app.vocabulary import PartnershipCondition, Role

# Bump when a template or stylesheet under factsheets/agenda/ changes; stored with each PDF.
TEMPLATE_VERSION = "agenda-6"
TASKS_PER_WORKER_PROCESS = 20  # WeasyPrint's memory creeps: a fresh process now and then

_TEMPLATES: dict[DocumentKind, str] = {
    "agenda": "agenda/template.html",
    "plain_agenda": "agenda/plain.html",
    "briefing": "agenda/briefing.html",
    "report": "agenda/report.html",
}
_STYLESHEETS: dict[DocumentKind, str] = {
    "agenda": "agenda/theme.css",
    "plain_agenda": "agenda/plain.css",
    "briefing": "agenda/theme.css",
    "report": "agenda/theme.css",
}


def _lines(text: str) -> list[str]:
    """Lines of a notes field, without bullets people may have typed."""
    items = (line.strip().lstrip("-*\u2022").strip() for line in text.splitlines())
    return [item for item in items if item]


class AgendaRenderer:
    """Renders agenda views (and the briefing pack); build once per process and share.

    With ``timeout_seconds`` the PDF is written in a worker process, which is ended when it
    takes longer (RenderTooSlowError); without, here.
    """

    def __init__(self, *, timeout_seconds: float | None = None) -> None:
        self.timeout_seconds = timeout_seconds
        self._shop: PrintShop | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._environments: dict[str, Environment] = {}
        self._lock = threading.Lock()

    @property
    def template_version(self) -> str:
        return TEMPLATE_VERSION

    def environment(self, language: str) -> Environment:
        with self._lock:
            if language not in self._environments:
                # The report draws its charts with the results page's own macro.
                charts = FileSystemLoader(TEMPLATES_DIR / "evaluations")
                env = make_environment(
                    ChoiceLoader(
                        [FileSystemLoader(DOCUMENTS_DIR), PrefixLoader({"pages": charts})]
                    ),
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
        html = self.render_html(kind, language, **context)
        if self.timeout_seconds is None:
            return self.write_pdf(kind, html)
        return self._write_bounded(kind, html, self.timeout_seconds)

    def write_pdf(self, kind: DocumentKind, html: str) -> bytes:
        """The PDF of a rendered document, written in this process."""
        with self._lock:
            if self._shop is None:  # parses the stylesheets and loads the fonts
                self._shop = PrintShop(
                    {name: DOCUMENTS_DIR / _STYLESHEETS[name] for name in KINDS},
                    root=DOCUMENTS_DIR,
                )
            shop = self._shop
        return shop.write_pdf(html, kind)

    def _write_bounded(self, kind: DocumentKind, html: str, timeout: float) -> bytes:
        for _ in range(2):  # a worker that died is replaced once
            pool = self._worker_pool()
            try:
                return pool.submit(_write_in_worker, kind, html).result(timeout=timeout)
            except FutureTimeout:
                # The render is abandoned with its process; the next one starts a fresh pool.
                self._discard(pool, terminate=True)
                break
            except BrokenProcessPool:
                # The worker died (killed, out of memory): once more with a fresh one.
                self._discard(pool, terminate=False)
        raise RenderTooSlowError(
            N_("The PDF took too long to make. Please try again in a minute.")
        ) from None

    def _worker_pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    max_tasks_per_child=TASKS_PER_WORKER_PROCESS,
                    mp_context=multiprocessing.get_context("spawn"),
                )
            return self._pool

    def _discard(self, pool: ProcessPoolExecutor, *, terminate: bool) -> None:
        with self._lock:
            if terminate:
                for process in list(getattr(pool, "_processes", {}).values()):
                    process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
            if self._pool is pool:
                self._pool = None


_process_renderer: AgendaRenderer | None = None


def _write_in_worker(kind: DocumentKind, html: str) -> bytes:
    """Runs in the worker process; its renderer (stylesheets, fonts) is built once there."""
    global _process_renderer
    if _process_renderer is None:
        _process_renderer = AgendaRenderer()
    return _process_renderer.write_pdf(kind, html)


_default: AgendaRenderer | None = None
_default_lock = threading.Lock()


def renderer() -> AgendaRenderer:
    """The process-wide renderer, built on first use, with the configured time limit."""
    global _default
    with _default_lock:
        if _default is None:
            _default = AgendaRenderer(timeout_seconds=get_settings().render_timeout_seconds)
        return _default
