"""Warm words with no praise word, and complaints with no unhappy word (issue 16,
from the kinds of mistake blind set 2 showed). Sentences written for these tests."""

import pytest

from feedback.analysis import analyse_comment


def _sentiment(text: str) -> str:
    return analyse_comment(text).sentiment


@pytest.mark.parametrize(
    "text",
    [
        "my nan's house feels like real family now",
        "the review went really well in the end",
        "the residential trip was sick",
        "you coming to my school play meant loads",
        "sorted my bus pass, cheers",
        "cheers for everything",
    ],
)
def test_warm_words_are_positive(text):
    assert _sentiment(text) == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "the new worker seemed nice but nothing actually changed",
        "i keep telling them and nobody does anything",
        "asked about my passport and got nothing",
        "we will sort it next week, heard that one before",
        "they said my room would be painted and its been 4 months",
        "nah",
    ],
)
def test_complaints_with_no_unhappy_word_are_negative(text):
    assert _sentiment(text) == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "😐",
        "i was sick on the coach to the zoo",
        "my brother was sick in the car",
        "i was off sick on tuesday",
        "nothing to add",
    ],
)
def test_a_straight_face_and_being_ill_are_neither(text):
    assert _sentiment(text) == "neutral"


def test_sick_of_it_is_still_a_complaint():
    assert _sentiment("im sick of telling my story") == "negative"


def test_months_since_a_good_change_is_not_a_complaint():
    assert _sentiment("it has been 3 months since i moved and i love it") == "positive"
