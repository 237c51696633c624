"""The chair's workspace: who may open it, the agenda builder (clock times, moving with
buttons, overrun, optimistic locking) and the reflective questions."""

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.agendas.models import AgendaItem, BankQuestion, ReflectiveQuestion
from app.community.models import LearningCommunity
from app.invitations.models import OutboxMessage
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.vocabulary import AgendaItemKind, IntegrationLevel, PartnershipCondition, Role
from tests import factories
from tests.helpers import attributes, counted_statements, csrf_from

SignIn = Callable[[Person], TestClient]
HTMX = {"HX-Request": "true"}


@pytest.fixture
def chair(db: Session, community: LearningCommunity) -> Person:
    person = factories.person(db, community, name="Henk de Vries")
    factories.membership(db, person, Role.chair)
    return person


@pytest.fixture
def session_3(db: Session, community: LearningCommunity, chair: Person) -> LearningSession:
    # 14:00 to 17:00 in Amsterdam (winter time, UTC+1).
    return factories.learning_session(
        db,
        community,
        number=3,
        chair_id=chair.id,
        starts_at=datetime(2027, 1, 21, 13, 0, tzinfo=UTC),
        ends_at=datetime(2027, 1, 21, 16, 0, tzinfo=UTC),
    )


@pytest.fixture
def as_chair(sign_in: SignIn, chair: Person) -> TestClient:
    return sign_in(chair)


def items_of(db: Session, learning_session: LearningSession) -> list[AgendaItem]:
    db.expire_all()
    return list(
        db.exec(
            select(AgendaItem)
            .where(AgendaItem.session_id == learning_session.id)
            .order_by(col(AgendaItem.position))
        ).all()
    )


def build_agenda(db: Session, learning_session: LearningSession) -> list[AgendaItem]:
    blocks = [
        (AgendaItemKind.welcome, "Welcome", 10),
        (AgendaItemKind.review_actions, "Last session's actions", 20),
        (AgendaItemKind.findings, "Findings from the factsheets", 30),
        (AgendaItemKind.dilemma, "Dilemma round", 45),
    ]
    for position, (kind, title, minutes) in enumerate(blocks):
        factories.agenda_item(
            db,
            learning_session,
            position=position,
            kind=kind,
            title=title,
            duration_minutes=minutes,
        )
    return items_of(db, learning_session)


def workspace(browser: TestClient, learning_session: LearningSession) -> str:
    response = browser.get(f"/sessions/{learning_session.id}/prepare")
    assert response.status_code == 200
    return response.text


def test_the_chair_and_the_facilitator_open_the_workspace_others_do_not(
    db: Session,
    community: LearningCommunity,
    session_3: LearningSession,
    as_chair: TestClient,
    client: TestClient,
    sign_in: SignIn,
) -> None:
    assert "Prepare session 3" in workspace(as_chair, session_3)
    assert "Prepare session 3" in workspace(client, session_3)

    other_chair = factories.person(db, community, name="Chair of session 4")
    factories.membership(db, other_chair, Role.chair)
    factories.learning_session(db, community, number=4, chair_id=other_chair.id)
    policymaker = factories.person(db, community)
    factories.membership(db, policymaker, Role.policymaker, factories.initiative(db, community))
    for outsider in (other_chair, policymaker):
        browser = sign_in(outsider)
        assert browser.get(f"/sessions/{session_3.id}/prepare").status_code in (403, 404)
        page = browser.get(f"/sessions/{session_3.id}/prepare")
        assert "Prepare session 3" not in page.text
        posted = browser.post(
            f"/sessions/{session_3.id}/prepare/items",
            data={"kind": "welcome", "title": "Hijack", "duration_minutes": "5"},
        )
        assert posted.status_code in (403, 404)
    assert items_of(db, session_3) == []


def test_adding_an_item_shows_it_with_its_clock_time(
    db: Session, session_3: LearningSession, as_chair: TestClient
) -> None:
    page = workspace(as_chair, session_3)
    response = as_chair.post(
        f"/sessions/{session_3.id}/prepare/items",
        data={
            "csrf_token": csrf_from(page),
            "agenda_version": "0",
            "kind": "welcome",
            "title": "Welcome and introductions",
            "duration_minutes": "15",
            "chair_notes": "Ask the family representative to open.",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    [item] = items_of(db, session_3)
    assert (item.title, item.duration_minutes, item.chair_notes) == (
        "Welcome and introductions",
        15,
        "Ask the family representative to open.",
    )
    page = workspace(as_chair, session_3)
    assert "14:00" in page and "14:15" in page
    assert "Ask the family representative to open." in page


def test_bad_item_input_is_refused_next_to_the_field_and_nothing_is_stored(
    db: Session, session_3: LearningSession, as_chair: TestClient
) -> None:
    response = as_chair.post(
        f"/sessions/{session_3.id}/prepare/items",
        data={"agenda_version": "0", "kind": "nap", "title": " ", "duration_minutes": "lots"},
    )
    assert response.status_code == 422
    assert "Enter the minutes as a whole number from 1 to 480." in response.text
    assert "Give the item a title of at most 300 characters." in response.text
    assert attributes(response.text, "new-duration_minutes")["aria-invalid"] == "true"
    assert items_of(db, session_3) == []


def test_moving_an_item_up_saves_the_whole_order_and_keeps_focus_on_it(
    db: Session, session_3: LearningSession, as_chair: TestClient
) -> None:
    items = build_agenda(db, session_3)
    dilemma = items[3]
    response = as_chair.post(
        f"/sessions/{session_3.id}/prepare/order",
        data={
            "agenda_version": str(session_3.agenda_version),
            "order": [str(item.id) for item in items],
            "to": ["1", "2", "3", "4"],
            "move": f"{dilemma.id}:up",
        },
        headers=HTMX,
    )
    assert response.status_code == 200
    assert [item.title for item in items_of(db, session_3)] == [
        "Welcome",
        "Last session's actions",
        "Dilemma round",
        "Findings from the factsheets",
    ]
    assert "Moved 'Dilemma round' to 3 of 4." in response.text
    assert "autofocus" in (attributes(response.text, f"up-{dilemma.id}") or {})
    # The dilemma round now starts after 10 + 20 minutes: at 14:30, and ends at 15:15.
    assert "14:30</time>–<time" in response.text and "15:15" in response.text


def test_move_to_a_position_with_the_select(
    db: Session, session_3: LearningSession, as_chair: TestClient
) -> None:
    items = build_agenda(db, session_3)
    response = as_chair.post(
        f"/sessions/{session_3.id}/prepare/order",
        data={
            "agenda_version": str(session_3.agenda_version),
            "order": [str(item.id) for item in items],
            "to": ["4", "2", "3", "4"],
            "move": f"{items[0].id}:to",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert [item.title for item in items_of(db, session_3)][-1] == "Welcome"


def test_an_agenda_longer_than_the_slot_warns_with_the_minutes_over(
    db: Session, session_3: LearningSession, as_chair: TestClient
) -> None:
    build_agenda(db, session_3)  # 105 minutes: 14:00 to 15:45
    page = workspace(as_chair, session_3)
    assert "minutes over" not in page
    response = as_chair.post(
        f"/sessions/{session_3.id}/prepare/items",
        data={
            "agenda_version": str(session_3.agenda_version),
            "kind": "exchange",
            "title": "Exchange in mixed-level groups",
            "duration_minutes": "80",
        },
        headers=HTMX,
    )
    assert response.status_code == 200
    assert "Ends 17:05, 5 minutes over the time slot (until 17:00)." in response.text


def test_a_stale_agenda_version_answers_409_with_both_versions_and_loses_nothing(
    db: Session, session_3: LearningSession, as_chair: TestClient, client: TestClient
) -> None:
    items = build_agenda(db, session_3)
    version = session_3.agenda_version
    # The facilitator moves an item first …
    moved = client.post(
        f"/sessions/{session_3.id}/prepare/order",
        data={
            "agenda_version": str(version),
            "order": [str(item.id) for item in items],
            "to": ["1", "2", "3", "4"],
            "move": f"{items[1].id}:down",
        },
        follow_redirects=False,
    )
    assert moved.status_code == 303
    # … then the chair saves an edit made on the page she opened before that.
    response = as_chair.post(
        f"/sessions/{session_3.id}/prepare/items/{items[0].id}",
        data={
            "agenda_version": str(version),
            "kind": "welcome",
            "title": "Welcome, with a round of names",
            "duration_minutes": "15",
        },
    )
    assert response.status_code == 409
    assert "Someone else changed this agenda" in response.text
    assert 'value="Welcome, with a round of names"' in response.text  # her version, kept
    assert "Findings from the factsheets" in response.text  # theirs, as it is now
    stored = items_of(db, session_3)
    assert stored[0].title == "Welcome" and stored[1].title == "Findings from the factsheets"
    # Saving again from the page she now has applies her change.
    db.refresh(session_3)
    again = as_chair.post(
        f"/sessions/{session_3.id}/prepare/items/{items[0].id}",
        data={
            "agenda_version": str(session_3.agenda_version),
            "kind": "welcome",
            "title": "Welcome, with a round of names",
            "duration_minutes": "15",
        },
        follow_redirects=False,
    )
    assert again.status_code == 303
    assert items_of(db, session_3)[0].title == "Welcome, with a round of names"


def test_removing_an_item_closes_the_gap(
    db: Session, session_3: LearningSession, as_chair: TestClient
) -> None:
    items = build_agenda(db, session_3)
    response = as_chair.post(
        f"/sessions/{session_3.id}/prepare/items/{items[1].id}/delete",
        data={"agenda_version": str(session_3.agenda_version)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert [(item.position, item.title) for item in items_of(db, session_3)] == [
        (0, "Welcome"),
        (1, "Findings from the factsheets"),
        (2, "Dilemma round"),
    ]


def bank_question(db: Session, community: LearningCommunity, **overrides: object) -> BankQuestion:
    values: dict[str, object] = {
        "community_id": community.id,
        "language": "en",
        "text": "Draw every funder involved for one family.",
        "plain_text": "Who pays for the help your family gets?",
        "condition": PartnershipCondition.financing,
        "level": IntegrationLevel.system,
        "target_roles": [Role.policymaker],
    }
    question = BankQuestion(**{**values, **overrides})
    db.add(question)
    db.flush()
    return question


def test_picking_a_bank_question_copies_it_for_the_session(
    db: Session, community: LearningCommunity, session_3: LearningSession, as_chair: TestClient
) -> None:
    banked = bank_question(db, community)
    response = as_chair.post(
        f"/sessions/{session_3.id}/prepare/questions/pick",
        data={"bank_question_id": str(banked.id)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    [question] = db.exec(
        select(ReflectiveQuestion).where(ReflectiveQuestion.session_id == session_3.id)
    ).all()
    assert (question.text, question.bank_question_id) == (banked.text, banked.id)
    again = as_chair.post(
        f"/sessions/{session_3.id}/prepare/questions/pick",
        data={"bank_question_id": str(banked.id)},
    )
    assert again.status_code == 409
    assert "already on the session" in again.text


def test_the_chairs_own_question_joins_the_bank(
    db: Session, community: LearningCommunity, session_3: LearningSession, as_chair: TestClient
) -> None:
    response = as_chair.post(
        f"/sessions/{session_3.id}/prepare/questions",
        data={
            "text": "Which task does everyone assume someone else does?",
            "plain_text": "Is there a job nobody does?",
            "condition": "roles",
            "level": "professional",
            "target_roles": ["family_representative", "practitioner"],
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    banked = db.exec(select(BankQuestion).where(BankQuestion.community_id == community.id)).one()
    assert banked.text == "Which task does everyone assume someone else does?"
    assert banked.target_roles == ["family_representative", "practitioner"]
    question = db.exec(
        select(ReflectiveQuestion).where(ReflectiveQuestion.session_id == session_3.id)
    ).one()
    assert question.bank_question_id == banked.id


def test_a_bad_question_is_refused_with_messages_and_not_stored(
    db: Session, session_3: LearningSession, as_chair: TestClient
) -> None:
    response = as_chair.post(
        f"/sessions/{session_3.id}/prepare/questions",
        data={"text": "Why", "condition": "weather", "level": "", "target_roles": ["king"]},
    )
    assert response.status_code == 422
    assert "Write the question in 5 to 1000 characters." in response.text
    assert "Choose the partnership condition the question is about." in response.text
    assert db.exec(select(BankQuestion)).all() == []


def test_the_workspace_costs_the_same_number_of_statements_for_a_longer_agenda(
    db: Session, community: LearningCommunity, session_3: LearningSession, as_chair: TestClient
) -> None:
    build_agenda(db, session_3)
    workspace(as_chair, session_3)
    with counted_statements(db) as few:
        workspace(as_chair, session_3)
    for position in range(4, 24):
        question = factories.reflective_question(db, session_3)
        factories.agenda_item(
            db,
            session_3,
            position=position,
            title=f"Round {position}",
            reflective_question_id=question.id,
        )
        bank_question(db, community, text=f"Bank question number {position}")
    with counted_statements(db) as many:
        workspace(as_chair, session_3)
    assert len(many) == len(few)


def test_publishing_queues_one_invitation_per_invitee_and_a_change_is_announced(
    db: Session, community: LearningCommunity, session_3: LearningSession, as_chair: TestClient
) -> None:
    build_agenda(db, session_3)
    invitees = [factories.person(db, community, email=f"invitee{n}@example.org") for n in range(3)]
    for invitee in invitees:
        factories.membership(db, invitee, Role.practitioner, factories.initiative(db, community))
        factories.attendance(db, session_3, invitee)
    page = workspace(as_chair, session_3)
    assert "Publish the agenda and send the invitations" in page

    published = as_chair.post(
        f"/sessions/{session_3.id}/prepare/publish",
        data={"agenda_version": str(session_3.agenda_version)},
        follow_redirects=False,
    )
    assert published.status_code == 303
    db.refresh(session_3)
    assert session_3.agenda_published_at is not None
    queued = db.exec(select(OutboxMessage).where(OutboxMessage.session_id == session_3.id)).all()
    assert sorted(message.recipient for message in queued) == sorted(
        invitee.email for invitee in invitees if invitee.email
    )
    assert "the invitees have this version" in workspace(as_chair, session_3)

    again = as_chair.post(
        f"/sessions/{session_3.id}/prepare/publish",
        data={"agenda_version": str(session_3.agenda_version)},
    )
    assert again.status_code == 409  # nothing changed, nothing sent twice

    first = items_of(db, session_3)[0]
    as_chair.post(
        f"/sessions/{session_3.id}/prepare/items/{first.id}",
        data={
            "agenda_version": str(session_3.agenda_version),
            "kind": "welcome",
            "title": "Welcome",
            "duration_minutes": "20",
        },
    )
    assert "The agenda changed after it was published" in workspace(as_chair, session_3)
    db.refresh(session_3)
    changed = as_chair.post(
        f"/sessions/{session_3.id}/prepare/publish",
        data={"agenda_version": str(session_3.agenda_version)},
        follow_redirects=False,
    )
    assert changed.status_code == 303
    db.expire_all()
    assert len(
        db.exec(select(OutboxMessage).where(OutboxMessage.session_id == session_3.id)).all()
    ) == 2 * len(invitees)


def test_a_dilemma_put_on_the_agenda_elsewhere_raises_the_agenda_version(
    db: Session, community: LearningCommunity, session_3: LearningSession, client: TestClient
) -> None:
    dilemma = factories.dilemma(db, factories.initiative(db, community), session_id=session_3.id)
    before = session_3.agenda_version
    response = client.post(
        f"/sessions/{session_3.id}/contributions/dilemma/{dilemma.id}/agenda",
        data={"on_agenda": "true"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    db.refresh(session_3)
    assert session_3.agenda_version == before + 1
    assert [item.dilemma_id for item in items_of(db, session_3)] == [dilemma.id]


def test_an_items_form_opens_on_its_own_page_or_inside_the_workspace(
    db: Session, session_3: LearningSession, as_chair: TestClient
) -> None:
    item = build_agenda(db, session_3)[3]
    path = f"/sessions/{session_3.id}/prepare/items/{item.id}/edit"
    page = as_chair.get(path)
    assert page.status_code == 200
    assert "<h1>Edit 'Dilemma round'</h1>" in page.text
    assert attributes(page.text, f"item-{item.id}-title")["value"] == "Dilemma round"
    fragment = as_chair.get(path, headers=HTMX)
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert "autofocus" in (attributes(fragment.text, f"item-{item.id}-title") or {})
    # The workspace itself carries a link per item, not every item's form.
    assert f'id="item-{item.id}-title"' not in workspace(as_chair, session_3)


def test_a_questions_form_opens_on_its_own_page(
    db: Session, session_3: LearningSession, as_chair: TestClient
) -> None:
    question = factories.reflective_question(db, session_3, text="Who decides what we measure?")
    page = as_chair.get(f"/sessions/{session_3.id}/prepare/questions/{question.id}/edit")
    assert page.status_code == 200
    assert "Who decides what we measure?</textarea>" in page.text
