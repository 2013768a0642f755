"""Analyse one comment: sentiment, safeguarding screen and themes, in one call."""

from dataclasses import dataclass

from feedback.analysis.normalise import normalise
from feedback.analysis.safeguarding import screen
from feedback.analysis.sentiment import score_sentiment
from feedback.analysis.themes import find_themes

SAFETY_THEME = "Feeling safe"
# A comment that may show harm is never read as happy or indifferent.
_HARM_POLARITY = -0.5


@dataclass(frozen=True)
class CommentAnalysis:
    """What the analysis found in one comment; stored once, when the answer is saved."""

    sentiment: str
    polarity: float
    safeguarding: bool
    reasons: tuple[str, ...]
    themes: tuple[str, ...]


def analyse_comment(text: str) -> CommentAnalysis:
    """Return the sentiment, safeguarding flag (with reasons) and themes of ``text``."""
    if not isinstance(text, str):
        raise TypeError(f"a comment must be text, not {type(text).__name__}")
    plain = normalise(text)
    sentiment, polarity = score_sentiment(plain)
    reasons = screen(plain)
    themes = find_themes(plain)
    if reasons:
        sentiment, polarity = "negative", min(polarity, _HARM_POLARITY)
        if SAFETY_THEME not in themes:
            themes = (*themes, SAFETY_THEME)
    return CommentAnalysis(
        sentiment=sentiment,
        polarity=round(polarity, 4),
        safeguarding=bool(reasons),
        reasons=reasons,
        themes=themes,
    )
