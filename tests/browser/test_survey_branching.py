"""Branching, end to end: a lead asks "Tell us why not" only of children who answer No;
children answer on a phone both ways, Back follows the path each took, and the results
and exports count who was asked."""

import csv
import io
import re
import uuid

import openpyxl
import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.test_builder import sign_in

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
WHY = "Tell us why not"


def _write_question(page, text: str, kind: str) -> None:
    page.get_by_role("link", name="Write a new question").click()
    page.get_by_label("Question", exact=True).fill(text)
    page.get_by_label("Kind of answer").select_option(kind)
    page.get_by_label("Principle").select_option("3")
    page.get_by_role("button", name="Save the question").click()


def _build(page, base: str) -> tuple[str, str]:
    """Build and open the survey; returns its title and link for families."""
    title = f"Listening survey {uuid.uuid4().hex[:6]}"
    sign_in(page, base)
    page.goto(base + "/staff/surveys/new")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Who is it for?").select_option("8-12")
    page.get_by_role("button", name="Make the survey").click()
    _write_question(page, "Do you feel listened to?", "yesno")
    _write_question(page, WHY, "text")
    _write_question(page, "How do you feel today?", "faces3")

    page.get_by_role("link", name="When to ask question 2").click()
    assert_accessible(page, "builder: when to ask")
    group = page.get_by_role("group", name=re.compile("question 1"))
    group.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Save when to ask").click()
    when = page.locator(".question-item").nth(1).locator(".q-when")
    expect(when).to_contain_text("Asked only when the answer to question 1")
    expect(when).to_contain_text("No")
    assert_accessible(page, "builder: survey with a branch")

    # Moving "why not" above the answer it needs is refused, plainly.
    page.get_by_role("button", name="Move up question 2").click()
    expect(page.locator(".error-summary")).to_contain_text("has to come after it")
    assert_accessible(page, "builder: move refused")
    texts = page.locator(".question-item .q-text").all_inner_texts()
    assert texts[:2] == ["Do you feel listened to?", WHY]

    page.get_by_role("button", name="Open the survey").click()
    return title, page.locator("dt:has-text('Link for families') + dd a").inner_text()


def _next(phone) -> None:
    with phone.expect_navigation():
        phone.get_by_role("button", name=re.compile("^Next")).click()


def _progress(phone) -> str:
    return phone.locator(".progress-text").inner_text()


def test_why_not_is_asked_only_after_no_and_results_count_who_was_asked(page, browser, live_server):
    title, link = _build(page, live_server)

    # A child who answers No is asked why, on a phone; Back goes the way they came.
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    phone = context.new_page()
    phone.goto(link)
    phone.get_by_role("button", name="Start").click()
    assert _progress(phone) == "Question 1 of 3"
    assert_accessible(phone, "branch: first question")
    phone.get_by_role("radio", name="No", exact=True).check()
    _next(phone)
    expect(phone.locator("h1")).to_contain_text(WHY)
    assert _progress(phone) == "Question 2 of 3"
    assert_accessible(phone, "branch: why not")
    phone.locator("textarea").fill("They are always in a rush")
    _next(phone)
    assert _progress(phone) == "Question 3 of 3"
    phone.get_by_role("link", name=re.compile("Back")).click()
    expect(phone.locator("h1")).to_contain_text(WHY)
    expect(phone.locator("textarea")).to_have_value("They are always in a rush")
    _next(phone)
    phone.get_by_role("radio", name="Happy").check()
    _next(phone)
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.locator("a[href='tel:08001111']")).to_be_visible()
    context.close()

    # A child who answers Yes goes straight past it, even after first choosing No.
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    phone = context.new_page()
    phone.goto(link)
    phone.get_by_role("button", name="Start").click()
    phone.get_by_role("radio", name="No", exact=True).check()
    _next(phone)
    phone.locator("textarea").fill("Words they later take back")
    phone.get_by_role("link", name=re.compile("Back")).click()
    phone.get_by_role("radio", name="Yes", exact=True).check()
    _next(phone)
    expect(phone.locator("h1")).to_contain_text("How do you feel today?")
    assert _progress(phone) == "Question 2 of 2"
    assert_accessible(phone, "branch: past why not")
    phone.get_by_role("link", name=re.compile("Back")).click()
    expect(phone.locator("h1")).to_contain_text("Do you feel listened to?")
    _next(phone)
    phone.get_by_role("radio", name="OK", exact=True).check()
    _next(phone)
    phone.get_by_role("link", name=re.compile("Back")).click()  # from Send: the last question
    expect(phone.locator("h1")).to_contain_text("How do you feel today?")
    _next(phone)
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.locator("a[href='tel:08001111']")).to_be_visible()
    context.close()

    # Results: asked 1 of the 2 (small numbers are hidden on screen, not in exports).
    page.get_by_role("link", name="See the answers").click()
    question = page.locator(
        ".question-result", has=page.get_by_role("heading", name=re.compile(WHY))
    )
    expect(question.locator(".asked-when")).to_contain_text("Asked fewer than 5")
    expect(question.locator(".asked-when")).to_contain_text("answered No")
    assert_accessible(page, "results: a branching question")
    survey_id = re.search(r"survey=(\d+)", page.url)[1]
    query = f"period=30&survey={survey_id}"
    reply = page.request.get(f"{live_server}/staff/results/answers.csv?{query}")
    rows = list(csv.DictReader(io.StringIO(reply.text().lstrip("\ufeff"))))
    why = sorted((r["asked"], r["skipped"], r["answer"]) for r in rows if r["question"] == WHY)
    assert why == [("no", "no", ""), ("yes", "no", "They are always in a rush")]
    reply = page.request.get(f"{live_server}/staff/results/answers.xlsx?{query}")
    book = openpyxl.load_workbook(io.BytesIO(reply.body()), read_only=True)
    sheet = book[book.sheetnames[2]]
    cells = [r[4] for r in list(sheet.iter_rows(values_only=True))[1:]]
    assert sorted(cells) == ["(not asked)", "They are always in a rush"]
    assert title
