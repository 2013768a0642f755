"""A lead builds a survey with each new kind of answer (a ready-made scale with a not
scored "Don't know", "Other - tell us", their own scale typed, pasted and reordered, a
number and statements sharing one scale); a child answers it on a phone; the results
page and the CSV and Excel exports count it in words, never codes."""

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


def _new_question(page, text: str, kind: str) -> None:
    page.get_by_role("link", name="Write a new question").click()
    page.get_by_label("Question", exact=True).fill(text)
    page.get_by_label("Kind of answer").select_option(kind)


def _save(page) -> None:
    page.get_by_role("button", name="Save the question").click()


def _build(page, live_server: str, title: str) -> str:
    sign_in(page, live_server)
    page.goto(live_server + "/staff/surveys/")
    page.get_by_role("link", name="Make a new survey").click()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Who is it for?").select_option("8-12")
    page.get_by_role("button", name="Make the survey").click()
    survey_url = page.url

    # Words typed into a ready-made scale are never silently thrown away.
    _new_question(page, "Do you trust your social worker?", "sometimes")
    page.get_by_label("Answer 1 words").fill("Maybe")
    _save(page)
    expect(page.get_by_text('"Maybe" was not kept').first).to_be_visible()
    assert_accessible(page, "builder: answers not kept")
    page.get_by_label("Answer 1 words").fill("")
    _save(page)

    _new_question(page, "Who do you live with?", "one_other")
    page.get_by_label("Or paste answers, one a line").fill("Mum\nA carer\nDad")
    _save(page)

    # Their own scale: typed rows put in a new order in one go, and a pasted line not scored.
    _new_question(page, "How often do you see your friends?", "scale")
    page.get_by_label("Answer 1 words").fill("A bit")
    page.get_by_label("Answer 1 score, 0 to 100, empty for not scored").fill("40")
    page.get_by_label("Answer 1 order").fill("2")
    page.get_by_label("Answer 2 words").fill("Lots")
    page.get_by_label("Answer 2 score, 0 to 100, empty for not scored").fill("100")
    page.get_by_label("Answer 2 order").fill("1")
    page.get_by_label("Or paste answers, one a line").fill("Prefer not to say | -")
    assert_accessible(page, "builder: own scale")
    _save(page)

    _new_question(page, "How old are you?", "number")
    page.get_by_label("Smallest number allowed (optional)").fill("8")
    page.get_by_label("Largest number allowed (optional)").fill("11")
    _save(page)

    _new_question(page, "How true are these for you?", "statements")
    page.get_by_label("Statements, one a line").fill(
        "I feel safe where I live\nI can see my family when I want"
    )
    page.get_by_label("Scale the statements share").select_option("sometimes")
    _save(page)
    assert page.locator(".question-item").count() == 5
    assert_accessible(page, "builder: survey with new kinds")

    page.get_by_role("button", name="Open the survey").click()
    link = page.locator("dt:has-text('Link for families') + dd a").inner_text()
    return survey_url, link


def _answer_on_a_phone(browser, link: str) -> None:
    child = browser.new_context(viewport=PHONE)
    phone = child.new_page()
    phone.goto(link)
    phone.get_by_role("button", name="Start").click()

    expect(phone.locator("h1")).to_contain_text("trust")
    phone.get_by_role("radio", name="Don't know").check()
    assert_accessible(phone, "phone: yes, sometimes, no, don't know")
    phone.get_by_role("button", name="Next").click()

    expect(phone.locator("h1")).to_contain_text("live with")
    box = phone.get_by_label("Tell us more (if you want to)")
    expect(box).to_be_hidden()  # opens when Other is chosen
    phone.get_by_role("radio", name="Other - tell us").check()
    box.fill("My nan, she is kind")
    assert_accessible(phone, "phone: other - tell us")
    phone.get_by_role("button", name="Next").click()

    expect(phone.locator("h1")).to_contain_text("friends")
    labels = phone.locator(".choice .say").all_inner_texts()
    assert labels == ["Lots", "A bit", "Prefer not to say"]
    phone.get_by_role("radio", name="Lots").check()
    phone.get_by_role("button", name="Next").click()

    expect(phone.locator("h1")).to_contain_text("How old")
    phone.get_by_label("Type a number").fill("nine")
    phone.get_by_role("button", name="Next").click()
    expect(phone.get_by_role("alert")).to_contain_text("Please type a number using digits")
    assert_accessible(phone, "phone: number error")
    phone.get_by_label("Type a number").fill("9")
    phone.get_by_role("button", name="Next").click()

    expect(phone.locator("h1")).to_contain_text("How true")
    # One statement at a time on a phone (survey-statements.js), with its own Next.
    phone.get_by_role("group", name="I feel safe where I live").get_by_role(
        "radio", name="Yes", exact=True
    ).check()
    phone.locator(".statement-nav").get_by_role("button", name="Next").click()
    phone.get_by_role("group", name="I can see my family when I want").get_by_role(
        "radio", name="Sometimes", exact=True
    ).check()
    assert_accessible(phone, "phone: statements")
    phone.get_by_role("button", name="Next").click()
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.locator("h1")).to_contain_text("Thank you")
    child.close()


def test_each_new_kind_is_built_answered_on_a_phone_and_counted(page, browser, live_server):
    title = f"Living here {uuid.uuid4().hex[:6]}"
    survey_url, link = _build(page, live_server, title)
    _answer_on_a_phone(browser, link)

    survey_id = re.search(r"/(\d+)", survey_url.split("/staff/")[1]).group(1)
    query = f"period=30&survey={survey_id}"
    page.goto(f"{live_server}/staff/results/?{query}")
    for label in ("Don't know", "Other - tell us", "Prefer not to say",
                  "I can see my family when I want: Sometimes"):  # fmt: skip
        expect(page.locator("th[scope=row]", has_text=label).first).to_be_visible()
    assert_accessible(page, "results: new kinds")

    got = page.request.get(f"{live_server}/staff/results/answers.csv?{query}")
    rows = list(csv.DictReader(io.StringIO(got.text().lstrip("\ufeff"))))
    answers = {r["question"]: (r["answer"], r["score"]) for r in rows}
    assert answers["Do you trust your social worker?"] == ("Don't know", "")  # not scored
    assert answers["Who do you live with?"][0] == "Other - tell us: My nan, she is kind"
    assert answers["How often do you see your friends?"] == ("Lots", "100")
    assert answers["How old are you?"] == ("9", "")
    assert answers["How true are these for you?"] == (
        "I feel safe where I live: Yes; I can see my family when I want: Sometimes",
        "75",
    )
    book = page.request.get(f"{live_server}/staff/results/answers.xlsx?{query}")
    sheet = openpyxl.load_workbook(io.BytesIO(book.body())).worksheets[2]
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    assert "Other - tell us: My nan, she is kind" in cells and "Don't know" in cells
