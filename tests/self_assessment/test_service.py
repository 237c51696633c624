"""The spreads per initiative and condition: numbers, who sees which, one statement."""

import pytest
from sqlmodel import Session

from app.auth.principal import Principal
from app.community.models import LearningCommunity
from app.initiatives.models import Initiative
from app.people.models import Person
from app.self_assessment.service import all_cell_spreads, cell_spreads
from app.vocabulary import PartnershipCondition, Role
from tests import factories
from tests.helpers import counted_statements
from tests.self_assessment.world import ScoreWorld, release, score, score_world, split_on_financing

FINANCING = PartnershipCondition.financing


@pytest.fixture
def w(db: Session, community: LearningCommunity) -> ScoreWorld:
    world = score_world(db, community)
    split_on_financing(db, world)
    return world


def viewer(
    person: Person, roles: tuple[tuple[Initiative, Role], ...] = (), *, facilitator: bool = False
) -> Principal:
    assert person.id is not None
    return Principal(
        account_id=1,
        person_id=person.id,
        community_id=person.community_id,
        name=person.name,
        email=None,
        community_roles=frozenset({Role.facilitator}) if facilitator else frozenset(),
        initiative_roles={i.id or 0: frozenset({r}) for i, r in roles},
    )


def test_a_member_sees_their_own_initiative_and_not_an_unreleased_other(
    db: Session, w: ScoreWorld
) -> None:
    assert w.session.id is not None and w.a.id is not None and w.b.id is not None
    found = cell_spreads(
        db=db, session_id=w.session.id, viewer=viewer(w.policymaker_b, ((w.b, Role.policymaker),))
    )
    assert set(found) == {(w.b.id, FINANCING)}
    mine = cell_spreads(
        db=db, session_id=w.session.id, viewer=viewer(w.policymaker_a, ((w.a, Role.policymaker),))
    )
    cell = mine[(w.a.id, FINANCING)]
    assert (cell.count, cell.median, cell.lowest, cell.highest) == (2, 2.0, 1, 3)
    assert [(r.role, r.median) for r in cell.by_role] == [
        (Role.policymaker, 3.0),
        (Role.practitioner, 1.0),
    ]
    assert cell.views_differ
    assert (w.b.id, FINANCING) not in mine


def test_after_release_others_see_it_and_the_facilitator_always_does(
    db: Session, w: ScoreWorld
) -> None:
    assert w.session.id is not None and w.a.id is not None and w.b.id is not None
    facilitator = factories.person(db, w.community, name="Fenna Facilitator")
    everything = cell_spreads(
        db=db, session_id=w.session.id, viewer=viewer(facilitator, facilitator=True)
    )
    assert set(everything) == {(w.a.id, FINANCING), (w.b.id, FINANCING)}
    release(db, w.session, w.a)
    found = cell_spreads(
        db=db, session_id=w.session.id, viewer=viewer(w.policymaker_b, ((w.b, Role.policymaker),))
    )
    assert found[(w.a.id, FINANCING)].median == 2.0


def test_the_chair_counts_every_score_and_other_communities_see_none(
    db: Session, w: ScoreWorld
) -> None:
    assert w.session.id is not None
    assert (
        len(all_cell_spreads(db=db, community_id=w.community.id or 0, session_id=w.session.id)) == 2
    )
    other = factories.community(db)
    stranger = factories.person(db, other)
    assert cell_spreads(db=db, session_id=w.session.id, viewer=viewer(stranger)) == {}


def test_one_statement_whatever_the_number_of_initiatives(db: Session, w: ScoreWorld) -> None:
    assert w.session.id is not None
    member = viewer(w.policymaker_b, ((w.b, Role.policymaker),))
    with counted_statements(db) as few:
        cell_spreads(db=db, session_id=w.session.id, viewer=member)
    for number in range(30):
        more = factories.initiative(db, w.community, name=f"Initiative {number:02}")
        for condition in PartnershipCondition:
            score(db, w.session, more, None, Role.manager, condition, number % 4 + 1)
        release(db, w.session, more)
    with counted_statements(db) as many:
        found = cell_spreads(db=db, session_id=w.session.id, viewer=member)
    assert len(found) == 1 + 30 * 4
    assert len(few) == len(many) == 1


def test_only_cells_two_levels_apart_are_read_for_the_chair(db: Session, w: ScoreWorld) -> None:
    assert w.session.id is not None and w.a.id is not None
    score(db, w.session, w.a, w.policymaker_a, Role.policymaker, PartnershipCondition.roles, 2)
    score(db, w.session, w.a, w.practitioner_a, Role.practitioner, PartnershipCondition.roles, 3)
    community_id = w.community.id or 0
    everything = all_cell_spreads(db=db, community_id=community_id, session_id=w.session.id)
    apart = all_cell_spreads(
        db=db, community_id=community_id, session_id=w.session.id, only_apart=True
    )
    assert len(everything) == 3
    assert set(apart) == {(w.a.id, FINANCING)}
    assert apart[(w.a.id, FINANCING)] == everything[(w.a.id, FINANCING)]
