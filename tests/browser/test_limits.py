"""A child who reaches a limit sees a kind, accessible page, and carries on afterwards."""

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.limits import public
from feedback.limits.counting import Rule
from feedback.surveys.models import Survey
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def tight_start_limit(live_app, monkeypatch):
    """Limits on, and no starts at all allowed from one device, for this test only."""
    monkeypatch.setitem(live_app.config, "RATELIMIT_ENABLED", True)
    monkeypatch.setitem(
        public.KINDS,
        "start",
        {"device": (Rule("browser-test-start", 0, 600),), "address": ()},
    )


def test_a_child_over_a_limit_sees_a_kind_page(page, live_server, live_app, tight_start_limit):
    with live_app.app_context():
        slug = db.session.scalar(select(Survey.slug).where(Survey.audience == "8-12"))
    page.goto(f"{live_server}/s/{slug}")
    page.locator("form button[type=submit]").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Please wait a few minutes"
    assert "Everything you have already sent is saved" in page.content()
    assert "Childline" in page.content()
    assert_accessible(page, "the limit page")
    page.get_by_role("link", name="Go to the start page").click()
    assert page.url.rstrip("/") == live_server
