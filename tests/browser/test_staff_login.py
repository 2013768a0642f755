import pytest

from feedback.demo import DEMO_PASSWORD
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


def test_public_start_page_is_accessible(page, live_server):
    page.goto(live_server + "/")
    assert page.locator("h1").inner_text() == "Have your say"
    assert_accessible(page, "start page")


def test_staff_sign_in_and_out(page, live_server):
    page.goto(live_server + "/")
    page.get_by_role("link", name="Staff sign in").click()
    assert_accessible(page, "login")
    page.get_by_label("Email address").fill("lead@example.org")
    page.get_by_label("Password").fill("wrong password here")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_text("do not match our records").first.is_visible()
    assert_accessible(page, "login error")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert page.locator("h1").inner_text().startswith("Hello")
    assert_accessible(page, "staff home")
    page.get_by_role("button", name="Sign out").click()
    assert page.get_by_text("You have signed out").is_visible()
