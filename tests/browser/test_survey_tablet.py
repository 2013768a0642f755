"""Shared-tablet hand-back in a real browser: a worker locks the tablet to a survey, a
child answers, the tablet goes back to the welcome screen, and Back shows nothing."""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from feedback.demo import DEMO_PASSWORD
from feedback.extensions import db
from feedback.surveys.models import Response
from tests.browser.axe import assert_accessible
from tests.browser.survey_steps import assert_stored, take_survey

pytestmark = pytest.mark.browser
SECRET = "My big brother shouts at me"


def _hand_over(page, live_server, audience_title: str):
    page.set_viewport_size({"width": 768, "height": 1024})
    page.goto(live_server + "/staff/tablet")
    page.get_by_label("Email address").fill("worker@example.org")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert_accessible(page, "staff tablet page")
    page.get_by_role(
        "button", name=re.compile(f"Use on this tablet.*{re.escape(audience_title)}")
    ).click()
    assert page.url.endswith("/tablet")


def _no_answers_on_screen(page) -> None:
    assert page.locator("input:checked").count() == 0
    assert SECRET not in page.content()


def test_hand_back_returns_to_welcome_and_back_shows_no_answers(page, live_server, live_app):
    _hand_over(page, live_server, "How are things with your worker?")
    assert_accessible(page, "tablet welcome")
    assert page.get_by_role("link", name="Staff sign in").count() == 0
    page.get_by_role("link", name=re.compile("start", re.I)).click()
    sid, expected = take_survey(page, page.url, check=False)
    page.get_by_role("link", name="I have finished").click()
    assert page.url.endswith("/tablet")
    assert_stored(live_app, sid, expected)
    # The next child presses Back again and again: never an earlier answer.
    for _ in range(12):
        page.go_back()
        _no_answers_on_screen(page)
        page.wait_for_load_state()
        # History before the hand-over leads only to the sign-in page: the worker is out.
        assert page.get_by_role("button", name="Sign out").count() == 0
    page.reload()
    _no_answers_on_screen(page)
    # Nothing kept in the browser but the signed tablet cookie (and the empty session).
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert {c["name"] for c in page.context.cookies()} <= {"session", "survey_tablet"}


def test_idle_tablet_warns_then_goes_home_keeping_the_answers(page, live_server, live_app):
    page.clock.install()
    _hand_over(page, live_server, "Tell us what you think about your worker")
    page.get_by_role("link", name=re.compile("start", re.I)).click()
    page.locator("form.start-form button").click()
    sid = page.locator("input[name=submission_id]").input_value()
    page.locator(".choice label").first.click()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("^Next")).click()
    page.locator(".choice label").nth(2).click()  # chosen, but Next never pressed
    page.clock.fast_forward("02:01")
    warning = page.get_by_role("dialog", name="Are you still there?")
    expect(warning).to_be_visible()
    assert_accessible(page, "idle warning")
    page.get_by_role("button", name="I am still here").click()
    expect(warning).to_be_hidden()
    page.clock.fast_forward("02:01")
    expect(warning).to_be_visible()
    page.clock.fast_forward("01:30")  # well past the 3 minutes
    page.wait_for_url("**/tablet")
    page.go_back()
    _no_answers_on_screen(page)
    with live_app.app_context():
        response = db.session.scalar(select(Response).where(Response.submission_id == sid))
        assert response.status == "submitted" and len(response.answers) == 1
