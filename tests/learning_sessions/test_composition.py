from sqlmodel import Session

from app.community.models import LearningCommunity
from app.learning_sessions import workflow
from app.learning_sessions.composition import session_composition
from app.vocabulary import FactsheetStatus, Role
from tests import factories


def test_composition_per_initiative_and_family_representative(
    db: Session, community: LearningCommunity
) -> None:
    leiden = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    zwolle = factories.initiative(db, community, name="Wijkexpertteam Zwolle-Kampen")
    factories.initiative(db, community, name="Archived one", status="archived")
    session = factories.learning_session(db, community)

    for role in (Role.practitioner, Role.policymaker, Role.manager):
        member = factories.person(db, community)
        factories.membership(db, member, role, leiden)
        factories.attendance(db, session, member, attended=role != Role.manager)
    zwolle_manager = factories.person(db, community)
    factories.membership(db, zwolle_manager, Role.manager, zwolle)
    factories.attendance(db, session, zwolle_manager)
    not_invited = factories.person(db, community)
    factories.membership(db, not_invited, Role.policymaker, zwolle)

    composition = session_composition(db=db, learning_session=session)

    by_name = {entry.initiative.name: entry for entry in composition.initiatives}
    assert list(by_name) == ["Gezinsteam Plus Leidse Regio", "Wijkexpertteam Zwolle-Kampen"]
    assert by_name["Gezinsteam Plus Leidse Regio"].missing_roles == []
    assert by_name["Gezinsteam Plus Leidse Regio"].roles[Role.manager].attended is False
    assert by_name["Gezinsteam Plus Leidse Regio"].roles[Role.practitioner].attended is True
    assert by_name["Wijkexpertteam Zwolle-Kampen"].missing_roles == [
        Role.practitioner,
        Role.policymaker,
    ]
    assert composition.family_representative.invited is False
    assert composition.complete is False

    family = factories.person(db, community)
    factories.membership(db, family, Role.family_representative)
    factories.attendance(db, session, family)
    for role in (Role.practitioner, Role.policymaker):
        member = factories.person(db, community)
        factories.membership(db, member, role, zwolle)
        factories.attendance(db, session, member)

    assert session_composition(db=db, learning_session=session).complete is True


def test_shortfall_summary_lists_what_the_preparation_rule_finds(
    db: Session, community: LearningCommunity
) -> None:
    """The page's summary (aggregated in SQL) and the rule that refuses "prepared" agree."""
    complete = factories.initiative(db, community, name="A complete")
    partial = factories.initiative(db, community, name="B partial")
    empty = factories.initiative(db, community, name="C empty")
    factories.initiative(db, community, name="D archived", status="archived")
    session = factories.learning_session(db, community)
    other = factories.learning_session(db, community)
    for role in (Role.practitioner, Role.policymaker, Role.manager):
        member = factories.person(db, community)
        factories.membership(db, member, role, complete)
        factories.attendance(db, session, member)
    # One person in two initiatives counts for both; an invitation elsewhere counts for none.
    both = factories.person(db, community)
    factories.membership(db, both, Role.manager, complete)
    factories.membership(db, both, Role.manager, partial)
    factories.attendance(db, session, both)
    elsewhere = factories.person(db, community)
    factories.membership(db, elsewhere, Role.practitioner, empty)
    factories.attendance(db, other, elsewhere)
    for version, status in ((1, FactsheetStatus.published), (2, FactsheetStatus.draft)):
        factories.factsheet(db, partial, session, version_number=version, status=status)
    factories.factsheet(db, complete, session, status=FactsheetStatus.published)

    rule = workflow.preparation_shortfalls(db=db, learning_session=session)
    total, shown = workflow.shortfall_summary(
        db=db, learning_session=session, family_invited=False, limit=100
    )

    assert total == len(rule) == 1 + 2 + 1 + 3 + 1
    assert shown == rule
    assert shown[1:4] == [
        workflow.Shortfall(kind="role", initiative_name="B partial", role=Role.practitioner),
        workflow.Shortfall(kind="role", initiative_name="B partial", role=Role.policymaker),
        workflow.Shortfall(
            kind="factsheet", initiative_name="B partial", factsheet_status=FactsheetStatus.draft
        ),
    ]
    assert workflow.shortfall_summary(
        db=db, learning_session=session, family_invited=True, limit=2
    ) == (total - 1, rule[1:3])
