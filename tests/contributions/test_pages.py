from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.agendas.models import AgendaItem
from app.community.models import LearningCommunity
from app.contributions.models import Dilemma, GoodPractice
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.vocabulary import AgendaItemKind, ContributionStatus, Role
from tests import factories

SignIn = Callable[[Person], TestClient]
TITLE = "Who pays when the pilot fund stops?"


@pytest.fixture
def initiatives(db: Session, community: LearningCommunity) -> tuple[Initiative, Initiative]:
    a = factories.initiative(db, community, name="Wijkexpertteam Zwolle-Kampen")
    b = factories.initiative(db, community, name="Samen1Plan Drechtsteden")
    return a, b


@pytest.fixture
def chair(db: Session, community: LearningCommunity) -> Person:
    person = factories.person(db, community, name="Henk de Vries")
    factories.membership(db, person, Role.chair)
    return person


@pytest.fixture
def session_3(db: Session, community: LearningCommunity, chair: Person) -> LearningSession:
    return factories.learning_session(db, community, number=3, chair_id=chair.id)


def member(
    db: Session, community: LearningCommunity, role: Role, initiative: Initiative | None
) -> Person:
    person = factories.person(db, community)
    factories.membership(db, person, role, initiative)
    return person


def valid_form(session_id: int | None) -> dict[str, str]:
    return {
        "kind": "dilemma",
        "title": TITLE,
        "description": "The two-year pilot ends in June and nobody has said what comes next.",
        "condition": "financing",
        "level": "system",
        "session_id": str(session_id or ""),
    }


def dilemmas(db: Session) -> list[Dilemma]:
    db.expire_all()
    return list(db.exec(select(Dilemma)).all())


def agenda_items(db: Session, learning_session: LearningSession) -> list[AgendaItem]:
    db.expire_all()
    return list(
        db.exec(select(AgendaItem).where(AgendaItem.session_id == learning_session.id)).all()
    )


def test_a_practitioner_submits_a_dilemma_for_a_session(
    db: Session,
    community: LearningCommunity,
    sign_in: SignIn,
    initiatives: tuple[Initiative, Initiative],
    session_3: LearningSession,
) -> None:
    a, _b = initiatives
    browser = sign_in(member(db, community, Role.practitioner, a))

    form_page = browser.get(f"/initiatives/{a.id}/contributions/new")
    assert form_page.status_code == 200
    assert 'name="csrf_token"' in form_page.text
    assert "Session 3" in form_page.text

    invalid = browser.post(
        f"/initiatives/{a.id}/contributions",
        data={**valid_form(session_3.id), "kind": "", "title": "   ", "condition": "money"},
    )
    assert invalid.status_code == 422
    assert "Choose whether this is a dilemma or a good practice." in invalid.text
    assert "Enter a title (at most 200 characters)." in invalid.text
    assert "Choose a partnership condition." in invalid.text
    assert "The two-year pilot ends in June" in invalid.text  # what was typed is kept
    assert dilemmas(db) == []

    submitted = browser.post(
        f"/initiatives/{a.id}/contributions", data=valid_form(session_3.id), follow_redirects=False
    )
    assert submitted.status_code == 303
    assert submitted.headers["location"] == f"/initiatives/{a.id}#contributions"
    [stored] = dilemmas(db)
    assert stored.initiative_id == a.id
    assert stored.session_id == session_3.id
    assert stored.status == ContributionStatus.submitted
    assert browser.get(f"/initiatives/{a.id}").text.count(TITLE) == 1


def test_a_good_practice_needs_no_session(
    db: Session,
    community: LearningCommunity,
    sign_in: SignIn,
    initiatives: tuple[Initiative, Initiative],
) -> None:
    a, _b = initiatives
    browser = sign_in(member(db, community, Role.policymaker, a))
    response = browser.post(
        f"/initiatives/{a.id}/contributions",
        data={**valid_form(None), "kind": "good_practice"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    [practice] = db.exec(select(GoodPractice)).all()
    assert practice.session_id is None


def test_a_session_of_another_community_is_refused(
    db: Session,
    community: LearningCommunity,
    sign_in: SignIn,
    initiatives: tuple[Initiative, Initiative],
) -> None:
    a, _b = initiatives
    foreign = factories.learning_session(db, factories.community(db))
    browser = sign_in(member(db, community, Role.practitioner, a))
    response = browser.post(f"/initiatives/{a.id}/contributions", data=valid_form(foreign.id))
    assert response.status_code == 422
    assert "Choose one of the coming sessions, or none." in response.text
    assert dilemmas(db) == []


def test_a_practitioner_of_another_initiative_gets_404(
    db: Session,
    community: LearningCommunity,
    sign_in: SignIn,
    initiatives: tuple[Initiative, Initiative],
    session_3: LearningSession,
) -> None:
    a, b = initiatives
    browser = sign_in(member(db, community, Role.practitioner, b))
    assert browser.get(f"/initiatives/{a.id}/contributions/new").status_code == 404
    response = browser.post(f"/initiatives/{a.id}/contributions", data=valid_form(session_3.id))
    assert response.status_code == 404
    assert dilemmas(db) == []


def test_the_chair_puts_a_dilemma_on_the_agenda_and_takes_it_off(
    db: Session,
    community: LearningCommunity,
    sign_in: SignIn,
    initiatives: tuple[Initiative, Initiative],
    session_3: LearningSession,
    chair: Person,
) -> None:
    a, _b = initiatives
    practitioner = sign_in(member(db, community, Role.practitioner, a))
    practitioner.post(f"/initiatives/{a.id}/contributions", data=valid_form(session_3.id))
    [dilemma] = dilemmas(db)
    browser = sign_in(chair)

    # The chair sees it on the session page, and chooses on the contributions page.
    session_page = browser.get(f"/sessions/{session_3.id}")
    assert TITLE in session_page.text
    assert f"/sessions/{session_3.id}/contributions" in session_page.text
    page = browser.get(f"/sessions/{session_3.id}/contributions")
    assert page.status_code == 200
    assert TITLE in page.text
    assert "Wijkexpertteam Zwolle-Kampen" in page.text
    assert "Put on the agenda" in page.text

    path = f"/sessions/{session_3.id}/contributions/dilemma/{dilemma.id}/agenda"
    put_on = browser.post(path, data={"on_agenda": "true"}, follow_redirects=False)
    assert put_on.status_code == 303
    [stored] = dilemmas(db)
    assert stored.status == ContributionStatus.on_agenda
    [item] = agenda_items(db, session_3)
    assert item.kind == AgendaItemKind.dilemma
    assert item.dilemma_id == dilemma.id
    assert item.title == TITLE
    assert item.duration_minutes == 20

    # htmx gets just the tables back, with the button turned round.
    taken_off = browser.post(path, data={"on_agenda": "false"}, headers={"HX-Request": "true"})
    assert taken_off.status_code == 200
    assert 'id="session-contributions"' in taken_off.text
    assert "<h1>" not in taken_off.text
    assert "Put on the agenda" in taken_off.text
    assert dilemmas(db)[0].status == ContributionStatus.submitted
    assert agenda_items(db, session_3) == []


def test_the_agenda_item_goes_after_the_last_one(
    db: Session,
    client: TestClient,
    community: LearningCommunity,
    initiatives: tuple[Initiative, Initiative],
    session_3: LearningSession,
) -> None:
    a, _b = initiatives
    factories.agenda_item(db, session_3, position=4, kind=AgendaItemKind.findings, title="Findings")
    practice = factories.good_practice(
        db,
        a,
        title="Family coach at the GP practice",
        description="The coach works from the GP practice on Tuesdays.",
        condition="roles",
        level="professional",
    )
    path = f"/sessions/{session_3.id}/contributions/good_practice/{practice.id}/agenda"
    assert client.post(path, data={"on_agenda": "true"}, follow_redirects=False).status_code == 303
    positions = {item.kind: item.position for item in agenda_items(db, session_3)}
    assert positions[AgendaItemKind.good_practice] == 5
    db.refresh(practice)
    assert practice.session_id == session_3.id


def test_a_policymaker_may_not_set_the_agenda(
    db: Session,
    community: LearningCommunity,
    sign_in: SignIn,
    initiatives: tuple[Initiative, Initiative],
    session_3: LearningSession,
) -> None:
    a, _b = initiatives
    sign_in(member(db, community, Role.practitioner, a)).post(
        f"/initiatives/{a.id}/contributions", data=valid_form(session_3.id)
    )
    [dilemma] = dilemmas(db)
    browser = sign_in(member(db, community, Role.policymaker, a))
    assert browser.get(f"/sessions/{session_3.id}/contributions").status_code == 403
    path = f"/sessions/{session_3.id}/contributions/dilemma/{dilemma.id}/agenda"
    assert browser.post(path, data={"on_agenda": "true"}).status_code == 403
    assert dilemmas(db)[0].status == ContributionStatus.submitted
    assert agenda_items(db, session_3) == []


def test_another_communitys_contribution_is_not_found(
    db: Session, client: TestClient, session_3: LearningSession
) -> None:
    elsewhere = factories.initiative(db, factories.community(db))
    foreign = factories.dilemma(
        db,
        elsewhere,
        title="Not ours",
        description="From another learning community.",
        condition="roles",
        level="clinical",
    )
    path = f"/sessions/{session_3.id}/contributions/dilemma/{foreign.id}/agenda"
    assert client.post(path, data={"on_agenda": "true"}).status_code == 404
    assert "Not ours" not in client.get(f"/sessions/{session_3.id}/contributions").text


def test_anonymous_visitors_are_sent_to_sign_in(
    anonymous: TestClient,
    initiatives: tuple[Initiative, Initiative],
    session_3: LearningSession,
) -> None:
    a, _b = initiatives
    for path in [
        f"/initiatives/{a.id}/contributions/new",
        f"/sessions/{session_3.id}/contributions",
    ]:
        response = anonymous.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/sign-in"), path
    # Without a session there is no CSRF token either: refused before anything else.
    for path in [
        f"/initiatives/{a.id}/contributions",
        f"/sessions/{session_3.id}/contributions/dilemma/1/agenda",
    ]:
        assert anonymous.post(path, follow_redirects=False).status_code in (303, 403), path
