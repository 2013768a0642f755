"""Sentiment of sarcasm, broken promises, informal words and emoji (issue 16).
Sentences written for these tests, not taken from any labelled set."""

import pytest

from feedback.analysis import analyse_comment


def _sentiment(text: str) -> str:
    return analyse_comment(text).sentiment


@pytest.mark.parametrize(
    "text",
    [
        "oh great, sat in reception for an hour and nobody came 🙃",
        "wow so helpful, they lost my form again",
        "really useful, on hold for ages",
        "great job forgetting my review",
        "nice work losing my file twice",
        "my worker is always on time 🙃",
    ],
)
def test_sarcasm_about_the_service_is_negative(text):
    assert _sentiment(text) == "negative"


@pytest.mark.parametrize(
    "text",
    ["wow so helpful, my worker sorted my passport in a day", "great job on my plan, thanks"],
)
def test_praise_that_is_meant_stays_positive(text):
    assert _sentiment(text) == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "she said she would sort my bus pass and never did",
        "they told us they would come back and never did",
        "emailed four times and still nothing",
        "asked about my savings and still no reply",
        "they had the meeting without us",
    ],
)
def test_broken_promises_with_no_unhappy_word_are_negative(text):
    assert _sentiment(text) == "negative"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("brill", "positive"),
        ("my carer is brill", "positive"),
        ("ace 👌", "positive"),
        ("sound", "positive"),
        ("chuffed with my new room", "positive"),
        ("ugh", "negative"),
        ("ugh another review", "negative"),
        ("reviews are a bit meh", "negative"),
        ("meh", "neutral"),  # a whole answer that says nothing either way
        ("best carers ever:)", "positive"),
        ("thanks :)", "positive"),
        ("the meeting was long :(", "negative"),
        ("my worker rang me 👏", "positive"),
    ],
)
def test_informal_words_emoji_and_emoticons_count(text, expected):
    assert _sentiment(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "reviews are less stressful now",
        "contact is less scary than it used to be",
        "meetings are not as scary now",
        "i am less worried about moving",
    ],
)
def test_a_worry_that_has_eased_is_positive(text):
    assert _sentiment(text) == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "can i have a copy of my plan please",
        "could we have meetings after school",
        "can my worker ring me on thursdays",
    ],
)
def test_plain_requests_are_neutral(text):
    assert _sentiment(text) == "neutral"


def test_a_request_to_stop_something_bad_is_still_negative():
    assert _sentiment("can you stop cancelling my visits") == "negative"
