"""Written answers to browse: one query with the lead's filters, newest first, a page at
a time (the words are shown through `access.shown_text`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from feedback.alerts.withheld import withheld
from feedback.results import kinds
from feedback.results.queries import Scope, scoped
from feedback.surveys.models import Answer, Question, Response, Survey

PAGE_SIZE = 30


@dataclass(frozen=True)
class CommentFilters:
    question: int | None = None
    theme: str = ""
    sentiment: str = ""
    flagged: str = ""  # "", "yes" or "no"
    words: str = ""


def written_answers(
    session: Session, scope: Scope, f: CommentFilters, page: int = 0
) -> tuple[list, bool]:
    """([(answer, question text, survey title, respondent name, withheld)], whether there
    are more). Withheld: the one safeguarding rule (`feedback.alerts.withheld`)."""
    stmt = (
        select(Answer, Question.text, Survey.title, Response.respondent_name, withheld())
        .join(Response, Answer.response_id == Response.id)
        .join(Question, Answer.question_id == Question.id)
        .join(Survey, Response.survey_id == Survey.id)
        .where(Question.kind.in_(kinds.written_kinds()), Answer.value.is_not(None))
    )
    stmt = scoped(stmt, scope, scope.period)
    if f.question:
        stmt = stmt.where(Answer.question_id == f.question)
    if f.theme:
        stmt = stmt.where(cast(Answer.themes, Text).contains(f'"{f.theme}"', autoescape=True))
    if f.sentiment:
        stmt = stmt.where(Answer.sentiment == f.sentiment)
    if f.flagged:
        stmt = stmt.where(Answer.flagged.is_(f.flagged == "yes"))
    if f.words.strip():
        stmt = stmt.where(Answer.value.icontains(f.words.strip(), autoescape=True))
    stmt = stmt.order_by(Response.submitted_at.desc(), Answer.id.desc())
    rows = session.execute(stmt.limit(PAGE_SIZE + 1).offset(page * PAGE_SIZE)).all()
    return [tuple(r) for r in rows[:PAGE_SIZE]], len(rows) > PAGE_SIZE
