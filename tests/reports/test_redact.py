"""Redaction: what could identify someone is taken out before a comment is quoted."""

import pytest

from feedback.reports.redact import redact


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("My worker Sarah is ace", "My worker [name] is ace"),
        ("sarah never answers her phone", "[name] never answers her phone"),
        ("I saw Mrs Okonkwo on Monday with Mum", "I saw Mrs [name] on Monday with Mum"),
        ("Ring me on 07700 900123", "Ring me on [phone number]"),
        ("call 01803 208000 or +44 (0)1803 208 001", "call [phone number] or [phone number]"),
        ("email jo.bloggs+x@example.co.uk please", "email [email] please"),
        ("We live at TQ1 2AB now", "We live at [postcode] now"),
        ("postcode bs14dj", "postcode [postcode]"),
        ("I go to Oakfield Primary School", "I go to [school]"),
        ("St Mary's C of E Primary is ok", "[school] is ok"),
        ("She came to Paignton Community College", "She came to [school]"),
        ("We meet at school", "We meet at school"),
        ("At school it is fine", "At school it is fine"),
        ("My primary school is nice", "My primary school is nice"),
        ("The Working Together Agreement helped us", "The Working Together Agreement helped us"),
        ("I feel <b>sad", "I feel <b>sad"),
    ],
)
def test_personal_details_are_taken_out(comment, expected):
    assert redact(comment) == expected


def test_known_names_are_taken_out_even_at_the_start_of_a_sentence():
    assert redact("Kayden helps me. Ask Kayden", names=["Kayden Smith"]) == (
        "[name] helps me. Ask [name]"
    )


def test_everyday_words_in_a_staff_name_are_not_treated_as_names():
    assert redact("My worker is kind", names=["Sam Worker"]) == "My worker is kind"


def test_a_surname_that_is_an_everyday_word_goes_only_when_capitalised():
    assert redact("young people need help, ask Young or jo", names=["Jo Young"]) == (
        "young people need help, ask [name] or [name]"
    )
