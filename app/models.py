"""Every table, imported once so the metadata (Alembic, tests) sees the whole model."""

from app.access_links.models import AccessLink
from app.accounts.models import Account, OneTimeToken, UserSession
from app.actions.models import Action, ActionProgress
from app.agendas.models import AgendaItem, BankQuestion, ReflectiveQuestion, SessionDocument
from app.api_tokens.models import ApiToken
from app.audit.models import AuditEntry
from app.auth.rate_limit import RateLimitCounter
from app.community.models import LearningCommunity
from app.comparison.models import PracticeLink
from app.contributions.models import Dilemma, GoodPractice
from app.evidence.models import EvidenceCondition, EvidenceItem, EvidenceOrigin
from app.factsheets.models import (
    Factsheet,
    FactsheetDocument,
    FactsheetSection,
    FactsheetSectionEvidence,
    FactsheetSnapshot,
    RenderJob,
)
from app.initiatives.models import Initiative, InitiativeDiscipline, InitiativeMunicipality
from app.invitations.models import OutboxAttachment, OutboxMessage
from app.learning_sessions.models import Attendance, LearningSession, SessionEvaluation
from app.monitoring.models import Measurement, MonitoringIndicator
from app.people.models import Consent, Membership, Person
from app.reflections.models import Reflection, ReflectionFollowUp
from app.self_assessment.models import SelfAssessment, SelfAssessmentRelease

__all__ = [
    "AccessLink",
    "Account",
    "Action",
    "ActionProgress",
    "AgendaItem",
    "ApiToken",
    "Attendance",
    "AuditEntry",
    "BankQuestion",
    "Consent",
    "Dilemma",
    "EvidenceCondition",
    "EvidenceItem",
    "EvidenceOrigin",
    "Factsheet",
    "FactsheetDocument",
    "FactsheetSection",
    "FactsheetSectionEvidence",
    "FactsheetSnapshot",
    "GoodPractice",
    "Initiative",
    "InitiativeDiscipline",
    "InitiativeMunicipality",
    "LearningCommunity",
    "LearningSession",
    "Measurement",
    "Membership",
    "MonitoringIndicator",
    "OneTimeToken",
    "OutboxAttachment",
    "OutboxMessage",
    "Person",
    "PracticeLink",
    "RateLimitCounter",
    "Reflection",
    "ReflectionFollowUp",
    "ReflectiveQuestion",
    "RenderJob",
    "SelfAssessment",
    "SelfAssessmentRelease",
    "SessionDocument",
    "SessionEvaluation",
    "UserSession",
]
