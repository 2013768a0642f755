"""`flask report`: write a report PDF for a period from the command line."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from feedback.audiences.services import audience_keys
from feedback.extensions import db
from feedback.reports import services
from feedback.reports.period import BadPeriod, Period
from feedback.reports.words import EDITIONS
from feedback.staff.audit import record


@click.command("report")
@with_appcontext
@click.option("--edition", type=click.Choice(EDITIONS), required=True)
@click.option("--from", "start", required=True, metavar="YYYY-MM-DD")
@click.option("--to", "end", required=True, metavar="YYYY-MM-DD")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the PDF.",
)
@click.option(
    "--survey",
    "surveys",
    multiple=True,
    metavar="CODE",
    help="Only this survey (its link code or shipped key); repeat for more.",
)
@click.option(
    "--audience",
    "audiences",
    multiple=True,
    metavar="AUDIENCE",
    help="Only this audience (4-7, 8-12, 13-18, parent or a band you added); repeat for more.",
)
def report_command(edition, start, end, out, surveys, audiences) -> None:
    """Write a "You told us, we did" report (family or board edition) as a PDF."""
    try:
        period = Period.parse(start, end)
        survey_ids = services.survey_ids(db.session, surveys)
        unknown = set(audiences) - set(audience_keys(db.session))
        if unknown:
            raise click.BadParameter(f"no audience called {', '.join(sorted(unknown))}")
    except (BadPeriod, services.UnknownSurvey) as error:
        raise click.BadParameter(str(error)) from None
    pdf = services.report_pdf(
        db.session,
        edition,
        period,
        survey_ids,
        audiences,
        services.service_info(current_app.config),
    )
    out.write_bytes(pdf)
    record(
        db.session,
        "report_download",
        target_type="report",
        target_id=edition,
        detail=f"cli pdf {period.slug}",
    )
    db.session.commit()
    click.echo(f"Wrote the {edition} edition for {period.label} to {out} ({len(pdf):,} bytes).")
