"""A participation lead builds a survey, previews it, opens it; a family answers it."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from feedback.demo import DEMO_PASSWORD
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


def sign_in(page, base: str, email: str = "lead@example.org") -> None:
    page.goto(base + "/staff/login")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_lead_builds_previews_and_opens_a_survey_that_a_family_answers(page, browser, live_server):
    title = f"Meetings survey {uuid.uuid4().hex[:6]}"
    sign_in(page, live_server)
    page.get_by_role("link", name="Build and manage surveys").click()
    assert page.locator("h1").inner_text() == "Surveys"
    assert_accessible(page, "builder: survey list")

    page.get_by_role("link", name="Make a new survey").click()
    assert_accessible(page, "builder: new survey")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Who is it for?").select_option("8-12")
    page.get_by_role("button", name="Make the survey").click()
    assert page.locator("h1").inner_text() == title
    assert_accessible(page, "builder: empty survey")

    # From the question bank, filtered by principle.
    page.get_by_role("link", name="Add from the question bank").click()
    page.get_by_label("Principle").select_option("3")
    page.get_by_role("button", name="Show questions").click()
    assert_accessible(page, "builder: question bank")
    page.get_by_role(
        "button", name=re.compile(r"^Add this\s+question: How well does your worker listen")
    ).click()

    # A new question in words that the checker will advise on (saving is not blocked).
    page.get_by_role("link", name="Write a new question").click()
    assert_accessible(page, "builder: new question")
    page.get_by_label("Question", exact=True).fill(
        "Where do you like to have contact with your siblings?"
    )
    page.get_by_label("Kind of answer").select_option("single")
    page.get_by_label("Principle").select_option("4")
    page.get_by_label("Answer 1 words").fill("At home")
    page.get_by_label("Answer 1 emoji").fill("🏠")
    page.get_by_label("Answer 2 words").fill("At the park")
    page.get_by_label("Answer 2 emoji").fill("🌳")
    page.get_by_role("button", name="Save the question").click()
    advice = page.locator(".question-item").nth(1).locator(".advice")
    assert "brothers and sisters" in advice.inner_text()
    assert "family time" in advice.inner_text()
    assert_accessible(page, "builder: survey with advice")

    # Reword it as advised, then put it first with the Up button.
    page.get_by_role("link", name="Change question 2").click()
    assert_accessible(page, "builder: change question")
    page.get_by_label("Question", exact=True).fill(
        "Where do you like to see your brothers and sisters?"
    )
    page.get_by_role("button", name="Save the question").click()
    assert page.locator(".question-item").nth(1).locator(".advice").count() == 0
    page.get_by_role("button", name="Move up question 2").click()
    texts = page.locator(".question-item .q-text").all_inner_texts()
    assert texts == [
        "Where do you like to see your brothers and sisters?",
        "How well does your worker listen to you?",
    ]

    page.get_by_role("link", name="Change the title and these words").click()
    assert_accessible(page, "builder: words")
    page.get_by_label("Thank-you words").fill("Thank you. We will tell you what we change.")
    page.get_by_role("button", name="Save the words").click()

    # Preview in a tablet frame: the real screens, nothing stored.
    page.get_by_role("link", name="Preview on a tablet").click()
    assert_accessible(page, "builder: preview")
    frame = page.frame_locator("iframe")
    assert frame.locator("h1").inner_text() == title
    frame.get_by_role("button", name="Start").click()
    expect(frame.locator("h1")).to_contain_text("brothers and sisters")
    frame.get_by_role("radio", name="At the park").check()
    frame.get_by_role("button", name="Next").click()
    expect(frame.locator("h1")).to_contain_text("listen")
    page.get_by_role("link", name=f"Back to {title}").click()

    for link, name in (("Duplicate", "duplicate"), ("Make a translation", "translate")):
        page.get_by_role("link", name=link, exact=True).click()
        assert_accessible(page, f"builder: {name}")
        page.go_back()

    page.get_by_role("button", name="Open the survey").click()
    assert page.get_by_text("The survey is open.").is_visible()
    assert_accessible(page, "builder: open survey")
    link = page.locator("dt:has-text('Link for families') + dd a").inner_text()

    # Someone else, on their own phone, answers it.
    family = browser.new_context()
    phone = family.new_page()
    phone.goto(link)
    assert phone.locator("h1").inner_text() == title
    phone.get_by_role("button", name="Start").click()
    expect(phone.locator("h1")).to_contain_text("brothers and sisters")
    phone.get_by_role("radio", name="At home").check()
    phone.get_by_role("button", name="Next").click()
    expect(phone.locator("h1")).to_contain_text("listen")
    phone.get_by_role("radio", name="Good", exact=True).check()
    phone.get_by_role("button", name="Next").click()
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_text("Thank you. We will tell you what we change.")).to_be_visible()
    family.close()

    page.goto(live_server + "/staff/surveys/")
    row = page.locator("tr", has=page.get_by_role("link", name=title))
    assert row.locator("td").nth(5).inner_text() == "1"
