"""Actions: agreed in a session (facilitator, the session's chair), edited with a version,
followed up with progress notes by the initiative's members, listed per session and per
initiative."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.actions.models import Action, ActionProgress
from app.actions.pages import sees_action
from app.actions.service import get_action
from app.auth.principal import Principal
from app.community.models import LearningCommunity
from app.people.models import Person
from app.reflections.models import Reflection
from app.vocabulary import ActionStatus, PdsaStage, Perspective, ReflectionVisibility, Role
from tests import factories
from tests.actions.world import ActionWorld, action_form, action_world
from tests.helpers import attributes, counted_statements

SignIn = Callable[[Person], TestClient]


@pytest.fixture
def w(db: Session, community: LearningCommunity) -> ActionWorld:
    return action_world(db, community)


def _actions(db: Session) -> list[Action]:
    db.expire_all()
    return list(db.exec(select(Action).order_by(Action.id)).all())  # type: ignore[arg-type]


def test_the_facilitator_adds_an_action_reviewed_in_the_next_session_by_default(
    client: TestClient, db: Session, w: ActionWorld
) -> None:
    page = client.get(f"/sessions/{w.held.id}/actions")
    assert page.status_code == 200
    assert "No actions have been agreed in this session yet." in page.text
    # The review session defaults to the next session by number.
    assert f'<option value="{w.next.id}" selected>' in page.text

    response = client.post(
        f"/sessions/{w.held.id}/actions", data=action_form(w), follow_redirects=False
    )

    assert response.status_code == 303
    (action,) = _actions(db)
    assert response.headers["location"] == f"/actions/{action.id}"
    assert (action.initiative_id, action.owner_id) == (w.a.id, w.member_a.id)
    assert (action.opened_in_session_id, action.review_session_id) == (w.held.id, w.next.id)
    listed = client.get(f"/sessions/{w.held.id}/actions").text
    assert "One contact per family" in listed and "Pieter Praktijk" in listed


def test_the_chair_adds_actions_for_their_session_only(
    sign_in: SignIn, db: Session, w: ActionWorld
) -> None:
    chair = sign_in(w.chair)
    assert (
        chair.post(
            f"/sessions/{w.held.id}/actions", data=action_form(w), follow_redirects=False
        ).status_code
        == 303
    )
    refused = chair.post(f"/sessions/{w.next.id}/actions", data=action_form(w))
    assert refused.status_code == 403
    member = sign_in(w.member_a)
    assert member.post(f"/sessions/{w.held.id}/actions", data=action_form(w)).status_code == 403
    assert 'action="/sessions/' not in member.get(f"/sessions/{w.held.id}/actions").text
    assert len(_actions(db)) == 1


def test_a_cancelled_session_agrees_no_actions(
    client: TestClient, db: Session, w: ActionWorld
) -> None:
    w.held.cancelled_at = w.held.starts_at
    db.add(w.held)
    db.flush()
    page = client.get(f"/sessions/{w.held.id}/actions")
    assert "This session was cancelled, so no actions are agreed in it." in page.text
    assert 'id="new-action"' not in page.text
    refused = client.post(f"/sessions/{w.held.id}/actions", data=action_form(w))
    assert refused.status_code == 409
    assert _actions(db) == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Give the action a title of at most 300 characters."),
        ("title", "x" * 301, "Give the action a title of at most 300 characters."),
        ("condition", "budget", "Choose a partnership condition."),
        ("due_date", "1 oktober", "Enter a date between 2000 and 2100"),
        ("pdsa_stage", "check", "Choose a PDSA stage."),
        ("initiative_id", "999999", "Choose one of the community's initiatives."),
        ("review_session_id", "x", "Choose a later session of the learning community"),
    ],
)
def test_an_invalid_action_is_refused_next_to_the_field(
    client: TestClient, db: Session, w: ActionWorld, field: str, value: str, message: str
) -> None:
    response = client.post(f"/sessions/{w.held.id}/actions", data=action_form(w, **{field: value}))
    assert response.status_code == 422
    assert message in response.text
    assert attributes(response.text, field).get("aria-invalid") == "true"
    assert _actions(db) == []


def test_an_owner_who_is_not_a_member_of_the_initiative_is_refused(
    client: TestClient, db: Session, w: ActionWorld
) -> None:
    for owner in (w.member_b.id, 999_999):  # another initiative's member; nobody
        response = client.post(
            f"/sessions/{w.held.id}/actions", data=action_form(w, owner_id=str(owner))
        )
        assert response.status_code == 422
        assert "Choose the owner from the initiative" in response.text
    assert _actions(db) == []


def test_a_review_session_before_the_action_is_refused(
    client: TestClient, db: Session, community: LearningCommunity, w: ActionWorld
) -> None:
    earlier = factories.learning_session(db, community, number=1)
    response = client.post(
        f"/sessions/{w.held.id}/actions", data=action_form(w, review_session_id=str(earlier.id))
    )
    assert response.status_code == 422
    assert _actions(db) == []


def test_what_led_to_an_action_must_be_of_its_session(
    client: TestClient, db: Session, w: ActionWorld
) -> None:
    item = factories.agenda_item(db, w.held, position=0, title="Dilemma round")
    other_item = factories.agenda_item(db, w.next, position=0, title="Later round")
    own = Reflection(
        session_id=w.held.id or 0,
        author_id=w.member_a.id,
        perspective=Perspective.professional,
        text="Nobody knows who coordinates.",
    )
    elsewhere = Reflection(
        session_id=w.next.id or 0,
        author_id=w.member_a.id,
        perspective=Perspective.professional,
        text="Another session's reflection.",
    )
    db.add_all([own, elsewhere])
    db.flush()
    dilemma = factories.dilemma(db, w.a, session_id=w.next.id)

    page = client.get(f"/sessions/{w.held.id}/actions").text
    assert f'value="agenda_item:{item.id}"' in page
    assert f'value="reflection:{own.id}"' in page
    assert f'value="reflection:{elsewhere.id}"' not in page

    for link in (
        f"agenda_item:{other_item.id}",
        f"reflection:{elsewhere.id}",
        f"dilemma:{dilemma.id}",
        "agenda_item:999999",
        "question:1",
        "reflection",
    ):
        response = client.post(f"/sessions/{w.held.id}/actions", data=action_form(w, led_to=link))
        assert response.status_code == 422, link
        assert "Choose an agenda item, dilemma or reflection of this session" in response.text
    assert _actions(db) == []

    client.post(
        f"/sessions/{w.held.id}/actions", data=action_form(w, led_to=f"reflection:{own.id}")
    )
    (action,) = _actions(db)
    assert (action.reflection_id, action.agenda_item_id, action.dilemma_id) == (own.id, None, None)
    shown = client.get(f"/actions/{action.id}").text
    assert "Reflection: Nobody knows who coordinates." in shown


def test_a_stale_edit_answers_409_with_both_versions_and_keeps_the_saved_one(
    client: TestClient, db: Session, w: ActionWorld
) -> None:
    action = factories.action(db, w.a, w.held, title="Map the funders", owner_id=w.member_a.id)
    form = client.get(f"/actions/{action.id}/edit").text
    assert attributes(form, "title")["value"] == "Map the funders"
    # Someone else saves first.
    saved = client.post(
        f"/actions/{action.id}/edit",
        data=action_form(w, title="Map every funder", version="1"),
        follow_redirects=False,
    )
    assert saved.status_code == 303

    stale = client.post(
        f"/actions/{action.id}/edit", data=action_form(w, title="Draw the funders", version="1")
    )

    assert stale.status_code == 409
    assert "Someone else saved this action while you were editing it." in stale.text
    assert "Your version" in stale.text and "The saved version" in stale.text
    assert "Draw the funders" in stale.text and "Map every funder" in stale.text
    assert attributes(stale.text, "title")["value"] == "Draw the funders"  # what was typed
    db.expire_all()
    stored = db.get(Action, action.id)
    assert stored is not None and stored.title == "Map every funder"
    assert 'name="version" value="2"' in stale.text  # a second save replaces it knowingly
    again = client.post(
        f"/actions/{action.id}/edit",
        data=action_form(w, title="Draw the funders", version="2"),
        follow_redirects=False,
    )
    assert again.status_code == 303
    db.expire_all()
    assert db.get(Action, action.id).title == "Draw the funders"  # type: ignore[union-attr]


def test_an_edit_keeps_the_initiative_and_validates_like_a_new_action(
    client: TestClient, db: Session, w: ActionWorld
) -> None:
    action = factories.action(db, w.a, w.held)
    moved = client.post(
        f"/actions/{action.id}/edit",
        data=action_form(w, initiative_id=str(w.b.id), owner_id="", version="1"),
        follow_redirects=False,
    )
    assert moved.status_code == 303
    db.expire_all()
    assert db.get(Action, action.id).initiative_id == w.a.id  # type: ignore[union-attr]
    refused = client.post(f"/actions/{action.id}/edit", data=action_form(w, title="", version="2"))
    assert refused.status_code == 422
    assert "Give the action a title of at most 300 characters." in refused.text


def test_a_member_records_progress_and_the_action_changes_with_it(
    sign_in: SignIn, db: Session, w: ActionWorld
) -> None:
    action = factories.action(db, w.a, w.held, title="Map the funders")
    member = sign_in(w.member_a)
    page = member.get(f"/actions/{action.id}").text
    assert "Record progress" in page and "No progress has been recorded yet." in page

    first = member.post(
        f"/actions/{action.id}/progress",
        data={"status": "in_progress", "pdsa_stage": "do", "note": "Spoke to two funders."},
        follow_redirects=False,
    )
    member.post(
        f"/actions/{action.id}/progress",
        data={"status": "in_progress", "pdsa_stage": "study", "note": "The map is half done."},
    )

    assert first.status_code == 303
    db.expire_all()
    stored = db.get(Action, action.id)
    assert stored is not None
    assert (stored.status, stored.pdsa_stage) == (ActionStatus.in_progress, PdsaStage.study)
    notes = db.exec(select(ActionProgress).where(ActionProgress.action_id == action.id)).all()
    assert {(n.note, n.author_id) for n in notes} == {
        ("Spoke to two funders.", w.member_a.id),
        ("The map is half done.", w.member_a.id),
    }
    history = member.get(f"/actions/{action.id}").text
    assert history.index("The map is half done.") < history.index("Spoke to two funders.")
    assert "Pieter Praktijk" in history


def test_progress_is_refused_for_another_initiatives_member_and_without_a_note(
    sign_in: SignIn, client: TestClient, db: Session, w: ActionWorld
) -> None:
    action = factories.action(db, w.a, w.held)
    outsider = sign_in(w.member_b)
    assert "Record progress" not in outsider.get(f"/actions/{action.id}").text
    refused = outsider.post(
        f"/actions/{action.id}/progress",
        data={"status": "done", "pdsa_stage": "act", "note": "Done, says B."},
    )
    assert refused.status_code == 403
    chair = sign_in(w.chair)
    assert (
        chair.post(
            f"/actions/{action.id}/progress",
            data={"status": "done", "pdsa_stage": "act", "note": "Done, says the chair."},
        ).status_code
        == 403
    )
    for note in ("", "   ", "x" * 1001):
        missing = sign_in(w.member_a).post(
            f"/actions/{action.id}/progress",
            data={"status": "done", "pdsa_stage": "act", "note": note},
        )
        assert missing.status_code == 422
        assert "Write a short note of at most 1000 characters" in missing.text
    bad_status = client.post(
        f"/actions/{action.id}/progress",
        data={"status": "finished", "pdsa_stage": "act", "note": "Klaar."},
    )
    assert bad_status.status_code == 422
    db.expire_all()
    assert db.exec(select(ActionProgress)).all() == []
    assert db.get(Action, action.id).status == ActionStatus.open  # type: ignore[union-attr]


def test_the_lists_per_session_and_per_initiative(
    sign_in: SignIn, db: Session, community: LearningCommunity, w: ActionWorld
) -> None:
    factories.action(db, w.a, w.held, title="Done already", status=ActionStatus.done)
    factories.action(db, w.a, w.held, title="Still open", review_session_id=w.next.id)
    factories.action(db, w.b, w.held, title="Groningen's action")
    factories.action(db, w.a, w.next, title="Agreed later")
    reader = sign_in(w.member_b)

    session_page = reader.get(f"/sessions/{w.held.id}/actions").text
    assert "Gezinsteam Plus Leidse Regio" in session_page
    assert session_page.index("Gezinsteam Plus Leidse Regio") < session_page.index(
        "IST Groningen-Ommelanden"
    )
    assert "Groningen&#39;s action" in session_page and "Agreed later" not in session_page
    assert 'data-label="Owner"' in session_page and "stack-table" in session_page

    initiative_page = reader.get(f"/initiatives/{w.a.id}/actions").text
    assert initiative_page.index("Still open") < initiative_page.index("Done already")
    assert "Agreed later" in initiative_page and "Groningen&#39;s action" not in initiative_page


def test_text_is_shown_escaped(client: TestClient, db: Session, w: ActionWorld) -> None:
    script = "<script>alert(1)</script>"
    client.post(f"/sessions/{w.held.id}/actions", data=action_form(w, title=f"Plan {script}"))
    (action,) = _actions(db)
    assert action.title == f"Plan {script}"  # stored as written
    client.post(
        f"/actions/{action.id}/progress",
        data={"status": "open", "pdsa_stage": "plan", "note": f"Note {script}"},
    )
    for path in (
        f"/actions/{action.id}",
        f"/sessions/{w.held.id}/actions",
        f"/initiatives/{w.a.id}/actions",
        f"/actions/{action.id}/edit",
    ):
        page = client.get(path).text
        assert script not in page, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, path


def test_a_session_scoped_link_reads_only_its_sessions_actions(
    db: Session, w: ActionWorld, client: TestClient
) -> None:
    # The lists filter by the same rule that answers 404 for an action of another session.
    mine = factories.action(db, w.a, w.held)
    other = factories.action(db, w.a, w.next)
    scoped = Principal(
        account_id=1,
        person_id=w.member_b.id or 0,
        community_id=w.held.community_id,
        name="Ingrid",
        email=None,
        access_link_id=1,
        session_scope_id=w.held.id,
    )
    community_id = w.held.community_id
    assert sees_action(scoped, get_action(db=db, action_id=mine.id or 0, community_id=community_id))
    assert not sees_action(
        scoped, get_action(db=db, action_id=other.id or 0, community_id=community_id)
    )
    assert client.get("/actions/999999").status_code == 404


def test_the_lists_run_the_same_statements_for_two_or_eight_actions(
    client: TestClient, db: Session, community: LearningCommunity, w: ActionWorld
) -> None:
    counts: dict[str, list[int]] = {"session": [], "initiative": []}
    for size in (2, 8):
        session = factories.learning_session(db, community)
        initiative = factories.initiative(db, community)
        for number in range(size):
            owner = factories.person(db, community)
            factories.membership(db, owner, Role.practitioner, initiative)
            factories.action(
                db,
                initiative,
                session,
                owner_id=owner.id,
                review_session_id=w.next.id,
                status=ActionStatus.done if number % 2 else ActionStatus.open,
            )
        db.flush()
        for name, path in (
            ("session", f"/sessions/{session.id}/actions"),
            ("initiative", f"/initiatives/{initiative.id}/actions"),
        ):
            with counted_statements(db) as statements:
                page = client.get(path)
            assert page.status_code == 200
            assert page.text.count('href="/actions/') == size
            counts[name].append(len(statements))
    assert counts["session"][0] == counts["session"][1], counts
    assert counts["initiative"][0] == counts["initiative"][1], counts


def test_the_session_and_initiative_pages_link_their_actions(
    client: TestClient, w: ActionWorld
) -> None:
    session_page = client.get(f"/sessions/{w.held.id}").text
    assert f'href="/sessions/{w.held.id}/actions"' in session_page
    initiative_page = client.get(f"/initiatives/{w.a.id}").text
    assert f'href="/initiatives/{w.a.id}/actions"' in initiative_page


def test_a_reflection_is_offered_and_shown_only_to_those_who_may_read_it(
    sign_in: SignIn, client: TestClient, db: Session, w: ActionWorld
) -> None:
    private = Reflection(
        session_id=w.held.id or 0,
        author_id=w.member_a.id,
        perspective=Perspective.family,
        visibility=ReflectionVisibility.private,
        text="Only for the facilitator: my son's school.",
    )
    db.add(private)
    db.flush()
    chair = sign_in(w.chair)
    assert f"reflection:{private.id}" not in chair.get(f"/sessions/{w.held.id}/actions").text
    forged = chair.post(
        f"/sessions/{w.held.id}/actions", data=action_form(w, led_to=f"reflection:{private.id}")
    )
    assert forged.status_code == 422
    assert _actions(db) == []

    client.post(
        f"/sessions/{w.held.id}/actions", data=action_form(w, led_to=f"reflection:{private.id}")
    )
    (action,) = _actions(db)
    assert "Only for the facilitator" in client.get(f"/actions/{action.id}").text
    outsider = sign_in(w.member_b).get(f"/actions/{action.id}").text
    assert "Only for the facilitator" not in outsider
    assert "A reflection of the session that is not yours to read" in outsider
