"""How words are matched: whole words, capitals, context, overlaps, odd characters."""

import pytest

from feedback.language import check_language


def phrases(text, **kwargs):
    return [f.phrase for f in check_language(text, **kwargs)]


@pytest.mark.parametrize(
    "text",
    [
        "Learn CPR at the first aid class.",
        "The CPU in the laptop is slow.",
        "It had a big impact on me.",
        "We went to the cinema on Saturday.",
        "Lacrosse is on Wednesdays.",
        "Put the mash on the plates.",
        "She has a pep talk before the match.",
    ],
)
def test_acronyms_are_never_found_inside_other_words_or_in_lower_case(text):
    assert phrases(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("He is on a CP plan.", ["CP"]),
        ("The LACs meet on Friday.", ["LACs"]),
        ("The CIN's plan was agreed.", ["CIN's"]),
        ("We spoke to CAMHS/MASH today.", ["CAMHS", "MASH"]),
        ("(IRO) chaired it.", ["IRO"]),
    ],
)
def test_acronyms_in_capitals_are_found_with_plurals_and_possessives(text, found):
    assert phrases(text) == found


def test_acronyms_are_case_sensitive_but_phrases_are_not():
    assert phrases("cp plan and cin visit") == []
    assert phrases("FAILED TO ENGAGE") == ["FAILED TO ENGAGE"]
    assert phrases("Mum Failed To Engage.") == ["Failed To Engage"]


def test_a_line_in_capitals_is_not_read_as_acronyms():
    assert phrases("PRESS SEND WHEN YOU ARE READY") == []
    assert phrases("Ask your school about SEND support.") == ["SEND"]


@pytest.mark.parametrize(
    "text",
    [
        "Please contact us if anything changes.",
        "Contact your worker on the number below.",
        "Our contact details are on the back of this letter.",
        "We have been in contact with your school.",
        "You can get in contact with us at any time.",
        "If you need to contact the duty team, ring 01234 567890.",
    ],
)
def test_contact_meaning_getting_in_touch_is_not_flagged(text):
    assert phrases(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Contact with mum is fortnightly.",
        "Supervised contact takes place on Saturdays.",
        "The contact arrangements will be reviewed.",
        "Contact has been reduced to monthly.",
        "Nan's contact was cancelled.",
        "Ellie enjoys contact with her little brother.",
    ],
)
def test_contact_meaning_family_time_is_flagged_with_family_time_suggested(text):
    (finding,) = check_language(text)
    assert finding.phrase.lower() == "contact"
    assert "family time" in finding.suggestion


def test_placement_at_work_or_school_is_not_a_home():
    assert phrases("Megan starts her work placement in June.") == []
    assert phrases("Megan moved to a new foster placement.") == ["placement"]


def test_overlapping_findings_are_reported_once_as_the_longest():
    findings = check_language("Your LAC review is on Monday.")
    assert [(f.phrase, f.kind) for f in findings] == [("LAC review", "cold")]
    assert phrases("Parents failed to engage with the plan.") == ["failed to engage"]


def test_phrases_and_offsets_are_as_written_even_with_odd_unicode():
    text = (
        "Mum \u201cfailed\u00a0to\u00a0engage\u201d; "
        "the \uff23\uff30 plan; she\u2019s non\u2011compliant."
    )
    findings = check_language(text)
    assert [f.phrase for f in findings] == [
        "failed\u00a0to\u00a0engage",
        "\uff23\uff30",
        "non\u2011compliant",
    ]
    assert all(text[f.start : f.end] == f.phrase for f in findings)


def test_invisible_characters_inside_a_word_do_not_hide_it():
    text = "Dad abs\u200bconded last night."
    (finding,) = check_language(text)
    assert finding.phrase == "abs\u200bconded"


def test_every_finding_has_a_reason_and_a_suggestion(shared_examples, extra_examples):
    findings = [f for _, text in shared_examples + extra_examples for f in check_language(text)]
    assert len(findings) > 40
    for finding in findings:
        assert finding.reason.strip() and finding.suggestion.strip(), finding
        assert "{" not in finding.reason + finding.suggestion, finding
        assert finding.kind in {"acronym", "jargon", "blaming", "cold"}


def test_findings_come_in_the_order_they_appear():
    findings = check_language("The MASH got a referral and the IRO heard about respite.")
    assert [f.phrase for f in findings] == ["MASH", "referral", "IRO", "respite"]
    assert [f.kind for f in findings] == ["acronym", "jargon", "acronym", "cold"]


def test_empty_and_blank_text_have_no_findings():
    assert check_language("") == []
    assert check_language("   \n") == []


@pytest.mark.parametrize(
    "text",
    [
        "Just in case, bring a coat.",
        "Grandma looked after us when Mum was poorly.",
        "You can refuse to answer any question.",
        "The refuse collection is on Thursday.",
        "We have placed a copy of the plan in the post.",
        "Mornings can feel chaotic with three children.",
        "You can complain to the ICO about how we use your data.",
        "We kicked off the meeting with a game.",
        "It has been a difficult time for your family.",
        "We have improved our contact with parents after meetings.",
    ],
)
def test_everyday_uses_of_glossary_words_are_not_flagged(text):
    assert phrases(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Dad's lifestyle is chaotic.", ["chaotic"]),
        ("He refused to speak to his worker.", ["refused"]),
        ("Your case will be closed next month.", ["case"]),
        ("She was placed a long way from home.", ["placed"]),
        ("He became looked after in 2021.", ["looked after"]),
        ("Kayla is putting herself at risk.", ["putting herself at risk"]),
    ],
)
def test_the_same_words_used_about_a_family_are_flagged(text, found):
    assert phrases(text) == found
