"""What reviewers read and write: comments on a version in review, what changed since the last."""

import difflib
import re
from collections.abc import Sequence

from sqlmodel import Session, col, select

from app.auth.principal import Principal
from app.errors import ConflictError, FieldProblem, InvalidInputError
from app.factsheets.models import Factsheet
from app.labels import N_
from app.people.models import Person
from app.reflections.models import Reflection
from app.vocabulary import FactsheetStatus, Perspective, ReflectionVisibility, Role

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentence_diff(before: str, after: str) -> list[tuple[str, str]]:
    """A readable diff by sentence: (kind, text) with kind "same", "added" or "removed"."""
    old = [s for s in _SENTENCE_END.split(before.strip()) if s]
    new = [s for s in _SENTENCE_END.split(after.strip()) if s]
    lines: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            lines.extend(("same", s) for s in old[i1:i2])
        else:
            lines.extend(("removed", s) for s in old[i1:i2])
            lines.extend(("added", s) for s in new[j1:j2])
    return lines


def review_comments(*, db: Session, factsheet: Factsheet) -> Sequence[tuple[Reflection, str]]:
    """Comments on this version, oldest first, with their authors' names."""
    return db.exec(
        select(Reflection, Person.name)
        .outerjoin(Person, col(Person.id) == Reflection.author_id)
        .where(Reflection.factsheet_id == factsheet.id)
        .order_by(col(Reflection.created_at), col(Reflection.id))
    ).all()


def comment_perspective(author: Principal, initiative_id: int) -> Perspective:
    """Whose view a comment gives: local government, an organisation, or the professionals."""
    roles = author.roles_in(initiative_id)
    if Role.policymaker in roles:
        return Perspective.local_government
    if Role.manager in roles:
        return Perspective.organisation
    return Perspective.professional


def add_review_comment(
    *, db: Session, factsheet: Factsheet, author: Principal, text: str
) -> Reflection:
    """Members comment while a version is in review; the researcher reads them before publishing."""
    if factsheet.status != FactsheetStatus.in_review:
        raise ConflictError(N_("Comments are collected while a factsheet is in review."))
    if not text.strip():
        raise InvalidInputError(N_("Write a comment first."), [FieldProblem("text", "is empty")])
    comment = Reflection(
        author_id=author.person_id,
        session_id=factsheet.session_id,
        factsheet_id=factsheet.id,
        perspective=comment_perspective(author, factsheet.initiative_id),
        visibility=ReflectionVisibility.session,
        text=text.strip(),
    )
    db.add(comment)
    db.flush()
    return comment
