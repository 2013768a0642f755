"""A parent answers the Urdu version of a survey, right to left, from the start page."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


def test_a_parent_answers_the_urdu_survey_right_to_left(page, live_server):
    page.goto(live_server + "/")
    parents = page.locator(".audience-list li", has_text="Working with us")
    parents.get_by_role("link", name="اردو").click()
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ur")
    assert "ہمارے ساتھ کام" in page.locator("h1").inner_text()
    assert_accessible(page, "Urdu start screen")

    page.get_by_role("button", name="شروع کریں").click()
    expect(page.locator(".progress-text")).to_have_text("سوال 1 از 10")
    # Right to left: the first answer sits to the right of the second.
    first, second = (page.locator(".choice").nth(n).bounding_box() for n in (0, 1))
    assert first["x"] > second["x"]
    assert_accessible(page, "Urdu question")
    page.get_by_role("radio", name="بہت اچھا").check()
    page.get_by_role("button", name="اگلا").click()
    for n in range(2, 11):
        expect(page.locator(".progress-text")).to_have_text(f"سوال {n} از 10")
        page.get_by_role("button", name="میں نہیں بتانا چاہتا/چاہتی").click()
    assert_accessible(page, "Urdu send screen")
    page.get_by_role("button", name="میرے جواب بھیجیں").click()
    expect(page.locator("h1")).to_contain_text("شکریہ")
    assert_accessible(page, "Urdu thank-you screen")


def test_the_welsh_version_is_offered_and_speaks_welsh(page, live_server):
    page.goto(live_server + "/")
    page.get_by_role("link", name="Cymraeg").first.click()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("button", name="Dechrau")).to_be_visible()
    assert_accessible(page, "Welsh start screen")
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_a_child_opens_the_urdu_8_to_12_survey_and_its_urdu_privacy_notice(page, live_server):
    page.goto(live_server + "/")
    card = page.locator(".audience-list li", has_text="Tell us what you think about your worker")
    card.get_by_role("link", name="اردو").click()
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ur")
    expect(page.locator("h1")).to_contain_text("اپنے ورکر کے بارے میں")
    assert_accessible(page, "Urdu 8-12 start screen")

    page.get_by_role("button", name="شروع کریں").click()
    expect(page.locator(".progress-text")).to_have_text("سوال 1 از 11")
    expect(page.get_by_role("radio", name="بہت اچھا")).to_be_visible()
    assert_accessible(page, "Urdu 8-12 question")

    page.get_by_role("link", name="ہم آپ کی بتائی ہوئی باتوں کا خیال کیسے رکھتے ہیں").click()
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ur")
    expect(page.locator("h1")).to_have_text("آپ کے جوابوں کا کیا ہوتا ہے")
    expect(page.get_by_text("2 سال").first).to_be_visible()  # the retention period in Urdu too
    assert_accessible(page, "Urdu 8-12 privacy notice")
