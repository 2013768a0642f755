"""Safeguarding alerts under retention and people's rights: kept for their own period,
exported with the person's records, never erased by a rights request, and holding on to
the response they are about until they go."""

from datetime import timedelta

from sqlalchemy import select

from feedback.alerts.models import SafeguardingAlert
from feedback.db import utcnow
from feedback.privacy.purge import purge_expired
from feedback.surveys.models import Response
from tests.privacy.factories import named_survey, respond

WORRYING = "My dad hits me when he is angry and I am scared to go home"


def _person_with_an_alert(session):
    survey = named_survey(session)
    worrying = respond(session, survey, name="Sky Example", words=WORRYING)
    fine = respond(session, survey, name="Sky Example", words="My worker is kind")
    session.commit()
    alerts = session.scalars(select(SafeguardingAlert)).all()
    assert alerts and {a.comment for a in alerts} == {WORRYING}  # raised when stored
    return worrying, fine, alerts


def test_alerts_get_their_own_retention_date(session):
    _, _, alerts = _person_with_an_alert(session)
    for alert in alerts:
        kept_for = alert.retain_until - alert.raised_at
        assert abs(kept_for - timedelta(days=2190)) < timedelta(minutes=1)


def test_a_rights_request_exports_alerts_and_erasure_keeps_them(client, login_as, session):
    worrying, fine, alerts = _person_with_an_alert(session)
    login_as("admin")
    data = client.post("/staff/privacy/people/export.json", data={"name": "sky example"}).json
    assert [a["what_was_written"] for a in data["alerts"]] == [WORRYING] * len(alerts)

    done = client.post("/staff/privacy/people/erase", data={"name": "Sky Example", "confirm": "y"})
    assert done.status_code == 200
    assert "Erased: 1 responses, 0 agreements, 0 alerts" in done.text
    assert f"1 responses, {len(alerts)} alerts" in done.text  # kept, and said so
    session.expire_all()
    assert session.get(Response, fine.id) is None
    assert session.get(Response, worrying.id) is not None
    assert all(session.get(SafeguardingAlert, a.id).answer_id for a in alerts)


def test_a_lead_sees_no_alert_but_erasure_still_keeps_what_it_is_about(client, login_as, session):
    worrying, fine, alerts = _person_with_an_alert(session)
    login_as("lead")
    data = client.post("/staff/privacy/people/export.json", data={"name": "sky example"}).json
    assert data["alerts"] == [] and len(data["responses"]) == 2
    done = client.post("/staff/privacy/people/erase", data={"name": "Sky Example", "confirm": "y"})
    assert "Erased: 1 responses, 0 agreements, 0 alerts" in done.text
    assert "Kept because the law requires it, or a record we must keep needs it: 1 responses." in (
        done.text
    )
    session.expire_all()
    assert session.get(Response, fine.id) is None
    assert session.get(Response, worrying.id) is not None
    assert all(session.get(SafeguardingAlert, a.id) for a in alerts)


def test_purge_removes_an_alert_after_its_date_and_only_then_its_response(session):
    worrying, _, alerts = _person_with_an_alert(session)
    worrying.retain_until = utcnow() - timedelta(days=1)
    session.commit()
    first = purge_expired(session)
    session.commit()
    assert first.kept["responses"] == 1 and session.get(Response, worrying.id) is not None

    for alert in alerts:
        alert.retain_until = utcnow() - timedelta(days=1)
    session.commit()
    second = purge_expired(session)
    session.commit()
    assert second.deleted["safeguarding_alerts"] == len(alerts)
    assert second.deleted["responses"] == 1
    assert session.get(Response, worrying.id) is None
