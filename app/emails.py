"""Outbox emails: Jinja templates under templates/emails/, in the recipient's language.

Each template holds a ``subject`` and a ``body`` block, translated through the same
catalogue as the pages; ``<name>.html`` beside ``<name>.txt``, if there is one, is the HTML
alternative (autoescaped). Rendered emails wait in the outbox (app.invitations'
OutboxMessage) with their attachments; app.mail sends them after the transaction commits,
and without SMTP a facilitator reads and forwards them.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateNotFound
from sqlalchemy import event
from sqlmodel import Session, select

from app.db import utcnow
from app.invitations.models import OutboxAttachment, OutboxMessage
from app.templating import environment

# Set in a session's info when it queued a message; after its commit the sender wakes.
QUEUED_FLAG = "leerkring_mail_queued"


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str  # with its parameters: "text/calendar; method=REQUEST; charset=utf-8"
    data: bytes


@dataclass(frozen=True)
class Email:
    subject: str
    body: str
    html: str = ""


def _block(template: Any, block_name: str, context: dict[str, Any]) -> str:
    render_block = template.blocks[block_name]
    return "".join(render_block(template.new_context(context)))


def render_email(template_name: str, language: str, /, **context: Any) -> Email:
    """``templates/emails/<name>.txt`` (and ``.html`` if there is one) in ``language``."""
    env = environment(language)
    text = env.get_template(f"emails/{template_name}.txt")
    subject, body = _block(text, "subject", context).strip(), _block(text, "body", context)
    try:
        html = env.get_template(f"emails/{template_name}.html")
    except TemplateNotFound:
        return Email(subject=subject, body=body)
    return Email(subject=subject, body=body, html=_block(html, "body", context))


def is_queued(*, db: Session, dedupe_key: str) -> bool:
    """Whether the message with this key was queued before (sent or not)."""
    found = db.exec(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == dedupe_key))
    return found.first() is not None


def queue_email(
    *,
    db: Session,
    community_id: int,
    recipient: str,
    email: Email,
    attachments: Sequence[Attachment] = (),
    dedupe_key: str | None = None,
    session_id: int | None = None,
    person_id: int | None = None,
) -> OutboxMessage:
    """Put a rendered email and its attachments in the community's outbox, to be sent after
    the transaction commits (a message with a ``dedupe_key`` is never queued twice)."""
    message = OutboxMessage(
        community_id=community_id,
        recipient=recipient.strip(),
        subject=" ".join(email.subject.split())[:300],  # one line: no header injection
        body=email.body[:20000],
        html_body=email.html[:100000],
        created_at=utcnow(),
        dedupe_key=dedupe_key,
        session_id=session_id,
        person_id=person_id,
    )
    db.add(message)
    db.flush()
    for position, attachment in enumerate(attachments):
        db.add(
            OutboxAttachment(
                message_id=message.id or 0,
                position=position,
                filename=attachment.filename[:200],
                content_type=attachment.content_type[:100],
                data=attachment.data,
            )
        )
    db.flush()
    wake_sender_after_commit(db=db)
    return message


_commit_listeners: list[Callable[[], None]] = []


def on_commit_of_queued_mail(wake: Callable[[], None]) -> None:
    """Call ``wake()`` after every transaction that queued a message commits."""
    _commit_listeners.append(wake)


def stop_waking(wake: Callable[[], None]) -> None:
    if wake in _commit_listeners:
        _commit_listeners.remove(wake)


def wake_sender_after_commit(*, db: Session) -> None:
    """Messages were queued or made due: the sender looks once this transaction commits."""
    db.info[QUEUED_FLAG] = True


@event.listens_for(Session, "after_commit")
def _after_commit(db: Session) -> None:
    if db.info.pop(QUEUED_FLAG, False):
        for wake in list(_commit_listeners):
            wake()


@event.listens_for(Session, "after_rollback")
def _after_rollback(db: Session) -> None:
    db.info.pop(QUEUED_FLAG, None)
