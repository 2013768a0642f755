"""Per-day totals: a cache that is counted again whenever a day's responses change."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, func, select, update

from feedback.analysis.daily import DayStamp, ScoreDay, ThemeDay, forget, refresh, stale_days
from feedback.analysis.scores import principle_scores
from feedback.reports.period import Period
from feedback.surveys.models import Answer, Response
from tests.alerts.factories import WHEN, comment_of, open_survey, respond

MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))
DAY = WHEN.date()


def _score(session) -> int | None:
    return principle_scores(session, MARCH)[0].overall.score.value


def _theme(session, name: str) -> int:
    stmt = select(func.sum(ThemeDay.comments)).where(ThemeDay.theme == name)
    return session.scalar(stmt) or 0


def test_a_day_is_counted_once_and_again_after_a_new_response(session):
    survey = open_survey(session, "8-12")
    for _ in range(5):
        respond(session, survey, scores={"worker_kind": "5"})
    assert _score(session) == 100
    assert stale_days(session, MARCH.start, MARCH.end) == []
    stamp = session.get(DayStamp, DAY)
    assert stamp.responses == 5
    respond(session, survey, scores={"worker_kind": "1"})  # the same day
    assert stale_days(session, MARCH.start, MARCH.end) == [DAY]
    assert _score(session) == 83  # 500 / 6
    assert refresh(session, MARCH.start, MARCH.end) == 0


def test_a_deleted_response_is_no_longer_counted(session):
    survey = open_survey(session, "8-12")
    for _ in range(6):
        respond(session, survey, scores={"worker_kind": "5"})
    respond(session, survey, scores={"worker_kind": "1"})
    assert _score(session) == 86
    session.execute(
        delete(Response).where(Response.id == session.scalar(select(func.max(Response.id))))
    )
    assert _score(session) == 100


def test_forgotten_days_are_counted_again_even_when_their_responses_are_gone(session):
    survey = open_survey(session, "8-12")
    respond(session, survey, scores={"worker_kind": "5"})
    refresh(session, MARCH.start, MARCH.end)
    assert session.scalar(select(func.count()).select_from(ScoreDay)) > 0
    forget(session)
    session.execute(delete(Response))
    refresh(session, MARCH.start, MARCH.end)
    assert session.scalar(select(func.count()).select_from(ScoreDay)) == 0


def test_reanalysis_and_theme_moves_are_seen_by_the_next_read(session, make_user):
    from feedback.analysis.overrides import move_comment
    from feedback.analysis.reanalyse import reanalyse

    lead = make_user("lead")
    survey = open_survey(session)
    answers = [
        comment_of(session, respond(session, survey, "Nobody tells me anything")) for _ in range(5)
    ]
    refresh(session, MARCH.start, MARCH.end)
    assert _theme(session, "Being kept informed") == 5
    move_comment(session, answers[0], "Being kept informed", "Plans", lead.id)
    refresh(session, MARCH.start, MARCH.end)
    assert (_theme(session, "Being kept informed"), _theme(session, "Plans")) == (4, 1)
    session.execute(
        update(Answer).where(Answer.id == answers[1].id).values(value="We meet at school")
    )
    reanalyse(session)
    refresh(session, MARCH.start, MARCH.end)
    assert _theme(session, "Being kept informed") == 3
