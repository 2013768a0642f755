"""The alert queue for the designated safeguarding lead (and administrators), and working
one alert: assign it, add notes, close it with an outcome, reopen it."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from sqlalchemy import case, select
from sqlalchemy.orm import joinedload

from feedback.alerts import SEES_ALERTS, bp
from feedback.alerts.answers import whole_response
from feedback.alerts.forms import AssignForm, CloseForm, NoteForm, ReopenForm
from feedback.alerts.history import OUTCOMES
from feedback.alerts.models import SafeguardingAlert
from feedback.alerts.work import AlertStateError, assignable, history
from feedback.extensions import db
from feedback.staff import audit
from feedback.staff.models import User
from feedback.staff.roles import role_required
from feedback.surveys.drawing import png_bytes
from feedback.surveys.models import Answer
from feedback.web import private_png

PAGE_SIZE = 100


def alert_or_404(alert_id: int) -> SafeguardingAlert:
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
    """Every alert, open ones first, newest first."""
    waiting_first = case((SafeguardingAlert.closed_at.is_(None), 0), else_=1)
    alerts = db.session.scalars(
        select(SafeguardingAlert)
        .options(
            joinedload(SafeguardingAlert.survey),
            joinedload(SafeguardingAlert.answer).joinedload(Answer.response),
        )
        .order_by(waiting_first, SafeguardingAlert.raised_at.desc(), SafeguardingAlert.id.desc())
        .limit(PAGE_SIZE)
    ).all()
    people = {u.id: u for u in assignable(db.session)}
    audit.log("viewed", "safeguarding_alerts", "", f"queue of {len(alerts)}")
    db.session.commit()
    return render_template("alerts/index.html", alerts=alerts, people=people, outcomes=OUTCOMES)


def _visit(alert: SafeguardingAlert) -> dict | None:
    """The shared-tablet visit the answer came from (its worker and team), if any: the
    way to follow an anonymous alert up without guessing at the child."""
    response = alert.answer.response if alert.answer is not None else None
    if response is None or not (response.worker_id or response.team):
        return None
    worker = db.session.get(User, response.worker_id) if response.worker_id else None
    return {"worker": worker, "team": response.team}


def detail_page(alert: SafeguardingAlert, status: int = 200, **forms):
    """The alert page with its forms (any given in `forms` keep what was typed and errors)."""
    people = assignable(db.session)
    rows = history(db.session, alert)
    who = db.session.scalars(select(User).where(User.id.in_(_people_in(rows))))
    names = {u.id: u.name for u in who}
    response = alert.answer.response if alert.answer is not None else None
    page = render_template(
        "alerts/detail.html",
        alert=alert,
        visit=_visit(alert),
        response=response,
        answers=whole_response(db.session, response, alert.answer_id),
        history=rows,
        names=names,
        assignee=db.session.get(User, alert.assigned_to_id) if alert.assigned_to_id else None,
        outcomes=OUTCOMES,
        assign_form=forms.get("assign_form")
        or AssignForm(formdata=None, people=people, assignee=alert.assigned_to_id),
        note_form=forms.get("note_form") or NoteForm(formdata=None),
        close_form=forms.get("close_form") or CloseForm(formdata=None),
        reopen_form=forms.get("reopen_form") or ReopenForm(formdata=None),
        problem=forms.get("problem", ""),
    )
    return page, status


def _people_in(rows) -> set[int]:
    found = set()
    for row in rows:
        found.update(i for i in (row.by_id, getattr(row, "assignee_id", None)) if i)
    return found


@bp.get("/<int:alert_id>")
@role_required(*SEES_ALERTS)
def detail(alert_id: int):
    """One alert: the comment, the whole response, the survey, the visit, its history."""
    alert = alert_or_404(alert_id)
    audit.log("alert_viewed", "safeguarding_alert", alert.id)
    db.session.commit()
    return detail_page(alert)


@bp.get("/<int:alert_id>/drawing")
@role_required(*SEES_ALERTS)
def drawing(alert_id: int):
    """The picture the alert is about, if the child drew one (gone with its response)."""
    answer = alert_or_404(alert_id).answer
    try:
        return private_png(png_bytes(answer.drawing if answer and answer.drawing else ""))
    except ValueError:
        abort(404)


def done(alert: SafeguardingAlert, action: str, message: str):
    """Audit the step, commit once, and go back to the alert."""
    audit.log(action, "safeguarding_alert", alert.id)
    db.session.commit()
    flash(message)
    return redirect(url_for("alerts.detail", alert_id=alert.id), 303)


def refused(alert: SafeguardingAlert, error: AlertStateError | ValueError, **forms):
    db.session.rollback()
    status = 409 if isinstance(error, AlertStateError) else 422
    return detail_page(alert_or_404(alert.id), status, problem=str(error), **forms)


from feedback.alerts import work_views  # noqa: E402,F401  (the steps' routes)
