"""The alert queue for the designated safeguarding lead (and administrators)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import case, select
from sqlalchemy.orm import joinedload

from feedback.alerts import SEES_ALERTS, bp
from feedback.alerts.forms import AcknowledgeForm
from feedback.alerts.models import AlreadyAcknowledged, SafeguardingAlert
from feedback.extensions import db
from feedback.staff import audit
from feedback.staff.models import User
from feedback.staff.roles import role_required
from feedback.surveys.models import Answer

PAGE_SIZE = 100


def _alert_or_404(alert_id: int) -> SafeguardingAlert:
    alert = db.session.scalar(
        select(SafeguardingAlert)
        .options(
            joinedload(SafeguardingAlert.survey),
            joinedload(SafeguardingAlert.answer).joinedload(Answer.response),
        )
        .where(SafeguardingAlert.id == alert_id)
    )
    if alert is None:
        abort(404)
    return alert


@bp.get("/")
@role_required(*SEES_ALERTS)
def index():
    """Every alert, those still waiting for an action first, newest first."""
    waiting_first = case((SafeguardingAlert.acknowledged_at.is_(None), 0), else_=1)
    alerts = db.session.scalars(
        select(SafeguardingAlert)
        .options(
            joinedload(SafeguardingAlert.survey),
            joinedload(SafeguardingAlert.answer).joinedload(Answer.response),
        )
        .order_by(waiting_first, SafeguardingAlert.raised_at.desc(), SafeguardingAlert.id.desc())
        .limit(PAGE_SIZE)
    ).all()
    audit.log("viewed", "safeguarding_alerts", "", f"queue of {len(alerts)}")
    db.session.commit()
    return render_template("alerts/index.html", alerts=alerts)


def _visit(alert: SafeguardingAlert) -> dict | None:
    """The shared-tablet visit the answer came from (its worker and team), if any: the
    way to follow an anonymous alert up without guessing at the child."""
    response = alert.answer.response if alert.answer is not None else None
    if response is None or not (response.worker_id or response.team):
        return None
    worker = db.session.get(User, response.worker_id) if response.worker_id else None
    return {"worker": worker, "team": response.team}


def _detail(alert: SafeguardingAlert, form: AcknowledgeForm, status: int = 200):
    handler = db.session.get(User, alert.acknowledged_by_id) if alert.acknowledged_by_id else None
    page = render_template(
        "alerts/detail.html", alert=alert, form=form, handler=handler, visit=_visit(alert)
    )
    return page, status


@bp.get("/<int:alert_id>")
@role_required(*SEES_ALERTS)
def detail(alert_id: int):
    """One alert: the comment, the survey, when it came in, and what was done."""
    alert = _alert_or_404(alert_id)
    audit.log("alert_viewed", "safeguarding_alert", alert.id)
    db.session.commit()
    return _detail(alert, AcknowledgeForm())


@bp.post("/<int:alert_id>")
@role_required(*SEES_ALERTS)
def acknowledge(alert_id: int):
    """Record what was done about an alert (once; it is then kept as it is)."""
    alert = _alert_or_404(alert_id)
    form = AcknowledgeForm()
    if not form.validate():
        return _detail(alert, form, 422)
    try:
        alert.acknowledge(current_user.id, form.action.data)
    except AlreadyAcknowledged as error:
        form.action.errors = [str(error)]
        return _detail(alert, form, 409)
    audit.log("alert_handled", "safeguarding_alert", alert.id)
    db.session.commit()
    flash(f"Saved what was done about alert {alert.id}.")
    return redirect(url_for("alerts.index"), 303)
