"""Analyse one comment: sentiment, safeguarding screen and themes, in one call."""

from dataclasses import dataclass

from feedback.analysis.fastmatch import word_starts
from feedback.analysis.language import other_language, prose_words
from feedback.analysis.model import THRESHOLD, harm_probability
from feedback.analysis.normalise import normalise
from feedback.analysis.safeguarding import read_comment
from feedback.analysis.sentiment import score_sentiment
from feedback.analysis.themes import find_themes

SAFETY_THEME = "Feeling safe"
# The reason given for a comment the English rules cannot read; {name} is the language.
OTHER_LANGUAGE_REASON = "not in English ({name}): a person who reads {name} must read it"
# The reason given when only the trained model saw possible harm.
MODEL_REASON = "possible harm described in other words (model: {chance:.0%})"
MODEL_MIN_WORDS = 4


@dataclass(frozen=True)
class CommentAnalysis:
    """What the analysis found in one comment; stored once, when the answer is saved."""

    sentiment: str
    polarity: float
    safeguarding: bool
    reasons: tuple[str, ...]
    themes: tuple[str, ...]
    language: str | None = None  # ISO 639-1 code when not English ("pl")


def analyse_comment(text: str) -> CommentAnalysis:
    """Return the sentiment, safeguarding flag (with reasons) and themes of ``text``.

    A flagged comment keeps its own sentiment: "thank you for keeping me safe from my
    dad" is thankful, and the alert is what makes sure a person reads it. A comment in
    another language is flagged for a person to read, whatever it says."""
    if not isinstance(text, str):
        raise TypeError(f"a comment must be text, not {type(text).__name__}")
    language = other_language(text)
    if language is not None:
        code, name = language
        return CommentAnalysis(
            sentiment="neutral",  # the English word lists cannot read it
            polarity=0.0,
            safeguarding=True,
            reasons=(OTHER_LANGUAGE_REASON.format(name=name),),
            themes=(),
            language=code,
        )
    plain = normalise(text)
    words = word_starts(plain)  # read once, by the three readers below
    sentiment, polarity = score_sentiment(plain, words)
    reasons, set_aside = read_comment(plain, words)
    # The model reads what no rule matched; where a rule saw harm words and set them
    # aside ("nobody hits me", a lesson about abuse), the rule's judgement stands.
    # It was trained on sentences: a few words (or markup) tell it nothing.
    if (
        not (reasons or set_aside)
        and len(prose_words(text)) >= MODEL_MIN_WORDS
        and (chance := harm_probability(plain)) >= THRESHOLD
    ):
        reasons = (MODEL_REASON.format(chance=chance),)
    themes = find_themes(plain, words=words)
    if reasons and SAFETY_THEME not in themes:
        themes = (*themes, SAFETY_THEME)
    return CommentAnalysis(
        sentiment=sentiment,
        polarity=round(polarity, 4),
        safeguarding=bool(reasons),
        reasons=reasons,
        themes=themes,
    )
