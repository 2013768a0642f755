"""The results-at-scale benchmark still runs its exports end to end (no timing here): a
benchmark that fails quietly reports nothing, which is how an export broke unseen."""

from __future__ import annotations

import re

from sqlalchemy import create_engine

from benchmarks import results_scale
from benchmarks.dashboard_query import fill


def test_excel_and_csv_exports_run_on_a_small_filled_database(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'scale.db'}"
    engine = create_engine(url)
    answers = fill(engine, 400)
    engine.dispose()
    assert answers > 400

    results_scale.export(url, "xlsx", 400)
    results_scale.export(url, "csv", 400)
    printed = capsys.readouterr().out

    xlsx = re.search(
        r"xlsx export \(([\d,]+) responses, 400 days\): [\d.]+ s, ([\d,]+) bytes", printed
    )
    csv = re.search(
        r"csv export \(([\d,]+) responses, 400 days\): [\d.]+ s, ([\d,]+) bytes", printed
    )
    assert xlsx and csv, printed
    assert int(xlsx[1].replace(",", "")) == int(csv[1].replace(",", "")) > 0
    assert int(xlsx[2].replace(",", "")) > 5000 and int(csv[2].replace(",", "")) > 5000
