"""Leads' report screens: choose a period, download a PDF or CSV, or read a report on screen."""

from __future__ import annotations

from datetime import date

from flask import (
    Response,
    current_app,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_login import current_user
from sqlalchemy import select

from feedback.extensions import db
from feedback.reports import bp, services
from feedback.reports.board import method_lines, split, surveys_text
from feedback.reports.data import build_report
from feedback.reports.export import csv_lines
from feedback.reports.family import sections
from feedback.reports.forms import ReportForm
from feedback.reports.pictures import svg
from feedback.reports.queries import Filters
from feedback.reports.words import audience_name, change, shown, words
from feedback.staff.audit import record
from feedback.staff.roles import role_required
from feedback.surveys.models import Survey


def _form() -> ReportForm:
    surveys = db.session.scalars(select(Survey).order_by(Survey.audience, Survey.title)).all()
    return ReportForm(request.args, surveys=surveys)


def _audit(what: str, form: ReportForm) -> None:
    record(
        db.session,
        "report_download",
        actor_id=current_user.id,
        target_type="report",
        target_id=what,
        detail=f"{form.period().slug} surveys={form.survey.data or 'all'} "
        f"audiences={form.audience.data or 'all'}",
    )
    db.session.commit()


def _invalid(form: ReportForm):
    if not request.args:  # a bare link: show the form rather than complain
        return redirect(url_for("reports.index"))
    return render_template("reports/index.html", form=form), 422


@bp.get("/")
@role_required("lead")
def index():
    """Choose a period and filters, then download or read a report."""
    return render_template("reports/index.html", form=_form())


@bp.get("/pdf")
@role_required("lead")
def pdf():
    """Download one edition as a PDF."""
    form = _form()
    if not form.validate():
        return _invalid(form)
    edition = form.edition.data
    data = services.report_pdf(
        db.session,
        edition,
        form.period(),
        form.survey.data,
        form.audience.data,
        services.service_info(current_app.config),
        questions=bool(form.questions.data),
    )
    _audit(f"{edition}-pdf", form)
    name = f"you-told-us-we-did-{edition}-{form.period().slug}.pdf"
    return Response(
        data,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.get("/read")
@role_required("lead")
def read():
    """Show one edition as a web page, for screen readers and for reading on screen."""
    form = _form()
    if not form.validate():
        return _invalid(form)
    report = build_report(db.session, form.period(), form.survey.data, form.audience.data)
    _audit(f"{form.edition.data}-html", form)
    return render_template(
        f"reports/{form.edition.data}.html",
        report=report,
        w=words(),
        shown=shown,
        change=change,
        audience_name=audience_name,
        sections=sections,
        picture=svg,
        split=split,
        method_lines=method_lines(report),
        surveys_text=surveys_text(report),
        service=services.service_info(current_app.config),
        today=date.today(),
    )


@bp.get("/responses.csv")
@role_required("lead")
def responses_csv():
    """Download the period's responses as CSV (streamed; comments redacted)."""
    form = _form()
    if not form.validate():
        return _invalid(form)
    filters = Filters(form.period(), tuple(form.survey.data), tuple(form.audience.data))
    _audit("responses-csv", form)
    name = f"responses-{form.period().slug}.csv"
    return Response(
        stream_with_context(csv_lines(db.session, filters)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
