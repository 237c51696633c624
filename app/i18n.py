"""Translations: English source strings, Dutch catalogue, chosen per request.

Catalogues are read from the .po files at start-up, so no compiled .mo files are needed.
"""

import gettext as gettext_module
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGUAGES: dict[str, str] = {"en": "English", "nl": "Nederlands"}
LANGUAGE_COOKIE = "leerkring_lang"
TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"


@lru_cache
def translations(language: str) -> gettext_module.NullTranslations:
    po_path = TRANSLATIONS_DIR / language / "LC_MESSAGES" / "messages.po"
    if language == "en" or not po_path.exists():
        return gettext_module.NullTranslations()
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext_module.GNUTranslations(buffer)


def negotiate_language(cookie: str | None, accept_language: str | None, default: str) -> str:
    """The user's explicit choice first, then the browser's preference, then the default."""
    if cookie in LANGUAGES:
        return cookie
    for language in _accept_language_order(accept_language or ""):
        primary = language.split("-")[0].lower()
        if primary in LANGUAGES:
            return primary
    return default


def _accept_language_order(header: str) -> list[str]:
    weighted: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag:
            weighted.append((-quality, index, tag))
    return [tag for _, _, tag in sorted(weighted)]
