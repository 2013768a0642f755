"""Per-day answer counts behind the results page, kept up to date on read.

Counting every answer of a million responses on each view takes seconds; adding up the
per-day rows for a survey takes milliseconds. So the answers are counted once per UTC
day, survey, question, team, answer and skipped-or-not (`answer_days`; question 0 holds
the responses themselves), the way `feedback.analysis.daily` keeps the principle scores.
They are a cache, never the record: each day has a stamp (`answer_day_stamps`: how many
sent responses it had and the sum of their ids); a day whose count or sum differs (a new
response, a purge, an erasure) is counted again from the answers before it is read.
Answers cannot change after a response is sent, and re-analysis changes no answer code.
Nothing here commits: the caller's commit keeps the counts for the next reader.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    BigInteger,
    Date,
    ForeignKey,
    String,
    Text,
    case,
    cast,
    delete,
    func,
    insert,
    literal,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from feedback.analysis.daily import as_date, bounds, day_of
from feedback.db import Model
from feedback.results import kinds
from feedback.surveys.models import Answer, Question, Response


class AnswerDay(Model):
    __tablename__ = "answer_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    survey_id: Mapped[int] = mapped_column(
        ForeignKey("surveys.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(primary_key=True)  # 0: the responses
    team: Mapped[str] = mapped_column(String(80), primary_key=True)  # "": none
    # The chosen value (or number); for "choose any", "Other - tell us" and statements, the
    # choices as JSON; for written answers "w".
    code: Mapped[str] = mapped_column(Text, primary_key=True)
    skipped: Mapped[bool] = mapped_column(primary_key=True)
    answers: Mapped[int] = mapped_column(default=0)


class AnswerDayStamp(Model):
    __tablename__ = "answer_day_stamps"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    responses: Mapped[int] = mapped_column(default=0)
    id_sum: Mapped[int] = mapped_column(BigInteger, default=0)


def _sent(stmt, lo: date, hi: date):
    start, end = bounds(lo, hi)
    return stmt.where(
        Response.status == "submitted", Response.submitted_at >= start, Response.submitted_at < end
    )


def stale_days(session: Session, first: date, last: date) -> dict[date, tuple[int, int]]:
    """{day: (responses, id sum)} for days not as they were when last counted."""
    day = day_of(session).label("day")
    stmt = select(day, func.count(Response.id), func.sum(Response.id)).group_by(day)
    now = {as_date(d): (n, int(s or 0)) for d, n, s in session.execute(_sent(stmt, first, last))}
    stamps = select(AnswerDayStamp.day, AnswerDayStamp.responses, AnswerDayStamp.id_sum)
    stamps = stamps.where(AnswerDayStamp.day >= first, AnswerDayStamp.day <= last)
    stamped = {d: (n, s) for d, n, s in session.execute(stamps)}
    return {d: now.get(d, (0, 0)) for d in now.keys() | stamped if now.get(d) != stamped.get(d)}


def _count(session: Session, lo: date, hi: date) -> None:
    day = day_of(session).label("day")
    team = func.coalesce(Response.team, "").label("team")
    written, chosen = kinds.kinds_of(kinds.WRITTEN), kinds.chosen_kinds()
    code = case(
        (Question.kind.in_(written) & Answer.value.is_not(None), literal("w")),
        (Question.kind.in_(written), literal("")),
        (Question.kind.in_(chosen), func.coalesce(cast(Answer.choices, Text), "")),
        else_=func.coalesce(Answer.value, ""),
    ).label("code")
    columns = (day, Response.survey_id, Answer.question_id, team, code, Answer.skipped)
    answers = (
        select(*columns, func.count())
        .select_from(Answer)
        .join(Response, Answer.response_id == Response.id)
        .join(Question, Answer.question_id == Question.id)
        .group_by(*columns)
    )
    responses = (
        select(day, Response.survey_id, literal(0), team, literal(""), literal(False),
               func.count(Response.id))
        .group_by(day, Response.survey_id, team)
    )  # fmt: skip
    names = ("day", "survey_id", "question_id", "team", "code", "skipped", "answers")
    for stmt in (answers, responses):
        rows = [dict(zip(names, r, strict=True)) for r in session.execute(_sent(stmt, lo, hi))]
        for row in rows:
            row["day"], row["skipped"] = as_date(row["day"]), bool(row["skipped"])
        if rows:
            session.execute(insert(AnswerDay), rows)


def refresh(session: Session, first: date, last: date) -> int:
    """Count again the days from `first` to `last` that changed; returns how many."""
    stale = stale_days(session, first, last)
    if not stale:
        return 0
    lo, hi = min(stale), max(stale)
    try:
        with session.begin_nested():  # a parallel reader may be counting the same days
            for model in (AnswerDay, AnswerDayStamp):
                session.execute(delete(model).where(model.day >= lo, model.day <= hi))
            _count(session, lo, hi)
            now = stale_days(session, lo, hi)  # every day in lo..hi, now all unstamped
            stamps = [{"day": d, "responses": n, "id_sum": s} for d, (n, s) in now.items()]
            session.execute(insert(AnswerDayStamp), stamps)
    except IntegrityError:
        pass  # another request counted them first; its rows are as good as ours
    return len(stale)
