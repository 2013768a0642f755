"""The board edition with the results: a trend over four periods for each principle, and
question-by-question pages, with no page left almost empty."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta

from feedback.reports.period import Period
from feedback.reports.services import report_pdf
from feedback.reports.words import Service
from feedback.results.board_data import build_board_extras, last_periods
from tests.results.factories import many

TODAY = date.today()
PERIOD = Period(TODAY - timedelta(days=29), TODAY)


def _pages(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "board.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def test_last_four_periods_end_with_the_reports_own():
    periods = last_periods(PERIOD)
    assert len(periods) == 4 and periods[-1] == PERIOD
    assert periods[0].end + timedelta(days=1) == periods[1].start


def test_trend_has_each_principle_and_hides_small_groups(session):
    many(session, 6, {"feel_safe": "5", "worker_kind": "5"})
    many(session, 3, {"worker_kind": "1"}, days=40)
    extras = build_board_extras(session, PERIOD)
    assert len(extras.trend) == 6
    first = extras.trend[0]
    assert first.scores[-1].value == 100 and first.scores[-2].suppressed
    assert extras.questions is None


def test_board_pdf_has_question_pages_and_no_near_empty_page(session, tmp_path):
    survey, _ = many(session, 8, {"feel_safe": "1", "meetings_better": ["choose_who"]})
    session.commit()
    pdf = report_pdf(
        session, "board", PERIOD, [survey.id], [], Service("Test council", ""), TODAY, True
    )
    pages = _pages(pdf, tmp_path)
    text = "\n".join(pages)
    assert "Scores over the last four periods" in text
    assert "Answers to each question" in text and "How safe do you feel where you live?" in text
    assert "Really bad" in text and "Choosing who comes" in text and "not_at_school" not in text
    for number, page in enumerate(pages[1:-1], start=2):
        lines = [line for line in page.splitlines() if line.strip()]
        assert len(lines) > 6, f"page {number} is almost empty: {lines}"
