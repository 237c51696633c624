"""The demo's factsheets: published for session 2, revised drafts for session 3."""

import re
from datetime import timedelta

import pytest
from sqlmodel import Session, col, select

from app.demo import content
from app.demo.factsheets import FACTSHEETS
from app.demo.seed import seed_demo
from app.evidence.models import EvidenceCondition, EvidenceItem
from app.factsheets import review, service
from app.factsheets.models import Factsheet
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.vocabulary import FactsheetStatus, PartnershipCondition

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> int:
    return len([s for s in _SENTENCE_END.split(text.strip()) if s])


def session_numbered(db: Session, number: int) -> LearningSession:
    return db.exec(select(LearningSession).where(LearningSession.number == number)).one()


def assert_quotes_are_own_consented_and_on_topic(
    db: Session, factsheet: Factsheet, learning_session: LearningSession
) -> int:
    """Every quote: this initiative's evidence, consent to quote, tagged with the section's
    condition, observed before the factsheet went out. Returns how many quotes there are."""
    went_out = next(s.day for s in content.SESSIONS if s.number == learning_session.number)
    went_out -= timedelta(weeks=2)
    chosen = service.chosen_quotes(db=db, factsheet=factsheet)
    total = 0
    for section in factsheet.sections:
        ids = chosen.get(section.id or 0, [])
        assert len(ids) <= 2
        for evidence_id in ids:
            item = db.get(EvidenceItem, evidence_id)
            assert item is not None
            assert item.initiative_id == factsheet.initiative_id
            assert item.quote_consent
            assert item.observed_on < went_out
            tags = db.exec(
                select(EvidenceCondition.condition).where(
                    EvidenceCondition.evidence_item_id == evidence_id
                )
            ).all()
            assert section.condition in tags
        total += len(ids)
    return total


@pytest.mark.parametrize("language", ["en", "nl"])
def test_each_initiative_has_a_published_factsheet_and_a_revised_draft(
    db: Session, language: str
) -> None:
    seed_demo(db, language=language, invitations=False)
    held = session_numbered(db, 2)
    preparing = session_numbered(db, content.SESSION_IN_PREPARATION)
    initiatives = db.exec(select(Initiative).order_by(col(Initiative.name))).all()
    assert len(initiatives) == 5

    draft_statuses = []
    for initiative in initiatives:
        assert initiative.id is not None
        rows = db.exec(
            select(Factsheet).where(
                Factsheet.initiative_id == initiative.id, Factsheet.session_id == held.id
            )
        ).all()
        assert [(f.version_number, f.status) for f in rows] == [(1, FactsheetStatus.published)]
        published = service.get_factsheet(db=db, factsheet_id=rows[0].id or 0)
        assert published.published_at is not None
        assert published.published_at.date() < held.starts_at.date()
        assert 4 <= sentences(published.plain_language_summary) <= 6
        assert sorted(s.condition for s in published.sections) == sorted(PartnershipCondition)
        for section in published.sections:
            assert 4 <= sentences(section.analysis) <= 7, (initiative.name, section.condition)
            assert 2 <= sentences(section.facilitators) <= 3
            assert 2 <= sentences(section.barriers) <= 3
            assert 1 <= len(section.levels) <= 3
        assert assert_quotes_are_own_consented_and_on_topic(db, published, held) >= 1

        draft = service.latest_for(db=db, initiative_id=initiative.id, session_id=preparing.id or 0)
        assert draft is not None and draft.version_number == 1
        draft_statuses.append(draft.status)
        assert 4 <= sentences(draft.plain_language_summary) <= 6
        changed = [
            condition
            for condition in PartnershipCondition
            if service.section(draft, condition).analysis
            != service.section(published, condition).analysis
        ]
        assert 2 <= len(changed) <= 3, initiative.name
        for condition in changed:
            lines = [
                kind
                for kind, _ in review.sentence_diff(
                    service.section(published, condition).analysis,
                    service.section(draft, condition).analysis,
                )
            ]
            # A readable revision: most sentences stay, one or two change or are added.
            assert "added" in lines
            assert lines.count("same") > lines.count("removed"), (initiative.name, condition)
        assert_quotes_are_own_consented_and_on_topic(db, draft, preparing)

    assert sorted(draft_statuses) == sorted(
        [FactsheetStatus.draft] * 3 + [FactsheetStatus.in_review] * 2
    )


def test_factsheet_texts_follow_the_language(db: Session) -> None:
    seed_demo(db, language="nl", invitations=False)
    published = db.exec(select(Factsheet).where(Factsheet.status == FactsheetStatus.published))
    texts = []
    for row in published.all():
        factsheet = service.get_factsheet(db=db, factsheet_id=row.id or 0)
        texts.append(factsheet.plain_language_summary)
        texts.extend(s.analysis for s in factsheet.sections)
    joined = " ".join(texts)
    assert " het " in joined and " gezinnen " in joined
    assert " the " not in joined


def test_every_revision_applies_in_both_languages() -> None:
    for spec in FACTSHEETS:
        analyses = {section.condition: section.analysis for section in spec.sections}
        for revision in spec.revisions:
            for edit in revision.edits:
                for language in content.LANGUAGES:
                    before = edit.before.pick(language)
                    assert analyses[revision.condition].pick(language).count(before) == 1
        for edit in spec.summary_edits:
            for language in content.LANGUAGES:
                assert spec.summary.pick(language).count(edit.before.pick(language)) == 1


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_published_section_has_a_confirmed_plain_text_that_reads_easily(
    db: Session, language: str
) -> None:
    from app.demo.factsheets import PLAIN_TEXTS, REVISED_PLAIN_TEXTS, SUGGESTION_LEFT_IN
    from app.factsheets.readability import readability

    seed_demo(db, language=language, invitations=False)
    held = session_numbered(db, 2)
    preparing = session_numbered(db, content.SESSION_IN_PREPARATION)
    unconfirmed = []
    for factsheet in db.exec(select(Factsheet)).all():
        full = service.get_factsheet(db=db, factsheet_id=factsheet.id or 0)
        for section in full.sections:
            if factsheet.session_id == held.id:
                assert section.plain_text and section.plain_confirmed_at is not None
                figure = readability(section.plain_text, language)
                assert figure is not None and not figure.hard, section.plain_text
            elif section.plain_confirmed_at is None:
                assert factsheet.session_id == preparing.id
                unconfirmed.append((factsheet.initiative_id, section.condition))
    assert len(unconfirmed) == 1  # the suggestion a new user confirms
    assert unconfirmed[0][1] == SUGGESTION_LEFT_IN[1]
    assert len(PLAIN_TEXTS) == len(FACTSHEETS) * len(PartnershipCondition)
    revised = {(spec.initiative, r.condition) for spec in FACTSHEETS for r in spec.revisions}
    assert set(REVISED_PLAIN_TEXTS) <= revised
    drafts = [
        service.get_factsheet(db=db, factsheet_id=f.id or 0)
        for f in db.exec(select(Factsheet).where(Factsheet.session_id == preparing.id)).all()
    ]
    plain_texts = {s.plain_text for draft in drafts for s in draft.sections}
    assert {t.pick(language) for t in REVISED_PLAIN_TEXTS.values()} <= plain_texts
