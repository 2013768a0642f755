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
    page.get_by_role("checkbox", name=re.compile(re.escape(audience_title))).check()
    page.get_by_role("button", name="Use these on this tablet").click()
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
    # Nothing kept in the browser but the signed tablet cookie, the empty session, and
    # the sign-in limits' marker that this browser has signed in before (no names in it).
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    kept = {c["name"] for c in page.context.cookies()}
    assert kept <= {"session", "survey_tablet", "staff_browser", "survey_device"}


def test_idle_tablet_warns_then_goes_home_sending_nothing(page, live_server, live_app):
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
    page.wait_for_url("**/tablet?idle=1")
    assert page.get_by_role("link", name="Carry on where I left off").count() == 0
    page.go_back()
    _no_answers_on_screen(page)
    with live_app.app_context():  # kept as it was, never sent: only Send sends
        response = db.session.scalar(select(Response).where(Response.submission_id == sid))
        assert response.status == "in_progress" and len(response.answers) == 1


def test_a_visit_with_two_surveys_and_a_child_who_does_not_feel_safe(page, live_server, live_app):
    """The worker picks two surveys for a visit; a child taps the lowest face on "How
    safe do you feel where you live?": help comes first from the next screen on, the
    safeguarding lead's alert names the worker, and the child may ask for someone to talk."""
    page.goto(f"{live_server}/staff/tablet")
    page.get_by_label("Email address").fill("worker@example.org")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    for title in ("How are things with your worker?", "Tell us what you think about your worker"):
        page.get_by_role("checkbox", name=re.compile(re.escape(title))).check()
    page.get_by_role("button", name="Use these on this tablet").click()
    assert_accessible(page, "welcome with two surveys")
    page.get_by_role("link", name="Tell us what you think about your worker").click()
    page.locator("form.start-form button").click()
    while "How safe do you feel where you live?" not in page.locator("h1").inner_text():
        with page.expect_navigation():
            page.get_by_role("button", name=re.compile("Skip")).click()
    page.locator(".choice label", has_text="Really bad").click()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("^Next")).click()
    help_box = page.locator("section.help-first")
    expect(help_box).to_be_visible()
    assert help_box.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]
    assert_accessible(page, "question with help first")
    while page.locator("fieldset.question").count():
        with page.expect_navigation():
            page.get_by_role("button", name=re.compile("Skip")).click()
    page.get_by_role("button", name=re.compile("Send")).click()
    expect(page.get_by_role("heading", name="Do you want someone to talk to you about this?"))
    assert_accessible(page, "thank you, with the offer of someone to talk to")
    page.get_by_label("Your name, or how we can reach you").fill("Robin, Oak class")
    page.get_by_role("button", name="Send this to someone who can help").click()
    expect(page.get_by_text("We have passed this on")).to_be_visible()
    with live_app.app_context():
        from feedback.alerts.models import SafeguardingAlert

        alert = db.session.scalars(
            select(SafeguardingAlert).order_by(SafeguardingAlert.id.desc())
        ).first()
        assert alert.kind == "safety_answer" and alert.contact == "Robin, Oak class"
        assert alert.answer.response.worker_id is not None
