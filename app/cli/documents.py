"""Rendering from the command line: the queued PDFs, and a session's factsheets to a folder."""

from pathlib import Path
from typing import Annotated

import typer
from sqlmodel import col, select

from app.cli.common import clear_errors, cli, fail, open_database


@cli.command("render-factsheets")
def render_factsheets(
    session_number: Annotated[
        int | None, typer.Option("--session", help="session number (default: the next one)")
    ] = None,
    initiative: Annotated[str | None, typer.Option(help="only this initiative (its name)")] = None,
    out: Annotated[Path | None, typer.Option(help="also write the PDFs to this folder")] = None,
    language: Annotated[str, typer.Option(help="language of the PDFs written: en or nl")] = "en",
) -> None:
    """Render queued PDFs, and write the latest factsheets of a session to a folder."""
    from app.factsheets import jobs, publishing
    from app.factsheets.rendering import renderer
    from app.learning_sessions.models import LearningSession
    from app.vocabulary import SessionStatus

    if language not in ("en", "nl"):
        fail("Choose --language en or nl.")
    database = open_database()
    with clear_errors():
        rendered = jobs.run_pending(database, renderer())
        typer.echo(f"{rendered} queued render job(s) done.")
        if out is None:
            return
        out.mkdir(parents=True, exist_ok=True)
        with database.transaction(write=True) as db:
            query = select(LearningSession).order_by(col(LearningSession.number))
            if session_number is None:
                query = query.where(
                    col(LearningSession.status).in_([SessionStatus.planned, SessionStatus.prepared])
                )
            else:
                query = query.where(LearningSession.number == session_number)
            learning_session = db.exec(query).first()
            if learning_session is None:
                fail("There is no such session.")
            written = 0
            for name, pdf in publishing.session_documents(
                db=db,
                learning_session=learning_session,
                language=language,
                renderer=renderer(),
                initiative_name=initiative,
            ):
                (out / name).write_bytes(pdf)
                written += 1
        typer.echo(f"{written} file(s) written to {out}.")
