"""Staff session safety in a real browser: the idle warning with "Stay signed in", and
two-step sign-in with an authenticator app."""

from __future__ import annotations

import re
import time

import pyotp
import pytest

from tests.browser.axe import assert_accessible
from tests.browser.test_privacy import sign_in, staff_member
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def _age_session(context, live_app, live_server, idle_seconds: float) -> None:
    """Make the server think this browser has been idle (its session cookie, re-signed)."""
    serializer = live_app.session_interface.get_signing_serializer(live_app)
    cookie = next(c for c in context.cookies() if c["name"] == "session")
    data = serializer.loads(cookie["value"])
    data["last_seen"] = time.time() - idle_seconds
    context.add_cookies([{"name": "session", "value": serializer.dumps(data), "url": live_server}])


def test_idle_warning_then_stay_signed_in(page, live_app, live_server):
    page.clock.install()
    sign_in(page, live_server, staff_member(live_app, "practitioner"))
    warning = page.get_by_role("alertdialog", name="Are you still there?")
    assert warning.is_hidden()

    _age_session(page.context, live_app, live_server, 28 * 60 + 30)
    page.clock.fast_forward("28:30")
    warning.wait_for(state="visible")
    assert re.search(r"\d+ (seconds|minute)", warning.inner_text())
    assert_accessible(page, "idle warning")

    with page.expect_response(lambda r: r.request.method == "POST") as kept:
        page.get_by_role("button", name="Stay signed in").click()
    assert kept.value.json()["seconds_left"] > 29 * 60
    warning.wait_for(state="hidden")
    page.reload()
    assert page.locator("h1").inner_text().startswith("Hello")


def test_turn_on_two_step_sign_in_then_sign_in_with_a_code(page, live_app, live_server):
    email = staff_member(live_app, "safeguarding")
    sign_in(page, live_server, email)
    page.get_by_role("link", name=re.compile(r"Test Safeguarding")).click()
    assert_accessible(page, "your account")
    page.get_by_role("link", name="Turn on two-step sign-in").click()
    assert page.get_by_role("img", name=re.compile("QR code")).is_visible()
    assert_accessible(page, "two-step enrolment")
    secret = page.locator(".totp-key").inner_text()
    page.get_by_label("Code from your authenticator app").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on").click()
    assert page.get_by_text("Two-step sign-in is on").first.is_visible()
    page.get_by_role("button", name="Sign out").click()

    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/staff/login/code")
    assert_accessible(page, "code step")
    # The next 30-second code: the one just used to turn it on cannot be used again.
    page.get_by_label("Code from your authenticator app").fill(
        pyotp.TOTP(secret).at(time.time() + 30)
    )
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/staff/")
    assert page.locator("h1").inner_text().startswith("Hello")


def test_change_password_page_is_accessible_and_allows_paste(page, live_app, live_server):
    sign_in(page, live_server, staff_member(live_app, "lead"))
    page.goto(live_server + "/staff/account/password")
    assert_accessible(page, "change password")
    page.get_by_label("New password", exact=True).focus()
    # Pasting from a password manager is not blocked: nothing cancels the paste event.
    cancelled = page.evaluate(
        """() => { const e = new ClipboardEvent('paste', {cancelable: true});
                   return !document.getElementById('new').dispatchEvent(e); }"""
    )
    assert cancelled is False
