"""Counting in the database: sliding windows, taking back, and sweeping old rows."""

from __future__ import annotations

from sqlalchemy import func, select

from feedback.limits.counting import Rule, hit, peek, unhit
from feedback.limits.models import RateCount

RULE = Rule("test", 5, 60)
T0 = 1_800_000_000.0  # the start of a window (a multiple of 60)


def test_counts_add_up_within_a_window(session):
    assert [hit(session, RULE, "a", T0 + n) for n in range(3)] == [1, 2, 3]
    assert peek(session, RULE, "a", T0 + 10) == 3
    assert peek(session, RULE, "b", T0 + 10) == 0  # each subject on its own


def test_the_window_before_fades_out_as_time_goes_on(session):
    for _ in range(4):
        hit(session, RULE, "a", T0 + 30)
    assert peek(session, RULE, "a", T0 + 60) == 4  # just into the next window: all of it
    assert peek(session, RULE, "a", T0 + 90) == 2  # halfway: half of it
    assert hit(session, RULE, "a", T0 + 90) == 3  # and this one
    assert peek(session, RULE, "a", T0 + 180) == 0  # two windows on: nothing


def test_a_count_taken_back_no_longer_counts(session):
    hit(session, RULE, "a", T0)
    hit(session, RULE, "a", T0)
    unhit(session, RULE, "a", T0)
    assert peek(session, RULE, "a", T0 + 1) == 1


def test_old_rows_are_swept_when_a_new_window_starts(session):
    hit(session, RULE, "old", T0)
    hit(session, RULE, "new", T0 + 600)
    keys = session.scalars(select(RateCount.key)).all()
    assert keys == [RULE.key("new")]
    assert session.scalar(select(func.count()).select_from(RateCount)) == 1
