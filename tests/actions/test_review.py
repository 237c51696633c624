"""Actions come back: the open actions a session reviews show in its chair's workspace (with
a link to each), the workspace offers the review item once, and the initiative's next
factsheet draft lists them."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.agendas.models import AgendaItem
from app.community.models import LearningCommunity
from app.factsheets import service as factsheet_service
from app.factsheets.view import build_view
from app.people.models import Person
from app.vocabulary import ActionStatus, AgendaItemKind
from tests import factories
from tests.actions.world import ActionWorld, action_world

SignIn = Callable[[Person], TestClient]
OFFER = "Add the review of last session's actions"


@pytest.fixture
def w(db: Session, community: LearningCommunity) -> ActionWorld:
    return action_world(db, community)


def _items(db: Session, w: ActionWorld) -> list[AgendaItem]:
    db.expire_all()
    return list(
        db.exec(
            select(AgendaItem)
            .where(AgendaItem.session_id == w.next.id)
            .order_by(AgendaItem.position)  # type: ignore[arg-type]
        ).all()
    )


def test_session_twos_open_actions_are_in_session_threes_workspace_with_links(
    client: TestClient, db: Session, community: LearningCommunity, w: ActionWorld
) -> None:
    first = factories.learning_session(db, community, number=1)
    reviewed = factories.action(
        db, w.a, w.held, title="Map the funders", review_session_id=w.next.id
    )
    older = factories.action(
        db, w.b, first, title="Still open from session 1", review_session_id=w.next.id
    )
    factories.action(
        db,
        w.b,
        first,
        title="Closed in session 1",
        status=ActionStatus.done,
        review_session_id=w.held.id,
    )

    page = client.get(f"/sessions/{w.next.id}/prepare").text

    assert f'<a href="/actions/{reviewed.id}">Map the funders</a>' in page
    assert f'<a href="/actions/{older.id}">Still open from session 1</a>' in page
    assert "Closed in session 1" not in page
    assert "Actions from session 2" in page


def test_the_workspace_offers_the_review_item_once_and_adds_it_after_the_welcome(
    client: TestClient, db: Session, w: ActionWorld
) -> None:
    factories.agenda_item(db, w.next, position=0, kind=AgendaItemKind.welcome, title="Welcome")
    factories.agenda_item(db, w.next, position=1, title="Findings")
    factories.agenda_item(db, w.next, position=2, kind=AgendaItemKind.evaluation, title="Close")
    factories.action(db, w.a, w.held, review_session_id=w.next.id)
    workspace = client.get(f"/sessions/{w.next.id}/prepare").text
    assert OFFER in workspace
    assert "Open actions to review in this session: 1." in workspace

    added = client.post(
        f"/sessions/{w.next.id}/prepare/review-actions",
        data={"agenda_version": str(w.next.agenda_version)},
        follow_redirects=False,
    )

    assert added.status_code == 303
    items = _items(db, w)
    assert [(i.kind, i.title) for i in items] == [
        (AgendaItemKind.welcome, "Welcome"),
        (AgendaItemKind.review_actions, "Review of last session's actions"),
        (AgendaItemKind.findings, "Findings"),
        (AgendaItemKind.evaluation, "Close"),
    ]
    assert added.headers["location"] == f"/sessions/{w.next.id}/prepare#item-{items[1].id}"
    assert OFFER not in client.get(f"/sessions/{w.next.id}/prepare").text
    db.refresh(w.next)
    again = client.post(
        f"/sessions/{w.next.id}/prepare/review-actions",
        data={"agenda_version": str(w.next.agenda_version)},
        follow_redirects=False,
    )
    assert again.status_code == 303
    assert len(_items(db, w)) == 4  # added once


def test_the_review_item_goes_at_the_end_of_a_short_agenda_and_in_dutch(
    sign_in: SignIn, db: Session, w: ActionWorld
) -> None:
    w.next.chair_id = w.chair.id
    db.add(w.next)
    factories.agenda_item(db, w.next, position=0, kind=AgendaItemKind.welcome, title="Welkom")
    factories.action(db, w.a, w.held, review_session_id=w.next.id)
    chair = sign_in(w.chair)
    chair.cookies.set("leerkring_language", "nl")
    response = chair.post(
        f"/sessions/{w.next.id}/prepare/review-actions",
        data={"agenda_version": str(w.next.agenda_version)},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert [i.kind for i in _items(db, w)] == [
        AgendaItemKind.welcome,
        AgendaItemKind.review_actions,
    ]


def test_the_review_item_is_not_offered_when_the_agenda_has_one_or_nothing_is_open(
    client: TestClient, db: Session, w: ActionWorld
) -> None:
    factories.action(db, w.a, w.held, review_session_id=w.next.id, status=ActionStatus.done)
    assert OFFER not in client.get(f"/sessions/{w.next.id}/prepare").text
    client.post(
        f"/sessions/{w.next.id}/prepare/review-actions",
        data={"agenda_version": str(w.next.agenda_version)},
    )
    assert _items(db, w) == []

    factories.action(db, w.a, w.held, review_session_id=w.next.id)
    factories.agenda_item(
        db, w.next, position=0, kind=AgendaItemKind.review_actions, title="Terugblik"
    )
    assert OFFER not in client.get(f"/sessions/{w.next.id}/prepare").text


def test_a_stale_agenda_version_refuses_the_review_item(
    client: TestClient, db: Session, w: ActionWorld
) -> None:
    factories.action(db, w.a, w.held, review_session_id=w.next.id)
    stale = client.post(
        f"/sessions/{w.next.id}/prepare/review-actions",
        data={"agenda_version": str(w.next.agenda_version + 5)},
    )
    assert stale.status_code == 409
    assert _items(db, w) == []


def test_the_next_factsheet_draft_lists_the_open_actions_it_reviews(
    db: Session, w: ActionWorld
) -> None:
    factories.action(db, w.a, w.held, title="Map the funders", review_session_id=w.next.id)
    factories.action(db, w.a, w.held, title="Done already", status=ActionStatus.done)
    factories.action(db, w.a, w.next, title="Agreed in session 3")
    factories.action(db, w.b, w.held, title="Another initiative's")
    draft = factsheet_service.start_draft(db=db, initiative=w.a, learning_session=w.next)

    view = build_view(db=db, factsheet=draft, language="en")

    assert [action.title for action in view.open_actions] == ["Map the funders"]
