"""The participant's reflection page: what it shows (when, where, the way there, what to
read, the questions for them), who opens it, the links to it, Dutch, and its phone styles."""

import re
from datetime import UTC, datetime

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.auth.dependencies import timeouts
from app.config import PROJECT_ROOT, Settings
from app.i18n import LANGUAGE_COOKIE
from app.vocabulary import FactsheetStatus, Role
from tests import factories
from tests.helpers import use_session
from tests.reflections.writing_world import SignIn, new_answer, stored, writing_world


def test_the_page_shows_the_session_the_way_there_and_what_to_read(
    db: Session, sign_in: SignIn
) -> None:
    w = writing_world(db)
    w.session.place = "Stadhuis Leiden, Stadhuisplein 1"
    w.session.online_url = "https://meet.example.org/sessie"
    db.add(w.session)
    initiative = factories.initiative(db, w.community, name="Samen1Plan")
    published = factories.published_factsheet(db, initiative, w.session, analysis="Geld stopt.")
    draft_initiative = factories.initiative(db, w.community, name="Nog een concept")
    factories.factsheet(db, draft_initiative, w.session, status=FactsheetStatus.draft)
    browser = sign_in(w.family)

    page = browser.get(f"/sessions/{w.session.id}/reflect").text
    assert "Stadhuis Leiden, Stadhuisplein 1" in page
    assert (
        'href="https://www.openstreetmap.org/search?query=Stadhuis%20Leiden%2C%20Stadhuisplein%201"'
        in page
    )
    assert 'href="https://meet.example.org/sessie"' in page
    assert re.search(r'<time datetime="[0-9T:-]+Z">', page)
    assert f'href="/factsheets/{published.id}/pdf?variant=plain"' in page
    assert "About Samen1Plan, in plain language (PDF)" in page
    assert "Nog een concept" not in page  # not published
    assert f'href="/sessions/{w.session.id}/agenda"' not in page  # not published yet
    w.session.agenda_published_at = datetime.now(UTC)
    db.add(w.session)
    db.flush()
    page = browser.get(f"/sessions/{w.session.id}/reflect").text
    assert f'href="/sessions/{w.session.id}/agenda"' in page


def test_the_questions_for_them_a_factsheet_a_dilemma_and_in_general(
    db: Session, sign_in: SignIn
) -> None:
    w = writing_world(db)
    for_everyone = factories.reflective_question(db, w.session, text="What went well?")
    initiative = factories.initiative(db, w.community, name="Wijkexpertteam")
    factsheet = factories.published_factsheet(db, initiative, w.session, analysis="Pilot stopt.")
    dilemma = factories.dilemma(
        db,
        initiative,
        session_id=w.session.id,
        status="on_agenda",
        title="Wie betaalt de schuldhulp?",
        description="Niemand.",
        condition="financing",
        level="system",
    )
    factories.dilemma(
        db,
        initiative,
        session_id=w.session.id,
        title="Nog niet op de agenda",
        description="Ingediend.",
        condition="roles",
        level="clinical",
    )
    page = sign_in(w.family).get(f"/sessions/{w.session.id}/reflect").text
    assert "Who do you call when you need help?" in page  # plain wording first
    assert "What went well?" in page
    assert "Which task falls between us?" not in page  # addressed to practitioners
    assert f'id="reflection-question-{for_everyone.id}"' in page
    assert f'id="reflection-factsheet-{factsheet.id}"' in page
    assert "Factsheet of Wijkexpertteam" in page
    assert f'id="reflection-dilemma-{dilemma.id}"' in page
    assert "Wie betaalt de schuldhulp?" in page
    assert "Nog niet op de agenda" not in page
    assert 'id="reflection-general"' in page
    assert "Not my name: show me as a family representative" in page
    assert "My name: Ingrid Smit" in page
    # Who reads it: the session's people unless they open the other choices.
    assert "Who may read it: The people at this session" in page
    assert 'id="visibility-general-session" name="visibility" value="session" checked' in page


def test_a_link_for_this_session_opens_the_page_and_writes(
    app: FastAPI, db: Session, settings: Settings
) -> None:
    w = writing_world(db)
    other = factories.learning_session(db, w.community)
    facilitator = factories.person(db, w.community, name="Marieke")
    factories.membership(db, facilitator, Role.facilitator)
    link, _ = factories.access_link(db, w.family, created_by=facilitator, for_session=w.session)
    token = factories.user_session(db, w.family, timeouts=timeouts(settings), access_link=link)
    browser = use_session(TestClient(app), settings.secret_key, token)
    assert browser.get(f"/sessions/{w.session.id}/reflect").status_code == 200
    sent = browser.post(f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Via de link"))
    assert sent.is_success
    [reflection] = stored(db, w.family)
    assert reflection.text == "Via de link"
    assert browser.get(f"/sessions/{other.id}/reflect").status_code == 404
    assert (
        browser.post(f"/sessions/{other.id}/reflections", data=new_answer(w, "x")).status_code
        == 404
    )


def test_the_dashboard_and_the_session_page_link_to_it(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    family = sign_in(w.family)
    home = family.get("/").text
    assert f'href="/sessions/{w.session.id}/reflect"' in home
    assert "Answer the questions" in home
    session_page = sign_in(w.practitioner).get(f"/sessions/{w.session.id}").text
    assert f'href="/sessions/{w.session.id}/reflect"' in session_page


def test_the_page_in_dutch(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    browser.cookies.set(LANGUAGE_COOKIE, "nl")
    page = browser.get(f"/sessions/{w.session.id}/reflect").text
    assert "Uw antwoorden" in page and "Uw toestemming" in page
    assert "Niet mijn naam: laat mij zien als" in page
    fragment = browser.post(
        f"/sessions/{w.session.id}/reflections",
        data=new_answer(w, "Goed"),
        headers={"HX-Request": "true"},
    )
    assert re.search(r"Bewaard om \d\d:\d\d", fragment.text)


def test_a_hidden_reflection_shows_why_and_is_not_changed(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    browser.post(
        f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Scherp.", submit="yes")
    )
    [reflection] = stored(db, w.family)
    reflection.hidden_at = datetime.now(UTC)
    reflection.hidden_reason = "Een naam van een kind."
    db.add(reflection)
    db.flush()
    page = browser.get(f"/sessions/{w.session.id}/reflect").text
    assert "The facilitator has hidden this answer." in page
    assert "Een naam van een kind." in page
    assert f'action="/reflections/{reflection.id}"' not in page
    refused = browser.post(
        f"/reflections/{reflection.id}",
        data={"text": "Anders.", "version": str(reflection.version)},
    )
    assert refused.status_code == 409
    assert stored(db, w.family)[0].text == "Scherp."


def test_the_phone_styles_large_type_and_touch_targets(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    page = sign_in(w.family).get(f"/sessions/{w.session.id}/reflect").text
    assert re.search(r'<link rel="stylesheet" href="/static/reflect.css\?v=\w+">', page)
    assert '<div class="reflect-page">' in page
    css = (PROJECT_ROOT / "app" / "static" / "reflect.css").read_text()
    # 1.125rem of the 17 px root: 19 px body text on this page.
    assert re.search(r"\.reflect-page \{[^}]*font-size: 1\.125rem", css)
    for selector in (".reflect-page .button", ".choice", ".reflect-link"):
        rule = re.search(re.escape(selector) + r"(?:, [^{]*)? \{([^}]*)\}", css)
        assert rule is not None and "min-height: 44px" in rule.group(1), selector
    radio = re.search(r"\.choice input \{([^}]*)\}", css)
    assert radio is not None and "width: 44px; height: 44px" in radio.group(1)
