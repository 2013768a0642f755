"""Optional two-step sign-in with an authenticator app (TOTP)."""

import re

import pyotp
from sqlalchemy import select

from feedback.extensions import db
from feedback.staff import twofactor
from feedback.staff.audit import AuditEvent
from feedback.staff.models import User
from tests.conftest import login


def _turn_on(client) -> str:
    page = client.get("/staff/account/two-step").text
    assert 'src="data:image/svg+xml' in page  # the QR code is drawn here, not fetched
    secret = re.search(r'class="totp-key">([A-Z2-7]+)<', page).group(1)
    response = client.post("/staff/account/two-step", data={"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302
    return secret


def test_turning_on_two_step_then_signing_in_with_a_code(app, client, make_user):
    user = make_user("safeguarding")
    login(client, user)
    secret = _turn_on(client)
    client.post("/staff/logout")

    response = login(client, user)
    assert response.location.endswith("/staff/login/code")
    assert client.get("/staff/").status_code == 302  # not signed in yet
    wrong = client.post("/staff/login/code", data={"code": "000000"})
    assert wrong.status_code == 401 and "did not work" in wrong.text
    with app.app_context():  # the code just used on enrolment cannot be replayed
        db.session.get(User, user.id).totp_last_step -= 1
        db.session.commit()
    ok = client.post("/staff/login/code", data={"code": pyotp.TOTP(secret).now()})
    assert ok.status_code == 302 and ok.location.endswith("/staff/")
    assert client.get("/staff/").status_code == 200
    with app.app_context():
        actions = db.session.scalars(select(AuditEvent.action)).all()
    assert {"two_factor_on", "login_code_failed"} <= set(actions)


def test_a_code_cannot_be_used_twice(app, make_user):
    user = make_user("lead")
    with app.app_context():
        stored = db.session.get(User, user.id)
        stored.totp_secret = twofactor.new_secret()
        code = pyotp.TOTP(stored.totp_secret).now()
        assert twofactor.accept_code(stored, code)
        assert not twofactor.accept_code(stored, code)


def test_a_wrong_enrolment_code_leaves_two_step_off(app, client, login_as):
    user = login_as("lead")
    response = client.post("/staff/account/two-step", data={"code": "123456"})
    assert response.status_code == 422
    with app.app_context():
        assert db.session.get(User, user.id).totp_secret is None


def test_the_code_step_cannot_be_reached_without_the_password(client):
    response = client.post("/staff/login/code", data={"code": "123456"})
    assert response.status_code == 302 and response.location.endswith("/staff/login")


def test_turning_two_step_off_needs_a_current_code(app, client, make_user):
    user = make_user("lead")
    login(client, user)
    secret = _turn_on(client)
    refused = client.post("/staff/account/two-step/off", data={"code": "999999"})
    assert refused.status_code == 422
    with app.app_context():
        db.session.get(User, user.id).totp_last_step -= 1
        db.session.commit()
    ok = client.post("/staff/account/two-step/off", data={"code": pyotp.TOTP(secret).now()})
    assert ok.status_code == 302
    with app.app_context():
        assert db.session.get(User, user.id).totp_secret is None
