"""Everything the dashboard shows, gathered once with a few GROUP BY queries.

Counts from fewer than 5 responses are suppressed here (`Figure(None)`), like the
principle scores, so the page cannot show them. Example quotes come from the one rule for
what may be quoted (`feedback.reports.quotes.quotable`), and are only given for themes
with at least 5 comments.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from feedback.alerts.models import open_alert_count
from feedback.analysis import THEMES
from feedback.analysis.scores import SMALL, Figure, PrincipleScore, principle_scores
from feedback.dashboard import queries
from feedback.reports.period import Period
from feedback.reports.quotes import quotable

QUOTES_PER_THEME = 2
NEWEST_QUOTES = 200  # examples are chosen from the newest quotable comments only


@dataclass(frozen=True)
class Bucket:
    """One bar of "responses over time": a day, a week or a month."""

    start: date
    end: date
    responses: Figure

    @property
    def short(self) -> str:
        """For the chart's axis: the first day, or the month."""
        if self.start.day == 1 and (self.end + timedelta(days=1)).day == 1:
            return f"{self.start:%b %y}"
        return f"{self.start.day} {self.start:%b}"

    @property
    def label(self) -> str:
        if self.start == self.end:
            return f"{self.start.day} {self.start:%b}"
        if self.start.day == 1 and (self.end + timedelta(days=1)).day == 1:
            return f"{self.start:%b %Y}"
        return f"{self.start.day} {self.start:%b} to {self.end.day} {self.end:%b}"


@dataclass(frozen=True)
class ThemeSummary:
    number: int  # position in THEMES, from 1 (used in links)
    name: str
    principle: int
    comments: Figure
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class Dashboard:
    period: Period
    previous_period: Period
    audiences: tuple[str, ...]
    surveys: tuple[int, ...]
    responses: Figure
    previous_responses: Figure
    bucket: str  # "day", "week" or "month"
    over_time: tuple[Bucket, ...]
    principles: tuple[PrincipleScore, ...]
    themes: tuple[ThemeSummary, ...]
    open_alerts: int


def bucket_kind(period: Period) -> str:
    if period.days <= 31:
        return "day"
    return "week" if period.days <= 190 else "month"


def buckets(period: Period, per_day: dict[date, int]) -> tuple[Bucket, ...]:
    """Fold daily counts (at most a few hundred) into days, weeks or calendar months."""
    kind, out, start = bucket_kind(period), [], period.start
    while start <= period.end:
        if kind == "day":
            end = start
        elif kind == "week":
            end = start + timedelta(days=6)
        else:
            next_month = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
            end = next_month - timedelta(days=1)
        end = min(end, period.end)
        n = sum(v for d, v in per_day.items() if start <= d <= end)
        out.append(Bucket(start, end, Figure.count(n)))
        start = end + timedelta(days=1)
    return tuple(out)


def theme_summaries(session: Session, period: Period, audiences: tuple[str, ...], surveys=()):
    """Comments per theme, and a few redacted example quotes for themes of 5 or more."""
    counts = queries.theme_counts(session, period, audiences, surveys)
    found: dict[str, list[str]] = defaultdict(list)
    quotes = quotable(
        session, bounds=period.bounds(), surveys=surveys, audiences=audiences, limit=NEWEST_QUOTES
    )
    for quote in quotes:
        for theme in quote.themes:
            chosen = found[theme]
            if counts.get(theme, 0) >= SMALL and len(chosen) < QUOTES_PER_THEME:
                if quote.text not in chosen:
                    chosen.append(quote.text)
    return tuple(
        ThemeSummary(
            n, t.name, t.principle, Figure.count(counts.get(t.name, 0)), tuple(found[t.name])
        )
        for n, t in enumerate(THEMES, start=1)
    )


def build_dashboard(
    session: Session, period: Period, audiences: tuple[str, ...] = (), surveys: tuple = ()
):
    """Gather the dashboard's numbers for one period (optionally one audience or survey)."""
    queries.count_days(session, period)
    now, before = queries.response_totals(session, period, audiences, surveys)
    return Dashboard(
        period=period,
        previous_period=period.previous(),
        audiences=audiences,
        surveys=surveys,
        responses=Figure.count(now),
        previous_responses=Figure.count(before),
        bucket=bucket_kind(period),
        over_time=buckets(period, queries.responses_per_day(session, period, audiences, surveys)),
        principles=principle_scores(session, period, surveys, audiences, recount=False),
        themes=theme_summaries(session, period, audiences, surveys),
        open_alerts=open_alert_count(session),
    )
