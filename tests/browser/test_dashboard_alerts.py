"""A participation lead reads the dashboard and moves a comment; the safeguarding lead
reads an alert and records what was done. Each screen is checked with axe."""

import pytest
from sqlalchemy import select

from feedback.demo import DEMO_PASSWORD
from feedback.extensions import db
from feedback.surveys.models import Answer, Survey
from tests.alerts.factories import respond
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser
POLISH = "Mój ojczym mnie bije i nie chcę wracać do domu"


@pytest.fixture
def polish_comment(live_app):
    """A sent comment in Polish (added once to the shared demo data)."""
    with live_app.app_context():
        if db.session.scalar(select(Answer.id).where(Answer.value == POLISH)) is None:
            survey = db.session.scalar(
                select(Survey).where(
                    Survey.audience == "13-18",
                    Survey.status == "open",
                    Survey.translation_of_id.is_(None),
                )
            )
            respond(db.session, survey, POLISH)
            db.session.commit()


def sign_in(page, live_server, email: str) -> None:
    page.goto(live_server + "/staff/login")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/staff/**")


def test_lead_reads_the_dashboard_filters_it_and_moves_a_comment(page, live_server):
    sign_in(page, live_server, "lead@example.org")
    page.get_by_role("link", name="Dashboard", exact=True).click()
    assert page.locator("h1").inner_text() == "What children and families told us"
    assert page.get_by_role("img", name="Score for each principle, 0 to 100").is_visible()
    assert page.locator("table.scores caption").inner_text().startswith("Principle scores")
    assert_accessible(page, "dashboard")

    page.get_by_label("Period").select_option("custom")
    page.get_by_label("From (for dates you choose)").fill("2026-05-01")
    page.get_by_label("To (for dates you choose)").fill("2026-04-01")
    page.get_by_role("button", name="Show").click()
    assert page.get_by_text("The end date must be on or after the start date.").first.is_visible()
    assert_accessible(page, "dashboard with a date problem")

    page.get_by_label("Period").select_option("365")
    page.get_by_label("From (for dates you choose)").fill("")
    page.get_by_label("To (for dates you choose)").fill("")
    page.get_by_label("Who answered").select_option("13-18")
    page.get_by_role("button", name="Show").click()
    page.get_by_text("Responses per month as a table").click()
    assert page.locator("details.chart-table table").first.is_visible()
    # A theme's page keeps the dashboard's period and audience: everyone, to find comments.
    page.get_by_label("Who answered").select_option("")
    page.get_by_role("button", name="Show").click()

    page.get_by_role("link", name="Being kept informed").click()
    assert_accessible(page, "a theme's comments")
    page.get_by_label("Move comment 1 to").select_option("Plans")
    page.get_by_role("button", name="Move comment 1").click()
    assert page.get_by_text("Moved the comment.").is_visible()


def test_safeguarding_lead_works_an_alert_assigns_notes_closes_and_reopens(
    page, live_server, polish_comment
):
    sign_in(page, live_server, "safeguarding@example.org")
    nav = page.get_by_role("navigation", name="Staff")
    waiting = int(nav.locator(".alert-count .count").inner_text())
    assert waiting >= 1
    nav.get_by_role("link", name="Safeguarding alerts").click()
    polish = page.locator("tr", has_text="Written in Polish")
    assert polish.locator('[lang="pl"]').inner_text().startswith("Mój ojczym")
    assert_accessible(page, "alert queue")
    page.locator("tr.open th a").first.click()
    assert page.locator("blockquote.alert-comment").is_visible()
    assert page.get_by_role("table", name="Every answer in this response").is_visible()
    assert_accessible(page, "one alert")

    page.get_by_label("Give this alert to").select_option(index=0)
    page.get_by_role("button", name="Give it to them").click()
    assert page.get_by_text("is now with").is_visible()
    page.get_by_label("Add a note").fill("Rang the school: the child is in today.")
    page.get_by_role("button", name="Add the note").click()
    assert page.get_by_text("Rang the school: the child is in today.").is_visible()

    page.get_by_role("button", name="Close the alert").click()
    assert page.get_by_text("Choose an outcome.").first.is_visible()
    assert_accessible(page, "alert with a missing outcome")
    page.get_by_label("Talked with the worker").check()
    page.get_by_label("What was done").fill("Called the duty social worker; visit today.")
    page.get_by_role("button", name="Close the alert").click()
    assert page.get_by_text("Closed alert").is_visible()
    assert int(nav.locator(".alert-count .count").inner_text()) == waiting - 1
    assert_accessible(page, "a closed alert")

    page.get_by_label("Why open it again").fill("The worker rang back with more.")
    page.get_by_role("button", name="Open it again").click()
    assert page.get_by_text("Opened alert").is_visible()
    assert int(nav.locator(".alert-count .count").inner_text()) == waiting
    history = page.locator("ol.alert-history")
    for words in ("gave it to", "Rang the school", "Talked with the worker", "rang back"):
        assert words in history.inner_text()


def test_lead_reads_comments_marks_one_read_and_raises_an_alert_by_hand(
    page, live_server, polish_comment
):
    sign_in(page, live_server, "lead@example.org")
    nav = page.get_by_role("navigation", name="Staff")
    unread = int(nav.locator("a", has_text="Comments to read").locator(".count").inner_text())
    assert unread >= 2
    nav.get_by_role("link", name="Comments to read").click()
    assert page.locator("h1").inner_text() == "Comments to read"
    polish = page.locator("li", has_text="written in Polish")
    assert polish.locator('blockquote[lang="pl"]').inner_text().startswith("Mój ojczym")
    assert_accessible(page, "comments to read")

    page.get_by_role("button", name="Mark comment 1 read").click()
    assert page.get_by_text("Marked read.").is_visible()
    assert int(nav.locator("a", has_text="Comments to read").locator(".count").inner_text()) == (
        unread - 1
    )

    page.get_by_text("Raise an alert about comment 1", exact=True).click()
    page.get_by_role("button", name="Raise the alert").first.click()
    assert page.get_by_text("Say why this comment worries you.").first.is_visible()
    assert_accessible(page, "comments to read with a missing reason")
    page.get_by_label("Why does comment 1 worry you?").fill(
        "It sounds like no one is there at night."
    )
    page.get_by_role("button", name="Raise the alert").first.click()
    assert page.get_by_text("it is with the safeguarding lead now").is_visible()

    page.get_by_role("link", name="Show comments already read").click()
    assert page.get_by_text("Read by").first.is_visible()
    assert_accessible(page, "comments already read")
