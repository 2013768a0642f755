"""The dashboard's own aggregate queries (principle scores are in `analysis.scores`).

Each reads a few hundred rows at most, whatever the number of responses: the database
groups by day, or by the stored list of themes (few distinct lists), not by response.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session

from feedback.analysis.scores import in_scope
from feedback.reports.period import Period
from feedback.reports.queries import staff_names
from feedback.surveys.models import Answer, Question, Response

QUOTE_CANDIDATES = 3  # newest comments fetched per distinct list of themes

__all__ = ["newest_quotable", "responses_per_day", "staff_names", "theme_combinations"]


def _day(session: Session):
    """The UTC calendar day of a response, in this database's dialect."""
    if session.get_bind().dialect.name == "postgresql":
        return func.date(func.timezone("UTC", Response.submitted_at))
    return func.date(Response.submitted_at)  # SQLite stores UTC already


def responses_per_day(session: Session, period: Period, audiences: tuple[str, ...]):
    """{day: responses sent that day}."""
    day = _day(session).label("day")
    stmt = select(day, func.count(Response.id)).group_by(day)
    rows = session.execute(in_scope(stmt, period.bounds(), (), audiences)).all()
    return {d if isinstance(d, date) else date.fromisoformat(d): n for d, n in rows}


def _themes_text():
    return cast(Answer.themes, Text)


def _comments(stmt, period: Period, audiences: tuple[str, ...]):
    stmt = (
        stmt.select_from(Answer)
        .join(Response, Answer.response_id == Response.id)
        .join(Question, Answer.question_id == Question.id)
        .where(Question.kind == "text", Answer.sentiment.is_not(None))
    )
    return in_scope(stmt, period.bounds(), (), audiences)


def theme_combinations(session: Session, period: Period, audiences: tuple[str, ...]):
    """[(themes, comments)] for each distinct stored list of themes."""
    text = _themes_text().label("themes")
    stmt = _comments(select(text, func.count(Answer.id)), period, audiences).group_by(text)
    return [(json.loads(t) if t else [], n) for t, n in session.execute(stmt).all()]


def newest_quotable(session: Session, period: Period, audiences: tuple[str, ...]):
    """[(themes, text, name)]: the newest few unflagged comments for each list of themes."""
    text = _themes_text()
    rank = func.row_number().over(
        partition_by=text, order_by=(Answer.answered_at.desc(), Answer.id.desc())
    )
    inner = _comments(
        select(text.label("themes"), Answer.value, Response.respondent_name, rank.label("rank")),
        period,
        audiences,
    ).where(Answer.flagged.is_(False), Answer.value.is_not(None))
    sub = inner.subquery()
    stmt = select(sub.c.themes, sub.c.value, sub.c.respondent_name).where(
        sub.c.rank <= QUOTE_CANDIDATES
    )
    return [(json.loads(t) if t else [], v, n) for t, v, n in session.execute(stmt).all()]
