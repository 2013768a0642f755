"""Long formal sentences (when the reader is not known), and the labels and plan names
added after the blind audit (tests/language/blind/README.md)."""

import pytest

from feedback.language import check_language

FORMAL = (
    "Please be advised that the information provided by partner agencies will be "
    "considered in accordance with the relevant statutory guidance prior to any "
    "determination regarding the appropriateness of further involvement."
)
PLAIN_LONG = (
    "When you come to the meeting you can bring your mum, your dad, your nan or a "
    "friend, and you can tell us what you think about the plan before anyone else speaks."
)


def kinds(text, audience=None):
    return [f.kind for f in check_language(text, audience)]


def test_a_long_formal_sentence_is_flagged_when_the_reader_is_not_known():
    text = "Hello Sam. " + FORMAL + " Thank you."
    [finding] = [f for f in check_language(text) if f.kind == "long-sentence"]
    assert text[finding.start : finding.end] == finding.phrase == FORMAL
    assert "words" in finding.reason and finding.suggestion


def test_a_long_sentence_of_everyday_words_is_not():
    assert kinds(PLAIN_LONG) == []


def test_staff_audience_and_reader_audiences_do_not_get_the_long_sentence_check():
    assert "long-sentence" not in kinds(FORMAL, "staff")
    assert "long-sentence" not in kinds(FORMAL, "parent")  # the reading age speaks there
    assert "reading-level" in kinds(FORMAL, "parent")


@pytest.mark.parametrize(
    "text",
    [
        "Noah is on a Child in Need plan.",
        "The case was stepped up to child protection.",
        "Both girls have child protection plans.",
        "We are worried about cumulative harm.",
        "Dad's capacity to change is unclear.",
        "He displays sexualised behaviour at school.",
        "She is a prolific offender.",
        "He is a bad influence on the younger ones.",
        "Mum made a malicious allegation against the school.",
        "He exaggerates his injuries.",
        "Dad does not prioritise the baby.",
        "Mum puts her own needs first.",
        "She is clingy and needy with staff.",
        "Contact was too short last week.",
    ],
)
def test_labels_and_plan_names_are_found(text):
    assert kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "If you know a child in need of help, please call us.",
        "Your dad really stepped up to help when you were ill.",
        "We are not exaggerating when we say you did brilliantly.",
        "We want to meet your own needs, not just tick boxes.",
        "Our contact number is on the back.",
    ],
)
def test_everyday_uses_of_the_same_words_are_left_alone(text):
    assert kinds(text) == []
