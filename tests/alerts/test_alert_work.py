"""Working an alert: assign, notes, close with an outcome, reopen; all kept and audited.
Closing as "no concern" returns the comment to themes, quotes and exports."""

from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from feedback.alerts.history import AlertEvent, AlertNote
from feedback.alerts.withheld import is_withheld
from feedback.alerts.work import add_note, close_alert, raise_by_hand, reopen_alert
from feedback.db import utcnow
from feedback.privacy.purge import purge_expired
from feedback.reports.export import WITHHELD, csv_lines
from feedback.reports.period import Period
from feedback.reports.queries import Filters
from feedback.staff.audit import AuditEvent
from tests.alerts.factories import DISCLOSURE, HAPPY, alerts, comment_of, open_survey, respond

MARCH = Filters(Period(date(2026, 3, 1), date(2026, 3, 31)))


@pytest.fixture
def one_alert(session):
    survey = open_survey(session)
    respond(session, survey, DISCLOSURE, scores={"worker_listens": "4"})
    session.commit()
    return alerts(session)[0]


def test_the_alert_shows_the_whole_response_survey_and_audience(client, login_as, one_alert):
    login_as("safeguarding")
    page = html.unescape(client.get(f"/staff/alerts/{one_alert.id}").text)
    assert "The whole response" in page and "(this alert)" in page
    assert "(for 13-18)" in page and one_alert.survey.title in page
    assert page.count("(skipped)") + page.count("(no answer)") < page.count("<tr")


def test_assign_note_close_and_reopen_are_kept_and_audited(
    client, login_as, make_user, session, one_alert
):
    lead = login_as("safeguarding")
    other = make_user("safeguarding", name="Sam Okafor")
    url = f"/staff/alerts/{one_alert.id}"
    assert client.post(url + "/assign", data={"assignee": other.id}).status_code == 303
    assert client.post(url + "/notes", data={"text": "Rang school."}).status_code == 303
    assert client.post(url + "/notes", data={"text": "Visit booked."}).status_code == 303
    closing = {"outcome": "referred", "note": "Referred to the front door."}
    assert client.post(url + "/close", data=closing).status_code == 303
    assert client.post(url + "/close", data=closing).status_code == 409
    assert client.post(url + "/reopen", data={"why": " "}).status_code == 422
    assert client.post(url + "/reopen", data={"why": "New information."}).status_code == 303
    assert client.post(url + "/reopen", data={"why": "Again"}).status_code == 409
    session.expire_all()
    alert = alerts(session)[0]
    assert alert.is_open and alert.outcome is None and alert.assigned_to_id == other.id
    kinds = session.scalars(select(AlertEvent.kind).order_by(AlertEvent.id)).all()
    assert kinds == ["assigned", "closed", "reopened"]
    notes = session.scalars(select(AlertNote.text).order_by(AlertNote.id)).all()
    assert notes == ["Rang school.", "Visit booked."]
    audited = session.scalars(
        select(AuditEvent.action).where(AuditEvent.actor_id == lead.id).order_by(AuditEvent.id)
    ).all()
    for action in ("alert_assigned", "alert_noted", "alert_closed", "alert_reopened"):
        assert action in audited
    page = html.unescape(client.get(url).text)
    for words in ("gave it to Sam Okafor", "Rang school.", "Referred", "New information."):
        assert words in page
    assert "With Sam Okafor" in page and "Close the alert" in page


def test_only_a_safeguarding_lead_or_admin_can_be_given_an_alert(
    client, login_as, make_user, one_alert
):
    login_as("safeguarding")
    lead = make_user("lead")
    response = client.post(f"/staff/alerts/{one_alert.id}/assign", data={"assignee": lead.id})
    assert response.status_code == 422


def test_closing_needs_a_known_outcome(client, login_as, one_alert):
    login_as("admin")
    data = {"outcome": "forgotten", "note": "x"}
    assert client.post(f"/staff/alerts/{one_alert.id}/close", data=data).status_code == 422


def _refused(session, statement) -> None:
    with pytest.raises(DBAPIError, match="history of a safeguarding alert"):
        session.execute(statement)
        session.flush()
    session.rollback()


def test_the_database_keeps_the_history_as_written(session, make_user, one_alert):
    user = make_user("safeguarding")
    add_note(session, one_alert, user.id, "Rang school.")
    close_alert(session, one_alert, user.id, "other", "Checked.")
    session.commit()
    _refused(session, update(AlertNote).values(text="nothing"))
    _refused(session, update(AlertEvent).values(outcome="no_concern"))
    _refused(session, delete(AlertNote))
    _refused(session, text("DELETE FROM alert_events"))
    one_alert.retain_until = utcnow() - timedelta(days=1)  # past its date: purge may go
    session.commit()
    purge_expired(session)
    session.commit()
    assert session.scalars(select(AlertNote)).all() == []
    assert session.scalars(select(AlertEvent)).all() == []


def test_no_concern_returns_the_comment_and_reopening_withholds_it(session, make_user):
    user = make_user("safeguarding")
    response = respond(session, open_survey(session), DISCLOSURE)
    session.commit()
    answer, alert = comment_of(session, response), alerts(session)[0]
    exported = "".join(csv_lines(session, MARCH))
    session.commit()  # the export streams on its own connection settings; start afresh
    assert is_withheld(session, answer) and WITHHELD in exported
    close_alert(session, alert, user.id, "referred", "Referred.")
    assert is_withheld(session, answer)
    reopen_alert(session, alert, user.id, "Wrong outcome.")
    close_alert(session, alert, user.id, "no_concern", "A story they read at school.")
    session.commit()
    exported = "".join(csv_lines(session, MARCH))
    session.commit()
    assert not is_withheld(session, answer) and WITHHELD not in exported
    reopen_alert(session, alert, user.id, "They wrote again.")
    assert is_withheld(session, answer)


def test_an_alert_raised_by_hand_withholds_an_unflagged_comment(session, make_user):
    user = make_user("lead")
    answer = comment_of(session, respond(session, open_survey(session), HAPPY))
    session.commit()
    assert not answer.flagged and not is_withheld(session, answer)
    raise_by_hand(session, answer, user.id, "I know this child; please check.")
    assert is_withheld(session, answer)


def test_the_theme_page_lists_a_comment_closed_as_no_concern(client, login_as, make_user, session):
    lead = make_user("safeguarding")
    recent = utcnow() - timedelta(days=1)  # theme pages show the last weeks by default
    answer = comment_of(session, respond(session, open_survey(session), DISCLOSURE, when=recent))
    session.commit()
    login_as("lead")
    themes = [f"/staff/dashboard/themes/{n}" for n in range(1, 12)]
    assert not any("boyfrend" in client.get(url).text for url in themes)
    close_alert(session, alerts(session)[0], lead.id, "no_concern", "Checked with the worker.")
    session.commit()
    assert answer.themes is not None
    assert any("boyfrend" in client.get(url).text for url in themes)
