"""The few GROUP BY queries behind a results page. Counts come from the per-day answer
counts (`daily.py`), so a page over a million responses reads a few thousand rows."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from feedback.analysis.scores import in_scope
from feedback.reports.period import Period
from feedback.results.daily import AnswerDay, refresh
from feedback.surveys.models import Response, Survey


@dataclass(frozen=True)
class Scope:
    """Whose answers: the surveys, the audience, the team of the tablet visit, the period."""

    period: Period
    surveys: tuple[int, ...] = ()
    audiences: tuple[str, ...] = ()
    team: str | None = None


def scoped(stmt: Select, scope: Scope, period: Period | None = None) -> Select:
    """Only sent responses in the period (default: this one and the one before it)."""
    first = period or scope.period
    start = (period or scope.period.previous()).bounds()[0]
    stmt = in_scope(stmt, (start, first.bounds()[1]), scope.surveys, scope.audiences)
    return stmt.where(Response.team == scope.team) if scope.team else stmt


def _days(stmt, scope: Scope):
    """Per-day rows for the scope's surveys and team, this period and the one before."""
    stmt = stmt.where(
        AnswerDay.day >= scope.period.previous().start, AnswerDay.day <= scope.period.end
    )
    if scope.surveys:
        stmt = stmt.where(AnswerDay.survey_id.in_(scope.surveys))
    return stmt.where(AnswerDay.team == scope.team) if scope.team else stmt


def count_days(session: Session, scope: Scope) -> None:
    """Bring the per-day answer counts for both periods up to date (see `daily.py`)."""
    refresh(session, scope.period.previous().start, scope.period.end)


def response_counts(session: Session, scope: Scope) -> tuple[int, int]:
    """(responses sent in this period, in the period before)."""
    now = case((AnswerDay.day >= scope.period.start, 1), else_=0).label("now")
    stmt = select(now, func.sum(AnswerDay.answers)).where(AnswerDay.question_id == 0)
    counts = dict(session.execute(_days(stmt, scope).group_by(now)).all())
    return int(counts.get(1) or 0), int(counts.get(0) or 0)


def answer_counts(session: Session, scope: Scope) -> list[tuple]:
    """[(now?, question id, code, skipped, answers)] from the per-day counts; `code` is
    the value chosen, the choices as JSON ("choose any") or "w" (written)."""
    now = case((AnswerDay.day >= scope.period.start, 1), else_=0).label("now")
    columns = (now, AnswerDay.question_id, AnswerDay.code, AnswerDay.skipped)
    stmt = select(*columns, func.sum(AnswerDay.answers)).where(AnswerDay.question_id > 0)
    return [tuple(r) for r in session.execute(_days(stmt, scope).group_by(*columns))]


def teams(session: Session) -> list[str]:
    """The teams that responses came from, by name."""
    stmt = select(Response.team).where(Response.team.is_not(None)).distinct()
    return sorted(t for t in session.scalars(stmt) if t)


def surveys(session: Session) -> list[Survey]:
    """Every survey (not translations: their answers count with the survey they translate)."""
    stmt = select(Survey).where(Survey.translation_of_id.is_(None))
    return list(session.scalars(stmt.order_by(Survey.audience, Survey.title, Survey.id)))
