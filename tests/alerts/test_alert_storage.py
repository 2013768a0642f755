"""Alerts are stored with their answer, in the same transaction, and cannot be undone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from feedback.alerts.models import SafeguardingAlert
from feedback.alerts.work import AlertStateError, close_alert
from feedback.analysis import store
from feedback.db import utcnow
from feedback.privacy.purge import purge_expired
from feedback.surveys import services
from feedback.surveys.models import Answer, Response
from tests.alerts.factories import (
    DISCLOSURE,
    HAPPY,
    alerts,
    comment_of,
    comment_question,
    count,
    open_survey,
    respond,
)


def test_a_flagged_comment_is_stored_with_its_alert(session):
    survey = open_survey(session)
    response = respond(session, survey, DISCLOSURE)
    session.commit()
    answer = comment_of(session, response)
    assert answer.flagged and answer.sentiment == "negative" and "Feeling safe" in answer.themes
    [alert] = alerts(session)
    assert (alert.answer_id, alert.survey_id, alert.comment) == (answer.id, survey.id, DISCLOSURE)
    assert alert.reasons and alert.is_open and alert.retain_until > utcnow() + timedelta(days=2000)


def test_a_plain_comment_is_analysed_once_and_raises_no_alert(session):
    response = respond(session, open_survey(session), HAPPY)
    session.commit()
    answer = comment_of(session, response)
    assert (answer.sentiment, answer.flagged) == ("positive", False)
    assert answer.polarity > 0 and "Being listened to" in answer.themes
    assert alerts(session) == []


def test_if_the_response_cannot_be_saved_there_is_no_alert(session):
    survey = open_survey(session)
    respond(session, survey, HAPPY).submission_id = "taken-id-0123456789"
    session.commit()
    with pytest.raises(IntegrityError):
        response = services.start_response(session, survey)
        services.record_answer(session, response, comment_question(survey), value=DISCLOSURE)
        response.submission_id = "taken-id-0123456789"  # the response's own insert fails
        session.flush()
    session.rollback()
    assert count(session, Response) == 1 and count(session, SafeguardingAlert) == 0
    assert [a.value for a in session.query(Answer).all()] == [HAPPY]


def _broken_alert(session, answer, reasons):
    session.add(SafeguardingAlert(answer_id=answer.id, comment="x", email_status="??"))
    session.flush()  # the database refuses it (check constraint)


def test_if_the_alert_cannot_be_saved_the_answer_is_not_saved_either(session, monkeypatch):
    survey = open_survey(session)
    response = services.start_response(session, survey)
    session.commit()

    monkeypatch.setattr(store, "raise_alert", _broken_alert)
    with pytest.raises(IntegrityError):
        services.record_answer(session, response, comment_question(survey), value=DISCLOSURE)
    session.rollback()
    assert count(session, Answer) == 0 and count(session, SafeguardingAlert) == 0
    assert count(session, Response) == 1


def test_the_same_words_twice_give_one_alert_and_new_words_another(session):
    survey = open_survey(session)
    response = respond(session, survey, DISCLOSURE, submit=False)
    question = comment_question(survey)
    services.record_answer(session, response, question, value=DISCLOSURE)
    services.record_answer(session, response, question, value="I am ok now")
    services.record_answer(session, response, question, value="my dad punched me last night")
    session.commit()
    assert [a.comment for a in alerts(session)] == [DISCLOSURE, "my dad punched me last night"]


def test_changing_a_flagged_answer_keeps_the_alert_with_the_first_words(session):
    survey = open_survey(session)
    response = respond(session, survey, DISCLOSURE, submit=False)
    services.record_answer(session, response, comment_question(survey), value="fine")
    session.commit()
    assert not comment_of(session, response).flagged
    assert [a.comment for a in alerts(session)] == [DISCLOSURE]


def test_closing_needs_words_and_happens_once(session, make_user):
    lead = make_user("safeguarding")
    respond(session, open_survey(session), DISCLOSURE)
    [alert] = alerts(session)
    with pytest.raises(ValueError):
        close_alert(session, alert, lead.id, "referred", "   ")
    close_alert(session, alert, lead.id, "referred", "Rang the child's social worker.")
    session.commit()
    with pytest.raises(AlertStateError):
        close_alert(session, alert, lead.id, "other", "Something else")
    assert not alert.is_open and alert.outcome == "referred"


def _refused(session, statement) -> None:
    with pytest.raises(DBAPIError, match="safeguarding alert"):
        session.execute(statement)
        session.flush()
    session.rollback()


def test_the_database_refuses_to_delete_an_alert_before_its_date(session):
    respond(session, open_survey(session), DISCLOSURE)
    session.commit()
    _refused(session, delete(SafeguardingAlert))
    _refused(session, text("DELETE FROM safeguarding_alerts"))
    assert count(session, SafeguardingAlert) == 1


def test_the_database_refuses_to_change_the_words_or_the_recorded_action(session, make_user):
    user = make_user("safeguarding")
    respond(session, open_survey(session), DISCLOSURE)
    [alert] = alerts(session)
    # Recorded before alerts could be worked (the old one-off "what was done").
    alert.acknowledged_at, alert.acknowledged_by_id = utcnow(), user.id
    alert.action_taken = "Told the duty team."
    session.commit()
    _refused(session, update(SafeguardingAlert).values(comment="something harmless"))
    _refused(session, update(SafeguardingAlert).values(action_taken="nothing"))
    _refused(session, update(SafeguardingAlert).values(acknowledged_at=None))
    session.execute(update(SafeguardingAlert).values(email_status="sent"))  # allowed
    session.commit()
    assert alerts(session)[0].action_taken == "Told the duty team."


def test_purge_removes_an_alert_only_after_its_date_and_keeps_its_response_till_then(session):
    response = respond(session, open_survey(session), DISCLOSURE)
    session.commit()
    later = utcnow() + timedelta(days=800)  # past the response's date, not the alert's
    result = purge_expired(session, now=later)
    session.commit()
    assert result.deleted["safeguarding_alerts"] == 0 and count(session, Response) == 1
    [alert] = alerts(session)
    alert.retain_until = utcnow() - timedelta(days=1)
    response.retain_until = utcnow() - timedelta(days=1)
    session.commit()
    purge_expired(session)
    session.commit()
    assert count(session, SafeguardingAlert) == 0 and count(session, Response) == 0


def test_the_same_words_sent_again_are_not_analysed_again(session, monkeypatch):
    """Back, then Next with the words unchanged: the analysis they have is kept."""
    survey = open_survey(session)
    response = services.start_response(session, survey)
    question = comment_question(survey)
    services.record_answer(session, response, question, value=HAPPY)
    session.commit()
    analysed = []
    real = store.analyse_comment
    monkeypatch.setattr(store, "analyse_comment", lambda text: analysed.append(text) or real(text))
    answer = services.record_answer(session, response, question, value=HAPPY)
    assert analysed == [] and answer.sentiment == "positive"
    services.record_answer(session, response, question, value="It is rubbish here")
    assert analysed == ["It is rubbish here"] and answer.sentiment == "negative"
