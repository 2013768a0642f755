"""The few aggregate queries a report needs. Counting happens in the database, so a report
over 100,000 responses reads a few hundred rows, not millions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, Text, case, cast, func, or_, select
from sqlalchemy.orm import Session

from feedback.analysis import scores
from feedback.reports.models import Action
from feedback.reports.period import Period
from feedback.surveys.kinds import WORD_KINDS
from feedback.surveys.models import Answer, Question, Response, Survey


@dataclass(frozen=True)
class Filters:
    period: Period
    surveys: tuple[int, ...] = ()
    audiences: tuple[str, ...] = ()


def in_scope(stmt: Select, f: Filters, period: Period | None = None) -> Select:
    """Only submitted responses in the period, from the chosen surveys and audiences."""
    return scores.in_scope(stmt, (period or f.period).bounds(), f.surveys, f.audiences)


def responses_by_audience(session: Session, f: Filters, period: Period | None = None) -> dict:
    stmt = select(Response.audience, func.count(Response.id)).group_by(Response.audience)
    return dict(session.execute(in_scope(stmt, f, period)).all())


def responses_by_survey(session: Session, f: Filters) -> list[tuple[str, str, int]]:
    stmt = (
        select(Survey.title, Survey.audience, func.count(Response.id))
        .join(Survey, Response.survey_id == Survey.id)
        .group_by(Survey.id, Survey.title, Survey.audience)
        .order_by(Survey.audience, Survey.title)
    )
    return [tuple(row) for row in session.execute(in_scope(stmt, f)).all()]


def outside_principles(session: Session, f: Filters) -> list[tuple]:
    """(survey title, question text, people who answered, scored answers, sum of scores)
    for each question mapped to no principle: reported on its own, never in a score."""
    answered = Answer.skipped.is_(False)
    stmt = (
        select(
            Survey.title,
            Question.text,
            func.count(func.distinct(case((answered, Answer.response_id)))),
            func.count(Answer.score),
            func.sum(Answer.score),
        )
        .select_from(Answer)
        .join(Response, Answer.response_id == Response.id)
        .join(Question, Answer.question_id == Question.id)
        .join(Survey, Response.survey_id == Survey.id)
        .where(Question.principle.is_(None))
        .group_by(Survey.title, Question.text)
        .order_by(Survey.title, Question.text)
    )
    return [tuple(row) for row in session.execute(in_scope(stmt, f)).all()]


def comment_themes(session: Session, f: Filters) -> list[tuple[int, str | None, int]]:
    """(principle, themes as JSON text, comments) for each distinct set of themes.

    Grouping in the database keeps this a few hundred rows however many comments there are.
    """
    themes = cast(Answer.themes, Text)
    stmt = (
        select(Question.principle, themes, func.count(Answer.id))
        .select_from(Answer)
        .join(Response, Answer.response_id == Response.id)
        .join(Question, Answer.question_id == Question.id)
        .where(Question.kind.in_(WORD_KINDS), Answer.skipped.is_(False), Answer.value.is_not(None))
        .group_by(Question.principle, themes)
    )
    return [tuple(row) for row in session.execute(in_scope(stmt, f)).all()]


def actions_for(session: Session, period: Period) -> Sequence[Action]:
    """Actions still open, or finished since the period began."""
    status_order = case({"done": 0, "in_progress": 1, "planned": 2}, value=Action.status)
    stmt = (
        select(Action)
        .where(or_(Action.done_on.is_(None), Action.done_on >= period.start))
        .order_by(Action.principle, status_order, Action.id)
    )
    return session.scalars(stmt).all()
