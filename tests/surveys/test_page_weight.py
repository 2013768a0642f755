"""Every survey screen stays within 40 KB of HTML, CSS and JavaScript (pictures excluded),
as measured by benchmarks/page_weight.py."""

from benchmarks.page_weight import BUDGET, measure


def test_every_survey_screen_is_within_the_page_weight_budget():
    screens = measure()
    names = " ".join(s.name for s in screens)
    for kind in ("faces3", "faces5", "yesno", "single", "multi", "text", "statements",
                 "one_other", "number"):  # fmt: skip
        assert f"({kind})" in names
    for part in ("start", "error", "send", "thank you", "tablet welcome", "idle warning"):
        assert part in names
    assert all(s.html > 1000 and s.css > 0 for s in screens)
    over = [(s.name, s.total) for s in screens if s.total > BUDGET]
    assert over == []
