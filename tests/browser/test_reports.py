"""A participation lead records an action, leaves a quote out, and reads and downloads reports."""

import pytest

from feedback.demo import DEMO_PASSWORD
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


def sign_in_as_lead(page, live_server):
    page.goto(live_server + "/staff/login")
    page.get_by_label("Email address").fill("lead@example.org")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/staff/**")


def test_lead_records_an_action_and_leaves_a_quote_out(page, live_server):
    sign_in_as_lead(page, live_server)
    page.get_by_role("link", name="actions, quotes and reports").click()
    page.get_by_role("link", name="Actions (we did)").click()
    assert page.locator("h1").inner_text().startswith("Actions")
    assert_accessible(page, "actions list")

    page.get_by_role("link", name="Record an action", exact=True).click()
    page.get_by_label("Principle").select_option("4")
    page.get_by_label("Theme (optional)").select_option("Meetings")
    page.get_by_role("button", name="Suggest what we heard").click()
    assert_accessible(page, "new action")
    page.get_by_label("You told us").fill("Meetings were at school, in front of friends.")
    page.get_by_label("What we did or will do").fill(
        "We moved your placement review meetings out of school time."
    )
    page.get_by_label("Owner").fill("Reviewing team")
    page.get_by_label("In progress").check()
    page.get_by_label("In the board report only").check()
    page.get_by_role("button", name="Save action").click()
    assert page.get_by_text("Action saved.").is_visible()
    assert page.get_by_text("Advice on the words").first.is_visible()  # never blocks saving
    assert_accessible(page, "saved action with advice")

    page.get_by_role("link", name="Comments to quote").click()
    assert_accessible(page, "comments to quote")
    page.get_by_role("button", name="Leave it out").first.click()
    assert page.get_by_text("Left out of quotes.").is_visible()
    page.get_by_role("button", name="Quote it again").first.click()
    assert page.get_by_text("May be quoted again.").is_visible()


@pytest.mark.parametrize(
    ("edition", "heading"),
    [
        ("Children and families (Easy Read)", "Your information"),
        ("Managers and board", "Principle 6: Your right to information"),
    ],
)
def test_lead_reads_each_edition_on_screen(page, live_server, edition, heading):
    sign_in_as_lead(page, live_server)
    page.goto(live_server + "/staff/reports/")
    assert_accessible(page, "reports")
    page.get_by_role("radio", name=edition).check()
    page.get_by_role("button", name="Read on screen").click()
    assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    # A published demo action, in its own words.
    assert page.get_by_text(
        "We reply to every call or message within two working days."
    ).is_visible()
    assert_accessible(page, f"{edition} on screen")


def test_lead_downloads_the_pdf_and_csv(page, live_server):
    sign_in_as_lead(page, live_server)
    page.goto(live_server + "/staff/reports/")
    with page.expect_download() as pdf:
        page.get_by_role("button", name="Download PDF").click()
    assert pdf.value.suggested_filename.startswith("you-told-us-we-did-family-")
    with page.expect_download() as table:
        page.get_by_role("button", name="Download responses (CSV)").click()
    assert table.value.suggested_filename.endswith(".csv")
    page.get_by_label("From", exact=True).fill("2026-06-01")
    page.get_by_label("To", exact=True).fill("2026-01-01")
    page.get_by_role("button", name="Read on screen").click()
    assert page.get_by_text("There is a problem").is_visible()
    assert page.get_by_text("The end date must be on or after the start date.").first.is_visible()
    assert_accessible(page, "reports with an error")
