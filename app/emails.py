"""Outbox emails: Jinja text templates under templates/emails/, in the recipient's language.

Each template holds a ``subject`` and a ``body`` block, translated through the same
catalogue as the pages. Rendered emails wait in the outbox (app.invitations' OutboxMessage):
without SMTP a facilitator reads and forwards them.
"""

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from app.db import utcnow
from app.invitations.models import OutboxMessage
from app.templating import environment


@dataclass(frozen=True)
class Email:
    subject: str
    body: str


def render_email(template_name: str, language: str, /, **context: Any) -> Email:
    """``templates/emails/<name>.txt`` in ``language``, as subject line and plain-text body."""
    template = environment(language).get_template(f"emails/{template_name}.txt")

    def block(block_name: str) -> str:
        render_block = template.blocks[block_name]
        return "".join(render_block(template.new_context(context)))

    return Email(subject=block("subject").strip(), body=block("body"))


def queue_email(*, db: Session, community_id: int, recipient: str, email: Email) -> OutboxMessage:
    """Put a rendered email in the community's outbox."""
    message = OutboxMessage(
        community_id=community_id,
        recipient=recipient,
        subject=email.subject[:300],
        body=email.body[:20000],
        created_at=utcnow(),
    )
    db.add(message)
    db.flush()
    return message
