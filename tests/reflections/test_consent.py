"""Consent before writing: asked once in plain words, two separate choices, recorded with the
wording's version; without the first no write form and a forged post is refused; changeable."""

from datetime import date

from sqlmodel import Session, select

from app.community.models import LearningCommunity
from app.people.models import Consent
from app.reflections import consent
from app.vocabulary import ReflectionVisibility
from tests.reflections.writing_world import SignIn, new_answer, rows, stored, writing_world


def _form_fields(html: str) -> bool:
    return "<textarea" in html


def test_without_consent_the_questions_show_but_no_form_and_a_forged_post_is_refused(
    db: Session, sign_in: SignIn
) -> None:
    w = writing_world(db, consented=False)
    browser = sign_in(w.family)
    page = browser.get(f"/sessions/{w.session.id}/reflect")
    assert page.status_code == 200
    assert "Who do you call when you need help?" in page.text  # they read the question
    assert not _form_fields(page.text)
    assert f'action="/sessions/{w.session.id}/reflections"' not in page.text
    assert "Before you write: what happens with your answers" in page.text
    before = rows(db)
    forged = browser.post(f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Toch"))
    assert forged.status_code == 403
    fragment = browser.post(
        f"/sessions/{w.session.id}/reflections",
        data=new_answer(w, "Toch"),
        headers={"HX-Request": "true"},
    )
    assert fragment.status_code == 403
    too_long = browser.post(f"/sessions/{w.session.id}/reflections", data=new_answer(w, "x" * 9000))
    assert too_long.status_code == 403  # consent is asked before anything else
    assert rows(db) == before
    assert stored(db, w.family) == []


def test_consent_in_plain_words_with_how_long_it_is_kept(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db, consented=False)
    community = db.get(LearningCommunity, w.session.community_id)
    assert community is not None
    community.period_end = date(2027, 12, 31)
    db.add(community)
    db.flush()
    page = sign_in(w.family).get(f"/sessions/{w.session.id}/reflect").text
    assert "What we keep:" in page and "Who reads it:" in page
    assert "You can change your mind:" in page
    assert "until the learning community ends (December 31, 2027), and one more year" in page
    assert "until December 31, 2028" in page
    assert "May the people at this session read your answers?" in page
    assert "May we quote your answers, without your name, in later factsheets?" in page


def test_both_choices_recorded_with_the_wording_version_then_writing_opens(
    db: Session, sign_in: SignIn
) -> None:
    w = writing_world(db, consented=False)
    browser = sign_in(w.family)
    given = browser.post(
        f"/sessions/{w.session.id}/consent",
        data={"read_by_participants": "yes", "quoted_as_evidence": "no"},
        follow_redirects=False,
    )
    assert given.status_code == 303
    assert given.headers["location"] == f"/sessions/{w.session.id}/reflect#consent"
    recorded = db.exec(select(Consent).where(Consent.person_id == w.family.id)).all()
    assert {(c.purpose, c.withdrawn_at is None) for c in recorded} == {
        (consent.READ_BY_PARTICIPANTS, True),
        (consent.QUOTED_AS_EVIDENCE, False),
    }
    assert {c.wording_version for c in recorded} == {consent.WORDING_VERSION}
    page = browser.get(f"/sessions/{w.session.id}/reflect")
    assert "Your choices are saved." in page.text
    assert "You said yes: the people at the session may read your answers." in page.text
    assert "You said no: we do not quote your answers in factsheets." in page.text
    assert _form_fields(page.text)
    assert browser.post(
        f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Nu wel")
    ).is_success
    [reflection] = stored(db, w.family)
    assert reflection.evidence_consent is False


def test_consent_can_be_changed_later_and_reflections_follow_the_evidence_choice(
    db: Session, sign_in: SignIn
) -> None:
    w = writing_world(db)
    browser = sign_in(w.family)
    browser.post(f"/sessions/{w.session.id}/reflections", data=new_answer(w, "Mijn antwoord"))
    browser.post(
        f"/sessions/{w.session.id}/consent",
        data={"read_by_participants": "yes", "quoted_as_evidence": "yes"},
    )
    [reflection] = stored(db, w.family)
    assert (reflection.evidence_consent, reflection.version) == (True, 1)
    # Withdrawn: writing stops (the form goes), the reflection is no longer evidence.
    browser.post(
        f"/sessions/{w.session.id}/consent",
        data={"read_by_participants": "no", "quoted_as_evidence": "no"},
    )
    [reflection] = stored(db, w.family)
    assert reflection.evidence_consent is False
    # … and no longer read by the others: it is the author's and the facilitator's only.
    assert reflection.visibility == ReflectionVisibility.private
    page = browser.get(f"/sessions/{w.session.id}/reflect")
    assert "You said no: the people at the session may not read your answers." in page.text
    assert not _form_fields(page.text)
    assert '<div class="reflection-text">Mijn antwoord</div>' in page.text
    refused = browser.post(
        f"/reflections/{reflection.id}", data={"text": "Veranderd", "version": "1"}
    )
    assert refused.status_code == 403
    assert stored(db, w.family)[0].text == "Mijn antwoord"
    state = consent.consent_state(db=db, person_id=w.family.id or 0)
    assert (state.asked, state.may_write) == (True, False)


def test_both_choices_are_required(db: Session, sign_in: SignIn) -> None:
    w = writing_world(db, consented=False)
    browser = sign_in(w.family)
    before = rows(db)
    for data in (
        {},
        {"read_by_participants": "yes"},
        {"read_by_participants": "maybe", "quoted_as_evidence": "no"},
    ):
        page = browser.post(f"/sessions/{w.session.id}/consent", data=data)
        assert page.status_code == 422
        assert "Choose yes or no." in page.text
        assert 'aria-invalid="true"' in page.text
    assert rows(db) == before
