"""The chair's grouped reading of a session's reflections, its printable view, and hiding."""

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.audit.models import AuditEntry
from app.auth.principal import Principal
from app.people.models import Person
from app.reflections import reading
from app.vocabulary import (
    AuditAction,
    PartnershipCondition,
    Perspective,
    ReflectionVisibility,
    Role,
)
from tests import factories
from tests.helpers import counted_statements
from tests.reflections.reading_world import XSS, ReadingWorld, question, reading_world, reflection

SignIn = Callable[[Person], TestClient]


def _world(db: Session, facilitator: Person) -> ReadingWorld:
    return reading_world(db, facilitator)


def _section(html: str, element_id: str) -> str:
    """The HTML from the element with this id to the next section or article."""
    start = html.index(f'id="{element_id}"')
    end = re.search(r"<(section|article) ", html[start:])
    return html[start : start + end.start()] if end else html[start:]


def test_grouped_per_condition_and_question_with_counts_and_the_family_marked(
    db: Session, facilitator: Person, sign_in: SignIn
) -> None:
    w = _world(db, facilitator)
    roles_q = question(db, w, PartnershipCondition.roles, text="Who is the family's contact?")
    money_q = question(db, w, PartnershipCondition.financing, text="Who pays for debt help?")
    reflection(
        db,
        w.session,
        w.people["family"],
        perspective=Perspective.family,
        reflective_question_id=roles_q.id,
        text="Nobody told me who to call.",
        shows_name=False,
    )
    reflection(
        db,
        w.session,
        w.people["practitioner"],
        reflective_question_id=roles_q.id,
        text="It was me, by accident.",
    )
    reflection(
        db,
        w.session,
        w.people["policymaker"],
        perspective=Perspective.local_government,
        reflective_question_id=money_q.id,
        text="The youth budget does not.",
    )
    reflection(db, w.session, w.people["practitioner"], text="A good afternoon, I hope.")

    page = sign_in(w.people["chair"]).get(f"/sessions/{w.session.id}/reflections")

    assert page.status_code == 200
    roles = _section(page.text, f"condition-{PartnershipCondition.roles}")
    assert "Family perspective: 1" in roles and "Professional: 1" in roles
    assert "Local government: 0" in roles
    assert "Nobody told me who to call." in page.text
    asked = _section(page.text, f"question-{roles_q.id}")
    assert "Who is the family&#39;s contact?" in asked
    assert "Nobody told me who to call." in page.text.split(f'id="question-{money_q.id}"')[0]
    family_item = page.text.split("Nobody told me who to call.")[0].rsplit("<li id=", 1)[1]
    assert "reflection--family" in family_item and "Family perspective</span>" in family_item
    financing = _section(page.text, f"condition-{PartnershipCondition.financing}")
    assert "Local government: 1" in financing
    assert "No reflective question on this condition." in _section(
        page.text, f"condition-{PartnershipCondition.monitoring}"
    )
    general = page.text.split('id="in-general"')[1]
    assert "A good afternoon, I hope." in general
    assert "In all: 4 reflections" in page.text
    assert "(2 reflections)" in roles
    assert "(1 reflection)" in _section(page.text, f"condition-{PartnershipCondition.financing}")


def test_not_answered_yet_lists_the_invitees_it_is_addressed_to(
    db: Session, facilitator: Person, sign_in: SignIn
) -> None:
    w = _world(db, facilitator)
    for_family = question(
        db, w, PartnershipCondition.roles, target_roles=(Role.family_representative,)
    )
    for_all = question(db, w, PartnershipCondition.monitoring)
    factories.attendance(db, w.session, facilitator)  # invited, but asks rather than answers
    reflection(db, w.session, w.people["practitioner"], reflective_question_id=for_all.id)
    # A draft is not an answer yet.
    reflection(
        db,
        w.session,
        w.people["family"],
        perspective=Perspective.family,
        reflective_question_id=for_family.id,
        status="draft",
        submitted_at=None,
    )

    grouped = reading.grouped_reflections(
        db=db, learning_session=w.session, viewer=_chair(w.people["chair"])
    )
    by_id = {q.question_id: q for c in grouped.conditions for q in c.questions}
    assert by_id[for_family.id or 0].not_answered == ("Ingrid Smit",)
    assert by_id[for_all.id or 0].not_answered == ("Ingrid Smit", "Karin Visser")
    page = sign_in(facilitator).get(f"/sessions/{w.session.id}/reflections")
    assert "Not answered yet:</strong> Ingrid Smit, Karin Visser" in page.text


def _chair(person: Person) -> Principal:
    return Principal(
        account_id=0,
        person_id=person.id or 0,
        community_id=person.community_id,
        name=person.name,
        email=person.email,
        community_roles=frozenset({Role.chair}),
    )


def test_an_author_who_hides_their_name_is_shown_by_perspective_in_page_and_print(
    db: Session, facilitator: Person, sign_in: SignIn
) -> None:
    w = _world(db, facilitator)
    asked = question(db, w, PartnershipCondition.shared_vision)
    reflection(
        db,
        w.session,
        w.people["family"],
        perspective=Perspective.family,
        reflective_question_id=asked.id,
        shows_name=False,
        text="Ask us first.",
    )
    reflection(
        db,
        w.session,
        w.people["practitioner"],
        reflective_question_id=asked.id,
        text="We agree on little.",
    )
    for reader in (w.people["chair"], facilitator):
        browser = sign_in(reader)
        for path in ("reflections", "reflections/print"):
            page = browser.get(f"/sessions/{w.session.id}/{path}")
            assert page.status_code == 200
            assert "Ask us first." in page.text
            assert "A family representative" in page.text
            assert "Ingrid Smit</strong>" not in page.text
            assert "Pieter Mulder</strong>" in page.text  # who chose to show their name


def test_the_printable_view_has_no_navigation_and_print_rules(
    db: Session, facilitator: Person, sign_in: SignIn
) -> None:
    w = _world(db, facilitator)
    page = sign_in(w.people["chair"]).get(f"/sessions/{w.session.id}/reflections/print")
    assert page.status_code == 200
    assert "site-header" not in page.text and "<nav" not in page.text
    assert "/static/reflections-print.css" in page.text
    css = sign_in(w.people["chair"]).get("/static/reflections-print.css").text
    assert "@media print" in css and "@page" in css
    grouped = sign_in(w.people["chair"]).get(f"/sessions/{w.session.id}/reflections")
    assert f'href="/sessions/{w.session.id}/reflections/print"' in grouped.text


def test_user_text_is_escaped_on_the_grouped_and_print_pages(
    db: Session, facilitator: Person, sign_in: SignIn
) -> None:
    w = _world(db, facilitator)
    asked = question(db, w, PartnershipCondition.roles, text=XSS)
    reflection(db, w.session, w.people["practitioner"], reflective_question_id=asked.id, text=XSS)
    reflection(db, w.session, w.people["policymaker"], text=XSS)
    browser = sign_in(facilitator)
    for path in ("reflections", "reflections/print"):
        html = browser.get(f"/sessions/{w.session.id}/{path}").text
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_participants_read_what_visibility_allows_without_who_has_not_answered(
    db: Session, facilitator: Person, sign_in: SignIn
) -> None:
    w = _world(db, facilitator)
    asked = question(db, w, PartnershipCondition.roles, text="Who is the family's contact?")
    for visibility, text in (
        (ReflectionVisibility.session, "For the people at the session."),
        (ReflectionVisibility.community, "For the whole learning community."),
        (ReflectionVisibility.private, "For the facilitator only."),
    ):
        reflection(
            db,
            w.session,
            w.people["practitioner"],
            reflective_question_id=asked.id,
            visibility=visibility,
            text=text,
        )
    invited = sign_in(w.people["policymaker"]).get(f"/sessions/{w.session.id}/reflections")
    assert invited.status_code == 200
    assert "For the people at the session." in invited.text
    assert "For the whole learning community." in invited.text
    assert "For the facilitator only." not in invited.text
    assert "Not answered yet" not in invited.text and "Ingrid Smit" not in invited.text
    # A policymaker of another initiative, not invited: the community's reflections only.
    outsider = sign_in(w.people["outsider"]).get(f"/sessions/{w.session.id}/reflections")
    assert outsider.status_code == 200
    assert "For the whole learning community." in outsider.text
    assert "For the people at the session." not in outsider.text
    # The chair and the facilitator see who has not answered yet.
    chairs = sign_in(w.people["chair"]).get(f"/sessions/{w.session.id}/reflections")
    assert "Not answered yet" in chairs.text and "Ingrid Smit" in chairs.text


def test_the_grouped_page_takes_the_same_number_of_statements_for_more_reflections(
    db: Session, facilitator: Person, sign_in: SignIn
) -> None:
    w = _world(db, facilitator)
    browser = sign_in(w.people["chair"])
    path = f"/sessions/{w.session.id}/reflections"
    browser.get(path)  # warm: templates compiled, the session touched

    def statements_with(number: int) -> int:
        for index in range(number):
            condition = list(PartnershipCondition)[index % 4]
            asked = question(db, w, condition)
            for key in ("family", "practitioner", "policymaker"):
                reflection(db, w.session, w.people[key], reflective_question_id=asked.id)
        with counted_statements(db) as statements:
            assert browser.get(path).status_code == 200
        return len(statements)

    assert statements_with(2) == statements_with(8)


def test_the_facilitator_hides_a_reflection_with_a_reason_and_it_is_audited(
    db: Session, facilitator: Person, sign_in: SignIn
) -> None:
    w = _world(db, facilitator)
    hidden = reflection(db, w.session, w.people["practitioner"], text="Names a family by name.")
    browser = sign_in(facilitator)

    answer = browser.post(
        f"/reflections/{hidden.id}/hide",
        data={"reason": "It names a family."},
        follow_redirects=False,
    )

    assert answer.status_code == 303
    assert answer.headers["location"].endswith(f"/reflections#reflection-{hidden.id}")
    db.refresh(hidden)
    assert hidden.hidden_at is not None and hidden.hidden_by_id == facilitator.id
    assert (hidden.hidden_reason, hidden.text) == ("It names a family.", "Names a family by name.")
    entry = db.exec(
        select(AuditEntry).where(AuditEntry.action == AuditAction.reflection_hidden)
    ).one()
    assert entry.actor_person_id == facilitator.id and str(hidden.id) in entry.subject
    page = browser.get(f"/sessions/{w.session.id}/reflections")
    assert "The reflection is hidden." in page.text
    assert "Names a family by name." in page.text
    assert "Hidden from participants. Reason: It names a family." in page.text
    chair_page = sign_in(w.people["chair"]).get(f"/sessions/{w.session.id}/reflections")
    assert "Names a family by name." not in chair_page.text
    assert "It names a family." not in chair_page.text


def test_hiding_without_a_reason_says_so_next_to_the_field(
    db: Session, facilitator: Person, sign_in: SignIn
) -> None:
    w = _world(db, facilitator)
    kept = reflection(db, w.session, w.people["practitioner"])
    browser = sign_in(facilitator)
    for reason in ("", "   ", "x" * 1001):
        answer = browser.post(f"/reflections/{kept.id}/hide", data={"reason": reason})
        assert answer.status_code == 422
        assert f'id="reason-{kept.id}-error"' in answer.text
        assert "Say why the reflection is hidden, in at most 1000 characters." in answer.text
    db.refresh(kept)
    assert kept.hidden_at is None


def test_only_the_facilitator_hides(db: Session, facilitator: Person, sign_in: SignIn) -> None:
    w = _world(db, facilitator)
    kept = reflection(db, w.session, w.people["practitioner"])
    for key in ("chair", "practitioner", "family"):
        answer = sign_in(w.people[key]).post(
            f"/reflections/{kept.id}/hide", data={"reason": "Not mine to hide."}
        )
        assert answer.status_code == 403, key
    db.refresh(kept)
    assert kept.hidden_at is None
    draft = reflection(db, w.session, w.people["family"], status="draft", submitted_at=None)
    answer = sign_in(facilitator).post(f"/reflections/{draft.id}/hide", data={"reason": "x"})
    assert answer.status_code == 404  # a draft is its author's alone
    chair_page = sign_in(w.people["chair"]).get(f"/sessions/{w.session.id}/reflections")
    assert "Hide this reflection" not in chair_page.text
    assert "Hide this reflection" in sign_in(facilitator).get(chair_page.url.path).text


def test_the_chairs_workspace_links_to_the_grouped_reflections(
    db: Session, facilitator: Person, sign_in: SignIn
) -> None:
    w = _world(db, facilitator)
    workspace = sign_in(w.people["chair"]).get(f"/sessions/{w.session.id}/prepare")
    assert f'href="/sessions/{w.session.id}/reflections"' in workspace.text


def test_the_facilitator_shows_a_hidden_reflection_again_as_it_was_written(
    db: Session, facilitator: Person, sign_in: SignIn
) -> None:
    w = _world(db, facilitator)
    row = reflection(db, w.session, w.people["practitioner"], text="As written.")
    browser = sign_in(facilitator)
    browser.post(f"/reflections/{row.id}/hide", data={"reason": "Checking with the author."})
    page = browser.get(f"/sessions/{w.session.id}/reflections")
    assert f'action="/reflections/{row.id}/unhide"' in page.text

    answer = browser.post(f"/reflections/{row.id}/unhide", follow_redirects=False)

    assert answer.status_code == 303
    db.refresh(row)
    assert (row.hidden_at, row.hidden_reason, row.text) == (None, "", "As written.")
    entry = db.exec(
        select(AuditEntry).where(AuditEntry.action == AuditAction.reflection_unhidden)
    ).one()
    assert "Checking with the author." in entry.detail
    chair_page = sign_in(w.people["chair"]).get(f"/sessions/{w.session.id}/reflections")
    assert "As written." in chair_page.text
    assert browser.post(f"/reflections/{row.id}/unhide").status_code == 409
    assert sign_in(w.people["chair"]).post(f"/reflections/{row.id}/unhide").status_code == 403
