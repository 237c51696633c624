"""A session's evaluation results as CSV, for the session archive: per question the number
of answers, how many gave each score and the median; for everyone and for each role with
enough answers (the results page's rule). Comments stay out: they may name people."""

from gettext import NullTranslations

from app.evaluations.schemas import QUESTIONS, SCORES
from app.evaluations.service import Distribution, Results
from app.evaluations.wording import QUESTION_SHORT
from app.exports.formats import to_csv
from app.labels import N_, label_for

FILE_STEMS = {
    "en": "session-{number:02d}-evaluation-results",
    "nl": "sessie-{number:02d}-evaluatie-resultaten",
}
EVERYONE = N_("Everyone who attended")


def file_name(number: int, language: str) -> str:
    return FILE_STEMS.get(language, FILE_STEMS["en"]).format(number=number) + ".csv"


def results_csv(results: Results, translations: NullTranslations) -> bytes:
    gettext = translations.gettext
    fields = [
        gettext("Group"),
        gettext("Question"),
        gettext("Answers"),
        *(gettext("Score %(score)s") % {"score": score} for score in SCORES),
        gettext("Median"),
    ]

    def rows(group: str, questions: dict[str, Distribution]) -> list[dict[str, object]]:
        return [
            dict(
                zip(
                    fields,
                    [
                        group,
                        gettext(QUESTION_SHORT[question]),
                        questions[question].total,
                        *questions[question].counts,
                        questions[question].median,
                    ],
                    strict=True,
                )
            )
            for question in QUESTIONS
        ]

    table = rows(gettext(EVERYONE), results.questions)
    for group in results.by_role:
        if group.questions is not None:
            table += rows(gettext(label_for(group.role)), group.questions)
    return to_csv(fields, table)
