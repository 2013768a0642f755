"""Each audience's survey, start to finish, on a tablet and on a phone, checked with
axe-core on every kind of screen, and then checked in the database."""

import re

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys.models import Survey
from tests.browser.axe import assert_accessible
from tests.browser.survey_steps import assert_stored, take_survey

pytestmark = pytest.mark.browser

TABLET = {"width": 768, "height": 1024}
PHONE = {"width": 360, "height": 740}
AUDIENCES = {
    "4-7": "I'm 4 to 7",
    "8-12": "I'm 8 to 12",
    "13-18": "I'm 13 to 18",
    "parent": "I'm a parent or carer",
}


def _slug(live_app, audience: str) -> str:
    with live_app.app_context():
        return db.session.scalar(
            select(Survey.slug).where(
                Survey.audience == audience, Survey.key != "", Survey.translation_of_id.is_(None)
            )
        )


@pytest.mark.parametrize("audience", list(AUDIENCES))
def test_complete_each_survey_on_a_tablet(page, live_server, live_app, audience):
    page.set_viewport_size(TABLET)
    page.goto(live_server + "/")
    card = page.locator(f'a[href="/s/{_slug(live_app, audience)}"]')
    assert AUDIENCES[audience] in card.inner_text()
    card.click()
    sid, expected = take_survey(page, page.url, check=True)
    assert_stored(live_app, sid, expected)


@pytest.mark.parametrize("audience", list(AUDIENCES))
def test_complete_each_survey_on_a_phone(page, live_server, live_app, audience):
    page.set_viewport_size(PHONE)
    start = f"{live_server}/s/{_slug(live_app, audience)}"
    sid, expected = take_survey(page, start, check=False, skip=1)
    assert_stored(live_app, sid, expected)


def test_error_state_is_announced_and_accessible(page, live_server, live_app):
    page.goto(f"{live_server}/s/{_slug(live_app, '8-12')}")
    page.locator("form.start-form button").click()
    # An answer that is not one of the choices (an old page, say): Next with nothing
    # chosen is a skip, not an error.
    page.locator("#answer-1").evaluate(
        "radio => { radio.value = 'not-a-choice'; radio.checked = true; }"
    )
    page.get_by_role("button", name=re.compile("^Next")).click()
    summary = page.locator(".error-summary")
    assert summary.is_visible() and "not one of the choices" in summary.inner_text()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.title().startswith("There is a problem")
    assert_accessible(page, "question with an error")
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "answer-1"


def test_back_keeps_answers_and_a_return_visit_carries_on(page, live_server, live_app):
    start = f"{live_server}/s/{_slug(live_app, '13-18')}"
    page.goto(start)
    page.locator("form.start-form button").click()
    page.get_by_role("radio", name="Good", exact=True).check()
    page.get_by_role("button", name=re.compile("^Next")).click()
    page.get_by_role("link", name="Back").click()
    assert page.get_by_role("radio", name="Good", exact=True).is_checked()
    assert not page.get_by_role("radio", name="Really good").is_checked()
    page.goto(start)  # they come back later on the same device
    assert_accessible(page, "start screen with carry on")
    page.get_by_role("link", name="Carry on where I left off").click()
    assert page.locator(".progress-text").inner_text() == "Question 2 of 11"


def test_every_screen_fits_320_pixels_with_big_touch_targets(page, live_server, live_app):
    """320 CSS pixels is what a 1280px screen shows at 400%, or a 640px one at 200%."""
    page.set_viewport_size({"width": 320, "height": 640})
    for audience in ("4-7", "8-12", "13-18"):
        page.goto(f"{live_server}/s/{_slug(live_app, audience)}")
        _fits(page)
        with page.expect_navigation():  # measure the next page, not one half-loaded
            page.locator("form.start-form button").click()
        while page.locator("fieldset.question").count():
            _fits(page)
            with page.expect_navigation():
                page.get_by_role("button", name=re.compile("Skip|rather not say")).click()
        _fits(page)
        with page.expect_navigation():
            page.get_by_role("button", name=re.compile("^Send")).click()
        _fits(page)


def _fits(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, page.url
    targets = page.locator(
        ".choice label, .speak, .actions .button, .back-link, .read-aloud, .pens .button, "
        "form .button, .help .button"
    )
    for i in range(targets.count()):
        box = targets.nth(i).bounding_box()
        if box:  # hidden ones (no speech, say) have none
            assert box["width"] >= 44 and box["height"] >= 44, (page.url, i)
