"""Store what the analysis finds, once, when an answer is saved (or re-analysed).

Called by `feedback.surveys.services.record_answer` for written answers, in the same
transaction: a comment that may show harm gets its safeguarding alert before anything
is committed, so the two are saved together or not at all.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from feedback.alerts.models import raise_alert
from feedback.analysis.comment import CommentAnalysis, analyse_comment
from feedback.analysis.overrides import forget_override
from feedback.surveys.models import Answer


def analysed_columns(
    result: CommentAnalysis | None, chosen_themes: list[str] | None = None
) -> dict:
    """An answer's analysis columns for this result (all empty for no result); a lead's
    chosen themes win over the rules."""
    if result is None:
        return {
            "sentiment": None,
            "polarity": None,
            "flagged": False,
            "themes": None,
            "comment_language": None,
        }
    return {
        "sentiment": result.sentiment,
        "polarity": result.polarity,
        "flagged": result.safeguarding,
        "themes": list(chosen_themes if chosen_themes is not None else result.themes),
        "comment_language": result.language,
    }


def apply_analysis(
    answer: Answer, result: CommentAnalysis | None, chosen_themes: list[str] | None = None
) -> None:
    """Copy an analysis onto the answer; a lead's chosen themes win over the rules."""
    for name, value in analysed_columns(result, chosen_themes).items():
        setattr(answer, name, value)


def analysis_values(text: str | None) -> tuple[dict, tuple[str, ...]]:
    """Analyse written words (none for a skip): the answer's analysis columns, and the
    reasons for a safeguarding alert (empty if there is no cause for one)."""
    text = (text or "").strip()
    result = analyse_comment(text) if text else None
    return analysed_columns(result), (result.reasons if result and result.safeguarding else ())


def analyse_answer(session: Session, answer: Answer, words_changed: bool = False) -> None:
    """Analyse a written answer and raise an alert if it may show harm (flushes)."""
    analysed, reasons = analysis_values(None if answer.skipped else answer.value)
    if words_changed:
        forget_override(session, answer)
    for name, value in analysed.items():
        setattr(answer, name, value)
    session.flush()
    if reasons:
        raise_alert(session, answer, reasons)
