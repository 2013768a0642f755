"""Written answers to browse: filters, search, redaction and flagged answers."""

from __future__ import annotations

from tests.alerts.factories import DISCLOSURE
from tests.results.factories import LAST_30, answered, many, written_question

HAPPY = "My worker Sam Jones is ace and always listens"
SAD = "Nobody tells me anything about my meetings"


def _fill(session):
    survey, _ = many(session, 1, {"helped_most": HAPPY}, name="Alex Smith")
    answered(session, survey, {"helped_most": SAD})
    answered(session, survey, {"do_differently": DISCLOSURE})
    session.commit()
    return survey


def test_lead_reads_written_answers_redacted_and_flagged_withheld(client, login_as, session):
    survey = _fill(session)
    login_as("lead")
    page = client.get(f"/staff/results/comments?{LAST_30}&survey={survey.id}").text
    assert "always listens" in page and "Sam Jones" not in page and SAD in page
    assert "boyfrend" not in page and "withheld" in page and "Alex Smith" not in page


def test_safeguarding_lead_sees_names_and_flagged_words(client, login_as, session):
    _fill(session)
    login_as("safeguarding")
    page = client.get(f"/staff/results/comments?{LAST_30}&flagged=yes").text
    assert "boyfrend" in page and SAD not in page
    assert client.get(f"/staff/results/comments?{LAST_30}&words=SAM").text.count("Sam Jones") == 1


def test_filters_by_question_theme_feeling_and_words(client, login_as, session):
    survey = _fill(session)
    login_as("lead")
    base = f"/staff/results/comments?{LAST_30}&survey={survey.id}"
    first = written_question(survey).id
    page = client.get(f"{base}&question={first}").text
    assert SAD in page and "withheld" not in page
    assert SAD in client.get(f"{base}&theme=Being+kept+informed").text
    assert "always listens" not in client.get(f"{base}&theme=Being+kept+informed").text
    assert "always listens" in client.get(f"{base}&sentiment=positive").text
    assert SAD not in client.get(f"{base}&sentiment=positive").text
    found = client.get(f"{base}&words=meetings").text
    assert SAD in found and "always listens" not in found
    assert "No written answers match." in client.get(f"{base}&words=100%25_").text


def test_a_question_from_elsewhere_is_a_clear_422(client, login_as, session):
    survey = _fill(session)
    login_as("lead")
    response = client.get(f"/staff/results/comments?survey={survey.id}&question=999999")
    assert response.status_code == 422 and "Choose a question from the list." in response.text
