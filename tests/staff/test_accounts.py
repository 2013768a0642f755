"""Administrators disable and enable staff accounts from the accounts page; either ends
every session of the account, and an old session cookie never comes back to life. A
disabled, unknown or known account takes the same work to answer at sign-in."""

from __future__ import annotations

import pytest
from sqlalchemy import select

import feedback.staff.models
from feedback.extensions import db
from feedback.staff.audit import AuditEvent
from feedback.staff.models import User
from tests.conftest import PASSWORD, login


def _cookie(client, app) -> str:
    return client.get_cookie(app.config.get("SESSION_COOKIE_NAME", "session")).value


def _set_active(admin_client, user, active: bool):
    return admin_client.post(
        f"/staff/accounts/{user.id}", data={"active": "yes" if active else "no"}
    )


def test_disabling_signs_the_account_out_and_enabling_does_not_revive_old_cookies(app, make_user):
    admin, lead = make_user("admin"), make_user("lead")
    admin_client, lead_client = app.test_client(), app.test_client()
    assert login(admin_client, admin).status_code == 302
    assert login(lead_client, lead).status_code == 302
    assert lead_client.get("/staff/").status_code == 200
    old_cookie = _cookie(lead_client, app)

    page = admin_client.get("/staff/accounts")
    assert page.status_code == 200 and lead.email in page.text and "Disable" in page.text
    assert _set_active(admin_client, lead, False).status_code == 303
    assert lead_client.get("/staff/").status_code == 302  # signed out at once
    refused = login(app.test_client(), lead)
    assert refused.status_code == 401 and "do not match our records" in refused.text

    assert _set_active(admin_client, lead, True).status_code == 303
    revived = app.test_client()
    revived.set_cookie(app.config.get("SESSION_COOKIE_NAME", "session"), old_cookie)
    assert revived.get("/staff/").status_code == 302  # the old cookie stays dead
    assert login(app.test_client(), lead).status_code == 302  # the password works again

    with app.app_context():
        query = select(AuditEvent.action).where(AuditEvent.target_id == str(lead.id))
        actions = db.session.scalars(query.order_by(AuditEvent.id)).all()
    assert [a for a in actions if a.startswith("account_")] == [
        "account_disabled",
        "account_enabled",
    ]


def test_an_administrator_cannot_disable_their_own_account(app, make_user):
    admin = make_user("admin")
    client = app.test_client()
    login(client, admin)
    assert _set_active(client, admin, False).status_code == 409
    with app.app_context():
        assert db.session.get(User, admin.id).active


def test_a_bad_choice_or_unknown_account_is_a_clear_4xx(app, make_user):
    admin, lead = make_user("admin"), make_user("lead")
    client = app.test_client()
    login(client, admin)
    assert client.post(f"/staff/accounts/{lead.id}", data={"active": "maybe"}).status_code == 422
    assert client.post("/staff/accounts/99999", data={"active": "no"}).status_code == 404


@pytest.fixture
def hashes(monkeypatch):
    """Count the argon2 checks sign-in makes."""
    real = feedback.staff.models._hasher
    calls = []

    class Counting:
        def __getattr__(self, name):
            return getattr(real, name)

        def verify(self, hashed, password):
            calls.append(hashed)
            return real.verify(hashed, password)

    monkeypatch.setattr(feedback.staff.models, "_hasher", Counting())
    return calls


@pytest.mark.parametrize("who", ["unknown", "disabled", "known, wrong password", "known"])
def test_every_sign_in_runs_the_password_hash_once(app, make_user, hashes, who):
    user = make_user("lead", active=who != "disabled")
    email = "nobody@example.org" if who == "unknown" else user.email
    password = "not the password at all" if who.endswith("wrong password") else PASSWORD
    response = app.test_client().post("/staff/login", data={"email": email, "password": password})
    assert response.status_code == (302 if who == "known" else 401)
    assert len(hashes) == 1, who
