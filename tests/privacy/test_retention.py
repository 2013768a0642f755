"""Every response gets a retention date; `flask purge-expired` removes what is past it."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from feedback.db import utcnow
from feedback.privacy.purge import purge_expired
from feedback.privacy.retention import describe_days
from feedback.staff.audit import AuditEvent
from feedback.surveys.models import Answer, Response
from feedback.surveys.services import record_answer, start_response
from tests.privacy.factories import named_survey, respond


def test_responses_get_a_retention_date_from_the_configured_period(app, session):
    app.config["RETENTION_DAYS"] = {**app.config["RETENTION_DAYS"], "responses": 100}
    survey = named_survey(session)
    unfinished = respond(session, survey, submit=False)
    sent = respond(session, survey)
    session.commit()
    assert abs(unfinished.retain_until - (unfinished.started_at + timedelta(days=30))) < timedelta(
        seconds=5
    )
    assert abs(sent.retain_until - (sent.submitted_at + timedelta(days=100))) < timedelta(seconds=5)


def test_purge_deletes_only_what_is_past_its_date_and_audits_without_content(session):
    survey = named_survey(session)
    old = respond(session, survey, name="Ava Example", words="private words")
    kept = respond(session, survey)
    old.retain_until = utcnow() - timedelta(days=1)
    session.commit()
    old_id = old.id

    result = purge_expired(session)
    session.commit()

    assert result.deleted["responses"] == 1
    assert session.get(Response, old_id) is None
    assert session.get(Response, kept.id) is not None
    assert session.scalar(select(func.count(Answer.id)).where(Answer.response_id == old_id)) == 0
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "purged"))
    assert event.target_type == "responses" and event.detail.startswith("1 deleted")
    assert "Ava" not in event.detail and "private" not in event.detail


def test_purge_expired_command(runner, session):
    survey = named_survey(session)
    respond(session, survey).retain_until = utcnow() - timedelta(minutes=1)
    session.commit()
    result = runner.invoke(args=["purge-expired"])
    assert result.exit_code == 0, result.output
    assert "responses: 1 deleted" in result.output
    assert "Purged 1 record(s)" in result.output
    again = runner.invoke(args=["purge-expired"])
    assert "Purged 0 record(s)" in again.output


def test_periods_are_described_in_plain_words():
    assert describe_days(730) == "2 years"
    assert describe_days(365) == "1 year"
    assert describe_days(30) == "30 days"
    assert describe_days(180) == "6 months"


def test_periods_come_from_the_environment(monkeypatch, tmp_path):

    from feedback.config import ConfigError, load_config

    monkeypatch.setenv("RETAIN_RESPONSES_DAYS", "365")
    monkeypatch.setenv("RETAIN_ALERTS_DAYS", "3650")
    days = load_config(tmp_path)["RETENTION_DAYS"]
    assert days["responses"] == 365 and days["alerts"] == 3650 and days["agreements"] == 2190
    monkeypatch.setenv("RETAIN_AGREEMENTS_DAYS", "forever")
    with pytest.raises(ConfigError, match="RETAIN_AGREEMENTS_DAYS"):
        load_config(tmp_path)


def test_purge_keeps_a_response_while_a_longer_kept_record_points_at_its_answer(session):
    """A safeguarding alert (here a stand-in table) keeps the comment it is about."""
    from sqlalchemy import Column, ForeignKey, Integer, Table

    from feedback.db import Model, UTCDateTime
    from feedback.extensions import db

    alerts = Table(
        "test_held_alerts",
        Model.metadata,
        Column("id", Integer, primary_key=True),
        Column("answer_id", ForeignKey("answers.id")),
        Column("retain_until", UTCDateTime),
    )
    try:
        alerts.create(db.engine)
        survey = named_survey(session)
        held, free = respond(session, survey), respond(session, survey)
        for response in (held, free):
            response.retain_until = utcnow() - timedelta(days=1)
        answer_id = next(a.id for a in held.answers if a.value)
        session.execute(
            alerts.insert().values(answer_id=answer_id, retain_until=utcnow() + timedelta(days=9))
        )
        session.commit()
        result = purge_expired(session)
        session.commit()
        assert result.deleted["responses"] == 1 and result.kept["responses"] == 1
        assert session.get(Response, held.id) is not None
        assert session.get(Response, free.id) is None
        # Once the alert itself has gone (its own purge), the response goes too.
        session.execute(alerts.delete())
        session.commit()
        again = purge_expired(session)
        assert again.deleted["responses"] == 1 and again.kept["responses"] == 0
    finally:
        session.rollback()
        alerts.drop(db.engine, checkfirst=True)
        Model.metadata.remove(alerts)


def test_an_answer_moves_an_unfinished_response_on_by_the_day_not_the_second(session):
    answer = record_answer
    survey = named_survey(session)
    response = start_response(session, survey)
    session.commit()
    first_date = response.retain_until
    first, second = survey.questions[:2]
    answer(session, response, first, skipped=True)
    session.commit()
    session.refresh(response)
    assert response.retain_until == first_date  # minutes later: the same day, no write

    ten_days_ago = utcnow() + timedelta(days=20)  # as if it began ten days ago
    response.retain_until = ten_days_ago
    session.commit()
    answer(session, response, first, skipped=True)
    session.commit()
    session.refresh(response)
    assert response.retain_until == ten_days_ago  # a changed answer adds no part

    answer(session, response, second, skipped=True)
    session.commit()
    session.refresh(response)
    assert abs(response.retain_until - (utcnow() + timedelta(days=30))) < timedelta(seconds=5)
