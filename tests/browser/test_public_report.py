"""A child or parent reads "What you told us and what we did": no sign-in, on a phone,
with or without JavaScript, in Welsh or Urdu where the surveys are, and downloads the PDF."""

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.reports.models import Action
from feedback.surveys.models import Answer, Question, Survey
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_without_js(browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


def _fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("audience", ["4-7", "8-12", "13-18", "parent"])
def test_each_audience_reads_its_page_on_a_phone(phone, live_server, audience):
    phone.goto(live_server + f"/you-told-us/{audience}")
    assert phone.locator("h1").inner_text() == "What you told us and what we did"
    assert phone.get_by_role("heading", name="Getting to know you").is_visible()
    assert _fits_the_phone(phone)
    assert_accessible(phone, f"public page {audience}")
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Download the booklet").click()
    assert download.value.suggested_filename.startswith(f"you-told-us-we-did-{audience}-")


def test_the_young_childrens_page_has_big_pictures(phone, live_server):
    phone.goto(live_server + "/you-told-us/4-7")
    pictures = phone.locator(".principle-page .picture svg")
    assert pictures.count() == 6
    assert pictures.first.bounding_box()["width"] >= 100


def test_a_parent_finds_the_page_without_javascript_and_in_welsh(phone_without_js, live_server):
    page = phone_without_js
    page.goto(live_server + "/you-told-us/")
    page.get_by_role("link", name="Parents and carers").click()
    assert page.url.endswith("/you-told-us/parent")
    if page.get_by_role("link", name="Cymraeg").count():  # the parents' survey is in Welsh
        page.get_by_role("link", name="Cymraeg").click()
        assert page.locator("html").get_attribute("lang") == "cy"
        assert "Beth ddywedoch chi wrthym" in page.locator("h1").inner_text()


def test_welsh_and_urdu_pages_pass_axe(phone, live_app, live_server):
    with live_app.app_context():
        languages = set(
            db.session.scalars(
                select(Survey.language).where(Survey.audience == "parent", Survey.status == "open")
            )
        )
    for code in sorted(languages - {"en"}):
        phone.goto(live_server + f"/you-told-us/parent?lang={code}")
        assert phone.locator("html").get_attribute("lang") == code
        assert _fits_the_phone(phone)
        assert_accessible(phone, f"public page in {code}")


def _comments(*conditions) -> set[str]:
    stmt = select(Answer.value).join(Question, Answer.question_id == Question.id)
    stmt = stmt.where(Question.kind == "text", Answer.value.is_not(None), *conditions)
    return {v.strip() for v in db.session.scalars(stmt) if len(v.strip()) > 12}


def _a_flagged_comment_someone_agreed_to_share() -> None:
    """A sent comment the screen flags, with "you can use my words" ticked."""
    from feedback.surveys import services

    # The shipped survey (other tests add 13-18 surveys of their own, without a text
    # question), first by id so every database picks the same one.
    survey = db.session.scalar(
        select(Survey)
        .where(Survey.audience == "13-18", Survey.language == "en", Survey.key != "")
        .order_by(Survey.id)
    )
    question = next(q for q in survey.questions if q.kind == "text")
    response = services.start_response(db.session, survey)
    words = "My stepdad hits me when he has been drinking and I am scared to go home"
    services.record_answer(db.session, response, question, value=words, ok_to_quote=True)
    services.submit_response(db.session, response)
    db.session.commit()


def test_no_flagged_unsent_or_unpublished_words_reach_the_page(phone, live_app, live_server):
    with live_app.app_context():
        _a_flagged_comment_someone_agreed_to_share()
        allowed = _comments(Answer.ok_to_quote.is_(True), Answer.flagged.is_(False))
        flagged = _comments(Answer.flagged.is_(True)) - allowed
        not_agreed = _comments(Answer.ok_to_quote.is_(False)) - allowed
        unpublished = set(db.session.scalars(select(Action.we_did).where(~Action.for_families)))
    assert flagged and not_agreed and unpublished  # the demo has all three
    for audience in ("4-7", "8-12", "13-18", "parent"):
        phone.goto(live_server + f"/you-told-us/{audience}")
        text = phone.locator("main").inner_text()
        for words in flagged | not_agreed | unpublished:
            assert words not in text, words
