"""The results page: every question of a survey, or of all the surveys for one audience."""

from __future__ import annotations

from flask import render_template

from feedback.audiences.services import audience_keys
from feedback.dashboard import charts
from feedback.extensions import db
from feedback.reports.words import audience_name, shown
from feedback.results import bp, kinds
from feedback.results.data import QuestionResult, build_results
from feedback.results.scope import chosen
from feedback.staff.roles import role_required


def chart(question: QuestionResult) -> charts.Chart:
    """Bars of the percent choosing each answer, from the figures in the question's table."""
    return charts.rows([(o.label, o.percent) for o in question.options], suffix="%")


def change(option) -> str:
    """Points up or down since the period before, or a dash when either is hidden."""
    if option.change is None:
        return "–"
    return f"{option.change:+d} points" if option.change else "no change"


@bp.get("/")
@role_required("lead")
def index():
    """Every question's answers, with their words, counts, percentages and a chart."""
    c = chosen(db.session)
    results = build_results(db.session, c.scope, c.surveys) if c.surveys else None
    db.session.commit()  # keeps the per-day answer counts for the next view
    return render_template(
        "results/index.html",
        c=c,
        form=c.form,
        results=results,
        chart=chart,
        change=change,
        shown=shown,
        kinds=kinds,
        audiences=audience_keys(db.session),
        audience_name=audience_name,
    ), (200 if c.valid else 422)
