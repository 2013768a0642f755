"""The alert queue: only for the safeguarding lead (and admins), acknowledged and audited."""

from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import select

from feedback.staff.audit import AuditEvent
from tests.alerts.factories import DISCLOSURE, HAPPY, alerts, open_survey, respond


@pytest.fixture
def one_alert(session):
    survey = open_survey(session)
    respond(session, survey, DISCLOSURE)
    respond(session, survey, HAPPY)
    session.commit()
    return alerts(session)[0]


@pytest.mark.parametrize("role", ["lead", "practitioner"])
def test_other_roles_get_403_on_the_queue_and_on_an_alert(client, login_as, one_alert, role):
    login_as(role)
    assert client.get("/staff/alerts/").status_code == 403
    assert client.get(f"/staff/alerts/{one_alert.id}").status_code == 403
    for step in ("close", "reopen", "notes", "assign"):
        response = client.post(f"/staff/alerts/{one_alert.id}/{step}", data={"note": "x"})
        assert response.status_code == 403
    assert DISCLOSURE not in client.get("/staff/").text


@pytest.mark.parametrize("role", ["safeguarding", "admin"])
def test_the_safeguarding_lead_sees_the_comment_survey_and_time(client, login_as, one_alert, role):
    login_as(role)
    page = client.get("/staff/alerts/").text
    assert DISCLOSURE in page and HAPPY not in page
    assert one_alert.survey.title in page and one_alert.raised_at.strftime("%d %b %Y") in page
    detail = client.get(f"/staff/alerts/{one_alert.id}").text
    assert DISCLOSURE in detail and "Not known" in detail
    assert "style=" not in page + detail and "<script>" not in page + detail


def test_the_count_is_in_the_staff_nav_for_the_safeguarding_lead_only(client, login_as, one_alert):
    login_as("safeguarding")
    nav = client.get("/staff/account").text
    assert re.search(r'Safeguarding alerts <span class="count">1</span>', nav)
    client.post("/staff/logout")
    login_as("lead")
    assert "Safeguarding alerts" not in client.get("/staff/account").text


def test_a_name_is_shown_only_if_given_on_a_named_survey(client, login_as, session):
    respond(session, open_survey(session, named=True), DISCLOSURE, name="Kai Jones")
    respond(session, open_survey(session, audience="8-12"), DISCLOSURE, name="Ignored Name")
    session.commit()
    named, anonymous = alerts(session)
    login_as("safeguarding")
    assert "Kai Jones" in client.get(f"/staff/alerts/{named.id}").text
    page = client.get(f"/staff/alerts/{anonymous.id}").text
    assert "Ignored Name" not in page and "Not known" in page


def test_closing_needs_a_recorded_action(client, login_as, one_alert, session):
    login_as("safeguarding")
    data = {"outcome": "referred", "note": "  "}
    response = client.post(f"/staff/alerts/{one_alert.id}/close", data=data)
    assert response.status_code == 422 and "Say what was done" in response.text
    session.expire_all()
    assert alerts(session)[0].is_open


def test_closing_records_the_outcome_and_is_audited(client, login_as, one_alert, session):
    user = login_as("safeguarding")
    action = "Spoke to the child's social worker, who visited the same day."
    data = {"outcome": "talked_with_worker", "note": action}
    response = client.post(f"/staff/alerts/{one_alert.id}/close", data=data)
    assert response.status_code == 303
    session.expire_all()
    [alert] = alerts(session)
    assert alert.outcome == "talked_with_worker" and not alert.is_open
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "alert_closed"))
    assert (event.actor_id, event.target_id) == (user.id, str(alert.id))
    assert DISCLOSURE not in event.detail and action not in event.detail
    page = html.unescape(client.get(f"/staff/alerts/{alert.id}").text)
    assert action in page and "Close the alert" not in page and "Open it again" in page
    again = client.post(f"/staff/alerts/{alert.id}/close", data=data)
    assert again.status_code == 409
    assert client.get("/staff/account").text.count('<span class="count">0</span>') == 1


def test_opening_an_alert_is_audited(client, login_as, one_alert, session):
    user = login_as("safeguarding")
    client.get(f"/staff/alerts/{one_alert.id}")
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "alert_viewed"))
    assert (event.actor_id, event.target_id) == (user.id, str(one_alert.id))


def test_there_is_no_way_to_delete_an_alert(app, client, login_as, one_alert):
    routes = [r for r in app.url_map.iter_rules() if r.rule.startswith("/staff/alerts")]
    assert all("DELETE" not in r.methods and "delete" not in r.rule for r in routes)
    login_as("admin")
    assert client.delete(f"/staff/alerts/{one_alert.id}").status_code == 405


@pytest.mark.parametrize("words, help_first", [(DISCLOSURE, True), (HAPPY, False)])
def test_the_thank_you_screen_puts_help_first_when_a_comment_was_flagged(
    client, session, words, help_first
):
    from tests.alerts.factories import comment_question
    from tests.surveys.conftest import begin, post_answer, send

    survey = open_survey(session)
    session.commit()
    n = survey.questions.index(comment_question(survey)) + 1
    submission_id = begin(client, survey.slug)
    post_answer(client, survey.slug, n, submission_id, answer=words)
    thanks = client.get(send(client, survey.slug, submission_id).location).text
    assert "Childline 0800 1111" in thanks  # help is always there
    first = thanks.index('aria-labelledby="help-title"') < thanks.index('id="thanks"')
    assert first is help_first and ("help-first" in thanks) is help_first
    again = client.get(f"/s/{survey.slug}/thanks").text  # a reload: the same, while the
    assert ("help-first" in again) is help_first  # offer of someone to talk to stands
