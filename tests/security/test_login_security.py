"""Staff sign-in security: back-off, timeouts, sign-out that really ends the session."""

import re
import time

import pytest
from flask import request
from sqlalchemy import select

from feedback.extensions import db
from feedback.staff.audit import AuditEvent
from feedback.staff.models import User
from tests.conftest import PASSWORD, login


def _fail(client, email):
    return client.post("/staff/login", data={"email": email, "password": "wrong" * 3})


@pytest.mark.ratelimit
def test_repeated_failures_back_off_the_same_for_real_and_unknown_accounts(client, make_user):
    user = make_user("lead")
    for email in (user.email, "nobody@example.org"):
        codes = [_fail(client, email).status_code for _ in range(6)]
        assert codes == [401] * 5 + [429], (email, codes)
    response = _fail(client, user.email)
    assert response.status_code == 429 and "Too many tries" in response.text
    # Even the right password waits out the back-off: guessing gains nothing.
    assert login(client, user).status_code == 429


@pytest.mark.ratelimit
def test_successful_sign_ins_do_not_count_towards_the_back_off(client, make_user):
    user = make_user("lead")
    for _ in range(7):
        assert login(client, user).status_code == 302
        client.post("/staff/logout")


def test_sign_out_ends_the_session_on_the_server(app, client, make_user):
    user = make_user("practitioner")
    login(client, user)
    stolen = client.get_cookie("session").value  # a copy someone kept
    client.post("/staff/logout")
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    response = thief.get("/staff/")
    assert response.status_code == 302 and "/staff/login" in response.location


def test_a_password_change_signs_out_other_sessions(app, client, make_user):
    user = make_user("lead")
    other = app.test_client()
    login(client, user)
    login(other, user)
    new = "a brand new passphrase 2026"
    response = client.post(
        "/staff/account/password",
        data={"current": PASSWORD, "new": new, "confirm": new},
    )
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 200  # this session carries on
    assert other.get("/staff/").status_code == 302  # the other one is over
    with app.app_context():
        assert db.session.get(User, user.id).check_password(new)


def test_new_passwords_need_twelve_characters_and_may_be_pasted(client, login_as):
    login_as("lead")
    page = client.get("/staff/account/password").text
    assert "onpaste" not in page and "At least 12 characters" in page
    short = client.post(
        "/staff/account/password", data={"current": PASSWORD, "new": "short", "confirm": "short"}
    )
    assert short.status_code == 422 and "at least 12 characters" in short.text


def _age_session(client, idle=0.0, since_sign_in=0.0):
    with client.session_transaction() as s:
        s["last_seen"] = time.time() - idle
        s["signed_in_at"] = time.time() - since_sign_in


def test_idle_sessions_end_after_thirty_minutes(app, client, login_as):
    login_as("lead")
    _age_session(client, idle=29 * 60)
    assert client.get("/staff/").status_code == 200  # and that use resets the clock
    _age_session(client, idle=31 * 60)
    response = client.get("/staff/")
    assert response.status_code == 302 and "/staff/login" in response.location
    page = client.get(response.location).text
    assert "signed out because the page was not used" in page
    with app.app_context():
        actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "session_expired" in actions


def test_sessions_end_after_twelve_hours_however_busy(client, login_as):
    login_as("lead")
    _age_session(client, idle=0, since_sign_in=12 * 3600 + 5)
    assert client.get("/staff/").status_code == 302


def test_asking_how_long_is_left_does_not_keep_the_session_alive(client, login_as):
    login_as("lead")
    _age_session(client, idle=10 * 60)
    left = client.get("/staff/session").get_json()["seconds_left"]
    assert 19 * 60 <= left <= 20 * 60
    assert client.get("/staff/session").get_json()["seconds_left"] <= left


def test_stay_signed_in_resets_the_idle_clock(client, login_as):
    login_as("lead")
    _age_session(client, idle=28 * 60)
    response = client.post("/staff/session", headers={"Accept": "application/json"})
    assert response.get_json()["seconds_left"] > 29 * 60
    no_js = client.post("/staff/session", data={"next": "/staff/account"})
    assert no_js.status_code == 302 and no_js.location.endswith("/staff/account")


def test_keep_alive_will_not_redirect_off_site(client, login_as):
    login_as("lead")
    for target in ("//evil.example", "https://evil.example/", "/\\evil.example"):
        response = client.post("/staff/session", data={"next": target})
        assert response.location.endswith("/staff/"), target


def test_staff_pages_carry_the_idle_warning_and_public_pages_do_not(client, login_as):
    assert "session-warning" not in client.get("/").text
    login_as("lead")
    page = client.get("/staff/").text
    assert 'id="session-warning"' in page and 'data-idle-seconds="1800"' in page
    assert re.search(r"/static/js/session-timeout\.(\w+\.)?js", page)


def test_inactive_accounts_lose_their_session(app, client, make_user):
    user = make_user("lead")
    login(client, user)
    with app.app_context():
        db.session.get(User, user.id).active = False
        db.session.commit()
    assert client.get("/staff/").status_code == 302


@pytest.mark.ratelimit
def test_behind_one_trusted_proxy_limits_count_each_visitor(tmp_path):
    from feedback import create_app
    from feedback.db import Model
    from tests.conftest import _config

    app = create_app(
        _config(
            tmp_path,
            f"sqlite:///{tmp_path / 'p.sqlite'}",
            RATELIMIT_ENABLED=True,
            TRUSTED_PROXIES=1,
        )
    )
    with app.app_context():
        Model.metadata.create_all(db.engine)
    app.add_url_rule("/whoami-for-test", "whoami", lambda: request.remote_addr)
    client = app.test_client()
    seen = client.get("/whoami-for-test", headers={"X-Forwarded-For": "6.6.6.6, 198.51.100.7"})
    assert seen.text == "198.51.100.7"  # the visitor as the one trusted proxy saw them
    # Each visitor the proxy reports is counted on its own: one visitor's failures back
    # off, and the same account may still be tried from another visitor's address.

    def attempt(visitor: str) -> int:
        return client.post(
            "/staff/login",
            data={"email": "same@x.org", "password": "wrong" * 3},
            headers={"X-Forwarded-For": visitor},
        ).status_code

    assert [attempt("203.0.113.1") for _ in range(6)] == [401] * 5 + [429]
    assert attempt("203.0.113.2") == 401
