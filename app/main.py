"""create_app(): routers, static files, middleware and the error handlers."""

import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from urllib.parse import quote

import anyio.to_thread
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

import app.models  # noqa: F401 - every table mapped before the first request
from app import site
from app.access_links import pages as access_link_pages
from app.accounts import pages as account_pages
from app.accounts import password_pages
from app.actions import pages as action_pages
from app.agendas import document_pages as agenda_document_pages
from app.agendas import minutes_pages as agenda_minutes_pages
from app.agendas import pages as agenda_pages
from app.agendas import question_pages
from app.api_tokens import pages as api_token_pages
from app.audit import pages as audit_pages
from app.auth.dependencies import csrf_protect
from app.community import pages as community_pages
from app.comparison import pages as comparison_pages
from app.config import PROJECT_ROOT, Settings, get_settings
from app.contributions import pages as contribution_pages
from app.db import Database, create_db_engine
from app.errors import (
    DomainError,
    FieldProblem,
    NotSignedInError,
    RateLimitedError,
    format_message,
)
from app.evaluations import pages as evaluation_pages
from app.evidence import consent_pages as evidence_consent_pages
from app.evidence import pages as evidence_pages
from app.evidence import session_excerpt_pages
from app.exports import pages as export_pages
from app.factsheets import pages as factsheet_pages
from app.i18n import translations
from app.initiatives import api as initiatives_api
from app.initiatives import pages as initiatives_pages
from app.invitations import pages as invitation_pages
from app.labels import N_
from app.learning_sessions import api as sessions_api
from app.learning_sessions import attendance_pages
from app.learning_sessions import change_pages as session_change_pages
from app.learning_sessions import pages as sessions_pages
from app.middleware import (
    BodySizeLimit,
    DatabaseGate,
    Language,
    RejectNul,
    SecurityHeaders,
    TrustedHosts,
)
from app.monitoring import indicator_pages as monitoring_indicator_pages
from app.monitoring import pages as monitoring_pages
from app.overview import pages as overview_pages
from app.people import api as people_api
from app.people import pages as people_pages
from app.privacy import pages as privacy_pages
from app.reflections import follow_up_pages as reflection_follow_up_pages
from app.reflections import pages as reflection_pages
from app.reflections import reading_pages as reflection_reading_pages
from app.reports import pages as report_pages
from app.routing import routes_without_rule
from app.self_assessment import pages as self_assessment_pages
from app.self_assessment import profile_pages
from app.templating import compile_templates, render
from app.web import HXRedirect
from app.wiring import wire

logger = logging.getLogger(__name__)
STATIC_DIR = PROJECT_ROOT / "app" / "static"
FACTSHEETS_DIR = PROJECT_ROOT / "factsheets"


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    settings = settings or get_settings()  # exits saying what to set if misconfigured
    wire()
    docs = settings.api_docs_enabled
    app = FastAPI(
        lifespan=_lifespan,
        dependencies=[Depends(csrf_protect)],
        title="Leerkring",
        summary="Run a learning community in integrated care.",
        version="1",
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
    )
    app.state.settings = settings
    app.state.database = database or Database(
        create_db_engine(
            settings.database_url,
            echo=settings.echo_sql,
            pool_size=settings.database_pool_size,
            max_overflow=settings.database_pool_size,
        )
    )

    api = APIRouter(prefix="/api/v1")
    api.include_router(initiatives_api.router)
    api.include_router(people_api.people_router)
    api.include_router(people_api.memberships_router)
    api.include_router(sessions_api.router)
    app.include_router(api)
    app.include_router(site.router)
    app.include_router(account_pages.router)
    for pages in (
        invitation_pages,
        password_pages,
        access_link_pages,
        api_token_pages,
        audit_pages,
    ):
        app.include_router(pages.router)
    app.include_router(community_pages.router)
    app.include_router(initiatives_pages.router)
    app.include_router(sessions_pages.router)
    app.include_router(session_change_pages.router)
    app.include_router(attendance_pages.router)
    app.include_router(agenda_pages.router)
    app.include_router(question_pages.router)
    app.include_router(people_pages.router)
    app.include_router(contribution_pages.router)
    app.include_router(action_pages.router)
    app.include_router(evidence_pages.router)
    app.include_router(evidence_consent_pages.router)
    app.include_router(factsheet_pages.router)
    app.include_router(agenda_document_pages.router)
    app.include_router(agenda_minutes_pages.router)
    app.include_router(reflection_reading_pages.router)
    app.include_router(reflection_follow_up_pages.router)
    app.include_router(session_excerpt_pages.router)
    app.include_router(reflection_pages.router)
    app.include_router(evaluation_pages.router)
    app.include_router(monitoring_indicator_pages.router)
    app.include_router(monitoring_pages.router)
    app.include_router(overview_pages.router)
    app.include_router(self_assessment_pages.router)
    app.include_router(profile_pages.router)
    app.include_router(privacy_pages.router)
    app.include_router(export_pages.router)
    app.include_router(comparison_pages.router)
    app.include_router(report_pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    # Print stylesheets and fonts, for the in-browser factsheet preview.
    app.mount("/factsheet-files", StaticFiles(directory=FACTSHEETS_DIR), name="factsheet-files")

    unguarded = routes_without_rule(app)
    if unguarded:
        raise RuntimeError(f"routes without an access rule (deny by default): {unguarded}")

    _add_error_handlers(app)
    app.add_middleware(DatabaseGate, gate=app.state.database.gate)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(RejectNul)
    app.add_middleware(Language, default=settings.default_language)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    # Outermost: a request for another host name is refused before anything else runs.
    app.add_middleware(TrustedHosts, allowed_hosts=settings.trusted_hosts)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start the background PDF and mail workers for this process (any number of instances
    may run them)."""
    settings: Settings = app.state.settings
    compile_templates()
    # A thread for every request the database gate admits, and a few for static files.
    threads = anyio.to_thread.current_default_thread_limiter()
    threads.total_tokens = app.state.database.gate.capacity + 4
    worker = None
    if settings.render_in_background:
        from app.factsheets.jobs import RenderWorker
        from app.factsheets.rendering import TEMPLATE_VERSION

        worker = RenderWorker(
            app.state.database,
            TEMPLATE_VERSION,
            processes=settings.render_processes,
            timeout_seconds=settings.render_timeout_seconds,
        )
        worker.start()
    mail_worker = None
    if settings.mail_in_background and settings.smtp_host:
        from app.mail.sending import MailWorker

        mail_worker = MailWorker(app.state.database, settings)
        mail_worker.start()
    yield
    if mail_worker is not None:
        mail_worker.stop()
    if worker is not None:
        worker.stop()


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/healthz"


def _error_response(
    request: Request,
    status_code: int,
    message: str,
    problems: list[FieldProblem],
    arguments: Mapping[str, object] | None = None,
) -> Response:
    """``message`` is an N_-marked English text: JSON keeps it English, a page translates it
    (and the field problems) into the request's language before filling in ``arguments``."""
    arguments = arguments or {}
    if _wants_json(request):
        message = format_message(message, arguments)
        if status_code == 401:
            return JSONResponse(
                {"detail": message, "errors": []},
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer realm="leerkring"'},
            )
        return JSONResponse(
            {
                "detail": message,
                "errors": [{"field": p.field, "message": p.message} for p in problems],
            },
            status_code=status_code,
        )
    gettext = translations(request.state.language).gettext
    return render(
        request,
        "error.html",
        {
            "status_code": status_code,
            "message": format_message(gettext(message), arguments),
            "problems": [FieldProblem(p.field, gettext(p.message)) for p in problems],
        },
        status_code=status_code,
    )


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def domain_error(request: Request, error: DomainError) -> Response:
        if isinstance(error, NotSignedInError) and not _wants_json(request):
            return _to_sign_in(request)
        response = _error_response(
            request, error.status_code, error.message, error.problems, error.arguments
        )
        if isinstance(error, RateLimitedError):
            response.headers["Retry-After"] = str(error.retry_after_seconds)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        problems = [_field_problem(e) for e in error.errors()]
        names = ", ".join(dict.fromkeys(p.field for p in problems))
        return _error_response(
            request, 422, N_("Please correct: %(fields)s."), problems, {"fields": names}
        )

    @app.exception_handler(StaleDataError)
    async def stale(request: Request, error: StaleDataError) -> Response:
        return _error_response(
            request,
            409,
            N_("Someone else saved this first. Reload it and apply your change again."),
            [],
        )

    @app.exception_handler(IntegrityError)
    async def integrity(request: Request, error: IntegrityError) -> Response:
        # Services check first; this is the safety net for races between check and write.
        logger.info("integrity error: %s", error.orig)
        return _error_response(
            request,
            409,
            N_("This conflicts with stored data (a duplicate or a linked record)."),
            [],
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        messages = {
            404: N_("There is no page at this address."),
            405: N_("This method is not allowed here."),
        }
        if error.status_code == 400 and error.detail == "There was an error parsing the body":
            # Undecodable bytes: the same answer as any other unreadable body.
            return _error_response(
                request,
                422,
                N_("Please correct: %(fields)s."),
                [FieldProblem("body", "is not valid JSON")],
                {"fields": "body"},
            )
        message = messages.get(error.status_code, str(error.detail))
        response = _error_response(request, error.status_code, message, [])
        for name, value in (error.headers or {}).items():
            response.headers[name] = value
        return response


def _to_sign_in(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    location = "/sign-in" + (f"?next={quote(target)}" if target != "/" else "")
    return HXRedirect(request, location)


def _field_problem(error: dict[str, object]) -> FieldProblem:
    location = [str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path")]  # type: ignore[attr-defined]
    field = ".".join(location) or "body"
    message = str(error.get("msg", "is invalid"))
    if error.get("type") == "json_invalid":
        field, message = "body", "is not valid JSON"
    return FieldProblem(field, message.removeprefix("Value error, "))
