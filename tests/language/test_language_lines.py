"""The line-by-line report behind `flask check-language FILE`."""

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from feedback.language import check_language, check_lines, write_findings


def test_findings_are_written_per_line_with_why_and_what_to_try():
    out = []
    lines = io.StringIO(
        "We will visit you.\nThe LAC review is next week.\n\nMum was uncooperative.\n"
    )
    total = write_findings(lines, out.append)
    assert total == 2
    assert out[0] == "line 2, column 5: “LAC review” (cold word)"
    assert out[1].startswith("    why: ") and out[2].startswith("    try: “your meeting”")
    assert out[3] == "line 4, column 9: “uncooperative” (blaming or labelling)"
    assert out[-1] == "2 findings on 2 of 4 lines."


def test_a_clean_file_says_so():
    out = []
    assert write_findings(["We want to hear what you think."], out.append) == 0
    assert out == ["0 findings on 0 of 1 line."]


def test_check_lines_numbers_lines_and_uses_the_audience():
    results = list(check_lines(["Hello.\r\n", "Your SGO letter.\n"], audience="parent"))
    assert [(n, line) for n, line, _ in results] == [(1, "Hello."), (2, "Your SGO letter.")]
    assert [f.phrase for f in results[1][2]] == ["SGO"]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=80).map(lambda s: s + " LAC review ")
)
def test_any_text_is_checked_and_every_phrase_is_the_text_at_its_offsets(text):
    findings = check_language(text)
    assert findings
    for finding in findings:
        assert text[finding.start : finding.end] == finding.phrase
