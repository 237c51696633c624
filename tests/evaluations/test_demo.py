"""The demo's evaluations: most participants of sessions 1 and 2 answered every question,
enough for the charts and for a breakdown by role."""

from sqlmodel import Session, select

from app.demo.seed import seed_demo
from app.evaluations import service
from app.learning_sessions.models import LearningSession, SessionEvaluation
from app.vocabulary import Role


def test_most_participants_of_sessions_1_and_2_answered(db: Session) -> None:
    assert seed_demo(db, language="nl", invitations=False)
    sessions = {s.number: s for s in db.exec(select(LearningSession)).all()}
    for number in (1, 2):
        results = service.results(db=db, learning_session=sessions[number])
        assert results.answered * 3 >= results.attended * 2, (number, results)
        assert results.answered <= results.attended
        assert all(d.total == results.answered for d in results.questions.values())
        assert any(group.questions is not None for group in results.by_role)
        assert results.comments
    groups = service.results(db=db, learning_session=sessions[2]).by_role
    assert Role.family_representative in {group.role for group in groups}
    assert all(e.come_again is not None for e in db.exec(select(SessionEvaluation)).all())
    assert len(service.across_sessions(db=db, community_id=sessions[2].community_id)) == 2
