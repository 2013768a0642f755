"""Re-run the analysis over stored written answers, after the rule files change.

Batched by id (memory stays flat however many answers there are). A lead's own choice of
themes is kept; a newly flagged comment gets an alert, but a comment that already has an
alert for the same words does not get a second one. No Flask: the caller commits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from feedback.alerts.models import raise_alert
from feedback.analysis.comment import analyse_comment
from feedback.analysis.daily import forget
from feedback.analysis.overrides import overridden
from feedback.analysis.store import apply_analysis
from feedback.surveys.kinds import WORD_KINDS
from feedback.surveys.models import Answer, Question

BATCH = 500


@dataclass
class ReanalyseResult:
    comments: int = 0
    changed: int = 0
    flagged: int = 0
    new_alerts: int = 0
    kept_themes: int = 0  # comments whose themes a lead chose, left as they were


def _state(answer: Answer) -> tuple:
    return answer.sentiment, answer.flagged, tuple(answer.themes or ()), answer.comment_language


def reanalyse(
    session: Session, batch: int = BATCH, after_batch: Callable[[], None] | None = None
) -> ReanalyseResult:
    """Analyse every written answer again; `after_batch` runs after each batch (commit)."""
    result, last_id = ReanalyseResult(), 0
    written = (
        select(Answer)
        .join(Question, Answer.question_id == Question.id)
        .options(joinedload(Answer.response))
        .where(Question.kind.in_(WORD_KINDS), Answer.skipped.is_(False), Answer.value.is_not(None))
        .order_by(Answer.id)
    )
    while answers := session.scalars(written.where(Answer.id > last_id).limit(batch)).all():
        chosen = overridden(session, [a.id for a in answers])
        for answer in answers:
            before = _state(answer)
            analysis = analyse_comment(answer.value)
            apply_analysis(answer, analysis, chosen.get(answer.id))
            result.comments += 1
            result.kept_themes += answer.id in chosen
            result.changed += _state(answer) != before
            if analysis.safeguarding:
                result.flagged += 1
                result.new_alerts += raise_alert(session, answer, analysis.reasons)[1]
        session.flush()
        last_id = answers[-1].id
        if after_batch is not None:
            after_batch()
    forget(session)  # sentiment and themes may have changed on any day: count them again
    return result
