"""Principle scores: one implementation, used by the dashboard and the reports.

For each principle, per audience, for a period and the period of equal length before it:

- **score**: the average of the scale answers (`Answer.score`, 0-100: faces, yes/no) for
  the principle's questions, rounded to a whole number;
- **responses** and **answers**: how many responses gave a scale answer, and how many
  scale answers there were;
- **positive / neutral / negative** (percent of scale answers): answers scoring above 50,
  exactly 50, and below 50 (on 5 faces: the two happy faces, the middle one, the two sad
  ones; yes is positive, no is negative);
- **comment shares** (percent of written answers): the stored sentiment of the comments
  written for the principle's questions (positive, neutral, negative);
- **change**: score minus the previous period's score, when both can be shown.

Small groups are suppressed HERE, in the data: a figure from fewer than 5 responses is
`Figure(None)`, shown as "fewer than 5", so no screen or report can print it by mistake.
Everything is counted in the database: the answers once per day (`daily.py`), then one
small GROUP BY over those per-day totals for both periods.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Protocol

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from feedback.analysis.daily import ScoreDay, refresh
from feedback.audiences.services import audience_keys
from feedback.principles import PRINCIPLES
from feedback.surveys.models import Response

SMALL = 5  # fewer than this many responses: shown as "fewer than 5"


class PeriodLike(Protocol):
    start: date
    end: date  # inclusive

    def previous(self) -> PeriodLike: ...


@dataclass(frozen=True)
class Figure:
    """A count, score or share; `value` is None when it came from fewer than 5 responses."""

    value: int | None

    @property
    def suppressed(self) -> bool:
        return self.value is None

    @classmethod
    def of(cls, value: float | None, responses: int) -> Figure:
        if value is None or responses < SMALL:
            return cls(None)
        return cls(round(value))

    @classmethod
    def count(cls, n: int) -> Figure:
        """A count of responses, itself the size of its group."""
        return cls.of(n, n)

    @classmethod
    def percent(cls, part: int, whole: int, responses: int) -> Figure:
        return cls.of(100 * part / whole if whole else None, responses)


def in_scope(
    stmt: Select,
    bounds: tuple[datetime, datetime],
    surveys: Iterable[int] = (),
    audiences: Iterable[str] = (),
) -> Select:
    """Only submitted responses sent in [start, end), from the chosen surveys and audiences."""
    start, end = bounds
    stmt = stmt.where(
        Response.status == "submitted", Response.submitted_at >= start, Response.submitted_at < end
    )
    if surveys := tuple(surveys):
        stmt = stmt.where(Response.survey_id.in_(surveys))
    if audiences := tuple(audiences):
        stmt = stmt.where(Response.audience.in_(audiences))
    return stmt


@dataclass(frozen=True)
class Counts:
    """Raw numbers for one principle (and audience) in one period, before suppression."""

    responses: int = 0  # responses with at least one scale answer
    answers: int = 0  # scale answers
    total: int = 0  # sum of their scores
    positive: int = 0
    neutral: int = 0
    commenters: int = 0  # responses with at least one analysed comment
    comments: int = 0
    comments_positive: int = 0
    comments_neutral: int = 0

    def __add__(self, other: Counts) -> Counts:
        # A response has one audience, so per-audience response counts add up exactly.
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


@dataclass(frozen=True)
class Score:
    """What a screen or report may show for one principle (and audience)."""

    responses: Figure
    answers: Figure
    score: Figure
    previous_score: Figure
    change: int | None
    positive: Figure
    neutral: Figure
    negative: Figure
    comments: Figure
    comments_positive: Figure
    comments_neutral: Figure
    comments_negative: Figure
    scaled: bool = False  # any scale answers at all (says only that the group is not empty)

    @classmethod
    def of(cls, now: Counts, before: Counts) -> Score:
        score, previous = _average(now), _average(before)
        change = None if score.suppressed or previous.suppressed else score.value - previous.value
        n, c = now.responses, now.commenters
        negative = now.answers - now.positive - now.neutral
        comments_negative = now.comments - now.comments_positive - now.comments_neutral
        return cls(
            responses=Figure.count(n),
            answers=Figure.of(now.answers, n),
            score=score,
            previous_score=previous,
            change=change,
            positive=Figure.percent(now.positive, now.answers, n),
            neutral=Figure.percent(now.neutral, now.answers, n),
            negative=Figure.percent(negative, now.answers, n),
            comments=Figure.of(now.comments, c),
            comments_positive=Figure.percent(now.comments_positive, now.comments, c),
            comments_neutral=Figure.percent(now.comments_neutral, now.comments, c),
            comments_negative=Figure.percent(comments_negative, now.comments, c),
            scaled=now.answers > 0,
        )


def _average(counts: Counts) -> Figure:
    value = counts.total / counts.answers if counts.answers else None
    return Figure.of(value, counts.responses)


@dataclass(frozen=True)
class PrincipleScore:
    number: int
    title: str
    overall: Score
    by_audience: tuple[tuple[str, Score], ...]  # only audiences that answered, in order


COUNTED = ("responses", "answers", "total", "positive", "neutral", "commenters", "comments",
           "comments_positive", "comments_neutral")  # fmt: skip


def count_rows(
    session: Session,
    period: PeriodLike,
    surveys: Iterable[int] = (),
    audiences: Iterable[str] = (),
    recount: bool = True,
) -> dict[tuple[bool, int, str], Counts]:
    """{(in this period?, principle, audience): Counts} for the period and the one before.

    Read from the per-day totals (`daily.py`), counted again first for days that changed
    (`recount=False`: the caller has just done that).
    """
    first = period.previous().start
    if recount:
        refresh(session, first, period.end)
    current = case((ScoreDay.day >= period.start, 1), else_=0).label("current")
    stmt = (
        select(
            current,
            ScoreDay.principle,
            ScoreDay.audience,
            *(func.sum(getattr(ScoreDay, name)) for name in COUNTED),
        )
        .where(ScoreDay.day >= first, ScoreDay.day <= period.end, ScoreDay.principle > 0)
        .group_by(current, ScoreDay.principle, ScoreDay.audience)
    )
    if surveys := tuple(surveys):
        stmt = stmt.where(ScoreDay.survey_id.in_(surveys))
    if audiences := tuple(audiences):
        stmt = stmt.where(ScoreDay.audience.in_(audiences))
    return {
        (bool(now), principle, audience): Counts(*(int(v or 0) for v in numbers))
        for now, principle, audience, *numbers in session.execute(stmt)
    }


def principle_scores(
    session: Session,
    period: PeriodLike,
    surveys: Iterable[int] = (),
    audiences: Iterable[str] = (),
    recount: bool = True,
) -> tuple[PrincipleScore, ...]:
    """Scores for all six principles, overall and per audience, with suppression applied."""
    rows = count_rows(session, period, surveys, audiences, recount)
    empty = Counts()
    results = []
    keys = audience_keys(session)
    for p in PRINCIPLES:
        now = {a: rows.get((True, p.number, a), empty) for a in keys}
        before = {a: rows.get((False, p.number, a), empty) for a in keys}
        results.append(
            PrincipleScore(
                number=p.number,
                title=p.title,
                overall=Score.of(sum(now.values(), empty), sum(before.values(), empty)),
                by_audience=tuple(
                    (a, Score.of(now[a], before[a]))
                    for a in keys
                    if now[a].responses or now[a].commenters
                ),
            )
        )
    return tuple(results)
