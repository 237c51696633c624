"""The chair's background: who is coming, each initiative in five lines, last session's actions."""

from datetime import UTC, datetime

from sqlmodel import Session

from app.agendas.background import Background, session_background
from app.agendas.background_queries import barrier_lines
from app.auth.principal import Principal
from app.community.models import LearningCommunity
from app.learning_sessions import workflow
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Person
from app.templating import environment
from app.vocabulary import (
    ActionStatus,
    ContributionStatus,
    FactsheetStatus,
    FundingArrangement,
    PartnershipCondition,
    Perspective,
    PreferredFormat,
    Role,
)
from tests import factories
from tests.helpers import counted_statements


def _viewer(person: Person, role: Role) -> Principal:
    assert person.id is not None
    return Principal(
        account_id=person.id,
        person_id=person.id,
        community_id=person.community_id,
        name=person.name,
        email=person.email,
        community_roles=frozenset({role}),
    )


def _sessions(db: Session, community: LearningCommunity) -> list[LearningSession]:
    return [
        factories.learning_session(
            db, community, number=number, starts_at=datetime(2026, number * 2, 10, 13, tzinfo=UTC)
        )
        for number in (1, 2, 3)
    ]


def test_participants_show_role_initiative_perspective_and_whether_they_are_new(
    db: Session, community: LearningCommunity
) -> None:
    first, second, third = _sessions(db, community)
    gezinsteam = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    returning = factories.person(db, community, name="Anouk de Vries", organisation="GGZ")
    factories.membership(db, returning, Role.practitioner, gezinsteam)
    newcomer = factories.person(
        db, community, name="Bram Visser", preferred_format=PreferredFormat.large_print
    )
    factories.membership(db, newcomer, Role.policymaker)
    absent_before = factories.person(db, community, name="Chantal Smit")
    factories.membership(db, absent_before, Role.manager, gezinsteam)
    uninvited = factories.person(db, community, name="Daan Mulder")
    factories.membership(db, uninvited, Role.manager, gezinsteam)
    factories.attendance(db, first, returning, attended=True)
    factories.attendance(db, first, absent_before, attended=False)
    for person in (returning, newcomer, absent_before):
        factories.attendance(db, second, person)
    db.add(Attendance(session_id=second.id, person_id=uninvited.id, invited=False))
    # A later session does not make anyone a returning participant of an earlier one.
    factories.attendance(db, third, newcomer, attended=True)
    db.flush()
    chair = factories.person(db, community, name="Esther Chair")

    background = session_background(
        db=db, learning_session=second, viewer=_viewer(chair, Role.chair)
    )

    by_name = {participant.name: participant for participant in background.participants}
    assert set(by_name) == {"Anouk de Vries", "Bram Visser", "Chantal Smit"}
    anouk = by_name["Anouk de Vries"]
    assert (anouk.role, anouk.initiative_name, anouk.perspective) == (
        Role.practitioner,
        "Gezinsteam Plus Leidse Regio",
        Perspective.professional,
    )
    assert anouk.organisation == "GGZ" and anouk.new is False
    bram = by_name["Bram Visser"]
    assert (bram.role, bram.initiative_name, bram.new) == (Role.policymaker, None, True)
    assert bram.preferred_format == PreferredFormat.large_print
    assert by_name["Chantal Smit"].new is True
    # Grouped in Role order, as the counts are.
    assert [p.name for p in background.participants] == [
        "Bram Visser",
        "Chantal Smit",
        "Anouk de Vries",
    ]
    assert background.new_participants == 2


def test_role_counts_are_in_role_order_with_the_session_roles_always_counted(
    db: Session, community: LearningCommunity
) -> None:
    learning_session = factories.learning_session(db, community)
    initiative = factories.initiative(db, community)
    both = factories.person(db, community)
    factories.membership(db, both, Role.practitioner, initiative)
    factories.membership(db, both, Role.practitioner_researcher, initiative)
    other = factories.person(db, community)
    factories.membership(db, other, Role.practitioner, initiative)
    for person in (both, other):
        factories.attendance(db, learning_session, person)
    facilitator = factories.person(db, community)

    background = session_background(
        db=db, learning_session=learning_session, viewer=_viewer(facilitator, Role.facilitator)
    )

    assert list(background.role_counts.items()) == [
        (Role.policymaker, 0),
        (Role.manager, 0),
        (Role.practitioner, 2),
        (Role.family_representative, 0),
        (Role.practitioner_researcher, 1),
    ]


def test_accessibility_needs_reach_the_chair_only_when_the_person_shares_them(
    db: Session, community: LearningCommunity
) -> None:
    learning_session = factories.learning_session(db, community)
    sharing = factories.person(
        db, community, accessibility_needs="Hearing loop", shares_needs_with_chair=True
    )
    private = factories.person(db, community, accessibility_needs="Step-free access")
    for person in (sharing, private):
        factories.membership(db, person, Role.family_representative)
        factories.attendance(db, learning_session, person)
    chair = factories.person(db, community)
    facilitator = factories.person(db, community)

    as_chair = session_background(
        db=db, learning_session=learning_session, viewer=_viewer(chair, Role.chair)
    )
    as_facilitator = session_background(
        db=db, learning_session=learning_session, viewer=_viewer(facilitator, Role.facilitator)
    )

    assert {p.person_id: p.accessibility_needs for p in as_chair.participants} == {
        sharing.id: "Hearing loop",
        private.id: None,
    }
    assert {p.person_id: p.accessibility_needs for p in as_facilitator.participants} == {
        sharing.id: "Hearing loop",
        private.id: "Step-free access",
    }


def test_the_warnings_are_the_workflow_shortfalls(
    db: Session, community: LearningCommunity
) -> None:
    learning_session = factories.learning_session(db, community)
    initiative = factories.initiative(db, community, name="Samen1Plan Drechtsteden")
    practitioner = factories.person(db, community)
    factories.membership(db, practitioner, Role.practitioner, initiative)
    factories.attendance(db, learning_session, practitioner)
    chair = factories.person(db, community)

    background = session_background(
        db=db, learning_session=learning_session, viewer=_viewer(chair, Role.chair)
    )

    expected = workflow.preparation_shortfalls(db=db, learning_session=learning_session)
    assert list(background.warnings) == expected
    assert {(w.kind, w.role) for w in background.warnings} == {
        ("family_representative", None),
        ("role", Role.policymaker),
        ("role", Role.manager),
        ("factsheet", None),
    }
    assert not background.composition.complete


def test_a_chair_reads_the_published_barriers_and_the_facilitator_the_latest_draft(
    db: Session, community: LearningCommunity
) -> None:
    learning_session = factories.learning_session(db, community)
    initiative = factories.initiative(
        db,
        community,
        name="Wijkexpertteam Zwolle-Kampen",
        disciplines=("psychiatric nurse", "ID counsellor"),
        funding_arrangement=FundingArrangement.pilot_fund,
        funding_notes="Two-year pilot fund that is ending",
        monitoring_approach="Six-monthly case reviews only",
    )
    published = factories.factsheet(
        db, initiative, learning_session, status=FactsheetStatus.published, version_number=1
    )
    factories.factsheet_section(
        db,
        published,
        PartnershipCondition.financing,
        barriers="- The pilot money ends in June\n\n- Nobody owns the follow-up budget\n",
    )
    factories.factsheet_section(
        db, published, PartnershipCondition.monitoring, barriers="Only case reviews"
    )
    factories.factsheet_section(db, published, PartnershipCondition.roles, barriers="  ")
    draft = factories.factsheet(db, initiative, learning_session, version_number=2)
    factories.factsheet_section(
        db, draft, PartnershipCondition.financing, barriers="Draft: the insurer withdrew"
    )
    without_published = factories.initiative(db, community, name="Zorgpad Zuid")
    draft_only = factories.factsheet(db, without_published, learning_session)
    factories.factsheet_section(db, draft_only, barriers="Draft text only")
    chair = factories.person(db, community)
    facilitator = factories.person(db, community)

    as_chair = session_background(
        db=db, learning_session=learning_session, viewer=_viewer(chair, Role.chair)
    )
    as_facilitator = session_background(
        db=db, learning_session=learning_session, viewer=_viewer(facilitator, Role.facilitator)
    )

    wijk, zuid = as_chair.initiatives
    assert (wijk.name, zuid.name) == ("Wijkexpertteam Zwolle-Kampen", "Zorgpad Zuid")
    assert wijk.team == ("psychiatric nurse", "ID counsellor")
    assert wijk.funding_arrangement == FundingArrangement.pilot_fund
    assert wijk.funding_notes == "Two-year pilot fund that is ending"
    assert wijk.monitoring_approach == "Six-monthly case reviews only"
    assert wijk.factsheet is not None
    assert (wijk.factsheet.version_number, wijk.factsheet.status) == (1, "published")
    assert [(c.condition, c.barriers) for c in wijk.factsheet.conditions] == [
        (PartnershipCondition.monitoring, ("Only case reviews",)),
        (
            PartnershipCondition.financing,
            ("The pilot money ends in June", "Nobody owns the follow-up budget"),
        ),
    ]
    assert zuid.factsheet is None  # a chair never reads an unpublished factsheet's text
    assert "insurer withdrew" not in repr(as_chair) and "Draft text" not in repr(as_chair)

    wijk, zuid = as_facilitator.initiatives
    assert wijk.factsheet is not None and wijk.factsheet.version_number == 2
    assert [(c.condition, c.barriers) for c in wijk.factsheet.conditions] == [
        (PartnershipCondition.financing, ("Draft: the insurer withdrew",))
    ]
    assert zuid.factsheet is not None and zuid.factsheet.status == FactsheetStatus.draft


def test_barrier_lines_are_the_non_empty_lines_without_bullets() -> None:
    text = "• Pilot money ends\n  \n1. No shared budget\n2) Insurer billing\n* Waiting lists\n"
    assert barrier_lines(text) == [
        "Pilot money ends",
        "No shared budget",
        "Insurer billing",
        "Waiting lists",
    ]
    assert barrier_lines("") == []


def test_initiatives_bring_their_dilemmas_and_good_practices_for_this_session(
    db: Session, community: LearningCommunity
) -> None:
    learning_session = factories.learning_session(db, community)
    other_session = factories.learning_session(db, community)
    initiative = factories.initiative(db, community)
    factories.dilemma(db, initiative, session_id=learning_session.id, title="Who pays?")
    factories.dilemma(
        db,
        initiative,
        session_id=learning_session.id,
        title="Withdrawn one",
        status=ContributionStatus.withdrawn,
    )
    factories.dilemma(db, initiative, session_id=other_session.id, title="Another session's")
    factories.dilemma(db, initiative, title="Not for a session yet")
    factories.good_practice(
        db,
        initiative,
        session_id=learning_session.id,
        title="One plan per family",
        status=ContributionStatus.on_agenda,
    )
    chair = factories.person(db, community)

    (brief,) = session_background(
        db=db, learning_session=learning_session, viewer=_viewer(chair, Role.chair)
    ).initiatives

    assert [d.title for d in brief.dilemmas] == ["Who pays?"]
    assert [(g.title, g.status) for g in brief.good_practices] == [
        ("One plan per family", ContributionStatus.on_agenda)
    ]


def test_last_sessions_actions_are_those_of_the_previous_session_by_number(
    db: Session, community: LearningCommunity
) -> None:
    first, second, third = _sessions(db, community)
    cancelled = factories.learning_session(
        db,
        community,
        number=4,
        starts_at=datetime(2026, 9, 1, 13, tzinfo=UTC),
        cancelled_at=datetime(2026, 8, 1, tzinfo=UTC),
    )
    fourth = factories.learning_session(
        db, community, number=5, starts_at=datetime(2026, 11, 1, 13, tzinfo=UTC)
    )
    alpha = factories.initiative(db, community, name="Alpha")
    beta = factories.initiative(db, community, name="Beta")
    owner = factories.person(db, community, name="Fleur Owner")
    factories.action(db, alpha, first, title="From session 1")
    factories.action(
        db, alpha, second, title="Agree one contact", status=ActionStatus.done, owner_id=owner.id
    )
    factories.action(db, beta, second, title="Map the funders", status=ActionStatus.in_progress)
    factories.action(db, beta, third, title="From session 3")
    chair = factories.person(db, community)

    background = session_background(
        db=db, learning_session=third, viewer=_viewer(chair, Role.chair)
    )

    assert background.previous_session_number == 2
    assert [
        (a.initiative_name, a.title, a.status, a.owner_name) for a in background.last_actions
    ] == [
        ("Alpha", "Agree one contact", ActionStatus.done, "Fleur Owner"),
        ("Beta", "Map the funders", ActionStatus.in_progress, None),
    ]
    alpha_brief, beta_brief = background.initiatives
    assert [a.title for a in alpha_brief.last_actions] == ["Agree one contact"]
    assert [a.title for a in beta_brief.last_actions] == ["Map the funders"]

    # A cancelled session agreed nothing: the session after it reviews the one before.
    after_cancelled = session_background(
        db=db, learning_session=fourth, viewer=_viewer(chair, Role.chair)
    )
    assert [a.title for a in after_cancelled.last_actions] == ["From session 3"]
    assert cancelled.cancelled_at is not None
    none_before = session_background(
        db=db, learning_session=first, viewer=_viewer(chair, Role.chair)
    )
    assert none_before.last_actions == () and none_before.previous_session_number is None


def _community_of(db: Session, size: int) -> tuple[LearningSession, Principal]:
    community = factories.community(db)
    first, second, _ = _sessions(db, community)
    family = factories.person(db, community)
    factories.membership(db, family, Role.family_representative)
    factories.attendance(db, second, family)
    for number in range(size):
        initiative = factories.initiative(db, community, disciplines=("coach", "nurse"))
        for role in (Role.practitioner, Role.policymaker, Role.manager):
            member = factories.person(db, community)
            factories.membership(db, member, role, initiative)
            factories.attendance(db, first, member, attended=number % 2 == 0)
            factories.attendance(db, second, member)
        sheet = factories.factsheet(
            db, initiative, second, status=FactsheetStatus.published, version_number=1
        )
        for condition in PartnershipCondition:
            factories.factsheet_section(db, sheet, condition, barriers="One\nTwo")
        factories.factsheet(db, initiative, second, version_number=2)
        factories.dilemma(db, initiative, session_id=second.id)
        factories.good_practice(db, initiative, session_id=second.id)
        factories.action(db, initiative, first)
    chair = factories.person(db, community)
    return second, _viewer(chair, Role.chair)


def test_the_background_runs_the_same_statements_for_two_or_eight_initiatives(
    db: Session,
) -> None:
    counts = []
    for size in (2, 8):
        learning_session, viewer = _community_of(db, size)
        db.expire_all()
        with counted_statements(db) as statements:
            background = session_background(db=db, learning_session=learning_session, viewer=viewer)
            for brief in background.initiatives:  # nothing is loaded lazily afterwards
                assert brief.team and brief.factsheet and brief.dilemmas and brief.last_actions
        assert len(background.initiatives) == size
        assert len(background.participants) == 3 * size + 1
        counts.append(len(statements))
    assert counts[0] == counts[1], counts


def _render(background: Background, macro: str, language: str = "en") -> str:
    template = environment(language).get_template("agendas/_background.html")
    return str(getattr(template.module, macro)(background))


def _workspace_data(db: Session, community: LearningCommunity) -> LearningSession:
    first, second, _ = _sessions(db, community)
    initiative = factories.initiative(
        db, community, name="Huis van het Gezin Tilburg", disciplines=("school social work",)
    )
    sharing = factories.person(
        db,
        community,
        name="Fatima El Amrani",
        accessibility_needs="Hearing loop, please",
        shares_needs_with_chair=True,
    )
    factories.membership(db, sharing, Role.family_representative)
    private = factories.person(
        db, community, name="Gert Hoekstra", accessibility_needs="Wheelchair"
    )
    factories.membership(db, private, Role.manager, initiative)
    factories.attendance(db, first, private, attended=True)
    for person in (sharing, private):
        factories.attendance(db, second, person)
    draft = factories.factsheet(db, initiative, second)
    factories.factsheet_section(db, draft, barriers="The pooled budget is renegotiated")
    factories.action(db, initiative, first, title="Share the outcome set", status=ActionStatus.open)
    return second


def test_the_participants_table_stacks_and_shows_needs_only_where_the_service_allows(
    db: Session, community: LearningCommunity
) -> None:
    learning_session = _workspace_data(db, community)
    chair = factories.person(db, community)
    facilitator = factories.person(db, community)

    as_chair = _render(
        session_background(
            db=db, learning_session=learning_session, viewer=_viewer(chair, Role.chair)
        ),
        "participants",
    )
    as_facilitator = _render(
        session_background(
            db=db, learning_session=learning_session, viewer=_viewer(facilitator, Role.facilitator)
        ),
        "participants",
    )

    assert (
        '<table class="stack-table' in as_chair and "<caption>2 invited, 1 of them new" in as_chair
    )
    assert 'scope="col">Accessibility needs' in as_chair
    assert 'data-label="Accessibility needs">Hearing loop, please' in as_chair
    assert "Wheelchair" not in as_chair
    assert "Wheelchair" in as_facilitator and "Hearing loop, please" in as_facilitator
    assert "Manager, Huis van het Gezin Tilburg" in as_chair
    assert "Family representative" in as_chair and "New" in as_chair
    assert "Attended before" in as_chair
    assert "Practitioner: <strong>0</strong>" in as_chair  # a missing role said in words
    assert "Huis van het Gezin Tilburg: no practitioner invited" in as_chair


def test_no_accessibility_column_when_nobody_shares_with_the_chair(
    db: Session, community: LearningCommunity
) -> None:
    learning_session = factories.learning_session(db, community)
    person = factories.person(db, community, accessibility_needs="Large screen")
    factories.attendance(db, learning_session, person)
    chair = factories.person(db, community)

    html = _render(
        session_background(
            db=db, learning_session=learning_session, viewer=_viewer(chair, Role.chair)
        ),
        "participants",
    )

    assert "Large screen" not in html and "Accessibility needs" not in html


def test_the_initiative_briefs_keep_a_drafts_text_from_the_chair(
    db: Session, community: LearningCommunity
) -> None:
    learning_session = _workspace_data(db, community)
    chair = factories.person(db, community)
    facilitator = factories.person(db, community)

    as_chair = _render(
        session_background(
            db=db, learning_session=learning_session, viewer=_viewer(chair, Role.chair)
        ),
        "initiative_briefs",
    )
    as_facilitator = _render(
        session_background(
            db=db, learning_session=learning_session, viewer=_viewer(facilitator, Role.facilitator)
        ),
        "initiative_briefs",
    )

    assert '<h3 id="brief-' in as_chair and "Huis van het Gezin Tilburg</h3>" in as_chair
    assert "school social work" in as_chair and "Lump-sum subsidy" in as_chair
    assert "No published factsheet yet." in as_chair
    assert "renegotiated" not in as_chair
    assert "The pooled budget is renegotiated" in as_facilitator
    assert "From the unpublished version 1" in as_facilitator
    assert "Actions from session 1" in as_chair and "Share the outcome set" in as_chair
    assert ">Open</span>" in as_chair


def test_the_background_speaks_dutch(db: Session, community: LearningCommunity) -> None:
    learning_session = _workspace_data(db, community)
    chair = factories.person(db, community)
    background = session_background(
        db=db, learning_session=learning_session, viewer=_viewer(chair, Role.chair)
    )

    participants = _render(background, "participants", "nl")
    briefs = _render(background, "initiative_briefs", "nl")

    assert "Uitgenodigd per rol" in participants and "Gezinsvertegenwoordiger" in participants
    assert "2 uitgenodigd, van wie 1 nieuw" in participants
    assert "Nog geen gepubliceerde factsheet." in briefs and "Acties uit sessie 1" in briefs
    assert "Invited per role" not in participants and "Team" in briefs
