"""Reading age, and a finding when text is harder than its audience can read."""

import pytest

from feedback.language import UnknownAudience, check_language, reading_age

COUNCIL_PARAGRAPH = (
    "Following consideration of the information gathered during the assessment, the "
    "multi-agency professional network determined that continued involvement would be "
    "appropriate. Consequently, your participation in subsequent planning arrangements "
    "is considered exceptionally valuable."
)
PLAIN_SHORT = "We want to hear what you think."
PLAIN_PARAGRAPH = (
    "Hello Jade. This is your plan. It says who will help you and what they will do. "
    "Everybody in your family is welcome to come along. "
    "You can ask Sam about anything you do not understand."
)


def reading_findings(text, audience):
    return [f for f in check_language(text, audience) if f.kind == "reading-level"]


def test_reading_age_tells_plain_words_from_council_words():
    assert 5 <= reading_age(PLAIN_SHORT) <= 9
    assert reading_age(COUNCIL_PARAGRAPH) >= 16
    assert reading_age("") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "Family time with your mum is every other Sunday.",
        "Everybody in your family is welcome to come along.",
        "Your foster carers will help you get ready for school.",
    ],
)
def test_short_plain_sentences_with_long_everyday_words_read_as_easy(text):
    assert reading_age(text) <= 9


def test_a_long_complex_paragraph_is_too_hard_for_children_aged_4_to_7():
    (finding,) = reading_findings(COUNCIL_PARAGRAPH, "4-7")
    assert finding.phrase == COUNCIL_PARAGRAPH
    assert "children aged 4 to 7" in finding.reason
    assert finding.suggestion


def test_short_and_longer_plain_text_is_fine_for_children_aged_4_to_7():
    assert reading_findings(PLAIN_SHORT, "4-7") == []
    assert reading_findings(PLAIN_PARAGRAPH, "4-7") == []


@pytest.mark.parametrize("audience", ["8-12", "13-18", "parent"])
def test_council_words_are_too_hard_for_every_family_audience(audience):
    assert len(reading_findings(COUNCIL_PARAGRAPH, audience)) == 1
    assert reading_findings(PLAIN_PARAGRAPH, audience) == []


@pytest.mark.parametrize("audience", ["staff", None])
def test_staff_text_and_text_without_an_audience_get_no_reading_level(audience):
    assert reading_findings(COUNCIL_PARAGRAPH, audience) == []


def test_a_few_words_are_judged_by_the_word_lists_only():
    assert reading_findings("Unbelievably wonderful!", "4-7") == []


def test_reading_level_offsets_skip_surrounding_spaces():
    text = "  " + COUNCIL_PARAGRAPH + "\n"
    (finding,) = reading_findings(text, "4-7")
    assert text[finding.start : finding.end] == COUNCIL_PARAGRAPH


def test_an_unknown_audience_is_refused_with_the_ones_we_know():
    with pytest.raises(UnknownAudience, match="'4-7'"):
        check_language("Hello", "toddlers")


def test_each_line_of_a_list_counts_as_a_sentence():
    bullets = (
        "Things you can do at your meeting\n"
        "- bring a friend or someone you trust\n"
        "- ask questions at any time\n"
        "\u2022 have a break when you want\n"
        "- say what you think about the plan"
    )
    assert reading_age(bullets) <= 9
    assert reading_findings(bullets, "4-7") == []
