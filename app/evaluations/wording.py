"""The evaluation's words: each question as the survey asks it, its short name, and the
sentence its results are read in; the results page and the session report use the same."""

from app.labels import N_

QUESTION_LABELS: dict[str, str] = {
    "preparation": N_("How well was the session prepared?"),
    "usefulness": N_("How useful was the session for your work?"),
    "family_voice": N_("How much room was there for the family's view?"),
    "come_again": N_("Would you come again?"),
}
QUESTION_SHORT: dict[str, str] = {
    "preparation": N_("Preparation"),
    "usefulness": N_("Usefulness"),
    "family_voice": N_("Room for the family perspective"),
    "come_again": N_("Would come again"),
}
# "12 of 15 found the session useful (4 or 5)"
QUESTION_SENTENCES: dict[str, str] = {
    "preparation": N_("%(high)s of %(total)s found the session well prepared (4 or 5)."),
    "usefulness": N_("%(high)s of %(total)s found the session useful (4 or 5)."),
    "family_voice": N_(
        "%(high)s of %(total)s found there was room for the family perspective (4 or 5)."
    ),
    "come_again": N_("%(high)s of %(total)s would come again (4 or 5)."),
}
