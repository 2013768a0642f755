"""The whole response an alert came from, in words a person can read: each question
with the answer's own label (not its stored value)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from feedback.surveys.models import Answer, Question, Response


@dataclass(frozen=True)
class ShownAnswer:
    question: str
    answer: str
    is_this_one: bool  # the answer the alert is about


def _label(question: Question, answer: Answer) -> str:
    if answer.skipped:
        return "(skipped)"
    labels = {o.get("value"): o.get("label") or o.get("value") for o in question.options or ()}
    if answer.choices:
        return "; ".join(str(labels.get(c, c)) for c in answer.choices)
    if answer.value is None:
        return "(a drawing)" if answer.drawing else "(no answer)"
    return str(labels.get(answer.value, answer.value))


def whole_response(session: Session, response: Response | None, this_answer: int | None):
    """Every answer in the response, in the order of the survey's questions."""
    if response is None:
        return []
    rows = session.scalars(
        select(Answer)
        .options(joinedload(Answer.question))
        .join(Question, Answer.question_id == Question.id)
        .where(Answer.response_id == response.id)
        .order_by(Question.position, Answer.id)
    ).all()
    return [ShownAnswer(a.question.text, _label(a.question, a), a.id == this_answer) for a in rows]
