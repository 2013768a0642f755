"""Count days again from the answers: the GROUP BY queries behind `daily.refresh`."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from sqlalchemy import Text, case, cast, func, insert, or_, select
from sqlalchemy.orm import Session

from feedback.analysis.daily import DayStamp, ScoreDay, ThemeDay, as_date, bounds, day_of
from feedback.surveys.models import Answer, Question, Response


def _sent(stmt, lo: date, hi: date):
    start, end = bounds(lo, hi)
    return stmt.where(
        Response.status == "submitted", Response.submitted_at >= start, Response.submitted_at < end
    )


def _score_rows(session: Session, lo: date, hi: date) -> list[dict]:
    day = day_of(session).label("day")
    scored, commented = Answer.score.is_not(None), Answer.sentiment.is_not(None)

    def tally(condition):
        return func.sum(case((condition, 1), else_=0))

    stmt = (
        select(
            day,
            Response.survey_id,
            Response.audience,
            Question.principle,
            func.count(func.distinct(case((scored, Answer.response_id)))),
            func.count(Answer.score),
            func.sum(Answer.score),
            tally(Answer.score > 50),
            tally(Answer.score == 50),
            func.count(func.distinct(case((commented, Answer.response_id)))),
            func.count(Answer.sentiment),
            tally(Answer.sentiment == "positive"),
            tally(Answer.sentiment == "neutral"),
        )
        .select_from(Answer)
        .join(Response, Answer.response_id == Response.id)
        .join(Question, Answer.question_id == Question.id)
        # A question outside the principles is never counted into a principle's score.
        .where(or_(scored, commented), Question.principle.is_not(None))
        .group_by(day, Response.survey_id, Response.audience, Question.principle)
    )
    names = [c.name for c in ScoreDay.__table__.columns][4:]
    rows = []
    for d, survey_id, audience, principle, *numbers in session.execute(_sent(stmt, lo, hi)):
        values = dict(zip(names, (int(n or 0) for n in numbers), strict=False))
        rows.append(
            {"day": as_date(d), "survey_id": survey_id, "audience": audience,
             "principle": principle, **values}
        )  # fmt: skip
    responses = select(day, Response.survey_id, Response.audience, func.count(Response.id))
    responses = responses.group_by(day, Response.survey_id, Response.audience)
    for d, survey_id, audience, n in session.execute(_sent(responses, lo, hi)):
        rows.append(
            {"day": as_date(d), "survey_id": survey_id, "audience": audience, "principle": 0,
             "responses": int(n)}
        )  # fmt: skip
    return rows


def _theme_rows(session: Session, lo: date, hi: date) -> list[dict]:
    """Comments per theme: grouped by the stored list of themes, then split up here."""
    day = day_of(session).label("day")
    themes = cast(Answer.themes, Text).label("themes")
    stmt = (
        select(day, Response.survey_id, Response.audience, themes, func.count(Answer.id))
        .select_from(Answer)
        .join(Response, Answer.response_id == Response.id)
        .where(Answer.sentiment.is_not(None), Answer.themes.is_not(None))
        .group_by(day, Response.survey_id, Response.audience, themes)
    )
    counts: Counter[tuple] = Counter()
    for d, survey_id, audience, text, n in session.execute(_sent(stmt, lo, hi)):
        for theme in set(json.loads(text) if text else ()):
            counts[(as_date(d), survey_id, audience, theme)] += int(n)
    return [
        {"day": d, "survey_id": s, "audience": a, "theme": t, "comments": n}
        for (d, s, a, t), n in counts.items()
    ]


def _stamp_rows(session: Session, lo: date, hi: date) -> list[dict]:
    start, end = bounds(lo, hi)
    day = day_of(session).label("day")
    stmt = (
        select(day, func.count(Response.id), func.sum(Response.id))
        .where(
            Response.status == "submitted",
            Response.submitted_at >= start,
            Response.submitted_at < end,
        )
        .group_by(day)
    )
    return [
        {"day": as_date(d), "responses": n, "id_sum": int(s or 0)}
        for d, n, s in session.execute(stmt)
    ]


def count_days(session: Session, lo: date, hi: date) -> None:
    """Insert fresh per-day rows and stamps for `lo` to `hi` (already emptied)."""
    # Stamps first: a response sent while the days are being counted then shows up as a
    # difference on the next read, and its day is counted again.
    stamps = _stamp_rows(session, lo, hi)
    for model, rows in (
        (DayStamp, stamps),
        (ScoreDay, _score_rows(session, lo, hi)),
        (ThemeDay, _theme_rows(session, lo, hi)),
    ):
        if rows:
            session.execute(insert(model), rows)
