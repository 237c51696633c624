"""What was done with a reflection: the facilitator or the session's chair marks it discussed
(in an agenda item of the session) with the action and the revised finding that followed, and
its author reads it on their own page in plain language, also through a personal link."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.actions.models import Action
from app.agendas.models import AgendaItem
from app.auth.dependencies import timeouts
from app.config import Settings
from app.factsheets.models import Factsheet, FactsheetSection
from app.i18n import LANGUAGE_COOKIE
from app.people.models import Person
from app.reflections.models import Reflection, ReflectionFollowUp
from app.vocabulary import FactsheetStatus, PartnershipCondition, Perspective, Role
from tests import factories
from tests.helpers import use_session
from tests.reflections.reading_world import ReadingWorld, reading_world, reflection

SignIn = Callable[[Person], TestClient]
HTMX = {"HX-Request": "true"}


@pytest.fixture
def world(db: Session, facilitator: Person) -> ReadingWorld:
    return reading_world(db, facilitator)


@dataclass
class Setting:
    item: AgendaItem
    action: Action
    section: FactsheetSection
    reflection: Reflection
    draft: Factsheet


def _setting(db: Session, w: ReadingWorld) -> Setting:
    """Ingrid's reflection, an agenda item, an action and a later factsheet's section."""
    item = factories.agenda_item(db, w.session, position=1, title="Exchange on monitoring")
    action = factories.action(
        db, w.own, w.session, title="Show families their results", due_date=date(2027, 3, 1)
    )
    later = factories.learning_session(db, w.community, number=4)
    draft = factories.factsheet(db, w.own, later)
    section = factories.factsheet_section(
        db,
        draft,
        PartnershipCondition.monitoring,
        analysis="Families see their own results first.",
        plain_text="Families now see their own results first.",
    )
    text = "Please show families their own results first."
    written = reflection(
        db, w.session, w.people["family"], perspective=Perspective.family, text=text
    )
    return Setting(item, action, section, written, draft)


def _path(w: ReadingWorld, written: Reflection) -> str:
    return f"/sessions/{w.session.id}/reflections/{written.id}/follow-up"


def test_marking_discussed_shows_on_the_authors_page_in_plain_words(
    db: Session, world: ReadingWorld, sign_in: SignIn
) -> None:
    s = _setting(db, world)
    written = s.reflection
    author = sign_in(world.people["family"])
    before = author.get(f"/sessions/{world.session.id}/reflect").text
    assert "What was done with your input" in before
    assert "Not discussed (yet)." in before

    chair = sign_in(world.people["chair"])
    saved = chair.post(
        _path(world, written),
        data={
            "discussed_in_item_id": str(s.item.id),
            "action_ids": str(s.action.id),
            "revised_section_id": str(s.section.id),
        },
        headers=HTMX,
    )
    assert saved.status_code == 200
    assert 'id="follow-up-' in saved.text and "Saved" in saved.text
    db.expire_all()
    stored = db.get(ReflectionFollowUp, written.id)
    assert stored is not None and stored.discussed_in_item_id == s.item.id
    assert db.get(Action, s.action.id).reflection_id == written.id  # type: ignore[union-attr]

    page = author.get(f"/sessions/{world.session.id}/reflect").text
    assert "Discussed in the session, in 'Exchange on monitoring'." in page
    assert (
        "This led to an action: 'Show families their results' "
        "(Gezinsteam Plus Leidse Regio, due March 1, 2027)." in page
    )
    # The revised finding is a draft: the author hears that it changes, not its words.
    assert "is being changed, about “Monitoring and evaluation”" in page
    assert "Families now see their own results first." not in page

    draft = s.draft
    draft.status = FactsheetStatus.published
    db.add(draft)
    db.flush()
    published = author.get(f"/sessions/{world.session.id}/reflect").text
    assert "now says, about “Monitoring and evaluation”:" in published
    assert "Families now see their own results first." in published


def test_the_dutch_page_says_it_in_dutch(db: Session, world: ReadingWorld, sign_in: SignIn) -> None:
    s = _setting(db, world)
    db.add(
        ReflectionFollowUp(
            reflection_id=s.reflection.id,
            discussed_in_item_id=s.item.id,
        )
    )
    db.flush()
    author = sign_in(world.people["family"])
    author.cookies.set(LANGUAGE_COOKIE, "nl")
    page = author.get(f"/sessions/{world.session.id}/reflect", headers={"Accept-Language": "nl"})
    assert "Wat er met uw inbreng is gedaan" in page.text
    assert "Besproken in de sessie, bij 'Exchange on monitoring'." in page.text


def test_a_link_for_the_session_shows_it_and_a_later_sessions_link_does_not_leak(
    app: FastAPI, db: Session, settings: Settings, world: ReadingWorld
) -> None:
    s = _setting(db, world)
    db.add(
        ReflectionFollowUp(
            reflection_id=s.reflection.id,
            discussed_in_item_id=s.item.id,
        )
    )
    db.flush()
    family = world.people["family"]
    link, _ = factories.access_link(db, family, for_session=world.session)
    token = factories.user_session(db, family, timeouts=timeouts(settings), access_link=link)
    browser = use_session(TestClient(app), settings.secret_key, token)
    page = browser.get(f"/sessions/{world.session.id}/reflect").text
    assert "Discussed in the session, in 'Exchange on monitoring'." in page
    # A link for the next session shows that session's answers only.
    nxt = factories.learning_session(db, world.community, number=5)
    other, _ = factories.access_link(db, family, for_session=nxt)
    token = factories.user_session(db, family, timeouts=timeouts(settings), access_link=other)
    later = use_session(TestClient(app), settings.secret_key, token)
    assert "Exchange on monitoring" not in later.get(f"/sessions/{nxt.id}/reflect").text


def test_signed_in_the_later_sessions_page_shows_the_earlier_answer(
    db: Session, world: ReadingWorld, sign_in: SignIn
) -> None:
    s = _setting(db, world)
    db.add(
        ReflectionFollowUp(
            reflection_id=s.reflection.id,
            discussed_in_item_id=s.item.id,
        )
    )
    db.flush()
    nxt = factories.learning_session(db, world.community, number=6)
    page = sign_in(world.people["family"]).get(f"/sessions/{nxt.id}/reflect").text
    assert "Session 3" in page
    assert "Discussed in the session, in 'Exchange on monitoring'." in page


def test_a_forged_item_of_another_session_is_refused_next_to_the_field(
    db: Session, world: ReadingWorld, sign_in: SignIn
) -> None:
    s = _setting(db, world)
    elsewhere = factories.learning_session(db, world.community, number=7)
    foreign = factories.agenda_item(db, elsewhere, position=1, title="Somewhere else")
    browser = sign_in(world.people["facilitator"])
    written = s.reflection
    for headers in (HTMX, {}):
        refused = browser.post(
            _path(world, written), data={"discussed_in_item_id": str(foreign.id)}, headers=headers
        )
        assert refused.status_code == 422
        assert f'id="fu-{written.id}-discussed_in_item_id-error"' in refused.text
        assert "Choose an agenda item of this session, or none." in refused.text
    foreign_action = factories.action(db, world.own, elsewhere)
    refused = browser.post(
        _path(world, written), data={"action_ids": str(foreign_action.id)}, headers=HTMX
    )
    assert refused.status_code == 422
    db.expire_all()
    assert db.get(ReflectionFollowUp, written.id) is None
    assert db.get(Action, foreign_action.id).reflection_id is None  # type: ignore[union-attr]


def test_unticking_an_action_unlinks_it_and_the_grouped_page_shows_the_state(
    db: Session, world: ReadingWorld, sign_in: SignIn
) -> None:
    s = _setting(db, world)
    written = s.reflection
    browser = sign_in(world.people["facilitator"])
    item_id = str(s.item.id)
    linked = browser.post(
        _path(world, written),
        data={"discussed_in_item_id": item_id, "action_ids": str(s.action.id)},
        follow_redirects=False,
    )
    assert linked.status_code == 303
    grouped = browser.get(f"/sessions/{world.session.id}/reflections").text
    assert "in 'Exchange on monitoring'" in grouped
    assert "Led to the action 'Show families their results'" in grouped
    browser.post(_path(world, written), data={"discussed_in_item_id": item_id})
    db.expire_all()
    assert db.get(Action, s.action.id).reflection_id is None  # type: ignore[union-attr]


def test_only_the_facilitator_and_the_sessions_chair_record_it(
    db: Session, world: ReadingWorld, sign_in: SignIn
) -> None:
    s = _setting(db, world)
    written = s.reflection
    data = {"discussed_in_item_id": str(s.item.id)}
    for key in ("practitioner", "family"):
        assert sign_in(world.people[key]).post(_path(world, written), data=data).status_code == 403
    other_chair = factories.person(db, world.community, name="Other chair")
    factories.membership(db, other_chair, Role.chair)
    assert sign_in(other_chair).post(_path(world, written), data=data).status_code == 403
    assert db.exec(select(ReflectionFollowUp)).all() == []
    # The practitioner reads the grouped page without the form.
    page = sign_in(world.people["practitioner"]).get(f"/sessions/{world.session.id}/reflections")
    assert "Record what was done with it" not in page.text


def test_the_action_form_opens_with_the_reflection_as_what_led_to_it(
    db: Session, world: ReadingWorld, sign_in: SignIn
) -> None:
    s = _setting(db, world)
    written = s.reflection
    browser = sign_in(world.people["facilitator"])
    grouped = browser.get(f"/sessions/{world.session.id}/reflections").text
    link = f"/sessions/{world.session.id}/actions?led_to=reflection:{written.id}#new-action"
    assert link in grouped
    form = browser.get(link.split("#")[0]).text
    assert f'<option value="reflection:{written.id}" selected>' in form
