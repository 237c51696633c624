from sqlmodel import Session

from app.community.models import LearningCommunity
from app.learning_sessions.composition import session_composition
from app.vocabulary import Role
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

    composition = session_composition(session=db, learning_session=session)

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

    assert session_composition(session=db, learning_session=session).complete is True
