"""What a child meets on a phone or tablet, and what the next person on the same device
sees: quick exit, unsent answers, Save and come back later, Start again, screens that
fit a phone with 44px targets. Chromium + axe, tablet (1024x768) and phone (390x844)."""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys.device import RESPONSE_COOKIE
from feedback.surveys.models import Response, Survey
from feedback.surveys.services import lowest_values
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser

TABLET = {"width": 1024, "height": 768}
PHONE = {"width": 390, "height": 844}
DEVICES = {"tablet": TABLET, "phone": PHONE}
VOICES = """
window.__spoken = [];
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
Object.defineProperty(window, "speechSynthesis", { value: {
  speak: function (u) { window.__spoken.push(u.text); }, cancel: function () {},
  getVoices: function () { return [{ name: "Test voice", lang: "en-GB" }]; } } });
"""
VOICES_LATER = """
window.__voices = [];
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
window.__synth = new EventTarget();
window.__synth.speak = function () {}; window.__synth.cancel = function () {};
window.__synth.getVoices = function () { return window.__voices; };
Object.defineProperty(window, "speechSynthesis", { value: window.__synth });
"""
SMALL_TARGETS = """() => Array.from(document.querySelectorAll("a[href], button, .choice label"))
  .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > 0)
  .map(e => { const r = e.getBoundingClientRect();
    return [e.className || e.tagName, e.textContent.trim().slice(0, 30), r.width, r.height]; })
  .filter(t => t[2] < 44 || t[3] < 44)"""
FIT = """() => {
  const rects = [...document.querySelectorAll(".choice label")].map(l => l.getBoundingClientRect());
  const field = document.querySelector("textarea");
  return {
    next: document.querySelector(".actions .next").getBoundingClientRect().bottom,
    lowest: Math.max(0, ...rects.map(r => r.bottom),
      field ? field.getBoundingClientRect().bottom : 0),
    rows: new Set(rects.map(r => Math.round(r.top))).size,
    height: window.innerHeight };
}"""
# The thank-you screen: its title, or (after a worrying answer) the help put first and the
# offer of someone to talk to, and every number to call for help now, without scrolling.
THANKS_FIT = """() => {
  const bottom = s => {
    const e = document.querySelector(s); return e ? e.getBoundingClientRect().bottom : 0; };
  return {
    first: document.querySelector("section.help-first") !== null,
    title: bottom("#thanks h1"),
    calls: Math.max(bottom(".help a[href='tel:08001111']"), bottom(".help a[href='tel:999']")),
    talk: bottom("form.talk button"),
    height: window.innerHeight };
}"""


def _slug(live_app, audience: str) -> str:
    with live_app.app_context():
        return db.session.scalar(
            select(Survey.slug).where(
                Survey.audience == audience, Survey.key != "", Survey.translation_of_id.is_(None)
            )
        )


def _shipped(live_app) -> list[tuple[str, str]]:
    with live_app.app_context():
        rows = db.session.execute(
            select(Survey.slug, Survey.language)
            .where(Survey.key != "", Survey.status == "open")
            .order_by(Survey.id)
        ).all()
    return [(slug, language) for slug, language in rows]


def _lowest_safety_answers(live_app, slug: str) -> dict[int, str]:
    """{question number: a lowest answer} for the survey's safety questions."""
    with live_app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
        return {
            n: sorted(lowest_values(q))[0]
            for n, q in enumerate(survey.questions, start=1)
            if lowest_values(q)
        }


def _targets_are_big(page) -> None:
    assert page.evaluate(SMALL_TARGETS) == [], page.url


def _start(page, live_server, slug: str) -> None:
    page.goto(f"{live_server}/s/{slug}")
    with page.expect_navigation():
        page.locator("form.start-form button").click()


def _next(page) -> None:
    with page.expect_navigation():
        page.locator(".actions button.next").click()


def _cookie(context):
    return next((c for c in context.cookies() if c["name"] == RESPONSE_COOKIE), None)


@pytest.mark.parametrize("screen", list(DEVICES))
def test_every_screen_fits_and_every_target_is_44px(page, live_server, live_app, screen):
    """Each shipped survey, every question: answers and Next without scrolling on a phone,
    faces on one row, and every link and button at least 44x44 (header and footer too).
    The lowest answer to a safety question puts help first on the next screen and on the
    thank-you screen: those fit too (the surveys without one end on the usual thank-you)."""
    page.set_viewport_size(DEVICES[screen])
    page.add_init_script(VOICES)  # speakers shown: the fullest screen
    for slug, _language in _shipped(live_app):
        lowest = _lowest_safety_answers(live_app, slug)
        page.goto(f"{live_server}/s/{slug}")
        _targets_are_big(page)
        assert_accessible(page, f"{slug} start on a {screen}")
        with page.expect_navigation():
            page.locator("form.start-form button").click()
        seen, n = set(), 0
        while page.locator("fieldset.question").count():
            n += 1
            kind = page.locator("fieldset.question").get_attribute("class").split("kind-")[1]
            help_first = any(m < n for m in lowest)  # from the screen after, to the end
            assert (page.locator("section.help-first").count() == 1) is help_first, page.url
            _targets_are_big(page)
            if screen == "phone":
                fit = page.evaluate(FIT)
                assert fit["next"] <= fit["height"] and fit["lowest"] <= fit["height"], (
                    page.url,
                    fit,
                )
                if kind.startswith("faces"):
                    assert fit["rows"] == 1, (page.url, fit)
            if kind not in seen or n - 1 in lowest:
                seen.add(kind)
                assert_accessible(page, f"{page.url} on a {screen}")
            if n in lowest:
                page.locator(f".choice input[value='{lowest[n]}']").check()
            _next(page)  # otherwise nothing chosen: moves on as a skip
        _targets_are_big(page)
        with page.expect_navigation():
            page.locator("#send").click()
        _targets_are_big(page)
        thanks = page.evaluate(THANKS_FIT)
        assert thanks["first"] is bool(lowest), (page.url, thanks)
        if screen == "phone":
            wanted = ("calls", "talk") if thanks["first"] else ("calls", "title")
            assert all(0 < thanks[w] <= thanks["height"] for w in wanted), (page.url, thanks)
        assert_accessible(page, f"{page.url} on a {screen}")


@pytest.mark.parametrize("screen", list(DEVICES))
def test_quick_exit_leaves_and_this_device_forgets(page, live_server, live_app, screen):
    page.set_viewport_size(DEVICES[screen])
    slug = _slug(live_app, "8-12")
    _start(page, live_server, slug)
    page.get_by_role("radio", name="Really bad").check()
    _next(page)
    assert _cookie(page.context) is not None
    exit_button = page.get_by_role("link", name=re.compile("^Exit this page"))
    box = exit_button.bounding_box()
    assert box["y"] + box["height"] <= 100  # at the top, where a hurried eye looks
    assert_accessible(page, f"question with the quick exit on a {screen}")
    exit_button.click()
    page.wait_for_url(re.compile(r"/today$"))
    assert page.title() == "Today" and "survey" not in page.content().lower()
    assert_accessible(page, "the neutral page")
    assert _cookie(page.context) is None
    page.go_back()  # replaced: Back goes to question 1, which now knows nothing
    expect(page).to_have_url(f"{live_server}/s/{slug}")
    assert "Welcome back" not in page.content()
    assert page.locator("input:checked").count() == 0


def test_shift_three_times_is_a_quick_exit(page, live_server, live_app):
    page.set_viewport_size(PHONE)
    _start(page, live_server, _slug(live_app, "13-18"))
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("A")  # typing a capital letter is not an exit
    page.keyboard.press("Shift")
    assert "/today" not in page.url
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(re.compile(r"/today$"))
    assert _cookie(page.context) is None


def test_quick_exit_without_javascript_is_a_plain_link(browser, live_server, live_app):
    context = browser.new_context(java_script_enabled=False, viewport=TABLET)
    page = context.new_page()
    try:
        _start(page, live_server, _slug(live_app, "parent"))
        assert _cookie(context) is not None
        page.get_by_role("link", name="Exit this page").click()
        assert page.url.endswith("/today") and _cookie(context) is None
    finally:
        context.close()


@pytest.mark.parametrize("screen", list(DEVICES))
def test_the_next_person_never_sees_unsent_answers(browser, live_server, live_app, screen):
    slug = _slug(live_app, "13-18")
    first = browser.new_context(viewport=DEVICES[screen])
    page = first.new_page()
    _start(page, live_server, slug)
    page.get_by_role("radio", name="Really bad").check()
    _next(page)
    assert _cookie(first)["expires"] == -1  # a browser-session cookie: gone when it closes
    kept = [c for c in first.cookies() if c["expires"] != -1]
    first.close()  # the browser is closed; the next person opens the link
    second = browser.new_context(viewport=DEVICES[screen])
    second.add_cookies(kept)
    page = second.new_page()
    page.goto(f"{live_server}/s/{slug}")
    assert "Welcome back" not in page.content()
    assert "we do not use your answers. We delete them after 30 days" in page.content()
    assert_accessible(page, f"start screen for the next person on a {screen}")
    second.close()


@pytest.mark.parametrize("screen", list(DEVICES))
def test_save_and_come_back_later_then_start_again(browser, live_server, live_app, screen):
    slug = _slug(live_app, "8-12")
    context = browser.new_context(viewport=DEVICES[screen])
    page = context.new_page()
    _start(page, live_server, slug)
    sid = page.locator("input[name=submission_id]").input_value()
    page.get_by_role("radio", name="Really bad").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save and come back later").click()
    expect(page.locator("h1")).to_have_text("Your answers are saved")
    assert_accessible(page, f"saved screen on a {screen}")
    _targets_are_big(page)
    assert _cookie(context)["expires"] > 0  # kept after the browser closes
    kept = [c for c in context.cookies() if c["expires"] != -1]
    context.close()
    context = browser.new_context(viewport=DEVICES[screen])
    context.add_cookies(kept)
    page = context.new_page()
    page.goto(f"{live_server}/s/{slug}")
    expect(page.locator(".notice")).to_contain_text("Welcome back")
    page.get_by_role("link", name="Carry on where I left off").click()
    expect(page.locator(".progress-text")).to_have_text("Question 2 of 11")
    page.get_by_role("link", name="Back").click()
    assert page.get_by_role("radio", name="Really bad").is_checked()
    page.goto(f"{live_server}/s/{slug}")
    with page.expect_navigation():
        page.get_by_role("button", name="Start again").click()
    assert page.locator("input:checked").count() == 0
    page.go_back()
    page.go_back()
    assert page.locator("input:checked").count() == 0 and "Welcome back" not in page.content()
    with live_app.app_context():
        gone = db.session.scalar(select(Response).where(Response.submission_id == sid))
        assert gone is None
    context.close()


def test_read_it_to_me_reads_the_help_box_and_needs_a_voice(page, live_server, live_app):
    page.set_viewport_size(PHONE)
    page.add_init_script(VOICES)
    slug = _slug(live_app, "4-7")
    _start(page, live_server, slug)
    first_label = page.locator(".choice label").first.bounding_box()
    speaker = page.locator(".speak").first.bounding_box()
    overlap = not (
        speaker["y"] >= first_label["y"] + first_label["height"]
        or speaker["x"] >= first_label["x"] + first_label["width"]
        or speaker["y"] + speaker["height"] <= first_label["y"]
    )
    assert not overlap  # the speaker is not on the answer's tap area
    page.locator("#answer-1").focus()
    page.keyboard.press("Tab")  # from the answers straight to Next: no stop per speaker
    assert page.evaluate("document.activeElement.classList.contains('next')")
    page.goto(f"{live_server}/s/{slug}/send")
    page.get_by_role("button", name=re.compile("^Send")).click()
    page.get_by_role("button", name="Read it to me").click()
    spoken = page.evaluate("window.__spoken")[-1]
    assert "Thank you" in spoken and "Childline 0800 1111" in spoken and "999" in spoken


def test_read_it_to_me_is_hidden_until_the_device_has_a_voice(page, live_server, live_app):
    page.add_init_script(VOICES_LATER)
    page.goto(f"{live_server}/s/{_slug(live_app, '4-7')}")
    read = page.locator(".read-aloud")
    page.evaluate("window.__synth.dispatchEvent(new Event('voiceschanged'))")
    expect(read).to_be_hidden()  # still no voice
    page.evaluate("window.__voices.push({name: 'x'})")
    page.evaluate("window.__synth.dispatchEvent(new Event('voiceschanged'))")
    expect(read).to_be_visible()


def test_starting_the_drawing_again_asks_first(page, live_server, live_app):
    page.set_viewport_size(TABLET)
    _start(page, live_server, _slug(live_app, "4-7"))
    while page.locator("canvas").count() == 0:
        _next(page)
    open_drawing = page.get_by_role("button", name="Or draw a picture")
    open_drawing.click()
    assert open_drawing.get_attribute("aria-expanded") == "true"
    box = page.locator("canvas").bounding_box()
    page.mouse.move(box["x"] + 40, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + 200, box["y"] + 120)
    page.mouse.up()
    drawing = page.locator("input[name=drawing]")
    expect(drawing).to_have_value(re.compile("^data:image/png"))
    clear = page.get_by_role("button", name="Start the drawing again")
    clear.click()
    sure = page.get_by_role("group", name="Rub out all of your drawing?")
    expect(sure).to_be_visible()
    assert clear.get_attribute("aria-expanded") == "true"
    assert_accessible(page, "asking before rubbing out a drawing")
    page.get_by_role("button", name="No, keep it").click()
    expect(sure).to_be_hidden()
    expect(drawing).to_have_value(re.compile("^data:image/png"))
    clear.click()
    page.get_by_role("button", name="Yes, rub it out").click()
    expect(drawing).to_have_value("")
    assert page.evaluate("document.activeElement.classList.contains('draw-clear')")


def test_without_javascript_nothing_offers_drawing(browser, live_server, live_app):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    try:
        _start(page, live_server, _slug(live_app, "4-7"))
        while page.locator("textarea").count() == 0:
            _next(page)
        assert "draw" not in page.locator("main").inner_text().lower()
        _targets_are_big(page)
    finally:
        context.close()


def test_the_skip_icon_mirrors_right_to_left(page, live_server, live_app):
    with live_app.app_context():
        urdu = db.session.scalar(select(Survey.slug).where(Survey.language == "ur"))
    _start(page, live_server, urdu)
    transform = page.locator(".skip > span[aria-hidden]").evaluate(
        "icon => getComputedStyle(icon).transform"
    )
    assert transform.startswith("matrix(-1")


def test_the_help_box_calls_the_service_by_tel_link(page, live_server, live_app):
    page.goto(f"{live_server}/s/{_slug(live_app, 'parent')}/thanks")
    call = page.locator(".help a[href='tel:01234567890']")
    expect(call).to_be_visible()
    assert call.inner_text().strip().endswith("01234 567890")


@pytest.mark.parametrize("screen", list(DEVICES))
def test_the_privacy_notice_leads_back_to_the_survey(page, live_server, live_app, screen):
    page.set_viewport_size(DEVICES[screen])
    _start(page, live_server, _slug(live_app, "8-12"))
    _next(page)
    question_two = page.url
    page.get_by_role("link", name="How we look after what you tell us").click()
    expect(page.locator("h1")).to_have_text("What happens to your answers")
    assert "survey_response" not in page.content()  # young people's words, not staff ones
    assert_accessible(page, f"privacy notice opened from a survey on a {screen}")
    page.get_by_role("link", name="Back to the survey").click()
    expect(page).to_have_url(question_two)
