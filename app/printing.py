"""What every printed document shares: the asset fetcher, the fonts, and tagged PDF output.

Factsheets and a session's agendas and briefing pack are all laid out from templates under
``factsheets/`` and share its ``assets/`` (fonts, common CSS). WeasyPrint only ever sees
files under ``factsheets/assets/`` through ``AssetFetcher``; every other URL is refused.
"""

import atexit
import gc
import mimetypes
import threading
import weakref
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcherResponse

from app import pdf_tagging
from app.config import PROJECT_ROOT

DOCUMENTS_DIR = PROJECT_ROOT / "factsheets"
ASSETS_DIR = DOCUMENTS_DIR / "assets"
# Day-month-year for English readers in the Netherlands, not babel's US default for "en".
DATE_LOCALES: dict[str, str] = {"en": "en_GB"}


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


def page_label_parts(template: str) -> tuple[str, str, str]:
    """Split a translated "Page %(page)s of %(pages)s" around its two numbers."""
    before, _, rest = template.partition("%(page)s")
    middle, _, after = rest.partition("%(pages)s")
    return before, middle, after


class PrintShop:
    """The fetcher, fonts and parsed stylesheets of one document family; build once per process.

    The fonts are fetched (through the fetcher) while the stylesheets are parsed.
    """

    def __init__(self, stylesheets: dict[str, Path], *, root: Path = DOCUMENTS_DIR) -> None:
        self.root = root
        self.fetcher = AssetFetcher(root / "assets")
        self._font_config = FontConfiguration()
        _living.add(self)
        self._stylesheets = {
            name: weasyprint.CSS(
                filename=str(path), url_fetcher=self.fetcher, font_config=self._font_config
            )
            for name, path in stylesheets.items()
        }
        self.lock = threading.Lock()  # Pango's font map is not safe across threads

    def write_pdf(self, html: str, stylesheet: str) -> bytes:
        """A tagged (PDF/UA-1) PDF; the same HTML gives the same bytes.

        Margin-box content (header, footer, watermark) becomes artifacts (``pdf_tagging``).
        """
        document = weasyprint.HTML(
            string=html, base_url=self.root.as_uri() + "/", url_fetcher=self.fetcher
        )
        with self.lock:
            pdf: bytes = document.write_pdf(
                stylesheets=[self._stylesheets[stylesheet]],
                font_config=self._font_config,
                pdf_variant="pdf/ua-1",
                pdf_identifier=True,  # derived from the content, so still reproducible
            )
        return pdf_tagging.finish(pdf)


_living: "weakref.WeakSet[PrintShop]" = weakref.WeakSet()


@atexit.register
def _release_fonts() -> None:
    # FontConfiguration cleans up in __del__, which fails once modules are torn down at exit;
    # let it run while they still exist.
    for living in list(_living):
        living.__dict__.pop("_font_config", None)
        living.__dict__.pop("_stylesheets", None)
    gc.collect()
