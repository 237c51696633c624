"""What a factsheet document shows: a plain, fully-loaded view, built once per version.

The PDF, the plain-language PDF and the HTML preview are all rendered from this one view,
so they show the same content. Everything here is already chosen and ordered; templates
only lay it out.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from app.vocabulary import (
    ActionStatus,
    EvidenceSource,
    FactsheetStatus,
    IntegrationLevel,
    PartnershipCondition,
    PdsaStage,
    Perspective,
    Role,
    SessionStatus,
    Trend,
)


@dataclass(frozen=True)
class Quote:
    text: str
    source: EvidenceSource
    perspective: Perspective
    level: IntegrationLevel
    observed_on: date


@dataclass(frozen=True)
class DiffLine:
    """One line of a readable diff: kind is "same", "added" or "removed"."""

    kind: str
    text: str


@dataclass(frozen=True)
class SectionChange:
    """What changed in a section since the previous session's published factsheet."""

    previous_version: int
    previous_session_number: int
    lines: list[DiffLine]

    @property
    def changed(self) -> bool:
        return any(line.kind != "same" for line in self.lines)


@dataclass(frozen=True)
class SectionView:
    condition: PartnershipCondition
    analysis: str
    facilitators: str
    barriers: str
    levels: list[IntegrationLevel]
    quotes: list[Quote]
    change: SectionChange | None = None
    # The confirmed plain-language text (empty while unconfirmed): all the plain PDF says.
    plain_text: str = ""
    # Since the previous session, in the researcher's judgement (None: not judged).
    trend: Trend | None = None
    trend_reason: str = ""


@dataclass(frozen=True)
class MatrixCell:
    """Evidence for one condition from one perspective."""

    count: int
    key_point: str  # empty when there is no evidence


@dataclass(frozen=True)
class MemberView:
    name: str
    role: Role
    organisation: str


@dataclass(frozen=True)
class SessionHistoryItem:
    number: int
    starts_at: datetime
    status: SessionStatus
    attended: int  # how many of the initiative's members attended
    invited: int


@dataclass(frozen=True)
class ActionView:
    title: str
    condition: PartnershipCondition
    pdsa_stage: PdsaStage
    status: ActionStatus
    due_date: date | None
    owner: str


@dataclass(frozen=True)
class FamilyQuestion:
    """A reflective question of the session, in plain language, for family representatives."""

    text: str
    condition: PartnershipCondition


@dataclass(frozen=True)
class FactsheetView:
    language: str  # "en" or "nl"
    initiative_name: str
    municipalities: list[str]
    target_group: str
    disciplines: list[str]
    funding: str  # the funding arrangement's value (a FundingArrangement)
    funding_notes: str
    monitoring_approach: str
    community_name: str
    session_number: int
    session_starts_at: datetime
    session_timezone: str
    session_place: str
    version_number: int
    status: FactsheetStatus
    published_at: datetime | None
    plain_language_summary: str
    sections: list[SectionView]  # one per condition, in PartnershipCondition order
    # matrix[condition][perspective]
    matrix: dict[PartnershipCondition, dict[Perspective, MatrixCell]]
    members: list[MemberView]
    session_history: list[SessionHistoryItem]
    open_actions: list[ActionView]
    family_questions: list[FamilyQuestion] = field(default_factory=list)

    @property
    def is_draft(self) -> bool:
        return self.status != FactsheetStatus.published
