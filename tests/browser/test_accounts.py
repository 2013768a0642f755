"""An administrator disables and re-enables a member of staff from the accounts page,
in a real browser with axe checks; the disabled person is signed out at once."""

from __future__ import annotations

import pytest

from tests.browser.axe import assert_accessible
from tests.browser.test_privacy import sign_in, staff_member

pytestmark = pytest.mark.browser


def test_an_administrator_disables_and_enables_an_account(browser, live_server, live_app):
    admin_email, lead_email = staff_member(live_app, "admin"), staff_member(live_app, "lead")
    lead = browser.new_context().new_page()
    sign_in(lead, live_server, lead_email)
    admin = browser.new_context().new_page()
    sign_in(admin, live_server, admin_email)

    admin.get_by_role("link", name="Staff accounts: disable or enable").click()
    assert admin.locator("h1").inner_text() == "Staff accounts"
    assert_accessible(admin, "staff accounts")
    row = admin.locator("tr", has_text=lead_email)
    row.get_by_role("button", name="Disable").click()
    assert "account is now disabled" in admin.locator("main").inner_text()
    assert admin.locator("tr", has_text=lead_email).locator("td").nth(4).inner_text() == "Disabled"
    assert_accessible(admin, "staff accounts after disabling")

    lead.goto(live_server + "/staff/")
    assert "/staff/login" in lead.url  # signed out at once

    admin.locator("tr", has_text=lead_email).get_by_role("button", name="Enable").click()
    assert "account is now enabled" in admin.locator("main").inner_text()
    lead.goto(live_server + "/staff/")
    assert "/staff/login" in lead.url  # enabling does not sign the old session back in
    sign_in(lead, live_server, lead_email)
    assert lead.locator("h1").inner_text().startswith("Hello")
    lead.context.close()
    admin.context.close()
