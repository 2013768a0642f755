"""Comments in another language go to a person, marked with the language."""

import pytest

from feedback.analysis import analyse_comment
from feedback.analysis.language import looks_english, other_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Mój tata mnie bije kiedy pije", "pl"),
        ("Mi padre me pega cuando bebe y tengo miedo", "es"),
        ("Je ne veux plus vivre, personne ne m'écoute", "fr"),
        ("Tatăl meu mă bate și mama plânge toată noaptea", "ro"),
        ("Ich habe Angst vor meinem Vater", "de"),
    ],
)
def test_a_comment_in_another_language_is_flagged_for_a_person(text, code):
    result = analyse_comment(text)
    assert result.safeguarding and result.language == code
    assert result.reasons[0].startswith("not in English (")
    assert result.sentiment == "neutral"  # the English word lists cannot read it


@pytest.mark.parametrize(
    "text",
    [
        "kms",
        "ok",
        "my worker is ace tbh ngl",
        "The café was nice and the naïve questions were fine",
        "i want to kill myself lol",
        "great, another new worker 🙄",
    ],
)
def test_english_comments_short_ones_and_text_speak_are_english(text):
    assert other_language(text) is None
    assert analyse_comment(text).language is None


def test_plain_english_needs_no_detector():
    assert looks_english("the meeting was on tuesday and my worker came")
    assert not looks_english("Mi sento solo e voglio morire")
