"""The chair's background for a session: who is coming, and each initiative in five lines.

What the chair reads before writing reflective questions (the study found this preparation is
what made the sessions work). A chair never reads an unpublished factsheet's text, nor a
person's accessibility needs unless that person chose to share them with the chair; the
facilitator reads both. A fixed number of queries, whatever the size of the community.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from app.actions.models import Action
from app.agendas import background_queries as queries
from app.auth import policy
from app.auth.principal import Principal
from app.contributions.models import ContributionColumns, Dilemma, GoodPractice
from app.learning_sessions import workflow
from app.learning_sessions.composition import SessionComposition, session_composition
from app.learning_sessions.models import LearningSession
from app.learning_sessions.workflow import Shortfall
from app.vocabulary import (
    SESSION_COMPOSITION_ROLES,
    ActionStatus,
    ContributionStatus,
    FactsheetStatus,
    FundingArrangement,
    IntegrationLevel,
    PartnershipCondition,
    PdsaStage,
    Perspective,
    PreferredFormat,
    Role,
)

ROLE_ORDER = {role: position for position, role in enumerate(Role)}
CONDITION_ORDER = {condition: position for position, condition in enumerate(PartnershipCondition)}


@dataclass(frozen=True)
class HeldRole:
    role: Role
    perspective: Perspective
    initiative_name: str | None  # None for a role in the whole community (chair, policymaker)


@dataclass(frozen=True)
class Participant:
    person_id: int
    name: str
    organisation: str
    roles: tuple[HeldRole, ...]  # in Role order
    new: bool  # attended no earlier session of the community
    preferred_format: PreferredFormat
    # None: not for this reader's eyes (show nothing of them); "" : none were given.
    accessibility_needs: str | None

    @property
    def role(self) -> Role | None:
        return self.roles[0].role if self.roles else None

    @property
    def initiative_name(self) -> str | None:
        return self.roles[0].initiative_name if self.roles else None

    @property
    def perspective(self) -> Perspective | None:
        return self.roles[0].perspective if self.roles else None


@dataclass(frozen=True)
class ConditionBarriers:
    condition: PartnershipCondition
    barriers: tuple[str, ...]  # one per line of the section's barriers


@dataclass(frozen=True)
class FactsheetBarriers:
    """The barriers of the factsheet version the reader may read."""

    version_number: int
    status: FactsheetStatus
    conditions: tuple[ConditionBarriers, ...]  # in condition order, those with barriers


@dataclass(frozen=True)
class ContributionBrief:
    contribution_id: int
    title: str
    condition: PartnershipCondition
    level: IntegrationLevel
    status: ContributionStatus


@dataclass(frozen=True)
class ActionBrief:
    action_id: int
    initiative_id: int
    initiative_name: str
    title: str
    condition: PartnershipCondition
    level: IntegrationLevel
    pdsa_stage: PdsaStage
    status: ActionStatus
    due_date: date | None
    owner_name: str | None


@dataclass(frozen=True)
class InitiativeBrief:
    """One initiative in five lines: team, funding, monitoring, barriers, and what it brings."""

    initiative_id: int
    name: str
    team: tuple[str, ...]
    funding_arrangement: FundingArrangement
    funding_notes: str
    monitoring_approach: str
    factsheet: FactsheetBarriers | None  # None: no factsheet this reader may read yet
    dilemmas: tuple[ContributionBrief, ...]
    good_practices: tuple[ContributionBrief, ...]
    last_actions: tuple[ActionBrief, ...]


@dataclass(frozen=True)
class Background:
    learning_session: LearningSession
    participants: tuple[Participant, ...]
    role_counts: dict[Role, int]  # in Role order: the session's roles always, others if held
    composition: SessionComposition
    warnings: tuple[Shortfall, ...]  # what composition and factsheets still miss
    initiatives: tuple[InitiativeBrief, ...]
    previous_session_number: int | None  # of last session's actions, when it had any
    last_actions: tuple[ActionBrief, ...]  # every initiative's, for the briefing pack
    drafts_shown: bool  # the reader sees unpublished factsheets (the facilitator)

    @property
    def new_participants(self) -> int:
        return sum(1 for participant in self.participants if participant.new)


def session_background(
    *, db: Session, learning_session: LearningSession, viewer: Principal
) -> Background:
    """Everything the chair reads about a session's people and initiatives; ten queries."""
    composition = session_composition(db=db, learning_session=learning_session)
    warnings = workflow.shortfalls(
        composition=composition,
        factsheet_statuses=workflow.factsheet_status_by_initiative(
            db=db, learning_session=learning_session
        ),
    )
    participants = _participants(db=db, learning_session=learning_session, viewer=viewer)
    rows = queries.last_session_actions(db=db, learning_session=learning_session)
    actions = [_action_brief(action, initiative, owner) for action, initiative, owner, _ in rows]
    briefs = _initiative_briefs(
        db=db,
        learning_session=learning_session,
        composition=composition,
        drafts=viewer.is_facilitator,
        actions=actions,
    )
    return Background(
        learning_session=learning_session,
        participants=tuple(participants),
        role_counts=_role_counts(participants),
        composition=composition,
        warnings=tuple(warnings),
        initiatives=tuple(briefs),
        previous_session_number=max(row[3] for row in rows) if rows else None,
        last_actions=tuple(actions),
        drafts_shown=viewer.is_facilitator,
    )


def _participants(
    *, db: Session, learning_session: LearningSession, viewer: Principal
) -> list[Participant]:
    held: dict[int, list[HeldRole]] = {}
    for person_id, role, perspective, initiative_name in queries.invitee_roles(
        db=db, learning_session=learning_session
    ):
        held.setdefault(person_id, []).append(
            HeldRole(Role(role), Perspective(perspective), initiative_name)
        )
    participants = []
    for person, attended_before in queries.invitees(db=db, learning_session=learning_session):
        assert person.id is not None
        roles = sorted(held.get(person.id, []), key=lambda held_role: ROLE_ORDER[held_role.role])
        shows_needs = policy.sees_accessibility_needs(
            viewer, person.id or 0, shared=person.shares_needs_with_chair
        )
        participants.append(
            Participant(
                person_id=person.id,
                name=person.name,
                organisation=person.organisation,
                roles=tuple(roles),
                new=not attended_before,
                preferred_format=PreferredFormat(person.preferred_format),
                accessibility_needs=person.accessibility_needs if shows_needs else None,
            )
        )
    # Grouped by role as the counts are, by name within a role.
    participants.sort(
        key=lambda p: (ROLE_ORDER[p.role] if p.role else len(ROLE_ORDER), p.name, p.person_id)
    )
    return participants


def _role_counts(participants: Sequence[Participant]) -> dict[Role, int]:
    """How many invitees hold each role (someone with two roles counts for both)."""
    counted = dict.fromkeys(Role, 0)
    for participant in participants:
        for role in {held.role for held in participant.roles}:
            counted[role] += 1
    return {
        role: count for role, count in counted.items() if count or role in SESSION_COMPOSITION_ROLES
    }


def _action_brief(action: Action, initiative_name: str, owner_name: str | None) -> ActionBrief:
    assert action.id is not None
    return ActionBrief(
        action_id=action.id,
        initiative_id=action.initiative_id,
        initiative_name=initiative_name,
        title=action.title,
        condition=PartnershipCondition(action.condition),
        level=IntegrationLevel(action.level),
        pdsa_stage=PdsaStage(action.pdsa_stage),
        status=ActionStatus(action.status),
        due_date=action.due_date,
        owner_name=owner_name,
    )


def _contribution_brief(contribution: ContributionColumns) -> ContributionBrief:
    assert contribution.id is not None
    return ContributionBrief(
        contribution_id=contribution.id,
        title=contribution.title,
        condition=PartnershipCondition(contribution.condition),
        level=IntegrationLevel(contribution.level),
        status=ContributionStatus(contribution.status),
    )


def factsheet_barriers(
    *, db: Session, learning_session: LearningSession, published_only: bool
) -> dict[int, FactsheetBarriers]:
    """Per initiative, the barriers per condition of its latest factsheet for the session
    (the latest published one when ``published_only``). One query."""
    versions: dict[int, tuple[int, FactsheetStatus]] = {}
    lines: dict[int, dict[PartnershipCondition, tuple[str, ...]]] = {}
    for initiative_id, version_number, status, condition, barriers in queries.latest_sections(
        db=db, learning_session=learning_session, published_only=published_only
    ):
        versions[initiative_id] = (version_number, FactsheetStatus(status))
        found = queries.barrier_lines(barriers or "")
        if condition is not None and found:
            lines.setdefault(initiative_id, {})[PartnershipCondition(condition)] = tuple(found)
    return {
        initiative_id: FactsheetBarriers(
            version_number=version_number,
            status=status,
            conditions=tuple(
                ConditionBarriers(condition, barriers)
                for condition, barriers in sorted(
                    lines.get(initiative_id, {}).items(), key=lambda c: CONDITION_ORDER[c[0]]
                )
            ),
        )
        for initiative_id, (version_number, status) in versions.items()
    }


def _initiative_briefs(
    *,
    db: Session,
    learning_session: LearningSession,
    composition: SessionComposition,
    drafts: bool,
    actions: Sequence[ActionBrief],
) -> list[InitiativeBrief]:
    """The initiatives composition counts (the community's active ones), by name."""
    teams = queries.disciplines(db=db, community_id=learning_session.community_id)
    barriers = factsheet_barriers(
        db=db, learning_session=learning_session, published_only=not drafts
    )
    brought: dict[type, dict[int, list[ContributionBrief]]] = {}
    for model in (Dilemma, GoodPractice):
        by_initiative = brought.setdefault(model, {})
        for contribution in queries.contributions(
            db=db, learning_session=learning_session, model=model
        ):
            by_initiative.setdefault(contribution.initiative_id, []).append(
                _contribution_brief(contribution)
            )
    actions_of: dict[int, list[ActionBrief]] = {}
    for action in actions:
        actions_of.setdefault(action.initiative_id, []).append(action)
    briefs = []
    for entry in composition.initiatives:
        initiative = entry.initiative
        assert initiative.id is not None
        briefs.append(
            InitiativeBrief(
                initiative_id=initiative.id,
                name=initiative.name,
                team=tuple(teams.get(initiative.id, [])),
                funding_arrangement=FundingArrangement(initiative.funding_arrangement),
                funding_notes=initiative.funding_notes,
                monitoring_approach=initiative.monitoring_approach,
                factsheet=barriers.get(initiative.id),
                dilemmas=tuple(brought[Dilemma].get(initiative.id, [])),
                good_practices=tuple(brought[GoodPractice].get(initiative.id, [])),
                last_actions=tuple(actions_of.get(initiative.id, [])),
            )
        )
    return briefs
