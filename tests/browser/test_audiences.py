"""A lead adds an 8 to 11 age band, builds a survey for it with a question outside the
principles and names switched on; a child answers it on a phone; results count it.
Archive and delete ask first; an unlisted survey opens only by its link."""

from __future__ import annotations

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


def _new_survey(page, base: str, title: str, audience: str) -> str:
    """Make a survey with one question from the bank; returns the survey page's address."""
    page.goto(base + "/staff/surveys/new")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Who is it for?").select_option(audience)
    page.get_by_role("button", name="Make the survey").click()
    expect(page.locator("h1")).to_have_text(title)
    return page.url


def _add_outside_question(page) -> None:
    page.get_by_role("link", name="Write a new question").click()
    page.get_by_label("Question", exact=True).fill("Do you have your own bedroom?")
    page.get_by_label("Kind of answer").select_option("yesno")
    page.get_by_label("Principle").select_option("")
    page.get_by_role("button", name="Save the question").click()
    expect(page.locator(".question-item").last).to_contain_text("Not part of a principle")


def _add_principle_question(page) -> None:
    page.get_by_role("link", name="Write a new question").click()
    page.get_by_label("Question", exact=True).fill("Does your worker listen to you?")
    page.get_by_label("Kind of answer").select_option("yesno")
    page.get_by_label("Principle").select_option("3")
    page.get_by_role("button", name="Save the question").click()


def test_a_lead_adds_an_age_band_and_a_child_answers_its_survey_on_a_phone(
    page, browser, live_server
):
    sign_in(page, live_server)
    page.goto(live_server + "/staff/surveys/")
    page.get_by_role("link", name="Who surveys are for (age bands)").click()
    assert_accessible(page, "audiences: list")
    page.get_by_role("link", name="Add an age band").click()
    assert_accessible(page, "audiences: add")
    page.get_by_label("Short name").fill("8-11")
    page.get_by_label("Name staff see").fill("Children aged 8 to 11")
    page.get_by_label("Youngest age").fill("8")
    page.get_by_label("Oldest age").fill("11")
    page.get_by_label("Reading age to aim for").fill("9")
    page.get_by_label("Start from the words for").select_option("8-12")
    page.get_by_label("Start page button").fill("I'm 8 to 11")
    page.get_by_label("Who is asking").fill(
        "We help children in care. We want to know what it is like for you."
    )
    page.get_by_role("button", name="Add the age band").click()
    expect(page.locator("h1")).to_have_text("Children aged 8 to 11")
    assert_accessible(page, "audiences: saved")

    title = f"Life in care {uuid.uuid4().hex[:6]}"
    survey_page = _new_survey(page, live_server, title, "8-11")
    _add_principle_question(page)
    _add_outside_question(page)
    assert_accessible(page, "builder: survey with a question outside the principles")
    page.get_by_role("link", name="Change the settings").click()
    assert_accessible(page, "builder: settings")
    page.get_by_label("Ask for a name at the end").check()
    page.get_by_role("button", name="Save the settings").click()
    expect(page.locator("#settings")).to_contain_text("Asks for a name at the end")
    page.get_by_role("button", name="Open the survey").click()
    expect(page.get_by_text("The survey is open.")).to_be_visible()

    # A child on a phone finds it under their own age band.
    child = browser.new_context(viewport=PHONE, has_touch=True)
    phone = child.new_page()
    phone.goto(live_server + "/")
    card = phone.locator("a.audience-card", has_text=title)
    expect(card).to_contain_text("I'm 8 to 11")
    assert_accessible(phone, "start page with the new band")
    card.click()
    expect(phone.get_by_text("We help children in care.")).to_be_visible()
    expect(phone.get_by_text("If you give your name, only the team")).to_be_visible()
    assert_accessible(phone, "start screen for 8 to 11")
    phone.get_by_role("button", name="Start").click()
    phone.locator(".choice label").first.click()  # yes: my worker listens
    phone.get_by_role("button", name=re.compile("^Next")).click()
    phone.locator(".choice label").first.click()  # yes: my own bedroom
    assert_accessible(phone, "question outside the principles")
    phone.get_by_role("button", name=re.compile("^Next")).click()
    expect(phone.get_by_label("Your name")).to_be_visible()
    assert_accessible(phone, "last screen with the name box")
    phone.get_by_role("button", name=re.compile("^Send")).click()
    expect(phone.locator("a[href='tel:08001111']")).to_be_visible()
    notice = phone.goto(live_server + "/privacy/8-11")
    assert notice.status == 200
    expect(phone.get_by_text("If you give your name, only the team")).to_be_visible()
    assert_accessible(phone, "privacy notice for 8 to 11")
    child.close()

    # Results: the question outside the principles is shown on its own and exported.
    survey_id = survey_page.rstrip("/").rsplit("/", 1)[1]
    page.goto(f"{live_server}/staff/results/?survey={survey_id}&period=90")
    section = page.locator("section.survey-results")
    expect(section).to_contain_text("Questions not part of a principle")
    assert_accessible(page, "results with a question outside the principles")
    data = page.request.get(
        f"{live_server}/staff/results/answers.xlsx?survey={survey_id}&period=90"
    ).body()
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    questions = {r[3]: r for r in book["Questions"].iter_rows(values_only=True)}
    bedroom = questions["Do you have your own bedroom?"]
    assert bedroom[1] == "Children aged 8 to 11" and bedroom[5] in (None, "")
    assert questions["Does your worker listen to you?"][5] == 3
    answers = [
        row
        for sheet in book.worksheets[2:]
        for row in sheet.iter_rows(values_only=True)
        if "Do you have your own bedroom?" in row
    ]
    assert len(answers) == 1  # the child's one answer, counted once


def test_archive_and_delete_ask_first(page, live_server):
    sign_in(page, live_server)
    survey_page = _new_survey(page, live_server, f"To delete {uuid.uuid4().hex[:6]}", "8-12")
    page.get_by_role("link", name="Delete this survey").click()
    assert_accessible(page, "confirm delete")
    page.get_by_role("link", name="No, keep it").click()
    assert page.url == survey_page
    page.get_by_role("link", name="Delete this survey").click()
    page.get_by_role("button", name="Yes, delete it").click()
    expect(page.get_by_text("is deleted.")).to_be_visible()
    assert page.request.get(survey_page).status == 404

    title = f"To archive {uuid.uuid4().hex[:6]}"
    survey_page = _new_survey(page, live_server, title, "8-12")
    page.get_by_role("link", name="Archive this survey").click()
    assert_accessible(page, "confirm archive")
    expect(page.locator("h1")).to_contain_text("Archive")
    page.get_by_role("button", name="Yes, archive it").click()
    expect(page.locator(".status")).to_have_text("Archived")


def test_archive_and_delete_ask_first_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server)
    _new_survey(page, live_server, f"No script {uuid.uuid4().hex[:6]}", "13-18")
    page.get_by_role("link", name="Delete this survey").click()
    page.get_by_role("button", name="Yes, delete it").click()
    expect(page.get_by_text("is deleted.")).to_be_visible()
    context.close()


def test_an_unlisted_survey_opens_by_its_link_only(page, browser, live_server):
    sign_in(page, live_server)
    title = f"Our group only {uuid.uuid4().hex[:6]}"
    _new_survey(page, live_server, title, "13-18")
    _add_principle_question(page)
    page.get_by_role("link", name="Change the settings").click()
    page.get_by_label("Show it on the public start page").uncheck()
    page.get_by_role("button", name="Save the settings").click()
    expect(page.locator("#settings")).to_contain_text("Unlisted")
    page.get_by_role("button", name="Open the survey").click()
    link = page.locator("dt:has-text('Link for families') + dd a").inner_text()

    young = browser.new_context(viewport=PHONE)
    phone = young.new_page()
    phone.goto(live_server + "/")
    expect(phone.locator("a.audience-card", has_text=title)).to_have_count(0)
    phone.goto(link)
    expect(phone.locator("h1")).to_have_text(title)
    assert_accessible(phone, "unlisted survey's start screen")
    young.close()
