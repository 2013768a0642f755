"""The results page: every question in its own words, answer labels (never codes), counts,
percentages, a chart and a table with the same figures, small numbers hidden."""

from __future__ import annotations

import re

import pytest

from tests.alerts.factories import open_survey
from tests.results.factories import LAST_30, answered, many

SAFE = "How safe do you feel where you live?"


def _table(page: str, question: str) -> dict[str, tuple[str, str]]:
    """{answer label: (people, percent)} from the table of one question."""
    start = page.index(f'<caption>Answers to "{question}"</caption>')
    body = page[start : page.index("</table>", start)]
    rows = re.findall(r'<th scope="row">([^<]+)</th><td>([^<]+)</td><td>([^<]+)</td>', body)
    return {label: (people, percent) for label, people, percent in rows}


@pytest.mark.parametrize("role", ["practitioner", "safeguarding"])
def test_only_leads_and_admins_see_results(client, login_as, role):
    login_as(role)
    assert client.get("/staff/results/").status_code == 403
    assert client.get("/staff/results/answers.csv").status_code == 403


def test_each_question_shows_labels_counts_and_percents(client, login_as, session):
    survey, _ = many(session, 14, {"feel_safe": "1", "keeps_promises": "yes"})
    for _ in range(23):
        answered(session, survey, {"feel_safe": "4", "keeps_promises": "no"})
    answered(session, survey, {"feel_safe": "5"})
    session.commit()
    login_as("lead")
    page = client.get(f"/staff/results/?{LAST_30}&survey={survey.id}").text
    for q in survey.questions:
        assert q.text.replace("'", "&#39;") in page
    safe = _table(page, SAFE)
    assert safe["Really bad"] == ("14", "37%")
    assert safe["Good"] == ("23", "61%")
    assert safe["Really good"] == ("fewer than 5", "fewer than 5")
    assert safe["OK"] == ("fewer than 5", "fewer than 5")  # none: not told apart from 1-4
    assert _table(page, "Does your worker do what they say they will do?")["Yes"][0] == "14"
    assert '<th scope="row">1</th>' not in page and "not_at_school" not in page
    assert page.count('role="img"') == sum(1 for q in survey.questions if q.kind != "text")
    assert "style=" not in page and "<script>" not in page.split("</main>")[0]


def test_choose_any_questions_count_each_choice(client, login_as, session):
    survey, _ = many(session, 6, {"meetings_better": ["choose_who", "fewer_people"]})
    many(session, 5, {"meetings_better": ["choose_who"]})
    session.commit()
    login_as("lead")
    page = client.get(f"/staff/results/?{LAST_30}&survey={survey.id}").text
    table = _table(page, "What would make your meetings better for you?")
    assert table["Choosing who comes"] == ("11", "100%")
    assert table["Fewer people there"] == ("6", "55%")
    assert "more than 100" in page


def test_this_period_is_compared_with_the_one_before(client, login_as, session):
    survey, _ = many(session, 5, {"feel_safe": "1"}, days=40)  # the 30 days before
    many(session, 10, {"feel_safe": "1"})
    many(session, 10, {"feel_safe": "5"})
    session.commit()
    login_as("lead")
    page = client.get(f"/staff/results/?{LAST_30}&survey={survey.id}").text
    assert re.search(r"Really bad</th><td>10</td><td>50%</td><td>100%</td><td>-50 points", page)


def test_team_and_audience_filters(client, login_as, session):
    survey, _ = many(session, 5, {"feel_safe": "2"}, team="North")
    many(session, 6, {"feel_safe": "3"}, team="South")
    young, _ = many(session, 5, {"worker_kind": "5"}, audience="8-12")
    session.commit()
    login_as("lead")
    page = client.get(f"/staff/results/?{LAST_30}&survey={survey.id}&team=North").text
    assert _table(page, SAFE)["Not good"] == ("5", "100%") and "team North" in page
    everyone = client.get(f"/staff/results/?{LAST_30}&audience=8-12").text
    assert f'id="survey-{young.id}"' in everyone and f'id="survey-{survey.id}"' not in everyone
    assert client.get("/staff/results/?team=Nowhere").status_code == 422


@pytest.mark.parametrize(
    "query",
    ["period=custom&start=&end=", "period=custom", "period=custom&start=2026-01-01&end="],
)
def test_dates_left_empty_get_a_message_not_a_500(client, login_as, session, query):
    open_survey(session)
    session.commit()
    login_as("lead")
    for url in ("/staff/results/", "/staff/dashboard/", "/staff/results/comments",
                "/staff/results/answers.csv", "/staff/results/answers.xlsx"):  # fmt: skip
        response = client.get(f"{url}?{query}")
        assert response.status_code == 422, url
        assert "Enter a date as YYYY-MM-DD" in response.text, url
    # A theme's page falls back to the default period rather than failing.
    assert client.get(f"/staff/dashboard/themes/1?{query}").status_code == 200


def test_reached_from_the_builder_and_the_dashboard(client, login_as, session):
    survey = open_survey(session)
    session.commit()
    login_as("lead")
    builder = client.get(f"/staff/surveys/{survey.id}").text
    assert f"/staff/results/?survey={survey.id}" in builder
    dashboard = client.get(f"/staff/dashboard/?period=365&survey={survey.id}").text
    assert f"/staff/results/?period=365&amp;survey={survey.id}" in dashboard
    assert f"/staff/dashboard/themes/1?period=365&amp;survey={survey.id}" in dashboard


def test_counts_kept_per_day_follow_new_and_removed_responses(client, login_as, session):
    survey, sent = many(session, 5, {"feel_safe": "1"})
    session.commit()
    login_as("lead")
    url = f"/staff/results/?{LAST_30}&survey={survey.id}"
    assert _table(client.get(url).text, SAFE)["Really bad"] == ("5", "100%")
    many(session, 2, {"feel_safe": "1"})
    session.commit()
    assert _table(client.get(url).text, SAFE)["Really bad"] == ("7", "100%")
    for response in sent[:3]:
        session.delete(response)
    session.commit()
    assert _table(client.get(url).text, SAFE)["Really bad"] == ("fewer than 5", "fewer than 5")
