"""CSV export: one query however many responses, and cells a spreadsheet will not run."""

import csv
import io
from datetime import date

import pytest
from sqlalchemy import event

from feedback.extensions import db
from feedback.reports.export import csv_lines, safe_cell
from feedback.reports.period import Period
from feedback.reports.queries import Filters
from tests.reports.factories import respond, survey_for

SPRING = Filters(Period(date(2026, 3, 1), date(2026, 3, 31)))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+44 1234", "'+44 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("plain words", "plain words"),
        (-5, -5),
    ],
)
def test_cells_that_could_run_as_formulas_are_made_plain(cell, expected):
    assert safe_cell(cell) == expected


def test_export_reads_everything_with_one_query(session):
    survey = survey_for(session)
    for n in range(30):
        respond(
            session,
            survey,
            {
                "worker_kind": "4",
                "keeps_promises": "yes",
                "helped_most": f"Ring Sarah on 07700 90012{n % 10}",
            },
        )
    session.commit()
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        text = "".join(csv_lines(session, SPRING))
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(statements) == 1
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 30 * 3
    assert {r["answer"] for r in rows if r["question_key"] == "helped_most"} == {
        "Ring [name] on [phone number]"
    }
    assert {r["score"] for r in rows if r["question_key"] == "worker_kind"} == {"75"}
