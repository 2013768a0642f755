"""Reading age of a text, robust enough for one-line survey questions.

Flesch-Kincaid alone is noisy on short text: it counts syllables, so "Everybody in
your family is welcome." scores like a text for 14-year-olds. Spache, made for
children's books, counts words missing from a list of familiar words instead, and
only works for easy text. So we use Spache while the text is easy (Spache grade
up to 3), Flesch-Kincaid once it is hard (Spache grade 5 or more), and a blend
between. Grades are US school grades; a reading age is the grade plus 5 years.

Each line counts as at least one sentence: a bulleted list without full stops is
a list of short sentences, not one very long one.
"""

import re

import textstat

from feedback.language.text import normalise

_SPACHE_UNTIL = 3.0  # Spache grade up to which we trust Spache alone
_FK_FROM = 5.0  # Spache grade from which we trust Flesch-Kincaid alone


_BULLETS = "-*\u2022\u00b7\u25aa\u25cf\u2713\u2714 "


def _as_sentences(text: str) -> str:
    """Tidy text into sentences, ending each line that has no end mark of its own."""
    lines = (line.strip().lstrip(_BULLETS) for line in normalise(text).text.splitlines())
    return " ".join(line if line[-1] in ".!?" else line + "." for line in lines if line)


def word_count(text: str) -> int:
    """Count the words in text, as textstat does."""
    return textstat.lexicon_count(_as_sentences(text))


def reading_age(text: str) -> float:
    """Return the reading age (years) text needs; 0.0 if it has no words."""
    tidy = _as_sentences(text)
    if textstat.lexicon_count(tidy) == 0:
        return 0.0
    spache = textstat.spache_readability(tidy)
    weight = min(1.0, max(0.0, (spache - _SPACHE_UNTIL) / (_FK_FROM - _SPACHE_UNTIL)))
    grade = (1 - weight) * spache + weight * textstat.flesch_kincaid_grade(tidy)
    return round(max(grade, 0.0) + 5.0, 1)


# A sentence ends at . ! or ? followed by a space, or at the end of a line.
_SENTENCE = re.compile(r"[^\s.!?][^\n]*?(?:[.!?]+(?=\s|$)|(?=\n)|$)")


def sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of each sentence in text."""
    return [match.span() for match in _SENTENCE.finditer(text) if match.group().strip()]


def formal_score(sentence: str) -> float:
    """Dale-Chall score of one sentence: high when it is long AND full of unfamiliar words.

    Unlike Flesch-Kincaid it does not count syllables, so a long sentence of everyday
    words ("pick you up at the end of the day, and help you with ...") stays low.
    """
    return textstat.dale_chall_readability_score(_as_sentences(sentence))
