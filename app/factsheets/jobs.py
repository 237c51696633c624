"""Background rendering: jobs are rows; a worker thread claims them and a process pool renders.

Any number of app instances can run a worker against one database: on PostgreSQL a job is
claimed with FOR UPDATE SKIP LOCKED, on SQLite the writing transaction is exclusive anyway.
A render is CPU-bound (~0.4 s) and WeasyPrint's memory creeps, so renders run in worker
processes that are replaced every few tasks.
"""

import logging
import multiprocessing
import threading
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select, update

from app.db import Database, utcnow
from app.errors import DomainError
from app.factsheets import documents, service
from app.factsheets.document import FactsheetView
from app.factsheets.documents import Renderer, Variant
from app.factsheets.models import RenderJob
from app.labels import N_
from app.vocabulary import RenderJobStatus

logger = logging.getLogger(__name__)
TASKS_PER_WORKER_PROCESS = 20
STALE_AFTER = timedelta(minutes=5)

_process_renderer: Renderer | None = None


def _render_in_worker(view: FactsheetView, variant: Variant) -> bytes:
    """Runs in a pool process; the renderer (stylesheets, fonts) is built once per process."""
    global _process_renderer
    if _process_renderer is None:
        from app.factsheets.rendering import FactsheetRenderer

        _process_renderer = FactsheetRenderer()
    return _process_renderer.render_pdf(view, variant)


def enqueue(
    *,
    db: Session,
    factsheet_ids: Iterable[int],
    languages: Iterable[str],
    batch_session_id: int | None = None,
) -> int:
    """Queue every variant in every language; returns how many jobs were added."""
    added = 0
    now = utcnow()
    for factsheet_id in factsheet_ids:
        for language in languages:
            for variant in documents.VARIANTS:
                db.add(
                    RenderJob(
                        factsheet_id=factsheet_id,
                        variant=variant,
                        language=language,
                        batch_session_id=batch_session_id,
                        created_at=now,
                    )
                )
                added += 1
    db.flush()
    return added


@dataclass(frozen=True)
class BatchProgress:
    total: int
    done: int
    failed: int

    @property
    def finished(self) -> bool:
        return self.total > 0 and self.done + self.failed == self.total

    @property
    def percent(self) -> int:
        return round(100 * (self.done + self.failed) / self.total) if self.total else 0


def batch_progress(*, db: Session, batch_session_id: int) -> BatchProgress:
    rows = db.exec(
        select(RenderJob.status, func.count())
        .where(RenderJob.batch_session_id == batch_session_id)
        .group_by(col(RenderJob.status))
    ).all()
    counts = {RenderJobStatus(status): total for status, total in rows}
    return BatchProgress(
        total=sum(counts.values()),
        done=counts.get(RenderJobStatus.done, 0),
        failed=counts.get(RenderJobStatus.failed, 0),
    )


def clear_batch(*, db: Session, batch_session_id: int) -> None:
    """Forget a finished batch's jobs, so a new batch's progress starts at zero."""
    for job in db.exec(
        select(RenderJob).where(
            RenderJob.batch_session_id == batch_session_id,
            col(RenderJob.status).in_([RenderJobStatus.done, RenderJobStatus.failed]),
        )
    ).all():
        db.delete(job)
    db.flush()


@dataclass(frozen=True)
class ClaimedJob:
    job_id: int
    factsheet_id: int
    variant: Variant
    language: str
    view: FactsheetView
    digest: str


def claim(database: Database, template_version: str) -> ClaimedJob | bool | None:
    """Take the oldest queued job. None: no job; True: a job that needed no rendering."""
    with database.transaction(write=True) as db:
        db.execute(
            update(RenderJob)
            .where(
                col(RenderJob.status) == RenderJobStatus.running,
                col(RenderJob.started_at) < utcnow() - STALE_AFTER,
            )
            .values(status=RenderJobStatus.queued)
        )  # a worker died mid-render: try again
        query = (
            select(RenderJob)
            .where(RenderJob.status == RenderJobStatus.queued)
            .order_by(col(RenderJob.id))
            .limit(1)
        )
        if not database.is_sqlite:
            query = query.with_for_update(skip_locked=True)
        job = db.exec(query).first()
        if job is None:
            return None
        job.status = RenderJobStatus.running
        job.started_at = utcnow()
        job.attempts += 1
        variant: Variant = "plain" if job.variant == "plain" else "full"
        factsheet = service.get_factsheet(db=db, factsheet_id=job.factsheet_id)
        found, view, digest = documents.up_to_date(
            db=db,
            factsheet=factsheet,
            variant=variant,
            language=job.language,
            template_version=template_version,
        )
        if found is not None or view is None:
            job.status = RenderJobStatus.done
            job.finished_at = utcnow()
            return True
        return ClaimedJob(job.id or 0, job.factsheet_id, variant, job.language, view, digest)


def finish(
    database: Database,
    claimed: ClaimedJob,
    template_version: str,
    pdf: bytes | None,
    error: str = "",
) -> None:
    with database.transaction(write=True) as db:
        job = db.get(RenderJob, claimed.job_id)
        if job is None:
            return
        if pdf is not None:
            factsheet = service.get_factsheet(db=db, factsheet_id=claimed.factsheet_id)
            documents.keep(
                db=db,
                factsheet=factsheet,
                variant=claimed.variant,
                language=claimed.language,
                digest=claimed.digest,
                template_version=template_version,
                pdf=pdf,
            )
        job.status = RenderJobStatus.done if pdf is not None else RenderJobStatus.failed
        job.error = error[:2000]
        job.finished_at = utcnow()


def run_pending(database: Database, renderer: Renderer) -> int:
    """Render every queued job in this process (the CLI and tests); returns how many ran."""
    handled = 0
    while (claimed := claim(database, renderer.template_version)) is not None:
        handled += 1
        if isinstance(claimed, ClaimedJob):
            finish(
                database,
                claimed,
                renderer.template_version,
                renderer.render_pdf(claimed.view, claimed.variant),
            )
    return handled


class RenderWorker:
    """A thread that claims jobs and hands renders to a process pool, with a time limit."""

    def __init__(
        self,
        database: Database,
        template_version: str,
        *,
        processes: int = 1,
        poll_seconds: float = 1.0,
        timeout_seconds: float = 60.0,
    ) -> None:
        self.database = database
        self.template_version = template_version
        self.processes = processes
        self.poll_seconds = poll_seconds
        self.timeout_seconds = timeout_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="render-worker", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.timeout_seconds + 5)
        if self._pool is not None:
            # Wait for the pool's processes to exit: left running, they outlive this process
            # (and keep its output pipes open).
            self._pool.shutdown(wait=True, cancel_futures=True)

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.processes, max_tasks_per_child=TASKS_PER_WORKER_PROCESS
        )

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                claimed = claim(self.database, self.template_version)
            except Exception:
                logger.exception("could not claim a render job")
                claimed = None
            if claimed is None:
                self._stop.wait(self.poll_seconds)
            elif isinstance(claimed, ClaimedJob):
                self._render(claimed)

    def _render(self, claimed: ClaimedJob) -> None:
        self._pool = self._pool or self._new_pool()
        future = self._pool.submit(_render_in_worker, claimed.view, claimed.variant)
        try:
            pdf = future.result(timeout=self.timeout_seconds)
        except FutureTimeout:
            # A render that hangs is abandoned with its process; a fresh pool takes over.
            self._pool.shutdown(wait=False, cancel_futures=True)
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.terminate()
            self._pool = None
            finish(self.database, claimed, self.template_version, None, "took too long to render")
            return
        except Exception as error:
            logger.exception("render job %s failed", claimed.job_id)
            finish(self.database, claimed, self.template_version, None, str(error))
            return
        finish(self.database, claimed, self.template_version, pdf)


@dataclass
class RenderTooSlowError(DomainError):
    status_code: int = 503


class BoundedRenderer:
    """Renders in a worker process with a time limit, for renders a request waits for.

    WeasyPrint cannot be interrupted inside a process, so the render runs in another one,
    which is ended when it takes too long; the web process stays responsive and lean.
    """

    def __init__(self, timeout_seconds: float = 60.0) -> None:
        from app.factsheets.rendering import renderer

        self._local = renderer()
        self.timeout_seconds = timeout_seconds
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    @property
    def template_version(self) -> str:
        return self._local.template_version

    def render_html(
        self, view: FactsheetView, variant: Variant, *, stylesheet_href: str | None = None
    ) -> str:
        return self._local.render_html(view, variant, stylesheet_href=stylesheet_href)

    def render_pdf(self, view: FactsheetView, variant: Variant) -> bytes:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    max_tasks_per_child=TASKS_PER_WORKER_PROCESS,
                    mp_context=multiprocessing.get_context("spawn"),
                )
            pool = self._pool
        future = pool.submit(_render_in_worker, view, variant)
        try:
            return future.result(timeout=self.timeout_seconds)
        except FutureTimeout:
            with self._lock:
                for process in list(getattr(pool, "_processes", {}).values()):
                    process.terminate()
                pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
            raise RenderTooSlowError(
                N_("The PDF took too long to make. Please try again in a minute.")
            ) from None


_bounded: BoundedRenderer | None = None
_bounded_lock = threading.Lock()


def bounded_renderer(timeout_seconds: float) -> BoundedRenderer:
    """The process-wide renderer for requests (one worker process, started on first use)."""
    global _bounded
    with _bounded_lock:
        if _bounded is None:
            _bounded = BoundedRenderer(timeout_seconds)
        return _bounded
