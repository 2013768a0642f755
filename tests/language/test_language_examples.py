"""The checker on labelled lines: staff wording must be flagged, kind plain words not."""

from feedback.language import check_language


def _mistakes(examples):
    return [
        (should_flag, text, [f.phrase for f in findings])
        for should_flag, text in examples
        if bool(findings := check_language(text)) != should_flag
    ]


def test_shared_examples_flag_every_line_labelled_1_and_none_labelled_0(shared_examples):
    assert len(shared_examples) >= 20
    assert _mistakes(shared_examples) == []


def test_our_own_examples_of_plans_letters_and_notes(extra_examples):
    assert sum(flag for flag, _ in extra_examples) >= 20
    assert sum(not flag for flag, _ in extra_examples) >= 20
    assert _mistakes(extra_examples) == []
