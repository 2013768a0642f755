"""The safeguarding lead's alert queue, the open-alert count on every staff page, and
emails about new alerts (without the comment) once the alert is safely committed.

Alerts themselves (model and services) live in `feedback.alerts.models`.
"""

from __future__ import annotations

from functools import partial

from flask import Blueprint, Flask, Response, current_app, g, has_request_context
from sqlalchemy import event
from sqlalchemy.orm import Session

bp = Blueprint("alerts", __name__, url_prefix="/staff/alerts")
SEES_ALERTS = ("safeguarding", "admin")


def init_app(app: Flask) -> None:
    """Register the queue, the nav count, the after-commit emails and the CLI."""
    from feedback.alerts import cli, views  # noqa: F401  (views add routes)

    app.register_blueprint(bp)
    app.cli.add_command(cli.send_alert_emails_command)

    @app.context_processor
    def open_alerts() -> dict:
        return {"open_alerts": _open_alert_count}

    @app.after_request
    def email_new_alerts(response: Response) -> Response:
        # Sent once the child's page has gone (the server closes the response then): a
        # slow mail server must not keep a child waiting.
        if g.pop("alerts_to_email", False):
            response.call_on_close(partial(_send_after_response, current_app._get_current_object()))
        return response


def email_after_this_response() -> None:
    """Call once a new alert is committed: the emails go after this request's response."""
    if has_request_context():
        g.alerts_to_email = True


@event.listens_for(Session, "after_commit")
def _note_committed_alerts(session: Session) -> None:
    from feedback.alerts.models import committed_alerts

    if committed_alerts(session):
        email_after_this_response()


def _send_after_response(app: Flask) -> None:
    with app.app_context():
        _send_now()


def _send_now() -> None:
    """Email the safeguarding leads about new (and earlier unsent) alerts."""
    from feedback.alerts.mail import send_pending
    from feedback.extensions import db

    try:
        send_pending(db.session, current_app.config)
    except Exception:  # the child's page must not fail; the alert shows the send failed
        current_app.logger.exception("Could not record the safeguarding alert emails")
        db.session.rollback()


def _open_alert_count() -> int | None:
    """Open alerts, for the safeguarding lead (and admins) only; None for everyone else.

    Called from the staff nav, so the count is only worked out on pages that show it.
    """
    from flask_login import current_user

    from feedback.alerts.models import open_alert_count
    from feedback.extensions import db

    if not (current_user.is_authenticated and current_user.has_role(*SEES_ALERTS)):
        return None
    if "open_alert_count" not in g:
        g.open_alert_count = open_alert_count(db.session)
    return g.open_alert_count
