"""Suggested reflective questions, each from a stated rule on stated numbers: no black box.

Five rules, each firing only when its numbers say so:

- ``most_barriers``: the condition with the most barrier lines in the latest factsheet of
  each initiative for this session (drafts count: the chair prepares before publishing, and
  only the number is shown, never the text);
- ``not_discussed``: a condition no question of the community's last two sessions was about,
  and none of this session is about yet;
- ``no_question_for_role``: an invited family representative or policymaker whom no question
  of this session is addressed to (a question for everyone does not count);
- ``open_actions``: a condition with actions opened in the previous session, to be reviewed in
  this one, that are still open or in progress;
- ``views_differ``: a condition where, in one or more initiatives, two roles' median
  self-assessment scores for this session lie two levels apart or more (unreleased scores
  count: only the number of initiatives is shown).

Each suggests a question from the community's bank in the chosen language, of that condition
(addressed to that role), not yet picked for this session, preferring one no earlier session
used. Seven queries, whatever the size of the community; nothing is written.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import distinct, func, or_
from sqlmodel import Session, col, select

from app.actions.models import Action
from app.agendas import background_queries as queries
from app.agendas.models import BankQuestion, ReflectiveQuestion
from app.i18n import translations
from app.labels import N_, label_for
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Membership
from app.self_assessment import service as self_assessment
from app.vocabulary import ActionStatus, PartnershipCondition, Role

MAX_SUGGESTIONS = 6
# The roles a question may be missing for: the family's voice and the funders'.
ADDRESSED_ROLES: tuple[Role, ...] = (Role.family_representative, Role.policymaker)
RULES = ("most_barriers", "open_actions", "no_question_for_role", "not_discussed", "views_differ")
STILL_OPEN = (ActionStatus.open, ActionStatus.in_progress)

# (singular, plural) reasons per rule; the numbers fill them in.
REASONS: dict[str, tuple[str, str]] = {
    "most_barriers": (
        N_("%(condition)s: 1 barrier in this session's factsheets, the most of any condition"),
        N_(
            "%(condition)s: %(barriers)s barriers in this session's factsheets, "
            "the most of any condition"
        ),
    ),
    "not_discussed": (
        N_("%(condition)s: not discussed in the last session"),
        N_("%(condition)s: not discussed in the last %(sessions)s sessions"),
    ),
    "open_actions": (
        N_("%(condition)s: %(open)s of last session's actions is still open"),
        N_("%(condition)s: %(open)s of last session's actions are still open"),
    ),
    # The two roles named when every split initiative has the same pair apart.
    "views_differ:pair": (
        N_(
            "%(condition)s: views differ in 1 initiative (%(low)s and %(high)s two levels apart or more)"
        ),
        N_(
            "%(condition)s: views differ in %(initiatives)s initiatives "
            "(%(low)s and %(high)s two levels apart or more)"
        ),
    ),
    "views_differ:roles": (
        N_("%(condition)s: views differ in 1 initiative (two roles two levels apart or more)"),
        N_(
            "%(condition)s: views differ in %(initiatives)s initiatives "
            "(two roles two levels apart or more)"
        ),
    ),
    "no_question_for_role:family_representative": (
        N_("The family representative has no question addressed to them yet"),
        N_("The %(invited)s family representatives have no question addressed to them yet"),
    ),
    "no_question_for_role:policymaker": (
        N_("The policymaker has no question addressed to them yet"),
        N_("The %(invited)s policymakers have no question addressed to them yet"),
    ),
}


@dataclass(frozen=True)
class Suggestion:
    rule: str  # one of RULES
    condition: PartnershipCondition
    numbers: dict[str, int]  # what the rule fired on
    reason: str  # a sentence in the chosen language, carrying the numbers
    bank_question: BankQuestion
    role: Role | None = None  # the role it is addressed to (no_question_for_role)

    @property
    def strength(self) -> int:
        """The rule's headline number: what suggestions are ordered by."""
        return next(iter(self.numbers.values()))


@dataclass(frozen=True)
class _Fired:
    rule: str
    condition: PartnershipCondition | None  # None: any condition (a role's question)
    numbers: dict[str, int]
    plural: bool
    role: Role | None = None
    variant: str | None = None  # picks the reason when a rule has several
    # views_differ: the two roles named in the reason, in the vocabulary's order
    roles_apart: tuple[Role, Role] | None = None


def suggest_questions(
    *, db: Session, learning_session: LearningSession, language: str
) -> list[Suggestion]:
    """The suggestions for the session, strongest first (each rule's strongest before any
    rule's second): at most one per rule and condition (and role), each with a different bank
    question, at most six."""
    previous = list(
        db.exec(queries.previous_session_ids(learning_session=learning_session, count=2)).all()
    )
    asked = _questions_so_far(db=db, learning_session=learning_session)
    here = [question for question in asked if question.session_id == learning_session.id]
    fired = [
        *_most_barriers(db=db, learning_session=learning_session),
        *_open_actions(db=db, learning_session=learning_session),
        *_roles_without_question(db=db, learning_session=learning_session, here=here),
        *_not_discussed(previous=previous, asked=asked, session_id=learning_session.id),
        *_views_differ(db=db, learning_session=learning_session),
    ]
    fired = _strongest_of_each_rule_first(fired)
    picked = {q.bank_question_id for q in here if q.bank_question_id is not None}
    used_before = {
        q.bank_question_id
        for q in asked
        if q.session_id != learning_session.id and q.bank_question_id is not None
    }
    bank = db.exec(
        select(BankQuestion)
        .where(
            BankQuestion.community_id == learning_session.community_id,
            BankQuestion.language == language,
        )
        .order_by(col(BankQuestion.id))
    ).all()
    gettext = translations(language).gettext
    suggestions: list[Suggestion] = []
    for rule in fired:
        choice = _choose(bank, rule, exclude=picked, used_before=used_before)
        if choice is None:
            continue  # the bank has no fitting question left: nothing to suggest
        condition = PartnershipCondition(choice.condition)
        key = f"{rule.rule}:{rule.role or rule.variant}" if rule.role or rule.variant else rule.rule
        words = {
            name: gettext(label_for(role)).lower()
            for name, role in zip(("low", "high"), rule.roles_apart or (), strict=False)
        }
        reason = gettext(REASONS[key][1 if rule.plural else 0]) % {
            "condition": gettext(label_for(condition)),
            **rule.numbers,
            **words,
        }
        suggestions.append(
            Suggestion(rule.rule, condition, rule.numbers, reason, choice, rule.role)
        )
        assert choice.id is not None
        picked.add(choice.id)
        if len(suggestions) == MAX_SUGGESTIONS:
            break
    return suggestions


def _strongest_of_each_rule_first(fired: list[_Fired]) -> list[_Fired]:
    """By their numbers, strongest first; but each rule's strongest comes before any rule's
    second, so four "not discussed" conditions do not crowd out the family's question."""
    fired = sorted(fired, key=lambda f: (-next(iter(f.numbers.values())), RULES.index(f.rule)))
    leaders: dict[str, _Fired] = {}
    for rule in fired:
        leaders.setdefault(rule.rule, rule)
    return [*leaders.values(), *(rule for rule in fired if leaders[rule.rule] is not rule)]


def _choose(
    bank: Sequence[BankQuestion], rule: _Fired, *, exclude: set[int], used_before: set[int]
) -> BankQuestion | None:
    """The first fitting bank question not picked yet, one no earlier session used first."""
    fitting = [
        question
        for question in bank
        if question.id not in exclude
        and (rule.condition is None or question.condition == rule.condition)
        and (rule.role is None or rule.role in question.target_roles)
    ]
    fitting.sort(key=lambda question: question.id in used_before)
    return fitting[0] if fitting else None


def _questions_so_far(
    *, db: Session, learning_session: LearningSession
) -> Sequence[ReflectiveQuestion]:
    """The questions of this session and every earlier one of the community. One query."""
    rows: Sequence[ReflectiveQuestion] = db.exec(
        select(ReflectiveQuestion)
        .join(LearningSession, col(LearningSession.id) == ReflectiveQuestion.session_id)
        .where(
            LearningSession.community_id == learning_session.community_id,
            col(LearningSession.number) <= learning_session.number,
        )
    ).all()
    return rows


def _most_barriers(*, db: Session, learning_session: LearningSession) -> list[_Fired]:
    """The condition(s) with the most barrier lines; silent when none stands out."""
    counted: Counter[PartnershipCondition] = Counter()
    for _, _, _, condition, barriers in queries.latest_sections(
        db=db, learning_session=learning_session, published_only=False
    ):
        if condition is not None:
            counted[PartnershipCondition(condition)] += len(queries.barrier_lines(barriers or ""))
    most = max(counted.values(), default=0)
    tied = [condition for condition in PartnershipCondition if counted[condition] == most]
    if most == 0 or len(tied) == len(PartnershipCondition):
        return []
    return [
        _Fired("most_barriers", condition, {"barriers": most}, plural=most != 1)
        for condition in tied
    ]


def _open_actions(*, db: Session, learning_session: LearningSession) -> list[_Fired]:
    rows = db.exec(
        select(Action.condition, func.count())
        .where(
            col(Action.opened_in_session_id).in_(
                queries.previous_session_ids(learning_session=learning_session, count=1)
            ),
            or_(
                col(Action.review_session_id).is_(None),
                col(Action.review_session_id) == learning_session.id,
            ),
            col(Action.status).in_(STILL_OPEN),
        )
        .group_by(col(Action.condition))
    ).all()
    return [
        _Fired(
            "open_actions",
            PartnershipCondition(condition),
            {"open": int(count)},
            plural=int(count) != 1,
        )
        for condition, count in rows
        if count
    ]


def _roles_without_question(
    *, db: Session, learning_session: LearningSession, here: Sequence[ReflectiveQuestion]
) -> list[_Fired]:
    invited = dict(
        db.exec(
            select(Membership.role, func.count(distinct(col(Membership.person_id))))
            .join(Attendance, col(Attendance.person_id) == Membership.person_id)
            .where(
                Attendance.session_id == learning_session.id,
                col(Attendance.invited).is_(True),
                col(Membership.role).in_(ADDRESSED_ROLES),
            )
            .group_by(col(Membership.role))
        ).all()
    )
    addressed = {Role(role) for question in here for role in question.target_roles}
    return [
        _Fired(
            "no_question_for_role",
            None,
            {"invited": int(invited[role])},
            plural=int(invited[role]) != 1,
            role=role,
        )
        for role in ADDRESSED_ROLES
        if invited.get(role) and role not in addressed
    ]


def _not_discussed(
    *,
    previous: Sequence[int | None],
    asked: Sequence[ReflectiveQuestion],
    session_id: int | None,
) -> list[_Fired]:
    """Conditions none of the last two sessions' questions (nor this one's yet) were about."""
    if not previous:
        return []
    discussed = {
        PartnershipCondition(question.condition)
        for question in asked
        if question.session_id in previous or question.session_id == session_id
    }
    return [
        _Fired(
            "not_discussed",
            condition,
            {"sessions": len(previous)},
            plural=len(previous) != 1,
        )
        for condition in PartnershipCondition
        if condition not in discussed
    ]


def _views_differ(*, db: Session, learning_session: LearningSession) -> list[_Fired]:
    """Conditions where some initiatives' roles score two levels apart or more. One query."""
    split: dict[PartnershipCondition, list[tuple[Role, Role]]] = {}
    for (_, condition), cell in self_assessment.all_cell_spreads(
        db=db,
        community_id=learning_session.community_id,
        session_id=learning_session.id or 0,
        only_apart=True,
    ).items():
        if (pair := cell.differing_roles) is not None:
            low, high = sorted((pair[0].role, pair[1].role), key=list(Role).index)
            split.setdefault(condition, []).append((low, high))
    fired = []
    for condition in PartnershipCondition:
        pairs = split.get(condition)
        if not pairs:
            continue
        same = all(frozenset(pair) == frozenset(pairs[0]) for pair in pairs)
        fired.append(
            _Fired(
                "views_differ",
                condition,
                {"initiatives": len(pairs)},
                plural=len(pairs) != 1,
                variant="pair" if same else "roles",
                roles_apart=pairs[0] if same else None,
            )
        )
    return fired
