"""How hard a plain-language text is to read: Flesch reading ease (English), Flesch–Douma (Dutch).

Both formulas weigh the average sentence length (words per sentence) and the average word
length (syllables per word); a higher score is easier, 60 and above reads as plain language:

- Flesch (1948), English:   206.835 − 1.015 × words/sentences − 84.6 × syllables/words
- Douma (1960), Dutch:      206.835 − 0.93  × words/sentences − 77   × syllables/words

Counted in-house, the same way every time:

- a sentence ends at ``.``, ``!`` or ``?`` followed by a space or the end, or at a line break;
- a word is a run of letters or digits (``one-stop`` and ``don't`` are one word);
- a word's syllables are its groups of consecutive vowels (English ``aeiouy``, Dutch
  ``aeiouy`` with their accented forms, so ``ee``, ``oe``, ``ij`` and ``ui`` are one group);
  in English a final silent ``e`` does not count (``one``, ``care``, but ``table``); every
  word has at least one syllable.
"""

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

# Below this score the editor warns that the plain text is hard to read.
PLAIN_THRESHOLD = 60.0

_FORMULAS = {
    # language: (base, per word per sentence, per syllable per word)
    "en": (206.835, 1.015, 84.6),
    "nl": (206.835, 0.93, 77.0),
}
_VOWEL_GROUPS = {
    "en": re.compile(r"[aeiouy]+"),
    "nl": re.compile(r"[aeiouyáéíóúàèëïöüäâêîôû]+"),
}
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")
# A few common short words per language, to tell which formula a text needs.
_FUNCTION_WORDS = {
    "en": frozenset(
        [
            "the",
            "a",
            "an",
            "and",
            "of",
            "is",
            "are",
            "not",
            "that",
            "we",
            "they",
            "you",
            "it",
            "to",
            "in",
            "for",
            "with",
        ]
    ),
    "nl": frozenset(
        [
            "de",
            "het",
            "een",
            "en",
            "van",
            "is",
            "zijn",
            "niet",
            "dat",
            "wij",
            "we",
            "zij",
            "ze",
            "je",
            "in",
            "voor",
            "met",
        ]
    ),
}


@dataclass(frozen=True)
class Sentence:
    start: int  # character offsets in the text
    end: int
    words: int


@dataclass(frozen=True)
class Readability:
    language: str  # "en" (Flesch reading ease) or "nl" (Flesch–Douma)
    score: float
    sentences: int
    words: int
    syllables: int
    longest: Sentence

    @property
    def hard(self) -> bool:
        return self.score < PLAIN_THRESHOLD


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with their offsets; a piece without words is no sentence."""
    found = []
    start = 0
    for end_mark in [*_SENTENCE_END.finditer(text), None]:
        end = end_mark.end() if end_mark else len(text)
        piece = text[start:end]
        words = len(_WORD.findall(piece))
        if words:
            leading = len(piece) - len(piece.lstrip())
            trailing = len(piece.rstrip())
            found.append(Sentence(start=start + leading, end=start + trailing, words=words))
        start = end
    return found


def syllables(word: str, language: str) -> int:
    word = word.lower()
    count = len(_VOWEL_GROUPS[language].findall(word))
    if language == "en" and word.endswith("e") and not word.endswith("le") and count > 1:
        count -= 1
    return max(count, 1)


def guess_language(text: str, default: str) -> str:
    """English or Dutch, by which language's common short words the text uses more."""
    words = [w.lower() for w in _WORD.findall(text)]
    english = sum(w in _FUNCTION_WORDS["en"] for w in words)
    dutch = sum(w in _FUNCTION_WORDS["nl"] for w in words)
    if english == dutch:
        return default if default in _FORMULAS else "en"
    return "en" if english > dutch else "nl"


def readability(text: str, language: str) -> Readability | None:
    """The score of ``text`` in ``language`` ("en" or "nl"); None for a text without words."""
    found = sentences(text)
    if not found:
        return None
    words = _WORD.findall(text)
    syllable_count = sum(syllables(word, language) for word in words)
    base, per_sentence_length, per_word_length = _FORMULAS[language]
    score = (
        base
        - per_sentence_length * len(words) / len(found)
        - per_word_length * syllable_count / len(words)
    )
    return Readability(
        language=language,
        score=round(score, 1),
        sentences=len(found),
        words=len(words),
        syllables=syllable_count,
        longest=max(found, key=lambda sentence: sentence.words),
    )


def with_longest_marked(text: str, figure: Readability) -> Markup:
    """The text, escaped, with its longest sentence inside ``<mark>``."""
    longest = figure.longest
    return (
        escape(text[: longest.start])
        + Markup("<mark>")
        + escape(text[longest.start : longest.end])
        + Markup("</mark>")
        + escape(text[longest.end :])
    )
