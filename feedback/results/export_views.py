"""Downloads of the results: CSV (streamed) and an Excel workbook."""

from __future__ import annotations

import tempfile
from pathlib import Path

from flask import Response, render_template, stream_with_context
from flask_login import current_user

from feedback.extensions import db
from feedback.results import bp
from feedback.results.access import may_see_names
from feedback.results.data import build_results
from feedback.results.export import csv_lines, lines
from feedback.results.scope import Chosen, chosen
from feedback.results.workbook import write_workbook
from feedback.staff.audit import record
from feedback.staff.roles import role_required

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _chosen_or_problem() -> tuple[Chosen, tuple | None]:
    c = chosen(db.session)
    if not c.valid:
        page = render_template("results/index.html", c=c, form=c.form, results=None)
        return c, (page, 422)
    return c, None


def _audit(what: str, c: Chosen) -> None:
    record(
        db.session,
        "results_download",
        actor_id=current_user.id,
        target_type="results",
        target_id=what,
        detail=f"{c.scope.period.slug} surveys={list(c.scope.surveys) or 'all'} "
        f"team={c.scope.team or 'all'}",
    )
    db.session.commit()


@bp.get("/answers.csv")
@role_required("lead")
def export_csv():
    """Every answer as CSV, with words and codes (streamed; written answers redacted)."""
    c, problem = _chosen_or_problem()
    if problem:
        return problem
    _audit("csv", c)
    # The questions are read now, while this request's session holds the surveys; the
    # answer rows stream afterwards (csv_lines).
    rows = csv_lines(db.session, c.scope, c.surveys or c.every, may_see_names(current_user))
    return Response(
        stream_with_context(lines(rows)),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="answers-{c.scope.period.slug}.csv"'
        },
    )


@bp.get("/answers.xlsx")
@role_required("lead")
def export_xlsx():
    """An Excel workbook: summary, questions and options, and a sheet per survey."""
    c, problem = _chosen_or_problem()
    if problem:
        return problem
    _audit("xlsx", c)
    surveys = c.surveys or c.every
    results = build_results(db.session, c.scope, surveys)
    db.session.commit()  # keeps the per-day answer counts for the next view
    with tempfile.TemporaryDirectory(prefix="results-") as tmp:
        path = Path(tmp) / "answers.xlsx"
        write_workbook(db.session, path, results, surveys, may_see_names(current_user))
        data = path.read_bytes()  # a few MB; read before the folder goes
    name = f"answers-{c.scope.period.slug}.xlsx"
    return Response(
        data, mimetype=XLSX, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
