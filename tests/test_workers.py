"""`leerkring serve --workers 2`: both processes serve, and a queued PDF is rendered once."""

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from alembic import command
from sqlmodel import Session, select

from app.db import create_db_engine
from app.factsheets import jobs
from app.factsheets.models import FactsheetDocument, RenderJob
from app.vocabulary import RenderJobStatus
from tests import factories
from tests.conftest import alembic_config
from tests.served import free_port


def test_two_workers_serve_and_render_each_queued_job_once(scratch_database_url: str) -> None:
    command.upgrade(alembic_config(scratch_database_url), "head")
    engine = create_db_engine(scratch_database_url)
    with Session(engine, expire_on_commit=False) as db:
        community = factories.community(db)
        initiative = factories.initiative(db, community, name="Wijkexpertteam Zwolle-Kampen")
        learning_session = factories.learning_session(db, community, number=2)
        factsheet = factories.published_factsheet(
            db, initiative, learning_session, analysis="The pilot fund ends next year."
        )
        db.commit()

    port = free_port()
    environment = {
        **os.environ,
        "LEERKRING_DATABASE_URL": scratch_database_url,
        "LEERKRING_RENDER_IN_BACKGROUND": "true",
        "LEERKRING_ACCESS_LOG": "false",
    }
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "leerkring"),
            "serve",
            "--workers",
            "2",
            "--port",
            str(port),
        ],
        env=environment,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base_url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base_url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            assert server.poll() is None, "the server stopped"
            time.sleep(0.2)
        with Session(engine) as db:
            queued = jobs.enqueue(db=db, factsheet_ids=[factsheet.id or 0], languages=["en", "nl"])
            db.commit()
        deadline = time.monotonic() + 240
        while True:
            with Session(engine) as db:
                pending = db.exec(
                    select(RenderJob).where(RenderJob.status != RenderJobStatus.done)
                ).all()
            if not pending:
                break
            assert all(job.status != RenderJobStatus.failed for job in pending)
            assert time.monotonic() < deadline, "the jobs were not rendered"
            time.sleep(0.5)
        for _ in range(20):
            assert httpx.get(f"{base_url}/healthz", timeout=10).status_code == 200
    finally:
        server.terminate()
        try:
            _output, errors = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            _output, errors = server.communicate()
            raise AssertionError(errors) from None
    with Session(engine) as db:
        done = db.exec(select(RenderJob)).all()
        documents = db.exec(select(FactsheetDocument)).all()
    engine.dispose()
    assert len(done) == queued == 4
    assert [job.attempts for job in done] == [1, 1, 1, 1]
    assert sorted((d.variant, d.language) for d in documents) == [
        ("full", "en"),
        ("full", "nl"),
        ("plain", "en"),
        ("plain", "nl"),
    ]
    assert errors.count("Started server process") == 2, errors
