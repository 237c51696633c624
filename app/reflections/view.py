"""What the participant's reflection page shows: the session, how to get there, what to
read, the consent, and one place to answer per question, factsheet, dilemma and the session
in general. A fixed number of queries however many questions there are."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from app.auth.principal import Principal
from app.community.models import LearningCommunity
from app.learning_sessions.models import LearningSession
from app.reflections import consent, service, visibility
from app.reflections.models import Reflection
from app.reflections.schemas import ReflectionForm
from app.reflections.service import ReflectionConflictError
from app.reflections.targets import Target, TargetKind


@dataclass
class Slot:
    """One place to answer: what it answers, the author's reflection on it if any, and the
    form as it is shown (stored, or as typed when it was refused)."""

    target: Target
    title: str
    detail: str = ""
    reflection: Reflection | None = None
    form: ReflectionForm = field(default_factory=ReflectionForm)
    errors: dict[str, str] = field(default_factory=dict)
    conflict: ReflectionConflictError | None = None
    notice: str = ""  # a refusal's message (deadline passed, hidden), shown by the slot

    @property
    def key(self) -> str:
        return self.target.key

    @property
    def target_value(self) -> str:
        return "general" if self.target.id is None else f"{self.target.kind}:{self.target.id}"


@dataclass
class Refused:
    """A refused post, shown again in its slot: what was typed, why, and the stored text."""

    form: ReflectionForm
    errors: dict[str, str] = field(default_factory=dict)
    conflict: ReflectionConflictError | None = None
    notice: str = ""


def keep_until(period_end: date | None) -> date | None:
    """Reflections are kept until the end of the community's period plus a year."""
    if period_end is None:
        return None
    try:
        return period_end.replace(year=period_end.year + 1)
    except ValueError:  # 29 February
        return period_end.replace(year=period_end.year + 1, day=28)


def page_context(
    *,
    db: Session,
    learning_session: LearningSession,
    principal: Principal,
    refused: dict[str, Refused] | None = None,
) -> dict[str, Any]:
    refused = refused or {}
    person_id = principal.person_id
    state = consent.consent_state(db=db, person_id=person_id)
    community = db.get(LearningCommunity, learning_session.community_id)
    assert community is not None  # a session belongs to its community (RESTRICT)
    questions = service.questions_for(db=db, learning_session=learning_session, person_id=person_id)
    factsheets = service.published_factsheets(db=db, learning_session=learning_session)
    dilemmas = service.dilemmas_on_agenda(db=db, learning_session=learning_session)
    mine = service.reflections_by_target(
        service.my_reflections(db=db, learning_session=learning_session, author_id=person_id)
    )
    perspective = service.perspective_of(db=db, person_id=person_id)

    def slot(target: Target, title: str, detail: str = "") -> Slot:
        reflection = mine.get(target.key)
        made = Slot(target=target, title=title, detail=detail, reflection=reflection)
        if reflection is not None:
            made.form = ReflectionForm.of(reflection)
        again = refused.get(target.key)
        if again is not None:
            made.form, made.errors = again.form, again.errors
            made.conflict, made.notice = again.conflict, again.notice
            if again.conflict is not None and again.conflict.stored is not None:
                # Saving again is a deliberate choice over the stored text, shown beside it.
                made.form.version = str(again.conflict.stored.version)
        return made

    question_slots = [
        slot(
            Target(TargetKind.question, q.id),
            q.plain_text or q.text,
            q.text if q.plain_text else "",
        )
        for q in questions
    ]
    factsheet_slots = [slot(Target(TargetKind.factsheet, f.id), name) for f, name in factsheets]
    dilemma_slots = [slot(Target(TargetKind.dilemma, d.id), d.title, name) for d, name in dilemmas]
    general = slot(Target(TargetKind.general), "")
    open_now = service.is_open(learning_session)
    return {
        "learning_session": learning_session,
        "community": community,
        "keep_until": keep_until(community.period_end),
        "consent": state,
        "question_slots": question_slots,
        "factsheet_slots": factsheet_slots,
        "dilemma_slots": dilemma_slots,
        "general_slot": general,
        "factsheets": factsheets,
        "agenda_published": learning_session.agenda_published_at is not None,
        "editable_until": service.editable_until(learning_session),
        "is_open": open_now,
        "may_write": state.may_write and open_now,
        "as_perspective": visibility.anonymous_name(perspective),
        "writer_name": principal.name,
        "text_limit": service.TEXT_LIMIT,
    }
