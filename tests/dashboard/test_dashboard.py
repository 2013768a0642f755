"""The leads' dashboard: who may see it, what it shows, and what it never shows."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update

from feedback.dashboard.data import buckets, build_dashboard
from feedback.reports.period import Period
from feedback.surveys.models import Answer
from tests.alerts.factories import DISCLOSURE, open_survey, respond

TODAY = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0)


def _recent(session, n: int, words: str | None, audience: str = "13-18", **kw):
    survey = open_survey(session, audience)
    for i in range(n):
        respond(session, survey, words, when=TODAY - timedelta(days=i % 20), **kw)


@pytest.mark.parametrize("role", ["practitioner", "safeguarding"])
def test_only_leads_and_admins_see_the_dashboard(client, login_as, role):
    login_as(role)
    assert client.get("/staff/dashboard/").status_code == 403
    assert client.get("/staff/dashboard/themes/1").status_code == 403


def test_the_dashboard_shows_scores_charts_and_tables(client, login_as, session):
    _recent(session, 6, "Nobody tells me anything about my meetings", scores={"worker_kind": "4"})
    session.commit()
    login_as("lead")
    page = client.get("/staff/dashboard/?period=30").text
    assert "style=" not in page and "<script>" not in page
    charts = re.findall(r"<svg[^>]*>", page)
    assert len(charts) == 3
    for svg in charts:
        assert 'role="img"' in svg and "aria-labelledby=" in svg
    for label in re.findall(r'aria-labelledby="([^"]+)"', page):
        for part in label.split():
            assert f'id="{part}"' in page
    assert page.count("<table") >= 2 and "Responses per day as a table" in page
    assert re.search(r"<td>75</td>", page)  # principle 1's score in the table
    assert "Being kept informed" in page and "Meetings" in page


def test_small_groups_show_as_fewer_than_5_everywhere(client, login_as, session):
    _recent(session, 3, "My worker is ace and always listens", scores={"worker_kind": "5"})
    session.commit()
    login_as("lead")
    page = client.get("/staff/dashboard/?period=30").text
    assert "fewer than 5" in page
    assert not re.search(r"<td>100</td>|<td>3</td>", page)
    assert "My worker is ace" not in page  # no quotes from a theme with under 5 comments


def test_quotes_are_redacted_and_never_from_flagged_comments(client, login_as, session):
    _recent(session, 5, "Sam Worker never listens to me, call me on 07700 900123")
    _recent(session, 5, DISCLOSURE)
    # Quotes are only ever from comments whose writers ticked "you can quote me".
    session.execute(update(Answer).values(ok_to_quote=True))
    session.commit()
    login_as("lead", name="Sam Worker")
    page = client.get("/staff/dashboard/?period=30").text
    assert "never listens to me" in page
    assert "07700" not in page and "Sam Worker never" not in page and "[phone number]" in page
    assert "boyfrend" not in page
    assert "5 safeguarding alerts" in page or '<span class="tile-number">5</span>' in page


def test_bad_dates_get_a_clear_message_and_a_422(client, login_as):
    login_as("lead")
    response = client.get("/staff/dashboard/?period=custom&start=2026-05-01&end=2026-04-01")
    assert response.status_code == 422
    assert "The end date must be on or after the start date." in response.text
    response = client.get("/staff/dashboard/?period=custom&start=soon&end=")
    assert response.status_code == 422 and "YYYY-MM-DD" in response.text


def test_audience_filter(client, login_as, session):
    _recent(session, 5, None, "8-12", scores={"worker_kind": "5"})
    _recent(session, 5, None, "parent", scores={"worker_kind": "1"})
    session.commit()
    period = Period(date.today() - timedelta(days=29), date.today())
    everyone = build_dashboard(session, period)
    parents = build_dashboard(session, period, ("parent",))
    assert everyone.responses.value == 10 and parents.responses.value == 5
    assert parents.principles[0].overall.score.value == 0
    login_as("lead")
    assert client.get("/staff/dashboard/?period=30&audience=parent").status_code == 200
    assert client.get("/staff/dashboard/?audience=martians").status_code == 422


def test_responses_over_time_are_counted_per_day_week_or_month():
    day = date(2026, 3, 1)
    per_day = {day: 3, day + timedelta(days=1): 4, day + timedelta(days=9): 7}
    weeks = buckets(Period(day, day + timedelta(days=59)), per_day)
    assert weeks[0].responses.value == 7 and weeks[1].responses.value == 7
    assert weeks[2].responses.suppressed and len(weeks) == 9
    days = buckets(Period(day, day + timedelta(days=6)), per_day)
    assert [b.responses.value for b in days[:2]] == [None, None] and len(days) == 7
    months = buckets(Period(date(2026, 1, 15), date(2026, 12, 31)), per_day)
    assert months[0].start == date(2026, 1, 15) and months[2].label == "Mar 2026"
    assert months[2].responses.value == 14 and len(months) == 12


def test_the_dashboard_narrows_to_one_survey_and_its_links_keep_the_filters(
    client, login_as, session
):
    _recent(session, 5, None, "8-12", scores={"worker_kind": "5"})
    _recent(session, 7, None, "13-18", scores={"worker_kind": "1"})
    young = open_survey(session, "8-12")
    session.commit()
    login_as("lead")
    page = client.get(f"/staff/dashboard/?period=30&survey={young.id}").text
    assert '<span class="tile-number">5</span> responses sent' in page
    assert f"/staff/dashboard/themes/1?period=30&amp;survey={young.id}" in page
    assert f"/staff/results/comments?period=30&amp;survey={young.id}" in page
    everyone = client.get("/staff/dashboard/?period=30").text
    assert '<span class="tile-number">12</span> responses sent' in everyone
