"""Demo: what was done with Ingrid Smit's input, and one finding's full trail.

Her session-2 answer to "what do you need monitoring to tell you" ("show families their own
results first") was discussed in session 2's exchange on monitoring; it led to Gezinsteam
Plus's action on the three-month evaluation and became evidence (a learning-session excerpt,
without her name) for the initiative's next factsheet, whose monitoring finding in the
session-3 draft was revised with it and quotes it: evidence → discussed in session 2 → action
→ revised finding in the next version.
"""

from sqlmodel import Session, col, select

from app.actions.models import Action
from app.agendas.models import AgendaItem
from app.community.models import LearningCommunity
from app.demo import content
from app.demo.content import Text
from app.demo.factsheets import MAX_QUOTES
from app.evidence.models import EvidenceOrigin
from app.evidence.schemas import EvidenceCreate
from app.evidence.service import record_evidence
from app.evidence.session_excerpts import session_day, without_name
from app.factsheets.models import Factsheet, FactsheetSection, FactsheetSectionEvidence
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.reflections.models import Reflection, ReflectionFollowUp
from app.vocabulary import (
    EvidenceSource,
    IntegrationLevel,
    PartnershipCondition,
    Perspective,
    ReflectionStatus,
)

DISCUSSED_IN = 2
REVISED_IN = 3
# What the revised finding's analysis adds after session 2's discussion (its plain text, which
# already says that the coach asks each family, stays as the demo's factsheets confirmed it).
ANALYSIS_ADDITION = Text(
    en=(
        " After session 2, where a family representative asked that families see their own "
        "results first, the call at three months starts with the family's own figures from the "
        "dashboard: how long they waited and what they said last time."
    ),
    nl=(
        " Na sessie 2, waar een ervaringsdeskundige vroeg dat gezinnen eerst hun eigen "
        "resultaten zien, begint het gesprek na drie maanden met de eigen cijfers van het gezin "
        "uit het dashboard: hoe lang ze wachtten en wat ze de vorige keer zeiden."
    ),
)


def add_demo_follow_up(db: Session, *, language: str) -> None:
    """Record the follow-up of Ingrid Smit's session-2 reflection and its trail."""
    community = db.exec(
        select(LearningCommunity).where(
            LearningCommunity.name == content.COMMUNITY.name.pick(language)
        )
    ).one()
    sessions = {
        s.number: s
        for s in db.exec(
            select(LearningSession).where(LearningSession.community_id == community.id)
        ).all()
    }
    held = sessions[DISCUSSED_IN]
    people = {
        p.email: p
        for p in db.exec(
            select(Person).where(col(Person.email).in_([content.FAMILY, content.FACILITATOR]))
        ).all()
    }
    ingrid, facilitator = people[content.FAMILY], people[content.FACILITATOR]
    reflection = db.exec(
        select(Reflection)
        .where(
            Reflection.session_id == held.id,
            Reflection.author_id == ingrid.id,
            Reflection.status == ReflectionStatus.submitted,
            col(Reflection.reflective_question_id).is_not(None),
        )
        .order_by(col(Reflection.id))
    ).first()
    assert reflection is not None and reflection.id is not None, "the demo has her answer"
    item = db.exec(
        select(AgendaItem).where(
            AgendaItem.session_id == held.id,
            AgendaItem.reflective_question_id == reflection.reflective_question_id,
        )
    ).one()
    leiden_name = next(spec.name for spec in content.INITIATIVES if spec.key == content.LEIDEN)
    leiden = db.exec(
        select(Initiative).where(
            Initiative.community_id == community.id, Initiative.name == leiden_name
        )
    ).one()
    assert leiden.id is not None and held.id is not None
    # The action on the three-month evaluation followed from her reflection.
    action = db.exec(
        select(Action)
        .where(Action.initiative_id == leiden.id, Action.opened_in_session_id == held.id)
        .order_by(col(Action.id))
    ).first()
    assert action is not None, "the demo agreed an action for Gezinsteam Plus in session 2"
    action.reflection_id = reflection.id
    db.add(action)
    # Her answer, without her name, as evidence for the initiative's next factsheet.
    evidence, _created = record_evidence(
        db=db,
        initiative_id=leiden.id,
        recorded_by_id=facilitator.id,
        data=EvidenceCreate(
            source=EvidenceSource.learning_session_excerpt,
            observed_on=session_day(held),
            perspective=Perspective.family,
            level=IntegrationLevel.organisational,
            conditions=[PartnershipCondition.monitoring],
            quote_consent=True,
            excerpt=without_name(reflection.text, ingrid.name),
        ),
    )
    assert evidence.id is not None
    db.add(
        EvidenceOrigin(
            evidence_item_id=evidence.id,
            session_id=held.id,
            reflection_id=reflection.id,
            agenda_item_id=item.id,
        )
    )
    # The monitoring finding of the session-3 draft: revised with it, and quoting it.
    section = db.exec(
        select(FactsheetSection)
        .join(Factsheet, col(Factsheet.id) == FactsheetSection.factsheet_id)
        .where(
            Factsheet.initiative_id == leiden.id,
            Factsheet.session_id == sessions[REVISED_IN].id,
            FactsheetSection.condition == PartnershipCondition.monitoring,
        )
    ).one()
    assert section.id is not None
    section.analysis += ANALYSIS_ADDITION.pick(language)
    db.add(section)
    # A finding quotes two excerpts at most: hers takes the place of the later one.
    quoted = db.exec(
        select(FactsheetSectionEvidence)
        .where(FactsheetSectionEvidence.section_id == section.id)
        .order_by(col(FactsheetSectionEvidence.position))
    ).all()
    for dropped in quoted[MAX_QUOTES - 1 :]:
        db.delete(dropped)
    db.add(
        FactsheetSectionEvidence(
            section_id=section.id,
            evidence_item_id=evidence.id,
            position=max((q.position for q in quoted[: MAX_QUOTES - 1]), default=-1) + 1,
        )
    )
    db.add(
        ReflectionFollowUp(
            reflection_id=reflection.id,
            discussed_in_item_id=item.id,
            revised_section_id=section.id,
            recorded_by_id=facilitator.id,
        )
    )
    db.flush()
