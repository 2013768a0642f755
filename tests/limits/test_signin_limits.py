"""Sign-in limits as OWASP advises: an attacker is slowed, the person with the right
password is not locked out. Counted in the database, so every worker sees them."""

from __future__ import annotations

import pyotp
import pytest

from feedback.extensions import db
from feedback.limits import guard, rules
from feedback.limits.counting import Rule
from feedback.staff.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.ratelimit


def _try(client, user, address: str, password: str = "wrong" * 3) -> int:
    response = client.post(
        "/staff/login",
        data={"email": user.email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )
    return response.status_code


@pytest.fixture
def clock(monkeypatch):
    """Time as the limits see it, moved on by hand (no sleeping)."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(guard, "now", lambda: now[0])
    return now


def test_an_attacker_on_one_address_does_not_lock_the_person_out(app, make_user, clock):
    user = make_user("lead")
    attacker, person = app.test_client(), app.test_client()
    assert [_try(attacker, user, "198.51.100.9") for _ in range(6)] == [401] * 5 + [429]
    assert _try(person, user, "203.0.113.5", PASSWORD) == 302  # another address: in


def test_the_right_password_works_again_from_the_same_address_after_a_pause(app, make_user, clock):
    user = make_user("lead")
    client = app.test_client()
    assert [_try(client, user, "198.51.100.9") for _ in range(6)] == [401] * 5 + [429]
    assert _try(client, user, "198.51.100.9", PASSWORD) == 429  # guessing gains nothing
    clock[0] += 10 * 60  # the five-minute back-off has passed
    assert _try(client, user, "198.51.100.9", PASSWORD) == 302


def test_guessing_from_many_addresses_is_slowed_but_a_trusted_browser_gets_in(
    app, make_user, clock
):
    user = make_user("lead")
    person = app.test_client()
    assert _try(person, user, "203.0.113.5", PASSWORD) == 302  # signed in here before
    person.post("/staff/logout")
    attacker = app.test_client()
    statuses = [_try(attacker, user, f"198.51.100.{n}") for n in range(31)]
    assert statuses == [401] * 30 + [429]  # a fresh address now waits too
    assert _try(app.test_client(), user, "192.0.2.1", PASSWORD) == 429
    assert _try(person, user, "203.0.113.5", PASSWORD) == 302  # the person's browser: in
    clock[0] += 2 * 3600  # and after a pause, from anywhere
    assert _try(app.test_client(), user, "192.0.2.1", PASSWORD) == 302


def test_a_trusted_browser_that_guesses_is_held_on_its_own(app, make_user, clock):
    user = make_user("lead")
    browser = app.test_client()
    assert _try(browser, user, "203.0.113.5", PASSWORD) == 302
    browser.post("/staff/logout")
    assert [_try(browser, user, "203.0.113.5") for _ in range(6)] == [401] * 5 + [429]
    assert _try(app.test_client(), user, "203.0.113.6", PASSWORD) == 302


def test_every_address_has_an_overall_limit_whichever_accounts_it_tries(
    app, make_user, clock, monkeypatch
):
    monkeypatch.setattr(rules, "SIGNIN_ADDRESS", (Rule("signin-address", 4, 60),))
    client = app.test_client()

    def attempt(email: str, address: str = "198.51.100.1") -> int:
        data = {"email": email, "password": "wrong" * 3}
        return client.post(
            "/staff/login", data=data, environ_base={"REMOTE_ADDR": address}
        ).status_code

    assert [attempt(f"n{n}@example.org") for n in range(5)] == [401] * 4 + [429]
    assert attempt("n9@example.org", "198.51.100.2") == 401  # another address: its own count
    clock[0] += 120
    assert attempt("n5@example.org") == 401


def test_wrong_two_step_codes_are_limited_per_account_from_any_address(app, make_user, clock):
    user = make_user("lead", totp_secret=pyotp.random_base32())
    statuses = []
    for n in range(11):
        client = app.test_client()  # a new browser and address each time
        address = f"198.51.100.{n}"
        assert _try(client, user, address, PASSWORD) == 302
        response = client.post(
            "/staff/login/code", data={"code": "000000"}, environ_base={"REMOTE_ADDR": address}
        )
        statuses.append(response.status_code)
    assert statuses == [401] * 10 + [429]
    with app.app_context():
        assert db.session.get(User, user.id).totp_last_step is None  # never got in
