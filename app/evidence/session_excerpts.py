"""Evidence from a learning session (the action-research trail): a discussed reflection, or
an excerpt of an agenda item's minutes, becomes an evidence item (source: learning-session
excerpt) of an initiative, for its next factsheet, with an ``EvidenceOrigin`` saying where it
came from.

A reflection only with its author's evidence consent (given on the reflection and not
withdrawn since), and anonymised: the excerpt is the reflection's text with the author's
name taken out, never their name; its perspective is the reflection's.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict
from sqlmodel import Session, col, select

from app.agendas.models import AgendaItem, ReflectiveQuestion
from app.auth import policy
from app.auth.principal import Principal
from app.contributions.models import Dilemma
from app.errors import FieldProblem, ForbiddenError, InvalidInputError, NotFoundError
from app.evidence.models import EvidenceItem, EvidenceOrigin
from app.evidence.schemas import Conditions, EvidenceCreate, Excerpt
from app.evidence.service import record_evidence
from app.factsheets.models import Factsheet
from app.forms import FormChoices, FormLine, FormParagraph
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.reflections import consent, visibility
from app.reflections.models import Reflection, ReflectionFollowUp
from app.schemas import EntityId
from app.vocabulary import (
    EvidenceSource,
    IntegrationLevel,
    PartnershipCondition,
    Perspective,
    ReflectionStatus,
)

NO_CONSENT = N_(
    "The author has not allowed this reflection to be used as evidence, so it cannot become "
    "evidence. Nothing was stored."
)
NOT_DISCUSSED = N_("Mark the reflection as discussed in the session first.")
INITIATIVE_MESSAGE = N_("Choose an initiative you record evidence for.")
NAME_REPLACEMENT = "[…]"
EXCERPT_MESSAGES = {
    "initiative_id": INITIATIVE_MESSAGE,
    "conditions": N_("Tick one to four partnership conditions."),
    "level": N_("Choose a level of integration."),
    "perspective": N_("Choose whose perspective the excerpt gives."),
    "excerpt": N_("Keep an excerpt of 1 to 8000 characters."),
}


class SessionExcerptData(BaseModel):
    model_config = ConfigDict(extra="ignore")

    initiative_id: EntityId
    conditions: Conditions
    level: IntegrationLevel
    # Minutes only: a reflection gives its own perspective, text and consent.
    perspective: Perspective = Perspective.professional
    excerpt: Annotated[str, Excerpt] | None = None
    quote_consent: bool = False


class SessionExcerptForm(BaseModel):
    """A session excerpt as posted."""

    initiative_id: FormLine = ""
    conditions: FormChoices = []
    level: FormLine = ""
    perspective: FormLine = "professional"
    excerpt: FormParagraph = ""
    quote_consent: FormLine = ""

    def to_data(self, *, with_excerpt: bool) -> SessionExcerptData:
        return SessionExcerptData.model_validate(
            {
                **self.model_dump(),
                "initiative_id": self.initiative_id.strip(),
                "excerpt": self.excerpt if with_excerpt else None,
                "quote_consent": bool(self.quote_consent),
            }
        )


@dataclass(frozen=True)
class ExcerptSource:
    """What an excerpt is made of and what the form starts with."""

    learning_session: LearningSession
    text: str  # the anonymised reflection text, or the item's minutes
    perspective: Perspective | None  # a reflection's; minutes: chosen
    initiative_id: int | None  # what the reflection is about, if an initiative
    condition: PartnershipCondition | None
    title: str  # the agenda item's title (discussed in, or the minutes' item)
    reflection: Reflection | None = None
    item: AgendaItem | None = None


def session_day(learning_session: LearningSession) -> date:
    return learning_session.starts_at.astimezone(ZoneInfo(learning_session.timezone)).date()


def without_name(text: str, name: str | None) -> str:
    """The text with the author's name, and each part of it, taken out (whole words, any case)."""
    if not name:
        return text
    parts = sorted({name.strip(), *name.split()}, key=len, reverse=True)
    for part in parts:
        if len(part) >= 2:
            pattern = re.compile(rf"(?<!\w){re.escape(part)}(?!\w)", re.IGNORECASE)
            text = pattern.sub(NAME_REPLACEMENT, text)
    return text


def consent_holds(db: Session, reflection: Reflection) -> bool:
    """Evidence consent on the reflection, and not withdrawn by its author since."""
    if not reflection.evidence_consent:
        return False
    if reflection.author_id is None:  # erased: kept anonymised only where they consented
        return True
    state = consent.consent_state(db=db, person_id=reflection.author_id)
    return state.quoted_as_evidence or not state.asked


def initiative_choices(
    *, db: Session, learning_session: LearningSession, viewer: Principal
) -> list[tuple[str, str]]:
    """The community's initiatives the viewer records evidence for."""
    rows = db.exec(
        select(Initiative.id, Initiative.name)
        .where(Initiative.community_id == learning_session.community_id)
        .order_by(col(Initiative.name))
    ).all()
    return [(str(i), name) for i, name in rows if policy.records_evidence(viewer, i or 0)]


def reflection_source(
    *, db: Session, learning_session: LearningSession, reflection_id: int, viewer: Principal
) -> ExcerptSource:
    """A discussed reflection of the session, with consent, as an excerpt's source; one the
    viewer may not read does not exist; without consent: 403, undiscussed: 422."""
    row = db.exec(
        select(Reflection, Person.name, ReflectionFollowUp, AgendaItem.title)
        .outerjoin(Person, col(Person.id) == Reflection.author_id)
        .outerjoin(ReflectionFollowUp, col(ReflectionFollowUp.reflection_id) == Reflection.id)
        .outerjoin(AgendaItem, col(AgendaItem.id) == ReflectionFollowUp.discussed_in_item_id)
        .where(
            Reflection.id == reflection_id,
            Reflection.session_id == learning_session.id,
            Reflection.status == ReflectionStatus.submitted,
            col(Reflection.hidden_at).is_(None),
            visibility.readable(viewer),
        )
    ).first()
    if row is None:
        raise NotFoundError(
            N_("There is no reflection with id %(id)s."), arguments={"id": reflection_id}
        )
    reflection, author_name, follow_up, item_title = row
    if not consent_holds(db, reflection):
        raise ForbiddenError(NO_CONSENT)
    if follow_up is None or follow_up.discussed_in_item_id is None:
        raise InvalidInputError(NOT_DISCUSSED)
    initiative_id, condition = _about(db, reflection)
    return ExcerptSource(
        learning_session=learning_session,
        text=without_name(reflection.text, author_name),
        perspective=Perspective(reflection.perspective),
        initiative_id=initiative_id,
        condition=condition,
        title=item_title or "",
        reflection=reflection,
    )


def _about(db: Session, reflection: Reflection) -> tuple[int | None, PartnershipCondition | None]:
    """The initiative and condition a reflection speaks to, where what it answers says so."""
    if reflection.dilemma_id is not None:
        dilemma = db.get(Dilemma, reflection.dilemma_id)
        if dilemma is not None:
            return dilemma.initiative_id, PartnershipCondition(dilemma.condition)
    if reflection.factsheet_id is not None:
        factsheet = db.get(Factsheet, reflection.factsheet_id)
        return (factsheet.initiative_id if factsheet else None), None
    if reflection.reflective_question_id is not None:
        question = db.get(ReflectiveQuestion, reflection.reflective_question_id)
        return None, PartnershipCondition(question.condition) if question else None
    return None, None


def minutes_source(
    *, db: Session, learning_session: LearningSession, item_id: int
) -> ExcerptSource:
    """An agenda item of the session with minutes, as an excerpt's source."""
    item = db.get(AgendaItem, item_id)
    if item is None or item.session_id != learning_session.id or not item.minutes.strip():
        raise NotFoundError(
            N_("There is no agenda item with minutes with id %(id)s."), arguments={"id": item_id}
        )
    initiative_id, condition = None, None
    if item.dilemma_id is not None and (dilemma := db.get(Dilemma, item.dilemma_id)):
        initiative_id, condition = dilemma.initiative_id, PartnershipCondition(dilemma.condition)
    elif item.reflective_question_id is not None:
        question = db.get(ReflectiveQuestion, item.reflective_question_id)
        condition = PartnershipCondition(question.condition) if question else None
    return ExcerptSource(
        learning_session=learning_session,
        text=item.minutes,
        perspective=None,
        initiative_id=initiative_id,
        condition=condition,
        title=item.title,
        item=item,
    )


def record_session_excerpt(
    *, db: Session, source: ExcerptSource, data: SessionExcerptData, by: Principal
) -> tuple[EvidenceItem, bool]:
    """Store the excerpt as evidence of the chosen initiative with where it came from;
    (the existing item, False) when the same excerpt is stored already."""
    if not policy.records_evidence(by, data.initiative_id) or _foreign(db, source, data):
        raise InvalidInputError(
            N_("Check the marked fields."), [FieldProblem("initiative_id", INITIATIVE_MESSAGE)]
        )
    reflection = source.reflection
    if reflection is not None:
        if not consent_holds(db, reflection):  # withdrawn since the form was opened
            raise ForbiddenError(NO_CONSENT)
        excerpt, perspective, quotable = source.text, Perspective(reflection.perspective), True
    else:
        excerpt, perspective, quotable = data.excerpt or "", data.perspective, data.quote_consent
    item, created = record_evidence(
        db=db,
        initiative_id=data.initiative_id,
        recorded_by_id=by.person_id,
        data=EvidenceCreate(
            source=EvidenceSource.learning_session_excerpt,
            observed_on=session_day(source.learning_session),
            perspective=perspective,
            level=data.level,
            conditions=data.conditions,
            quote_consent=quotable,
            excerpt=excerpt,
        ),
    )
    if created:
        assert item.id is not None and source.learning_session.id is not None
        db.add(
            EvidenceOrigin(
                evidence_item_id=item.id,
                session_id=source.learning_session.id,
                reflection_id=None if reflection is None else reflection.id,
                agenda_item_id=None if source.item is None else source.item.id,
            )
        )
        db.flush()
    return item, created


def _foreign(db: Session, source: ExcerptSource, data: SessionExcerptData) -> bool:
    initiative = db.get(Initiative, data.initiative_id)
    return initiative is None or initiative.community_id != source.learning_session.community_id


@dataclass(frozen=True)
class SessionSources:
    """What of a session can become evidence: discussed reflections with consent that the
    viewer reads (anonymised), and agenda items with minutes."""

    reflections: list[tuple[int, str, str]]  # id, anonymised text, discussed in
    items: list[AgendaItem]
    used_reflections: set[int] = field(default_factory=set)  # already evidence
    used_items: set[int] = field(default_factory=set)


def session_sources(
    *, db: Session, learning_session: LearningSession, viewer: Principal
) -> SessionSources:
    rows = db.exec(
        select(Reflection, Person.name, AgendaItem.title)
        .join(ReflectionFollowUp, col(ReflectionFollowUp.reflection_id) == Reflection.id)
        .join(AgendaItem, col(AgendaItem.id) == ReflectionFollowUp.discussed_in_item_id)
        .outerjoin(Person, col(Person.id) == Reflection.author_id)
        .where(
            Reflection.session_id == learning_session.id,
            Reflection.status == ReflectionStatus.submitted,
            col(Reflection.hidden_at).is_(None),
            col(Reflection.evidence_consent).is_(True),
            visibility.readable(viewer),
        )
        .order_by(col(AgendaItem.position), col(Reflection.id))
    ).all()
    items = db.exec(
        select(AgendaItem)
        .where(AgendaItem.session_id == learning_session.id, AgendaItem.minutes != "")
        .order_by(col(AgendaItem.position), col(AgendaItem.id))
    ).all()
    used = db.exec(
        select(EvidenceOrigin.reflection_id, EvidenceOrigin.agenda_item_id).where(
            EvidenceOrigin.session_id == learning_session.id
        )
    ).all()
    return SessionSources(
        used_reflections={rid for rid, item_id in used if rid is not None},
        used_items={item_id for rid, item_id in used if rid is None and item_id is not None},
        reflections=[
            (reflection.id or 0, without_name(reflection.text, name), title)
            for reflection, name, title in rows
            if consent_holds(db, reflection)
        ],
        items=list(items),
    )
