from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.community import continuity_queries
from app.community.continuity import (
    HELD_STATUSES,
    AttendanceRecord,
    CellState,
    ContinuityGrid,
    ContinuityRow,
    InitiativeShares,
    MemberRecord,
    SessionColumn,
    build_grid,
)
from app.community.models import LearningCommunity
from app.initiatives.models import Initiative
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Membership, Person
from app.vocabulary import Role, SessionStatus
from tests import factories
from tests.helpers import counted_statements


def test_grid_marks_new_and_left_representatives_and_the_share() -> None:
    sessions = [SessionColumn(1, 1, True), SessionColumn(2, 2, True), SessionColumn(3, 3, False)]
    members = [
        MemberRecord(person_id, f"P{person_id}", Role.practitioner, 7, "Gezinsteam")
        for person_id in (10, 11, 12, 13)
    ]
    attendances = [
        AttendanceRecord(1, 10, True, True),
        AttendanceRecord(1, 11, True, True),
        AttendanceRecord(1, 12, True, True),
        AttendanceRecord(2, 10, True, True),
        AttendanceRecord(2, 11, True, True),
        AttendanceRecord(2, 12, True, False),
        AttendanceRecord(2, 13, True, True),
        AttendanceRecord(3, 13, True, None),
    ]

    grid = build_grid(sessions=sessions, members=members, attendances=attendances)

    cells = {row.person_id: row.cells for row in grid.rows}
    assert [c.state for c in cells[12]] == [
        CellState.attended,
        CellState.absent,
        CellState.not_invited,
    ]
    assert cells[12][1].left and not cells[12][1].new
    assert cells[13][1].new and cells[13][1].state == CellState.attended
    assert cells[13][2].state == CellState.invited
    assert cells[10][0].new and not cells[10][1].new
    (shares,) = grid.shares
    assert shares.shares[0] is None
    second = shares.shares[1]
    assert second is not None and (second.returning, second.attended) == (2, 3)
    assert second.percent == 67
    assert shares.shares[2] is None


def test_page_shows_grid_changes_of_representative_and_share(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    team = factories.initiative(db, community, name="Samen1Plan Drechtsteden")
    first = factories.learning_session(db, community, number=1, status=SessionStatus.held)
    second = factories.learning_session(db, community, number=2, status=SessionStatus.held)
    people = {}
    for name in ("Anna Visser", "Bram de Boer", "Carla Smit", "Daan Mulder"):
        people[name] = factories.person(db, community, name=name)
        factories.membership(db, people[name], Role.practitioner, team)
    for name in ("Anna Visser", "Bram de Boer", "Carla Smit"):
        factories.attendance(db, first, people[name], attended=True)
    factories.attendance(db, second, people["Anna Visser"], attended=True)
    factories.attendance(db, second, people["Bram de Boer"], attended=True)
    factories.attendance(db, second, people["Carla Smit"], attended=False)
    factories.attendance(db, second, people["Daan Mulder"], attended=True)
    third = factories.learning_session(db, community, number=3)
    factories.attendance(db, third, people["Daan Mulder"])

    response = client.get("/continuity")

    assert response.status_code == 200
    html = response.text
    assert "Samen1Plan Drechtsteden" in html
    assert html.count("Session 2") >= 2
    carla = html[html.index("Carla Smit") :].split("</tr>")[0]
    assert "absent" in carla and "left" in carla
    daan = html[html.index("Daan Mulder") :].split("</tr>")[0]
    assert "new" in daan and "invited" in daan
    assert "2 of 3 (67%)" in html


def test_only_facilitator_and_chair_see_continuity(
    sign_in: Callable[[Person], TestClient], db: Session, community: LearningCommunity
) -> None:
    team = factories.initiative(db, community)
    policymaker = factories.person(db, community)
    factories.membership(db, policymaker, Role.policymaker, team)
    chair = factories.person(db, community)
    factories.membership(db, chair, Role.chair)

    assert sign_in(policymaker).get("/continuity").status_code == 403
    assert sign_in(chair).get("/continuity").status_code == 200


def _add_initiatives(
    db: Session, community: LearningCommunity, sessions: list[LearningSession], count: int
) -> None:
    for _ in range(count):
        team = factories.initiative(db, community)
        for role in (Role.practitioner, Role.policymaker, Role.manager):
            member = factories.person(db, community)
            factories.membership(db, member, role, team)
            for learning_session in sessions:
                factories.attendance(db, learning_session, member, attended=True)


def test_statement_count_does_not_grow_with_initiatives(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    sessions = [
        factories.learning_session(db, community, number=n, status=SessionStatus.held)
        for n in (1, 2)
    ]
    _add_initiatives(db, community, sessions, 5)
    client.get("/continuity")  # warm up what runs once per process
    with counted_statements(db) as five:
        assert client.get("/continuity").status_code == 200
    _add_initiatives(db, community, sessions, 195)
    with counted_statements(db) as two_hundred:
        response = client.get("/continuity")
    assert response.status_code == 200
    assert len(two_hundred) == len(five)


def _whole_grid(db: Session, community: LearningCommunity) -> ContinuityGrid:
    """The reference: every membership and attendance of the community, built in Python."""
    sessions = db.exec(
        select(LearningSession).where(LearningSession.community_id == community.id)
    ).all()
    members = db.exec(
        select(Membership, Person.name, Initiative.name)
        .join(Person, col(Person.id) == Membership.person_id)
        .outerjoin(Initiative, col(Initiative.id) == Membership.initiative_id)
        .where(Membership.community_id == community.id)
    ).all()
    attendances = db.exec(
        select(Attendance).where(col(Attendance.session_id).in_([s.id for s in sessions]))
    ).all()
    return build_grid(
        sessions=[SessionColumn(s.id or 0, s.number, s.status in HELD_STATUSES) for s in sessions],
        members=[
            MemberRecord(m.person_id, name, m.role, m.initiative_id, initiative)
            for m, name, initiative in members
        ],
        attendances=[
            AttendanceRecord(a.session_id, a.person_id, a.invited, a.attended) for a in attendances
        ],
    )


def test_pages_counted_in_sql_add_up_to_the_whole_grid(
    db: Session, community: LearningCommunity
) -> None:
    sessions = [
        factories.learning_session(db, community, number=n, status=status)
        for n, status in (
            (1, SessionStatus.held),
            (2, SessionStatus.followed_up),
            (3, SessionStatus.held),
            (4, SessionStatus.planned),
        )
    ]
    teams = [factories.initiative(db, community, name=f"Team {n}") for n in "ABCDE"]
    factories.initiative(db, community, name="Team without members")
    people = [factories.person(db, community, name=f"Person {n:02d}") for n in range(14)]
    for number, person in enumerate(people):
        factories.membership(db, person, Role.practitioner, teams[number % 5])
        if number % 4 == 0:  # in two initiatives
            factories.membership(db, person, Role.manager, teams[(number + 2) % 5])
        if number % 6 == 0:
            factories.membership(db, person, Role.family_representative)
        for position, learning_session in enumerate(sessions):
            if (number + position) % 3:
                attended = None if position == 3 else (number * position) % 5 != 0
                factories.attendance(db, learning_session, person, attended=attended)

    whole = _whole_grid(db, community)
    rows: list[ContinuityRow] = []
    shares: list[InitiativeShares] = []
    for page in range(1, 7):  # 21 rows, 4 a page; 5 initiatives, 2 a page
        found = continuity_queries.load_page(
            db=db,
            community_id=community.id or 0,
            page=page,
            shares_page=page,
            per_page=4,
            shares_per_page=2,
        )
        assert found.row_total == len(whole.rows) and found.share_total == len(whole.shares)
        assert found.grid.sessions == whole.sessions
        rows.extend(found.grid.rows)
        shares.extend(found.grid.shares)

    assert len(whole.rows) == 14 + 4 + 3
    assert tuple(rows) == whole.rows
    assert tuple(shares) == whole.shares
    assert any(share is not None for entry in shares for share in entry.shares)


def test_the_page_stays_small_for_a_large_community(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    sessions = [
        factories.learning_session(db, community, number=n, status=SessionStatus.held)
        for n in (1, 2)
    ]
    _add_initiatives(db, community, sessions, 70)

    first = client.get("/continuity")
    assert first.status_code == 200
    # 50 of the 211 rows (210 members, the facilitator's community roles), 50 of the 70
    # initiatives' shares, and links to the rest.
    assert first.text.count('<tr class="continuity-group">') <= 17
    main = first.text[first.text.index("<main") :]
    assert main.count('<a href="/people/') == 50
    shares = first.text[first.text.index('class="continuity-shares"') :]
    assert shares.count('<th scope="row">') == 50
    assert first.text.count('rel="next"') == 2
    assert "Page 1 of 5" in first.text and "Page 1 of 2" in first.text

    last = client.get("/continuity", params={"page": "5", "shares_page": "2"})
    assert last.text[last.text.index("<main") :].count('<a href="/people/') == 11
    assert "Community roles" in last.text
    shares = last.text[last.text.index('class="continuity-shares"') :]
    assert shares.count('<th scope="row">') == 20
    assert "3 of 3 (100%)" in shares
