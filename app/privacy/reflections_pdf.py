"""A person's reflections as a readable, tagged A4 PDF, for their data export.

Laid out from ``factsheets/privacy/`` with the factsheets' fonts and PDF tagging
(``app.printing``). A person's reflections are few and short (8000 characters at most
each), so the PDF is written here rather than in a worker process.
"""

import threading
from typing import Any

from jinja2 import FileSystemLoader

from app.printing import DATE_LOCALES, DOCUMENTS_DIR, PrintShop, page_label_parts
from app.templating import make_environment

_shop: PrintShop | None = None
_lock = threading.Lock()


def _print_shop() -> PrintShop:
    global _shop
    with _lock:
        if _shop is None:
            _shop = PrintShop({"reflections": DOCUMENTS_DIR / "privacy" / "reflections.css"})
        return _shop


def render(*, person_name: str, reflections: list[dict[str, Any]], language: str) -> bytes:
    """``reflections``: the export's reflection records, each with its session number."""
    env = make_environment(
        FileSystemLoader(DOCUMENTS_DIR), language, date_locale=DATE_LOCALES.get(language)
    )
    env.globals["page_label_parts"] = page_label_parts
    html = env.get_template("privacy/reflections.html").render(
        language=language, person_name=person_name, reflections=reflections
    )
    return _print_shop().write_pdf(html, "reflections")
