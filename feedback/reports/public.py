"""The public "What you told us and what we did" pages: one per audience, no sign-in.

Linked from every survey's thank-you screen and from the survey posters. They show only
what `build_report` gives the family edition: actions published for families (which the
language checker has passed) and quotes through the one quote rule, redacted; figures
from fewer than 5 responses are already suppressed in the data.
"""

from __future__ import annotations

from datetime import date, timedelta

from flask import Blueprint, Response, abort, current_app, render_template, request

from feedback.audiences.services import get_audience, list_audiences
from feedback.extensions import db
from feedback.i18n import use_language
from feedback.languages import languages, text_direction
from feedback.reports import services
from feedback.reports.data import Report, build_report
from feedback.reports.family import feeling_key, sections
from feedback.reports.period import Period
from feedback.reports.pictures import svg

bp = Blueprint("reports_public", __name__, url_prefix="/you-told-us")
DAYS = 365  # the public page covers the last year


def _period(today: date | None = None) -> Period:
    today = today or date.today()
    return Period(today - timedelta(days=DAYS - 1), today)


def _language(audience: str | None) -> str:
    """The language asked for, if a survey is offered in it (for this audience), else English."""
    code = request.args.get("lang", "en")
    return code if code in services.public_languages(db.session, audience) else "en"


def _render(template: str, lang: str, **context):
    use_language(lang)
    return render_template(
        template,
        lang=lang,
        page_lang=lang,
        page_dir=text_direction(lang),
        known_languages=languages(),
        **context,
    )


@bp.get("/")
def index():
    """Choose who you are: one page for each age group, and one for parents and carers."""
    lang = _language(None)
    return _render(
        "reports/public_index.html",
        lang,
        audiences=list_audiences(db.session),
        offered=services.public_languages(db.session, None),
    )


@bp.get("/<audience>")
def page(audience: str):
    """What children and families of this audience told us and what we did (last year)."""
    band = get_audience(db.session, audience)
    if band is None:
        abort(404)
    lang = _language(audience)
    report: Report = build_report(db.session, _period(), audiences=[audience])
    return _render(
        "reports/public.html",
        lang,
        audience=audience,
        band=band,
        report=report,
        sections=sections,
        feeling_key=feeling_key,
        picture=svg,
        offered=services.public_languages(db.session, audience),
        service=services.service_info(current_app.config),
    )


@bp.get("/<audience>/booklet.pdf")
def booklet(audience: str):
    """The same as a PDF booklet (the Easy Read family edition) to download or print."""
    if get_audience(db.session, audience) is None:
        abort(404)
    period = _period()
    data = services.report_pdf(
        db.session, "family", period, (), [audience], services.service_info(current_app.config)
    )
    name = f"you-told-us-we-did-{audience}-{period.slug}.pdf"
    return Response(
        data,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
