"""Session pages: schedule, invite, composition panel, status workflow and attendance."""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.audit.models import AuditEntry
from app.community.models import LearningCommunity
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Person
from app.vocabulary import (
    INITIATIVE_SESSION_ROLES,
    AuditAction,
    FactsheetStatus,
    Role,
    SessionStatus,
)
from tests import factories
from tests.helpers import counted_statements

HTMX = {"HX-Request": "true", "HX-Target": "composition"}
VALID_FORM = {
    "number": "7",
    "starts_on": "2027-03-11",
    "starts_time": "13:30",
    "timezone": "Europe/Amsterdam",
    "place": "Stadhuis Leiden",
    "online_url": "",
    "focus": "Roles and responsibilities",
    "reflection_deadline": "2027-03-04",
}


def _invited(db: Session, learning_session: LearningSession) -> set[int]:
    db.expire_all()
    return set(
        db.exec(
            select(Attendance.person_id).where(Attendance.session_id == learning_session.id)
        ).all()
    )


def _member(
    db: Session, community: LearningCommunity, role: Role, initiative: Any = None
) -> Person:
    person = factories.person(db, community)
    factories.membership(db, person, role, initiative)
    return person


def test_schedule_a_session_invalid_then_valid(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    chair = _member(db, community, Role.chair)
    factories.learning_session(db, community, number=7)

    form_page = client.get("/sessions/new")
    assert form_page.status_code == 200
    assert chair.name in form_page.text
    assert 'value="8"' in form_page.text  # the next free number

    invalid = client.post(
        "/sessions",
        data={**VALID_FORM, "starts_on": "", "online_url": "zoom.example", "timezone": "Mars/Base"},
    )
    assert invalid.status_code == 422
    assert "Enter the date and the time of the session" in invalid.text
    assert "Enter a web address starting with https://" in invalid.text
    assert "Enter a time zone such as Europe/Amsterdam" in invalid.text
    assert 'value="zoom.example"' in invalid.text  # keeps what was typed

    duplicate = client.post("/sessions", data={**VALID_FORM, "chair_id": str(chair.id)})
    assert duplicate.status_code == 409
    assert "There is already a session with this number" in duplicate.text

    valid = client.post(
        "/sessions",
        data={**VALID_FORM, "number": "8", "chair_id": str(chair.id)},
        follow_redirects=False,
    )
    assert valid.status_code == 303, valid.text
    created = db.exec(
        select(LearningSession).where(
            LearningSession.community_id == community.id, LearningSession.number == 8
        )
    ).one()
    assert valid.headers["location"] == f"/sessions/{created.id}"
    # 13:30 in Amsterdam in March (winter time) is 12:30 UTC.
    assert created.starts_at == datetime(2027, 3, 11, 12, 30, tzinfo=UTC)
    assert created.chair_id == chair.id
    page = client.get(valid.headers["location"])
    assert "Stadhuis Leiden" in page.text
    assert f'href="/sessions/{created.id}/factsheets"' in page.text


def test_invite_by_initiative_and_role(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    leiden = factories.initiative(db, community)
    zwolle = factories.initiative(db, community)
    session = factories.learning_session(db, community)
    leiden_practitioners = {_member(db, community, Role.practitioner, leiden).id for _ in range(2)}
    zwolle_practitioner = _member(db, community, Role.practitioner, zwolle)
    _member(db, community, Role.manager, leiden)
    already = next(iter(leiden_practitioners))
    factories.attendance(db, session, db.get(Person, already), attended=True)  # type: ignore[arg-type]

    one = client.post(
        f"/sessions/{session.id}/invitations",
        data={"initiative_id": str(leiden.id), "role": "practitioner"},
        follow_redirects=False,
    )
    assert one.status_code == 303
    assert one.headers["location"] == f"/sessions/{session.id}#composition"
    assert "Invited: 1." in client.get(one.headers["location"]).text  # the toast
    assert _invited(db, session) == leiden_practitioners
    # The existing invitation (with its recorded attendance) is kept as it was.
    kept = db.exec(select(Attendance).where(Attendance.person_id == already)).one()
    assert kept.attended is True

    client.post(
        f"/sessions/{session.id}/invitations", data={"initiative_id": "all", "role": "practitioner"}
    )
    assert _invited(db, session) == leiden_practitioners | {zwolle_practitioner.id}


def test_family_representative_warning_disappears_after_inviting(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    session = factories.learning_session(db, community)
    factories.initiative(db, community)
    first = _member(db, community, Role.family_representative)
    second = _member(db, community, Role.family_representative)

    page = client.get(f"/sessions/{session.id}")
    assert "nobody invited yet" in page.text
    assert "Invite a family representative" in page.text

    fragment = client.post(
        f"/sessions/{session.id}/invitations", data={"person_id": str(first.id)}, headers=HTMX
    )
    assert fragment.status_code == 200
    assert fragment.text.lstrip().startswith('<section id="composition"')
    assert "<h1" not in fragment.text
    assert "nobody invited yet" not in fragment.text
    assert "Invite a family representative" not in fragment.text
    assert _invited(db, session) == {first.id}

    # Without JavaScript: a redirect back to the page, which no longer warns.
    other = factories.learning_session(db, community)
    plain = client.post(
        f"/sessions/{other.id}/invitations",
        data={"person_id": str(second.id)},
        follow_redirects=False,
    )
    assert plain.status_code == 303
    assert "nobody invited yet" not in client.get(plain.headers["location"]).text


def test_missing_role_cell_invites_from_that_initiatives_members(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    leiden = factories.initiative(db, community)
    session = factories.learning_session(db, community)
    manager = _member(db, community, Role.manager, leiden)

    page = client.get(f"/sessions/{session.id}")
    assert f'id="invite-{leiden.id}-manager"' in page.text
    assert 'data-hx-target="#composition"' in page.text

    fragment = client.post(
        f"/sessions/{session.id}/invitations", data={"person_id": str(manager.id)}, headers=HTMX
    )
    assert f'id="invite-{leiden.id}-manager"' not in fragment.text
    assert _invited(db, session) == {manager.id}

    stranger = factories.person(db, factories.community(db))
    refused = client.post(
        f"/sessions/{session.id}/invitations", data={"person_id": str(stranger.id)}, headers=HTMX
    )
    assert refused.status_code == 422
    assert stranger.id not in _invited(db, session)


def test_prepared_is_refused_without_override_and_accepted_with_reason(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    leiden = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    session = factories.learning_session(db, community)
    for role in (Role.practitioner, Role.manager):
        factories.attendance(db, session, _member(db, community, role, leiden))
    url = f"/sessions/{session.id}/status"

    refused = client.post(url, data={"status": "prepared"})
    assert refused.status_code == 409
    assert "Gezinsteam Plus Leidse Regio: no policymaker invited" in refused.text
    assert "No family representative invited" in refused.text
    assert "Gezinsteam Plus Leidse Regio: no factsheet yet" in refused.text
    db.refresh(session)
    assert session.status == SessionStatus.planned

    accepted = client.post(
        url,
        data={"status": "prepared", "override_reason": "The policymaker joins by phone."},
        follow_redirects=False,
    )
    assert accepted.status_code == 303
    db.refresh(session)
    assert session.status == SessionStatus.prepared
    assert session.prepared_override_reason == "The policymaker joins by phone."
    entry = db.exec(
        select(AuditEntry).where(
            AuditEntry.action == AuditAction.session_prepared_with_override,
            AuditEntry.subject == f"session {session.number} prepared with override",
        )
    ).one()
    assert entry.detail == "The policymaker joins by phone."
    assert "The policymaker joins by phone." in client.get(f"/sessions/{session.id}").text


def test_prepared_without_reason_once_complete_and_steps_are_single(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    leiden = factories.initiative(db, community)
    session = factories.learning_session(db, community)
    for role in (Role.practitioner, Role.manager, Role.policymaker):
        factories.attendance(db, session, _member(db, community, role, leiden))
    factories.attendance(db, session, _member(db, community, Role.family_representative))
    factories.factsheet(db, leiden, session, status=FactsheetStatus.published)
    url = f"/sessions/{session.id}/status"

    assert client.post(url, data={"status": "held"}).status_code == 409  # two steps at once
    assert client.post(url, data={"status": "prepared"}, follow_redirects=False).status_code == 303
    db.refresh(session)
    assert session.status == SessionStatus.prepared
    assert session.prepared_override_reason is None
    assert client.post(url, data={"status": "planned"}, follow_redirects=False).status_code == 303
    db.refresh(session)
    assert session.status == SessionStatus.planned


def test_record_attendance_and_see_it_on_the_page(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    session = factories.learning_session(db, community, status=SessionStatus.held)
    came = factories.person(db, community, name="Anouk de Vries")
    stayed_away = factories.person(db, community, name="Bram Visser")
    for person in (came, stayed_away):
        factories.attendance(db, session, person)

    form = client.get(f"/sessions/{session.id}/attendance")
    assert form.status_code == 200
    assert f'id="attended-{came.id}"' in form.text

    saved = client.post(
        f"/sessions/{session.id}/attendance",
        data={"attended": [str(came.id)]},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    db.expire_all()
    stored = dict(
        db.exec(
            select(Attendance.person_id, Attendance.attended).where(
                Attendance.session_id == session.id
            )
        ).all()
    )
    assert stored == {came.id: True, stayed_away.id: False}
    page = " ".join(client.get(f"/sessions/{session.id}").text.split())
    assert 'Anouk de Vries — <span class="presence--attended">attended' in page
    assert 'Bram Visser — <span class="presence--absent">absent' in page


def test_attendance_waits_until_the_session_has_taken_place(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    future = factories.learning_session(
        db, community, starts_at=datetime(2099, 1, 1, 12, tzinfo=UTC)
    )
    assert client.get(f"/sessions/{future.id}/attendance").status_code == 409
    assert client.post(f"/sessions/{future.id}/attendance", data={}).status_code == 409


@pytest.mark.parametrize("role", [Role.chair, Role.practitioner, Role.family_representative])
def test_non_facilitators_are_refused(
    sign_in: Callable[[Person], TestClient],
    db: Session,
    community: LearningCommunity,
    role: Role,
) -> None:
    initiative = factories.initiative(db, community)
    session = factories.learning_session(db, community, status=SessionStatus.held)
    person = _member(db, community, role, initiative if role == Role.practitioner else None)
    browser = sign_in(person)

    assert browser.get(f"/sessions/{session.id}").status_code == 200  # members read the page
    for path in ("/sessions/new", f"/sessions/{session.id}/attendance"):
        assert browser.get(path).status_code == 403, path
    posts = {
        "/sessions": VALID_FORM,
        f"/sessions/{session.id}/invitations": {"person_id": str(person.id)},
        f"/sessions/{session.id}/status": {"status": "followed_up"},
        f"/sessions/{session.id}/attendance": {"attended": [str(person.id)]},
    }
    for path, data in posts.items():
        assert browser.post(path, data=data).status_code == 403, path
    assert _invited(db, session) == set()
    page = browser.get(f"/sessions/{session.id}").text
    assert "Invite someone with this role" not in page
    assert "Invite by initiative and role" not in page


def test_anonymous_is_sent_to_sign_in(
    anonymous: TestClient, db: Session, community: LearningCommunity
) -> None:
    session = factories.learning_session(db, community)
    requests = [
        ("GET", "/sessions/new"),
        ("POST", "/sessions"),
        ("POST", f"/sessions/{session.id}/invitations"),
        ("POST", f"/sessions/{session.id}/status"),
        ("GET", f"/sessions/{session.id}/attendance"),
        ("POST", f"/sessions/{session.id}/attendance"),
    ]
    for method, path in requests:
        response = anonymous.request(method, path, follow_redirects=False)
        assert response.status_code in (303, 403), (method, path, response.status_code)
        if method == "GET":
            assert response.status_code == 303
            assert response.headers["location"].startswith("/sign-in")


def _page_statements(
    client: TestClient,
    db: Session,
    community: LearningCommunity,
    initiatives: int,
    status: SessionStatus = SessionStatus.planned,
) -> int:
    session = factories.learning_session(db, community, status=status)
    family = _member(db, community, Role.family_representative)
    factories.attendance(db, session, family)
    for number in range(initiatives):
        initiative = factories.initiative(db, community, name=f"Initiative {initiatives}-{number}")
        for role in (Role.practitioner, Role.manager):
            member = _member(db, community, role, initiative)
            if number % 2:
                factories.attendance(db, session, member, attended=True)
        factories.factsheet(db, initiative, session)
    db.flush()
    with counted_statements(db) as statements:
        response = client.get(f"/sessions/{session.id}")
    assert response.status_code == 200
    # The composition table shows a page of initiatives, the incomplete ones first.
    assert response.text.count("Invite someone with this role") >= min(initiatives, 20)
    return len(statements)


def test_session_page_statement_count_does_not_grow_with_initiatives(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    few = _page_statements(client, db, community, 5)
    many = _page_statements(client, db, community, 200)
    assert few == many


def test_held_session_page_statement_count_does_not_grow_with_initiatives(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    few = _page_statements(client, db, community, 5, SessionStatus.held)
    many = _page_statements(client, db, community, 200, SessionStatus.held)
    assert few == many


def test_only_incomplete_initiatives_page_through_the_incomplete_ones(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    session = factories.learning_session(db, community)
    for number in range(30):
        initiative = factories.initiative(db, community, name=f"Team {number:02}")
        if number % 3 == 0:  # complete: someone invited for each required role
            for role in INITIATIVE_SESSION_ROLES:
                factories.attendance(db, session, _member(db, community, role, initiative))
    db.flush()

    def composition(page: int) -> str:
        params = {"incomplete": "1", "page": str(page)}
        html = client.get(f"/sessions/{session.id}", params=params).text
        return html.split('id="composition"', 1)[1]

    first, second = composition(1), composition(2)

    assert "20 of 30 active initiatives still miss a role" in first
    shown = [f"Team {n:02}" for n in range(30) if n % 3]
    assert all(name in first for name in shown[:20]) and "Team 00" not in first
    assert "Team 03" not in second and "Team 29" not in second


def _large_community(
    db: Session, community: LearningCommunity, initiatives: int, prefix: str = "Initiative"
) -> Any:
    """A held session with every initiative's two members invited; the first half attended."""
    session = factories.learning_session(db, community, status=SessionStatus.held)
    for number in range(initiatives):
        initiative = factories.initiative(db, community, name=f"{prefix} {number:03d}")
        for role in (Role.practitioner, Role.manager, Role.policymaker):
            member = _member(db, community, role, initiative)
            if role != Role.policymaker or number >= initiatives // 2:
                factories.attendance(db, session, member, attended=number % 2 == 0)
    family = _member(db, community, Role.family_representative)
    factories.attendance(db, session, family)
    db.flush()
    return session


def test_session_page_stays_small_for_a_large_community(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    session = _large_community(db, community, 120)
    page = client.get(f"/sessions/{session.id}")
    assert page.status_code == 200
    html = page.text
    # 20 initiatives of the composition, incomplete (no policymaker invited) first; no select of
    # everyone: one person is invited through a search field.
    assert html.count('<th scope="row">') == 20
    assert "Initiative 000" in html and "Initiative 060" not in html
    assert html.count("<option") < 80
    assert "60 of 120 active initiatives still miss a role" in html
    assert "Still missing before the session is prepared: 180" not in html  # held: no list
    assert 'rel="next"' in html
    # The page's own lists (not the header's links) stay bounded: participants are paged.
    content = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert html.count('class="participants"') == 1 and content.count("<li>") <= 60
    assert "Invited: 301 · attended: 150 · absent: 150" in html

    second = client.get(f"/sessions/{session.id}", params={"page": "4"}).text
    assert "Initiative 060" in second and "Initiative 000" not in second
    only = client.get(f"/sessions/{session.id}", params={"incomplete": "1", "page": "3"}).text
    assert only.count('<th scope="row">') == 20 and "Initiative 059" in only
    assert "Initiative 060" not in only


def test_invite_one_person_found_by_a_search_field(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    session = _large_community(db, community, 30)
    wanted = factories.person(db, community, name="Zeynep Yilmaz", organisation="Wijkteam Noord")

    plain = client.get(f"/sessions/{session.id}", params={"person_q": "yilmaz"})
    assert f'<option value="{wanted.id}">Zeynep Yilmaz (Wijkteam Noord)</option>' in plain.text
    live = client.get(
        f"/sessions/{session.id}/invite-search",
        params={"person_q": "wijkteam noord"},
        headers={"HX-Request": "true"},
    )
    assert live.status_code == 200
    assert live.text.lstrip().startswith('<div id="invite-person-choices"')
    assert "Zeynep Yilmaz" in live.text and "<html" not in live.text
    assert (
        "Nobody found"
        in client.get(
            f"/sessions/{session.id}/invite-search",
            params={"person_q": "nobody-like-this"},
            headers={"HX-Request": "true"},
        ).text
    )
    # Without htmx the search answers with the session page showing the results.
    fallback = client.get(
        f"/sessions/{session.id}/invite-search",
        params={"person_q": "Zeynep"},
        follow_redirects=False,
    )
    assert fallback.status_code == 303
    assert fallback.headers["location"].endswith("?person_q=Zeynep#invite-person-form")

    invited = client.post(
        f"/sessions/{session.id}/invitations",
        data={"person_id": str(wanted.id)},
        follow_redirects=False,
    )
    assert invited.status_code == 303
    assert db.exec(
        select(Attendance).where(
            Attendance.session_id == session.id, Attendance.person_id == wanted.id
        )
    ).first()


def test_attendance_form_is_paginated_and_saves_one_page_at_a_time(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    session = _large_community(db, community, 40)  # 101 invited
    form = client.get(f"/sessions/{session.id}/attendance")
    assert form.status_code == 200
    assert form.text.count('type="checkbox"') == 50
    assert 'rel="next"' in form.text

    second = client.get(f"/sessions/{session.id}/attendance", params={"page": "2"})
    shown = [
        person_id
        for attendance, person_id in db.exec(
            select(Attendance, Person.id)
            .join(Person, Person.id == Attendance.person_id)
            .where(Attendance.session_id == session.id)
            .order_by(Person.name, Person.id)
            .offset(50)
            .limit(50)
        ).all()
    ]
    assert all(f'id="attended-{person_id}"' in second.text for person_id in shown)
    before = dict(
        db.exec(
            select(Attendance.person_id, Attendance.attended).where(
                Attendance.session_id == session.id
            )
        ).all()
    )
    saved = client.post(
        f"/sessions/{session.id}/attendance",
        data={
            "attended": [str(shown[0])],
            "shown": [str(person_id) for person_id in shown],
            "back": f"/sessions/{session.id}/attendance?page=2",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert saved.headers["location"] == f"/sessions/{session.id}/attendance?page=2&saved=1"
    db.expire_all()
    after = dict(
        db.exec(
            select(Attendance.person_id, Attendance.attended).where(
                Attendance.session_id == session.id
            )
        ).all()
    )
    expected = {
        **before,
        **{person_id: person_id == shown[0] for person_id in shown},
    }
    assert after == expected  # the other pages are left as they were

    found = client.get(f"/sessions/{session.id}/attendance", params={"q": "nothing-like-it"})
    assert "Nobody invited matches" in found.text


def test_attendance_page_statement_count_does_not_grow_with_initiatives(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    def statements(initiatives: int) -> int:
        session = _large_community(db, community, initiatives, prefix=f"Of {initiatives}")
        client.get(f"/sessions/{session.id}/attendance")
        with counted_statements(db) as found:
            assert client.get(f"/sessions/{session.id}/attendance").status_code == 200
        return len(found)

    assert statements(5) == statements(200)
