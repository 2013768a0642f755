"""analyse_comment is one safe call for any text a person can type."""

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedback.analysis import CommentAnalysis, analyse_comment


def test_result_is_frozen():
    result = analyse_comment("she is ace")
    assert isinstance(result, CommentAnalysis)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.sentiment = "negative"


def test_only_text_is_accepted():
    with pytest.raises(TypeError, match="must be text"):
        analyse_comment(None)


def test_same_comment_same_result():
    text = "He never turns up and I've had five workers"
    assert analyse_comment(text) == analyse_comment(text)


def test_very_long_comments_are_analysed():
    result = analyse_comment("my worker is ace and she listens. " * 500)
    assert result.sentiment == "positive"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_well_formed_result(text):
    result = analyse_comment(text)
    assert result.sentiment in {"positive", "negative", "neutral"}
    assert -1.0 <= result.polarity <= 1.0
    assert result.safeguarding == bool(result.reasons)
    assert all(isinstance(theme, str) for theme in result.themes)
