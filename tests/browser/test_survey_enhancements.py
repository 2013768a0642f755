"""JavaScript only enhances: the survey works with it switched off, and "Read it to me"
appears only where the browser can speak."""

import re

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys.models import Survey
from tests.browser.survey_steps import assert_stored, take_survey

pytestmark = pytest.mark.browser

FAKE_SPEECH = """
window.__spoken = [];
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
Object.defineProperty(window, "speechSynthesis", { value: {
  speak: function (u) { window.__spoken.push(u.text); }, cancel: function () {} } });
"""
NO_SPEECH = "Object.defineProperty(window, 'speechSynthesis', { value: undefined });"


def _slug(live_app, audience: str) -> str:
    with live_app.app_context():
        return db.session.scalar(
            select(Survey.slug).where(Survey.audience == audience, Survey.key != "")
        )


def test_whole_survey_works_with_javascript_off(browser, live_server, live_app):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        sid, expected = take_survey(
            page, f"{live_server}/s/{_slug(live_app, 'parent')}", check=False, skip=3
        )
        assert page.locator(".read-aloud").is_hidden()
        assert_stored(live_app, sid, expected)
    finally:
        context.close()


def test_read_it_to_me_reads_the_question_and_each_answer(page, live_server, live_app):
    page.add_init_script(FAKE_SPEECH)
    page.goto(f"{live_server}/s/{_slug(live_app, '4-7')}")
    page.locator("form.start-form button").click()
    page.get_by_role("button", name="Read it to me").click()
    spoken = page.evaluate("window.__spoken")
    assert spoken[-1].startswith("How do you feel when your worker comes to see you?")
    assert "Happy" in spoken[-1] and "Sad" in spoken[-1]
    page.get_by_role("button", name="Read this answer: Sad").click()
    assert page.evaluate("window.__spoken")[-1] == "Sad"
    assert not page.get_by_role("radio", name="Sad").is_checked()  # reading is not choosing


def test_read_it_to_me_is_hidden_where_the_browser_cannot_speak(page, live_server, live_app):
    page.add_init_script(NO_SPEECH)
    page.goto(f"{live_server}/s/{_slug(live_app, '4-7')}")
    page.locator("form.start-form button").click()
    assert page.get_by_role("button", name=re.compile("Read")).count() == 0
