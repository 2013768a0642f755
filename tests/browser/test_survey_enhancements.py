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
  speak: function (u) { window.__spoken.push(u.text); }, cancel: function () {},
  getVoices: function () { return [{ name: "Test voice", lang: "en-GB" }]; } } });
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


def test_a_lost_session_keeps_the_answer_on_screen_and_saves_it_next_time(
    page, live_server, live_app
):
    from playwright.sync_api import expect

    from feedback.surveys.models import Response

    page.goto(f"{live_server}/s/{_slug(live_app, '8-12')}")
    page.locator("form.start-form button").click()
    sid = page.locator("input[name=submission_id]").input_value()
    page.get_by_role("radio", name="Really good").check()
    page.context.clear_cookies(name="session")  # the session (and its CSRF token) is gone
    page.get_by_role("button", name=re.compile("^Next")).click()
    expect(page.locator(".error-summary")).to_contain_text("please press Next again")
    assert page.get_by_role("radio", name="Really good").is_checked()
    page.get_by_role("button", name=re.compile("^Next")).click()
    expect(page.locator(".progress-text")).to_have_text("Question 2 of 11")
    with live_app.app_context():
        response = db.session.scalar(select(Response).where(Response.submission_id == sid))
        assert [a.value for a in response.answers] == ["5"]


def test_a_child_can_draw_instead_of_writing(page, live_server, live_app):
    from playwright.sync_api import expect

    from feedback.surveys.drawing import is_drawing
    from feedback.surveys.models import Response
    from tests.browser.axe import assert_accessible

    page.set_viewport_size({"width": 768, "height": 1024})
    page.goto(f"{live_server}/s/{_slug(live_app, '4-7')}")
    page.locator("form.start-form button").click()
    sid = page.locator("input[name=submission_id]").input_value()
    while page.locator("canvas").count() == 0:
        with page.expect_navigation():
            page.get_by_role("button", name="Skip").click()
    page.get_by_role("button", name="Or draw a picture").click()
    assert_accessible(page, "question with a drawing area")
    page.get_by_role("button", name="Red").click()
    assert page.get_by_role("button", name="Red").get_attribute("aria-pressed") == "true"
    box = page.locator("canvas").bounding_box()
    page.mouse.move(box["x"] + 40, box["y"] + 40)
    page.mouse.down()
    for step in range(1, 20):
        page.mouse.move(box["x"] + 40 + step * 15, box["y"] + 40 + step * 8)
    page.mouse.up()
    expect(page.locator("input[name=drawing]")).to_have_value(re.compile("^data:image/png"))
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("^Next")).click()
    page.get_by_role("link", name="Back").click()
    red_pixels = page.locator("canvas").evaluate(
        """canvas => new Promise(done => setTimeout(() => {
             const d = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
             let red = 0;
             for (let i = 0; i < d.length; i += 4) if (d[i] > 150 && d[i + 1] < 60) red++;
             done(red);
           }, 100))"""
    )
    assert red_pixels > 500  # the drawing is back on the canvas
    with live_app.app_context():
        response = db.session.scalar(select(Response).where(Response.submission_id == sid))
        drawn = [a for a in response.answers if a.drawing]
        assert len(drawn) == 1 and is_drawing(drawn[0].drawing) and drawn[0].value is None
