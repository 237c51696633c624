"""A first plain-language text for a section, for the researcher to rewrite and confirm.

The rule, so a researcher can see where each sentence comes from: take the first sentence of
the analysis, of what helps (facilitators) and of what gets in the way (barriers), in that
order; leave out everything in parentheses; cut each at semicolons and colons into sentences
of their own; start each with a capital and end it with a full stop. It is a suggestion: it
never reaches the plain-language factsheet until the researcher confirms it.
"""

import re

from app.factsheets.models import FactsheetSection
from app.factsheets.readability import sentences

_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_CLAUSE_BREAK = re.compile(r"\s*[;:]\s+")


def first_sentence(text: str) -> str:
    found = sentences(text)
    return text[found[0].start : found[0].end] if found else ""


def _short_sentences(sentence: str) -> list[str]:
    without_asides = _PARENTHESES.sub("", sentence)
    pieces = []
    for clause in _CLAUSE_BREAK.split(without_asides):
        clause = " ".join(clause.split()).strip(" ,.;:!?")
        if clause:
            pieces.append(clause[0].upper() + clause[1:] + ".")
    return pieces


def suggestion(section: FactsheetSection) -> str:
    """The suggested plain text of a section; empty when the section has no text yet."""
    chosen = []
    for text in (section.analysis, section.facilitators, section.barriers):
        chosen.extend(_short_sentences(first_sentence(text)))
    return " ".join(chosen)


def needs_plain_text(section: FactsheetSection) -> bool:
    """A section with any text needs a confirmed plain text before it is published."""
    return bool(
        section.analysis.strip() or section.facilitators.strip() or section.barriers.strip()
    )


def confirmed(section: FactsheetSection) -> bool:
    return section.plain_confirmed_at is not None and bool(section.plain_text.strip())
