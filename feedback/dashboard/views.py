"""The dashboard for participation leads (and administrators)."""

from __future__ import annotations

from datetime import date

from flask import render_template
from flask_login import current_user

from feedback.dashboard import bp, charts
from feedback.dashboard.data import build_dashboard
from feedback.dashboard.forms import DashboardForm, read_filters
from feedback.extensions import db
from feedback.reports.words import audience_name, change, shown
from feedback.results import queries as result_queries
from feedback.staff.roles import role_required


def chart_set(dashboard) -> dict[str, charts.Chart]:
    """The three charts, from the same figures as the tables under them."""
    principles = dashboard.principles
    return {
        "over_time": charts.columns([(b.short, b.responses) for b in dashboard.over_time]),
        "scores": charts.rows([(f"{p.number}. {p.title}", p.overall.score) for p in principles]),
        "shares": charts.shares(
            [
                (
                    f"{p.number}. {p.title}",
                    p.overall.positive,
                    p.overall.neutral,
                    p.overall.negative,
                )
                for p in principles
            ]
        ),
    }


def filters() -> tuple[DashboardForm, bool, DashboardForm]:
    """(the form as sent, whether it is valid, the form to use: the default if not)."""
    surveys = result_queries.surveys(db.session)
    return read_filters(DashboardForm, lambda form: form.set_surveys(surveys))


@bp.get("/")
@role_required("lead")
def index():
    """Responses over time, scores per principle, themes with quotes, open alerts."""
    form, valid, chosen = filters()
    period, audiences = chosen.chosen_period(date.today()), chosen.audiences()
    dashboard = build_dashboard(db.session, period, audiences, chosen.surveys())
    db.session.commit()  # keeps the per-day totals counted for this view
    return (
        render_template(
            "dashboard/index.html",
            form=form,
            d=dashboard,
            charts=chart_set(dashboard),
            shown=shown,
            change=change,
            audience_name=audience_name,
            sees_alerts=current_user.has_role("safeguarding", "admin"),
            links=chosen.links(),
        ),
        200 if valid else 422,
    )
