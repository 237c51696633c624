"""The action-research trail in the factsheet editor and preview: evidence from a session →
discussed in session N (with the reflections) → the action → the revised finding. A fixed
number of statements; reflections as the viewer may read them; never in the PDF."""

from collections.abc import Callable

from fastapi.testclient import TestClient
from markupsafe import escape
from sqlmodel import Session, col, select

from app.actions.models import Action
from app.agendas.models import AgendaItem
from app.community.models import LearningCommunity
from app.demo import content
from app.demo.seed import seed_demo
from app.evidence.models import EvidenceItem, EvidenceOrigin
from app.factsheets import service as factsheet_service
from app.factsheets.models import Factsheet, FactsheetSection, FactsheetSectionEvidence
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.reflections.models import Reflection, ReflectionFollowUp
from app.vocabulary import (
    EvidenceSource,
    PartnershipCondition,
    Perspective,
    ReflectionVisibility,
    Role,
)
from tests import factories
from tests.helpers import counted_statements
from tests.reflections.reading_world import reflection

SignIn = Callable[[Person], TestClient]
MONITORING = PartnershipCondition.monitoring


def _one(db: Session, model: type, *where: object) -> object:
    return db.exec(select(model).where(*where)).one()  # type: ignore[call-overload]


def test_a_demo_finding_followed_through_every_step(db: Session, sign_in: SignIn) -> None:
    """Gezinsteam Plus's monitoring finding: evidence from a session-2 excerpt → discussed in
    session 2 (Ingrid Smit's reflection) → the action → the revised finding of session 3."""
    seed_demo(db, invitations=False)
    leiden_name = next(s.name for s in content.INITIATIVES if s.key == content.LEIDEN)
    leiden = _one(db, Initiative, Initiative.name == leiden_name)
    sessions = {s.number: s for s in db.exec(select(LearningSession)).all()}
    ingrid = _one(db, Person, Person.email == content.FAMILY)
    assert isinstance(leiden, Initiative) and isinstance(ingrid, Person)

    # 1. The evidence: a learning-session excerpt of session 2, without her name.
    evidence, origin = db.exec(
        select(EvidenceItem, EvidenceOrigin)
        .join(EvidenceOrigin, col(EvidenceOrigin.evidence_item_id) == EvidenceItem.id)
        .where(EvidenceItem.initiative_id == leiden.id)
    ).one()
    assert evidence.source == EvidenceSource.learning_session_excerpt
    assert origin.session_id == sessions[2].id
    assert "Ingrid" not in evidence.excerpt and "Smit" not in evidence.excerpt
    # 2. Discussed in session 2: her reflection, in an agenda item of session 2.
    reflected = db.get(Reflection, origin.reflection_id)
    assert reflected is not None and reflected.author_id == ingrid.id
    assert reflected.session_id == sessions[2].id and reflected.evidence_consent
    follow_up = db.get(ReflectionFollowUp, reflected.id)
    assert follow_up is not None and follow_up.discussed_in_item_id == origin.agenda_item_id
    item = db.get(AgendaItem, follow_up.discussed_in_item_id)
    assert item is not None and item.session_id == sessions[2].id
    # 3. The action that followed.
    action = _one(db, Action, Action.reflection_id == reflected.id)
    assert isinstance(action, Action) and action.initiative_id == leiden.id
    assert action.opened_in_session_id == sessions[2].id
    # 4. The revised finding in the next version: session 3's monitoring section, quoting it.
    revised = db.get(FactsheetSection, follow_up.revised_section_id)
    assert revised is not None and revised.condition == MONITORING
    draft = db.get(Factsheet, revised.factsheet_id)
    assert draft is not None and draft.session_id == sessions[3].id
    assert draft.initiative_id == leiden.id
    quoted = db.exec(
        select(FactsheetSectionEvidence.evidence_item_id).where(
            FactsheetSectionEvidence.section_id == revised.id
        )
    ).all()
    assert evidence.id in quoted

    # The editor of the revised version shows the whole trail in its monitoring section.
    researcher = _one(db, Person, Person.email == content.RESEARCHER)
    assert isinstance(researcher, Person)
    browser = sign_in(researcher)
    page = browser.get(f"/factsheets/{draft.id}").text
    section = page.split('id="section-monitoring"')[1].split("</section>")[0]
    assert "The trail of this finding" in section
    assert "Discussed in session 2" in section and escape(item.title) in section
    assert "A reflection by Ingrid Smit" in section  # she shows her name on it
    assert f'href="/actions/{action.id}"' in section and escape(action.title) in section
    assert "in this factsheet (session 3" in section
    # The earlier version points forward to the revised finding.
    published = _one(
        db, Factsheet, Factsheet.initiative_id == leiden.id, Factsheet.session_id == sessions[2].id
    )
    assert isinstance(published, Factsheet)
    earlier = browser.get(f"/factsheets/{published.id}").text
    assert f'href="/factsheets/{draft.id}#section-monitoring"' in earlier
    # The preview shows it after the document; the family representative's page her outcome.
    preview = browser.get(f"/factsheets/{draft.id}/preview").text
    assert "The trail of the findings (in the preview only, not in the PDF)" in preview
    mine = sign_in(ingrid).get(f"/sessions/{sessions[3].id}/reflect").text
    assert f"Discussed in the session, in '{escape(item.title)}'." in mine
    assert f"This led to an action: '{escape(action.title)}'" in mine


class Trail:
    """An initiative with a session-2 factsheet and a session-3 draft, to grow a trail on."""

    def __init__(self, db: Session, community: LearningCommunity) -> None:
        self.db = db
        self.initiative = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
        self.held = factories.learning_session(db, community, number=2)
        self.next = factories.learning_session(db, community, number=3)
        self.draft = factsheet_service.start_draft(
            db=db, initiative=self.initiative, learning_session=self.next
        )
        self.section = factsheet_service.section(self.draft, MONITORING)
        self.count = 0

    def thread(self, author: Person, **reflection_fields: object) -> Reflection:
        """One more full thread: evidence from a reflection, discussed, an action, revised."""
        self.count += 1
        item = factories.agenda_item(self.db, self.held, position=self.count, title="Exchange")
        written = reflection(
            self.db,
            self.held,
            author,
            perspective=Perspective.family,
            evidence_consent=True,
            **{"text": f"Show families their results ({self.count}).", **reflection_fields},
        )
        evidence = factories.evidence_item(
            self.db, self.initiative, excerpt=f"Show families their results ({self.count})."
        )
        self.db.add(
            EvidenceOrigin(
                evidence_item_id=evidence.id,
                session_id=self.held.id,
                reflection_id=written.id,
                agenda_item_id=item.id,
            )
        )
        self.db.add(
            ReflectionFollowUp(
                reflection_id=written.id,
                discussed_in_item_id=item.id,
                revised_section_id=self.section.id,
            )
        )
        factories.action(self.db, self.initiative, self.held, reflection_id=written.id)
        self.db.flush()
        return written


def _researcher(db: Session, community: LearningCommunity, trail: Trail) -> Person:
    person = factories.person(db, community, name="Femke Bakker")
    factories.membership(db, person, Role.practitioner_researcher, trail.initiative)
    return person


def test_the_editor_statement_count_does_not_grow_with_the_trail(
    db: Session, community: LearningCommunity, sign_in: SignIn
) -> None:
    trail = Trail(db, community)
    family = factories.person(db, community, name="Ingrid Smit")
    browser = sign_in(_researcher(db, community, trail))
    path = f"/factsheets/{trail.draft.id}"
    browser.get(path)  # warm: the sign-in's own bookkeeping
    counts = []
    for _ in range(3):
        trail.thread(family, visibility=ReflectionVisibility.community)
        with counted_statements(db) as statements:
            page = browser.get(path)
        assert page.status_code == 200
        counts.append(len(statements))
    assert page.text.count('class="trail__thread"') == 3
    assert counts[0] == counts[1] == counts[2]


def test_reflections_show_as_the_viewer_may_read_them_and_names_as_the_author_chose(
    db: Session, community: LearningCommunity, sign_in: SignIn
) -> None:
    trail = Trail(db, community)
    hidden_name = factories.person(db, community, name="Ingrid Smit")
    private = factories.person(db, community, name="Ricardo Martina")
    trail.thread(
        hidden_name,
        shows_name=False,
        visibility=ReflectionVisibility.community,
        text="Without my name.",
    )
    trail.thread(private, visibility=ReflectionVisibility.private, text="Only for the facilitator.")
    researcher = sign_in(_researcher(db, community, trail))
    page = researcher.get(f"/factsheets/{trail.draft.id}").text
    assert "Ingrid Smit" not in page and "A reflection by a family representative" in page
    assert "Only for the facilitator." not in page and "Ricardo Martina" not in page
    assert "A reflection you cannot read" in page
    facilitator = factories.person(db, community, name="Lotte Hendriks")
    factories.membership(db, facilitator, Role.facilitator)
    as_facilitator = sign_in(facilitator).get(f"/factsheets/{trail.draft.id}").text
    assert "Only for the facilitator." in as_facilitator
    assert "Ingrid Smit" not in as_facilitator  # the facilitator too reads it without a name


def test_the_trail_is_in_the_preview_never_in_the_pdf(
    db: Session, community: LearningCommunity, sign_in: SignIn
) -> None:
    trail = Trail(db, community)
    published = factories.published_factsheet(
        db, trail.initiative, trail.held, analysis="The team keeps figures.", condition=MONITORING
    )
    browser = sign_in(_researcher(db, community, trail))
    before = browser.get(f"/factsheets/{published.id}/pdf")
    assert before.status_code == 200
    trail.thread(factories.person(db, community), visibility=ReflectionVisibility.community)
    preview = browser.get(f"/factsheets/{published.id}/preview").text
    assert "The trail of the findings" in preview and "Show families their results" in preview
    after = browser.get(f"/factsheets/{published.id}/pdf")
    assert after.content == before.content
    assert b"trail" not in after.content.lower()


def test_members_who_do_not_read_drafts_see_no_trail(
    db: Session, community: LearningCommunity, sign_in: SignIn
) -> None:
    trail = Trail(db, community)
    published = factories.published_factsheet(
        db, trail.initiative, trail.held, analysis="The team keeps figures.", condition=MONITORING
    )
    trail.thread(factories.person(db, community), visibility=ReflectionVisibility.community)
    outsider = factories.person(db, community)
    factories.membership(
        db, outsider, Role.policymaker, factories.initiative(db, community, name="Other")
    )
    browser = sign_in(outsider)
    assert "The trail of" not in browser.get(f"/factsheets/{published.id}").text
    assert "The trail of" not in browser.get(f"/factsheets/{published.id}/preview").text
