"""What the board edition adds from the results: each principle's score over the last four
periods, and (when asked for) every question's answers for the chosen surveys.

Figures are suppressed where they are made (`principle_scores`, `build_results`), so the
PDF prints "fewer than 5" exactly where the screens do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback.analysis.scores import Figure, principle_scores
from feedback.reports.period import Period
from feedback.results.data import Results, build_results
from feedback.results.queries import Scope, surveys
from feedback.surveys.models import Survey

PERIODS = 4


@dataclass(frozen=True)
class TrendRow:
    number: int
    title: str
    scores: tuple[Figure, ...]  # oldest period first


@dataclass(frozen=True)
class BoardExtras:
    periods: tuple[Period, ...]  # oldest first, ending with the report's own period
    trend: tuple[TrendRow, ...]
    questions: Results | None = None


def last_periods(period: Period, count: int = PERIODS) -> tuple[Period, ...]:
    """The report's period and the `count - 1` of equal length before it, oldest first."""
    out = [period]
    while len(out) < count:
        out.append(out[-1].previous())
    return tuple(reversed(out))


def build_board_extras(
    session: Session,
    period: Period,
    survey_ids: Iterable[int] = (),
    audiences: Iterable[str] = (),
    questions: bool = False,
) -> BoardExtras:
    """The trend for each principle, and each question's answers if `questions`."""
    survey_ids, audiences = tuple(survey_ids), tuple(audiences)
    periods = last_periods(period)
    scores = [principle_scores(session, p, survey_ids, audiences) for p in periods]
    trend = tuple(
        TrendRow(p.number, p.title, tuple(s[i].overall.score for s in scores))
        for i, p in enumerate(scores[-1])
    )
    results = None
    if questions:
        if survey_ids:
            stmt = select(Survey).where(Survey.id.in_(survey_ids)).order_by(Survey.id)
            chosen = [s for s in session.scalars(stmt) if s.translation_of_id is None]
        else:
            chosen = [s for s in surveys(session) if not audiences or s.audience in audiences]
        results = build_results(session, Scope(period, (), audiences), chosen)
    return BoardExtras(periods, trend, results)
