"""Administrators end a member of staff's sessions at once (for example the day they leave,
without waiting for their session to time out)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from feedback.extensions import db
from feedback.staff import bp
from feedback.staff.audit import log
from feedback.staff.models import User
from feedback.staff.roles import role_required
from feedback.staff.views import start_session


@bp.get("/accounts/sessions")
@role_required()  # administrators only
def staff_sessions():
    """List staff accounts, each with a button that signs them out everywhere."""
    users = db.session.scalars(select(User).order_by(User.name, User.id)).all()
    return render_template("staff/end_sessions.html", users=users)


@bp.post("/accounts/<int:user_id>/end-sessions")
@role_required()
def end_user_sessions(user_id: int):
    """Sign this account out on every device now; they must sign in again."""
    user = db.session.get(User, user_id) or abort(404)
    user.end_sessions()
    log("sessions_ended", "user", user.id, "administrator")
    db.session.commit()
    if user.id == current_user.id:
        start_session(user)  # this session carries on with the new nonce, as after a new password
        flash("Your other sessions have been signed out.")
    else:
        flash(f"{user.name} has been signed out everywhere.")
    return redirect(url_for("staff.staff_sessions"))
