"""`flask send-alert-emails`: try again to email the safeguarding leads about alerts."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from feedback.alerts.mail import send_pending
from feedback.extensions import db


@click.command("send-alert-emails")
@with_appcontext
def send_alert_emails_command() -> None:
    """Email the safeguarding leads about alerts whose email has not gone yet (run often)."""
    sent: set[int] = set()
    failed: set[int] = set()
    not_set_up = 0
    while True:
        result = send_pending(db.session, current_app.config)
        sent.update(result.sent)
        failed.update(result.failed)
        not_set_up += len(result.not_set_up)
        if not result.sent:
            break  # nothing more to send, or the mail server is taking none
    failed -= sent
    note = f", {not_set_up} not sent because SMTP_HOST is not set" if not_set_up else ""
    click.echo(f"{len(sent)} alert email(s) sent, {len(failed)} failed{note}.")
    if failed:
        raise click.ClickException("Some alert emails could not be sent; they stay marked failed.")
