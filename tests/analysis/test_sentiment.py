"""Sentiment reads comments the way a participation lead would."""

import pytest

from feedback.analysis import analyse_comment


def _accuracy(examples):
    wrong = [(label, text) for label, text in examples if analyse_comment(text).sentiment != label]
    return 1 - len(wrong) / len(examples), wrong


def test_shared_examples_are_at_least_90_percent_right(shared_sentiment):
    assert len(shared_sentiment) >= 40
    accuracy, wrong = _accuracy(shared_sentiment)
    assert accuracy >= 0.90, wrong


def test_our_own_examples_in_other_words_are_at_least_90_percent_right(extra_sentiment):
    assert len(extra_sentiment) >= 40
    accuracy, wrong = _accuracy(extra_sentiment)
    assert accuracy >= 0.90, wrong


@pytest.mark.parametrize(
    "text",
    ["she's ace", "he is sound", "proper good", "my worker is mint", "shes well good"],
)
def test_slang_praise_is_positive(text):
    assert analyse_comment(text).sentiment == "positive"


@pytest.mark.parametrize("text", ["it's rubbish", "meetings are dead boring", "its pants"])
def test_slang_complaints_are_negative(text):
    assert analyse_comment(text).sentiment == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "he never turns up",
        "nobody tells me anything",
        "I've had five workers",
        "I feel like a case number",
        "keep getting new workers",
        "I have to start again every time",
    ],
)
def test_complaints_without_a_negative_word_are_negative(text):
    assert analyse_comment(text).sentiment == "negative"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she listens to me", "positive"),
        ("she doesn't listen to me", "negative"),
        ("she is never late", "positive"),
        ("they were late again", "negative"),
        ("she never lets me down", "positive"),
        ("I don't like the meetings", "negative"),
    ],
)
def test_negation_turns_the_meaning_around(text, expected):
    assert analyse_comment(text).sentiment == expected


@pytest.mark.parametrize(
    "text",
    [
        "we meet at school",
        "I'm 9",
        "No comment",
        "Not really",
        "My worker is new",
        "I live with foster carers",
        "dunno",
        "",
        "   ",
    ],
)
def test_plain_facts_and_non_answers_are_neutral(text):
    result = analyse_comment(text)
    assert result.sentiment == "neutral"
    assert abs(result.polarity) < 0.1


def test_what_comes_after_but_counts_more():
    assert analyse_comment("I was scared at first but she is ace").sentiment == "positive"
    assert analyse_comment("she is nice but she never turns up").sentiment == "negative"


def test_emoji_count():
    assert analyse_comment("my worker 😊").sentiment == "positive"
    assert analyse_comment("meetings 😡").sentiment == "negative"


def test_polarity_agrees_with_the_label():
    for text in ["she is brilliant", "it's rubbish", "we meet on Mondays"]:
        result = analyse_comment(text)
        assert -1 <= result.polarity <= 1
        sign = {"positive": 1, "negative": -1, "neutral": 0}[result.sentiment]
        assert (result.polarity > 0) - (result.polarity < 0) in ({sign} if sign else {-1, 0, 1})
