"""The audit log is append-only, in UTC, and records refusals."""

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DatabaseError

from feedback.extensions import db
from feedback.staff.audit import AuditEvent, record
from feedback.staff.models import User


def test_the_database_refuses_to_change_or_delete_audit_events(session):
    event = record(session, "login", target_type="user", target_id=1)
    session.commit()
    assert event.at.utcoffset().total_seconds() == 0
    for statement in (
        update(AuditEvent).values(detail="tampered"),
        update(AuditEvent).values(action="logout"),
        delete(AuditEvent),
    ):
        with pytest.raises(DatabaseError, match="append-only"):
            session.execute(statement)
        session.rollback()
    assert session.scalar(select(AuditEvent.detail)) == ""


def test_removing_a_staff_account_keeps_its_audit_events(session):
    user = User(email="gone@example.org", name="Gone", role="lead")
    user.set_password("long enough password")
    session.add(user)
    session.flush()
    record(session, "login", actor_id=user.id)
    session.commit()
    session.execute(text("DELETE FROM users WHERE id = :id"), {"id": user.id})
    session.commit()
    event = session.scalar(select(AuditEvent))
    assert event.action == "login" and event.actor_id is None


def test_a_refused_page_is_audited(app, client, login_as):
    user = login_as("practitioner")
    assert client.get("/staff/privacy/people").status_code == 403
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "denied"))
    assert event.actor_id == user.id and event.target_id == "privacy.people"


def test_admins_can_read_the_audit_log_and_reading_it_is_audited(app, client, login_as):
    admin = login_as("admin")
    page = client.get("/staff/audit")
    assert page.status_code == 200
    assert "signed in" in page.text and admin.name in page.text
    filtered = client.get("/staff/audit?action=login_failed&page=abc")
    assert filtered.status_code == 200 and "0 event(s)" in filtered.text
    with app.app_context():
        seen = db.session.scalars(
            select(AuditEvent.target_type).where(AuditEvent.action == "viewed")
        ).all()
    assert seen == ["audit_log", "audit_log"]


def test_only_admins_can_read_the_audit_log(client, login_as):
    login_as("lead")
    assert client.get("/staff/audit").status_code == 403
