"""Insert the demo learning community of ``app.demo.content`` into a database session.

The caller owns the transaction: nothing here commits; ``flush`` is used to obtain ids.
Every text is inserted in one language, English or Dutch, chosen by the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from app.actions.models import Action, ActionProgress
from app.agendas.models import AgendaItem, BankQuestion, ReflectiveQuestion
from app.community.models import LearningCommunity
from app.contributions.models import ContributionColumns, Dilemma, GoodPractice
from app.demo import content
from app.demo.accounts import add_demo_accounts
from app.demo.content import ContributionSpec, EvidenceSpec, Text
from app.demo.factsheets import add_demo_factsheets
from app.demo.follow_up import add_demo_follow_up
from app.demo.indicators import add_demo_indicators
from app.demo.invitations import add_demo_invitations
from app.demo.practice_links import add_demo_practice_links
from app.demo.reports import add_demo_reports
from app.demo.self_assessment import add_demo_self_assessment
from app.demo.timings import add_demo_timings
from app.demo.trends import add_demo_trends
from app.evidence.models import EvidenceCondition, EvidenceItem
from app.evidence.service import evidence_fingerprint
from app.initiatives.models import Initiative, InitiativeDiscipline, InitiativeMunicipality
from app.learning_sessions.models import Attendance, LearningSession, SessionEvaluation
from app.monitoring.models import Measurement, MonitoringIndicator
from app.people.models import Consent, Membership, Person
from app.reflections.models import Reflection
from app.vocabulary import (
    SessionStatus,
)

AMSTERDAM = ZoneInfo(content.TIMEZONE)


class _HasId(Protocol):
    id: int | None


_Row = TypeVar("_Row", bound=_HasId)
_Contribution = TypeVar("_Contribution", bound=ContributionColumns)


def seed_demo(db: Session, *, language: str = "en", invitations: bool = True) -> bool:
    """Insert the demo learning community unless a community exists already; True when it inserted.

    ``invitations``: sessions 1 and 2's agendas published, their invitations sent, with the
    PDFs attached (seconds of rendering; tests about other things leave them out).
    """
    if language not in content.LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {content.LANGUAGES}")
    if db.exec(select(LearningCommunity.id).limit(1)).first() is not None:
        return False
    seeder = _DemoSeeder(db, language)
    seeder.run()
    add_demo_timings(db, community_id=seeder.community_id, language=language)
    add_demo_accounts(db)
    add_demo_factsheets(db, language=language)
    add_demo_trends(db, language=language)
    add_demo_practice_links(db, initiatives=seeder.initiatives, language=language)
    add_demo_follow_up(db, language=language)
    add_demo_indicators(db, initiatives=seeder.initiatives, language=language)
    add_demo_self_assessment(db, initiatives=seeder.initiatives, language=language)
    if invitations:
        add_demo_invitations(db, community_id=seeder.community_id)
    add_demo_reports(db, community_id=seeder.community_id, language=language)
    return True


def _local(day: date, at: time) -> datetime:
    """A wall-clock time in Amsterdam as a timezone-aware datetime."""
    return datetime.combine(day, at, tzinfo=AMSTERDAM)


def _row_id(row: _HasId) -> int:
    if row.id is None:
        raise RuntimeError(f"{type(row).__name__} has no id after flush")
    return row.id


class _DemoSeeder:
    """Inserts the content table by table, remembering the ids its keys were given."""

    def __init__(self, db: Session, language: str) -> None:
        self.db = db
        self.language = language
        self.community_id = 0
        self.initiatives: dict[str, int] = {}
        self.people: dict[str, int] = {}
        self.sessions: dict[int, int] = {}
        self.questions: dict[str, int] = {}
        self.dilemmas: dict[str, int] = {}
        self.good_practices: dict[str, int] = {}

    def run(self) -> None:
        self._community()
        self._initiatives()
        self._people()
        self._sessions()
        self._attendance()
        self._evidence()
        self._questions()
        self._dilemmas_and_good_practices()
        self._agendas()
        self._actions()
        self._indicators()
        self._reflections()
        self._evaluations()
        self._consents()
        self.db.flush()

    # -- helpers --------------------------------------------------------------------------

    def _t(self, text: Text) -> str:
        return text.pick(self.language)

    def _insert(self, rows: Sequence[_Row]) -> list[int]:
        """Add the rows, flush, and return their new ids in order."""
        self.db.add_all(rows)
        self.db.flush()
        return [_row_id(row) for row in rows]

    def _person(self, email: str | None) -> int | None:
        return None if email is None else self.people[email]

    # -- tables ---------------------------------------------------------------------------

    def _community(self) -> None:
        spec = content.COMMUNITY
        community = LearningCommunity(
            name=self._t(spec.name),
            aims=self._t(spec.aims),
            period_start=spec.period_start,
            period_end=spec.period_end,
            status=spec.status,
        )
        [self.community_id] = self._insert([community])

    def _initiatives(self) -> None:
        rows = [
            Initiative(
                community_id=self.community_id,
                name=spec.name,
                target_group=self._t(spec.target_group),
                funding_arrangement=spec.funding_arrangement,
                funding_notes=self._t(spec.funding_notes),
                monitoring_approach=self._t(spec.monitoring_approach),
            )
            for spec in content.INITIATIVES
        ]
        ids = self._insert(rows)
        for spec, initiative_id in zip(content.INITIATIVES, ids, strict=True):
            self.initiatives[spec.key] = initiative_id
            self.db.add_all(
                InitiativeMunicipality(initiative_id=initiative_id, name=name, position=position)
                for position, name in enumerate(spec.municipalities)
            )
            self.db.add_all(
                InitiativeDiscipline(
                    initiative_id=initiative_id, name=self._t(name), position=position
                )
                for position, name in enumerate(spec.disciplines)
            )

    def _people(self) -> None:
        rows = [
            Person(
                community_id=self.community_id,
                name=spec.name,
                organisation=self._t(spec.organisation),
                email=spec.email.lower(),
                accessibility_needs=(
                    "" if spec.accessibility_needs is None else self._t(spec.accessibility_needs)
                ),
                preferred_format=spec.preferred_format,
            )
            for spec in content.PEOPLE
        ]
        ids = self._insert(rows)
        self.people = {
            spec.email: person_id for spec, person_id in zip(content.PEOPLE, ids, strict=True)
        }
        self.db.add_all(
            Membership(
                person_id=self.people[spec.email],
                community_id=self.community_id,
                initiative_id=(
                    None
                    if membership.initiative is None
                    else self.initiatives[membership.initiative]
                ),
                role=membership.role,
                perspective=membership.perspective,
                level=membership.level,
            )
            for spec in content.PEOPLE
            for membership in spec.memberships
        )

    def _sessions(self) -> None:
        rows = [
            LearningSession(
                community_id=self.community_id,
                number=spec.number,
                starts_at=_local(spec.day, spec.start),
                ends_at=_local(spec.day, spec.end),
                timezone=content.TIMEZONE,
                place=self._t(spec.place),
                online_url=spec.online_url,
                focus=self._t(spec.focus),
                reflection_deadline=spec.reflection_deadline,
                chair_id=self._person(spec.chair),
                status=spec.status,
            )
            for spec in content.SESSIONS
        ]
        ids = self._insert(rows)
        self.sessions = {spec.number: id_ for spec, id_ in zip(content.SESSIONS, ids, strict=True)}

    def _attendance(self) -> None:
        held = {
            spec.number
            for spec in content.SESSIONS
            if spec.status in (SessionStatus.held, SessionStatus.followed_up)
        }
        for spec in content.ATTENDANCE:
            if spec.recorded and spec.session not in held:
                raise ValueError(f"attendance recorded for session {spec.session}, not held")
            self.db.add_all(
                Attendance(
                    session_id=self.sessions[spec.session],
                    person_id=self.people[email],
                    invited=True,
                    attended=(email not in spec.absent) if spec.recorded else None,
                )
                for email in spec.invited
            )

    def _evidence(self) -> None:
        items = [self._evidence_item(spec) for spec in content.EVIDENCE]
        ids = self._insert(items)
        self.db.add_all(
            EvidenceCondition(evidence_item_id=item_id, condition=condition)
            for spec, item_id in zip(content.EVIDENCE, ids, strict=True)
            for condition in dict.fromkeys(spec.conditions)
        )

    def _evidence_item(self, spec: EvidenceSpec) -> EvidenceItem:
        excerpt = self._t(spec.excerpt)
        return EvidenceItem(
            initiative_id=self.initiatives[spec.initiative],
            recorded_by_id=self._person(spec.recorded_by or content.RESEARCHER),
            source=spec.source,
            observed_on=spec.observed_on,
            perspective=spec.perspective,
            level=spec.level,
            quote_consent=spec.quote_consent,
            excerpt=excerpt,
            fingerprint=evidence_fingerprint(
                source=spec.source,
                observed_on=spec.observed_on,
                perspective=spec.perspective,
                level=spec.level,
                conditions=spec.conditions,
                excerpt=excerpt,
            ),
        )

    def _questions(self) -> None:
        banked = self._question_bank()
        positions: dict[int, int] = {}
        rows: list[ReflectiveQuestion] = []
        for spec in content.QUESTIONS:
            position = positions.get(spec.session, 0)
            positions[spec.session] = position + 1
            rows.append(
                ReflectiveQuestion(
                    session_id=self.sessions[spec.session],
                    position=position,
                    bank_question_id=banked[spec.key],
                    text=self._t(spec.text),
                    plain_text=self._t(spec.plain_text),
                    condition=spec.condition,
                    level=spec.level,
                    target_roles=list(spec.target_roles),
                )
            )
        ids = self._insert(rows)
        self.questions = {spec.key: id_ for spec, id_ in zip(content.QUESTIONS, ids, strict=True)}

    def _question_bank(self) -> dict[str, int]:
        """Every demo question in the bank in both languages; the ids in the seed's language."""
        specs = [*content.QUESTIONS, *content.BANK_ONLY_QUESTIONS]
        ids: dict[str, int] = {}
        for language in content.LANGUAGES:
            rows = [
                BankQuestion(
                    community_id=self.community_id,
                    language=language,
                    text=spec.text.pick(language),
                    plain_text=spec.plain_text.pick(language),
                    condition=spec.condition,
                    level=spec.level,
                    target_roles=list(spec.target_roles),
                    created_by_id=self._person(content.CHAIR),
                )
                for spec in specs
            ]
            inserted = self._insert(rows)
            if language == self.language:
                ids = {spec.key: id_ for spec, id_ in zip(specs, inserted, strict=True)}
        return ids

    def _dilemmas_and_good_practices(self) -> None:
        self.dilemmas = self._contributions(Dilemma, content.DILEMMAS)
        self.good_practices = self._contributions(GoodPractice, content.GOOD_PRACTICES)

    def _contributions(
        self, model: type[_Contribution], specs: Sequence[ContributionSpec]
    ) -> dict[str, int]:
        rows = [
            model(
                initiative_id=self.initiatives[spec.initiative],
                session_id=self.sessions[spec.session],
                submitted_by_id=self.people[spec.submitted_by],
                title=self._t(spec.title),
                description=self._t(spec.description),
                condition=spec.condition,
                level=spec.level,
                status=spec.status,
            )
            for spec in specs
        ]
        ids = self._insert(rows)
        return {spec.key: id_ for spec, id_ in zip(specs, ids, strict=True)}

    def _agendas(self) -> None:
        for number, items in content.AGENDAS.items():
            self.db.add_all(
                AgendaItem(
                    session_id=self.sessions[number],
                    position=position,
                    kind=item.kind,
                    title=self._t(item.title),
                    duration_minutes=item.duration_minutes,
                    minutes="" if item.minutes is None else self._t(item.minutes),
                    chair_notes="" if item.chair_notes is None else self._t(item.chair_notes),
                    owner_id=self._person(item.owner),
                    dilemma_id=None if item.dilemma is None else self.dilemmas[item.dilemma],
                    good_practice_id=(
                        None
                        if item.good_practice is None
                        else self.good_practices[item.good_practice]
                    ),
                    reflective_question_id=(
                        None if item.question is None else self.questions[item.question]
                    ),
                )
                for position, item in enumerate(items)
            )

    def _actions(self) -> None:
        ids = self._insert(
            [
                Action(
                    initiative_id=self.initiatives[spec.initiative],
                    owner_id=self.people[spec.owner],
                    opened_in_session_id=self.sessions[spec.opened_in],
                    review_session_id=self.sessions[spec.review_in],
                    title=self._t(spec.title),
                    description=self._t(spec.description),
                    condition=spec.condition,
                    level=spec.level,
                    pdsa_stage=spec.pdsa_stage,
                    due_date=spec.due_date,
                    status=spec.status,
                )
                for spec in content.ACTIONS
            ]
        )
        self.db.add_all(
            ActionProgress(
                action_id=action_id,
                author_id=self.people[progress.author],
                status=progress.status,
                pdsa_stage=progress.pdsa_stage,
                note=self._t(progress.note),
                created_at=datetime.combine(progress.on, time(10), tzinfo=UTC),
            )
            for spec, action_id in zip(content.ACTIONS, ids, strict=True)
            if spec.opened_in == 2
            for progress in content.ACTION_PROGRESS.get(spec.initiative, ())
        )

    def _indicators(self) -> None:
        rows = [
            MonitoringIndicator(
                initiative_id=self.initiatives[spec.initiative],
                name=self._t(spec.name),
                condition=spec.condition,
                level=spec.level,
                source=self._t(spec.source),
                unit=self._t(spec.unit),
                baseline=spec.baseline,
                target=spec.target,
            )
            for spec in content.INDICATORS
        ]
        ids = self._insert(rows)
        self.db.add_all(
            Measurement(indicator_id=indicator_id, measured_on=measured_on, value=value)
            for spec, indicator_id in zip(content.INDICATORS, ids, strict=True)
            for measured_on, value in spec.measurements
        )

    def _reflections(self) -> None:
        self.db.add_all(
            Reflection(
                session_id=self.sessions[spec.session],
                author_id=self.people[spec.author],
                perspective=spec.perspective,
                visibility=spec.visibility,
                evidence_consent=spec.evidence_consent,
                text=self._t(spec.text),
                reflective_question_id=(
                    None if spec.question is None else self.questions[spec.question]
                ),
                dilemma_id=None if spec.dilemma is None else self.dilemmas[spec.dilemma],
                status=spec.status,
                submitted_at=(
                    None if spec.submitted_on is None else _local(spec.submitted_on, time(20, 0))
                ),
                shows_name=spec.shows_name,
            )
            for spec in content.REFLECTIONS
        )

    def _evaluations(self) -> None:
        self.db.add_all(
            SessionEvaluation(
                session_id=self.sessions[spec.session],
                person_id=self.people[spec.person],
                usefulness=spec.usefulness,
                family_voice=spec.family_voice,
                preparation=spec.preparation,
                come_again=spec.come_again,
                comment=self._t(spec.comment),
            )
            for spec in content.EVALUATIONS
        )

    def _consents(self) -> None:
        self.db.add_all(
            Consent(
                person_id=self.people[spec.person],
                purpose=spec.purpose,
                wording_version=spec.wording_version,
                given_at=_local(spec.given_on, spec.given_at),
            )
            for spec in content.CONSENTS
        )
