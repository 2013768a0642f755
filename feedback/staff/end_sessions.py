"""Administrators end a member of staff's sessions at once (for example the day they leave,
without waiting for their session to time out)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from sqlalchemy import select

from feedback.extensions import db
from feedback.staff import bp
from feedback.staff.audit import log
from feedback.staff.models import User
from feedback.staff.roles import role_required


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
    flash(f"{user.name} has been signed out everywhere.")
    return redirect(url_for("staff.staff_sessions"))
