"""Chart geometry: bars in proportion, and nothing drawn to scale for a suppressed figure."""

from feedback.analysis.scores import Figure
from feedback.dashboard import charts


def test_columns_are_in_proportion_and_suppressed_ones_are_outlines():
    chart = charts.columns([("1 Mar", Figure(10)), ("2 Mar", Figure(None)), ("3 Mar", Figure(20))])
    first, hidden, third = chart.rects
    assert (first.css, hidden.css, third.css) == ("bar", "suppressed", "bar")
    assert abs(third.height - 2 * first.height) < 0.01
    assert hidden.height < first.height and "fewer" not in " ".join(
        label.text for label in chart.labels
    )


def test_score_rows_say_fewer_than_5_instead_of_a_bar():
    chart = charts.rows([("1. Relationships", Figure(80)), ("2. Assessments", Figure(None))])
    bars = [r for r in chart.rects if r.css == "bar"]
    assert len(bars) == 1 and bars[0].width == (charts.WIDTH - 158) * 0.8
    assert [label.text for label in chart.labels if label.css == "value"] == [
        "80",
        charts.SUPPRESSED,
    ]


def test_share_bars_add_up_to_the_whole_width():
    chart = charts.shares([("1. Relationships", Figure(50), Figure(20), Figure(30))])
    parts = [r for r in chart.rects if r.css in ("positive", "neutral", "negative")]
    assert [p.css for p in parts] == ["positive", "neutral", "negative"]
    assert abs(sum(p.width for p in parts) - (charts.WIDTH - 158)) < 0.01
    assert chart.labels[-1].text == "50% / 20% / 30%"
