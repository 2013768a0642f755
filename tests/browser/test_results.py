"""A participation lead reads every question's answers for a survey, then browses the
written answers; each screen is checked with axe."""

import re

import pytest

from tests.browser.axe import assert_accessible
from tests.browser.test_reports import sign_in_as_lead

pytestmark = pytest.mark.browser


def test_lead_reads_each_questions_answers_from_the_dashboard(page, live_server):
    sign_in_as_lead(page, live_server)
    page.goto(live_server + "/staff/dashboard/?period=365")
    page.get_by_role("link", name="Every question's answers").click()
    assert page.locator("h1").inner_text() == "Answers to each question"
    assert_accessible(page, "choosing what to see")

    page.get_by_role("link", name=re.compile("All surveys for Young people aged 13")).click()
    assert page.get_by_role("img", name=re.compile("How safe do you feel")).first.is_visible()
    assert page.locator("table.answers caption").first.is_visible()
    assert "period=365" in page.url
    assert_accessible(page, "every question's answers")

    page.get_by_label("Period").select_option("custom")
    page.get_by_role("button", name="Show").click()
    assert page.get_by_text("Enter a date as YYYY-MM-DD").first.is_visible()
    assert_accessible(page, "answers with a date problem")


def test_lead_browses_written_answers_with_filters(page, live_server):
    sign_in_as_lead(page, live_server)
    page.goto(live_server + "/staff/results/comments?period=365")
    assert page.locator("h1").inner_text() == "Written answers"
    assert page.locator("table.quotes tbody tr").count() >= 1
    assert_accessible(page, "written answers")

    page.get_by_label("Safeguarding").select_option("yes")
    page.get_by_role("button", name="Show").click()
    texts = page.locator("table.quotes tbody td:first-child").all_inner_texts()
    flags = page.locator("table.quotes tbody td:nth-child(6)").all_inner_texts()
    assert all("withheld" in t for t in texts) and set(flags) <= {"Flagged"}
    assert texts or page.get_by_text("No written answers match.").is_visible()
    page.get_by_label("Safeguarding").select_option("")
    page.get_by_label("Words in the answer").fill("zzzz-nothing")
    page.get_by_role("button", name="Show").click()
    assert page.get_by_text("No written answers match.").is_visible()
    assert_accessible(page, "written answers, none found")
