"""Outbox emails: Jinja text templates under templates/emails/, in the recipient's language.

Each template holds a ``subject`` and a ``body`` block, translated through the same
catalogue as the pages.
"""

from dataclasses import dataclass
from typing import Any

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
