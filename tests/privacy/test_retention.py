"""Every response gets a retention date; `flask purge-expired` removes what is past it."""

from datetime import timedelta

from sqlalchemy import func, select

from feedback.db import utcnow
from feedback.privacy.purge import purge_expired
from feedback.privacy.retention import describe_days
from feedback.staff.audit import AuditEvent
from feedback.surveys.models import Answer, Response
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
    import pytest

    from feedback.config import ConfigError, load_config

    monkeypatch.setenv("RETAIN_RESPONSES_DAYS", "365")
    monkeypatch.setenv("RETAIN_ALERTS_DAYS", "3650")
    days = load_config(tmp_path)["RETENTION_DAYS"]
    assert days["responses"] == 365 and days["alerts"] == 3650 and days["agreements"] == 2190
    monkeypatch.setenv("RETAIN_AGREEMENTS_DAYS", "forever")
    with pytest.raises(ConfigError, match="RETAIN_AGREEMENTS_DAYS"):
        load_config(tmp_path)
