"""Reflective questions: the community's bank, and the questions a chair chooses, rewords
or writes for one session. A question the chair writes joins the bank for later chairs."""

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.agendas.models import AgendaItem, BankQuestion, ReflectiveQuestion
from app.agendas.schemas import QuestionData
from app.errors import ConflictError, NotFoundError
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.reflections.models import Reflection
from app.vocabulary import PartnershipCondition


def bank(*, db: Session, community_id: int, language: str) -> list[BankQuestion]:
    """The bank in ``language``, by condition, then level, oldest first."""
    rows = db.exec(
        select(BankQuestion)
        .where(BankQuestion.community_id == community_id, BankQuestion.language == language)
        .order_by(col(BankQuestion.id))
    ).all()
    conditions = list(PartnershipCondition)
    return sorted(rows, key=lambda q: (conditions.index(q.condition), q.level.value))


def session_questions(*, db: Session, session_id: int) -> list[ReflectiveQuestion]:
    return list(
        db.exec(
            select(ReflectiveQuestion)
            .where(ReflectiveQuestion.session_id == session_id)
            .order_by(col(ReflectiveQuestion.position), col(ReflectiveQuestion.id))
        ).all()
    )


def get_question(
    *, db: Session, learning_session: LearningSession, question_id: int
) -> ReflectiveQuestion:
    question = db.get(ReflectiveQuestion, question_id)
    if question is None or question.session_id != learning_session.id:
        raise NotFoundError(
            N_("There is no question with id %(id)s in this session."),
            arguments={"id": question_id},
        )
    return question


def pick(
    *, db: Session, learning_session: LearningSession, bank_question_id: int
) -> ReflectiveQuestion:
    """Take a bank question (or a suggestion) for the session, as its own copy to reword."""
    assert learning_session.id is not None
    source = db.get(BankQuestion, bank_question_id)
    if source is None or source.community_id != learning_session.community_id:
        raise NotFoundError(
            N_("There is no question with id %(id)s in the bank."),
            arguments={"id": bank_question_id},
        )
    taken = db.exec(
        select(ReflectiveQuestion.id).where(
            ReflectiveQuestion.session_id == learning_session.id,
            ReflectiveQuestion.bank_question_id == bank_question_id,
        )
    ).first()
    if taken is not None:
        raise ConflictError(N_("This question is already on the session's list."))
    question = ReflectiveQuestion(
        session_id=learning_session.id,
        position=_next_position(db, learning_session.id),
        bank_question_id=bank_question_id,
        text=source.text,
        plain_text=source.plain_text,
        condition=source.condition,
        level=source.level,
        target_roles=list(source.target_roles),
    )
    db.add(question)
    db.flush()
    return question


def write(
    *,
    db: Session,
    learning_session: LearningSession,
    data: QuestionData,
    author_id: int | None,
    language: str,
) -> ReflectiveQuestion:
    """The chair's own question: for this session, and in the bank for the next chairs."""
    assert learning_session.id is not None
    banked = BankQuestion(
        community_id=learning_session.community_id,
        language=language,
        created_by_id=author_id,
        **data.model_dump(),
    )
    db.add(banked)
    db.flush()
    question = ReflectiveQuestion(
        session_id=learning_session.id,
        position=_next_position(db, learning_session.id),
        bank_question_id=banked.id,
        **data.model_dump(),
    )
    db.add(question)
    db.flush()
    return question


def reword(
    *, db: Session, learning_session: LearningSession, question_id: int, data: QuestionData
) -> ReflectiveQuestion:
    """Edit the session's wording; the bank keeps the question as it was."""
    question = get_question(db=db, learning_session=learning_session, question_id=question_id)
    for name, value in data.model_dump().items():
        setattr(question, name, value)
    db.add(question)
    db.flush()
    return question


def remove(*, db: Session, learning_session: LearningSession, question_id: int) -> None:
    question = get_question(db=db, learning_session=learning_session, question_id=question_id)
    answered = db.exec(
        select(func.count()).where(Reflection.reflective_question_id == question_id)
    ).one()
    if answered:
        raise ConflictError(
            N_(
                "Participants have already answered this question, so it stays on the list. "
                "You can still reword it."
            )
        )
    for item in db.exec(
        select(AgendaItem).where(AgendaItem.reflective_question_id == question_id)
    ).all():
        item.reflective_question_id = None
        db.add(item)
    db.delete(question)
    db.flush()


def _next_position(db: Session, session_id: int) -> int:
    last = db.exec(
        select(func.max(ReflectiveQuestion.position)).where(
            ReflectiveQuestion.session_id == session_id
        )
    ).one()
    return 0 if last is None else last + 1
