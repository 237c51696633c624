"""Mail from the command line: send the outbox, and queue and send the reminders."""

from typing import Annotated

import typer

from app.cli.common import clear_errors, cli, open_database
from app.config import get_settings

RetryNow = Annotated[
    bool, typer.Option("--retry-now", help="also retry failed messages whose wait is not over")
]


def _report(sent: int, failed: int, waiting: int) -> None:
    from app.mail.sending import smtp_configured

    if not smtp_configured(get_settings()):
        typer.echo(
            f"No mail server set up (LEERKRING_SMTP_HOST): {waiting} message(s) wait in the "
            "outbox page."
        )
        return
    typer.echo(f"{sent} message(s) sent, {failed} failed; {waiting} still queued.")


@cli.command("send-mail")
def send_mail(retry_now: RetryNow = False) -> None:
    """Send the queued messages (without a mail server they stay in the outbox page)."""
    from app.db import utcnow
    from app.mail.sending import RETRY_AFTER, send_pending

    with clear_errors():
        # --retry-now: as if every back-off were over.
        now = utcnow() + RETRY_AFTER[-1] if retry_now else None
        report = send_pending(open_database(), get_settings(), now=now)
        _report(report.sent, report.failed, report.waiting)


@cli.command("send-reminders")
def send_reminders() -> None:
    """Queue the reminders due (LEERKRING_REMINDER_DAYS before a session, and to answer the
    questions addressed to someone), each only once ever; then send the outbox."""
    from app.mail.reminders import run_reminders

    with clear_errors():
        queued, report = run_reminders(open_database(), get_settings())
        typer.echo(f"{queued} reminder(s) queued.")
        _report(report.sent, report.failed, report.waiting)
