"""`flask reanalyse`: run the analysis again over stored comments after the rules change."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from feedback.analysis.daily import recount_all
from feedback.analysis.reanalyse import BATCH, reanalyse
from feedback.extensions import db


@click.command("reanalyse")
@with_appcontext
@click.option("--batch", default=BATCH, show_default=True, help="Comments per transaction.")
def reanalyse_command(batch: int) -> None:
    """Re-run sentiment, themes and the safeguarding screen over every stored comment."""
    from feedback.alerts.mail import send_pending

    if batch < 1:
        raise click.BadParameter("must be 1 or more", param_hint="--batch")

    def commit() -> None:
        db.session.commit()
        db.session.expunge_all()  # keep memory flat over many batches

    result = reanalyse(db.session, batch=batch, after_batch=commit)
    db.session.commit()
    days = recount_all(db.session)  # so the next dashboard view does not have to
    db.session.commit()
    click.echo(
        f"{result.comments} comment(s) analysed again: {result.changed} changed, "
        f"{result.flagged} flagged, {result.new_alerts} new safeguarding alert(s), "
        f"{result.kept_themes} kept the themes a lead chose; {days} day(s) counted again."
    )
    if result.new_alerts:
        sent = send_pending(db.session, current_app.config)
        if sent.failed:
            click.echo(
                f"{len(sent.failed)} alert email(s) could not be sent; they will be retried."
            )
