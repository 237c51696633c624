"""What was done with your input: per submitted reflection of an author, whether it was
discussed (in which agenda item), the actions that followed, and the revised finding.

For the author's own page; a session-scoped personal link shows that session's only. The
revised finding's words are shown once its factsheet is published (drafts are for the
initiative's members), or to those who read the initiative's drafts. Two statements.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.actions.models import Action
from app.agendas.models import AgendaItem
from app.auth import policy
from app.auth.principal import Principal
from app.factsheets.models import Factsheet, FactsheetSection
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.reflections.models import Reflection, ReflectionFollowUp
from app.vocabulary import FactsheetStatus, PartnershipCondition, ReflectionStatus

EXCERPT = 160  # characters of the reflection, to recognise it by
FINDING = 400  # characters of the revised finding


@dataclass(frozen=True)
class FollowedAction:
    title: str
    initiative: str
    due_date: date | None


@dataclass(frozen=True)
class RevisedFinding:
    initiative: str
    condition: PartnershipCondition
    session_number: int
    text: str  # "" while the factsheet is a draft the reader may not read


@dataclass(frozen=True)
class InputOutcome:
    reflection_id: int
    session_number: int
    excerpt: str
    discussed_in: str | None  # the agenda item's title; None: not discussed (yet)
    actions: tuple[FollowedAction, ...]
    revised: RevisedFinding | None


def _excerpt(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    # At a word's end, so a family representative recognises the words they wrote.
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:") + "…"


def input_outcomes(
    *, db: Session, learning_session: LearningSession, reader: Principal
) -> list[InputOutcome]:
    """The reader's submitted reflections of this session and the earlier ones they may
    open, newest session first, each with what was done with it."""
    revised_session = aliased(LearningSession)
    sessions_seen = col(LearningSession.number) <= learning_session.number
    scope = policy.session_scope(reader)
    rows = db.exec(
        select(  # type: ignore[call-overload]
            Reflection,
            LearningSession.number,
            AgendaItem.title,
            FactsheetSection,
            Factsheet.status,
            Factsheet.initiative_id,
            Initiative.name,
            revised_session.number,
        )
        .join(LearningSession, col(LearningSession.id) == Reflection.session_id)
        .outerjoin(ReflectionFollowUp, col(ReflectionFollowUp.reflection_id) == Reflection.id)
        .outerjoin(AgendaItem, col(AgendaItem.id) == ReflectionFollowUp.discussed_in_item_id)
        .outerjoin(
            FactsheetSection, col(FactsheetSection.id) == ReflectionFollowUp.revised_section_id
        )
        .outerjoin(Factsheet, col(Factsheet.id) == FactsheetSection.factsheet_id)
        .outerjoin(Initiative, col(Initiative.id) == Factsheet.initiative_id)
        .outerjoin(revised_session, col(revised_session.id) == Factsheet.session_id)
        .where(
            Reflection.author_id == reader.person_id,
            Reflection.status == ReflectionStatus.submitted,
            LearningSession.community_id == learning_session.community_id,
            sessions_seen if scope is None else col(Reflection.session_id) == scope,
        )
        .order_by(col(LearningSession.number).desc(), col(Reflection.id))
    ).all()
    ids = [row[0].id for row in rows]
    followed: dict[int, list[FollowedAction]] = {}
    for title, due_date, name, reflection_id in db.exec(
        select(Action.title, col(Action.due_date), Initiative.name, col(Action.reflection_id))
        .join(Initiative, col(Initiative.id) == Action.initiative_id)
        .where(col(Action.reflection_id).in_(ids))
        .order_by(col(Action.id))
    ).all():
        followed.setdefault(reflection_id or 0, []).append(FollowedAction(title, name, due_date))
    outcomes = []
    for reflection, number, item_title, section, status, initiative_id, name, later in rows:
        revised = None
        if section is not None:
            readable = status == FactsheetStatus.published or policy.reads_initiative_drafts(
                reader, initiative_id
            )
            words = section.plain_text.strip() or section.analysis
            revised = RevisedFinding(
                initiative=name,
                condition=PartnershipCondition(section.condition),
                session_number=later,
                text=_excerpt(words, FINDING) if readable else "",
            )
        outcomes.append(
            InputOutcome(
                reflection_id=reflection.id or 0,
                session_number=number,
                excerpt=_excerpt(reflection.text, EXCERPT),
                discussed_in=item_title,
                actions=tuple(followed.get(reflection.id or 0, ())),
                revised=revised,
            )
        )
    return outcomes
