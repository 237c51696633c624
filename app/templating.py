"""Jinja environments (one per language), filters, and page-or-fragment rendering."""

from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import BaseLoader, Environment, FileSystemLoader, StrictUndefined

from app.auth.cookies import csrf_token, remember_browser
from app.config import PROJECT_ROOT
from app.i18n import LANGUAGES, translations
from app.labels import label_for
from app.navigation import account_links, navigation
from app.time_zone import community_zone
from app.web import TOAST_COOKIE, Toast, clear_toast, is_htmx, pending_toast

TEMPLATES_DIR = PROJECT_ROOT / "templates"
STATIC_VERSION = "10"  # bump when app.css or htmx changes, to defeat caches


def iso_datetime(value: date | datetime) -> str:
    """A machine-readable `datetime=` attribute: UTC to the second (HTML allows no microseconds)."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def make_environment(
    loader: BaseLoader, language: str, *, date_locale: str | None = None
) -> Environment:
    """A Jinja environment in ``language`` with the filters of every page and document.

    Autoescape is on for every template, whatever its name. Times show in the community's
    time zone unless a filter is given another (a session's own zone, say).
    ``date_locale`` spells dates differently from ``language`` (documents use en_GB).
    """
    locale = date_locale or language
    env = Environment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.policies["ext.i18n.trimmed"] = True  # as babel.cfg extracts them
    catalogue = translations(language)
    env.install_gettext_translations(catalogue, newstyle=True)  # type: ignore[attr-defined]

    def zone(timezone: str | None) -> ZoneInfo:
        return ZoneInfo(timezone) if timezone else community_zone()

    def label(value: Any) -> str:
        return catalogue.gettext(label_for(value))

    def local_datetime(value: datetime, timezone: str | None = None) -> str:
        return format_datetime(
            value.astimezone(zone(timezone)), "EEEE d MMMM y, HH:mm", locale=locale
        )

    def long_date(value: date | datetime, timezone: str | None = None) -> str:
        if isinstance(value, datetime):
            value = value.astimezone(zone(timezone)).date()
        return format_date(value, "long", locale=locale)

    def short_date(value: date | datetime, timezone: str | None = None) -> str:
        if isinstance(value, datetime):
            value = value.astimezone(zone(timezone)).date()
        return format_date(value, "d MMM y", locale=locale)

    def local_time(value: datetime, timezone: str | None = None) -> str:
        return format_datetime(value.astimezone(zone(timezone)), "HH:mm", locale=locale)

    env.filters.update(
        iso_datetime=iso_datetime,
        label=label,
        local_datetime=local_datetime,
        long_date=long_date,
        short_date=short_date,
        local_time=local_time,
    )
    return env


@lru_cache
def environment(language: str) -> Environment:
    """The environment of the pages under templates/."""
    env = make_environment(FileSystemLoader(TEMPLATES_DIR), language)
    env.globals.update(language=language, languages=LANGUAGES, static_version=STATIC_VERSION)
    return env


def compile_templates() -> None:
    """Compile every template in every language at start-up, not in the first requests."""
    for language in LANGUAGES:
        env = environment(language)
        for name in env.list_templates(extensions=["html"]):
            env.get_template(name)


def render(
    request: Request,
    template_name: str,
    context: dict[str, Any],
    *,
    status_code: int = 200,
    block: str | None = None,
    toast: Toast | None = None,
) -> HTMLResponse:
    """Render a whole page, or only ``block`` when htmx asks for a fragment.

    ``toast`` (or one a redirect left) shows in the page's toast region; a fragment carries it
    out of band, so htmx puts it in the region of the page it updates.
    """
    language: str = request.state.language
    env = environment(language)
    template = env.get_template(template_name)
    principal = getattr(request.state, "principal", None)
    toast = toast or pending_toast(request)
    full_context = {
        "request": request,
        "principal": principal,
        "navigation": navigation(principal),
        "account_links": account_links(principal),
        "csrf_token": csrf_token(request),
        "toast": toast,
        **context,
    }
    if block is not None and is_htmx(request):
        render_block = template.blocks[block]
        html = "".join(render_block(template.new_context(full_context)))
        if toast is not None:
            toasts = env.get_template("_toasts.html").module.toasts  # type: ignore[attr-defined]
            html += str(toasts(toast, oob=True))
    else:
        html = template.render(full_context)
    response = HTMLResponse(html, status_code=status_code)
    if TOAST_COOKIE in request.cookies:
        clear_toast(request, response)
    response.headers["Vary"] = "HX-Request, Accept-Language, Cookie"
    response.headers["Content-Language"] = language
    remember_browser(request, response)
    return response
