"""The dashboard's own queries. Counts come from the per-day totals (`analysis/daily.py`),
so they read a few thousand rows whatever the number of responses. Example quotes come
from `feedback.reports.quotes.quotable`, the one rule for what may be quoted."""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from feedback.analysis.daily import ScoreDay, ThemeDay, refresh
from feedback.reports.period import Period

__all__ = ["count_days", "responses_per_day", "theme_counts"]


def count_days(session: Session, period: Period) -> None:
    """Bring the per-day totals for this period and the one before up to date."""
    refresh(session, period.previous().start, period.end)


def _days(stmt, first: date, last: date, model, audiences: tuple[str, ...], surveys=()):
    stmt = stmt.where(model.day >= first, model.day <= last)
    if surveys:
        stmt = stmt.where(model.survey_id.in_(surveys))
    return stmt.where(model.audience.in_(audiences)) if audiences else stmt


def responses_per_day(session: Session, period: Period, audiences: tuple[str, ...], surveys=()):
    """{day: responses sent that day}."""
    stmt = select(ScoreDay.day, func.sum(ScoreDay.responses)).where(ScoreDay.principle == 0)
    stmt = _days(stmt, period.start, period.end, ScoreDay, audiences, surveys)
    stmt = stmt.group_by(ScoreDay.day)
    return {d: int(n) for d, n in session.execute(stmt)}


def response_totals(session: Session, period: Period, audiences: tuple[str, ...], surveys=()):
    """(responses in this period, in the period before)."""
    now = func.sum(case((ScoreDay.day >= period.start, ScoreDay.responses), else_=0))
    stmt = select(now, func.sum(ScoreDay.responses)).where(ScoreDay.principle == 0)
    current, both = session.execute(
        _days(stmt, period.previous().start, period.end, ScoreDay, audiences, surveys)
    ).one()
    return int(current or 0), int(both or 0) - int(current or 0)


def theme_counts(session: Session, period: Period, audiences: tuple[str, ...], surveys=()):
    """{theme: comments in the period}."""
    stmt = select(ThemeDay.theme, func.sum(ThemeDay.comments)).group_by(ThemeDay.theme)
    stmt = _days(stmt, period.start, period.end, ThemeDay, audiences, surveys)
    rows = session.execute(stmt)
    return {theme: int(n) for theme, n in rows}
