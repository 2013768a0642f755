"""A child draws an answer on a phone and sends it; the participation lead sees the
drawing in "comments to read", marks it read and raises an alert by hand; the
safeguarding lead sees the drawing on the alert. Each staff screen is checked with axe."""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys.models import Survey
from tests.browser.axe import assert_accessible
from tests.browser.test_agreements import draw_with_finger
from tests.browser.test_dashboard_alerts import sign_in

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
LOADED = "img => img.complete && img.naturalWidth > 0"


def _slug_and_question(live_app) -> tuple[str, str]:
    with live_app.app_context():
        survey = db.session.scalar(
            select(Survey).where(
                Survey.audience == "4-7", Survey.key != "", Survey.translation_of_id.is_(None)
            )
        )
        return survey.slug, next(q.text for q in survey.questions if q.kind == "text")


def _child_draws_and_sends(browser, live_server, slug: str) -> None:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/s/{slug}")
        with page.expect_navigation():
            page.locator("form.start-form button").click()
        while page.locator("canvas").count() == 0:
            with page.expect_navigation():
                page.locator(".actions button.next").click()
        page.get_by_role("button", name="Or draw a picture").click()
        draw_with_finger(page, page.locator("canvas"))
        expect(page.locator("input[name=drawing]")).to_have_value(re.compile("^data:image/png"))
        with page.expect_navigation():
            page.locator(".actions button.next").click()
        page.goto(f"{live_server}/s/{slug}/send")
        with page.expect_navigation():
            page.get_by_role("button", name=re.compile("^Send")).click()
    finally:
        context.close()


def test_a_childs_drawing_is_read_by_the_lead_who_raises_an_alert(
    page, browser, live_server, live_app
):
    slug, question = _slug_and_question(live_app)
    alt = f"A drawing by a child, answer to: {question}"
    sign_in(page, live_server, "lead@example.org")
    nav = page.get_by_role("navigation", name="Staff")
    before = int(nav.locator("a", has_text="Comments to read").locator(".count").inner_text())

    _child_draws_and_sends(browser, live_server, slug)

    page.reload()
    after = int(nav.locator("a", has_text="Comments to read").locator(".count").inner_text())
    assert after == before + 1
    nav.get_by_role("link", name="Comments to read").click()
    drawing = page.get_by_role("img", name=alt).first
    expect(drawing).to_be_visible()
    assert drawing.evaluate(LOADED)  # the picture itself came back, not a broken image
    assert_accessible(page, "comments to read with a drawing")

    item = page.locator("ol.to-read > li", has=drawing)
    item.get_by_role("button", name=re.compile(r"^Mark drawing \d+ read$")).click()
    expect(page.get_by_text("Marked read.")).to_be_visible()
    assert int(nav.locator("a", has_text="Comments to read").locator(".count").inner_text()) == (
        before
    )

    page.get_by_role("link", name="Show comments already read").click()
    item = page.locator("ol.to-read > li", has=page.get_by_role("img", name=alt)).first
    expect(item.get_by_text("Read by")).to_be_visible()
    item.locator("summary").click()
    item.get_by_label(re.compile(r"^Why does drawing \d+ worry you\?$")).fill(
        "A small person alone in a dark room, crying."
    )
    assert_accessible(page, "raising an alert about a drawing")
    item.get_by_role("button", name="Raise the alert").click()
    raised = page.get_by_text(re.compile(r"Raised alert \d+"))
    expect(raised).to_be_visible()
    alert_id = re.search(r"Raised alert (\d+)", raised.inner_text()).group(1)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server, "safeguarding@example.org")
    page.goto(f"{live_server}/staff/alerts/{alert_id}")
    expect(page.get_by_role("heading", name="What they drew")).to_be_visible()
    shown = page.get_by_role("img", name=alt)
    expect(shown).to_be_visible()
    assert shown.evaluate(LOADED)
    assert_accessible(page, "an alert about a drawing")

    # Worked like any alert (and closed, so other tests' open-alert queue is as it was).
    page.get_by_label("Talked with the worker").check()
    page.get_by_label("What was done").fill("Asked the worker to visit and talk with the child.")
    page.get_by_role("button", name="Close the alert").click()
    expect(page.get_by_text(re.compile(r"Closed alert \d+"))).to_be_visible()
    expect(page.get_by_role("img", name=alt)).to_be_visible()
