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
from feedback.surveys.models import Survey

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
    ids = [s.id for s in c.surveys or c.every]
    sees_names = may_see_names(current_user)
    _audit("csv", c)

    def rows():
        # Streamed after this view returns, when a real server reads it in a session of
        # its own: the surveys read above are no longer bound to one, so read them again.
        surveys = [db.session.get(Survey, i) for i in ids]
        yield from lines(csv_lines(db.session, c.scope, surveys, sees_names))

    return Response(
        stream_with_context(rows()),
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
