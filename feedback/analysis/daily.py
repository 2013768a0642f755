"""Per-day totals behind the principle scores and theme counts, kept up to date on read.

Counting every answer of 100,000 responses on each dashboard view takes seconds; adding up
a few thousand per-day rows takes milliseconds. So the numbers are kept per UTC day,
survey, audience and principle (`score_days`; principle 0 holds the responses themselves)
and per day and theme (`theme_days`). They are a cache, never the record:

- each day has a stamp (`day_stamps`): how many sent responses it had and the sum of
  their ids when it was counted. Before reading, one index-only query counts the days
  again; a day whose count or id sum differs (a new response, a purge, an erasure) is
  counted again from the answers, in the same transaction;
- re-analysis forgets every day, and moving a comment to another theme forgets its day.

Nothing here commits: the caller's commit keeps the counts for the next reader.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import (
    BigInteger,
    Date,
    ForeignKey,
    String,
    delete,
    func,
    literal_column,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from feedback.db import Model, UTCDateTime, utcnow
from feedback.surveys.models import Response


class ScoreDay(Model):
    __tablename__ = "score_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    survey_id: Mapped[int] = mapped_column(
        ForeignKey("surveys.id", ondelete="CASCADE"), primary_key=True
    )
    audience: Mapped[str] = mapped_column(String(10), primary_key=True)
    principle: Mapped[int] = mapped_column(primary_key=True)  # 0: the responses themselves
    responses: Mapped[int] = mapped_column(default=0)
    answers: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    positive: Mapped[int] = mapped_column(default=0)
    neutral: Mapped[int] = mapped_column(default=0)
    commenters: Mapped[int] = mapped_column(default=0)
    comments: Mapped[int] = mapped_column(default=0)
    comments_positive: Mapped[int] = mapped_column(default=0)
    comments_neutral: Mapped[int] = mapped_column(default=0)


class ThemeDay(Model):
    __tablename__ = "theme_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    survey_id: Mapped[int] = mapped_column(
        ForeignKey("surveys.id", ondelete="CASCADE"), primary_key=True
    )
    audience: Mapped[str] = mapped_column(String(10), primary_key=True)
    theme: Mapped[str] = mapped_column(String(120), primary_key=True)
    comments: Mapped[int] = mapped_column(default=0)


class DayStamp(Model):
    __tablename__ = "day_stamps"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    responses: Mapped[int] = mapped_column(default=0)
    id_sum: Mapped[int] = mapped_column(BigInteger, default=0)
    counted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def day_of(session: Session, column=Response.submitted_at):
    """The UTC calendar day of a timestamp column, in this database's dialect."""
    if session.get_bind().dialect.name == "postgresql":
        # A zero offset is UTC (no summer time), and a fifth quicker than the zone's name
        # over the half million rows of a per-day check.
        return func.date(func.timezone(literal_column("INTERVAL '0'"), column))
    return func.date(column)  # SQLite stores UTC already


def as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """UTC datetimes [from, to) covering whole days `first` to `last`."""
    return (
        datetime.combine(first, time(), tzinfo=UTC),
        datetime.combine(last + timedelta(days=1), time(), tzinfo=UTC),
    )


def stale_days(session: Session, first: date, last: date) -> list[date]:
    """Days whose sent responses are not what they were when last counted."""
    start, end = bounds(first, last)
    day = day_of(session).label("day")
    now = {
        as_date(d): (n, int(s or 0))
        for d, n, s in session.execute(
            select(day, func.count(Response.id), func.sum(Response.id))
            .where(
                Response.status == "submitted",
                Response.submitted_at >= start,
                Response.submitted_at < end,
            )
            .group_by(day)
        )
    }
    stamped = {
        d: (n, s)
        for d, n, s in session.execute(
            select(DayStamp.day, DayStamp.responses, DayStamp.id_sum).where(
                DayStamp.day >= first, DayStamp.day <= last
            )
        )
    }
    return sorted(d for d in now.keys() | stamped.keys() if now.get(d) != stamped.get(d))


def refresh(session: Session, first: date, last: date) -> int:
    """Count again the days from `first` to `last` that changed; returns how many."""
    from feedback.analysis.daily_counts import count_days  # the GROUP BY queries

    stale = stale_days(session, first, last)
    if not stale:
        return 0
    lo, hi = stale[0], stale[-1]
    try:
        with session.begin_nested():  # a parallel reader may be counting the same days
            for model in (ScoreDay, ThemeDay, DayStamp):
                session.execute(delete(model).where(model.day >= lo, model.day <= hi))
            count_days(session, lo, hi)
    except IntegrityError:
        pass  # another request counted them first; its rows are as good as ours
    return len(stale)


def forget(session: Session, days: list[date] | None = None) -> None:
    """Make the given days (or every day) be counted again on the next read."""
    stmt = update(DayStamp).values(responses=-1)  # matches no real count
    if days is not None:
        stmt = stmt.where(DayStamp.day.in_(days))
    session.execute(stmt)


def recount_all(session: Session) -> int:
    """Count every day that has sent responses (after re-analysis, say); returns how many."""
    first, last = session.execute(
        select(func.min(Response.submitted_at), func.max(Response.submitted_at))
    ).one()
    if first is None:
        return 0
    return refresh(session, first.date(), last.date())
