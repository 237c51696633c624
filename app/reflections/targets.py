"""What a reflection answers: a reflective question, a factsheet, a dilemma, or the session
in general; one reflection per author and target."""

from dataclasses import dataclass
from enum import StrEnum

from app.reflections.models import Reflection


class TargetKind(StrEnum):
    """What a reflection answers."""

    question = "question"
    factsheet = "factsheet"
    dilemma = "dilemma"
    general = "general"  # the session in general


@dataclass(frozen=True)
class Target:
    kind: TargetKind
    id: int | None = None  # None for the session in general

    @property
    def key(self) -> str:
        """A stable name for the page's ids and anchors: "question-12", "general"."""
        return self.kind.value if self.id is None else f"{self.kind.value}-{self.id}"


def target_of(reflection: Reflection) -> Target:
    if reflection.reflective_question_id is not None:
        return Target(TargetKind.question, reflection.reflective_question_id)
    if reflection.factsheet_id is not None:
        return Target(TargetKind.factsheet, reflection.factsheet_id)
    if reflection.dilemma_id is not None:
        return Target(TargetKind.dilemma, reflection.dilemma_id)
    return Target(TargetKind.general)
