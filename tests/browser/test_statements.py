"""Statements sharing one scale: on a phone, one statement at a time with its own Back
and Next, progress read out and focus on the new statement; the page's Next comes after
the last. On a big screen, a table of rows, each still its own fieldset. Every answer is
sent in the one form, so saving mid-way loses nothing."""

import uuid

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys import scales
from feedback.surveys.models import Answer
from tests.browser.axe import assert_accessible
from tests.surveys.conftest import make_survey

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
STATEMENTS = [
    "I trust my social worker",
    "I feel safe where I live",
    "I like my bedroom",
    "I can see my family when I want",
]


@pytest.fixture
def statements_survey(live_app):
    """(slug, id of the statements question) of a new open survey for 8 to 12s."""
    with live_app.app_context():
        survey = make_survey(
            db.session,
            title=f"About you {uuid.uuid4().hex[:6]}",
            audience="8-12",
            questions=[
                {
                    "kind": "statements",
                    "principle": 6,
                    "text": "How true are these for you?",
                    "options": scales.ready_made("sometimes"),
                    "settings": {"statements": STATEMENTS, "scale": "sometimes"},
                },
                {"kind": "faces3", "principle": 1, "text": "How do you feel?"},
            ],  # fmt: skip
        )
        return survey.slug, survey.questions[0].id


def _stored(live_app, question_id: int) -> list[list[str]]:
    with live_app.app_context():
        answers = db.session.scalars(select(Answer).where(Answer.question_id == question_id))
        return [a.choices for a in answers]


def _open(browser, live_server, slug, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{live_server}/s/{slug}")
    page.get_by_role("button", name="Start").click()
    expect(page.locator("h1")).to_contain_text("How true")
    return context, page


def _choose(page, statement: str, answer: str) -> None:
    group = page.get_by_role("group", name=statement)
    group.get_by_role("radio", name=answer, exact=True).check()


def test_on_a_phone_one_statement_at_a_time(browser, live_server, live_app, statements_survey):
    slug, question_id = statements_survey
    context, page = _open(browser, live_server, slug, PHONE)
    shown = page.locator("fieldset.statement:visible")
    progress = page.locator(".statement-progress")
    nav = page.locator(".statement-nav")
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text(STATEMENTS[0])
    expect(progress).to_have_text("Part 1 of 4")
    expect(progress).to_have_attribute("aria-live", "polite")
    expect(page.get_by_role("button", name="Skip")).to_be_hidden()
    expect(nav.get_by_role("button", name="Back")).to_be_hidden()
    assert_accessible(page, "phone: first statement")

    _choose(page, STATEMENTS[0], "Yes")
    nav.get_by_role("button", name="Next").click()
    expect(shown).to_contain_text(STATEMENTS[1])
    expect(progress).to_have_text("Part 2 of 4")
    expect(page.locator("fieldset.statement legend").nth(1)).to_be_focused()
    # Back within the page: the first statement, its answer still chosen.
    nav.get_by_role("button", name="Back").click()
    expect(page.locator("fieldset.statement legend").nth(0)).to_be_focused()
    expect(page.get_by_role("radio", name="Yes", exact=True)).to_be_checked()
    nav.get_by_role("button", name="Next").click()
    _choose(page, STATEMENTS[1], "Sometimes")
    nav.get_by_role("button", name="Next").click()
    assert_accessible(page, "phone: a middle statement")
    nav.get_by_role("button", name="Next").click()  # the third left unanswered
    _choose(page, STATEMENTS[3], "No")
    expect(progress).to_have_text("Part 4 of 4")
    expect(nav.get_by_role("button", name="Next")).to_be_hidden()
    expect(page.get_by_role("button", name="Skip")).to_be_visible()
    assert_accessible(page, "phone: last statement")
    page.locator(".actions:not(.statement-nav)").get_by_role("button", name="Next").click()
    expect(page.locator("h1")).to_contain_text("How do you feel?")
    assert _stored(live_app, question_id) == [["yes", "sometimes", "", "no"]]

    # Leaving mid-way: "Save and come back later" sends every statement's answer.
    page.goto(f"{live_server}/s/{slug}/1")
    expect(progress).to_have_text("Part 1 of 4")
    _choose(page, STATEMENTS[0], "Don't know")
    nav.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Save and come back later").click()
    expect(page.locator("h1")).to_contain_text("saved")
    assert _stored(live_app, question_id) == [["dont-know", "sometimes", "", "no"]]
    context.close()


def test_on_a_big_screen_a_table_of_fieldsets(browser, live_server, live_app, statements_survey):
    slug, question_id = statements_survey
    context, page = _open(browser, live_server, slug, DESKTOP)
    expect(page.locator("fieldset.statement:visible")).to_have_count(4)
    expect(page.locator(".statement-nav")).to_be_hidden()
    expect(page.locator(".statement-progress")).to_be_hidden()
    # A row: the statement beside its answers.
    row = page.locator("fieldset.statement").nth(2)
    legend = row.locator("legend").bounding_box()
    first = row.locator(".choice").first.bounding_box()
    assert first["x"] > legend["x"] + legend["width"] - 1
    assert abs(first["y"] - legend["y"]) < legend["height"] + first["height"]
    assert_accessible(page, "big screen: statements")
    for statement, answer in zip(STATEMENTS, ("Yes", "No", "Sometimes", "Yes"), strict=True):
        _choose(page, statement, answer)
    page.get_by_role("button", name="Next").click()
    expect(page.locator("h1")).to_contain_text("How do you feel?")
    assert _stored(live_app, question_id) == [["yes", "no", "sometimes", "yes"]]
    context.close()
