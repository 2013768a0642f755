"""Emails to the safeguarding leads: after the commit, never with the comment, retried."""

from __future__ import annotations

import socket

import pytest

from feedback.alerts.mail import NO_RECIPIENTS, send_pending
from tests.alerts.factories import DISCLOSURE, alerts, comment_question, open_survey, respond
from tests.alerts.fake_smtp import fake_smtp
from tests.surveys.conftest import begin, post_answer


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _survey(app, session):
    survey = open_survey(session)
    session.commit()
    return survey.slug


def _flagged_answer_through_the_pages(client, slug: str, words: str = DISCLOSURE) -> str:
    """Start the survey and write `words` in its comment box, as a child would."""
    from feedback.extensions import db
    from feedback.surveys.models import Survey

    with client.application.app_context():
        survey = db.session.query(Survey).filter_by(slug=slug).one()
        n = survey.questions.index(comment_question(survey)) + 1
    submission_id = begin(client, slug)
    answer = post_answer(client, slug, n, submission_id, answer=words)
    assert answer.status_code == 303, answer.text
    answer.close()  # as the server does once the page has gone: the email is sent then
    return submission_id


@pytest.fixture
def leads(make_user):
    return [make_user("safeguarding"), make_user("safeguarding"), make_user("lead")]


def test_a_new_alert_emails_the_leads_without_the_comment(app, client, session, leads):
    slug = _survey(app, session)
    with fake_smtp() as (port, box):
        app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=port, MAIL_FROM="alerts@example.org")
        _flagged_answer_through_the_pages(client, slug)
    [message] = box.messages
    assert sorted(message["to"]) == sorted(u.email for u in leads[:2])
    assert "Safeguarding alert" in message["data"] and "alerts@example.org" in message["data"]
    assert "boyfrend" not in message["data"] and "hits" not in message["data"]
    session.expire_all()
    [alert] = alerts(session)
    assert alert.email_status == "sent" and alert.emailed_at and alert.email_attempts == 1


def test_a_failed_send_shows_on_the_alert_and_the_cli_sends_it_later(
    app, client, session, leads, runner, login_as
):
    slug = _survey(app, session)
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=_free_port())  # nothing listening
    _flagged_answer_through_the_pages(client, slug)  # the child's page still works
    session.expire_all()
    [alert] = alerts(session)
    assert alert.email_status == "failed" and "Could not reach" in alert.email_error
    login_as("safeguarding")
    assert "Not sent" in client.get(f"/staff/alerts/{alert.id}").text
    with fake_smtp() as (port, box):
        app.config["SMTP_PORT"] = port
        result = runner.invoke(args=["send-alert-emails"])
    assert result.exit_code == 0, result.output
    assert "1 alert email(s) sent, 0 failed" in result.output and len(box.messages) == 1
    session.expire_all()
    assert alerts(session)[0].email_status == "sent"


def test_a_refused_send_is_retried_with_the_next_alert(app, client, session, leads):
    slug = _survey(app, session)
    with fake_smtp(refuse=True) as (port, _box):
        app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=port)
        _flagged_answer_through_the_pages(client, slug)
    session.expire_all()
    assert alerts(session)[0].email_status == "failed"
    with fake_smtp() as (port, box):
        app.config["SMTP_PORT"] = port
        _flagged_answer_through_the_pages(
            app.test_client(), slug, "he touches me and says its a secret"
        )
    [message] = box.messages  # the waiting alert goes in the same email as the new one
    assert "2 new safeguarding alerts" in message["data"]
    session.expire_all()
    assert [a.email_status for a in alerts(session)] == ["sent", "sent"]


def test_the_cli_says_when_sending_fails(app, client, session, leads, runner):
    slug = _survey(app, session)
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=_free_port())
    _flagged_answer_through_the_pages(client, slug)
    result = runner.invoke(args=["send-alert-emails"])
    assert result.exit_code == 1 and "0 alert email(s) sent, 1 failed" in result.output


def test_without_smtp_nothing_is_sent_and_the_alert_says_so(app, client, session, leads):
    slug = _survey(app, session)
    _flagged_answer_through_the_pages(client, slug)
    session.expire_all()
    assert alerts(session)[0].email_status == "not_set_up"


def test_with_no_one_to_email_the_send_fails_visibly(app, session):
    from tests.alerts.factories import respond

    respond(session, open_survey(session), DISCLOSURE)
    session.commit()
    with fake_smtp() as (port, box):
        result = send_pending(session, {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": port})
    assert result.failed and not box.messages
    assert alerts(session)[0].email_error == NO_RECIPIENTS


def test_the_email_goes_after_the_childs_page_not_before(app, client, session, leads):
    slug = _survey(app, session)
    with fake_smtp() as (port, box):
        app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=port)
        with client.application.app_context():
            from feedback.extensions import db
            from feedback.surveys.models import Survey

            survey = db.session.query(Survey).filter_by(slug=slug).one()
            n = survey.questions.index(comment_question(survey)) + 1
        submission_id = begin(client, slug)
        page = post_answer(client, slug, n, submission_id, answer=DISCLOSURE)
        assert page.status_code == 303 and box.messages == []  # the child is not kept waiting
        page.close()
        assert len(box.messages) == 1


def test_a_burst_of_alerts_goes_in_one_email_with_their_count(app, session, leads):
    survey = open_survey(session)
    for words in (DISCLOSURE, "he touches me and says its a secret", "i want to die"):
        respond(session, survey, words)
    session.commit()
    raised = [a.id for a in alerts(session)]
    assert len(raised) >= 2
    with fake_smtp() as (port, box):
        app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=port)
        with app.test_request_context():
            result = send_pending(session, app.config)
    [message] = box.messages
    assert sorted(result.sent) == raised
    assert f"{len(raised)} new safeguarding alerts" in message["data"]
    assert all(f"Alert number: {i}" in message["data"] for i in raised)
    assert "boyfrend" not in message["data"] and "secret" not in message["data"]
