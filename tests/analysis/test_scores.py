"""Principle scores: numbers per principle, audience and period, small groups suppressed."""

from __future__ import annotations

from datetime import UTC, date, datetime

from feedback.analysis.scores import Figure, principle_scores
from feedback.reports.period import Period
from tests.alerts.factories import open_survey, respond

MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))
FEBRUARY = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)


def first(scores):
    return scores[0]


def test_score_answers_and_bands_for_a_principle(session):
    survey = open_survey(session, "8-12")
    for _ in range(3):
        respond(session, survey, scores={"worker_kind": "5", "keeps_promises": "yes"})
    for _ in range(2):
        respond(session, survey, scores={"worker_kind": "3", "keeps_promises": "no"})
    s = first(principle_scores(session, MARCH)).overall
    # 3 x (100 + 100) + 2 x (50 + 0) = 700 over 10 answers
    assert (s.score, s.responses, s.answers) == (Figure(70), Figure(5), Figure(10))
    assert (s.positive, s.neutral, s.negative) == (Figure(60), Figure(20), Figure(20))


def test_groups_smaller_than_5_are_suppressed_in_the_data(session):
    survey = open_survey(session, "8-12")
    for _ in range(4):
        respond(session, survey, "My worker is ace", scores={"worker_kind": "5"})
    s = first(principle_scores(session, MARCH)).overall
    for figure in (s.score, s.responses, s.answers, s.positive, s.neutral, s.negative):
        assert figure == Figure(None)
    assert s.comments.suppressed and s.comments_positive.suppressed and s.change is None


def test_each_audience_is_scored_and_suppressed_on_its_own(session):
    children, parents = open_survey(session, "8-12"), open_survey(session, "parent")
    for _ in range(5):
        respond(session, children, scores={"worker_kind": "5"})
    for _ in range(2):
        respond(session, parents, scores={"worker_kind": "1"})
    p = first(principle_scores(session, MARCH))
    by = dict(p.by_audience)
    assert by["8-12"].score == Figure(100) and by["8-12"].responses == Figure(5)
    assert by["parent"].score.suppressed and by["parent"].responses.suppressed
    assert p.overall.score == Figure(71)  # (5 x 100 + 2 x 0) / 7: all 7 responses count
    only_parents = first(principle_scores(session, MARCH, audiences=["parent"]))
    assert only_parents.overall.score.suppressed and dict(only_parents.by_audience).keys() == {
        "parent"
    }


def test_change_since_the_previous_period_of_equal_length(session):
    survey = open_survey(session, "8-12")
    for _ in range(5):
        respond(session, survey, scores={"worker_kind": "3"}, when=FEBRUARY)  # 50
        respond(session, survey, scores={"worker_kind": "4"})  # 75 in March
    s = first(principle_scores(session, Period(date(2026, 3, 1), date(2026, 3, 28)))).overall
    assert (s.score, s.previous_score, s.change) == (Figure(75), Figure(50), 25)


def test_no_change_when_the_previous_period_was_too_small(session):
    survey = open_survey(session, "8-12")
    respond(session, survey, scores={"worker_kind": "1"}, when=FEBRUARY)
    for _ in range(5):
        respond(session, survey, scores={"worker_kind": "4"})
    s = first(principle_scores(session, Period(date(2026, 3, 1), date(2026, 3, 28)))).overall
    assert s.previous_score.suppressed and s.change is None and s.score == Figure(75)


def test_comment_shares_come_from_the_stored_sentiment(session):
    survey = open_survey(session, "13-18")
    words = ["She is ace", "He never turns up", "We meet at school", "My worker is great", "ok"]
    for text in words * 2:
        respond(session, survey, text)
    principle = next(
        p for p in principle_scores(session, MARCH) if not p.overall.comments.suppressed
    )
    s = principle.overall
    assert s.comments == Figure(10)
    assert s.comments_positive.value + s.comments_neutral.value + s.comments_negative.value in (
        99,
        100,
        101,
    )
    assert s.comments_positive.value >= 40 and s.comments_negative.value >= 20


def test_unsent_and_out_of_period_responses_do_not_count(session):
    survey = open_survey(session, "8-12")
    for _ in range(5):
        respond(session, survey, scores={"worker_kind": "5"})
        respond(session, survey, scores={"worker_kind": "1"}, submit=False)
        respond(session, survey, scores={"worker_kind": "1"}, when=datetime(2025, 1, 1, tzinfo=UTC))
    assert first(principle_scores(session, MARCH)).overall.score == Figure(100)
