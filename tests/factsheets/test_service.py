import pytest
from sqlmodel import Session, col, select

from app.agendas.models import ReflectiveQuestion
from app.demo.seed import seed_demo
from app.errors import ConflictError, InvalidInputError
from app.evidence.models import EvidenceItem
from app.factsheets import service
from app.factsheets.schemas import SectionUpdate
from app.factsheets.view import build_view, key_point
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.vocabulary import FactsheetStatus, PartnershipCondition, Role

ROLES = PartnershipCondition.roles


@pytest.fixture
def demo(db: Session) -> tuple[Initiative, LearningSession, LearningSession]:
    seed_demo(db)
    initiative = db.exec(
        select(Initiative).where(Initiative.name == "Wijkexpertteam Zwolle-Kampen")
    ).one()
    sessions = db.exec(select(LearningSession).order_by(col(LearningSession.number))).all()
    return initiative, sessions[1], sessions[2]


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
    factsheet = service.get_factsheet(session=db, factsheet_id=factsheet_id)
    service.change_status(session=db, factsheet=factsheet, status=FactsheetStatus.in_review)
    service.change_status(session=db, factsheet=factsheet, status=FactsheetStatus.published)


def test_draft_edit_publish_then_a_new_draft_version(
    db: Session, demo: tuple[Initiative, LearningSession, LearningSession]
) -> None:
    initiative, _, preparing = demo
    draft = service.start_draft(session=db, initiative=initiative, learning_session=preparing)
    assert [s.condition for s in draft.sections] == sorted(PartnershipCondition)
    assert (
        service.start_draft(session=db, initiative=initiative, learning_session=preparing).id
        == draft.id
    )

    quote = quotable(db, initiative)[0]
    service.update_section(
        session=db,
        factsheet=draft,
        condition=ROLES,
        data=SectionUpdate(
            version=1, analysis="Nobody is the family's single contact.", evidence_ids=[quote]
        ),
    )
    publish(db, draft.id or 0)
    with pytest.raises(ConflictError, match="published"):
        service.update_section(
            session=db, factsheet=draft, condition=ROLES, data=SectionUpdate(version=2)
        )

    second = service.start_draft(session=db, initiative=initiative, learning_session=preparing)
    assert second.version_number == 2
    assert service.section(second, ROLES).analysis == "Nobody is the family's single contact."
    chosen = service.chosen_quotes(session=db, factsheet=second)
    assert chosen[service.section(second, ROLES).id or 0] == [quote]


def test_second_save_of_a_section_is_refused_with_both_texts(
    db: Session, demo: tuple[Initiative, LearningSession, LearningSession]
) -> None:
    initiative, _, preparing = demo
    draft = service.start_draft(session=db, initiative=initiative, learning_session=preparing)
    service.update_section(
        session=db,
        factsheet=draft,
        condition=ROLES,
        data=SectionUpdate(version=1, analysis="First"),
    )

    with pytest.raises(service.SectionConflictError) as conflict:
        service.update_section(
            session=db,
            factsheet=draft,
            condition=ROLES,
            data=SectionUpdate(version=1, analysis="Second"),
        )

    assert conflict.value.status_code == 409
    assert conflict.value.stored is not None and conflict.value.stored.analysis == "First"
    assert conflict.value.attempted is not None and conflict.value.attempted.analysis == "Second"


def test_only_own_consented_evidence_can_be_quoted(
    db: Session, demo: tuple[Initiative, LearningSession, LearningSession]
) -> None:
    initiative, _, preparing = demo
    other = db.exec(select(Initiative).where(Initiative.id != initiative.id)).first()
    assert other is not None
    draft = service.start_draft(session=db, initiative=initiative, learning_session=preparing)
    with pytest.raises(InvalidInputError):
        service.update_section(
            session=db,
            factsheet=draft,
            condition=ROLES,
            data=SectionUpdate(version=1, evidence_ids=quotable(db, other)[:1]),
        )


def test_next_session_carries_text_forward_and_shows_what_changed(
    db: Session, demo: tuple[Initiative, LearningSession, LearningSession]
) -> None:
    initiative, held, preparing = demo
    earlier = service.start_draft(session=db, initiative=initiative, learning_session=held)
    service.update_section(
        session=db,
        factsheet=earlier,
        condition=ROLES,
        data=SectionUpdate(version=1, analysis="Roles are unclear. The GP is not involved."),
    )
    publish(db, earlier.id or 0)

    draft = service.start_draft(session=db, initiative=initiative, learning_session=preparing)
    service.update_section(
        session=db,
        factsheet=draft,
        condition=ROLES,
        data=SectionUpdate(version=1, analysis="Roles are unclear. The GP now joins case reviews."),
    )
    view = build_view(session=db, factsheet=draft, language="en")

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
