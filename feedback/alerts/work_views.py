"""The steps of working an alert: assign, add a note, close with an outcome, reopen.
Each is route -> form -> one service -> audit -> commit once -> back to the alert."""

from __future__ import annotations

from flask_login import current_user

from feedback.alerts import SEES_ALERTS, bp, work
from feedback.alerts.forms import AssignForm, CloseForm, NoteForm, ReopenForm
from feedback.alerts.history import OUTCOMES
from feedback.alerts.views import alert_or_404, detail_page, done, refused
from feedback.extensions import db
from feedback.staff.models import User
from feedback.staff.roles import role_required


@bp.post("/<int:alert_id>/assign")
@role_required(*SEES_ALERTS)
def assign(alert_id: int):
    """Give the alert to a safeguarding lead or administrator."""
    alert = alert_or_404(alert_id)
    form = AssignForm(people=work.assignable(db.session))
    if not form.validate():
        return detail_page(alert, 422, assign_form=form)
    person = db.session.get(User, form.assignee.data)
    try:
        work.assign_alert(db.session, alert, current_user.id, person)
    except ValueError as error:
        return refused(alert, error, assign_form=form)
    return done(alert, "alert_assigned", f"Alert {alert.id} is now with {person.name}.")


@bp.post("/<int:alert_id>/notes")
@role_required(*SEES_ALERTS)
def note(alert_id: int):
    """Add a dated note to the alert."""
    alert = alert_or_404(alert_id)
    form = NoteForm()
    if not form.validate():
        return detail_page(alert, 422, note_form=form)
    work.add_note(db.session, alert, current_user.id, form.text.data)
    return done(alert, "alert_noted", f"Added your note to alert {alert.id}.")


@bp.post("/<int:alert_id>/close")
@role_required(*SEES_ALERTS)
def close(alert_id: int):
    """Close the alert with an outcome and what was done."""
    alert = alert_or_404(alert_id)
    form = CloseForm()
    if not form.validate():
        return detail_page(alert, 422, close_form=form)
    try:
        work.close_alert(db.session, alert, current_user.id, form.outcome.data, form.note.data)
    except ValueError as error:
        return refused(alert, error, close_form=form)
    outcome = OUTCOMES[form.outcome.data].lower()
    return done(alert, "alert_closed", f"Closed alert {alert.id}: {outcome}.")


@bp.post("/<int:alert_id>/reopen")
@role_required(*SEES_ALERTS)
def reopen(alert_id: int):
    """Open a closed alert again, saying why."""
    alert = alert_or_404(alert_id)
    form = ReopenForm()
    if not form.validate():
        return detail_page(alert, 422, reopen_form=form)
    try:
        work.reopen_alert(db.session, alert, current_user.id, form.why.data)
    except ValueError as error:
        return refused(alert, error, reopen_form=form)
    return done(alert, "alert_reopened", f"Opened alert {alert.id} again.")
