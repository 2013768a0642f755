"""Render a built report as PDF, in either edition."""

from __future__ import annotations

from datetime import date

from feedback.reports.board import render_board
from feedback.reports.data import Report
from feedback.reports.family import render_family
from feedback.reports.words import EDITIONS, Service


def render_pdf(
    report: Report, edition: str, service: Service, today: date | None = None, extras=None
) -> bytes:
    """The report as PDF bytes: "family" (Easy Read) or "board" (with `extras`: the
    trend and question pages from `feedback.results.board_data`)."""
    if edition not in EDITIONS:
        raise ValueError(f"Unknown edition {edition!r}: choose one of {', '.join(EDITIONS)}.")
    if edition == "family":
        return render_family(report, service)
    return render_board(report, service, today, extras)
