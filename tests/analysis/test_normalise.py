"""Normalising makes differently typed words look the same to the rules."""

import pytest

from feedback.analysis.normalise import normalise, words


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("He H\u200bits Me", "he hits me"),
        ("\uff48\uff49\uff54\uff53", "hits"),
        ("h\u0456ts", "hits"),
        ("caf\u00e9", "cafe"),
        ("I don\u2019t", "i do not"),
        ("i dont", "i do not"),
        ("im ok", "i am ok"),
        ("sooooo goooood", "so good"),
        ("my mums boyfrend", "my mums boyfriend"),
        ("mum's partner", "mum partner"),
        ("step-dad", "step dad"),
        ("k1ll", "kill"),
        ("line one\nline two\t end", "line one line two end"),
        ("bell\x07 ring", "bell ring"),
    ],
)
def test_normalise(typed, plain):
    assert normalise(typed) == plain


def test_russian_words_are_left_alone():
    hello = "\u041f\u0440\u0438\u0432\u0435\u0442"
    assert normalise(hello) == hello.lower()


def test_empty_text_is_empty():
    assert normalise("") == ""
    assert words("") == []


def test_words_keep_apostrophes_inside_words():
    assert words("it is o'clock, ok") == ["it", "is", "o'clock", "ok"]


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("skared", "scared"),
        ("hurst", "hurts"),
        ("tuches", "touches"),
        ("slaped", "slapped"),
        ("frightend", "frightened"),
        ("thretened", "threatened"),
    ],
)
def test_unknown_words_one_letter_from_a_safeguarding_word_are_repaired(typed, plain):
    assert normalise(typed) == plain


@pytest.mark.parametrize("word", ["picks", "chores", "caring", "scares", "locker", "bits", "hurl"])
def test_real_words_are_never_repaired(word):
    assert normalise(word) == word
