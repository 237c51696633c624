"""Sending the outbox by SMTP, after the transaction that queued a message has committed.

A message is a row: a sender claims one that is due (on PostgreSQL with FOR UPDATE SKIP
LOCKED, so several app instances never take the same one), counts the attempt, sends it
outside any transaction, then records ``sent_at`` or the error. A failed message stays
queued and is tried again after a back-off; nothing is ever dropped. Without an SMTP host
nothing is sent: the messages wait in the outbox page for a facilitator to forward.
"""

import logging
import smtplib
import ssl
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.config import Settings
from app.db import Database, utcnow
from app.emails import on_commit_of_queued_mail, stop_waking
from app.invitations.models import OutboxAttachment, OutboxMessage

logger = logging.getLogger(__name__)
# Wait after the 1st, 2nd, ... failed attempt; the last one repeats for ever.
RETRY_AFTER = tuple(timedelta(minutes=m) for m in (1, 5, 15, 60, 240))
CLAIM_BATCH = 50


def smtp_configured(settings: Settings) -> bool:
    return bool(settings.smtp_host.strip())


def retry_after(attempts: int, settings: Settings) -> timedelta:
    """How long a message waits after ``attempts`` tries; never less than one send may take,
    so a message being sent is not claimed again meanwhile."""
    wait = RETRY_AFTER[min(max(attempts, 1), len(RETRY_AFTER)) - 1]
    return max(wait, timedelta(seconds=settings.smtp_timeout_seconds + 30))


def is_due(message: OutboxMessage, now: datetime, settings: Settings) -> bool:
    if message.sent_at is not None:
        return False
    if message.last_attempt_at is None:
        return True
    return message.last_attempt_at + retry_after(message.attempts, settings) <= now


@dataclass(frozen=True)
class ClaimedMessage:
    message_id: int
    recipient: str
    subject: str
    body: str
    html: str
    attachments: list[tuple[str, str, bytes]]  # filename, content type, data


def claim(database: Database, settings: Settings, *, now: datetime) -> ClaimedMessage | None:
    """Take the oldest message that is due, counting the attempt; None when none is due."""
    with database.transaction(write=True) as db:
        query = (
            select(OutboxMessage)
            .where(col(OutboxMessage.sent_at).is_(None))
            .order_by(func.coalesce(OutboxMessage.last_attempt_at, OutboxMessage.created_at))
            .order_by(col(OutboxMessage.id))
            .limit(CLAIM_BATCH)
        )
        if not database.is_sqlite:
            query = query.with_for_update(skip_locked=True)
        message = next((m for m in db.exec(query) if is_due(m, now, settings)), None)
        if message is None:
            return None
        message.attempts += 1
        message.last_attempt_at = now
        attachments = db.exec(
            select(OutboxAttachment)
            .where(OutboxAttachment.message_id == message.id)
            .order_by(col(OutboxAttachment.position))
        ).all()
        return ClaimedMessage(
            message_id=message.id or 0,
            recipient=message.recipient,
            subject=message.subject,
            body=message.body,
            html=message.html_body,
            attachments=[(a.filename, a.content_type, a.data) for a in attachments],
        )


def finish(database: Database, message_id: int, *, error: str = "") -> None:
    with database.transaction(write=True) as db:
        message = db.get(OutboxMessage, message_id)
        if message is None:
            return
        if error:
            message.last_error = error[:2000]
        else:
            message.sent_at = utcnow()
            message.last_error = ""


def _content_type(value: str) -> tuple[str, str, dict[str, str]]:
    kind, *parameters = (part.strip() for part in value.split(";"))
    maintype, _, subtype = kind.partition("/")
    params = dict(p.partition("=")[::2] for p in parameters if "=" in p)
    return maintype.lower(), subtype.lower(), {k.lower(): v.strip('"') for k, v in params.items()}


def build_message(claimed: ClaimedMessage, *, sender: str, domain: str) -> EmailMessage:
    """Text and HTML alternatives; a calendar file also as the text/calendar alternative
    (method= as in its METHOD), which calendars read; PDFs attached."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = claimed.recipient
    message["Subject"] = claimed.subject
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(claimed.body)
    if claimed.html:
        message.add_alternative(claimed.html, subtype="html")
    files = []
    for filename, content_type, data in claimed.attachments:
        maintype, subtype, params = _content_type(content_type)
        if (maintype, subtype) == ("text", "calendar"):
            method = params.get("method", "REQUEST")
            message.add_alternative(
                data.decode("utf-8"), subtype="calendar", params={"method": method}
            )
            files.append((filename, "application", "ics", data))
        else:
            files.append((filename, maintype, subtype, data))
    # After the alternatives: the first attachment turns the message into multipart/mixed.
    for filename, maintype, subtype, data in files:
        message.add_attachment(data, maintype, subtype, filename=filename)
    return message


def deliver(message: EmailMessage, settings: Settings) -> None:
    """One conversation with the server: STARTTLS and login when configured."""
    with smtplib.SMTP(
        settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds
    ) as smtp:
        smtp.ehlo()
        if settings.smtp_starttls:
            smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo()
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password.get_secret_value())
        smtp.send_message(message)


def _text(reply: bytes | str) -> str:
    return reply.decode(errors="replace") if isinstance(reply, bytes) else reply


def _describe(error: Exception) -> str:
    """The server's answer ("550 Mailbox unavailable"), or what went wrong on the way."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{code} {_text(reply)}" for code, reply in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_text(error.smtp_error)}"
    return f"{type(error).__name__}: {error}"


@dataclass(frozen=True)
class SendReport:
    sent: int
    failed: int
    waiting: int  # still queued afterwards (failed, waiting for a retry, or no SMTP)


def waiting_count(*, db: Session) -> int:
    return db.exec(
        select(func.count()).select_from(OutboxMessage).where(col(OutboxMessage.sent_at).is_(None))
    ).one()


def send_pending(
    database: Database, settings: Settings, *, now: datetime | None = None
) -> SendReport:
    """Send every message that is due; each failure is recorded on its row."""
    sent = failed = 0
    if smtp_configured(settings):
        moment = now or utcnow()
        while (claimed := claim(database, settings, now=moment)) is not None:
            try:
                deliver(
                    build_message(claimed, sender=settings.sender, domain=settings.public_host),
                    settings,
                )
            except (smtplib.SMTPException, OSError, ValueError) as error:  # incl. Unicode
                failed += 1
                logger.warning("message %s not sent: %s", claimed.message_id, _describe(error))
                finish(database, claimed.message_id, error=_describe(error))
            else:
                sent += 1
                finish(database, claimed.message_id)
    with database.transaction(write=False) as db:
        return SendReport(sent=sent, failed=failed, waiting=waiting_count(db=db))


class MailWorker:
    """A thread that sends the outbox: woken after each commit that queued mail, and every
    ``poll_seconds`` anyway (for retries, and for messages other instances queued)."""

    def __init__(self, database: Database, settings: Settings, *, poll_seconds: float = 30.0):
        self.database = database
        self.settings = settings
        self.poll_seconds = poll_seconds
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        on_commit_of_queued_mail(self.wake)
        self._thread = threading.Thread(target=self._loop, name="mail-worker", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        stop_waking(self.wake)
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=self.settings.smtp_timeout_seconds + 5)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                send_pending(self.database, self.settings)
            except Exception:
                logger.exception("could not send the outbox")
            self._wake.wait(self.poll_seconds)
