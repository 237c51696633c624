import pytest
from sqlmodel import Session, col, select

from app.agendas.models import ReflectiveQuestion
from app.errors import ConflictError, InvalidInputError
from app.evidence.models import EvidenceItem
from app.factsheets import service
from app.factsheets.schemas import SectionUpdate
from app.factsheets.view import build_view, key_point
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.vocabulary import FactsheetStatus, PartnershipCondition, Perspective, Role, SessionStatus
from tests import factories

ROLES = PartnershipCondition.roles


@pytest.fixture
def prepared(db: Session) -> tuple[Initiative, LearningSession, LearningSession]:
    """An initiative with members and evidence; session 2 was held, session 3 is being prepared."""
    community = factories.community(db)
    initiative = factories.initiative(db, community, name="Wijkexpertteam Zwolle-Kampen")
    elsewhere = factories.initiative(db, community, name="IST Groningen-Ommelanden")
    for role in (Role.practitioner, Role.manager):
        factories.membership(db, factories.person(db, community), role, initiative)
    for perspective in (Perspective.family, Perspective.professional, Perspective.organisation):
        factories.evidence_item(db, initiative, perspective=perspective)
    factories.evidence_item(db, initiative, quote_consent=False)
    factories.evidence_item(db, elsewhere)
    factories.learning_session(db, community, number=1, status=SessionStatus.held)
    held = factories.learning_session(db, community, number=2, status=SessionStatus.held)
    preparing = factories.learning_session(db, community, number=3)
    factories.reflective_question(db, preparing)
    factories.reflective_question(db, preparing, target_roles=[Role.family_representative])
    factories.reflective_question(db, preparing, target_roles=[Role.policymaker])
    return initiative, held, preparing


def quotable(db: Session, initiative: Initiative) -> list[int]:
    return [
        i.id or 0
        for i in db.exec(
            select(EvidenceItem).where(
                EvidenceItem.initiative_id == initiative.id,
                col(EvidenceItem.quote_consent).is_(True),
            )
        ).all()
    ]


def publish(db: Session, factsheet_id: int) -> None:
    factsheet = service.get_factsheet(db=db, factsheet_id=factsheet_id)
    service.change_status(db=db, factsheet=factsheet, status=FactsheetStatus.in_review)
    service.change_status(db=db, factsheet=factsheet, status=FactsheetStatus.published)


def test_draft_edit_publish_then_a_new_draft_version(
    db: Session, prepared: tuple[Initiative, LearningSession, LearningSession]
) -> None:
    initiative, _, preparing = prepared
    draft = service.start_draft(db=db, initiative=initiative, learning_session=preparing)
    assert [s.condition for s in draft.sections] == sorted(PartnershipCondition)
    assert (
        service.start_draft(db=db, initiative=initiative, learning_session=preparing).id == draft.id
    )

    quote = quotable(db, initiative)[0]
    service.update_section(
        db=db,
        factsheet=draft,
        condition=ROLES,
        data=SectionUpdate(
            version=1,
            analysis="Nobody is the family's single contact.",
            evidence_ids=[quote],
            plain_text="No one is the family's one contact.",
            plain_confirmed=True,
        ),
    )
    publish(db, draft.id or 0)
    with pytest.raises(ConflictError, match="published"):
        service.update_section(
            db=db, factsheet=draft, condition=ROLES, data=SectionUpdate(version=2)
        )

    second = service.start_draft(db=db, initiative=initiative, learning_session=preparing)
    assert second.version_number == 2
    assert service.section(second, ROLES).analysis == "Nobody is the family's single contact."
    chosen = service.chosen_quotes(db=db, factsheet=second)
    assert chosen[service.section(second, ROLES).id or 0] == [quote]


def test_second_save_of_a_section_is_refused_with_both_texts(
    db: Session, prepared: tuple[Initiative, LearningSession, LearningSession]
) -> None:
    initiative, _, preparing = prepared
    draft = service.start_draft(db=db, initiative=initiative, learning_session=preparing)
    service.update_section(
        db=db,
        factsheet=draft,
        condition=ROLES,
        data=SectionUpdate(version=1, analysis="First"),
    )

    with pytest.raises(service.SectionConflictError) as conflict:
        service.update_section(
            db=db,
            factsheet=draft,
            condition=ROLES,
            data=SectionUpdate(version=1, analysis="Second"),
        )

    assert conflict.value.status_code == 409
    assert conflict.value.stored is not None and conflict.value.stored.analysis == "First"
    assert conflict.value.attempted is not None and conflict.value.attempted.analysis == "Second"


def test_only_own_consented_evidence_can_be_quoted(
    db: Session, prepared: tuple[Initiative, LearningSession, LearningSession]
) -> None:
    initiative, _, preparing = prepared
    other = db.exec(
        select(Initiative).where(
            Initiative.community_id == initiative.community_id, Initiative.id != initiative.id
        )
    ).first()
    assert other is not None
    draft = service.start_draft(db=db, initiative=initiative, learning_session=preparing)
    with pytest.raises(InvalidInputError):
        service.update_section(
            db=db,
            factsheet=draft,
            condition=ROLES,
            data=SectionUpdate(version=1, evidence_ids=quotable(db, other)[:1]),
        )


def test_next_session_carries_text_forward_and_shows_what_changed(
    db: Session, prepared: tuple[Initiative, LearningSession, LearningSession]
) -> None:
    initiative, held, preparing = prepared
    earlier = service.start_draft(db=db, initiative=initiative, learning_session=held)
    service.update_section(
        db=db,
        factsheet=earlier,
        condition=ROLES,
        data=SectionUpdate(
            version=1,
            analysis="Roles are unclear. The GP is not involved.",
            plain_text="It is not clear who does what.",
            plain_confirmed=True,
        ),
    )
    publish(db, earlier.id or 0)

    draft = service.start_draft(db=db, initiative=initiative, learning_session=preparing)
    service.update_section(
        db=db,
        factsheet=draft,
        condition=ROLES,
        data=SectionUpdate(version=1, analysis="Roles are unclear. The GP now joins case reviews."),
    )
    view = build_view(db=db, factsheet=draft, language="en")

    roles = next(s for s in view.sections if s.condition == ROLES)
    assert roles.change is not None and roles.change.previous_session_number == held.number
    assert [(line.kind, line.text) for line in roles.change.lines] == [
        ("same", "Roles are unclear."),
        ("removed", "The GP is not involved."),
        ("added", "The GP now joins case reviews."),
    ]
    assert view.initiative_name == "Wijkexpertteam Zwolle-Kampen"
    assert sum(cell.count for row in view.matrix.values() for cell in row.values()) >= 3
    assert view.members and view.session_history and view.family_questions
    for_family = db.exec(
        select(ReflectiveQuestion).where(ReflectiveQuestion.session_id == preparing.id)
    ).all()
    expected = [
        q for q in for_family if not q.target_roles or Role.family_representative in q.target_roles
    ]
    assert len(view.family_questions) == len(expected) < len(for_family)


def test_key_point_is_the_first_sentence() -> None:
    assert key_point("Money stops in June. Then what?") == "Money stops in June."
    assert key_point("x " * 200).endswith("…")
