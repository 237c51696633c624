"""The evaluation form as posted, and the answer it becomes: four scores 1–5 and a comment."""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.forms import FormLine, FormParagraph
from app.labels import N_
from app.learning_sessions.models import SessionEvaluation
from app.schemas import _no_nul

COMMENT_LIMIT = 4000
QUESTIONS: tuple[str, ...] = ("preparation", "usefulness", "family_voice", "come_again")
SCORES: tuple[int, ...] = (1, 2, 3, 4, 5)

Score = Annotated[int, Field(ge=1, le=5, strict=True)]

EVALUATION_MESSAGES: dict[str, str] = {
    "preparation": N_("Choose a number from 1 to 5."),
    "usefulness": N_("Choose a number from 1 to 5."),
    "family_voice": N_("Choose a number from 1 to 5."),
    "come_again": N_("Choose a number from 1 to 5."),
    "comment": N_("Write your comment in up to 4000 characters."),
}


class EvaluationData(BaseModel):
    model_config = ConfigDict(extra="ignore")

    preparation: Score
    usefulness: Score
    family_voice: Score
    come_again: Score
    comment: Annotated[str, Field(max_length=COMMENT_LIMIT), AfterValidator(_no_nul)] = ""


def _score(value: str) -> int | str:
    """A posted "4" is the number 4; anything else stays text, so the domain refuses it."""
    text = value.strip()
    return int(text) if text.isdigit() and len(text) < 4 else text


class EvaluationForm(BaseModel):
    preparation: FormLine = ""
    usefulness: FormLine = ""
    family_voice: FormLine = ""
    come_again: FormLine = ""
    comment: FormParagraph = ""

    def to_data(self) -> EvaluationData:
        return EvaluationData.model_validate(
            {
                **{question: _score(getattr(self, question)) for question in QUESTIONS},
                "comment": self.comment.replace("\r\n", "\n"),
            }
        )

    @classmethod
    def of(cls, answer: SessionEvaluation | None) -> "EvaluationForm":
        if answer is None:
            return cls()
        return cls(
            preparation=str(answer.preparation),
            usefulness=str(answer.usefulness),
            family_voice=str(answer.family_voice),
            come_again="" if answer.come_again is None else str(answer.come_again),
            comment=answer.comment,
        )
