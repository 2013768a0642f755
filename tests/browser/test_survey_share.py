"""Staff share a survey: its short link and a printable poster with a QR code."""

import pytest

from feedback.demo import DEMO_PASSWORD
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


def test_staff_print_a_poster_with_a_qr_code(page, live_server, live_app, monkeypatch):
    # Posters print the configured public address (here, the test server's).
    monkeypatch.setitem(live_app.config, "PUBLIC_URL", live_server)
    page.goto(live_server + "/staff/share")
    page.get_by_label("Email address").fill("worker@example.org")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert_accessible(page, "share a survey")
    link = page.get_by_role("row", name="How are things with your worker?").get_by_role("link")
    short = link.first.inner_text()
    assert short.startswith(live_server + "/s/")
    page.get_by_role("link", name="Print the poster for How are things with your worker?").click()
    qr = page.get_by_role("img", name=f"QR code that opens {short}")
    assert qr.evaluate("img => img.decode().then(() => img.naturalWidth)") > 100
    assert page.get_by_text(short).is_visible()
    assert_accessible(page, "poster")
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden() and qr.is_visible()
    page.goto(short)  # the short link opens the survey's start screen
    assert page.locator("h1").inner_text() == "How are things with your worker?"
