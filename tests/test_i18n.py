"""Every user-facing string has a Dutch translation, and pages speak the chosen language."""

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.community.models import LearningCommunity
from app.config import PROJECT_ROOT
from app.i18n import LANGUAGE_COOKIE, TRANSLATIONS_DIR, negotiate_language
from tests import factories


def extracted_messages() -> set[str]:
    method_map = [
        ("app/**.py", "python"),
        ("templates/**.html", "jinja2"),
        ("templates/**.txt", "jinja2"),
        ("factsheets/**.html", "jinja2"),
    ]
    jinja = {"extensions": "jinja2.ext.i18n", "trimmed": "true"}
    options = {"templates/**.html": jinja, "templates/**.txt": jinja, "factsheets/**.html": jinja}
    messages = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        PROJECT_ROOT,
        method_map=method_map,
        options_map=options,
        keywords={"_": None, "gettext": None, "N_": None},
    ):
        messages.add(message if isinstance(message, str) else message[0])
    return messages


def test_every_message_has_a_dutch_translation() -> None:
    with Path(TRANSLATIONS_DIR / "nl" / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalogue = read_po(po, locale="nl")
    translated = {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in catalogue
        if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else [m.string])
    }

    extracted = extracted_messages()
    assert {"Learning sessions", "Shared vision and interests"} <= extracted  # extraction works

    untranslated = sorted(extracted - translated)

    assert untranslated == [], "run `make messages` and translate these in nl/messages.po"


def test_language_negotiation_prefers_the_cookie_then_the_browser() -> None:
    assert negotiate_language("nl", "en-GB,en;q=0.9", "en") == "nl"
    assert negotiate_language(None, "fr;q=0.9, nl-BE;q=0.8, en;q=0.5", "en") == "nl"
    assert negotiate_language(None, "en;q=0.1, nl;q=0.9", "en") == "nl"
    assert negotiate_language("xx", "de", "en") == "en"
    assert negotiate_language(None, "nl;q=abc", "en") == "nl"


def test_dutch_browser_gets_dutch_navigation_and_labels(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    factories.initiative(db, community, name="Samen1Plan Drechtsteden")
    factories.learning_session(db, community, number=3)

    response = client.get("/", headers={"Accept-Language": "nl-NL,nl;q=0.9,en;q=0.5"})

    assert response.status_code == 200
    assert '<html lang="nl">' in response.text
    assert "Leersessies" in response.text
    assert "Initiatieven" in response.text
    assert "Naar de inhoud" in response.text
    assert "Sessie 3" in response.text
    assert "Lumpsumsubsidie" in response.text
    assert "Learning sessions" not in response.text


def test_language_switch_is_remembered_in_a_cookie(client: TestClient, db: Session) -> None:

    switched = client.post(
        "/language", data={"language": "nl", "next": "/"}, follow_redirects=False
    )
    assert switched.status_code == 303
    assert switched.headers["location"] == "/"
    assert client.cookies.get(LANGUAGE_COOKIE) == "nl"

    page = client.get("/", headers={"Accept-Language": "en"})
    assert "Leersessies" in page.text


def test_language_switch_never_redirects_off_site(client: TestClient) -> None:
    response = client.post(
        "/language", data={"language": "en", "next": "//evil.example"}, follow_redirects=False
    )
    assert response.headers["location"] == "/"
