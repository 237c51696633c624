"""Writing a reflection: draft, save, come back, edit, submit; autosave; the limit; the
deadline; two tabs; the text kept exactly and shown escaped."""

import re
from datetime import UTC, date, datetime

from sqlmodel import Session

from app.learning_sessions.models import LearningSession
from app.reflections import service
from app.vocabulary import ReflectionStatus, ReflectionVisibility, Role
from tests import factories
from tests.helpers import counted_statements
from tests.reflections.writing_world import (
    XSS,
    SignIn,
    new_answer,
    past_deadline,
    rows,
    stored,
    writing_world,
)

HTMX = {"HX-Request": "true"}


def test_draft_save_come_back_edit_and_submit_as_a_family_representative(
    db: Session, sign_in: SignIn
) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    text = "  Ik wist niet wie ik moest bellen.\n\nNiemand had het verteld.  "
    created = browser.post(
        f"/sessions/{w.session.id}/reflections", data=new_answer(w, text), follow_redirects=False
    )
    assert created.status_code == 303
    assert created.headers["location"].endswith(f"#reflection-question-{w.family_question.id}")
    [draft] = stored(db, w.family)
    assert draft.text == text  # exactly as written, spaces and blank line included
    assert draft.status == ReflectionStatus.draft
    assert draft.shows_name is False  # not chosen: shown as a family representative
    assert draft.visibility == ReflectionVisibility.session
    assert draft.perspective == "family"

    page = browser.get(f"/sessions/{w.session.id}/reflect")  # come back later
    assert "Draft: only you can see it" in page.text
    assert f"/reflections/{draft.id}" in page.text
    # A textarea drops one newline after its start tag: the text comes back whole.
    assert f'data-hx-swap="innerHTML">\n{text}</textarea>' in page.text

    edited = browser.post(
        f"/reflections/{draft.id}",
        data={"text": "Ik wist niet wie ik moest bellen.", "version": "1", "shows_name": "no"},
        follow_redirects=False,
    )
    assert edited.status_code == 303
    sent = browser.post(
        f"/reflections/{draft.id}/submit",
        data={"text": "Ik wist niet wie ik moest bellen.", "version": "2", "shows_name": "no"},
    )
    assert sent.status_code == 200
    [reflection] = stored(db, w.family)
    assert reflection.status == ReflectionStatus.submitted
    assert reflection.submitted_at is not None
    assert reflection.shows_name is False
    assert reflection.text == "Ik wist niet wie ik moest bellen."
    assert "Sent</span> Shown as a family representative, without your name." in sent.text
    assert "Sent at" in sent.text  # the toast


def test_showing_the_name_is_the_writers_choice(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    browser.post(
        f"/sessions/{w.session.id}/reflections",
        data=new_answer(w, "Met naam.", shows_name="yes", visibility="community", submit="yes"),
    )
    [reflection] = stored(db, w.family)
    assert (reflection.shows_name, reflection.status) == (True, ReflectionStatus.submitted)
    assert reflection.visibility == ReflectionVisibility.community


def test_autosave_answers_with_the_time_and_the_new_version(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    first = browser.post(
        f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Eerste zin"), headers=HTMX
    )
    assert first.status_code == 200
    assert re.search(r"Saved at \d\d:\d\d", first.text)
    key = f"question-{w.family_question.id}"
    assert f'id="version-{key}" value="1" data-hx-swap-oob="true"' in first.text
    assert "<html" not in first.text  # the status only, not the page
    # The same form autosaves again, now carrying version 1: the draft is saved, not doubled.
    second = browser.post(
        f"/sessions/{w.session.id}/reflections",
        data=new_answer(w, "Eerste zin, tweede zin", version="1"),
        headers=HTMX,
    )
    assert second.status_code == 200
    assert f'id="version-{key}" value="2"' in second.text
    [draft] = stored(db, w.family)
    assert (draft.text, draft.version) == ("Eerste zin, tweede zin", 2)


def test_the_page_autosaves_with_htmx_into_a_status_region(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    page = sign_in(w.family).get(f"/sessions/{w.session.id}/reflect")
    key = f"question-{w.family_question.id}"
    textarea = re.search(rf'<textarea id="text-{key}"[^>]*>', page.text)
    assert textarea is not None
    assert 'data-hx-trigger="input changed delay:1500ms"' in textarea.group(0)
    assert f'data-hx-post="/sessions/{w.session.id}/reflections"' in textarea.group(0)
    assert f'data-hx-target="#status-{key}"' in textarea.group(0)
    assert f'<p class="save-status" id="status-{key}" role="status">' in page.text
    assert "Up to 8000 characters." in page.text
    assert 'maxlength="8000"' not in textarea.group(0)  # too long is refused with a message


def test_too_long_is_refused_with_a_message_and_the_text_kept(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    text = "woord " * 1400  # 8400 characters
    page = browser.post(f"/sessions/{w.session.id}/reflections", data=new_answer(w, text))
    assert page.status_code == 422
    assert "Write your reflection in up to 8000 characters." in page.text
    assert "Your text now has 8400 characters." in page.text
    assert f">\n{text}</textarea>" in page.text
    assert stored(db, w.family) == []
    fragment = browser.post(
        f"/sessions/{w.session.id}/reflections", data=new_answer(w, text), headers=HTMX
    )
    assert fragment.status_code == 422
    assert "Not saved." in fragment.text and "8400" in fragment.text
    assert stored(db, w.family) == []


def test_an_empty_answer_is_not_saved(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    page = sign_in(w.family).post(
        f"/sessions/{w.session.id}/reflections", data=new_answer(w, "  \n ")
    )
    assert page.status_code == 422
    assert stored(db, w.family) == []


def test_after_the_deadline_nothing_changes_and_the_page_says_so(
    db: Session, sign_in: SignIn
) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    browser.post(f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Op tijd."))
    [draft] = stored(db, w.family)
    past_deadline(db, w.session)

    for path, data in (
        (f"/reflections/{draft.id}", {"text": "Te laat.", "version": "1"}),
        (f"/reflections/{draft.id}/submit", {"text": "Te laat.", "version": "1"}),
        (f"/sessions/{w.session.id}/reflections", new_answer(w, "Te laat.", version="1")),
    ):
        refused = browser.post(path, data=data)
        assert refused.status_code == 409, path
        assert "The time to write reflections for this session has ended." in refused.text
        assert "Te laat." in refused.text  # what they typed is shown, not lost
    [unchanged] = stored(db, w.family)
    assert (unchanged.text, unchanged.status, unchanged.version) == ("Op tijd.", "draft", 1)
    page = browser.get(f"/sessions/{w.session.id}/reflect")
    assert "The time to write answers has ended." in page.text
    assert "<textarea" not in page.text
    assert '<div class="reflection-text">Op tijd.</div>' in page.text


def test_the_deadline_is_the_end_of_its_day_in_the_sessions_zone() -> None:
    learning_session = LearningSession(
        community_id=1,
        number=1,
        starts_at=datetime(2027, 1, 21, 12, 30, tzinfo=UTC),
        timezone="Europe/Amsterdam",
        reflection_deadline=date(2027, 1, 19),
    )
    assert service.editable_until(learning_session) == datetime(2027, 1, 19, 23, 0, tzinfo=UTC)
    assert service.is_open(learning_session, now=datetime(2027, 1, 19, 22, 59, tzinfo=UTC))
    assert not service.is_open(learning_session, now=datetime(2027, 1, 19, 23, 0, tzinfo=UTC))
    learning_session.reflection_deadline = None
    assert service.editable_until(learning_session) == learning_session.starts_at


def test_two_tabs_the_stale_save_gets_both_texts_and_nothing_is_lost(
    db: Session, sign_in: SignIn
) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    browser.post(f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Begin"))
    [draft] = stored(db, w.family)
    # Both tabs show version 1; the first saves.
    assert browser.post(
        f"/reflections/{draft.id}", data={"text": "Tab een", "version": "1"}
    ).is_success
    stale = browser.post(f"/reflections/{draft.id}", data={"text": "Tab twee", "version": "1"})
    assert stale.status_code == 409
    assert "Nothing is lost: both texts are shown." in stale.text
    assert "Tab een" in stale.text and "Tab twee" in stale.text
    # Saving again from the refused form is a choice over the stored text: it carries version 2.
    assert f'id="version-question-{w.family_question.id}" value="2"' in stale.text
    [kept] = stored(db, w.family)
    assert (kept.text, kept.version) == ("Tab een", 2)

    fragment = browser.post(
        f"/reflections/{draft.id}", data={"text": "Tab twee", "version": "1"}, headers=HTMX
    )
    assert fragment.status_code == 409
    assert "Tab een" in fragment.text and "Tab twee" in fragment.text
    assert 'value="2" data-hx-swap-oob="true"' in fragment.text


def test_two_tabs_that_both_start_a_new_answer(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    browser.post(f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Eerste tab"))
    second = browser.post(f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Tweede tab"))
    assert second.status_code == 409
    assert "Eerste tab" in second.text and "Tweede tab" in second.text
    assert [r.text for r in stored(db, w.family)] == ["Eerste tab"]


def test_scripts_in_a_reflection_are_shown_as_text(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    browser.post(f"/sessions/{w.session.id}/reflections", data=new_answer(w, XSS))
    [draft] = stored(db, w.family)
    assert draft.text == XSS
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"
    page = browser.get(f"/sessions/{w.session.id}/reflect")
    assert escaped in page.text
    assert "<script>alert(1)" not in page.text and "<img src=x" not in page.text
    conflict = browser.post(
        f"/reflections/{draft.id}", data={"text": XSS + "!", "version": "0"}, headers=HTMX
    )
    assert conflict.status_code == 409
    assert escaped in conflict.text and "<script>alert" not in conflict.text
    saved = browser.post(
        f"/reflections/{draft.id}", data={"text": XSS, "version": "1"}, headers=HTMX
    )
    assert "<script>alert" not in saved.text and "<img src=x" not in saved.text
    past_deadline(db, w.session)
    read_only = browser.get(f"/sessions/{w.session.id}/reflect")
    assert f'<div class="reflection-text">{escaped}</div>' in read_only.text


def test_a_practitioner_answers_their_question_in_advance(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    browser = sign_in(w.practitioner)
    page = browser.get(f"/sessions/{w.session.id}/reflect")
    assert w.practitioner_question.text in page.text
    assert "Who do you call when you need help?" not in page.text  # the family's question
    data = new_answer(w, "De schuldhulp valt ertussen.", question=w.practitioner_question)
    assert browser.post(
        f"/sessions/{w.session.id}/reflections", data={**data, "submit": "yes"}
    ).is_success
    [reflection] = stored(db, w.practitioner)
    assert reflection.reflective_question_id == w.practitioner_question.id
    assert (reflection.status, reflection.perspective) == ("submitted", "professional")
    # A question addressed to someone else cannot be answered by a forged post.
    forged = browser.post(f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Toch?"))
    assert forged.status_code == 404
    assert len(stored(db, w.practitioner)) == 1


def test_someone_elses_reflection_does_not_exist_for_them(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    sign_in(w.family).post(f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Van mij."))
    [draft] = stored(db, w.family)
    other = sign_in(w.practitioner)
    for path in (
        f"/reflections/{draft.id}",
        f"/reflections/{draft.id}/submit",
        f"/reflections/{draft.id}/delete",
    ):
        assert other.post(path, data={"text": "Overschreven", "version": "1"}).status_code == 404
    assert stored(db, w.family)[0].text == "Van mij."


def test_a_draft_can_be_deleted_a_submitted_one_not(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    browser.post(f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Weg ermee."))
    [draft] = stored(db, w.family)
    deleted = browser.post(f"/reflections/{draft.id}/delete", follow_redirects=False)
    assert deleted.status_code == 303
    assert stored(db, w.family) == []
    browser.post(
        f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Blijft.", submit="yes")
    )
    [sent] = stored(db, w.family)
    assert browser.post(f"/reflections/{sent.id}/delete").status_code == 409
    assert len(stored(db, w.family)) == 1


def test_reflections_in_general_on_a_factsheet_and_a_dilemma(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    answered = browser.post(
        f"/sessions/{w.session.id}/reflections",
        data={"target": "general", "text": "Fijn dat ik mee mag doen.", "version": "0"},
    )
    assert answered.is_success
    [general] = stored(db, w.family)
    assert (general.reflective_question_id, general.factsheet_id, general.dilemma_id) == (
        None,
        None,
        None,
    )
    assert "Fijn dat ik mee mag doen." in browser.get(f"/sessions/{w.session.id}/reflect").text
    for target in ("factsheet:999999", "dilemma:999999", "question:abc", "nothing"):
        refused = browser.post(
            f"/sessions/{w.session.id}/reflections",
            data={"target": target, "text": "Hier?", "version": "0"},
        )
        assert refused.status_code in (404, 422), target
    assert len(stored(db, w.family)) == 1


def test_get_of_the_page_changes_nothing(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db, consented=False)
    browser = sign_in(w.family)
    before = rows(db)
    for _ in range(2):
        assert browser.get(f"/sessions/{w.session.id}/reflect").status_code == 200
        assert browser.get(f"/sessions/{w.session.id}/reflect", headers=HTMX).status_code == 200
    assert rows(db) == before


def test_the_page_takes_the_same_statements_for_2_and_10_questions(
    db: Session, sign_in: SignIn
) -> None:
    w = writing_world(db)
    factories.reflective_question(db, w.session)  # to everyone: the family's second question
    browser = sign_in(w.family)
    path = f"/sessions/{w.session.id}/reflect"
    browser.get(path)
    with counted_statements(db) as few:
        assert browser.get(path).status_code == 200
    assert page_questions(browser.get(path).text) == 2
    for number in range(8):
        question = factories.reflective_question(
            db, w.session, target_roles=[Role.family_representative]
        )
        browser.post(
            f"/sessions/{w.session.id}/reflections",
            data={
                "target": f"question:{question.id}",
                "text": f"Antwoord {number}",
                "version": "0",
            },
        )
    with counted_statements(db) as many:
        page = browser.get(path)
    assert "Antwoord 7" in page.text
    assert page_questions(page.text) == 10
    assert len(many) == len(few)


def page_questions(html: str) -> int:
    return len(re.findall(r'<article class="slot" id="reflection-question-', html))


def test_a_stored_answer_saves_a_changed_choice_at_once(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    browser.post(f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Met of zonder?"))
    [draft] = stored(db, w.family)
    page = browser.get(f"/sessions/{w.session.id}/reflect").text
    key = f"question-{w.family_question.id}"
    autosave = (
        f'<fieldset class="field choice-group" data-hx-post="/reflections/{draft.id}"'
        f' data-hx-trigger="change" data-hx-target="#status-{key}" data-hx-swap="innerHTML">'
    )
    assert page.count(autosave) == 2  # who is shown, and who may read it
    # What that fieldset posts on a change: the whole form, the text as it stands.
    changed = browser.post(
        f"/reflections/{draft.id}",
        data={"text": "Met of zonder?", "version": "1", "shows_name": "yes"},
        headers=HTMX,
    )
    assert re.search(r"Saved at \d\d:\d\d", changed.text)
    assert stored(db, w.family)[0].shows_name is True


def test_extra_fields_change_nothing(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    browser.post(
        f"/sessions/{w.session.id}/reflections",
        data=new_answer(
            w,
            "Alleen mijn tekst.",
            status="submitted",
            author_id=str(w.practitioner.id),
            session_id="999",
            hidden_reason="x",
            perspective="local_government",
            evidence_consent="true",
        ),
    )
    [draft] = stored(db, w.family)
    assert (draft.status, draft.author_id, draft.session_id) == ("draft", w.family.id, w.session.id)
    assert (draft.perspective, draft.evidence_consent, draft.hidden_reason) == ("family", False, "")


def test_a_cancelled_session_takes_no_more_reflections(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    browser.post(f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Voor de afzegging"))
    [draft] = stored(db, w.family)
    w.session.cancelled_at = datetime.now(UTC)
    db.add(w.session)
    db.flush()
    refused = browser.post(f"/reflections/{draft.id}", data={"text": "Erna", "version": "1"})
    assert refused.status_code == 409
    assert (
        "This session has been cancelled, so nothing can be written for it any more."
        in refused.text
    )
    page = browser.get(f"/sessions/{w.session.id}/reflect").text
    assert "<textarea" not in page and "Voor de afzegging" in page
    assert stored(db, w.family)[0].text == "Voor de afzegging"


def test_line_breaks_are_stored_alike_from_a_form_post_and_from_autosave(
    db: Session, sign_in: SignIn
) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    browser.post(
        f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Eerste regel\r\nTweede regel")
    )
    [reflection] = stored(db, w.family)
    assert reflection.text == "Eerste regel\nTweede regel"
